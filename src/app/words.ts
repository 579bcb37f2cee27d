/** Words and labels the panels share: unit names, clock, entry kinds, breakdown summaries. */
import type { Analysis } from '../core/analysis/report';
import type { Breakdown } from '../core/analysis/breakdowns';
import type { Evidence, LogEntry, Stage } from '../core/log';
import { clockTime, zoneOf } from '../core/format/clock';
import { t, tOr, type Lang } from '../i18n';
import { nameOfUnit } from '../i18n/names';
import type { EntryKind } from './store';

export const NATION_CLASSES = new Set(['JP', 'KR']);

/** CSS class for a nation's colour: nation-JP, nation-KR, otherwise nation-other. */
export function nationClass(nation: string | undefined): string {
  return nation && NATION_CLASSES.has(nation) ? `nation-${nation}` : 'nation-other';
}

/** A unit machine's region ("posture", "comms") in the reader's language; another region by its id. */
export const regionName = (region: string, lang: Lang) => tOr(lang, `app.insp.region.${region}`, region);

export function unitOf(a: Analysis, id: string) {
  return a.run.scenario.units.find((u) => u.id === id);
}

export function unitName(a: Analysis, id: string, lang: Lang = 'en'): string {
  if (id === 'all') return t(lang, 'app.all-stations');
  const u = unitOf(a, id);
  return u ? nameOfUnit(u, lang) : id;
}

/** The name without its parenthesis: "JMSDF headquarters (Fleet Air Wing 4 → …)" → "JMSDF headquarters". */
export function shortName(a: Analysis, id: string, lang: Lang = 'en'): string {
  return unitName(a, id, lang).replace(/\s*[(（].*[)）]\s*$/, '');
}

export function nationOf(a: Analysis, id: string): string | undefined {
  return unitOf(a, id)?.nation;
}

export function clockOf(a: Analysis, t: number): string {
  return clockTime(a.run.scenario.spec.start, t);
}

export function zoneLabel(a: Analysis): string {
  return zoneOf(a.run.scenario.spec.start).label;
}

export function entryKind(e: LogEntry): EntryKind {
  switch (e.type) {
    case 'transmission':
      return 'transmission';
    case 'reception':
    case 'overheard':
    case 'attributed':
    case 'answered':
    case 'unanswered':
      return 'reception';
    case 'emission':
      return 'emission';
    case 'detection':
      return 'detection';
    case 'decision':
    case 'judgement':
    case 'conduct':
      return 'decision';
    case 'state':
      return 'state';
    case 'radio-set':
    case 'proximity':
    case 'note':
    case 'took-off':
    case 'landed':
      return 'other';
  }
}

export const KINDS: readonly EntryKind[] = ['transmission', 'reception', 'emission', 'detection', 'decision', 'state', 'other'];

/** An entry kind's label ("Calls", "Receptions"…) in the reader's language. */
export const kindLabel = (kind: EntryKind, lang: Lang = 'en') => t(lang, `app.kind.${kind}`);

/**
 * A stage of the delivery ladder in the reader's language (the glossary's term). English keeps the
 * stage's id ("in-range", "acted-on"), as the app and the debriefs have always written it.
 */
export const stageWord = (stage: Stage, lang: Lang = 'en') => (lang === 'en' ? stage : t(lang, `terms.stage.${stage}`));

/** "omission", "violation" (or "ladder") in the reader's language. */
export const breakdownKindWord = (b: Pick<Breakdown, 'kind'>, lang: Lang = 'en') => t(lang, `app.bd.kind.${b.kind}`);

/** The stage a breakdown is about, in the words of the ladder or the procedure. */
export function breakdownSummary(b: Breakdown, lang: Lang = 'en'): string {
  switch (b.kind) {
    case 'ladder':
      return b.stage ? t(lang, 'app.bd.stopped-at', { stage: stageWord(b.stage, lang) }) : t(lang, 'app.bd.stopped-unknown');
    case 'omission':
    case 'violation':
      return b.rule
        ? t(lang, 'app.bd.of-rule', { kind: breakdownKindWord(b, lang), rule: b.rule })
        : t(lang, 'app.bd.of-any-rule', { kind: breakdownKindWord(b, lang) });
  }
}

/** The short tag of a breakdown on a chip: "✗ heard", "omission", "violation". */
export function breakdownTag(b: Breakdown, lang: Lang = 'en'): string {
  switch (b.kind) {
    case 'ladder':
      return t(lang, 'app.bd.tag', { stage: b.stage ? stageWord(b.stage, lang) : '' });
    case 'omission':
    case 'violation':
      return breakdownKindWord(b, lang);
  }
}

/** "Breakdown b-3 at 15:03:05: stopped at receivable" */
export function breakdownLabel(a: Analysis, b: Breakdown, lang: Lang = 'en'): string {
  return t(lang, 'app.bd.label', { id: b.id, time: clockOf(a, b.t), summary: breakdownSummary(b, lang) });
}

/** CSS class that colours a stage consistently everywhere (badges, markers, crosses). */
export function stageClass(stage: Stage | null): string {
  return `stage-${stage ?? 'none'}`;
}

export function breakdownClass(b: Breakdown): string {
  switch (b.kind) {
    case 'ladder':
      return stageClass(b.stage);
    case 'omission':
    case 'violation':
      return `kind-${b.kind}`;
  }
}

const num = (x: number, digits = 1) => (Number.isInteger(x) ? String(x) : x.toFixed(digits));

/** Evidence as label/value pairs, in the order a trainer checks them. Heard-as is the radio's words, quoted as heard. */
export function evidenceRows(e: Evidence | undefined, lang: Lang = 'en'): [string, string][] {
  if (!e) return [];
  const w = (code: string, params = {}) => t(lang, code, params);
  const rows: [string, string][] = [];
  if (e.channel !== undefined) rows.push([w('app.ev.channel'), e.channel]);
  if (e.distanceKm !== undefined) rows.push([w('app.ev.distance'), `${num(e.distanceKm, 2)} km`]);
  if (e.horizonKm !== undefined) rows.push([w('app.ev.horizon'), `${num(e.horizonKm)} km`]);
  if (e.originatorHeightM !== undefined || e.recipientHeightM !== undefined)
    rows.push([w('app.ev.heights'), `${e.originatorHeightM ?? '?'} m → ${e.recipientHeightM ?? '?'} m`]);
  if (e.pathLossDb !== undefined) rows.push([w('app.ev.path-loss'), `${num(e.pathLossDb)} dB`]);
  if (e.receivedDbm !== undefined) rows.push([w('app.ev.received'), `${num(e.receivedDbm)} dBm`]);
  if (e.noiseDbm !== undefined) rows.push([w('app.ev.noise'), `${num(e.noiseDbm)} dBm`]);
  if (e.snrDb !== undefined)
    rows.push([
      w('app.ev.snr'),
      e.requiredSnrDb !== undefined ? w('app.ev.snr-needed', { snr: num(e.snrDb), needed: num(e.requiredSnrDb) }) : `${num(e.snrDb)} dB`,
    ]);
  if (e.set !== undefined) {
    rows.push([
      w('app.ev.set'),
      e.set === null
        ? w('app.ev.no-set')
        : w('app.ev.set-state', {
            id: e.set.id,
            power: w(e.set.powered ? 'app.on' : 'app.off'),
            tuned: e.set.tuned.join(' + ') || w('app.nothing'),
            monitored: w(e.set.monitored ? 'app.ev.monitored' : 'app.ev.not-monitored'),
            modulation: e.set.modulation,
          }),
    ]);
  }
  if (e.workload !== undefined) rows.push([w('app.ev.workload'), num(e.workload, 2)]);
  if (e.proficiency !== undefined) rows.push([w('app.ev.proficiency'), num(e.proficiency, 2)]);
  if (e.copyQuality !== undefined) rows.push([w('app.ev.copy'), num(e.copyQuality, 2)]);
  if (e.heardAs !== undefined) rows.push([w('app.ev.heard-as'), w('app.quote', { text: e.heardAs })]);
  if (e.judgedFor !== undefined) rows.push([w('app.ev.judged-for'), e.judgedFor]);
  if (e.latencyS !== undefined) rows.push([w('app.ev.latency'), `${num(e.latencyS)} s`]);
  return rows;
}

/** A fact's value in words: strings as they are, lists joined, the rest as JSON. */
export function factValue(v: unknown, lang: Lang = 'en'): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => factValue(x, lang)).join(', ') || t(lang, 'app.none');
  if (v === null || v === undefined) return t(lang, 'app.none');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Title line of a YAML file in the catalog (`title: …` at the top level), without parsing it. */
export function yamlTitle(text: string): string | undefined {
  const m = /^title:\s*(.+?)\s*$/m.exec(text);
  if (!m) return undefined;
  return m[1]!.replace(/^(["'])(.*)\1$/, '$2');
}
