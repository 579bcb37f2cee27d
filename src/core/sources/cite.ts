/**
 * The sources a run rests on, resolved for a reader: each id with its publisher, date, title and
 * address, so a debrief handed to a class needs nothing outside it to find a source.
 */
import type { Scenario } from '../scenario/model';
import { citationText, sortSourceIds, sourceEntry, urlsOf, SOURCES_DOC } from './registry';

/**
 * Every id the scenario and its procedure cite: the scenario's and its accounts' sources, every
 * account's facts, assumptions, rows not modelled and script actions, and the procedure's own,
 * its rules' and its parameters' sources.
 */
export function sourceIdsOfRun(s: Scenario): string[] {
  const spec = s.spec;
  const p = s.procedure;
  return sortSourceIds([
    ...spec.sources,
    ...Object.values(spec.accounts).flatMap((a) => a.sources ?? []),
    ...s.facts.flatMap((f) => Object.values(f.sources).flat()),
    ...spec.assumptions.flatMap((a) => a.sources ?? []),
    ...spec.notModelled.flatMap((n) => n.sources ?? []),
    ...s.script.flatMap((a) => a.sources ?? []),
    ...p.sources,
    ...p.rules.flatMap((r) => r.sources),
    ...Object.values(p.parameters).flatMap((x) => x.sources ?? []),
  ]);
}

/** One line per id: "S12 Japan Ministry of Defense, 2018-12-25: … — https://…". */
export function sourceLines(ids: readonly string[]): { id: string; words: string; urls: string[] }[] {
  return ids.map((id) => {
    const e = sourceEntry(id);
    if (!e) return { id, words: `not in ${SOURCES_DOC}`, urls: [] };
    const urls = urlsOf(e);
    return { id, words: `${citationText(e)}${urls.length ? '' : '. No address is known'}`, urls };
  });
}

export function sourcesMarkdown(ids: readonly string[]): string[] {
  if (!ids.length) return [];
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    '## Sources',
    '',
    ...sourceLines(ids).map((l) => `- **${l.id}** ${esc(l.words)}${l.urls.length ? `. ${l.urls.map((u) => `<${u}>`).join(' · ')}` : ''}`),
  ];
}

export function sourcesText(ids: readonly string[]): string[] {
  if (!ids.length) return [];
  return ['Sources:', ...sourceLines(ids).map((l) => `  ${l.id.padEnd(5)} ${l.words}${l.urls.length ? ` — ${l.urls.join(' ; ')}` : ''}`)];
}
