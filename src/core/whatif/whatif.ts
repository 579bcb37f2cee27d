/**
 * What-if: change a fact at a moment and run again. A change becomes a script action at that
 * time, so the new run is the old one up to that moment (the engine is deterministic) and differs
 * only from there. A what-if can be saved as a scenario file of its own.
 */
import { parseDocument, YAMLSeq } from 'yaml';
import type { Scenario, Action } from '../scenario/load';
import type { ScriptAction } from '../scenario/schema';
import { explain, type Explanation, type ParamValue } from '../explain';
import { say, type Lang } from '../../i18n';

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

/** Settings one after another; each message carries its own separator (" on", ", tuned to 16"). */
const concat = (parts: Explanation[]): Explanation => parts.reduce((a, b) => explain('debrief.concat', { a, b }), explain('debrief.empty'));

/** The change as data: the unit, radio or link it touches and each setting it makes (debrief.whatif.*). */
export function changeWhy(w: WhatIf): Explanation {
  const c = w.change;
  const parts: Explanation[] = [];
  const part = (code: string, params: Record<string, ParamValue> = {}) => parts.push(explain(`debrief.whatif.${code}`, params));
  switch (c.kind) {
    case 'radio':
      if (c.powered !== undefined) part(c.powered ? 'on' : 'off');
      if (c.tuned) part(c.tuned.length ? 'tuned' : 'tuned-nothing', c.tuned.length ? { channels: c.tuned.join(' + ') } : {});
      if (c.monitored !== undefined) part(c.monitored ? 'listened' : 'not-listened');
      return explain('debrief.whatif.radio', { unit: c.unit, radio: c.radio, settings: concat(parts) });
    case 'noise':
      return c.noiseDb === null
        ? explain('debrief.whatif.noise.floor', { unit: c.unit, radio: c.radio })
        : explain('debrief.whatif.noise', { unit: c.unit, radio: c.radio, db: c.noiseDb });
    case 'crew':
      if (c.workload !== undefined) part('workload', { n: c.workload });
      if (c.english !== undefined) part('english', { n: c.english });
      return explain('debrief.whatif.crew', { unit: c.unit, settings: concat(parts) });
    case 'link':
      if (c.available !== undefined) part(c.available ? 'up' : 'down');
      if (c.latencyS !== undefined) part('delay', { s: c.latencyS });
      return explain('debrief.whatif.link', { link: c.link, settings: concat(parts) });
    case 'silence':
      return explain(c.silent ? 'debrief.whatif.silent' : 'debrief.whatif.may-transmit', { unit: c.unit });
    case 'hail':
      return c.channel
        ? explain('debrief.whatif.hail.on', { unit: c.unit, to: c.to, channel: c.channel })
        : explain('debrief.whatif.hail', { unit: c.unit, to: c.to });
  }
}

/** The change in words, for lists and saved files (saved files stay English). */
export function describeChange(w: WhatIf): string {
  return describeChangeIn(w, 'en');
}

/** The change in the reader's language. */
export function describeChangeIn(w: WhatIf, lang: Lang): string {
  return say(lang, changeWhy(w));
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
