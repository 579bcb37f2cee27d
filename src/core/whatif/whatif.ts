/**
 * What-if: change a fact at a moment and run again. A change becomes a script action at that
 * time, so the new run is the old one up to that moment (the engine is deterministic) and differs
 * only from there. A what-if can be saved as a scenario file of its own.
 */
import { parseDocument, YAMLSeq } from 'yaml';
import type { Scenario, Action } from '../scenario/load';
import type { ScriptAction } from '../scenario/schema';

export type Change =
  | { kind: 'radio'; unit: string; radio: string; powered?: boolean; tuned?: string[]; monitored?: boolean }
  | { kind: 'noise'; unit: string; radio: string; noiseDb: number | null }
  | { kind: 'crew'; unit: string; workload?: number; english?: number }
  | { kind: 'link'; link: string; available?: boolean; latencyS?: number }
  | { kind: 'silence'; unit: string; silent: boolean }
  | { kind: 'hail'; unit: string; to: string; channel?: string; text?: string };

export interface WhatIf {
  at: number;
  change: Change;
}

/** The change in words, for lists and saved files. */
export function describeChange(w: WhatIf): string {
  const c = w.change;
  switch (c.kind) {
    case 'radio':
      return `${c.unit}: set ${c.radio}${c.powered !== undefined ? (c.powered ? ' on' : ' off') : ''}${c.tuned ? `, tuned to ${c.tuned.join(' + ') || 'nothing'}` : ''}${c.monitored !== undefined ? (c.monitored ? ', listened to' : ', not listened to') : ''}`;
    case 'noise':
      return `${c.unit}: noise at ${c.radio} ${c.noiseDb === null ? 'back to the environment floor' : `${c.noiseDb} dBm`}`;
    case 'crew':
      return `${c.unit}: crew${c.workload !== undefined ? ` workload ${c.workload}` : ''}${c.english !== undefined ? ` English ${c.english}` : ''}`;
    case 'link':
      return `${c.link}${c.available !== undefined ? (c.available ? ' up' : ' down') : ''}${c.latencyS !== undefined ? `, delay ${c.latencyS} s` : ''}`;
    case 'silence':
      return `${c.unit} ${c.silent ? 'stays silent' : 'may transmit again'}`;
    case 'hail':
      return `${c.unit} calls ${c.to}${c.channel ? ` on ${c.channel}` : ''}`;
  }
}

export function toAction(w: WhatIf, scenario: Scenario, index: number): ScriptAction {
  const c = w.change;
  const base = { id: `what-if-${index + 1}`, at: w.at, note: `what-if: ${describeChange(w)}` };
  switch (c.kind) {
    case 'radio':
      return {
        ...base,
        unit: c.unit,
        do: 'set-radio',
        radio: c.radio,
        ...(c.powered !== undefined ? { powered: c.powered } : {}),
        ...(c.tuned ? { tuned: c.tuned } : {}),
        ...(c.monitored !== undefined ? { monitored: c.monitored } : {}),
      };
    case 'noise':
      return { ...base, unit: c.unit, do: 'set-noise', radio: c.radio, noiseDb: c.noiseDb };
    case 'crew':
      return {
        ...base,
        unit: c.unit,
        do: 'set-crew',
        ...(c.workload !== undefined ? { workload: c.workload } : {}),
        ...(c.english !== undefined ? { languages: { en: c.english } } : {}),
      };
    case 'link': {
      const member = scenario.spec.links.find((l) => l.id === c.link)?.members[0] ?? scenario.units[0]!.id;
      return {
        ...base,
        unit: member,
        do: 'set-link',
        link: c.link,
        ...(c.available !== undefined ? { available: c.available } : {}),
        ...(c.latencyS !== undefined ? { latencyS: c.latencyS } : {}),
      };
    }
    case 'silence':
      return { ...base, unit: c.unit, do: 'silence', silent: c.silent };
    case 'hail':
      return { ...base, unit: c.unit, do: 'hail', to: c.to, safety: true, ...(c.channel ? { channel: c.channel } : {}), ...(c.text ? { text: c.text } : {}) };
  }
}

/** The same scenario with the changes as script actions; the original is not touched. */
export function applyWhatIfs(scenario: Scenario, whatIfs: readonly WhatIf[]): Scenario {
  const added: Action[] = whatIfs.map((w, i) => {
    const a = toAction(w, scenario, i);
    return { ...a, id: a.id!, index: scenario.script.length + i, atS: w.at } as Action;
  });
  return { ...scenario, script: [...scenario.script, ...added] };
}

/**
 * The what-if as a scenario file: the original text with the changes appended to its script and a
 * new id and title, comments kept, so an author can open it, read it and run it.
 */
export function whatIfYaml(originalText: string, scenario: Scenario, whatIfs: readonly WhatIf[], name = 'what-if'): string {
  const doc = parseDocument(originalText);
  doc.set('id', `${scenario.spec.id}-${name}`);
  doc.set('title', `${scenario.spec.title} — ${name}: ${whatIfs.map(describeChange).join('; ')}`);
  if (scenario.account) doc.set('defaultAccount', scenario.account);
  doc.set('procedure', scenario.procedure.id);
  if (!doc.has('script')) doc.set('script', new YAMLSeq());
  whatIfs.forEach((w, i) => doc.addIn(['script'], doc.createNode(toAction(w, scenario, i))));
  return doc.toString({ lineWidth: 0 });
}
