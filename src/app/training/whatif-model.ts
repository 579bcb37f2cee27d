/**
 * The what-if tab as data: the choices each kind of change offers, a change read from the form's
 * values (or why it cannot be made), the stack of changes, and the what-if against the original
 * in words. No DOM and no run: the store runs the what-if (runWhatIf); whatif.ts draws this.
 */
import type { Analysis } from '../../core/analysis/report';
import type { Breakdown } from '../../core/analysis/breakdowns';
import type { EntryDifference } from '../../core/compare/compare';
import { buildReplay, type Replay } from '../../core/replay/replay';
import type { LinkSpec, UnitSpec } from '../../core/scenario/schema';
import { describeChange, whatIfYaml, type Change, type WhatIf } from '../../core/whatif/whatif';
import { breakdownClass, breakdownSummary, shortName } from '../words';
import type { WhatIfRun } from '../store';
import { unitWords, when } from './shared';

export type Kind = Change['kind'];
export type Options = [string, string][];

export const KINDS: { id: Kind; label: string }[] = [
  { id: 'radio', label: 'Radio set: power, tuning, listening' },
  { id: 'noise', label: 'Local noise on a radio set' },
  { id: 'crew', label: 'Crew: English, workload' },
  { id: 'link', label: 'Link: down or delayed' },
  { id: 'hail', label: 'Make a unit call another' },
  { id: 'silence', label: 'Keep a unit silent' },
];

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
export function unitOptions(a: Analysis, kind: Kind): Options {
  const units = a.run.scenario.units.filter((u) => {
    if (kind === 'radio' || kind === 'noise') return u.radios.length > 0;
    if (kind === 'crew') return u.kind !== 'vessel' || u.radios.length > 0;
    return u.radios.length > 0 || u.links.length > 0;
  });
  return units.map((u) => [u.id, unitWords(a, u.id)]);
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

export const powerOptions = (powered: boolean): Options => [
  ['', `Leave as it is (${powered ? 'on' : 'off'})`],
  ['on', 'Switch on'],
  ['off', 'Switch off'],
];

export const listenOptions = (monitored: boolean): Options => [
  ['', `Leave as it is (${monitored ? 'listened to' : 'not listened to'})`],
  ['yes', 'Listened to'],
  ['no', 'Not listened to'],
];

export interface RadioForm {
  power: string;
  picked: string[];
  listen: string;
}

/** A change to a radio set from the form, or why nothing would change. */
export function radioChange(unit: string, radio: string, tunedNow: string[], f: RadioForm): Change | string {
  const c: Change = { kind: 'radio', unit, radio };
  if (f.power) c.powered = f.power === 'on';
  if (!sameSet(f.picked, tunedNow)) c.tuned = f.picked;
  if (f.listen) c.monitored = f.listen === 'yes';
  if (c.powered === undefined && c.tuned === undefined && c.monitored === undefined)
    return 'Nothing changes: switch the set on or off, tick other channels, or change the listening.';
  return c;
}

export function noiseHint(noiseDb: number | undefined, floor: number): string {
  return `Now ${noiseDb ?? floor} dBm${noiseDb === undefined ? ' (the environment floor)' : ''}. Higher (towards 0) drowns weaker calls; the floor is ${floor} dBm.`;
}

export function noiseChange(unit: string, radio: string, f: { floor: boolean; level: string }): Change | string {
  if (f.floor) return { kind: 'noise', unit, radio, noiseDb: null };
  const v = Number(f.level);
  if (!Number.isFinite(v) || v < -200 || v > 0) return 'Noise is a level in dBm between −200 and 0.';
  return { kind: 'noise', unit, radio, noiseDb: v };
}

export function crewChange(spec: UnitSpec, f: { english: string; workload: string }): Change | string {
  const en = spec.crew.languages['en'] ?? 0;
  const e = Number(f.english);
  const w = Number(f.workload);
  if (![e, w].every((x) => Number.isFinite(x) && x >= 0 && x <= 1)) return 'Proficiency and workload are numbers from 0 to 1.';
  const c: Change = { kind: 'crew', unit: spec.id };
  if (e !== en) c.english = e;
  if (w !== spec.crew.workload) c.workload = w;
  if (c.english === undefined && c.workload === undefined) return 'Nothing changes: set another proficiency or workload.';
  return c;
}

export const linkStateOptions = (l: LinkSpec): Options => [
  ['', `Leave as it is (${l.available ? 'up' : 'down'})`],
  ['up', 'Up'],
  ['down', 'Down'],
];

export function linkChange(l: LinkSpec, f: { state: string; delay: string }): Change | string {
  const d = Number(f.delay);
  if (!Number.isFinite(d) || d < 0) return 'The delay is a number of seconds, 0 or more.';
  const c: Change = { kind: 'link', link: l.id };
  if (f.state) c.available = f.state === 'up';
  if (d !== l.latencyS) c.latencyS = d;
  if (c.available === undefined && c.latencyS === undefined) return 'Nothing changes: take the link down, bring it up, or change its delay.';
  return c;
}

/** Whom a unit can call, and on what: its sets' channels and its links. */
export function hailChoices(a: Analysis, from: string): { to: Options; channels: Options } {
  const sc = a.run.scenario;
  const unit = sc.units.find((u) => u.id === from);
  const channels = [...new Set((unit?.radios ?? []).flatMap((r) => r.channels.map(String)))];
  return {
    to: sc.units.filter((u) => u.id !== from).map((u) => [u.id, unitWords(a, u.id)]),
    channels: [
      ['', 'As the procedure says'],
      ...channels.map((c): [string, string] => [c, c]),
      ...(unit?.links ?? []).map((l): [string, string] => [l, `${l} (link)`]),
    ],
  };
}

export function hailChange(f: { from: string; to: string; channel: string; text: string }): Change | string {
  if (!f.to) return 'Pick the unit to call.';
  return {
    kind: 'hail',
    unit: f.from,
    to: f.to,
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
  };
}

/** The "Add change" button and the line that says when a change takes effect. */
export function atModel(a: Analysis | null, t: number): { button: string; line: string } {
  if (!a) return { button: 'Add change', line: '' };
  return {
    button: `Add change at ${when(a, t)}`,
    line: `A change takes effect at the playhead, now ${when(a, t)}. Move the playhead to pick another moment; the run before it stays the same.`,
  };
}

/** The stack of changes to apply, each with its moment and the name of its Remove button. */
export function changeItems(a: Analysis | null, changes: WhatIf[]): { time: string; words: string; remove: string }[] {
  return changes.map((w, i) => ({ time: a ? when(a, w.at) : `${w.at} s`, words: describeChange(w), remove: `Remove change ${i + 1}: ${describeChange(w)}` }));
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

export function breakdownItem(a: Analysis, b: Breakdown): BreakdownItem {
  const tx = b.transmission ? a.run.transmissions.find((x) => x.id === b.transmission) : undefined;
  let what: string;
  switch (b.kind) {
    case 'ladder':
      what = `${tx ? `${shortName(a, tx.from)}'s call on ${tx.channel}` : 'a call'} to ${shortName(a, b.unit)}: ${breakdownSummary(b)}`;
      break;
    case 'omission':
    case 'violation':
      what = `${shortName(a, b.unit)}: ${breakdownSummary(b)}`;
      break;
  }
  return { cls: breakdownClass(b), time: when(a, b.t), what, explanation: b.explanation };
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
export function divergence(a: Analysis, label: string, d: EntryDifference | null, changes: WhatIf[]): Divergence {
  if (!d) return { title: label, lines: [{ side: '', says: 'none: the runs do not differ' }] };
  if (changes.some((w) => Math.abs(w.at - d.t) < 1e-6) && d.b && d.b.type !== 'transmission' && d.b.type !== 'reception')
    return { title: `${label} at ${when(a, d.t)}: a change takes effect`, lines: [{ side: 'What-if: ', says: d.bSays }] };
  return {
    title: `${label} at ${when(a, d.t)}`,
    lines: [
      { side: 'Original: ', says: d.aSays },
      { side: 'What-if: ', says: d.bSays },
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

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
const stage = (x: { failedAt: string | null }) => (x.failedAt ? `stopped at ${x.failedAt}` : 'got through');

/** The what-if against the original, in words. */
export function resultModel(r: WhatIfRun): ResultModel {
  const { comparison: c, original: a, analysis: b } = r;
  const tx = c.transmissions;
  const radio = c.firstRadioDivergence;
  const separateRadio = radio && radio !== c.firstDivergence && radio.t !== c.firstDivergence?.t;
  return {
    changesLine: `Changes: ${r.changes.map((w) => `${describeChange(w)} (from ${when(a, w.at)})`).join('; ')}`,
    summary: `${plural(c.breakdowns.onlyA.length, 'breakdown')} gone, ${c.breakdowns.onlyB.length} new, ${c.breakdowns.both.length} in both. Exchanges completed: ${a.exchangesCompleted} → ${b.exchangesCompleted}.`,
    gone: c.breakdowns.onlyA.map((x) => breakdownItem(a, x)),
    added: c.breakdowns.onlyB.map((x) => breakdownItem(b, x)),
    calls: [
      ...tx.differ.map((d) => ({
        time: when(a, d.call.t),
        words: ` ${d.call.words}${d.call.to !== d.recipient ? ` at ${d.recipientName}` : ''}: `,
        original: stage(d.a),
        whatIf: stage(d.b),
      })),
      ...tx.onlyA.map((x) => ({ time: when(a, x.t), words: ` ${x.words}: only in the original`, original: null, whatIf: null })),
      ...tx.onlyB.map((x) => ({ time: when(b, x.t), words: ` ${x.words}: only in the what-if`, original: null, whatIf: null })),
    ],
    divergences: [
      divergence(a, 'First difference', c.firstDivergence, r.changes),
      ...(separateRadio ? [divergence(a, 'First difference in what was said or heard', radio, r.changes)] : []),
    ],
  };
}

/** The what-if as a scenario file of its own: its name and its YAML. */
export function savedScenario(r: WhatIfRun, scenarioText: string, typed: string): { name: string; text: string } {
  const name = slug(typed);
  return { name: `${r.original.run.scenario.spec.id}-${name}.yaml`, text: whatIfYaml(scenarioText, r.original.run.scenario, r.changes, name) };
}
