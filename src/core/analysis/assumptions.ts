/**
 * The ground a run stands on, for every output to show: the facts (agreed by every account, and
 * disputed, with this account's value and whether the account states it or the scenario had to
 * assume it), and every value the run uses that no source gives — each with its value, a label a
 * trainer can read aloud and why it was needed. A value that changes what is heard, when, or what
 * is judged is listed here or it is a bug: the scenario's own list, the account's assumed facts,
 * the procedure's unknown parameters, and the model's defaults the file did not override.
 */
import type { Scenario } from '../scenario/model';
import type { Explanation } from '../explain';
import { assumed, type Add, type Words } from './assumed-words';
import { english } from '../../i18n';
import type { UnitSpec } from '../scenario/schema';
import { DEFAULT_ACCOUNT_KEY } from '../scenario/accounts';
import { DEFAULT_RADIO_ENVIRONMENT, MISS_ABOVE_WORKLOAD, MISS_PER_WORKLOAD, SPEAKING_TIME_S } from '../radio/ladder';
import { MF_GROUND_WAVE_NM, RECEIVER_SENSITIVITY_DBM } from '../radio/propagation';
import { FLUENT_AT } from '../radio/hearing';
import { findChannel, STANDARD_CHANNELS } from '../radio/channels';
import { DEFAULT_APPROACH_RANGE_M } from '../engine/sensing';
import { DEFAULT_HQ_REPLY_TIMEOUT_S, DEFAULT_REPLY_DELAY_S } from '../units/comms';
import { UNIT_KINDS, traitsOf } from '../kinds';
import { ATTRIBUTE_WITHIN_KM } from '../radio/attribution';
import { DESCRIPTION_COURSE_WITHIN_DEG } from '../radio/description';
import { declaredGroundWaveDefaults, signalDefaults } from './signal-assumptions';
import { vocabularyDefaults } from './phrasing';

export type AssumptionOrigin = 'scenario' | 'fact' | 'procedure' | 'model';

export interface Assumption {
  id: string;
  value: unknown;
  /** Unit of the value ("m", "s", "dBm", …), when it has one. */
  unit: string | null;
  label: string;
  why: string;
  origin: AssumptionOrigin;
  sources: string[];
  /** The model's label and why as data, where the model (not a file) wrote them; `label` and `why` are their English. */
  labelData?: Explanation;
  whyData?: Explanation;
}

export interface AgreedFact {
  id: string;
  statement: string;
  sources: string[];
  note: string | null;
}

export interface DisputedFact {
  id: string;
  row: string | null;
  question: string;
  /** The value under the account of the run (or the neutral "default"). */
  value: unknown;
  /** Why this account's value is an assumption, or null when the account states it. */
  assumed: string | null;
  values: Record<string, unknown>;
  sources: Record<string, string[]>;
  /** For every account whose value is an assumption: why. */
  assumedIn: Record<string, string>;
  note: string | null;
}

export interface Grounds {
  account: string | null;
  agreed: AgreedFact[];
  disputed: DisputedFact[];
  assumptions: Assumption[];
}

const cache = new WeakMap<Scenario, Grounds>();

/** The grounds of an analysed run (computed once per loaded scenario). */
export function groundsOf(a: { run: { scenario: Scenario } }): Grounds {
  const s = a.run.scenario;
  let g = cache.get(s);
  if (!g) cache.set(s, (g = gatherGrounds(s)));
  return g;
}

export function gatherGrounds(s: Scenario): Grounds {
  const disputed = disputedFacts(s);
  return {
    account: s.account,
    agreed: (s.spec.agreed ?? []).map((f) => ({ id: f.id, statement: f.statement, sources: [...f.sources], note: f.note ?? null })),
    disputed,
    assumptions: [...scenarioAssumptions(s), ...factAssumptions(s, disputed), ...procedureAssumptions(s), ...modelAssumptions(s)],
  };
}

function disputedFacts(s: Scenario): DisputedFact[] {
  const key = s.account ?? DEFAULT_ACCOUNT_KEY;
  return s.facts.map((f) => {
    const assumedIn = { ...(s.spec.facts[f.id]?.assumed ?? {}) };
    return {
      id: f.id,
      row: f.row ?? null,
      question: f.question,
      value: f.value ?? null,
      assumed: assumedIn[key] ?? null,
      values: f.values,
      sources: f.sources,
      assumedIn,
      note: f.note ?? null,
    };
  });
}

function scenarioAssumptions(s: Scenario): Assumption[] {
  return (s.spec.assumptions ?? []).map((x) => ({
    id: x.id,
    value: x.value ?? null,
    unit: x.unit ?? null,
    label: x.label,
    why: x.why,
    origin: 'scenario',
    sources: x.sources ?? [],
  }));
}

function factAssumptions(s: Scenario, facts: DisputedFact[]): Assumption[] {
  const key = s.account ?? DEFAULT_ACCOUNT_KEY;
  return facts
    .filter((f) => f.assumed !== null)
    .map((f) => ({
      id: f.id,
      value: f.value,
      unit: null,
      label: f.question,
      why: f.assumed!.trim(),
      origin: 'fact',
      sources: f.sources[key] ?? [],
    }));
}

/** The unit of each procedure parameter the engine reads; its label is `analysis.assume.label.param.<name>`. */
const PARAMETER_UNITS: Record<string, string | null> = {
  channelPriority: null,
  safeDistanceNorms: null,
  approachRangeM: 'm',
  replyDelayS: 's',
  hqReplyTimeoutS: 's',
  nationalityWords: null,
};

function words(w: Words): { text: string; data?: Explanation } {
  return typeof w === 'string' ? { text: w } : { text: english(w), data: w };
}

/** An assumption with its words, and the model's words as data beside their English. */
function assumption(a: Omit<Assumption, 'label' | 'why' | 'labelData' | 'whyData'> & { label: Words; why: Words }): Assumption {
  const label = words(a.label);
  const why = words(a.why);
  return {
    ...a,
    label: label.text,
    why: why.text,
    ...(label.data ? { labelData: label.data } : {}),
    ...(why.data ? { whyData: why.data } : {}),
  };
}

function parameterLabel(s: Scenario, name: string): Explanation {
  const words = name in PARAMETER_UNITS ? assumed(`label.param.${name}`) : assumed('label.param-other', { name });
  if (name !== 'approachRangeM') return words;
  const fired = s.procedure.rules.filter((r) => 'when' in r && Array.isArray(r.when) && (r.when as string[]).includes('aircraft-approach')).map((r) => r.id);
  return fired.length ? assumed('label.approach-fires', { label: words, rules: fired }) : words;
}

/** A label as a sentence, so that more can follow it. */
const sentence = (t: string) => (/[.!?)]$/.test(t.trim()) ? t.trim() : `${t.trim()}.`);

function procedureAssumptions(s: Scenario): Assumption[] {
  const out: Assumption[] = [];
  for (const [name, p] of Object.entries(s.procedure.parameters)) {
    const overridden = Object.hasOwn(s.parameters, name);
    if (p.known && !overridden) continue;
    const value = overridden ? s.parameters[name] : p.value;
    // The procedure's own label is its author's words, quoted in every language.
    const why = p.known
      ? assumed('why.param-replaced', { origin: p.origin, value: JSON.stringify(p.value) })
      : overridden
        ? assumed('why.param-overridden', { label: sentence(p.label), value: JSON.stringify(p.value) })
        : assumed('why.param-unknown', { label: sentence(p.label), origin: p.origin });
    out.push(
      assumption({
        id: name,
        value: value ?? null,
        unit: PARAMETER_UNITS[name] ?? null,
        label: parameterLabel(s, name),
        why,
        origin: p.known ? 'scenario' : 'procedure',
        sources: p.sources ?? [],
      }),
    );
  }
  // A scenario may override a parameter no procedure of the chain declares: the engine reads it all the same.
  for (const [name, value] of Object.entries(s.parameters)) {
    if (name in s.procedure.parameters) continue;
    out.push(
      assumption({
        id: name,
        value: value ?? null,
        unit: PARAMETER_UNITS[name] ?? null,
        label: parameterLabel(s, name),
        why: assumed('why.param-scenario', { procedure: s.procedure.id }),
        origin: 'scenario',
        sources: [],
      }),
    );
  }
  return out;
}

// ---- the model's defaults ------------------------------------------------------------------

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : {});
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** Whether the file wrote the value at this path (without a file, a value equal to the default counts as not written). */
function written(s: Scenario, path: (string | number)[], value: unknown, fallback: unknown): boolean {
  if (s.authored === undefined) return value !== fallback;
  let at: unknown = s.authored;
  for (const k of path) at = typeof k === 'number' ? arr(at)[k] : obj(at)[k];
  return at !== undefined;
}

function setOrDefault(set: boolean, value: unknown, unit: string | null): Explanation {
  const v = `${JSON.stringify(value)}${unit ? ` ${unit}` : ''}`;
  return assumed(set ? 'why.set' : 'why.default', { value: v });
}

const ENVIRONMENT: {
  key: 'noiseFloorDbm' | 'requiredSnrDb' | 'clearSnrDb' | 'understandAt' | 'stepS';
  unit: string | null;
  fallback: number;
}[] = [
  { key: 'noiseFloorDbm', unit: 'dBm', fallback: DEFAULT_RADIO_ENVIRONMENT.noiseFloorDbm },
  { key: 'requiredSnrDb', unit: 'dB', fallback: DEFAULT_RADIO_ENVIRONMENT.requiredSnrDb },
  { key: 'clearSnrDb', unit: 'dB', fallback: DEFAULT_RADIO_ENVIRONMENT.clearSnrDb },
  { key: 'understandAt', unit: null, fallback: DEFAULT_RADIO_ENVIRONMENT.understandAt },
  { key: 'stepS', unit: 's', fallback: 5 },
];

function modelAssumptions(s: Scenario): Assumption[] {
  const out: Assumption[] = [];
  const model: Add = (id, value, unit, label, why, sources = []) =>
    out.push(assumption({ id: `model:${id}`, value, unit, label, why, origin: 'model', sources }));
  const hasRadio = s.units.some((u) => u.radios.length > 0);
  const env = s.spec.environment;
  for (const e of ENVIRONMENT) {
    if (e.key !== 'stepS' && !hasRadio) continue;
    const set = written(s, ['environment', e.key], env[e.key], e.fallback);
    model(e.key, env[e.key], e.unit, assumed(`label.${e.key}`), setOrDefault(set, env[e.key], e.unit));
  }
  if (hasRadio) {
    model('receiverSensitivityDbm', RECEIVER_SENSITIVITY_DBM, 'dBm', assumed('label.receiverSensitivityDbm'), assumed('why.receiverSensitivityDbm'));
    model('fluentAt', FLUENT_AT, null, assumed('label.fluentAt'), assumed('why.fluentAt'));
    model('speakingTimeS', SPEAKING_TIME_S, 's', assumed('label.speakingTimeS'), assumed('why.none'));
  }
  channelDefaults(s, model);
  declaredGroundWaveDefaults(
    s,
    model,
    out.some((a) => a.id === 'model:mfGroundWaveNm'),
  );
  signalDefaults(s, model, (path, value, fallback) => written(s, path, value, fallback));
  crewDefaults(s, model);
  vocabularyDefaults(s, model);
  radioDefaults(s, model);
  heightDefaults(s, model);
  linkDefaults(s, model);
  parameterDefaults(s, model);
  identityDefaults(s, model);
  return out;
}

/** The rules for putting an unidentified call to a unit, and for a description to fit, where the scenario uses them. */
function identityDefaults(s: Scenario, model: Add): void {
  const calls = s.script.filter((a) => a.do === 'hail' || a.do === 'reply');
  if (calls.some((a) => a.identify === false))
    model('attributeWithinKm', ATTRIBUTE_WITHIN_KM, 'km', assumed('label.attributeWithinKm'), assumed('why.attributeWithinKm'));
  if (calls.some((a) => a.do === 'hail' && a.describe && a.describe.courseDeg !== undefined && a.describe.courseWithinDeg === undefined))
    model(
      'descriptionCourseWithinDeg',
      DESCRIPTION_COURSE_WITHIN_DEG,
      '°',
      assumed('label.descriptionCourseWithinDeg'),
      assumed('why.descriptionCourseWithinDeg'),
    );
}

/** Why the model takes the mode it does, where the sources do not state it. */
const MODE_WHY: Record<string, string> = {
  '243.0': 'mode-243',
  '2.182': 'mode-2182',
};

/** Channels in use whose mode the sources do not state (marked [U] in radio/channels.ts): 243.0 AM, 2182 kHz SSB. */
function channelDefaults(s: Scenario, model: Add): void {
  const channels = new Set(s.units.flatMap((u) => u.radios.flatMap((r) => r.channels.map(String))));
  for (const c of STANDARD_CHANNELS) {
    if (!channels.has(c.id) || !c.note.includes('[U]')) continue;
    // A channel's note is the channel table's own words (radio/channels.ts), quoted as they are.
    const reason = MODE_WHY[c.id] ? assumed(MODE_WHY[c.id]!) : c.note.replace(/\s*\[U\]/g, '');
    model(`modulation-${c.id}`, c.modulation, null, assumed('label.modulation', { name: c.name, id: c.id }), assumed('why.modulation', { reason }));
  }
  if ([...channels].some((c) => ['MF', 'HF'].includes(findChannel(c)?.band ?? '')))
    model('mfGroundWaveNm', MF_GROUND_WAVE_NM, 'nm', assumed('label.mfGroundWaveNm'), assumed('why.mfGroundWaveNm', { nm: MF_GROUND_WAVE_NM }));
}

/** Units that can hear anything: those with a radio set or on a link. */
const listens = (s: Scenario) => s.units.map((u, i) => ({ u, i })).filter(({ u }) => u.radios.length > 0 || u.links.length > 0);

function crewDefaults(s: Scenario, model: Add): void {
  const langs: Record<string, unknown> = {};
  const loads: Record<string, number> = {};
  for (const { u, i } of listens(s)) {
    if (!written(s, ['units', i, 'crew', 'languages'], JSON.stringify(u.crew.languages), JSON.stringify({ en: 0.8 }))) langs[u.id] = u.crew.languages;
    if (!written(s, ['units', i, 'crew', 'workload'], u.crew.workload, 0.3)) loads[u.id] = u.crew.workload;
  }
  if (Object.keys(langs).length) model('crewLanguages', langs, null, assumed('label.crewLanguages'), assumed('why.default-crew'));
  if (Object.keys(loads).length) model('crewWorkload', loads, null, assumed('label.crewWorkload'), assumed('why.default-crew'));
  const busy =
    s.units.some((u) => u.crew.workload > MISS_ABOVE_WORKLOAD) || s.script.some((a) => a.do === 'set-crew' && (a.workload ?? 0) > MISS_ABOVE_WORKLOAD);
  if (busy)
    model(
      'workloadMiss',
      { above: MISS_ABOVE_WORKLOAD, perUnit: MISS_PER_WORKLOAD },
      null,
      assumed('label.workloadMiss'),
      assumed('why.workloadMiss', { above: MISS_ABOVE_WORKLOAD }),
    );
}

function radioDefaults(s: Scenario, model: Add): void {
  const power: Record<string, number> = {};
  const listened: string[] = [];
  s.units.forEach((u, i) =>
    u.radios.forEach((r, j) => {
      if (!written(s, ['units', i, 'radios', j, 'powerW'], r.powerW, 25)) power[`${u.id}/${r.id}`] = r.powerW;
      if (!written(s, ['units', i, 'radios', j, 'monitored'], r.monitored, true) && r.monitored) listened.push(`${u.id}/${r.id}`);
    }),
  );
  if (Object.keys(power).length) model('powerW', power, 'W', assumed('label.powerW'), assumed('why.default-set'));
  if (listened.length) model('monitored', listened, null, assumed('label.monitored'), assumed('why.monitored'));
}

function heightDefaults(s: Scenario, model: Add): void {
  const heights: Record<string, number> = {};
  const altitudes: Record<string, number> = {};
  s.units.forEach((u) => {
    const traits = traitsOf(u);
    if (traits.element === 'sea' && u.platform.antennaHeightM === undefined) heights[u.id] = traits.defaultAntennaM;
    // A headquarters' antenna is always the kind's; it matters only when it has a set.
    if (traits.element === 'shore' && u.radios.length) heights[u.id] = traits.defaultAntennaM;
    if (traits.element === 'air' && lacksAltitude(s, u)) altitudes[u.id] = traits.defaultAntennaM;
  });
  const kinds = Object.entries(UNIT_KINDS)
    .filter(([, t]) => t.element !== 'air')
    .map(([k, t]) => `${k} ${t.defaultAntennaM} m`)
    .join(', ');
  if (Object.keys(heights).length) model('antennaHeightM', heights, 'm', assumed('label.antennaHeightM'), assumed('why.antennaHeightM', { kinds }));
  if (Object.keys(altitudes).length) model('aircraftAltitudeM', altitudes, 'm', assumed('label.aircraftAltitudeM'), assumed('why.aircraftAltitudeM'));
}

/** Whether some point of the aircraft's track (or of a later move) leaves its altitude to the default. */
function lacksAltitude(s: Scenario, u: UnitSpec): boolean {
  const moves = s.script.flatMap((a) => (a.do === 'move' && a.unit === u.id ? [a.track] : []));
  return [u.track, ...moves].some((t) => {
    if (!t) return false;
    if (Array.isArray(t)) return t.some((p) => p.altM === undefined);
    return t.start.altM === undefined;
  });
}

function linkDefaults(s: Scenario, model: Add): void {
  const links = s.spec.links;
  if (!links.length) return;
  model('linkCopy', 'clear', null, assumed('label.linkCopy'), assumed('why.linkCopy'));
  const latency: Record<string, number> = {};
  links.forEach((l, i) => {
    if (!written(s, ['links', i, 'latencyS'], l.latencyS, 2)) latency[l.id] = l.latencyS;
  });
  if (Object.keys(latency).length) model('linkLatencyS', latency, 's', assumed('label.linkLatencyS'), assumed('why.default-delay'));
}

/** Parameters the engine reads with a fallback of its own when neither procedure nor scenario gives them. */
function parameterDefaults(s: Scenario, model: Add): void {
  const fallbacks: [string, unknown][] = [
    ['approachRangeM', DEFAULT_APPROACH_RANGE_M],
    ['replyDelayS', DEFAULT_REPLY_DELAY_S],
    ['hqReplyTimeoutS', DEFAULT_HQ_REPLY_TIMEOUT_S],
    ['safeDistanceNorms', []],
  ];
  for (const [name, value] of fallbacks) {
    if (name in s.procedure.parameters || name in s.parameters) continue;
    model(name, value, PARAMETER_UNITS[name] ?? null, parameterLabel(s, name), assumed('why.param-default', { procedure: s.procedure.id }));
  }
}
