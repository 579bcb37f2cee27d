/** The words the model writes for its assumptions, as data (`analysis.assume.<key>`): a file's own words stay strings. */
import { explain, type Explanation, type ParamValue } from '../explain';

export const assumed = (key: string, params: Record<string, ParamValue> = {}): Explanation => explain(`analysis.assume.${key}`, params);

/** A label or a why: the file's words (a string) or the model's (data, rendered in the reader's language). */
export type Words = string | Explanation;

/** Adds one of the model's assumptions. */
export type Add = (id: string, value: unknown, unit: string | null, label: Words, why: Words, sources?: string[]) => void;
