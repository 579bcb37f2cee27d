/** The escalation ladders of a run in words, for the text and Markdown debriefs (analysis/escalation.ts). */
import type { Analysis } from '../analysis/report';
import { clockTime } from './clock';

const STATUS_WORDS: Record<string, string> = {
  taken: 'taken',
  'not-taken': 'NOT TAKEN',
  omitted: 'OMITTED',
  cannot: 'COULD NOT',
  'set-aside': 'set aside',
  'out-of-order': 'OUT OF ORDER',
};

function heading(a: Analysis, l: Analysis['ladders'][number]): string {
  const name = (id: string) => a.run.scenario.units.find((u) => u.id === id)?.name ?? id;
  return `${name(l.unit)}: ladder ${l.ladder} (${l.procedure})${l.about ? ` towards ${name(l.about)}` : ''}`;
}

export function laddersText(a: Analysis): string[] {
  if (!a.ladders.length) return [];
  const start = a.run.scenario.spec.start;
  const lines = ['', 'Ladders of steps'];
  for (const l of a.ladders) {
    lines.push(`  ${heading(a, l)}`);
    l.steps.forEach((s, i) =>
      lines.push(
        `    ${i + 1}. ${STATUS_WORDS[s.status]!.padEnd(12)} ${s.rule} (${s.taken} of ${s.of})${s.t !== null ? ` from ${clockTime(start, s.t)}` : ''}`,
        `       ${s.cause}`,
      ),
    );
  }
  return lines;
}

export function laddersMarkdown(a: Analysis): string[] {
  if (!a.ladders.length) return [];
  const start = a.run.scenario.spec.start;
  const esc = (t: string) => t.replace(/\|/g, '\\|');
  const out = ['## Ladders of steps', ''];
  for (const l of a.ladders) {
    out.push(`### ${esc(heading(a, l))}`, '', '| step | status | taken | first | why |', '|---|---|---|---|---|');
    for (const s of l.steps)
      out.push(`| \`${s.rule}\` ${esc(s.title)} | **${s.status}** | ${s.taken} of ${s.of} | ${s.t !== null ? clockTime(start, s.t) : '—'} | ${esc(s.cause)} |`);
    out.push('');
  }
  return out;
}

/** Who follows which procedure beside the one in force, in words: "rok-2019-guideline (KR, navy)". */
export function boundWords(a: Analysis): string | null {
  const bound = a.run.scenario.procedure.bound ?? [];
  if (!bound.length) return null;
  const whom = (b: NonNullable<typeof bound>[number]['boundTo'][number]) =>
    [b.nations?.join('/'), b.services?.join('/'), b.units?.join('/')].filter(Boolean).join(', ') || 'every unit';
  return `also bound: ${bound.map((b) => `${b.id} (${b.boundTo.map(whom).join('; ')})`).join(', ')}`;
}
