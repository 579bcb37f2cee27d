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
import { breakdownWords, callWordsIn, formatValue, sidesSay } from '../compare/output';
import type { Finding } from '../compare/findings';
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
} from '../compare/phrases';
import { pathsForRun } from '../paths/paths';
import { groupLabel, pathWords, takenNote } from '../paths/output';
import { esc, nationInk, plotSvg, sequenceSvg } from './svg';
import { traitsOf } from '../kinds';
import { groundsOf, type DisputedFact } from '../analysis/assumptions';
import { accountName, assumedWords, otherValues, valueWords } from '../format/grounds';
import type { Procedure } from '../procedure/load';
import { coverageWords } from '../format/markdown';
import { sourceIdsOfRun } from '../sources/cite';
import { sourceIdsHtml, sourcesSection } from './sources';
import { t, type Lang, type SayContext } from '../../i18n';
import { inLang, stageWord, unitsCtx } from './words';

export const DEBRIEF_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface DebriefOptions {
  /** A comparison with another run of the same scenario, where this run is A. */
  comparison?: Comparison;
  /** The reader's language; the radio's words stay English, quoted. */
  lang?: Lang;
}

/**
 * Latin faces, then Japanese and Korean ones (the reader's first, so shared Han characters take
 * their language's forms), so a debrief in any of the three reads on a fresh machine.
 */
function fonts(lang: Lang): string {
  const jp = '"Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic"';
  const kr = '"Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic"';
  return `system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", ${lang === 'ko' ? `${kr}, ${jp}` : `${jp}, ${kr}`}, sans-serif`;
}

const style = (lang: Lang) => `
:root { color-scheme: light; --ink: #17212b; --muted: #5b6875; --rule: #d5dde5; --ok: #2e7d32; --fail: #c62828; --warn: #b26a00; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 ${fonts(lang)}; color: var(--ink); background: #f4f6f8; }
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
svg text { font-family: ${fonts(lang)}; }
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
  const lang = opts.lang ?? 'en';
  const { run } = a;
  const s = run.scenario;
  const ctx = unitsCtx(s.units);
  const tr = (code: string, params: Parameters<typeof t>[2] = {}) => t(lang, code, params, ctx);
  const start = s.spec.start;
  const time = (x: number) => tr('debrief.clock', { clock: clockTime(start, x), s: Math.round(x) });
  const name = (id: string) => ctx.unitName?.(id, lang) ?? id;
  const said = (b: Breakdown) => inLang(lang, b.explanation, b.why, ctx);
  const sections: { id: string; title: string; body: string }[] = [];
  const section = (id: string, body: string) => sections.push({ id, title: tr(`debrief.html.section.${id}`), body });

  // Scenario.
  const first = a.breakdowns[0];
  const account = s.account ? `${s.account} — ${s.spec.accounts[s.account]?.title ?? ''}` : tr('debrief.none');
  const counts = { tx: run.transmissions.length, ex: a.exchangesCompleted, bd: a.breakdowns.length };
  section(
    'scenario',
    [
      `<dl class="facts">`,
      `<dt>${esc(tr('debrief.html.where'))}</dt><dd>${esc(locationName(s, lang))}${s.spec.location.note ? ` <span class="muted">(${esc(s.spec.location.note)})</span>` : ''}</dd>`,
      `<dt>${esc(tr('debrief.html.when'))}</dt><dd>${esc(s.spec.start)} (${esc(zoneOf(start).label)}), ${esc(tr('debrief.seconds', { s: run.durationS }))}</dd>`,
      `<dt>${esc(tr('debrief.html.account'))}</dt><dd>${esc(account)}</dd>`,
      `<dt>${esc(tr('debrief.html.procedure'))}</dt><dd><code>${esc(s.procedure.id)}</code> — ${esc(s.procedure.title)}</dd>`,
      `<dt>${esc(tr('debrief.html.seed'))}</dt><dd>${run.seed}</dd>`,
      s.spec.sources.length ? `<dt>${esc(tr('debrief.html.section.sources'))}</dt><dd>${sourceIdsHtml(s.spec.sources)}</dd>` : '',
      `</dl>`,
      a.whatIf ? `<p class="lead"><b>${esc(whatIfWords(a.whatIf, lang))}</b></p>` : '',
      s.spec.description ? `<p>${esc(s.spec.description.trim())}</p>` : '',
      `<p class="lead">${esc(first ? tr('debrief.html.lead.first', { ...counts, time: clockTime(start, first.t), why: said(first) }) : tr('debrief.html.lead.none', counts))}</p>`,
      `<table><thead><tr>${columns(tr('debrief.html.units.columns'))}</tr></thead><tbody>`,
      ...s.units.map(
        (u) =>
          `<tr><td><span class="nation" style="background:${nationInk(u.nation)}"></span>${esc(name(u.id))}${u.hull ? ` (${esc(u.hull)})` : ''}</td><td>${esc(u.nation)}</td><td>${esc(tr(`debrief.unit-kind.${u.kind}`))}${u.service ? `, ${esc(u.service)}` : ''}</td><td>${esc(u.callSigns.join('; '))}</td><td>${esc(u.activity ?? '')}</td></tr>`,
      ),
      `</tbody></table>`,
    ].join('\n'),
  );

  // Facts: the agreed ground and the disputed facts of this account.
  section('facts', factsBody(a, lang));

  // The plot at key moments.
  const replay = buildReplay(a);
  const closest = run.log
    .filter((e) => e.type === 'proximity' && e.closest)
    // Closest in three dimensions: 500 m away at 150 m is nearer than 510 m away at 230 m.
    .sort((p, q) =>
      p.type === 'proximity' && q.type === 'proximity' ? Math.hypot(p.groundM, p.altitudeM) - Math.hypot(q.groundM, q.altitudeM) || p.t - q.t : 0,
    )[0];
  const moments: { key: string; title: string; t: number; words: string }[] = [];
  const moment = (key: string, at: number, words: string) => moments.push({ key, title: tr(`debrief.html.moment.${key}`), t: at, words });
  if (first) moment('first-breakdown', first.t, said(first));
  // The first call lost on the ladder shows the calls themselves, when it is not the first breakdown.
  const firstLadder = a.breakdowns.find((b) => b.kind === 'ladder');
  if (firstLadder && firstLadder !== first) moment('first-lost-call', firstLadder.t, said(firstLadder));
  // So does the first action the procedure says to avoid (distance is the closest pass's picture).
  const firstAct = a.breakdowns.find((b) => b.kind === 'violation' && !b.norm);
  if (firstAct && firstAct !== first) moment('first-violation', firstAct.t, said(firstAct));
  const pass =
    closest && closest.type === 'proximity'
      ? {
          t: closest.t,
          words: tr('debrief.html.pass', { unit: { unit: closest.unit }, other: { unit: closest.other }, ground: closest.groundM, alt: closest.altitudeM }),
        }
      : closestApproach(a, lang, ctx);
  if (pass) moment('closest-pass', pass.t, pass.words);
  moment('end', run.durationS, tr('debrief.html.end', { tx: run.transmissions.length, bd: a.breakdowns.length }));
  moments.sort((p, q) => p.t - q.t);
  // Two key moments at the same time are one picture.
  for (let i = moments.length - 1; i > 0; i--) {
    const [p, q] = [moments[i - 1]!, moments[i]!];
    if (p.t !== q.t) continue;
    moments.splice(i - 1, 2, {
      key: p.key,
      title: tr('debrief.html.moments', { a: p.title, b: `${q.title.charAt(0).toLowerCase()}${q.title.slice(1)}` }),
      t: p.t,
      words: tr('debrief.html.moment-words', { a: p.words, b: q.words }),
    });
  }
  const offMap = s.units.filter((u) => !traitsOf(u).onPlot).map((u) => u.name);
  section(
    'plot',
    [
      `<p class="muted">${esc(tr('debrief.html.plot.key'))}${offMap.length ? esc(tr('debrief.html.plot.off-map', { units: offMap.join(', ') })) : ''}</p>`,
      `<div class="figures">`,
      ...moments.map((m) => {
        const frame = replay.frameAt(m.t, { trailS: 120, recentS: 60 });
        return `<figure id="moment-${m.key}">${plotSvg(a, frame, { id: `plot-${m.key}`, title: tr('debrief.html.plot.title', { title: m.title, time: clockTime(start, m.t) }), lang })}<figcaption><b>${esc(tr('debrief.html.caption', { title: m.title, time: time(m.t) }))}</b>${esc(m.words)}</figcaption></figure>`;
      }),
      `</div>`,
    ].join('\n'),
  );

  // Message sequence.
  section('sequence', `<p class="muted">${esc(tr('debrief.html.sequence.key'))}</p><div class="scroll">${sequenceSvg(a, { lang })}</div>`);

  // Call exchanges: the path each took through the procedure's exchange.
  const rp = pathsForRun(a);
  const taken = rp.models.flatMap((m) => m.taken.map((x) => ({ t: x, group: m.set.groups.find((g) => g.end === x.end) })));
  section(
    'exchanges',
    taken.length
      ? [
          `<p class="muted">${escWith(lang, 'debrief.html.exchanges.key', { procedure: s.procedure.id }, { cmd: '<code>npm run paths</code>' })}</p>`,
          `<table><thead><tr>${columns(tr('debrief.html.exchanges.columns'))}</tr></thead><tbody>`,
          ...taken.map(
            ({ t: x, group }) =>
              `<tr><td>${esc(name(x.from))} → ${esc(name(x.to))}<br><span class="muted">${esc(x.exchange)}: ${esc(x.txs.join(', '))}</span></td><td>${esc(pathWords(x.calls, lang))}</td><td>${esc(group ? groupLabel(group, lang) : x.note !== null ? takenNote(x, lang) : t(lang, `debrief.paths.status.${x.status}`))}${group && group.rules.length ? `<br><span class="muted">${esc(group.rules.join(', '))}</span>` : ''}</td></tr>`,
          ),
          `</tbody></table>`,
        ].join('\n')
      : `<p>${esc(tr('debrief.html.exchanges.none'))}</p>`,
  );

  // Breakdowns.
  section(
    'breakdowns',
    a.breakdowns.length
      ? `<ol class="breakdowns">${a.breakdowns.map((b) => breakdownItem(b, start, lang, ctx)).join('\n')}</ol>`
      : `<p>${esc(tr('debrief.html.breakdowns.none'))}</p>`,
  );

  // Scorecard.
  section(
    'scorecard',
    [
      `<p>${escWith(lang, 'debrief.html.scorecard.key', {}, { procedure: `<code>${esc(s.procedure.id)}</code>` })}</p>`,
      `<table><thead><tr>${columns(tr('debrief.html.scorecard.columns'))}</tr></thead><tbody>`,
      ...a.compliance.map(
        (c) =>
          `<tr><td><code>${esc(c.rule)}</code><br>${esc(c.title)}</td><td>${esc(c.item ?? '')}</td><td class="status ${esc(c.status)}">${esc(tr(`debrief.status.${c.status}`))}</td><td>${esc(inLang(lang, c.evidence, (c as { why?: unknown }).why, ctx))}</td></tr>`,
      ),
      `</tbody></table>`,
    ].join('\n'),
  );

  section('coverage', coverageBody(s.procedure, lang));
  const later = laterNormsSection(a, lang, ctx);
  if (later) sections.push(later);

  if (opts.comparison) section('comparison', comparisonBody(opts.comparison, lang));

  section('assumptions', assumptionsBody(a, lang));

  const cited = sourcesSection(sourceIdsOfRun(s), lang);
  if (cited) sections.push(cited);

  const title = esc(tr('debrief.html.title', { title: s.spec.title }));
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${DEBRIEF_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${style(lang)}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header><h1>${title}</h1><p>${esc(tr('debrief.html.header', { account: s.account ?? tr('debrief.none'), procedure: s.procedure.id, seed: run.seed, date: s.spec.date }))}</p></header>`,
    `<nav>${sections.map((x) => `<a href="#${x.id}">${esc(x.title)}</a>`).join('')}</nav>`,
    ...sections.map((x) => `<section id="${x.id}">\n<h2>${esc(x.title)}</h2>\n${x.body}\n</section>`),
    `<footer>${escWith(lang, 'debrief.html.footer', {}, { id: `<code>${esc(s.spec.id)}</code>` })}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * A message as HTML: its own words kept as written (a catalog holds no markup), every parameter
 * escaped, and the `html` parameters (markup made here) put in as they are.
 */
function escWith(lang: Lang, code: string, params: Record<string, string>, html: Record<string, string>): string {
  const filled: Record<string, string> = { ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, esc(v)])), ...html };
  const keys = Object.keys(filled);
  const holes = Object.fromEntries(keys.map((k, i) => [k, `\u0000${i}\u0000`]));
  const text = t(lang, code, holes).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return keys.reduce((out, k, i) => out.split(`\u0000${i}\u0000`).join(filled[k]!), text);
}

function whatIfWords(w: NonNullable<Analysis['whatIf']>, lang: Lang): string {
  return lang === 'en' ? whatIfLine(w) : t(lang, 'debrief.what-if', { procedure: w.procedure, from: w.inForceFrom, date: w.scenarioDate });
}

/** Table headings from a message that lists them with "|" between (one message, so a translator sees them together). */
function columns(list: string): string {
  return list
    .split('|')
    .map((h) => `<th>${esc(h.trim())}</th>`)
    .join('');
}

/**
 * Where the engine records no pass (it watches aircraft against ships), the closest two units of
 * different nations came, sampled along their tracks.
 */
function closestApproach(a: Analysis, lang: Lang, ctx: SayContext): { t: number; words: string } | null {
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
        if (!best || m < best.m) best = { t, m, a: u.id, b: v.id };
      }
    }
  }
  return best ? { t: best.t, words: t(lang, 'debrief.html.apart', { a: { unit: best.a }, b: { unit: best.b }, m: Math.round(best.m) }, ctx) } : null;
}

/** The facts every account agrees on, then the disputed ones: this account's value (marked where it is an assumption), the others', the sources. */
function factsBody(a: Analysis, lang: Lang): string {
  const g = groundsOf(a);
  if (!g.agreed.length && !g.disputed.length) return `<p>${esc(t(lang, 'debrief.html.facts.none'))}</p>`;
  const agreed = g.agreed.length
    ? `<ul class="agreed">${g.agreed.map((f) => `<li><code>${esc(f.id)}</code> ${esc(f.statement.trim())}${f.sources.length ? ` <span class="muted">[${sourceIdsHtml(f.sources)}]</span>` : ''}${f.note ? `<br><span class="muted">${esc(f.note.trim())}</span>` : ''}</li>`).join('')}</ul>`
    : `<p>${esc(t(lang, 'debrief.html.facts.none-agreed'))}</p>`;
  // TODO(lead): valueWords, assumedWords and otherValues (src/core/format/grounds.ts) say "(assumption: …)" in English.
  const disputed = g.disputed.length
    ? [
        `<p>${escWith(lang, 'debrief.html.facts.disputed-key', {}, { account: `<b>${esc(accountName(g))}</b>` })}</p>`,
        `<table><thead><tr>${columns(t(lang, 'debrief.html.facts.columns'))}</tr></thead><tbody>`,
        ...g.disputed.map(
          (f) =>
            `<tr id="fact-${esc(f.id)}"><td><code>${esc(f.id)}</code>${f.row ? `<br><span class="muted">${esc(f.row)}</span>` : ''}</td><td>${esc(f.question)}${f.note ? `<br><span class="muted">${esc(f.note.trim())}</span>` : ''}</td><td><b>${esc(valueWords(f.value))}</b>${f.assumed ? `<br><span class="assumed">${esc(assumedWords(f))}</span>` : ''}</td><td>${esc(otherValues(g, f))}</td><td>${sourcesCell(f)}</td></tr>`,
        ),
        `</tbody></table>`,
      ].join('\n')
    : '';
  return [
    `<h3>${esc(t(lang, 'debrief.html.facts.agreed'))}</h3>`,
    agreed,
    g.disputed.length ? `<h3>${esc(t(lang, 'debrief.html.facts.disputed'))}</h3>` : '',
    disputed,
  ].join('\n');
}

/** "jp: S12, S15; rok: S31", each id resolved to its entry in the sources section. */
function sourcesCell(f: DisputedFact): string {
  return Object.entries(f.sources)
    .filter(([, ids]) => ids.length)
    .map(([k, ids]) => `${esc(k)}: ${sourceIdsHtml(ids)}`)
    .join('; ');
}

/** Every value the run uses that no source gives: value, what it is, why it was needed. */
function assumptionsBody(a: Analysis, lang: Lang): string {
  const g = groundsOf(a);
  if (!g.assumptions.length) return `<p>${esc(t(lang, 'debrief.html.assumptions.none'))}</p>`;
  // TODO(lead): an assumption's origin, label and why come from src/core/analysis/assumptions.ts in English.
  return [
    `<p>${esc(t(lang, 'debrief.html.assumptions.key'))}</p>`,
    `<table><thead><tr>${columns(t(lang, 'debrief.html.assumptions.columns'))}</tr></thead><tbody>`,
    ...g.assumptions.map(
      (x) =>
        `<tr id="assumption-${esc(x.id.replace(/[^a-zA-Z0-9-]/g, '-'))}"><td><code>${esc(x.id)}</code><br><span class="muted">${esc(t(lang, `debrief.origin.${x.origin}`))}</span></td><td>${esc(valueWords(x.value, x.unit))}</td><td>${esc(x.label.trim())}</td><td>${esc(x.why.trim())}</td><td>${sourceIdsHtml(x.sources)}</td></tr>`,
    ),
    `</tbody></table>`,
  ].join('\n');
}

function breakdownItem(b: Breakdown, start: string, lang: Lang, ctx: SayContext): string {
  const stage = b.stage ? t(lang, 'debrief.at-stage', { stage: stageWord(lang, b.stage) }) : '';
  const head = `${b.id} · ${clockTime(start, b.t)} · ${t(lang, `debrief.breakdown-kind.${b.kind}`)}${stage}${b.rule ? ` · ${b.rule}` : ''}`;
  const ev = b.evidence
    ? Object.entries(b.evidence)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    : [];
  return `<li class="${esc(b.kind)}"><div class="bhead">${esc(head)}</div><div>${esc(inLang(lang, b.explanation, b.why, ctx))}</div>${ev.length ? `<div class="evidence">${esc(t(lang, 'debrief.html.evidence', { list: ev.join(' · ') }))}</div>` : ''}</li>`;
}

function stageCell(x: StageAt, lang: Lang): string {
  const heard = x.heardAs ? escWith(lang, 'debrief.heard-as', { text: x.heardAs }, {}) : '';
  return x.failedAt
    ? escWith(
        lang,
        'debrief.html.stage.stopped',
        { reached: x.reached ? stageWord(lang, x.reached) : t(lang, 'debrief.nothing') },
        { failed: `<b>${esc(stageWord(lang, x.failedAt))}</b>`, heard },
      )
    : esc(t(lang, 'debrief.html.stage.through', { reached: stageWord(lang, x.reached) }));
}

/** The findings of a comparison by where they stand, each with what it rests on (compare/phrases.ts). */
function findingsHtml(c: Comparison, time: (t: number) => string, name: (id: string) => string, lang: Lang, ctx: SayContext): string[] {
  const item = (f: Finding) => {
    const b = (f.a ?? f.b)!;
    const stage = b.stage ? t(lang, 'debrief.at-stage', { stage: stageWord(lang, b.stage) }) : '';
    const norm = b.norm ? t(lang, 'debrief.norm-paren', { norm: b.norm }) : '';
    const head = `${time(b.t)} · ${name(b.unit)} · ${t(lang, `debrief.breakdown-kind.${b.kind}`)}${stage}${b.rule ? ` · ${b.rule}` : ''}${norm}`;
    const g = groundsWords(f, lang);
    return `<li>${esc(head)}${f.presence === 'both' ? '' : `<br><span class="muted">${esc(breakdownWords(b, lang, ctx))}</span>`}${g ? `<br><i>${esc(g)}</i>` : ''}</li>`;
  };
  const group = (title: string, list: Finding[]) =>
    `<h4>${esc(title)}</h4>${list.length ? `<ul>${list.map(item).join('')}</ul>` : `<p>${esc(t(lang, 'debrief.none-sentence'))}</p>`}`;
  const note = groundsNote(c, lang);
  const [la, lb] = [sideLabel(c.a, lang), sideLabel(c.b, lang)];
  return [
    `<h3>${esc(t(lang, 'debrief.compare.findings'))}</h3>`,
    `<p>${esc(findingsSummary(c, lang))}</p>${note ? `<p class="muted">${esc(note)}</p>` : ''}`,
    group(
      t(lang, 'debrief.compare.group.both', { what: what(c) }),
      c.findings.filter((f) => f.presence === 'both'),
    ),
    group(
      t(lang, 'debrief.compare.group.only-a', { label: la }),
      c.findings.filter((f) => f.presence === 'only-a'),
    ),
    group(
      t(lang, 'debrief.compare.group.only-b', { label: lb }),
      c.findings.filter((f) => f.presence === 'only-b'),
    ),
    c.verdicts.length
      ? `<h3>${esc(verdictsHeading(lang))}</h3><ul>${c.verdicts.map((v) => `<li>${esc(`${time(v.pass.tA)} · ${passWords(v, name, lang)}`)}<br>${esc(`A (${la}): ${verdictOf(v.a, lang)}`)}<br>${esc(`B (${lb}): ${verdictOf(v.b, lang)}`)}</li>`).join('')}</ul>`
      : '',
  ];
}

function comparisonBody(c: Comparison, lang: Lang): string {
  const ctx = unitsCtx(c.names);
  const time = (x: number) => clockTime(c.start, x);
  const name = (id: string) => c.names[id] ?? id;
  const side = (x: Comparison['a']) =>
    t(lang, x.accountTitle ? 'debrief.html.compare.side.titled' : 'debrief.html.compare.side', {
      account: x.account ?? t(lang, 'debrief.none'),
      ...(x.accountTitle ? { title: x.accountTitle } : {}),
      procedure: x.procedure,
      seed: x.seed,
    });
  const div = (title: string, d: Comparison['firstDivergence']) => {
    if (!d) return `<dt>${esc(title)}</dt><dd>${esc(t(lang, 'debrief.html.compare.same-logs'))}</dd>`;
    const clock = (x: number) => t(lang, 'debrief.clock', { clock: time(x), s: Math.round(x) });
    const [sa, sb] = sidesSay(d, clock, lang, ctx);
    return `<dt>${esc(title)}</dt><dd>${esc(clock(d.t))}<br>A: ${esc(sa)}<br>B: ${esc(sb)}</dd>`;
  };
  const alike = factsAlike(c, lang);
  return [
    `<dl class="facts"><dt>${esc(t(lang, 'debrief.html.compare.a'))}</dt><dd>${esc(side(c.a))}</dd><dt>B</dt><dd>${esc(side(c.b))}</dd>${div(t(lang, 'debrief.html.compare.first'), c.firstDivergence)}${div(t(lang, 'debrief.compare.first-radio'), c.firstRadioDivergence)}</dl>`,
    `<h3>${esc(factsHeading(c, lang))}</h3>`,
    c.facts.differ.length
      ? `<table><thead><tr>${columns(t(lang, 'debrief.compare.md.facts-columns'))}<th>A</th><th>B</th></tr></thead><tbody>${c.facts.differ.map((f) => `<tr><td><code>${esc(f.id)}</code></td><td>${esc(f.row ?? '')}</td><td>${esc(f.question)}</td><td>${esc(formatValue(f.a, lang) + assumption(f.assumedA, lang))}</td><td>${esc(formatValue(f.b, lang) + assumption(f.assumedB, lang))}</td></tr>`).join('')}</tbody></table>`
      : '',
    alike ? `<p>${esc(alike)}</p>` : '',
    `<h3>${esc(notModelledHeading(c, lang))}</h3>`,
    c.notModelled.length ? `<ul>${c.notModelled.map((r) => `<li><b>${esc(oneLine(r.row))}:</b> ${esc(oneLine(r.reason))}</li>`).join('')}</ul>` : '',
    ...findingsHtml(c, time, name, lang, ctx),
    `<h3>${esc(t(lang, 'debrief.compare.same-call'))}</h3>`,
    c.transmissions.differ.length
      ? `<table><thead><tr>${columns(t(lang, 'debrief.html.compare.calls-columns'))}<th>A</th><th>B</th></tr></thead><tbody>${c.transmissions.differ.map((d) => `<tr><td>${esc(time(d.call.t))}${d.b.t !== d.a.t ? `<br><span class="muted">B: ${esc(time(d.b.t))}</span>` : ''}</td><td>${esc(callWordsIn(d.call, lang, ctx))}</td><td>${stageCell(d.a, lang)}</td><td>${stageCell(d.b, lang)}</td></tr>`).join('')}</tbody></table>`
      : `<p>${esc(t(lang, 'debrief.none-sentence'))}</p>`,
    ...(['A', 'B'] as const).map((k) => {
      const calls = k === 'A' ? c.transmissions.onlyA : c.transmissions.onlyB;
      return calls.length
        ? `<h3>${esc(t(lang, 'debrief.html.compare.only-under', { side: k }))}</h3><ul>${calls.map((r) => `<li>${esc(`${time(r.t)} ${callWordsIn(r, lang, ctx)}`)}</li>`).join('')}</ul>`
        : '';
    }),
  ].join('\n');
}

/** The items of the procedure's source documents and what models each (format/markdown.ts says it in words). */
function coverageBody(p: Procedure, lang: Lang): string {
  const id = `<code>${esc(p.id)}</code>`;
  if (!p.coverage.length) return `<p>${escWith(lang, 'debrief.html.coverage.none', {}, { id })}</p>`;
  // TODO(lead): coverageWords (src/core/format/markdown.ts) says "rules a, b" / "out of scope" in English.
  return [
    `<p>${escWith(lang, 'debrief.html.coverage.key', { chain: p.chain.join(' → ') }, { id })}</p>`,
    `<table><thead><tr>${columns(t(lang, 'debrief.html.coverage.columns'))}</tr></thead><tbody>`,
    ...p.coverage.map(
      (c) =>
        `<tr><td>${esc(c.item)}</td><td>${esc(c.title)}</td><td${c.rules.length ? '' : ' class="muted"'}>${esc(coverageWords(c))}</td><td><code>${esc(c.origin)}</code></td></tr>`,
    ),
    `</tbody></table>`,
  ].join('\n');
}

/** Norms and rules that give no verdict on this run's date, each with what it would say. */
function laterNormsSection(a: Analysis, lang: Lang, ctx: SayContext): { id: string; title: string; body: string } | null {
  if (!a.discussion.length) return null;
  return {
    id: 'later-norms',
    title: t(lang, 'debrief.html.section.later-norms'),
    body: `<p>${esc(t(lang, 'debrief.html.later-norms.key'))}</p><ul>${a.discussion.map((d) => `<li>${esc(inLang(lang, d.text, (d as { why?: unknown }).why, ctx))}</li>`).join('')}</ul>`,
  };
}
