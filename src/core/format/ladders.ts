/** The escalation ladders of a run in words, for the text and Markdown debriefs (analysis/escalation.ts). */
import type { Analysis } from '../analysis/report';
import { t, type Lang } from '../../i18n';
import { scenarioClock } from '../../i18n/clock';
import { explained, sayContextOf } from './words';

/** A step's status as the text timeline prints it (English keeps its capitals: NOT TAKEN, OMITTED). */
function statusWord(status: string, lang: Lang): string {
  return t(lang, `analysis.ladders.status.${status}`);
}

function heading(a: Analysis, l: Analysis['ladders'][number], lang: Lang): string {
  const ctx = sayContextOf(a.run);
  const name = (id: string) => ctx.unitName?.(id, lang) ?? id;
  return t(lang, l.about ? 'analysis.ladders.heading-towards' : 'analysis.ladders.heading', {
    unit: name(l.unit),
    ladder: l.ladder,
    procedure: l.procedure,
    ...(l.about ? { about: name(l.about) } : {}),
  });
}

export function laddersText(a: Analysis, lang: Lang = 'en'): string[] {
  if (!a.ladders.length) return [];
  const start = a.run.scenario.spec.start;
  const ctx = sayContextOf(a.run);
  const lines = ['', t(lang, 'analysis.ladders.title')];
  for (const l of a.ladders) {
    lines.push(`  ${heading(a, l, lang)}`);
    l.steps.forEach((s, i) =>
      lines.push(
        `    ${i + 1}. ${statusWord(s.status, lang).padEnd(12)} ${s.rule} (${t(lang, 'analysis.ladders.times', { taken: s.taken, of: s.of })})${s.t !== null ? t(lang, 'analysis.ladders.from', { time: scenarioClock(lang, start, s.t) }) : ''}`,
        `       ${explained(lang, s.why, s.cause, ctx)}`,
      ),
    );
  }
  return lines;
}

export function laddersMarkdown(a: Analysis, lang: Lang = 'en'): string[] {
  if (!a.ladders.length) return [];
  const start = a.run.scenario.spec.start;
  const ctx = sayContextOf(a.run);
  const esc = (t: string) => t.replace(/\|/g, '\\|');
  const w = (code: string, params: Parameters<typeof t>[2] = {}) => t(lang, `analysis.ladders.${code}`, params);
  const out = [`## ${w('title')}`, ''];
  for (const l of a.ladders) {
    out.push(`### ${esc(heading(a, l, lang))}`, '', `| ${w('columns')} |`, '|---|---|---|---|---|');
    for (const s of l.steps)
      out.push(
        `| \`${s.rule}\` ${esc(s.title)} | **${lang === 'en' ? s.status : statusWord(s.status, lang)}** | ${w('times', { taken: s.taken, of: s.of })} | ${s.t !== null ? scenarioClock(lang, start, s.t) : '—'} | ${esc(explained(lang, s.why, s.cause, ctx))} |`,
      );
    out.push('');
  }
  return out;
}

/** Who follows which procedure beside the one in force: "rok-2019-guideline (KR, navy)". */
export function boundList(a: Analysis, lang: Lang = 'en'): string | null {
  const bound = a.run.scenario.procedure.bound ?? [];
  if (!bound.length) return null;
  const whom = (b: NonNullable<typeof bound>[number]['boundTo'][number]) =>
    [b.nations?.join('/'), b.services?.join('/'), b.units?.join('/')].filter(Boolean).join(', ') || t(lang, 'analysis.text.every-unit');
  return bound.map((b) => `${b.id} (${b.boundTo.map(whom).join('; ')})`).join(', ');
}

/** The same, as one line: "also bound: rok-2019-guideline (KR, navy)". */
export function boundWords(a: Analysis, lang: Lang = 'en'): string | null {
  const list = boundList(a, lang);
  return list === null ? null : t(lang, 'analysis.text.also-bound', { list });
}
