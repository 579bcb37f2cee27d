/**
 * A content rule's verdict on a message (content/check.ts) as data: "the notice named no area",
 * or what it gave when nothing is missing. The English is the verdict's `reason`, word for word.
 */
import type { ContentVerdict } from '../content/check';
import type { ContentElement } from '../content/elements';
import { explain, type Explanation } from '../explain';

const element = (e: ContentElement) => explain('ladder.content.element', { element: e });

/** "a or b or c" (or "and"), as the verdict's words join them. */
function joined(code: 'ladder.content.or' | 'ladder.content.and', es: readonly ContentElement[]): Explanation {
  if (es.length === 0) return explain('ladder.empty');
  return es.map(element).reduce((a, b) => explain(code, { a, b }));
}

export function contentWhy(v: ContentVerdict): Explanation {
  const messages = v.rule.messages;
  return v.missing.length
    ? explain('ladder.content.short', { messages, missing: joined('ladder.content.or', v.missing) })
    : explain('ladder.content.met', { messages, given: joined('ladder.content.and', v.rule.must) });
}
