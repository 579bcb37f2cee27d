/**
 * Issue 14 item 3: calls with no "THIS IS". Listeners put them to a unit by what they can see
 * (the nearest unit of another nation within the model's range), may be wrong, and the analysis
 * says so: misattribution at `understood`, blamed on the listener, naming the unit wrongly held
 * to the call; a threat nobody could put to anyone; a challenge to all stations.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { simulate, buildReport, type Analysis } from '../../src/core';
import { diskProcedures, ROOT } from '../../src/cli/files';
import { formatText } from '../../src/core/format/text';
import { formatMarkdown } from '../../src/core/format/markdown';
import { positionAt } from '../../src/core/scenario/motion';
import { groundDistanceM } from '../../src/core/geo';
import { callClass } from '../../src/core/radio/call-class';
import { attribute, ATTRIBUTE_WITHIN_KM } from '../../src/core/radio/attribution';
import type { EntryOf } from '../../src/core/log';
import { analyse, DEC_2018 } from './helpers';
import { guideFile } from './guide-example';

const CH16 = join(ROOT, 'scenarios/ch16-unknown-station.yaml');
const TEXT = readFileSync(CH16, 'utf8');

/** The shipped scenario with its text changed, run from the scenarios folder so its procedure path resolves. */
function variant(edit: (text: string) => string): Analysis {
  const r = simulate({ file: join(ROOT, 'scenarios/variant.yaml'), text: edit(TEXT) }, diskProcedures);
  if (!r.analysis) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.analysis;
}

const unidentified = (a: Analysis) => a.run.transmissions.filter((t) => t.identified === false);
const attributions = (a: Analysis) => a.run.log.filter((e): e is EntryOf<'attributed'> => e.type === 'attributed');

/** The nearest unit of another nation than the listener's, worked out here from the tracks. */
function nearestForeign(a: Analysis, listener: string, t: number): { id: string; km: number } | undefined {
  const s = a.run.scenario;
  const me = s.units.find((u) => u.id === listener)!;
  const here = positionAt(s.motion[listener]!, t);
  return s.units
    .filter((u) => u.nation !== me.nation && u.kind !== 'headquarters')
    .map((u) => ({ id: u.id, km: groundDistanceM(here, positionAt(s.motion[u.id]!, t)) / 1000 }))
    .sort((x, y) => x.km - y.km)[0];
}

describe('ch16-unknown-station: a threat with no "THIS IS" on Channel 16', () => {
  const a = analyse(CH16);
  const [threat] = unidentified(a);

  it('goes out without an originator, classed as a threat', () => {
    expect(threat).toBeDefined();
    expect(threat!.text).not.toMatch(/THIS IS/);
    expect(callClass(threat!)).toBe('threat');
  });

  it('is put by each listener to the nearest warship of the other navy, which did not send it', () => {
    const list = attributions(a).filter((e) => e.tx === threat!.id);
    expect(list.length).toBe(2);
    for (const e of list) {
      const nearest = nearestForeign(a, e.unit, e.t)!;
      expect(nearest.km).toBeLessThanOrEqual(ATTRIBUTE_WITHIN_KM);
      expect(e.to).toBe(nearest.id);
      expect(e.to).not.toBe(threat!.from);
    }
    // Each navy's ship blames the other's.
    expect(new Set(list.map((e) => e.to))).toEqual(new Set(list.map((e) => e.unit)));
  });

  it('reports each misattribution at understood, blamed on the listener, naming the unit held to the call', () => {
    const report = buildReport(a);
    for (const e of attributions(a)) {
      const b = report.breakdowns.find((x) => x.transmission === threat!.id && x.unit === e.unit);
      expect(b, e.unit).toBeDefined();
      expect(b!.stage).toBe('understood');
      expect(b!.cause).toContain(`put the call to ${e.to}; it was sent by ${threat!.from}`);
    }
    const text = formatText(a);
    const md = formatMarkdown(a);
    const name = (id: string) => a.run.scenario.units.find((u) => u.id === id)!.name;
    for (const e of attributions(a)) {
      const words = `took it to come from ${name(e.to!)}; it was sent by ${name(threat!.from)}`;
      expect(text).toContain(words);
      expect(md).toContain(words);
    }
  });

  it("is challenged to all stations as UNKNOWN STATION, by the procedure's rule for threats", () => {
    const challenges = a.run.transmissions.filter((t) => t.inReplyTo === threat!.id);
    expect(challenges.length).toBe(2);
    for (const c of challenges) {
      expect(c.to).toBe('all');
      expect(c.rule).toBe('ch16-watch/challenge-unidentified-threat');
      expect(c.text).toMatch(/^UNKNOWN STATION, THIS IS .*IDENTIFY YOURSELF/);
    }
    // The unknown station hears the challenges: its call is answered, not repeated.
    expect(a.run.transmissions.filter((t) => t.from === threat!.from)).toHaveLength(1);
  });

  it('is answered to all stations under a procedure without a rule for threats too', () => {
    const cues = analyse(CH16, { procedure: 'cues-2014' });
    const replies = cues.run.transmissions.filter((t) => t.inReplyTo === unidentified(cues)[0]!.id);
    expect(replies.map((r) => [r.to, r.addressee])).toEqual(replies.map(() => ['all', 'UNKNOWN STATION']));
  });
});

describe('attribution when nobody, or the right unit, is in sight', () => {
  it('a threat nobody can put to a unit is an unattributed threat, blamed on its sender', () => {
    // Both ships of one navy: no unit of another nation within sight of either.
    const a = variant((t) => t.replace('nation: KR', 'nation: JP'));
    const [threat] = unidentified(a);
    const list = attributions(a);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((e) => e.to === null)).toBe(true);
    const b = buildReport(a).breakdowns.filter((x) => x.cause.startsWith('unattributed threat'));
    expect(b).toHaveLength(1);
    expect(b[0]!.unit).toBe(threat!.from);
    expect(b[0]!.stage).toBe('understood');
    expect(buildReport(a).breakdowns.some((x) => x.cause.startsWith('misattributed'))).toBe(false);
  });

  it('a sender close enough to be the nearest is put to rightly, and nothing is reported', () => {
    const a = variant((t) => t.replace('position: { lat: 37.8, lon: 133.2 }', 'position: { lat: 37.37, lon: 133.12 }'));
    const [threat] = unidentified(a);
    const list = attributions(a);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((e) => e.to === threat!.from)).toBe(true);
    expect(buildReport(a).breakdowns.filter((x) => x.transmission === threat!.id)).toEqual([]);
  });

  it('an identified call is put to the station it names, whatever is near', () => {
    const me = { id: 'a', nation: 'JP', position: { lat: 37, lon: 133 } };
    const near = [{ id: 'b', nation: 'KR', position: { lat: 37.01, lon: 133 } }];
    expect(attribute({ from: 'c' }, me, near).to).toBe('c');
    expect(attribute({ from: 'c', identified: false }, me, near).to).toBe('b');
    expect(attribute({ from: 'c', identified: false }, me, []).to).toBeNull();
  });
});

describe('call classes by default', () => {
  it("makes a procedure's hail rule with marker: WARNING a warning-class call, whatever its words", () => {
    const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-marker-'));
    const procedure = join(dir, 'warn.yaml');
    writeFileSync(
      procedure,
      `id: warn
title: CUES, calling with the WARNING marker
extends: cues-2014
remove: [hail-on-safety-concern]
rules:
  - id: warn-on-fire-control
    type: hail
    appliesTo: [ship, aircraft]
    title: Warn on fire-control radar
    text: Call with the WARNING marker.
    when: [fire-control-detected]
    marker: WARNING
    message: "{reason}. STOP"
`,
    );
    const a = analyse(DEC_2018, { procedure });
    const hails = a.run.transmissions.filter((t) => t.rule === 'warn/warn-on-fire-control');
    expect(hails.length).toBeGreaterThan(0);
    for (const h of hails) {
      expect(h.body).not.toMatch(/WARNING/);
      expect(callClass(h)).toBe('warning');
    }
  });

  it('reads a WARNING marker as a warning, a safety call as safety, anything else as routine, unless the call is classed', () => {
    expect(callClass({ body: 'WARNING. YOU ARE STANDING INTO DANGER', safety: true })).toBe('warning');
    expect(callClass({ body: 'REQUEST YOUR INTENTIONS', safety: true })).toBe('safety');
    expect(callClass({ body: 'GOOD MORNING', safety: false })).toBe('routine');
    expect(callClass({ body: 'GOOD MORNING', safety: false, class: 'threat' })).toBe('threat');
  });
});

describe("the guide's example (docs/authoring.md 9.5)", () => {
  it('runs as the guide says: both misattributions at understood, and the call by description answered by the ship it meant', () => {
    const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-guide-'));
    writeFileSync(join(dir, 'challenge-threats.yaml'), guideFile('challenge-threats.yaml'));
    const path = join(dir, 'unknown-and-described.yaml');
    writeFileSync(path, guideFile('unknown-and-described.yaml'));
    const a = analyse(path);
    const [threat] = unidentified(a);
    const list = attributions(a);
    expect(list.length).toBe(2);
    for (const e of list) expect(e.to).toBe(nearestForeign(a, e.unit, e.t)!.id);
    const breakdowns = buildReport(a).breakdowns;
    expect(breakdowns.map((b) => [b.stage, b.unit, b.transmission, b.cause.split(':')[0]])).toEqual(
      list.map((e) => ['understood', e.unit, threat!.id, 'misattributed']),
    );
    const described = a.run.transmissions.find((t) => t.description)!;
    expect(a.run.log.some((e) => e.type === 'answered' && e.tx === described.id && e.unit === described.to)).toBe(true);
  });
});
