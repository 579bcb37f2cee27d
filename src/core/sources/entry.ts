/**
 * One source of the project's index (sources/sources.yaml). The file is data a person edits, so
 * the same zod schema checks it when `npm run sources` regenerates the doc and the core's copy.
 */
import { z } from 'zod';

export const RELIABILITIES = ['primary', 'secondary', 'weak'] as const;
export type Reliability = (typeof RELIABILITIES)[number];

export const sourceEntrySchema = z
  .object({
    id: z.string().regex(/^S\d+$/, 'source ids look like "S15"'),
    /** false: the brief cites it in its text but its index gives no address. */
    indexed: z.boolean().default(true),
    publisher: z.string().min(1).optional(),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date is YYYY-MM-DD, YYYY-MM or YYYY')
      .optional(),
    title: z.string().min(1),
    url: z
      .union([
        z.string().regex(/^https?:\/\/\S+$/, 'an address starts with http:// or https:// and has no spaces (write a space as %20)'),
        z.array(z.string().regex(/^https?:\/\/\S+$/)).min(1),
      ])
      .optional(),
    reliability: z.enum(RELIABILITIES).optional(),
    language: z
      .string()
      .regex(/^[a-z]{2}$/, 'a two-letter language code, e.g. ja')
      .optional(),
    section: z.string().min(1).describe("The brief's section the source supports"),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (!e.indexed) return;
    for (const k of ['publisher', 'url', 'reliability'] as const)
      if (e[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: `${e.id} is in the brief's index, so it needs ${k}` });
  });

export const sourcesFileSchema = z.array(sourceEntrySchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((e, i) => {
    if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `${e.id} is listed twice` });
    seen.add(e.id);
  });
});

export type SourceEntry = z.infer<typeof sourceEntrySchema>;

/** Addresses as a list, whether the file gave one or several. */
export function urlsOf(e: Pick<SourceEntry, 'url'>): string[] {
  return e.url === undefined ? [] : Array.isArray(e.url) ? e.url : [e.url];
}
