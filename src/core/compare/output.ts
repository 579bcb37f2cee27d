/**
 * A comparison in words a trainer can read aloud (text), as a stable report (json), and as a
 * debrief section (md).
 */
import { mdText } from '../format/md-escape';
import type { Breakdown } from '../analysis/breakdowns';
import { clockTime } from '../format/clock';
import { breakdownJson } from '../analysis/report';
import type { Comparison, EntryDifference, StageAt } from './compare';
import type { Finding } from './findings';
import {
  VERDICTS_HEADING,
  assumption,
  factsAlike,
  factsHeading,
  findingsSummary,
  groundsNote,
  groundsWords,
  notModelledHeading,
  oneLine,
  passWords,
  verdictOf,
  what,
} from './phrases';

const r1 = (x: number) => Math.round(x * 10) / 10;

export function formatValue(v: unknown): string {
  if (v === undefined) return '(not in this run)';
  if (typeof v === 'string') return `"${v}"`;
  return JSON.stringify(v);
}

function sideLine(s: Comparison['a']): string {
  return `account ${s.account ?? 'none'}${s.accountTitle ? ` — ${s.accountTitle}` : ''}; procedure ${s.procedure} — ${s.procedureTitle}; seed ${s.seed}`;
}

function stageWords(x: StageAt): string {
  if (!x.failedAt) return `got as far as it needed (${x.reached})`;
  return `reached ${x.reached ?? 'nothing'}, stopped at ${x.failedAt}${x.heardAs ? ` (heard as "${x.heardAs}")` : ''}: ${x.cause ?? 'no cause recorded'}`;
}

function breakdownHead(start: string, b: Breakdown, name: (id: string) => string): string {
  let what: string;
  switch (b.kind) {
    case 'ladder':
      what = `call stopped at ${b.stage}`;
      break;
    case 'omission':
    case 'violation':
      what = `${b.kind} of ${b.rule}${b.norm ? ` (norm ${b.norm})` : ''}`;
      break;
  }
  return `${clockTime(start, b.t)}  ${name(b.unit)}: ${what}`;
}

export function formatComparisonText(c: Comparison): string {
  const name = (id: string) => c.names[id] ?? id;
  const at = (t: number) => `${clockTime(c.start, t)} (+${t.toFixed(0)} s)`;
  const L: string[] = [];
  L.push(`Comparing two runs of "${c.title}"`);
  L.push(`  A: ${sideLine(c.a)}`);
  L.push(`  B: ${sideLine(c.b)}`);
  L.push('');
  L.push(factsHeading(c));
  for (const f of c.facts.differ) {
    L.push(`  ${f.id}${f.row ? ` [${f.row}]` : ''}: ${f.question}`);
    L.push(`      A: ${formatValue(f.a)}${assumption(f.assumedA)}    B: ${formatValue(f.b)}${assumption(f.assumedB)}`);
  }
  const alike = factsAlike(c);
  if (alike) L.push(alike);
  L.push(notModelledHeading(c));
  for (const r of c.notModelled) L.push(`  ${oneLine(r.row)}: ${oneLine(r.reason)}`);
  L.push('');
  L.push(...findingsText(c, name));
  L.push(...verdictsText(c, name));
  L.push('');
  L.push(...divergenceText('Where the runs part', c.firstDivergence, at));
  L.push(...divergenceText('On the radio, the runs part', c.firstRadioDivergence, at));
  L.push('');
  const tx = c.transmissions;
  if (tx.differ.length) {
    L.push(`The same call, a different end: ${tx.differ.length}`);
    for (const d of tx.differ) {
      L.push(
        `  ${clockTime(c.start, d.call.t)}  ${d.call.words}${d.recipient === d.call.to ? '' : `, for ${d.recipientName}`}${d.b.t !== d.a.t ? `; under B made at ${clockTime(c.start, d.b.t)}` : ''}`,
      );
      L.push(`      A: ${stageWords(d.a)}`);
      L.push(`      B: ${stageWords(d.b)}`);
    }
  } else L.push('Every call made in both runs got to the same stage in both.');
  for (const [label, list] of [
    ['A', tx.onlyA],
    ['B', tx.onlyB],
  ] as const) {
    if (!list.length) continue;
    L.push(`Calls made only under ${label}: ${list.length}`);
    for (const r of list) L.push(`  ${clockTime(c.start, r.t)}  ${r.words}`);
  }
  L.push('');
  L.push('In numbers');
  for (const [label, t] of [
    ['A', c.totals.a],
    ['B', c.totals.b],
  ] as const) {
    L.push(
      `  ${label}: ${t.transmissions} transmissions, ${t.exchangesCompleted} exchange(s) completed, ${t.breakdowns} breakdown(s)${t.firstBreakdownT !== null ? `, the first at ${clockTime(c.start, t.firstBreakdownT)}` : ''}`,
    );
  }
  return L.join('\n') + '\n';
}

function findingsText(c: Comparison, name: (id: string) => string): string[] {
  const L = [`Findings, agreed and disputed: ${findingsSummary(c)}`];
  const note = groundsNote(c);
  if (note) L.push(`  ${note}`);
  for (const [title, group] of findingGroups(c)) {
    L.push(`${title}: ${group.length}`);
    for (const f of group) {
      const b = (f.a ?? f.b)!;
      const when = f.a && f.b && f.a.t !== f.b.t ? ` (under B at ${clockTime(c.start, f.b.t)})` : '';
      L.push(`  ${breakdownHead(c.start, b, name)}${when}`);
      if (f.presence !== 'both') L.push(`      ${b.explanation}`);
      const g = groundsWords(f);
      if (g) L.push(`      → ${g}`);
    }
  }
  return L;
}

/** The findings by where they stand: in both, only in A, only in B. */
function findingGroups(c: Comparison): [string, Finding[]][] {
  return [
    [`In both ${what(c)}`, c.findings.filter((f) => f.presence === 'both')],
    [`Only in A (${c.a.label})`, c.findings.filter((f) => f.presence === 'only-a')],
    [`Only in B (${c.b.label})`, c.findings.filter((f) => f.presence === 'only-b')],
  ];
}

function verdictsText(c: Comparison, name: (id: string) => string): string[] {
  if (!c.verdicts.length) return [];
  const L = ['', `${VERDICTS_HEADING}: ${c.verdicts.length} pass${c.verdicts.length > 1 ? 'es' : ''}`];
  for (const v of c.verdicts) {
    L.push(`  ${clockTime(c.start, v.pass.tA)}  ${passWords(v, name)}`);
    L.push(`      A (${c.a.label}): ${verdictOf(v.a)}`);
    L.push(`      B (${c.b.label}): ${verdictOf(v.b)}`);
  }
  return L;
}

function divergenceText(title: string, d: EntryDifference | null, at: (t: number) => string): string[] {
  if (!d) return [`${title}: nowhere; the logs are the same.`];
  const [a, b] = sidesSay(d, at);
  return [`${title} at ${at(d.t)}:`, `  A: ${a}`, `  B: ${b}`];
}

/** What each side did at the divergence, with its own time when the two differ. */
export function sidesSay(d: EntryDifference, at: (t: number) => string): [string, string] {
  const same = d.a !== null && d.b !== null && d.a.t === d.b.t;
  const say = (e: EntryDifference['a'], words: string) => (same || !e ? words : `at ${at(e.t)}, ${words}`);
  return [say(d.a, d.aSays), say(d.b, d.bSays)];
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
    grounds: { asked: c.grounds.asked, why: c.grounds.why, failed: c.grounds.failed },
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
export function formatComparisonMarkdown(c: Comparison, level = 2): string {
  const h = (n: number) => '#'.repeat(level + n);
  const name = (id: string) => c.names[id] ?? id;
  const time = (t: number) => clockTime(c.start, t);
  const L: string[] = [];
  L.push(`${h(0)} Comparison: A against B`, '');
  L.push(`- **A:** ${esc(sideLine(c.a))}`, `- **B:** ${esc(sideLine(c.b))}`, '');
  L.push(`${h(1)} ${esc(factsHeading(c))}`, '');
  if (c.facts.differ.length) {
    L.push('| fact | row | question | A | B |', '|---|---|---|---|---|');
    for (const f of c.facts.differ)
      L.push(
        `| ${f.id} | ${esc(f.row ?? '')} | ${esc(f.question)} | ${esc(formatValue(f.a) + assumption(f.assumedA))} | ${esc(formatValue(f.b) + assumption(f.assumedB))} |`,
      );
    L.push('');
  }
  const alike = factsAlike(c);
  if (alike) L.push(alike, '');
  L.push(`${h(1)} ${esc(notModelledHeading(c))}`, '');
  if (c.notModelled.length) {
    for (const r of c.notModelled) L.push(`- **${esc(oneLine(r.row))}:** ${esc(oneLine(r.reason))}`);
    L.push('');
  }
  L.push(...findingsMarkdown(c, h, name, time));
  if (c.verdicts.length) {
    L.push(`${h(1)} ${VERDICTS_HEADING}`, '');
    for (const v of c.verdicts)
      L.push(
        `- ${time(v.pass.tA)} · ${esc(passWords(v, name))}. **A** (${esc(c.a.label)}): ${esc(verdictOf(v.a))}. **B** (${esc(c.b.label)}): ${esc(verdictOf(v.b))}.`,
      );
    L.push('');
  }
  L.push(`${h(1)} Where the runs part`, '');
  for (const [title, d] of [
    ['First entry that differs', c.firstDivergence],
    ['First difference on the radio', c.firstRadioDivergence],
  ] as const) {
    if (!d) L.push(`- **${title}:** none; the logs are the same.`);
    else {
      const [sa, sb] = sidesSay(d, (t) => `${time(t)} (+${t.toFixed(0)} s)`);
      L.push(`- **${title}** at ${time(d.t)} (+${d.t.toFixed(0)} s): A: ${esc(sa)}; B: ${esc(sb)}`);
    }
  }
  L.push('');
  L.push(`${h(1)} The same call, a different end`, '');
  if (!c.transmissions.differ.length) L.push('None.', '');
  else {
    L.push('| time | call | for | A | B |', '|---|---|---|---|---|');
    for (const d of c.transmissions.differ)
      L.push(
        `| ${time(d.call.t)}${d.b.t !== d.a.t ? ` (B: ${time(d.b.t)})` : ''} | ${esc(d.call.words)} | ${esc(d.recipientName)} | ${esc(stageWords(d.a))} | ${esc(stageWords(d.b))} |`,
      );
    L.push('');
  }
  for (const [label, list] of [
    ['A', c.transmissions.onlyA],
    ['B', c.transmissions.onlyB],
  ] as const) {
    if (!list.length) continue;
    L.push(`Calls made only under ${label}: ${list.map((r) => `${time(r.t)} ${esc(r.words)}`).join('; ')}.`, '');
  }
  return L.join('\n') + '\n';
}

function findingsMarkdown(c: Comparison, h: (n: number) => string, name: (id: string) => string, time: (t: number) => string): string[] {
  const L = [`${h(1)} Findings, agreed and disputed`, '', esc(findingsSummary(c)), ''];
  const note = groundsNote(c);
  if (note) L.push(`> ${esc(note)}`, '');
  for (const [title, group] of findingGroups(c)) {
    L.push(`${h(2)} ${esc(title)}`, '');
    if (!group.length) L.push('None.');
    for (const f of group) {
      const b = (f.a ?? f.b)!;
      const when = f.a && f.b && f.a.t !== f.b.t ? ` (B: ${time(f.b.t)})` : '';
      const head = `${time(b.t)}${when} · ${b.kind}${b.stage ? ` at \`${b.stage}\`` : ''}${b.rule ? ` · \`${b.rule}\`` : ''}${b.norm ? ` (norm \`${b.norm}\`)` : ''} · ${esc(name(b.unit))}`;
      const g = groundsWords(f);
      L.push(`- ${head}${f.presence === 'both' ? '' : `: ${esc(b.explanation)}`}${g ? ` — *${esc(g)}*` : ''}`);
    }
    L.push('');
  }
  return L;
}
