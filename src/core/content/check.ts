/**
 * Whether a message says what the procedure asks a message of its kind to say: each content rule
 * that binds the sender and speaks of this message gives a verdict, met or short, with the words
 * a trainer reads ("the notice named no area"). The sender is the one held to it: a recipient
 * cannot act on what it was never told.
 */
import type { MessageContent, Transmission } from '../log';
import type { Procedure, ResolvedRule } from '../procedure/load';
import { binds } from '../procedure/duties';
import type { UnitSpec } from '../scenario/schema';
import { ELEMENT_WORDS, MESSAGES_WORDS, type ContentElement, type ContentMessages, type MessagePurpose } from './elements';

export type ContentRule = ResolvedRule & { type: 'content' };

export interface ContentVerdict {
  rule: ContentRule;
  missing: ContentElement[];
  /** "the notice named no area", or what it gave when nothing is missing. */
  reason: string;
}

/** How a procedure's hail marker says what its call is for, where the call's content does not. */
const PURPOSE_OF_MARKER: Record<string, MessagePurpose> = {
  QUESTION: 'query',
  WARNING: 'warning',
  REQUEST: 'request',
  INSTRUCTION: 'request',
  INFORMATION: 'notice',
  INTENTION: 'notice',
  ADVICE: 'notice',
};

/** What a message is for: as its content says, or as its kind and the rule that made it imply. */
export function purposeOf(tx: Transmission, procedure: Procedure): MessagePurpose | undefined {
  if (tx.content?.purpose) return tx.content.purpose;
  if (tx.kind === 'announce') return 'notice';
  if (tx.kind === 'reply') return 'answer';
  if (tx.kind === 'hail' && tx.rule) {
    const rule = procedure.rules.find((r) => r.qid === tx.rule);
    if (rule?.type === 'hail') return PURPOSE_OF_MARKER[rule.marker];
  }
  return undefined;
}

/** Whether a content rule speaks of this message: by its purpose, or as the reply (that answers) to a safety call. */
function speaksOf(messages: ContentMessages, tx: Transmission, procedure: Procedure, callOf: (id: string) => Transmission | undefined): boolean {
  if (messages === 'safety-reply') return tx.kind === 'reply' && tx.answers !== false && !!tx.inReplyTo && callOf(tx.inReplyTo)?.safety === true;
  return purposeOf(tx, procedure) === messages;
}

function has(c: MessageContent | undefined, e: ContentElement): boolean {
  if (!c) return false;
  if (e === 'time') return c.time?.from !== undefined || c.time?.until !== undefined;
  return c[e] !== undefined && c[e] !== '';
}

/** The verdict of each content rule that binds the sender and speaks of this message, in the procedure's order. */
export function contentVerdicts(procedure: Procedure, sender: UnitSpec, tx: Transmission, callOf: (id: string) => Transmission | undefined): ContentVerdict[] {
  const out: ContentVerdict[] = [];
  for (const rule of procedure.rules) {
    if (rule.type !== 'content' || !binds(rule, sender) || !speaksOf(rule.messages, tx, procedure, callOf)) continue;
    const missing = rule.must.filter((e) => !has(tx.content, e));
    const what = MESSAGES_WORDS[rule.messages];
    const words = (es: readonly ContentElement[]) => es.map((e) => ELEMENT_WORDS[e]).join(' or ');
    const verb = rule.messages === 'safety-reply' ? 'stated' : 'named';
    out.push({
      rule: rule as ContentRule,
      missing,
      reason: missing.length ? `${what} ${verb} no ${words(missing)}` : `${what} ${verb} its ${rule.must.map((e) => ELEMENT_WORDS[e]).join(' and ')}`,
    });
  }
  return out;
}
