/**
 * A cheap scan of YAML text for flow brackets (`[`, `{`, `]`, `}`) outside quotes and comments,
 * before or beside the parser: the nesting-depth limit (yaml-source.ts) and the plain-words
 * message for a bracket that never closes (yaml-plain.ts) both read the text this way. It imports
 * nothing.
 */

/**
 * Calls `bracket(offset, opens)` for each flow bracket in `text` before `end`, in order; stops
 * early when it returns true. A quote opens only where YAML lets a quoted scalar start (after
 * white space, a bracket, a comma or a colon); `\"` inside double quotes does not close them.
 */
export function scanFlowBrackets(text: string, end: number, bracket: (offset: number, opens: boolean) => boolean | void): void {
  let quote: string | null = null;
  const stop = Math.min(end, text.length);
  for (let i = 0; i < stop; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    const prev = i === 0 ? '\n' : text[i - 1]!;
    if (c === '#' && /\s/.test(prev)) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if ((c === '"' || c === "'") && /[\s[{,:]/.test(prev)) quote = c;
    else if (c === '[' || c === '{') {
      if (bracket(i, true)) return;
    } else if (c === ']' || c === '}') {
      if (bracket(i, false)) return;
    }
  }
}
