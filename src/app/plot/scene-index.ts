/** What the plot looks up once per analysis (no pixi: unit-tested in Node). */
import type { Analysis } from '../../core/analysis/report';
import { kinematicsAt } from '../../core/scenario/motion';
import type { MapProjection } from './projection';
import type { ScenarioIndex } from './layers/types';
import { traitsOf } from '../../core/kinds';

/** Positions (world km) of the units that are on the scene (not headquarters), every 10 s of the run: what the first view frames. */
export function samplePositions(a: Analysis, proj: MapProjection): [number, number][] {
  const out: [number, number][] = [];
  const { scenario, durationS } = a.run;
  // The encounter is the units that came near one another; a far listener (the trainer that
  // heard the 2018 calls 240 km away) stays on the plot but does not set the first view.
  const near = new Set<string>();
  for (const e of a.run.log) if (e.type === 'proximity') near.add(e.unit).add(e.other);
  for (const u of scenario.units) {
    if (!traitsOf(u).onPlot || (near.size > 0 && !near.has(u.id))) continue;
    const m = scenario.motion[u.id];
    if (!m) continue;
    for (let t = 0; t <= durationS; t += 10) {
      const k = kinematicsAt(m, t);
      out.push(proj.project(k.lat, k.lon));
    }
  }
  return out;
}

export function buildIndex(a: Analysis): ScenarioIndex {
  const receptionAt = new Map<string, number>();
  for (const e of a.run.log) if (e.type === 'reception') receptionAt.set(`${e.tx}/${e.result.unit}`, e.t);
  const linkKinds = new Map<string, string>();
  const linkNames = new Map<string, string>();
  for (const l of a.run.scenario.spec.links ?? []) {
    linkKinds.set(l.id, l.kind);
    linkNames.set(l.id, l.name ?? l.id);
  }
  const channelsUsed: string[] = [];
  for (const tx of a.run.transmissions) if (!channelsUsed.includes(tx.channel)) channelsUsed.push(tx.channel);
  const emitterNames = new Map<string, string>();
  for (const u of a.run.scenario.units) for (const e of u.emitters) emitterNames.set(`${u.id}/${e.id}`, e.name ?? e.id);
  return { receptionAt, linkKinds, linkNames, channelsUsed, emitterNames };
}
