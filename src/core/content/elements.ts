/**
 * What a message can say besides its words, and which messages a procedure's content rule speaks
 * of. Kept apart from the schemas and the log so both can name the same lists without importing
 * each other; it imports nothing.
 */

/** The elements of a message's content, in the order a message usually gives them. */
export const CONTENT_ELEMENTS = ['identity', 'position', 'courseSpeed', 'intention', 'request', 'area', 'time', 'warning'] as const;
export type ContentElement = (typeof CONTENT_ELEMENTS)[number];

/** What a message is for, as its sender means it. */
export const MESSAGE_PURPOSES = ['notice', 'warning', 'request', 'query', 'answer'] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

/**
 * Which messages a content rule speaks of: a message for one of these purposes, or
 * `safety-reply`, a reply that answers a safety call (recognised from the call it answers).
 */
export const CONTENT_MESSAGES = ['notice', 'warning', 'request', 'query', 'safety-reply'] as const;
export type ContentMessages = (typeof CONTENT_MESSAGES)[number];

/** How a trainer names each element when it is missing: "the notice named no area". */
export const ELEMENT_WORDS: Record<ContentElement, string> = {
  identity: 'identity',
  position: 'position',
  courseSpeed: 'course or speed',
  intention: 'intention',
  request: 'request',
  area: 'area',
  time: 'time',
  warning: 'warning',
};

/** How a trainer names each kind of message a content rule speaks of. */
export const MESSAGES_WORDS: Record<ContentMessages, string> = {
  notice: 'the notice',
  warning: 'the warning',
  request: 'the request',
  query: 'the query',
  'safety-reply': 'the reply to a safety call',
};
