import type { Lang } from './lang';

/** One language's messages: code → ICU message text. */
export type Messages = Record<string, string>;
/** One area's messages in every language. */
export type AreaMessages = Record<Lang, Messages>;
