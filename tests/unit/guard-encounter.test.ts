/**
 * Issue 14's defects: a guard rule must not switch on a set the scenario has off, and the scorecard's
 * "encounter" must count any two units of different nations in range, ships too.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/core';
import { diskProcedures } from '../../src/cli/files';

interface Place {
  lat: number;
  lon: number;
}

function ship(id: string, nation: string, radios: string[], at: Place | { start: Place; courseDeg: number; speedKt: number }): string {
  const where =
    'start' in at
      ? `    track:\n      start: { lat: ${at.start.lat}, lon: ${at.start.lon} }\n      legs: [{ courseDeg: ${at.courseDeg}, speedKt: ${at.speedKt}, durationS: 1800 }]`
      : `    position: { lat: ${at.lat}, lon: ${at.lon} }`;
  return `  - id: ${id}
    name: Ship ${id}
    nation: ${nation}
    kind: ship
    service: navy
    radios:
${radios.map((r) => `      - ${r}`).join('\n')}
${where}
`;
}

function scenario(units: string[]): string {
  return `id: fixture
title: fixture
date: "2025-06-01"
start: "2025-06-01T09:00:00+09:00"
durationS: 1800
location: { name: Sea, lat: 37.2, lon: 133.0 }
sources: []
procedure: cues-2014
units:
${units.join('')}`;
}

function run(text: string) {
  const r = simulate({ file: 'fixture.yaml', text }, diskProcedures, {});
  if (!r.analysis) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return { diagnostics: r.diagnostics, analysis: r.analysis };
}

const BRIDGE_ON = '{ id: bridge, modulation: FM, channels: ["156.8"], tuned: "156.8" }';

describe('a guard rule and a set the scenario has off', () => {
  const text = scenario([
    ship('jp-dd', 'JP', [BRIDGE_ON.replace('}', ', powered: false }')], { lat: 37.2, lon: 133.0 }),
    ship('kr-dd', 'KR', ['{ id: bridge, modulation: FM, channels: ["156.8", "156.65"], tuned: "156.65" }'], { lat: 37.22, lon: 133.0 }),
  ]);
  const { diagnostics, analysis } = run(text);
  const sets = (unit: string) => analysis.run.log.filter((e) => e.type === 'radio-set' && e.unit === unit);

  it('leaves the set off all run', () => {
    expect(sets('jp-dd').every((e) => e.type === 'radio-set' && !e.powered)).toBe(true);
  });

  it('scores the guard rule violated, because the scenario has the set off', () => {
    const line = analysis.compliance.find((c) => c.rule === 'cues-2014/guard-frequencies')!;
    expect(line.status).toBe('violated');
    expect(line.evidence).toContain('jp-dd: not guarding 156.8, as the scenario has set "bridge" off');
  });

  it('still retunes a set that is on and listened to, to also watch the guarded channel', () => {
    const last = sets('kr-dd').at(-1)!;
    expect(last.type === 'radio-set' && last.tuned).toEqual(['156.65', '156.8']);
    expect(analysis.run.log.some((e) => e.type === 'decision' && e.unit === 'kr-dd' && e.decision === 'done' && e.reason.includes('to also watch 156.8'))).toBe(
      true,
    );
  });

  it('is warned by the checker at the set', () => {
    const w = diagnostics.filter((d) => d.severity === 'warning' && d.message.includes('keep a watch on 156.8'));
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain('set "bridge" off (powered: false)');
    const line = text.split('\n').findIndex((l) => l.includes('powered: false')) + 1;
    expect(w[0]!.line).toBe(line);
  });

  it('a set nobody listens to is not a kept watch either', () => {
    const { diagnostics: d, analysis: a } = run(
      scenario([
        ship('jp-dd', 'JP', [BRIDGE_ON.replace('}', ', monitored: false }')], { lat: 37.2, lon: 133.0 }),
        ship('kr-dd', 'KR', [BRIDGE_ON], { lat: 37.22, lon: 133.0 }),
      ]),
    );
    const line = a.compliance.find((c) => c.rule === 'cues-2014/guard-frequencies')!;
    expect(line.status).toBe('violated');
    expect(line.evidence).toContain('nobody listening to set "bridge"');
    expect(d.some((x) => x.message.includes('nobody listening to set "bridge" (monitored: false)'))).toBe(true);
  });
});

describe('an encounter between ships of different nations', () => {
  const avoid = (text: string) => run(text).analysis.compliance.find((c) => c.rule === 'cues-2014/avoid-fire-control-radar')!;

  it('counts two ships of different nations in range as an encounter', () => {
    const line = avoid(scenario([ship('jp-dd', 'JP', [BRIDGE_ON], { lat: 37.2, lon: 133.0 }), ship('kr-dd', 'KR', [BRIDGE_ON], { lat: 37.22, lon: 133.0 })]));
    expect(line.status).toBe('followed');
    expect(line.evidence).not.toContain('no encounter');
  });

  it('counts ships that close into range during the run, not only at the start', () => {
    // 0.3° of latitude apart (about 33 km), closing at 30 knots together: inside 18.5 km after about 15 minutes.
    const line = avoid(
      scenario([
        ship('jp-dd', 'JP', [BRIDGE_ON], { start: { lat: 37.2, lon: 133.0 }, courseDeg: 0, speedKt: 15 }),
        ship('kr-dd', 'KR', [BRIDGE_ON], { start: { lat: 37.5, lon: 133.0 }, courseDeg: 180, speedKt: 15 }),
      ]),
    );
    expect(line.status).toBe('followed');
  });

  it('says there was none when the ships stay apart, with the range it measured by', () => {
    const line = avoid(scenario([ship('jp-dd', 'JP', [BRIDGE_ON], { lat: 37.2, lon: 133.0 }), ship('kr-dd', 'KR', [BRIDGE_ON], { lat: 37.6, lon: 133.0 })]));
    expect(line.status).toBe('not-applicable');
    expect(line.evidence).toBe('no encounter between units of different nations: none came within 18.5 km of another');
  });

  it('does not count two ships of one nation', () => {
    const line = avoid(scenario([ship('jp-a', 'JP', [BRIDGE_ON], { lat: 37.2, lon: 133.0 }), ship('jp-b', 'JP', [BRIDGE_ON], { lat: 37.22, lon: 133.0 })]));
    expect(line.status).toBe('not-applicable');
  });
});
