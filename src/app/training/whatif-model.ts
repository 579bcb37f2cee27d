/**
 * The what-if tab as data: the choices each kind of change offers, a change read from the form's
 * values (or why it cannot be made), the stack of changes, and the what-if against the original
 * in words. No DOM and no run: the store runs the what-if (runWhatIf); whatif.ts draws this.
 */
import type { Lang } from '../../i18n';
import type { Analysis } from '../../core/analysis/report';
import type { Breakdown } from '../../core/analysis/breakdowns';
import type { EntryDifference } from '../../core/compare/compare';
import { buildReplay, type Replay } from '../../core/replay/replay';
import type { LinkSpec, UnitSpec } from '../../core/scenario/schema';
import { whatIfYaml, type Change, type WhatIf } from '../../core/whatif/whatif';
import { breakdownClass, breakdownSummary, shortName } from '../words';
import type { WhatIfRun } from '../store';
import { wordsIn, type Words } from '../said';
import { changeWords } from './change-words';
import { unitWords, when } from './shared';

export type Kind = Change['kind'];
export type Options = [string, string][];

/** The kinds of change, `label` in English (`kindOptions` says them in another language). */
export const KINDS: { id: Kind; label: string }[] = [
  { id: 'radio', label: 'Radio set: power, tuning, listening' },
  { id: 'noise', label: 'Local noise on a radio set' },
  { id: 'crew', label: 'Crew: English, workload' },
  { id: 'link', label: 'Link: down or delayed' },
  { id: 'hail', label: 'Make a unit call another' },
  { id: 'silence', label: 'Keep a unit silent' },
];

export const kindOptions = (w: Words = wordsIn('en')): Options => KINDS.map((k) => [k.id, w(`app-tools.whatif.kind.${k.id}`)]);

export const tunedOf = (t: string | number | (string | number)[] | null | undefined): string[] =>
  t === null || t === undefined ? [] : Array.isArray(t) ? t.map(String) : [String(t)];
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** A file name part from what the trainer typed: "VHF guard on" → "vhf-guard-on". */
export const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'what-if';

const replays = new WeakMap<Analysis, Replay>();
function replayOf(a: Analysis): Replay {
  let r = replays.get(a);
  if (!r) replays.set(a, (r = buildReplay(a)));
  return r;
}

/** The units a change of this kind can be made to, as picker options. */
export function unitOptions(a: Analysis, kind: Kind, lang: Lang = 'en'): Options {
  const units = a.run.scenario.units.filter((u) => {
    if (kind === 'radio' || kind === 'noise') return u.radios.length > 0;
    if (kind === 'crew') return u.kind !== 'vessel' || u.radios.length > 0;
    return u.radios.length > 0 || u.links.length > 0;
  });
  return units.map((u) => [u.id, unitWords(a, u.id, lang)]);
}

export const radioSetOptions = (spec: UnitSpec | undefined): Options =>
  (spec?.radios ?? []).map((r) => [r.id, `${r.id}${r.name ? ` — ${r.name}` : ''} (${r.channels.map(String).join(', ')})`]);

/** A radio set as it is at the playhead in the original run (the spec where the replay says nothing). */
export function radioNow(a: Analysis, unit: string, radio: string, t: number): { tuned: string[]; powered: boolean; monitored: boolean } | null {
  const spec = a.run.scenario.units.find((u) => u.id === unit)?.radios.find((r) => r.id === radio);
  if (!spec) return null;
  const now = replayOf(a)
    .frameAt(Math.min(t, a.run.durationS), { trailS: 0, recentS: 0 })
    .units.find((u) => u.spec.id === unit)
    ?.sets.find((x) => x.id === radio);
  return { tuned: now?.tuned ?? tunedOf(spec.tuned), powered: now?.powered ?? spec.powered, monitored: now?.monitored ?? spec.monitored };
}

export const powerOptions = (powered: boolean, w: Words = wordsIn('en')): Options => [
  ['', w('app-tools.whatif.leave-power', { on: powered })],
  ['on', w('app-tools.whatif.switch-on')],
  ['off', w('app-tools.whatif.switch-off')],
];

export const listenOptions = (monitored: boolean, w: Words = wordsIn('en')): Options => [
  ['', w('app-tools.whatif.leave-listen', { on: monitored })],
  ['yes', w('app-tools.whatif.listened')],
  ['no', w('app-tools.whatif.not-listened')],
];

export interface RadioForm {
  power: string;
  picked: string[];
  listen: string;
}

/** A change to a radio set from the form, or why nothing would change. */
export function radioChange(unit: string, radio: string, tunedNow: string[], f: RadioForm, w: Words = wordsIn('en')): Change | string {
  const c: Change = { kind: 'radio', unit, radio };
  if (f.power) c.powered = f.power === 'on';
  if (!sameSet(f.picked, tunedNow)) c.tuned = f.picked;
  if (f.listen) c.monitored = f.listen === 'yes';
  if (c.powered === undefined && c.tuned === undefined && c.monitored === undefined) return w('app-tools.whatif.radio-unchanged');
  return c;
}

export function noiseHint(noiseDb: number | undefined, floor: number, w: Words = wordsIn('en')): string {
  return w('app-tools.whatif.noise-hint', { now: noiseDb ?? floor, atFloor: noiseDb === undefined, floor });
}

export function noiseChange(unit: string, radio: string, f: { floor: boolean; level: string }, w: Words = wordsIn('en')): Change | string {
  if (f.floor) return { kind: 'noise', unit, radio, noiseDb: null };
  const v = Number(f.level);
  if (!Number.isFinite(v) || v < -200 || v > 0) return w('app-tools.whatif.noise-range');
  return { kind: 'noise', unit, radio, noiseDb: v };
}

export function crewChange(spec: UnitSpec, f: { english: string; workload: string }, w: Words = wordsIn('en')): Change | string {
  const en = spec.crew.languages['en'] ?? 0;
  const e = Number(f.english);
  const load = Number(f.workload);
  if (![e, load].every((x) => Number.isFinite(x) && x >= 0 && x <= 1)) return w('app-tools.whatif.crew-range');
  const c: Change = { kind: 'crew', unit: spec.id };
  if (e !== en) c.english = e;
  if (load !== spec.crew.workload) c.workload = load;
  if (c.english === undefined && c.workload === undefined) return w('app-tools.whatif.crew-unchanged');
  return c;
}

export const linkStateOptions = (l: LinkSpec, w: Words = wordsIn('en')): Options => [
  ['', w('app-tools.whatif.leave-link', { up: l.available })],
  ['up', w('app-tools.whatif.up')],
  ['down', w('app-tools.whatif.down')],
];

export function linkChange(l: LinkSpec, f: { state: string; delay: string }, w: Words = wordsIn('en')): Change | string {
  const d = Number(f.delay);
  if (!Number.isFinite(d) || d < 0) return w('app-tools.whatif.delay-range');
  const c: Change = { kind: 'link', link: l.id };
  if (f.state) c.available = f.state === 'up';
  if (d !== l.latencyS) c.latencyS = d;
  if (c.available === undefined && c.latencyS === undefined) return w('app-tools.whatif.link-unchanged');
  return c;
}

/** Whom a unit can call, and on what: its sets' channels and its links. */
export function hailChoices(a: Analysis, from: string, w: Words = wordsIn('en')): { to: Options; channels: Options } {
  const sc = a.run.scenario;
  const unit = sc.units.find((u) => u.id === from);
  const channels = [...new Set((unit?.radios ?? []).flatMap((r) => r.channels.map(String)))];
  return {
    to: sc.units.filter((u) => u.id !== from).map((u) => [u.id, unitWords(a, u.id, w.lang)]),
    channels: [
      ['', w('app-tools.whatif.as-procedure')],
      ...channels.map((c): [string, string] => [c, c]),
      ...(unit?.links ?? []).map((l): [string, string] => [l, w('app-tools.whatif.link-option', { link: l })]),
    ],
  };
}

export function hailChange(f: { from: string; to: string; channel: string; text: string }, w: Words = wordsIn('en')): Change | string {
  if (!f.to) return w('app-tools.whatif.pick-to');
  return {
    kind: 'hail',
    unit: f.from,
    to: f.to,
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
  };
}

/** The "Add change" button and the line that says when a change takes effect. */
export function atModel(a: Analysis | null, t: number, w: Words = wordsIn('en')): { button: string; line: string } {
  if (!a) return { button: w('app-tools.whatif.add'), line: '' };
  return { button: w('app-tools.whatif.add-at', { when: when(a, t) }), line: w('app-tools.whatif.at-line', { when: when(a, t) }) };
}

/** The stack of changes to apply, each with its moment and the name of its Remove button. */
export function changeItems(a: Analysis | null, changes: WhatIf[], w: Words = wordsIn('en')): { time: string; words: string; remove: string }[] {
  return changes.map((x, i) => {
    const words = changeWords(w, x);
    return {
      time: a ? when(a, x.at) : w('app-tools.whatif.seconds', { s: x.at }),
      words,
      remove: w('app-tools.whatif.remove-label', { n: i + 1, change: words }),
    };
  });
}

/** Do the changes in the stack differ from the ones the what-if shown was run with? */
export function isStale(last: WhatIfRun | null, changes: WhatIf[]): boolean {
  return !!last && !(last.changes.length === changes.length && last.changes.every((w, i) => w === changes[i]));
}

export interface BreakdownItem {
  cls: string;
  time: string;
  what: string;
  explanation: string;
}

export function breakdownItem(a: Analysis, b: Breakdown, w: Words = wordsIn('en')): BreakdownItem {
  const tx = b.transmission ? a.run.transmissions.find((x) => x.id === b.transmission) : undefined;
  let what: string;
  switch (b.kind) {
    case 'ladder':
      what = w('app-tools.whatif.ladder-breakdown', {
        call: tx ? w('app-tools.whatif.call-of', { from: shortName(a, tx.from), channel: tx.channel }) : w('app-tools.whatif.a-call'),
        to: shortName(a, b.unit),
        summary: breakdownSummary(b),
      });
      break;
    case 'omission':
    case 'violation':
      what = `${shortName(a, b.unit)}: ${breakdownSummary(b)}`;
      break;
  }
  return { cls: breakdownClass(b), time: when(a, b.t), what, explanation: w.sayOr(b.why, b.explanation) };
}

export interface Divergence {
  title: string;
  /** Each side's words; the original's is left out when the difference is a change taking effect. */
  lines: { side: string; says: string }[];
}

/**
 * The first moment the runs part. When that is a change taking effect (the what-if has an entry
 * the original has not), the original's entry at that place in the log says nothing useful.
 */
export function divergence(a: Analysis, label: string, d: EntryDifference | null, changes: WhatIf[], w: Words = wordsIn('en')): Divergence {
  if (!d) return { title: label, lines: [{ side: '', says: w('app-tools.whatif.no-difference') }] };
  if (changes.some((x) => Math.abs(x.at - d.t) < 1e-6) && d.b && d.b.type !== 'transmission' && d.b.type !== 'reception')
    return {
      title: w('app-tools.whatif.divergence-change', { label, when: when(a, d.t) }),
      lines: [{ side: w('app-tools.whatif.side-whatif'), says: d.bSays }],
    };
  return {
    title: w('app-tools.whatif.divergence', { label, when: when(a, d.t) }),
    lines: [
      { side: w('app-tools.whatif.side-original'), says: d.aSays },
      { side: w('app-tools.whatif.side-whatif'), says: d.bSays },
    ],
  };
}

export interface CallLine {
  time: string;
  words: string;
  /** Stage under the original and under the what-if; null for a call made in one run only. */
  original: string | null;
  whatIf: string | null;
}

export interface ResultModel {
  changesLine: string;
  summary: string;
  gone: BreakdownItem[];
  added: BreakdownItem[];
  calls: CallLine[];
  divergences: Divergence[];
}

const stage = (w: Words, x: { failedAt: string | null }) =>
  x.failedAt ? w('app-tools.whatif.stopped-at', { stage: w.stage(x.failedAt) }) : w('app-tools.whatif.got-through');

/** The what-if against the original, in words. */
export function resultModel(r: WhatIfRun, w: Words = wordsIn('en')): ResultModel {
  const { comparison: c, original: a, analysis: b } = r;
  const tx = c.transmissions;
  const radio = c.firstRadioDivergence;
  const separateRadio = radio && radio !== c.firstDivergence && radio.t !== c.firstDivergence?.t;
  return {
    changesLine: w('app-tools.whatif.changes-line', {
      changes: r.changes
        .map((x) => w('app-tools.whatif.change-from', { change: changeWords(w, x), when: when(a, x.at) }))
        .join(w('app-tools.whatif.change-sep')),
    }),
    summary: w('app-tools.whatif.summary', {
      gone: c.breakdowns.onlyA.length,
      added: c.breakdowns.onlyB.length,
      both: c.breakdowns.both.length,
      before: a.exchangesCompleted,
      after: b.exchangesCompleted,
    }),
    gone: c.breakdowns.onlyA.map((x) => breakdownItem(a, x, w)),
    added: c.breakdowns.onlyB.map((x) => breakdownItem(b, x, w)),
    calls: [
      ...tx.differ.map((d) => ({
        time: when(a, d.call.t),
        words: w('app-tools.whatif.call-words', { call: d.call.words, at: d.call.to !== d.recipient, recipient: d.recipientName }),
        original: stage(w, d.a),
        whatIf: stage(w, d.b),
      })),
      ...tx.onlyA.map((x) => ({ time: when(a, x.t), words: w('app-tools.whatif.only-original', { call: x.words }), original: null, whatIf: null })),
      ...tx.onlyB.map((x) => ({ time: when(b, x.t), words: w('app-tools.whatif.only-whatif', { call: x.words }), original: null, whatIf: null })),
    ],
    divergences: [
      divergence(a, w('app-tools.whatif.first-difference'), c.firstDivergence, r.changes, w),
      ...(separateRadio ? [divergence(a, w('app-tools.whatif.first-difference-radio'), radio, r.changes, w)] : []),
    ],
  };
}

/** The what-if as a scenario file of its own: its name and its YAML. */
export function savedScenario(r: WhatIfRun, scenarioText: string, typed: string): { name: string; text: string } {
  const name = slug(typed);
  return { name: `${r.original.run.scenario.spec.id}-${name}.yaml`, text: whatIfYaml(scenarioText, r.original.run.scenario, r.changes, name) };
}
