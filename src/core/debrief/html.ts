/**
 * The debrief as ONE self-contained HTML file: inline CSS, inline SVG, no script, no request of
 * any kind (a Content-Security-Policy says so to the browser too). Scenario files are untrusted:
 * every piece of their text is escaped.
 */
import { whatIfLine, type Analysis } from '../analysis/report';
import type { Breakdown } from '../analysis/breakdowns';
import { buildReplay } from '../replay/replay';
import { groundDistanceM } from '../geo';
import { locationName } from '../../i18n/names';
import { positionAt } from '../scenario/motion';
import { clockTime, zoneOf } from '../format/clock';
import type { Comparison, StageAt } from '../compare/compare';
import { formatValue, sidesSay } from '../compare/output';
import type { Finding } from '../compare/findings';
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
} from '../compare/phrases';
import { pathsForRun } from '../paths/paths';
import { pathWords } from '../paths/output';
import { esc, nationInk, plotSvg, sequenceSvg } from './svg';
import { traitsOf } from '../kinds';
import { groundsOf, type DisputedFact } from '../analysis/assumptions';
import { accountName, assumedWords, otherValues, valueWords } from '../format/grounds';
import type { Procedure } from '../procedure/load';
import { coverageWords } from '../format/markdown';
import { sourceIdsOfRun } from '../sources/cite';
import { sourceIdsHtml, sourcesSection } from './sources';

export const DEBRIEF_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface DebriefOptions {
  /** A comparison with another run of the same scenario, where this run is A. */
  comparison?: Comparison;
}

const STYLE = `
:root { color-scheme: light; --ink: #17212b; --muted: #5b6875; --rule: #d5dde5; --ok: #2e7d32; --fail: #c62828; --warn: #b26a00; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", sans-serif; color: var(--ink); background: #f4f6f8; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
header h1 { font-size: 1.6rem; margin: 0 0 4px; }
header p { margin: 0; color: var(--muted); }
nav { margin: 14px 0 8px; font-size: 0.9rem; }
nav a { color: #1f5fd6; margin-right: 14px; text-decoration: none; }
section { margin-top: 30px; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--rule); padding-bottom: 4px; margin: 0 0 12px; }
h3 { font-size: 1.02rem; margin: 16px 0 6px; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid var(--rule); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #eef2f6; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 14px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.muted { color: var(--muted); fill: #5b6875; font-size: 12px; }
.lead { font-size: 1.02rem; background: #f7f9fb; border-left: 4px solid #1f5fd6; padding: 8px 12px; }
.nation { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
.figures { display: flex; flex-wrap: wrap; gap: 16px; }
figure { margin: 0; flex: 1 1 440px; max-width: 560px; }
figure svg { width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 4px; }
figcaption { font-size: 0.86rem; color: var(--ink); margin-top: 4px; }
figcaption b { display: block; }
.scroll { overflow-x: auto; border: 1px solid var(--rule); border-radius: 4px; }
.scroll svg { display: block; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
svg .unit { font-size: 12px; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .call, svg .beam { font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .beam { fill: #8a4b00; }
svg .scale text, svg .north text { font-size: 11px; fill: #334; }
svg .who { font-size: 12px; font-weight: 600; }
svg .msg { font-size: 11px; paint-order: stroke; stroke: #fbfcfd; stroke-width: 3px; }
svg .time { font-size: 11px; fill: #5b6875; }
svg .cross { font-size: 16px; font-weight: 700; }
ol.breakdowns { list-style: none; padding: 0; margin: 0; }
ol.breakdowns li { border: 1px solid var(--rule); border-left: 5px solid var(--fail); border-radius: 4px; padding: 8px 12px; margin-bottom: 10px; }
ol.breakdowns li.omission { border-left-color: var(--warn); }
ol.breakdowns li.violation { border-left-color: #6a1b9a; }
.bhead { font-weight: 600; }
.evidence { font-size: 0.82rem; color: var(--muted); margin-top: 4px; }
.status { font-weight: 700; white-space: nowrap; }
.status.followed { color: var(--ok); }
.status.violated { color: var(--fail); }
.status.not-applicable { color: var(--muted); }
.assumed { color: var(--warn); font-size: 0.86rem; }
code { font-size: 0.88em; background: #eef2f6; padding: 0 3px; border-radius: 3px; }
ul.sources { padding-left: 18px; font-size: 0.88rem; }
ul.sources li { margin-bottom: 4px; overflow-wrap: anywhere; }
footer { margin-top: 36px; font-size: 0.8rem; color: var(--muted); }
@media print { body { background: #fff; } main { padding: 0; } nav { display: none; } section { break-inside: avoid-page; } }
`;

export function debriefHtml(a: Analysis, opts: DebriefOptions = {}): string {
  const { run } = a;
  const s = run.scenario;
  const start = s.spec.start;
  const time = (t: number) => `${clockTime(start, t)} (+${Math.round(t)} s)`;
  const name = (id: string) => s.units.find((u) => u.id === id)?.name ?? id;
  const sections: { id: string; title: string; body: string }[] = [];

  // Scenario.
  const first = a.breakdowns[0];
  const account = s.account ? `${s.account} — ${s.spec.accounts[s.account]?.title ?? ''}` : 'none';
  sections.push({
    id: 'scenario',
    title: 'Scenario',
    body: [
      `<dl class="facts">`,
      // TODO(lead): pass lang to locationName
      `<dt>Where</dt><dd>${esc(locationName(s))}${s.spec.location.note ? ` <span class="muted">(${esc(s.spec.location.note)})</span>` : ''}</dd>`,
      `<dt>When</dt><dd>${esc(s.spec.start)} (${esc(zoneOf(start).label)}), ${run.durationS} s</dd>`,
      `<dt>Account</dt><dd>${esc(account)}</dd>`,
      `<dt>Procedure</dt><dd><code>${esc(s.procedure.id)}</code> — ${esc(s.procedure.title)}</dd>`,
      `<dt>Seed</dt><dd>${run.seed}</dd>`,
      s.spec.sources.length ? `<dt>Sources</dt><dd>${sourceIdsHtml(s.spec.sources)}</dd>` : '',
      `</dl>`,
      a.whatIf ? `<p class="lead"><b>${esc(whatIfLine(a.whatIf))}</b></p>` : '',
      s.spec.description ? `<p>${esc(s.spec.description.trim())}</p>` : '',
      `<p class="lead">${run.transmissions.length} transmissions, ${a.exchangesCompleted} exchange(s) completed, ${a.breakdowns.length} breakdown(s).${first ? ` The first, at ${esc(clockTime(start, first.t))}: ${esc(first.explanation)}` : ' Communication worked as the procedure intends.'}</p>`,
      `<table><thead><tr><th>unit</th><th>nation</th><th>kind</th><th>call signs</th><th>doing</th></tr></thead><tbody>`,
      ...s.units.map(
        (u) =>
          `<tr><td><span class="nation" style="background:${nationInk(u.nation)}"></span>${esc(u.name)}${u.hull ? ` (${esc(u.hull)})` : ''}</td><td>${esc(u.nation)}</td><td>${esc(u.kind)}${u.service ? `, ${esc(u.service)}` : ''}</td><td>${esc(u.callSigns.join('; '))}</td><td>${esc(u.activity ?? '')}</td></tr>`,
      ),
      `</tbody></table>`,
    ].join('\n'),
  });

  // Facts: the agreed ground and the disputed facts of this account.
  sections.push({ id: 'facts', title: 'Facts', body: factsBody(a) });

  // The plot at key moments.
  const replay = buildReplay(a);
  const closest = run.log
    .filter((e) => e.type === 'proximity' && e.closest)
    // Closest in three dimensions: 500 m away at 150 m is nearer than 510 m away at 230 m.
    .sort((p, q) =>
      p.type === 'proximity' && q.type === 'proximity' ? Math.hypot(p.groundM, p.altitudeM) - Math.hypot(q.groundM, q.altitudeM) || p.t - q.t : 0,
    )[0];
  const moments: { key: string; title: string; t: number; words: string }[] = [];
  if (first) moments.push({ key: 'first-breakdown', title: 'First breakdown', t: first.t, words: first.explanation });
  // The first call lost on the ladder shows the calls themselves, when it is not the first breakdown.
  const firstLadder = a.breakdowns.find((b) => b.kind === 'ladder');
  if (firstLadder && firstLadder !== first)
    moments.push({ key: 'first-lost-call', title: 'First call that failed', t: firstLadder.t, words: firstLadder.explanation });
  // So does the first action the procedure says to avoid (distance is the closest pass's picture).
  const firstAct = a.breakdowns.find((b) => b.kind === 'violation' && !b.norm);
  if (firstAct && firstAct !== first) moments.push({ key: 'first-violation', title: 'First action to avoid', t: firstAct.t, words: firstAct.explanation });
  const pass =
    closest && closest.type === 'proximity'
      ? { t: closest.t, words: `${name(closest.unit)} ${closest.groundM} m from ${name(closest.other)}, at ${closest.altitudeM} m altitude.` }
      : closestApproach(a);
  if (pass) moments.push({ key: 'closest-pass', title: 'Closest pass', t: pass.t, words: pass.words });
  moments.push({
    key: 'end',
    title: 'End of the run',
    t: run.durationS,
    words: `${run.transmissions.length} transmissions, ${a.breakdowns.length} breakdown(s) by now.`,
  });
  moments.sort((p, q) => p.t - q.t);
  // Two key moments at the same time are one picture.
  for (let i = moments.length - 1; i > 0; i--) {
    const [p, q] = [moments[i - 1]!, moments[i]!];
    if (p.t !== q.t) continue;
    moments.splice(i - 1, 2, {
      key: p.key,
      title: `${p.title}; ${q.title.charAt(0).toLowerCase()}${q.title.slice(1)}`,
      t: p.t,
      words: `${p.words} ${q.words}`,
    });
  }
  const offMap = s.units.filter((u) => !traitsOf(u).onPlot).map((u) => u.name);
  sections.push({
    id: 'plot',
    title: 'The plot at key moments',
    body: [
      `<p class="muted">Positions from the replay, north up, equirectangular; dashed tails are the last two minutes of track. Lines between units are calls made in the minute before: green got as far as needed, red was lost on the way, amber got through without the answer asked for. An orange beam is a radar transmitting and held on a unit; a grey dotted one is a tracker pointed at a unit without transmitting.${offMap.length ? ` Off the map: ${esc(offMap.join(', '))}.` : ''}</p>`,
      `<div class="figures">`,
      ...moments.map((m) => {
        const frame = replay.frameAt(m.t, { trailS: 120, recentS: 60 });
        return `<figure id="moment-${m.key}">${plotSvg(a, frame, { id: `plot-${m.key}`, title: `${m.title} at ${clockTime(start, m.t)}` })}<figcaption><b>${esc(m.title)}, ${esc(time(m.t))}</b>${esc(m.words)}</figcaption></figure>`;
      }),
      `</div>`,
    ].join('\n'),
  });

  // Message sequence.
  sections.push({
    id: 'sequence',
    title: 'Message sequence',
    body: `<p class="muted">Every message, top to bottom in time order, to each unit it was meant for; a cross marks where a call was lost, and the label names the stage it stopped at.</p><div class="scroll">${sequenceSvg(a)}</div>`,
  });

  // Call exchanges: the path each took through the procedure's exchange.
  const rp = pathsForRun(a);
  const taken = rp.models.flatMap((m) => m.taken.map((t) => ({ t, group: m.set.groups.find((g) => g.end === t.end) })));
  sections.push({
    id: 'exchanges',
    title: 'Call exchanges',
    body: taken.length
      ? [
          `<p class="muted">Each call and its repeats, as a path through the exchange that ${esc(s.procedure.id)} lays down (run <code>npm run paths</code> for every way it could have gone).</p>`,
          `<table><thead><tr><th>exchange</th><th>calls</th><th>how it ended</th></tr></thead><tbody>`,
          ...taken.map(
            ({ t, group }) =>
              `<tr><td>${esc(name(t.from))} → ${esc(name(t.to))}<br><span class="muted">${esc(t.exchange)}: ${esc(t.txs.join(', '))}</span></td><td>${esc(pathWords(t.calls))}</td><td>${esc(group ? group.label : (t.note ?? t.status))}${group && group.rules.length ? `<br><span class="muted">${esc(group.rules.join(', '))}</span>` : ''}</td></tr>`,
          ),
          `</tbody></table>`,
        ].join('\n')
      : '<p>Nobody made a call in this run.</p>',
  });

  // Breakdowns.
  sections.push({
    id: 'breakdowns',
    title: 'Breakdowns',
    body: a.breakdowns.length
      ? `<ol class="breakdowns">${a.breakdowns.map((b) => breakdownItem(b, start)).join('\n')}</ol>`
      : '<p>None: communication worked as the procedure intends.</p>',
  });

  // Scorecard.
  sections.push({
    id: 'scorecard',
    title: 'Scorecard',
    body: [
      `<p>Each rule of <code>${esc(s.procedure.id)}</code> and what this run shows about it.</p>`,
      `<table><thead><tr><th>rule</th><th>item</th><th>status</th><th>evidence</th></tr></thead><tbody>`,
      ...a.compliance.map(
        (c) =>
          `<tr><td><code>${esc(c.rule)}</code><br>${esc(c.title)}</td><td>${esc(c.item ?? '')}</td><td class="status ${esc(c.status)}">${esc(c.status)}</td><td>${esc(c.evidence)}</td></tr>`,
      ),
      `</tbody></table>`,
    ].join('\n'),
  });

  sections.push({ id: 'coverage', title: 'Coverage of the source document', body: coverageBody(s.procedure) });
  const later = laterNormsSection(a);
  if (later) sections.push(later);

  if (opts.comparison) sections.push({ id: 'comparison', title: 'Comparison', body: comparisonBody(opts.comparison) });

  sections.push({ id: 'assumptions', title: 'Assumptions', body: assumptionsBody(a) });

  const cited = sourcesSection(sourceIdsOfRun(s));
  if (cited) sections.push(cited);

  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${DEBRIEF_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(`Debrief: ${s.spec.title}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header><h1>${esc(`Debrief: ${s.spec.title}`)}</h1><p>account ${esc(s.account ?? 'none')} · procedure ${esc(s.procedure.id)} · seed ${run.seed} · ${esc(s.spec.date)}</p></header>`,
    `<nav>${sections.map((x) => `<a href="#${x.id}">${esc(x.title)}</a>`).join('')}</nav>`,
    ...sections.map((x) => `<section id="${x.id}">\n<h2>${esc(x.title)}</h2>\n${x.body}\n</section>`),
    `<footer>encounter-sim debrief of scenario <code>${esc(s.spec.id)}</code>. The same scenario, account, procedure and seed give the same file.</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Where the engine records no pass (it watches aircraft against ships), the closest two units of
 * different nations came, sampled along their tracks.
 */
function closestApproach(a: Analysis): { t: number; words: string } | null {
  const s = a.run.scenario;
  const on = s.units.filter((u) => traitsOf(u).onPlot);
  const step = s.spec.environment.stepS;
  let best: { t: number; m: number; a: string; b: string } | null = null;
  for (let i = 0; i < on.length; i++) {
    for (let j = i + 1; j < on.length; j++) {
      const u = on[i]!;
      const v = on[j]!;
      if (u.nation === v.nation) continue;
      for (let t = 0; t <= a.run.durationS; t += step) {
        const m = groundDistanceM(positionAt(s.motion[u.id]!, t), positionAt(s.motion[v.id]!, t));
        if (!best || m < best.m) best = { t, m, a: u.name, b: v.name };
      }
    }
  }
  return best ? { t: best.t, words: `${best.a} and ${best.b} ${Math.round(best.m)} m apart, the closest two units of different nations came.` } : null;
}

/** The facts every account agrees on, then the disputed ones: this account's value (marked where it is an assumption), the others', the sources. */
function factsBody(a: Analysis): string {
  const g = groundsOf(a);
  if (!g.agreed.length && !g.disputed.length) return '<p>The scenario lists no facts.</p>';
  const agreed = g.agreed.length
    ? `<ul class="agreed">${g.agreed.map((f) => `<li><code>${esc(f.id)}</code> ${esc(f.statement.trim())}${f.sources.length ? ` <span class="muted">[${sourceIdsHtml(f.sources)}]</span>` : ''}${f.note ? `<br><span class="muted">${esc(f.note.trim())}</span>` : ''}</li>`).join('')}</ul>`
    : '<p>None listed in the scenario.</p>';
  const disputed = g.disputed.length
    ? [
        `<p>The values this run takes under the account <b>${esc(accountName(g))}</b>, and what the other accounts say. A value marked as an assumption is not the account's word: the scenario had to supply it.</p>`,
        `<table><thead><tr><th>fact</th><th>question</th><th>value here</th><th>other accounts</th><th>sources</th></tr></thead><tbody>`,
        ...g.disputed.map(
          (f) =>
            `<tr id="fact-${esc(f.id)}"><td><code>${esc(f.id)}</code>${f.row ? `<br><span class="muted">${esc(f.row)}</span>` : ''}</td><td>${esc(f.question)}${f.note ? `<br><span class="muted">${esc(f.note.trim())}</span>` : ''}</td><td><b>${esc(valueWords(f.value))}</b>${f.assumed ? `<br><span class="assumed">${esc(assumedWords(f))}</span>` : ''}</td><td>${esc(otherValues(g, f))}</td><td>${sourcesCell(f)}</td></tr>`,
        ),
        `</tbody></table>`,
      ].join('\n')
    : '';
  return [`<h3>Agreed by every account</h3>`, agreed, g.disputed.length ? `<h3>Disputed</h3>` : '', disputed].join('\n');
}

/** "jp: S12, S15; rok: S31", each id resolved to its entry in the sources section. */
function sourcesCell(f: DisputedFact): string {
  return Object.entries(f.sources)
    .filter(([, ids]) => ids.length)
    .map(([k, ids]) => `${esc(k)}: ${sourceIdsHtml(ids)}`)
    .join('; ');
}

/** Every value the run uses that no source gives: value, what it is, why it was needed. */
function assumptionsBody(a: Analysis): string {
  const g = groundsOf(a);
  if (!g.assumptions.length) return '<p>None: every value this run uses has a source.</p>';
  return [
    `<p>Values no source gives, that this run uses. Each can change what is heard or judged.</p>`,
    `<table><thead><tr><th>assumption</th><th>value</th><th>what it is</th><th>why</th><th>sources</th></tr></thead><tbody>`,
    ...g.assumptions.map(
      (x) =>
        `<tr id="assumption-${esc(x.id.replace(/[^a-zA-Z0-9-]/g, '-'))}"><td><code>${esc(x.id)}</code><br><span class="muted">${esc(x.origin)}</span></td><td>${esc(valueWords(x.value, x.unit))}</td><td>${esc(x.label.trim())}</td><td>${esc(x.why.trim())}</td><td>${sourceIdsHtml(x.sources)}</td></tr>`,
    ),
    `</tbody></table>`,
  ].join('\n');
}

function breakdownItem(b: Breakdown, start: string): string {
  const head = `${b.id} · ${clockTime(start, b.t)} · ${b.kind}${b.stage ? ` at ${b.stage}` : ''}${b.rule ? ` · ${b.rule}` : ''}`;
  const ev = b.evidence
    ? Object.entries(b.evidence)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    : [];
  return `<li class="${esc(b.kind)}"><div class="bhead">${esc(head)}</div><div>${esc(b.explanation)}</div>${ev.length ? `<div class="evidence">Evidence: ${esc(ev.join(' · '))}</div>` : ''}</li>`;
}

function stageCell(x: StageAt): string {
  return x.failedAt
    ? `reached ${x.reached ?? 'nothing'}, stopped at <b>${esc(x.failedAt)}</b>${x.heardAs ? ` (heard as "${esc(x.heardAs)}")` : ''}`
    : `got through (${esc(x.reached ?? '')})`;
}

/** The findings of a comparison by where they stand, each with what it rests on (compare/phrases.ts). */
function findingsHtml(c: Comparison, time: (t: number) => string, name: (id: string) => string): string[] {
  const item = (f: Finding) => {
    const b = (f.a ?? f.b)!;
    const head = `${time(b.t)} · ${name(b.unit)} · ${b.kind}${b.stage ? ` at ${b.stage}` : ''}${b.rule ? ` · ${b.rule}` : ''}${b.norm ? ` (norm ${b.norm})` : ''}`;
    const g = groundsWords(f);
    return `<li>${esc(head)}${f.presence === 'both' ? '' : `<br><span class="muted">${esc(b.explanation)}</span>`}${g ? `<br><i>${esc(g)}</i>` : ''}</li>`;
  };
  const group = (title: string, list: Finding[]) => `<h4>${esc(title)}</h4>${list.length ? `<ul>${list.map(item).join('')}</ul>` : '<p>None.</p>'}`;
  const note = groundsNote(c);
  return [
    `<h3>Findings, agreed and disputed</h3>`,
    `<p>${esc(findingsSummary(c))}</p>${note ? `<p class="muted">${esc(note)}</p>` : ''}`,
    group(
      `In both ${what(c)}`,
      c.findings.filter((f) => f.presence === 'both'),
    ),
    group(
      `Only in A (${c.a.label})`,
      c.findings.filter((f) => f.presence === 'only-a'),
    ),
    group(
      `Only in B (${c.b.label})`,
      c.findings.filter((f) => f.presence === 'only-b'),
    ),
    c.verdicts.length
      ? `<h3>${esc(VERDICTS_HEADING)}</h3><ul>${c.verdicts.map((v) => `<li>${esc(`${time(v.pass.tA)} · ${passWords(v, name)}`)}<br>${esc(`A (${c.a.label}): ${verdictOf(v.a)}`)}<br>${esc(`B (${c.b.label}): ${verdictOf(v.b)}`)}</li>`).join('')}</ul>`
      : '',
  ];
}

function comparisonBody(c: Comparison): string {
  const time = (t: number) => clockTime(c.start, t);
  const name = (id: string) => c.names[id] ?? id;
  const side = (x: Comparison['a']) =>
    `account ${x.account ?? 'none'}${x.accountTitle ? ` — ${x.accountTitle}` : ''}; procedure ${x.procedure}; seed ${x.seed}`;
  const div = (title: string, d: Comparison['firstDivergence']) => {
    if (!d) return `<dt>${esc(title)}</dt><dd>none: the logs are the same</dd>`;
    const [sa, sb] = sidesSay(d, (t) => `${time(t)} (+${Math.round(t)} s)`);
    return `<dt>${esc(title)}</dt><dd>${esc(time(d.t))} (+${Math.round(d.t)} s)<br>A: ${esc(sa)}<br>B: ${esc(sb)}</dd>`;
  };
  const alike = factsAlike(c);
  return [
    `<dl class="facts"><dt>A (this debrief)</dt><dd>${esc(side(c.a))}</dd><dt>B</dt><dd>${esc(side(c.b))}</dd>${div('First difference', c.firstDivergence)}${div('First difference on the radio', c.firstRadioDivergence)}</dl>`,
    `<h3>${esc(factsHeading(c))}</h3>`,
    c.facts.differ.length
      ? `<table><thead><tr><th>fact</th><th>row</th><th>question</th><th>A</th><th>B</th></tr></thead><tbody>${c.facts.differ.map((f) => `<tr><td><code>${esc(f.id)}</code></td><td>${esc(f.row ?? '')}</td><td>${esc(f.question)}</td><td>${esc(formatValue(f.a) + assumption(f.assumedA))}</td><td>${esc(formatValue(f.b) + assumption(f.assumedB))}</td></tr>`).join('')}</tbody></table>`
      : '',
    alike ? `<p>${esc(alike)}</p>` : '',
    `<h3>${esc(notModelledHeading(c))}</h3>`,
    c.notModelled.length ? `<ul>${c.notModelled.map((r) => `<li><b>${esc(oneLine(r.row))}:</b> ${esc(oneLine(r.reason))}</li>`).join('')}</ul>` : '',
    ...findingsHtml(c, time, name),
    `<h3>The same call, a different end</h3>`,
    c.transmissions.differ.length
      ? `<table><thead><tr><th>time</th><th>call</th><th>A</th><th>B</th></tr></thead><tbody>${c.transmissions.differ.map((d) => `<tr><td>${esc(time(d.call.t))}${d.b.t !== d.a.t ? `<br><span class="muted">B: ${esc(time(d.b.t))}</span>` : ''}</td><td>${esc(d.call.words)}</td><td>${stageCell(d.a)}</td><td>${stageCell(d.b)}</td></tr>`).join('')}</tbody></table>`
      : '<p>None.</p>',
    ...(['A', 'B'] as const).map((k) => {
      const calls = k === 'A' ? c.transmissions.onlyA : c.transmissions.onlyB;
      return calls.length ? `<h3>Calls made only under ${k}</h3><ul>${calls.map((r) => `<li>${esc(`${time(r.t)} ${r.words}`)}</li>`).join('')}</ul>` : '';
    }),
  ].join('\n');
}

/** The items of the procedure's source documents and what models each (format/markdown.ts says it in words). */
function coverageBody(p: Procedure): string {
  if (!p.coverage.length) return `<p><code>${esc(p.id)}</code> does not list the items of its source document, so what it leaves out is not stated.</p>`;
  return [
    `<p>What each item of the documents behind <code>${esc(p.id)}</code> (${esc(p.chain.join(' → '))}) becomes in the run.</p>`,
    `<table><thead><tr><th>item</th><th>title</th><th>modelled by</th><th>listed in</th></tr></thead><tbody>`,
    ...p.coverage.map(
      (c) =>
        `<tr><td>${esc(c.item)}</td><td>${esc(c.title)}</td><td${c.rules.length ? '' : ' class="muted"'}>${esc(coverageWords(c))}</td><td><code>${esc(c.origin)}</code></td></tr>`,
    ),
    `</tbody></table>`,
  ].join('\n');
}

/** Norms and rules that give no verdict on this run's date, each with what it would say. */
function laterNormsSection(a: Analysis): { id: string; title: string; body: string } | null {
  if (!a.discussion.length) return null;
  return {
    id: 'later-norms',
    title: 'Later norms, for discussion',
    body: `<p>None of these gives a finding in this run.</p><ul>${a.discussion.map((d) => `<li>${esc(d.text)}</li>`).join('')}</ul>`,
  };
}
