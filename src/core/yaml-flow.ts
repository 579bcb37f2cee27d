/**
 * A cheap scan of YAML text for flow brackets (`[`, `{`, `]`, `}`) outside quotes and comments,
 * before or beside the parser: the nesting-depth limit (yaml-source.ts) and the plain-words
 * message for a bracket that never closes (yaml-plain.ts) both read the text this way. It imports
 * nothing.
 */

/** Where the scan has something to decide, outside quotes: a comment, a quote, a bracket. */
const OUTSIDE = /[#"'[\]{}]/g;
/** Inside double quotes: an escape or the closing quote. */
const IN_DOUBLE = /[\\"]/g;

/**
 * Calls `bracket(offset, opens)` for each flow bracket in `text` before `end`, in order; stops
 * early when it returns true. A quote opens only where YAML lets a quoted scalar start (after
 * white space, a bracket, a comma or a colon); `\"` inside double quotes does not close them.
 *
 * The regular expressions jump from one such character to the next: the scan runs as the first
 * thing a command does, when JavaScript still runs in V8's interpreter, and most characters of a
 * scenario are none of these (about 600 of 22,000 in December 2018).
 */
export function scanFlowBrackets(text: string, end: number, bracket: (offset: number, opens: boolean) => boolean | void): void {
  const stop = Math.min(end, text.length);
  let i = 0;
  while (i < stop) {
    OUTSIDE.lastIndex = i;
    const m = OUTSIDE.exec(text);
    if (m === null || m.index >= stop) return;
    i = m.index;
    const c = m[0];
    const prev = i === 0 ? '\n' : text[i - 1]!;
    if (c === '#') {
      if (/\s/.test(prev)) {
        const nl = text.indexOf('\n', i);
        if (nl < 0) return;
        i = nl;
      }
    } else if (c === '"' || c === "'") {
      if (/[\s[{,:]/.test(prev)) {
        i = closingQuote(text, i + 1, c);
        if (i < 0) return;
      }
    } else if (bracket(i, c === '[' || c === '{')) return;
    i++;
  }
}

/** Offset of the quote that closes one opened before `from`, or -1 when none does. */
function closingQuote(text: string, from: number, quote: string): number {
  if (quote === "'") return text.indexOf("'", from);
  for (let i = from; ; i += 2) {
    IN_DOUBLE.lastIndex = i;
    const m = IN_DOUBLE.exec(text);
    if (m === null) return -1;
    i = m.index;
    if (m[0] === '"') return i;
  }
}
