/**
 * A comparison in words a trainer can read aloud (text), as a stable report (json), and as a
 * debrief section (md).
 */
import { mdText } from '../format/md-escape';
import type { Breakdown } from '../analysis/breakdowns';
import { clockTime } from '../format/clock';
import { breakdownJson } from '../analysis/report';
import type { CallRef, Comparison, EntryDifference, StageAt } from './compare';
import type { Finding } from './findings';
import {
  assumption,
  factsAlike,
  factsHeading,
  findingsSummary,
  groundsNote,
  groundsWords,
  notModelledHeading,
  oneLine,
  passWords,
  sideLabel,
  verdictOf,
  verdictsHeading,
  what,
} from './phrases';
import { say, t, type Lang, type SayContext } from '../../i18n';
import { inLang, stageWord, unitsCtx } from '../debrief/words';

/** The reader's language for the human outputs of a comparison. */
export interface ComparisonOutputOptions {
  lang?: Lang;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function formatValue(v: unknown, lang: Lang = 'en'): string {
  if (v === undefined) return t(lang, 'debrief.compare.value.absent');
  if (typeof v === 'string') return `"${v}"`;
  return JSON.stringify(v);
}

function sideLine(s: Comparison['a'], lang: Lang): string {
  return t(lang, s.accountTitle ? 'debrief.compare.side.titled' : 'debrief.compare.side', {
    account: s.account ?? t(lang, 'debrief.none'),
    ...(s.accountTitle ? { title: s.accountTitle } : {}),
    procedure: s.procedure,
    procedureTitle: s.procedureTitle,
    seed: s.seed,
  });
}

/** A call as the comparison names it, in the reader's language. */
export function callWordsIn(r: CallRef, lang: Lang, ctx: SayContext): string {
  return lang === 'en' ? r.words : say(lang, r.why, ctx);
}

function stageWords(x: StageAt, lang: Lang, ctx: SayContext): string {
  if (!x.failedAt) return t(lang, 'debrief.compare.stage.through', { reached: stageWord(lang, x.reached) });
  const heard = x.heardAs ? t(lang, 'debrief.heard-as', { text: x.heardAs }) : '';
  const cause = x.cause === null ? t(lang, 'debrief.compare.stage.no-cause') : inLang(lang, x.cause, x.causeWhy, ctx);
  return t(lang, 'debrief.compare.stage.stopped', {
    reached: x.reached ? stageWord(lang, x.reached) : t(lang, 'debrief.nothing'),
    failed: stageWord(lang, x.failedAt),
    heard,
    cause,
  });
}

/** "violation of r (norm n)", "call stopped at heard": what a breakdown is, in the reader's language. */
export function breakdownWhat(b: Breakdown, lang: Lang): string {
  switch (b.kind) {
    case 'ladder':
      return t(lang, 'debrief.compare.what.ladder', { stage: stageWord(lang, b.stage) });
    case 'omission':
    case 'violation':
      return t(lang, b.norm ? `debrief.compare.what.${b.kind}.norm` : `debrief.compare.what.${b.kind}`, {
        rule: String(b.rule),
        ...(b.norm ? { norm: b.norm } : {}),
      });
  }
}

function breakdownHead(start: string, b: Breakdown, name: (id: string) => string, lang: Lang): string {
  return `${clockTime(start, b.t)}  ${name(b.unit)}: ${breakdownWhat(b, lang)}`;
}

/** A breakdown's explanation in the reader's language (the analysis gives it as data in `why`). */
export function breakdownWords(b: Breakdown, lang: Lang, ctx: SayContext): string {
  return inLang(lang, b.explanation, b.why, ctx);
}

export function formatComparisonText(c: Comparison, opts: ComparisonOutputOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const ctx = unitsCtx(c.names);
  const name = (id: string) => c.names[id] ?? id;
  const at = (t: number) => `${clockTime(c.start, t)} (+${t.toFixed(0)} s)`;
  const L: string[] = [];
  L.push(t(lang, 'debrief.compare.text.title', { title: c.title }));
  L.push(`  A: ${sideLine(c.a, lang)}`);
  L.push(`  B: ${sideLine(c.b, lang)}`);
  L.push('');
  L.push(factsHeading(c, lang));
  for (const f of c.facts.differ) {
    L.push(`  ${f.id}${f.row ? ` [${f.row}]` : ''}: ${f.question}`);
    L.push(`      A: ${formatValue(f.a, lang)}${assumption(f.assumedA, lang)}    B: ${formatValue(f.b, lang)}${assumption(f.assumedB, lang)}`);
  }
  const alike = factsAlike(c, lang);
  if (alike) L.push(alike);
  L.push(notModelledHeading(c, lang));
  for (const r of c.notModelled) L.push(`  ${oneLine(r.row)}: ${oneLine(r.reason)}`);
  L.push('');
  L.push(...findingsText(c, name, lang, ctx));
  L.push(...verdictsText(c, name, lang));
  L.push('');
  L.push(...divergenceText(t(lang, 'debrief.compare.part'), c.firstDivergence, at, lang, ctx));
  L.push(...divergenceText(t(lang, 'debrief.compare.part-radio'), c.firstRadioDivergence, at, lang, ctx));
  L.push('');
  const tx = c.transmissions;
  if (tx.differ.length) {
    L.push(t(lang, 'debrief.compare.text.differ', { n: tx.differ.length }));
    for (const d of tx.differ) {
      const whom = d.recipient === d.call.to ? '' : t(lang, 'debrief.compare.text.for', { unit: d.recipientName });
      const underB = d.b.t !== d.a.t ? t(lang, 'debrief.compare.text.under-b', { time: clockTime(c.start, d.b.t) }) : '';
      L.push(`  ${clockTime(c.start, d.call.t)}  ${callWordsIn(d.call, lang, ctx)}${whom}${underB}`);
      L.push(`      A: ${stageWords(d.a, lang, ctx)}`);
      L.push(`      B: ${stageWords(d.b, lang, ctx)}`);
    }
  } else L.push(t(lang, 'debrief.compare.text.same-stage'));
  for (const [label, list] of [
    ['A', tx.onlyA],
    ['B', tx.onlyB],
  ] as const) {
    if (!list.length) continue;
    L.push(t(lang, 'debrief.compare.text.only-under', { side: label, n: list.length }));
    for (const r of list) L.push(`  ${clockTime(c.start, r.t)}  ${callWordsIn(r, lang, ctx)}`);
  }
  L.push('');
  L.push(t(lang, 'debrief.compare.text.numbers'));
  for (const [label, x] of [
    ['A', c.totals.a],
    ['B', c.totals.b],
  ] as const) {
    const counts = { tx: x.transmissions, ex: x.exchangesCompleted, bd: x.breakdowns };
    L.push(
      `  ${label}: ${
        x.firstBreakdownT !== null
          ? t(lang, 'debrief.compare.text.totals.first', { ...counts, time: clockTime(c.start, x.firstBreakdownT) })
          : t(lang, 'debrief.compare.text.totals', counts)
      }`,
    );
  }
  return L.join('\n') + '\n';
}

function findingsText(c: Comparison, name: (id: string) => string, lang: Lang, ctx: SayContext): string[] {
  const L = [t(lang, 'debrief.compare.text.findings', { summary: findingsSummary(c, lang) })];
  const note = groundsNote(c, lang);
  if (note) L.push(`  ${note}`);
  for (const [title, group] of findingGroups(c, lang)) {
    L.push(`${title}: ${group.length}`);
    for (const f of group) {
      const b = (f.a ?? f.b)!;
      const when = f.a && f.b && f.a.t !== f.b.t ? t(lang, 'debrief.compare.text.under-b-paren', { time: clockTime(c.start, f.b.t) }) : '';
      L.push(`  ${breakdownHead(c.start, b, name, lang)}${when}`);
      if (f.presence !== 'both') L.push(`      ${breakdownWords(b, lang, ctx)}`);
      const g = groundsWords(f, lang);
      if (g) L.push(`      → ${g}`);
    }
  }
  return L;
}

/** The findings by where they stand: in both, only in A, only in B. */
export function findingGroups(c: Comparison, lang: Lang = 'en'): [string, Finding[]][] {
  return [
    [t(lang, 'debrief.compare.group.both', { what: what(c) }), c.findings.filter((f) => f.presence === 'both')],
    [t(lang, 'debrief.compare.group.only-a', { label: sideLabel(c.a, lang) }), c.findings.filter((f) => f.presence === 'only-a')],
    [t(lang, 'debrief.compare.group.only-b', { label: sideLabel(c.b, lang) }), c.findings.filter((f) => f.presence === 'only-b')],
  ];
}

function verdictsText(c: Comparison, name: (id: string) => string, lang: Lang): string[] {
  if (!c.verdicts.length) return [];
  const L = ['', t(lang, 'debrief.compare.text.verdicts', { heading: verdictsHeading(lang), n: c.verdicts.length })];
  for (const v of c.verdicts) {
    L.push(`  ${clockTime(c.start, v.pass.tA)}  ${passWords(v, name, lang)}`);
    L.push(`      A (${sideLabel(c.a, lang)}): ${verdictOf(v.a, lang)}`);
    L.push(`      B (${sideLabel(c.b, lang)}): ${verdictOf(v.b, lang)}`);
  }
  return L;
}

function divergenceText(title: string, d: EntryDifference | null, at: (t: number) => string, lang: Lang, ctx: SayContext): string[] {
  if (!d) return [t(lang, 'debrief.compare.text.nowhere', { title })];
  const [a, b] = sidesSay(d, at, lang, ctx);
  return [t(lang, 'debrief.compare.text.part-at', { title, time: at(d.t) }), `  A: ${a}`, `  B: ${b}`];
}

/** What each side did at the divergence, with its own time when the two differ. */
export function sidesSay(d: EntryDifference, at: (t: number) => string, lang: Lang = 'en', ctx?: SayContext): [string, string] {
  const same = d.a !== null && d.b !== null && d.a.t === d.b.t;
  // TODO(lead): the log entries' own words (describeEntry, src/core/format) are English; aWhy/bWhy cover the rest.
  const say = (e: EntryDifference['a'], words: string) => (same || !e ? words : t(lang, 'debrief.compare.at-then', { time: at(e.t), words }));
  return [say(d.a, inLang(lang, d.aSays, d.aWhy, ctx)), say(d.b, inLang(lang, d.bSays, d.bWhy, ctx))];
}

function divergenceJson(d: EntryDifference | null) {
  if (!d) return null;
  return {
    t: r1(d.t),
    a: d.a ? { seq: d.a.seq, type: d.a.type, words: d.aSays } : null,
    b: d.b ? { seq: d.b.seq, type: d.b.type, words: d.bSays } : null,
  };
}

function stageJson(x: StageAt) {
  return { tx: x.tx, reached: x.reached, failedAt: x.failedAt, cause: x.cause, ...(x.heardAs ? { heardAs: x.heardAs } : {}) };
}

const verdictJson = (b: Breakdown) => ({ id: b.id, rule: b.rule, norm: b.norm ?? null });

/** One finding: where it stands (`presence`), its breakdown ids in each run, and the disputed facts it rests on (null: not tested). */
function findingJson(f: Finding) {
  const b = (f.a ?? f.b)!;
  return {
    key: f.key,
    presence: f.presence,
    t: r1(b.t),
    kind: b.kind,
    unit: b.unit,
    stage: b.stage,
    rule: b.rule,
    norm: b.norm ?? null,
    a: f.a?.id ?? null,
    b: f.b?.id ?? null,
    restsOn: f.restsOn,
    goesFrom: f.goesFrom,
  };
}

/** `--format json`: fixed key order, times rounded to a tenth of a second. */
export function comparisonReport(c: Comparison) {
  const sideJson = (s: Comparison['a']) => ({ account: s.account, procedure: s.procedure, seed: s.seed, label: s.label });
  const call = (r: Comparison['transmissions']['onlyA'][number]) => ({
    tx: r.tx,
    t: r1(r.t),
    from: r.from,
    to: r.to,
    channel: r.channel,
    kind: r.kind,
    attempt: r.attempt,
  });
  return {
    scenario: c.scenario,
    title: c.title,
    a: sideJson(c.a),
    b: sideJson(c.b),
    facts: c.facts.differ.map((f) => ({
      id: f.id,
      ...(f.row ? { row: f.row } : {}),
      question: f.question,
      a: f.a ?? null,
      b: f.b ?? null,
      ...(f.assumedA || f.assumedB ? { assumed: { ...(f.assumedA ? { a: f.assumedA } : {}), ...(f.assumedB ? { b: f.assumedB } : {}) } } : {}),
    })),
    factsSame: c.facts.same,
    notModelled: c.notModelled.map((r) => ({ row: r.row, reason: r.reason, ...(r.sources?.length ? { sources: r.sources } : {}) })),
    grounds: {
      asked: c.grounds.asked,
      why: c.grounds.why,
      ...(c.grounds.because ? { code: c.grounds.because.code, params: c.grounds.because.params } : {}),
      failed: c.grounds.failed,
    },
    findings: c.findings.map(findingJson),
    verdicts: c.verdicts.map((v) => ({
      unit: v.pass.unit,
      other: v.pass.other,
      groundM: v.pass.groundM,
      altitudeM: v.pass.altitudeM,
      tA: r1(v.pass.tA),
      tB: r1(v.pass.tB),
      a: v.a.map(verdictJson),
      b: v.b.map(verdictJson),
    })),
    firstDivergence: divergenceJson(c.firstDivergence),
    firstRadioDivergence: divergenceJson(c.firstRadioDivergence),
    transmissions: {
      differ: c.transmissions.differ.map((d) => ({ call: call(d.call), recipient: d.recipient, a: stageJson(d.a), b: stageJson(d.b) })),
      onlyA: c.transmissions.onlyA.map(call),
      onlyB: c.transmissions.onlyB.map(call),
    },
    breakdowns: {
      onlyA: c.breakdowns.onlyA.map(breakdownJson),
      onlyB: c.breakdowns.onlyB.map(breakdownJson),
      both: c.breakdowns.both.map((p) => ({ key: p.key, a: p.a.id, b: p.b.id })),
    },
    totals: {
      a: { ...c.totals.a, firstBreakdownT: c.totals.a.firstBreakdownT === null ? null : r1(c.totals.a.firstBreakdownT) },
      b: { ...c.totals.b, firstBreakdownT: c.totals.b.firstBreakdownT === null ? null : r1(c.totals.b.firstBreakdownT) },
    },
  };
}

const esc = (s: string) => mdText(s).replace(/[\r\n]+/g, ' ');

/** A debrief section; `level` is the heading level of its title (2 in a stand-alone file). */
export function formatComparisonMarkdown(c: Comparison, level = 2, opts: ComparisonOutputOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const ctx = unitsCtx(c.names);
  const h = (n: number) => '#'.repeat(level + n);
  const name = (id: string) => c.names[id] ?? id;
  const time = (t: number) => clockTime(c.start, t);
  const L: string[] = [];
  L.push(`${h(0)} ${t(lang, 'debrief.compare.md.title')}`, '');
  L.push(`- **A:** ${esc(sideLine(c.a, lang))}`, `- **B:** ${esc(sideLine(c.b, lang))}`, '');
  L.push(`${h(1)} ${esc(factsHeading(c, lang))}`, '');
  if (c.facts.differ.length) {
    L.push(`| ${t(lang, 'debrief.compare.md.facts-columns')} | A | B |`, '|---|---|---|---|---|');
    for (const f of c.facts.differ)
      L.push(
        `| ${f.id} | ${esc(f.row ?? '')} | ${esc(f.question)} | ${esc(formatValue(f.a, lang) + assumption(f.assumedA, lang))} | ${esc(formatValue(f.b, lang) + assumption(f.assumedB, lang))} |`,
      );
    L.push('');
  }
  const alike = factsAlike(c, lang);
  if (alike) L.push(alike, '');
  L.push(`${h(1)} ${esc(notModelledHeading(c, lang))}`, '');
  if (c.notModelled.length) {
    for (const r of c.notModelled) L.push(`- **${esc(oneLine(r.row))}:** ${esc(oneLine(r.reason))}`);
    L.push('');
  }
  L.push(...findingsMarkdown(c, h, name, time, lang, ctx));
  if (c.verdicts.length) {
    L.push(`${h(1)} ${verdictsHeading(lang)}`, '');
    for (const v of c.verdicts)
      L.push(
        `- ${time(v.pass.tA)} · ${esc(passWords(v, name, lang))}. **A** (${esc(sideLabel(c.a, lang))}): ${esc(verdictOf(v.a, lang))}. **B** (${esc(sideLabel(c.b, lang))}): ${esc(verdictOf(v.b, lang))}.`,
      );
    L.push('');
  }
  L.push(`${h(1)} ${t(lang, 'debrief.compare.part')}`, '');
  for (const [title, d] of [
    [t(lang, 'debrief.compare.md.first-entry'), c.firstDivergence],
    [t(lang, 'debrief.compare.first-radio'), c.firstRadioDivergence],
  ] as const) {
    if (!d) L.push(`- **${title}:** ${t(lang, 'debrief.compare.md.none-same')}`);
    else {
      const [sa, sb] = sidesSay(d, (t) => `${time(t)} (+${t.toFixed(0)} s)`, lang, ctx);
      L.push(`- **${title}** ${t(lang, 'debrief.compare.md.at', { time: `${time(d.t)} (+${d.t.toFixed(0)} s)` })}: A: ${esc(sa)}; B: ${esc(sb)}`);
    }
  }
  L.push('');
  L.push(`${h(1)} ${t(lang, 'debrief.compare.same-call')}`, '');
  if (!c.transmissions.differ.length) L.push(t(lang, 'debrief.none-sentence'), '');
  else {
    L.push(`| ${t(lang, 'debrief.compare.md.calls-columns')} | A | B |`, '|---|---|---|---|---|');
    for (const d of c.transmissions.differ)
      L.push(
        `| ${time(d.call.t)}${d.b.t !== d.a.t ? ` (B: ${time(d.b.t)})` : ''} | ${esc(callWordsIn(d.call, lang, ctx))} | ${esc(d.recipientName)} | ${esc(stageWords(d.a, lang, ctx))} | ${esc(stageWords(d.b, lang, ctx))} |`,
      );
    L.push('');
  }
  for (const [label, list] of [
    ['A', c.transmissions.onlyA],
    ['B', c.transmissions.onlyB],
  ] as const) {
    if (!list.length) continue;
    L.push(
      t(lang, 'debrief.compare.md.only-under', {
        side: label,
        calls: list.map((r) => `${time(r.t)} ${esc(callWordsIn(r, lang, ctx))}`).join(t(lang, 'debrief.semicolon')),
      }),
      '',
    );
  }
  return L.join('\n') + '\n';
}

function findingsMarkdown(
  c: Comparison,
  h: (n: number) => string,
  name: (id: string) => string,
  time: (t: number) => string,
  lang: Lang,
  ctx: SayContext,
): string[] {
  const L = [`${h(1)} ${t(lang, 'debrief.compare.findings')}`, '', esc(findingsSummary(c, lang)), ''];
  const note = groundsNote(c, lang);
  if (note) L.push(`> ${esc(note)}`, '');
  for (const [title, group] of findingGroups(c, lang)) {
    L.push(`${h(2)} ${esc(title)}`, '');
    if (!group.length) L.push(t(lang, 'debrief.none-sentence'));
    for (const f of group) {
      const b = (f.a ?? f.b)!;
      const when = f.a && f.b && f.a.t !== f.b.t ? ` (B: ${time(f.b.t)})` : '';
      const kind = t(lang, `debrief.breakdown-kind.${b.kind}`);
      const stage = b.stage ? t(lang, 'debrief.compare.md.at-stage', { stage: `\`${stageWord(lang, b.stage)}\`` }) : '';
      const norm = b.norm ? t(lang, 'debrief.norm-paren', { norm: `\`${b.norm}\`` }) : '';
      const head = `${time(b.t)}${when} · ${kind}${stage}${b.rule ? ` · \`${b.rule}\`` : ''}${norm} · ${esc(name(b.unit))}`;
      const g = groundsWords(f, lang);
      L.push(`- ${head}${f.presence === 'both' ? '' : `: ${esc(breakdownWords(b, lang, ctx))}`}${g ? ` — *${esc(g)}*` : ''}`);
    }
    L.push('');
  }
  return L;
}
