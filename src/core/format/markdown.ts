/** `--format md`: a debrief a trainer can hand out. */
import { whatIfLine, type Analysis } from '../analysis/report';
import { zoneOf } from './clock';
import { describeEntry } from './describe';
import { groundsOf } from '../analysis/assumptions';
import { accountName, assumedWords, assumptionLabel, assumptionWhy, originWord, otherValues, sourcesByAccount, valueWords } from './grounds';
import type { CoverageItem, Procedure } from '../procedure/load';
import { sourceIdsOfRun, sourcesMarkdown } from '../sources/cite';
import { mdText } from './md-escape';
import { boundList, laddersMarkdown } from './ladders';
import { t, type Lang } from '../../i18n';
import { locationName } from '../../i18n/names';
import { scenarioClock, scenarioStart } from '../../i18n/clock';
import { explained, sayContextOf, stageWord } from './words';

const esc = mdText;

export interface MarkdownOptions {
  /** The reader's language; the radio's words stay as they were said. */
  lang?: Lang;
}

export function formatMarkdown(a: Analysis, opts: MarkdownOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const { run } = a;
  const s = run.scenario;
  const ctx = sayContextOf(run);
  const w = (code: string, params: Parameters<typeof t>[2] = {}) => t(lang, `analysis.md.${code}`, params, ctx);
  const clock = (t: number) => scenarioClock(lang, s.spec.start, t);
  const zone = zoneOf(s.spec.start).label;
  const name = (id: string) => ctx.unitName?.(id, lang) ?? id;
  const out: string[] = [];
  out.push(`# ${w('title', { title: esc(s.spec.title) })}`, '');
  out.push(`- **${w('account')}** ${s.account ? `${s.account} — ${esc(s.spec.accounts[s.account]?.title ?? '')}` : t(lang, 'analysis.word.none')}`);
  out.push(`- **${w('procedure')}** ${s.procedure.id} — ${esc(s.procedure.title)}`);
  const bound = boundList(a, lang);
  if (bound) out.push(`- **${w('beside')}** ${esc(bound)}`);
  out.push(
    `- **${w('start')}** ${w('start-value', { start: lang === 'en' ? `${s.spec.start} (${zone})` : scenarioStart(lang, s.spec.start), durationS: run.durationS, seed: run.seed })}`,
  );
  out.push(`- **${w('where')}** ${esc(locationName(s, lang))}`);
  out.push(`- **${w('sources')}** ${s.spec.sources.join(', ')}`, '');
  if (a.whatIf) out.push(`> ${esc(whatIfLine(a.whatIf, lang))}`, '');
  if (s.spec.description) out.push(esc(s.spec.description.trim()), '');
  out.push(`## ${w('summary-heading')}`, '');
  const first = a.breakdowns[0];
  out.push(
    w('summary', { transmissions: run.transmissions.length, completed: a.exchangesCompleted, breakdowns: a.breakdowns.length }) +
      (first ? w('summary-first', { time: clock(first.t), explanation: esc(explained(lang, first.why, first.explanation, ctx)) }) : w('summary-clean')),
    '',
  );
  out.push(...factsMarkdown(a, lang));
  out.push(`## ${w('breakdowns')}`, '');
  if (!a.breakdowns.length) out.push(w('none'), '');
  for (const b of a.breakdowns) {
    const kind = t(lang, `analysis.kind.${b.kind}`);
    out.push(
      `### ${b.id} · ${clock(b.t)} · ${kind}${b.stage ? w('at-stage', { stage: stageWord(lang, b.stage) }) : ''}${b.rule ? ` · \`${b.rule}\`` : ''}`,
      '',
    );
    out.push(esc(explained(lang, b.why, b.explanation, ctx)), '');
    if (b.evidence && Object.keys(b.evidence).length) {
      const ev = Object.entries(b.evidence)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`);
      out.push(w('evidence', { evidence: esc(ev.join(' · ')) }), '');
    }
  }
  out.push(...laddersMarkdown(a, lang));
  out.push(`## ${w('calls')}`, '', `| ${w('calls-columns')} |`, '|---|---|---|---|---|---|---|---|');
  for (const o of a.outcomes)
    out.push(
      `| ${o.tx.id} | ${clock(o.tx.t)} | ${esc(name(o.tx.from))} | ${esc(name(o.unit))} | ${o.tx.channel} | ${o.reached ? stageWord(lang, o.reached) : '—'} | ${o.failedAt ? stageWord(lang, o.failedAt) : '—'} | ${o.heardAs ? esc(o.heardAs) : ''} |`,
    );
  out.push('', `## ${w('scorecard', { procedure: s.procedure.id })}`, '', `| ${w('scorecard-columns')} |`, '|---|---|---|---|');
  for (const c of a.compliance)
    out.push(
      `| \`${c.rule}\` ${esc(c.title)} | ${esc(c.item ?? '')} | **${lang === 'en' ? c.status : t(lang, `analysis.status.${c.status}`)}** | ${esc(explained(lang, c.why, c.evidence, ctx))} |`,
    );
  out.push('', ...coverageMarkdown(s.procedure, lang));
  out.push(...laterNormsMarkdown(a, lang));
  out.push('', `## ${w('timeline')}`, '', `| ${zone} | ${w('event')} |`, '|---|---|');
  for (const e of run.log) {
    if ((e.type === 'radio-set' && e.cause.kind === 'start') || e.type === 'state' || (e.type === 'proximity' && !e.closest)) continue;
    const d = describeEntry(run, e, { lang });
    if (d) out.push(`| ${clock(e.t)} | ${esc(d.trim())} |`);
  }
  out.push('', ...assumptionsMarkdown(a, lang));
  const cited = sourcesMarkdown(sourceIdsOfRun(s));
  // The citations are the sources' own words; only their heading is ours to translate.
  if (cited.length) out.push('', `## ${w('cited')}`, ...cited.slice(1));
  return out.join('\n') + '\n';
}

const cell = (s: string) => esc(s.trim()).replace(/\s*\n\s*/g, ' ');

/** ## Facts: the agreed ground, then each disputed fact with its value in this account, marked where it is an assumption. */
export function factsMarkdown(a: Analysis, lang: Lang = 'en'): string[] {
  const g = groundsOf(a);
  const w = (code: string, params: Parameters<typeof t>[2] = {}) => t(lang, `analysis.facts.${code}`, params);
  const out = [`## ${w('heading')}`, ''];
  if (!g.agreed.length && !g.disputed.length) return [...out, w('none-md'), ''];
  out.push(`### ${w('agreed-md')}`, '');
  if (!g.agreed.length) out.push(w('agreed-none-md'));
  for (const f of g.agreed)
    out.push(`- \`${f.id}\`: ${cell(f.statement)}${f.sources.length ? ` [${f.sources.join(', ')}]` : ''}${f.note ? ` — ${cell(f.note)}` : ''}`);
  out.push('');
  if (!g.disputed.length) return out;
  out.push(`### ${w('disputed-md', { account: accountName(g, lang) })}`, '');
  out.push(`| ${w('disputed-columns')} |`, '|---|---|---|---|---|---|');
  for (const f of g.disputed)
    out.push(
      `| \`${f.id}\` | ${cell(f.row ?? '')} | ${cell(f.question)} | **${cell(valueWords(f.value, null, lang))}**${f.assumed ? ` ${cell(assumedWords(f, lang))}` : ''} | ${cell(otherValues(g, f, lang))} | ${cell(sourcesByAccount(f))} |`,
    );
  out.push('');
  return out;
}

/** ## Assumptions: every value the run uses that no source gives. */
export function assumptionsMarkdown(a: Analysis, lang: Lang = 'en'): string[] {
  const g = groundsOf(a);
  const w = (code: string) => t(lang, `analysis.assumptions.${code}`);
  const out = [`## ${w('heading-md')}`, ''];
  if (!g.assumptions.length) return [...out, w('none-md')];
  out.push(w('intro-md'), '', `| ${w('columns')} |`, '|---|---|---|---|---|---|');
  for (const x of g.assumptions)
    out.push(
      `| \`${x.id}\` | ${cell(valueWords(x.value, x.unit, lang))} | ${cell(assumptionLabel(x, lang))} | ${cell(assumptionWhy(x, lang))} | ${originWord(x.origin, lang)} | ${x.sources.join(', ')} |`,
    );
  return out;
}

/** Each item of the procedure's source documents (its base's too) and what models it, so a class sees what the run cannot judge. */
export function coverageMarkdown(p: Procedure, lang: Lang = 'en'): string[] {
  const w = (code: string, params: Parameters<typeof t>[2] = {}) => t(lang, `analysis.coverage.${code}`, params);
  const out = [`## ${w('heading')}`, ''];
  if (!p.coverage.length) return [...out, w('unlisted', { procedure: p.id })];
  out.push(w('intro', { procedure: p.id, chain: p.chain.join(' → ') }), '');
  out.push(`| ${w('columns')} |`, '|---|---|---|---|');
  for (const c of p.coverage) out.push(`| ${esc(c.item)} | ${esc(c.title)} | ${esc(coverageWords(c, lang))} | ${c.origin} |`);
  return out;
}

/** "rules a, b", "out of scope: why", and any rule the procedure removed. */
export function coverageWords(c: CoverageItem, lang: Lang = 'en'): string {
  const parts: string[] = [];
  if (c.rules.length) parts.push(c.rules.join(', '));
  if (c.removed.length) parts.push(t(lang, 'analysis.coverage.removed', { rules: c.removed.join(', ') }));
  if (c.outOfScope) parts.push(t(lang, 'analysis.coverage.out-of-scope', { why: c.outOfScope.trim() }));
  return parts.join('; ') || t(lang, 'analysis.coverage.nothing');
}

/** One line for the checker: how many items the procedure's coverage lists, and what became of them. */
export function coverageSummary(p: Procedure, lang: Lang = 'en'): string {
  if (!p.coverage.length) return t(lang, 'analysis.coverage.summary-unlisted', { id: p.id });
  const modelled = p.coverage.filter((c) => c.rules.length).length;
  const outOfScope = p.coverage.filter((c) => !c.rules.length && c.outOfScope).length;
  const dropped = p.coverage.length - modelled - outOfScope;
  return t(lang, 'analysis.coverage.summary', { id: p.id, n: p.coverage.length, modelled, outOfScope, dropped });
}

/** Norms and rules that give no verdict on this run's date, each with what it would say. */
function laterNormsMarkdown(a: Analysis, lang: Lang): string[] {
  if (!a.discussion.length) return [];
  const ctx = sayContextOf(a.run);
  return [
    '',
    `## ${t(lang, 'analysis.md.later-norms')}`,
    '',
    t(lang, 'analysis.md.later-norms-intro'),
    '',
    ...a.discussion.map((d) => `- ${esc(explained(lang, d.why, d.text, ctx))}`),
  ];
}
