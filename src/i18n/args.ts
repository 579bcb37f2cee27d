/** The parameter names an ICU message uses, for the catalog and usage tests. */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

function collect(els: MessageFormatElement[], out: Set<string>): void {
  for (const el of els) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      collect(el.children, out);
      continue;
    }
    out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const opt of Object.values(el.options)) collect(opt.value, out);
  }
}

/** Argument names in `text`; throws with the parser's message when the text is not ICU MessageFormat. */
export function messageArgs(text: string): Set<string> {
  const out = new Set<string>();
  collect(parse(text, { ignoreTag: true }), out);
  return out;
}
