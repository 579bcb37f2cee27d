/** The default output of `npm run sim`: a timeline a trainer can follow, then what broke and why. */
import { whatIfLine, type Analysis } from '../analysis/report';
import { zoneOf } from './clock';
import { describeEntry } from './describe';
import { LADDER } from '../log';
import { groundsOf } from '../analysis/assumptions';
import { accountName, assumedWords, assumptionLabel, assumptionWhy, originWord, otherValues, sourcesByAccount, valueWords } from './grounds';
import { boundList, laddersText } from './ladders';
import { t, type Lang } from '../../i18n';
import { locationName } from '../../i18n/names';
import { scenarioClock, scenarioStart } from '../../i18n/clock';
import { explained, sayContextOf, stageWord } from './words';

export interface TextOptions {
  /** Also show decisions that needed no action (waits, queued calls, rules not in play). */
  verbose?: boolean;
  /** The reader's language; the radio's words stay as they were said. */
  lang?: Lang;
}

export function formatText(a: Analysis, opts: TextOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const { run } = a;
  const s = run.scenario;
  const ctx = sayContextOf(run);
  const w = (code: string, params: Parameters<typeof t>[2] = {}) => t(lang, `analysis.text.${code}`, params, ctx);
  const clock = (t: number) => scenarioClock(lang, s.spec.start, t);
  const zone = zoneOf(s.spec.start).label;
  const lines: string[] = [];
  lines.push(s.spec.title);
  lines.push(
    w('header', {
      account: s.account ? `${s.account} (${s.spec.accounts[s.account]?.title ?? ''})` : t(lang, 'analysis.word.none'),
      procedure: s.procedure.id,
      title: s.procedure.title,
      seed: run.seed,
    }),
  );
  const bound = boundList(a, lang);
  if (bound) lines.push(w('also-bound', { list: bound }));
  lines.push(w('start', { start: scenarioStart(lang, s.spec.start), durationS: run.durationS, where: locationName(s, lang) }));
  if (a.whatIf) lines.push(whatIfLine(a.whatIf, lang));
  lines.push(...factsLines(a, lang));
  lines.push('', w('timeline', { zone }));
  for (const e of run.log) {
    if (e.type === 'radio-set' && e.cause.kind === 'start') continue;
    if (e.type === 'state' && (e.from.startsWith('comms') || e.event === 'start')) continue;
    if (e.type === 'proximity' && (!e.closest || e.groundM > 3000)) continue;
    const d = describeEntry(run, e, { verbose: opts.verbose ?? false, lang });
    if (d === null) continue;
    lines.push(`${clock(e.t)}  ${`+${e.t.toFixed(0)}s`.padStart(6)}  ${d}`);
  }
  lines.push('', w('transmissions', { n: run.transmissions.length, completed: a.exchangesCompleted }));
  for (const o of a.outcomes) {
    const bar = LADDER.map((st) =>
      LADDER.indexOf(st) <= LADDER.indexOf(o.reached ?? ('' as never))
        ? '■'
        : st === o.failedAt
          ? '✗'
          : LADDER.indexOf(st) <= LADDER.indexOf(o.needed)
            ? '□'
            : ' ',
    ).join('');
    const end = o.failedAt
      ? w('stopped-at', { stage: stageWord(lang, o.failedAt), heardAs: o.heardAs ? t(lang, 'analysis.log.heard-as', { heardAs: o.heardAs }) : '' })
      : w('reached', { stage: o.reached === null ? 'null' : stageWord(lang, o.reached) });
    lines.push(`  ${o.tx.id.padEnd(6)} ${o.tx.from} → ${o.unit.padEnd(9)} ${o.tx.channel.padEnd(14)} ${bar}  ${end}`);
  }
  lines.push('', w('breakdowns', { n: a.breakdowns.length }));
  for (const b of a.breakdowns) {
    const at = b.stage ? stageWord(lang, b.stage) : (b.rule ?? '');
    lines.push(`  ${b.id.padEnd(5)} ${clock(b.t)} ${t(lang, `analysis.kind.${b.kind}`).padEnd(9)} ${at}`);
    lines.push(`        ${explained(lang, b.why, b.explanation, ctx)}`);
  }
  lines.push(...laddersText(a, lang));
  lines.push('', w('scorecard', { procedure: s.procedure.id }));
  for (const c of a.compliance)
    lines.push(
      `  ${t(lang, `analysis.status.${c.status}`).padEnd(14)} ${c.rule} — ${c.title}${c.item ? ` [${c.item}]` : ''}\n                 ${explained(lang, c.why, c.evidence, ctx)}`,
    );
  lines.push(...laterNormsText(a, lang));
  lines.push(...assumptionsLines(a, lang));
  return lines.join('\n') + '\n';
}

/** Norms and rules that give no verdict on this run's date, each with what it would say. */
function laterNormsText(a: Analysis, lang: Lang): string[] {
  if (!a.discussion.length) return [];
  const ctx = sayContextOf(a.run);
  return ['', t(lang, 'analysis.text.later-norms'), ...a.discussion.map((d) => `  ${explained(lang, d.why, d.text, ctx)}`)];
}

/** The facts: what every account agrees on, then each disputed fact with its value in this account. */
export function factsLines(a: Analysis, lang: Lang = 'en'): string[] {
  const g = groundsOf(a);
  const w = (code: string, params: Parameters<typeof t>[2] = {}) => t(lang, `analysis.facts.${code}`, params);
  if (!g.agreed.length && !g.disputed.length) return ['', w('none')];
  const lines = ['', w('heading')];
  lines.push(`  ${w(g.agreed.length ? 'agreed-text' : 'agreed-none-text')}`);
  for (const f of g.agreed) lines.push(`    ${f.id}: ${f.statement.trim()}${f.sources.length ? ` [${f.sources.join(', ')}]` : ''}`);
  if (g.disputed.length) lines.push(`  ${w('disputed-text', { account: accountName(g, lang) })}`);
  for (const f of g.disputed) {
    lines.push(`    ${f.id}${f.row ? ` [${f.row}]` : ''}: ${valueWords(f.value, null, lang)}${f.assumed ? ` ${assumedWords(f, lang)}` : ''} — ${f.question}`);
    const others = otherValues(g, f, lang);
    const sources = sourcesByAccount(f);
    if (others) lines.push(`      ${w('other-accounts', { list: others })}`);
    if (sources) lines.push(`      ${w('sources', { list: sources })}`);
  }
  return lines;
}

/** Every value the run uses that no source gives, with its label and why it was needed. */
export function assumptionsLines(a: Analysis, lang: Lang = 'en'): string[] {
  const g = groundsOf(a);
  if (!g.assumptions.length) return ['', t(lang, 'analysis.assumptions.none-text')];
  const lines = ['', t(lang, 'analysis.assumptions.heading-text')];
  for (const x of g.assumptions) {
    lines.push(`  ${x.id} = ${valueWords(x.value, x.unit, lang)} — ${assumptionLabel(x, lang).trim()} [${originWord(x.origin, lang)}]`);
    lines.push(`      ${t(lang, 'analysis.assumptions.why', { why: assumptionWhy(x, lang).trim() })}${x.sources.length ? ` [${x.sources.join(', ')}]` : ''}`);
  }
  return lines;
}
