/** Words and labels the panels share: unit names, clock, entry kinds, breakdown summaries. */
import type { Analysis } from '../core/analysis/report';
import type { Breakdown } from '../core/analysis/breakdowns';
import type { Evidence, LogEntry, Stage } from '../core/log';
import { clockTime, zoneOf } from '../core/format/clock';
import type { EntryKind } from './store';

export const NATION_CLASSES = new Set(['JP', 'KR']);

/** CSS class for a nation's colour: nation-JP, nation-KR, otherwise nation-other. */
export function nationClass(nation: string | undefined): string {
  return nation && NATION_CLASSES.has(nation) ? `nation-${nation}` : 'nation-other';
}

export function unitOf(a: Analysis, id: string) {
  return a.run.scenario.units.find((u) => u.id === id);
}

export function unitName(a: Analysis, id: string): string {
  if (id === 'all') return 'all stations';
  return unitOf(a, id)?.name ?? id;
}

/** The name without its parenthesis: "JMSDF headquarters (Fleet Air Wing 4 → …)" → "JMSDF headquarters". */
export function shortName(a: Analysis, id: string): string {
  return unitName(a, id).replace(/\s*\(.*\)\s*$/, '');
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

export const KIND_LABELS: Record<EntryKind, string> = {
  transmission: 'Calls',
  reception: 'Receptions',
  emission: 'Emissions',
  detection: 'Detections',
  decision: 'Decisions',
  state: 'States',
  other: 'Other',
};

/** The stage a breakdown is about, in the words of the ladder or the procedure. */
export function breakdownSummary(b: Breakdown): string {
  switch (b.kind) {
    case 'ladder':
      return `stopped at ${b.stage ?? 'unknown stage'}`;
    case 'omission':
    case 'violation':
      return `${b.kind} of ${b.rule ?? 'a rule'}`;
  }
}

/** The short tag of a breakdown on a chip: "✗ heard", "omission", "violation". */
export function breakdownTag(b: Breakdown): string {
  switch (b.kind) {
    case 'ladder':
      return `✗ ${b.stage}`;
    case 'omission':
    case 'violation':
      return b.kind;
  }
}

/** "Breakdown b-3 at 15:03:05: stopped at receivable" */
export function breakdownLabel(a: Analysis, b: Breakdown): string {
  return `Breakdown ${b.id} at ${clockOf(a, b.t)}: ${breakdownSummary(b)}`;
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

/** Evidence as label/value pairs, in the order a trainer checks them. */
export function evidenceRows(e: Evidence | undefined): [string, string][] {
  if (!e) return [];
  const rows: [string, string][] = [];
  if (e.channel !== undefined) rows.push(['Channel', e.channel]);
  if (e.distanceKm !== undefined) rows.push(['Distance', `${num(e.distanceKm, 2)} km`]);
  if (e.horizonKm !== undefined) rows.push(['Radio horizon', `${num(e.horizonKm)} km`]);
  if (e.originatorHeightM !== undefined || e.recipientHeightM !== undefined)
    rows.push(['Antenna heights', `${e.originatorHeightM ?? '?'} m → ${e.recipientHeightM ?? '?'} m`]);
  if (e.pathLossDb !== undefined) rows.push(['Path loss', `${num(e.pathLossDb)} dB`]);
  if (e.receivedDbm !== undefined) rows.push(['Received', `${num(e.receivedDbm)} dBm`]);
  if (e.noiseDbm !== undefined) rows.push(['Noise', `${num(e.noiseDbm)} dBm`]);
  if (e.snrDb !== undefined) rows.push(['SNR', `${num(e.snrDb)} dB${e.requiredSnrDb !== undefined ? ` (${num(e.requiredSnrDb)} dB needed)` : ''}`]);
  if (e.set !== undefined) {
    rows.push([
      'Set',
      e.set === null
        ? 'no set on this channel'
        : `${e.set.id}: ${e.set.powered ? 'on' : 'off'}, tuned ${e.set.tuned.join(' + ') || 'nothing'}, ${e.set.monitored ? 'monitored' : 'not monitored'}, ${e.set.modulation}`,
    ]);
  }
  if (e.workload !== undefined) rows.push(['Workload', num(e.workload, 2)]);
  if (e.proficiency !== undefined) rows.push(['Proficiency', num(e.proficiency, 2)]);
  if (e.copyQuality !== undefined) rows.push(['Copy quality', num(e.copyQuality, 2)]);
  if (e.heardAs !== undefined) rows.push(['Heard as', `"${e.heardAs}"`]);
  if (e.judgedFor !== undefined) rows.push(['Taken as meant for', e.judgedFor]);
  if (e.latencyS !== undefined) rows.push(['Latency', `${num(e.latencyS)} s`]);
  return rows;
}

/** A fact's value in words: strings as they are, lists joined, the rest as JSON. */
export function factValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(factValue).join(', ') || '(none)';
  if (v === null || v === undefined) return '(none)';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Title line of a YAML file in the catalog (`title: …` at the top level), without parsing it. */
export function yamlTitle(text: string): string | undefined {
  const m = /^title:\s*(.+?)\s*$/m.exec(text);
  if (!m) return undefined;
  return m[1]!.replace(/^(["'])(.*)\1$/, '$2');
}
