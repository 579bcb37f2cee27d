// Warnings beyond the schema (src/core/scenario/lint.ts): things that load and run, but will not
// do what the author most likely meant. Each is a warning at the line an author would change.
import { describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadScenario } from '../../src/core/scenario/load';
import { parseYamlSource } from '../../src/core/yaml-source';
import { lintScenario } from '../../src/core/scenario/lint';
import { checkFile } from '../../src/core/check';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';
import type { Diagnostic } from '../../src/core/diagnostics';
import { tempFile } from './helpers';

/** Loads a scenario the way the checker does and lints it; fails the test if it does not load. */
function lintPath(path: string, account?: string): Diagnostic[] {
  const ft = readText(path);
  const loaded = loadScenario(ft, diskProcedures, account ? { account } : {});
  if (!loaded.scenario) throw new Error(`did not load:\n${loaded.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('\n')}`);
  return lintScenario(parseYamlSource(ft.text, ft.file).doc, loaded.scenario);
}

function lint(text: string, name = 'lint.yaml'): Diagnostic[] {
  return lintPath(tempFile(name, text));
}

/** Line (1-based) of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line with ${needle}`);
  return i + 1;
}

const HEADER = `id: lint-case
title: Lint case
date: "2025-06-01"
start: "2025-06-01T10:00:00+09:00"
durationS: 600
location: { name: Test, lat: 37.5, lon: 132.0 }
`;

// A small builder of test scenarios: `scenario()` is a plain, working two-ship exchange (JS Alpha
// hails ROKS Bravo on Channel 16 under cues-2014); each test passes only what differs.

/** A marine VHF set; `tuned` defaults to the first channel. */
function bridge(o: { modulation?: 'FM' | 'AM'; channels?: string[]; tuned?: string; powerW?: number } = {}): string {
  const channels = o.channels ?? ['156.8', '156.65'];
  const power = o.powerW !== undefined ? `, powerW: ${o.powerW}` : '';
  return `{ id: bridge, modulation: ${o.modulation ?? 'FM'}, channels: [${channels.map((c) => `"${c}"`).join(', ')}], tuned: "${o.tuned ?? channels[0]}"${power} }`;
}
const AERO = '{ id: aero, modulation: AM, channels: ["121.5"], tuned: "121.5" }';
const MARINE = '[{ id: marine, modulation: FM, channels: ["156.8"], tuned: "156.8" }]';
const ESM = '[{ id: esm, type: esm }]';
const STIR = 'emitters: [{ id: stir, type: fire-control-radar }]';

/** The lines every unit starts with; a call sign, so the checker's call-sign warning stays out of these cases. */
const identity = (id: string, name: string, nation: string, kind: string) => [
  `id: ${id}`,
  `name: ${name}`,
  `nation: ${nation}`,
  `kind: ${kind}`,
  `callSigns: [${id.toUpperCase()}]`,
];

interface ShipOptions {
  radios?: string[];
  /** Lines (without indentation) just before the position. */
  extra?: string[];
  position?: string;
  /** Moves on this track instead of holding a position. */
  track?: string;
}

function ship(id: string, name: string, nation: string, hull: string, position: string, o: ShipOptions): string {
  return unit([
    ...identity(id, name, nation, 'ship'),
    'service: navy',
    `hull: "${hull}"`,
    'radios:',
    ...(o.radios ?? [bridge()]).map((r) => `  - ${r}`),
    ...(o.extra ?? []),
    o.track ? `track: ${o.track}` : `position: ${o.position ?? position}`,
  ]);
}
const jpShip = (o: ShipOptions = {}) => ship('jp-dd', 'JS Alpha', 'JP', '101', '{ lat: 37.5, lon: 132.0 }', o);
const krShip = (o: ShipOptions = {}) => ship('kr-dd', 'ROKS Bravo', 'KR', '201', '{ lat: 37.55, lon: 132.05 }', o);

/** An aircraft flying straight from `from` to `to` ("lat: …, lon: …") at `altM` over the 600 s run. */
function aircraft(id: string, name: string, nation: string, o: { from: string; to: string; altM: number; emitters?: string; extra?: string[] }): string {
  return unit([
    ...identity(id, name, nation, 'aircraft'),
    'service: navy',
    ...(o.extra ?? []),
    `radios: ${MARINE}`,
    ...(o.emitters ? [`emitters: ${o.emitters}`] : []),
    'track:',
    `  - { t: 0, ${o.from}, altM: ${o.altM} }`,
    `  - { t: 600, ${o.to}, altM: ${o.altM} }`,
  ]);
}
const p1 = (o: Parameters<typeof aircraft>[3]) => aircraft('jp-p1', 'JMSDF P-1', 'JP', o);

/** A headquarters ashore; `extra` lines (without indentation) go before its position. */
function hq(id: string, name: string, nation: string, position: string, extra: string[] = []): string {
  return unit([...identity(id, name, nation, 'headquarters'), ...extra, `position: ${position}`]);
}
const jpHq = (...extra: string[]) => hq('jp-hq', 'JMSDF HQ', 'JP', '{ lat: 35.4, lon: 139.4 }', extra);
const krHq = (...extra: string[]) => hq('kr-hq', 'ROKN HQ', 'KR', '{ lat: 35.1, lon: 128.7 }', extra);

/** The scripted hail: JS Alpha calls ROKS Bravo at t = 60 s on Channel 16, with a text; `null` leaves a field out. */
function hail(o: { at?: number; to?: string; channel?: string | null; text?: string | null } = {}): string {
  const channel = o.channel === null ? '' : `, channel: "${o.channel ?? '156.8'}"`;
  const text = o.text === null ? '' : `, text: ${o.text ?? 'REQUEST YOUR INTENTIONS'}`;
  return `{ id: call, at: ${o.at ?? 60}, unit: jp-dd, do: hail, to: ${o.to ?? 'kr-dd'}${channel}${text} }`;
}
const LOCK = '{ id: lock, at: 60, unit: kr-dd, do: emit, emitter: stir, mode: track, target: jp-p1, forS: 60 }';

interface Case {
  procedure?: string;
  /** Top-level lines between procedure: and units: (links, accounts, facts, parameters). */
  top?: string[];
  /** The units; the default is the two ships, shaped by `jp` and `kr`. */
  units?: string[];
  jp?: ShipOptions;
  kr?: ShipOptions;
  /** Script actions; the default is the one hail, and [] leaves the script out. */
  script?: string[];
}

function scenario(c: Case = {}): string {
  const script = c.script ?? [hail()];
  return [
    HEADER,
    `procedure: ${c.procedure ?? 'cues-2014'}\n`,
    (c.top ?? []).map((l) => `${l}\n`).join(''),
    'units:\n',
    ...(c.units ?? [jpShip(c.jp), krShip(c.kr)]),
    script.length ? `script:\n${script.map((a) => `  - ${a}\n`).join('')}` : '',
  ].join('');
}

/** A unit as an item of units:, from its lines (without indentation). */
function unit(ls: string[]): string {
  return ls.map((l, i) => `${i === 0 ? '  - ' : '    '}${l}\n`).join('');
}

const BASE = scenario();

describe('lintScenario', () => {
  it('finds nothing in a plain, working two-ship exchange', () => {
    expect(lint(BASE)).toEqual([]);
  });

  it('finds nothing in any shipped scenario under any account but the deliberate scope warnings of December 2018', () => {
    for (const f of readdirSync(join(ROOT, 'scenarios')).filter((x) => x.endsWith('.yaml'))) {
      const path = join(ROOT, 'scenarios', f);
      const accounts = Object.keys((parseYamlSource(readText(path).text, f).doc.value as { accounts?: object }).accounts ?? {});
      for (const account of [undefined, ...accounts]) {
        const ds = lintPath(path, account).map((d) => d.message);
        if (f === 'demo-ladder.yaml') {
          // The demo's far ship is out of range on purpose, to show a call failing at in-range.
          expect(ds, f).toEqual([
            expect.stringMatching(/^at t = 100 s, when this hail is made, "kr-far" is 88\.2 km away, beyond the radio horizon of 41\.3 km/),
          ]);
          continue;
        }
        if (f === 'signals-in-fog.yaml') {
          // The unidentified fishing vessel is outside the navy-only code by nature.
          expect(ds, f).toEqual([expect.stringMatching(/^fishing \(fishing\) is outside every rule of cues-2014/)]);
          continue;
        }
        if (f !== 'dec-2018-noto.yaml') {
          expect(ds, `${f} (${account ?? 'no account'})`).toEqual([]);
          continue;
        }
        // December 2018 on purpose: the coast guard, the fishing boat and the air force are outside the
        // navy-only code, and the checker says so.
        const outside = ds.filter((m) => / is outside every rule of practice-2018 \(scope: navy\)/.test(m)).map((m) => m.split(' ')[0]);
        expect(outside, `${f} (${account ?? 'no account'})`).toEqual(['sambong', 'nk-boat', 'jasdf-trainer']);
        expect(ds.length).toBe(outside.length);
      }
    }
  });

  it('returns warnings only, each with a file, a line and a column', () => {
    const text = scenario({ kr: { position: '{ lat: 37.55, lon: 134.05 }' }, script: [hail({ channel: '121.5' })] });
    const ds = lint(text);
    expect(ds.length).toBeGreaterThan(0);
    for (const d of ds) {
      expect(d.severity).toBe('warning');
      expect(d.line).toBeGreaterThan(0);
      expect(d.col).toBeGreaterThan(0);
      expect(d.file).toMatch(/lint\.yaml$/);
    }
  });
});

describe('radio range', () => {
  const FAR_POSITION = '{ lat: 37.55, lon: 133.5 }';
  const FAR = scenario({ kr: { position: FAR_POSITION } });

  it('warns at the position of a unit that is never within radio range of the unit it calls', () => {
    const ds = lint(FAR);
    expect(ds).toHaveLength(1);
    const d = ds[0]!;
    expect(d.line).toBe(lineOf(FAR, 'position: { lat: 37.5, lon: 132.0 }'));
    expect(d.path).toBe('units[0].position');
    expect(d.message).toMatch(
      /^"jp-dd" is never within radio range of anyone it must talk to: kr-dd \(the script has it call them; closest 1\d\d km apart at t = 0 s, radio horizon 4\d\.\d km\)/,
    );
    expect(d.message).toMatch(/fail at in-range/);
    expect(d.message).toMatch(/antennaHeightM/);
  });

  it('is satisfied when the unit is in range of the other at some moment of the run', () => {
    const closing = (lon: number) =>
      scenario({ kr: { track: `{ start: { lat: 37.55, lon: ${lon} }, legs: [{ courseDeg: 270, speedKt: 30, durationS: 600 }] }` } });
    const never = (t: string) => lint(t).filter((d) => /never within radio range/.test(d.message));
    // The far ship closes at 30 knots for 600 s (about 9 km): not enough from 130 km ...
    expect(never(closing(133.5))).toHaveLength(1);
    // ... but from 44 km it crosses the 41 km horizon of two 25 m masts before the end.
    expect(never(closing(132.5))).toEqual([]);
  });

  it('warns at a scripted call made while its only listener is still beyond the horizon, though the two meet later', () => {
    const closing = (at: number) =>
      scenario({
        kr: { track: '{ start: { lat: 37.55, lon: 132.5 }, legs: [{ courseDeg: 270, speedKt: 30, durationS: 600 }] }' },
        script: [hail({ at })],
      });
    const early = closing(60);
    const ds = lint(early);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.path).toBe('script[0].to');
    expect(ds[0]!.line).toBe(lineOf(early, 'id: call'));
    expect(ds[0]!.message).toMatch(
      /^at t = 60 s, when this hail is made, "kr-dd" is 4\d\.\d km away, beyond the radio horizon of 41\.\d km, so nobody can receive this call/,
    );
    // Once the ship has closed inside the horizon, the same call can be received.
    expect(lint(closing(580))).toEqual([]);
  });

  it('warns at a call to all when no station at all is within range, naming the nearest', () => {
    // ROKS Charlie closes into range later, so only the call, not the caller, draws a warning.
    const text = (lon: number) =>
      scenario({
        units: [
          jpShip(),
          krShip({ position: `{ lat: 37.55, lon: ${lon} }` }),
          ship('kr-ff', 'ROKS Charlie', 'KR', '202', '{ lat: 37.5, lon: 132.0 }', {
            track: '{ start: { lat: 37.55, lon: 132.5 }, legs: [{ courseDeg: 270, speedKt: 30, durationS: 600 }] }',
          }),
        ],
        script: [hail({ to: 'all' })],
      });
    const calls = (t: string) => lint(t).filter((d) => d.path === 'script[0].to');
    expect(calls(text(133.0)).map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^at t = 60 s, when this hail is made, no station is within radio range of "jp-dd"; the nearest, "kr-ff", is 4\d\.\d km away, beyond the radio horizon of 41\.\d km/,
      ),
    ]);
    // One station in range is enough for a call to all.
    expect(calls(text(132.05))).toEqual([]);
  });

  it('counts an aircraft by its altitude: high enough, the same distance is in range', () => {
    const text = (altM: number) =>
      scenario({
        units: [jpShip(), aircraft('kr-p3', 'ROKN P-3C', 'KR', { from: 'lat: 37.5, lon: 133.2', to: 'lat: 37.5, lon: 133.3', altM })],
        script: [hail({ to: 'kr-p3', text: null })],
      });
    const range = (t: string) => lint(t).filter((d) => /never within radio range/.test(d.message));
    expect(range(text(150)).map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^"jp-dd" is never within radio range of anyone it must talk to: kr-p3 \(the script has it call them; closest 106 km apart at t = 0 s, radio horizon 71\.2 km\)/,
      ),
    ]);
    expect(range(text(3000))).toEqual([]);
  });

  it('says when the signal, not the distance, is the problem (a transmitter of a microwatt)', () => {
    const text = scenario({ jp: { radios: [bridge({ powerW: 0.000001 })] } });
    expect(lint(text).map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^"jp-dd" is never within radio range of anyone it must talk to: kr-dd \(the script has it call them; closest 7\.1 km apart at t = 0 s, inside the radio horizon but only -123 dBm arrives, below the -110 dBm a receiver needs: check powerW\)/,
      ),
    ]);
  });

  it('treats a call over a link as always in range', () => {
    const text = scenario({
      top: ['links:', '  - { id: sat, name: Satellite, kind: satellite, members: [jp-dd, kr-dd] }'],
      jp: { extra: ['links: [sat]'] },
      kr: { extra: ['links: [sat]'], position: FAR_POSITION },
      script: [hail({ channel: 'sat' })],
    });
    expect(lint(text)).toEqual([]);
  });

  it('checks units a hail rule can make call the other side, not only scripted calls', () => {
    // The KR ship holds a radar on a JP aircraft with an ESM: CUES has the aircraft call the
    // ship. Misplaced by a degree of longitude, the aircraft is never in range of anyone.
    const text = scenario({
      units: [p1({ emitters: ESM, from: 'lat: 37.5, lon: 127.0', to: 'lat: 37.6, lon: 127.0', altM: 300 }), krShip({ extra: [STIR] })],
      script: [LOCK],
    });
    const ds = lint(text).filter((d) => /never within radio range/.test(d.message));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.path).toBe('units[0].track');
    expect(ds[0]!.message).toMatch(
      /^"jp-p1" is never within radio range of anyone it must talk to: kr-dd \(cues-2014\/hail-on-safety-concern may have it call units of another nation;/,
    );
  });
});

describe('channels of scripted calls', () => {
  it('warns when the addressee has no set for the channel, naming the channels both have', () => {
    const text = scenario({ jp: { radios: [bridge(), AERO] }, script: [hail({ channel: '121.5' })] });
    const ds = lint(text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.path).toBe('script[0].channel');
    expect(ds[0]!.line).toBe(lineOf(text, 'id: call'));
    expect(ds[0]!.message).toBe(
      '"kr-dd" has no set for 121.5 MHz (bridge: 156.8, 156.65), so it cannot receive this call. Call on a channel "kr-dd" can copy (both have 156.8, 156.65), or give "kr-dd" a AM set with 121.5 among its channels',
    );
  });

  it("warns when the addressee's only set for the channel has the other modulation (a marine FM set and 121.5 AM)", () => {
    const text = scenario({
      jp: { radios: [bridge(), AERO] },
      kr: { radios: [bridge({ channels: ['156.8', '121.5'] })] },
      script: [hail({ channel: '121.5' })],
    });
    const ds = lint(text);
    expect(ds.map((d) => d.message)).toEqual([
      expect.stringMatching(/^"kr-dd" can tune its set "bridge" to 121\.5 MHz, but that set is FM and 121\.5 MHz is AM: it cannot copy this call/),
    ]);
  });

  it('does not warn when the addressee has the channel but is tuned elsewhere: that is a ladder failure the run shows', () => {
    expect(lint(scenario({ kr: { radios: [bridge({ tuned: '156.65' })] } }))).toEqual([]);
  });

  it("checks a call with no channel against the procedure's calling order", () => {
    // cues-2014 calls on 156.8, 121.5, 243.0; the addressee only has SAR on-scene 123.1 AM.
    const text = scenario({ kr: { radios: [bridge({ modulation: 'AM', channels: ['123.1'] })] }, script: [hail({ channel: null })] });
    const ds = lint(text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.path).toBe('script[0].to');
    expect(ds[0]!.message).toMatch(
      /^this hail gives no channel:, so "jp-dd" calls on 156\.8 \(the calling order of procedure cues-2014\), and "kr-dd" cannot receive it \(no set with that channel and modulation\)\. Add channel: with a channel "kr-dd" has, or give "kr-dd" a set for 156\.8$/,
    );
  });

  it('warns when the caller has no set on any channel the procedure calls on', () => {
    const text = scenario({ jp: { radios: [bridge({ channels: ['156.65'] })] }, script: [hail({ channel: null })] });
    const ds = lint(text);
    expect(ds.map((d) => [d.path, d.message])).toEqual([
      [
        'script[0].do',
        expect.stringMatching(
          /^"jp-dd" has no set on any of the channels procedure cues-2014 calls on \(156\.8, 121\.5, 243\.0\), so this hail will not be made/,
        ),
      ],
    ]);
  });

  it('warns about a call to all stations nobody can receive', () => {
    const ds = lint(scenario({ kr: { radios: [bridge({ channels: ['156.8'] })] }, script: [hail({ to: 'all', channel: '156.65' })] }));
    expect(ds.map((d) => d.message)).toEqual([expect.stringMatching(/^no other unit has a FM set for 156\.65 MHz/)]);
  });

  it('leaves an action after the end to the reference checks: one warning, not two', () => {
    const text = scenario({ script: [hail({ at: 900 })] });
    expect(lint(text).filter((d) => /after the end/.test(d.message))).toEqual([]);
    const all = checkFile({ file: 'late.yaml', text }, diskProcedures);
    expect(all.filter((d) => /after the end/.test(d.message))).toHaveLength(1);
  });
});

describe('headquarters', () => {
  it('warns when a unit shares only a radio with its headquarters: reports go over links', () => {
    const text = scenario({
      units: [jpHq('radios: [{ id: vhf, modulation: FM, channels: ["156.8"], tuned: "156.8" }]'), jpShip({ extra: ['headquarters: jp-hq'] }), krShip()],
      script: [],
    });
    const ds = lint(text);
    const hq = ds.filter((d) => d.path === 'units[1].headquarters');
    expect(hq).toHaveLength(1);
    expect(hq[0]!.line).toBe(lineOf(text, 'headquarters: jp-hq'));
    expect(hq[0]!.message).toMatch(
      /^"jp-dd" shares radio channel 156\.8 with its headquarters "jp-hq" but no link; reports to headquarters and relays from it go only over a link/,
    );
    expect(hq[0]!.message).toMatch(/Add a link under links: with members \[jp-dd, jp-hq\]/);
  });
});

describe('procedure rules that can never fire', () => {
  /** A JP aircraft and a KR ship that holds a radar on it; `p1Emitters` decides whether it has an ESM. */
  const radarCase = (p1Emitters: string, script = LOCK) =>
    scenario({
      units: [p1({ emitters: p1Emitters, from: 'lat: 37.5, lon: 132.0', to: 'lat: 37.6, lon: 132.0', altM: 300 }), krShip({ extra: [STIR] })],
      script: [script],
    });

  it('warns at the procedure: line, naming the rule, when a radar is held on a unit with no ESM', () => {
    const text = radarCase('[]');
    const ds = lint(text);
    const rule = ds.filter((d) => d.message.startsWith('rule '));
    expect(rule).toHaveLength(1);
    expect(rule[0]!.line).toBe(lineOf(text, 'procedure: cues-2014'));
    expect(rule[0]!.path).toBe('procedure');
    expect(rule[0]!.message).toMatch(
      /^rule cues-2014\/hail-on-safety-concern \(hail\) can never fire in this scenario: fire-control-detected needs an ESM on the unit that detects it, and none of jp-p1, kr-dd has one \(add emitters: \[\{ id: esm, type: esm \}\]\)/,
    );
    expect(rule[0]!.message).toMatch(/remove: \[hail-on-safety-concern\]/);
  });

  it('warns when a unit has an ESM but nobody holds a radar on it', () => {
    const ds = lint(radarCase(ESM, '{ id: search, at: 60, unit: kr-dd, do: emit, emitter: stir, mode: search }'));
    expect(ds.map((d) => d.message)).toContainEqual(
      expect.stringMatching(
        /^rule cues-2014\/hail-on-safety-concern \(hail\) can never fire in this scenario: fire-control-detected needs a unit of another nation to hold a radar on jp-p1, and no script action does \(do: emit, emitter: <a radar>, mode: track, target: jp-p1\)/,
      ),
    );
  });

  it('is quiet when the ESM is there and the radar is held on it', () => {
    expect(lint(radarCase(ESM)).filter((d) => d.message.startsWith('rule '))).toEqual([]);
  });

  it('is quiet about rules whose situation the scenario does not set up at all (no radar, no aircraft, no headquarters)', () => {
    // BASE runs under cues-2014, whose rules about fire-control radar, approaching aircraft and
    // reports to headquarters cannot fire in it; none of those situations is in the scenario.
    expect(lint(BASE)).toEqual([]);
  });

  const HOTLINE = '  - { id: hotline, name: HQ hotline, kind: hotline, members: [jp-hq, kr-hq] }';

  it('warns about report-received when headquarters are present but no unit reports to them', () => {
    const text = scenario({
      procedure: 'jp-rok-2024',
      top: ['links:', HOTLINE],
      units: [jpHq('counterpart: kr-hq'), krHq('counterpart: jp-hq'), jpShip(), krShip()],
    });
    const ds = lint(text);
    const messages = ds.map((d) => d.message);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^rule jp-rok-2024\/headquarters-contact \(hq-contact\) can never fire in this scenario: report-received needs a unit that reports to jp-hq, kr-hq, and no unit names any of them as its headquarters \(set headquarters: jp-hq on the unit, and put both on a link\)/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^rule jp-rok-2024\/relay-to-unit \(relay\) can never fire in this scenario: jp-hq, kr-hq never contacts jp-hq, kr-hq/),
    );
    for (const d of ds) expect(d.line).toBe(lineOf(text, 'procedure: jp-rok-2024'));
  });

  it('warns about a relay rule when the headquarters have no counterpart', () => {
    // The P-1 reports a fire-control lock to its headquarters, which would contact the other
    // side's, but no headquarters names a counterpart.
    const relayCase = (paired: boolean) =>
      scenario({
        procedure: 'jp-rok-2024',
        top: [
          'links:',
          ...(paired ? ['  - { id: net, name: Fleet net, kind: fleet-net, members: [kr-dd, kr-hq] }'] : []),
          '  - { id: sat, name: Satellite, kind: satellite, members: [jp-p1, jp-hq] }',
          HOTLINE,
        ],
        units: [
          jpHq(...(paired ? ['counterpart: kr-hq'] : []), 'links: [sat, hotline]'),
          krHq(...(paired ? ['counterpart: jp-hq', 'links: [hotline, net]'] : ['links: [hotline]'])),
          p1({ extra: ['headquarters: jp-hq', 'links: [sat]'], emitters: ESM, from: 'lat: 37.5, lon: 132.0', to: 'lat: 37.6, lon: 132.0', altM: 300 }),
          krShip({ extra: [...(paired ? ['headquarters: kr-hq', 'links: [net]'] : []), STIR] }),
        ],
        script: [LOCK],
      });
    const messages = lint(relayCase(false)).map((d) => d.message);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^rule jp-rok-2024\/relay-to-unit \(relay\) can never fire in this scenario: no headquarters names jp-hq, kr-hq as its counterpart:/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^rule jp-rok-2024\/headquarters-contact \(hq-contact\) can never fire in this scenario: jp-hq, kr-hq have no counterpart: linked to them/,
      ),
    );
    // With counterparts, the chain report → headquarters contact → relay is complete; the ship
    // hears of it once it too has a headquarters it is linked to.
    expect(
      lint(relayCase(true))
        .filter((d) => d.message.startsWith('rule '))
        .map((d) => d.message),
    ).toEqual([]);
  });

  it("always checks the rules of the scenario's own procedure file, and says to remove them from it", () => {
    const path = tempFile('own.yaml', scenario({ procedure: 'own-procedure.yaml' }));
    writeFileSync(
      join(dirname(path), 'own-procedure.yaml'),
      `id: own-procedure
title: Own procedure
extends: cues-2014
rules:
  - id: warn-helicopters
    type: announce
    title: Tell helicopters what you are doing
    text: State your activity to an approaching aircraft.
    appliesTo: [ship]
    when: [aircraft-approach]
    message: "I AM {activity}."
`,
    );
    const ds = lintPath(path);
    expect(ds.map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^rule own-procedure\/warn-helicopters \(announce\) can never fire in this scenario: aircraft-approach needs an aircraft of another nation than jp-dd, kr-dd, and there is none\. Add what it needs, or remove the rule from .*own-procedure\.yaml if this scenario does not need it$/,
      ),
    ]);
  });

  it('checks every account: a rule that fires under one account and not the other is reported for that account', () => {
    // The ship judges the flight threatening only in the "kr" account; the aircraft passes inside
    // the KR norm of cues-2014 (5556 m, 457 m) in both.
    const text = (lat: number) =>
      scenario({
        top: [
          'accounts:',
          '  jp: { title: Japan }',
          '  kr: { title: Korea }',
          'facts:',
          '  threat: { question: Threatened?, values: { jp: false, kr: true } }',
        ],
        units: [
          p1({ from: `lat: ${lat}, lon: 131.9`, to: `lat: ${lat}, lon: 132.2`, altM: 150 }),
          krShip({ extra: ['crew: { judgesThreatening: $threat }'], position: '{ lat: 37.5, lon: 132.05 }' }),
        ],
        script: [],
      });
    const path = tempFile('accounts.yaml', text(37.5));
    expect(lintPath(path, 'jp')).toEqual([]);
    expect(lintPath(path, 'kr')).toEqual([]);
    // Moved 11 km north, the aircraft never passes inside the norm: only the account in which the
    // ship judges threats says so.
    const far = tempFile('accounts.yaml', text(37.6));
    expect(lintPath(far, 'jp')).toEqual([]);
    expect(lintPath(far, 'kr').map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^rule cues-2014\/hail-on-safety-concern \(hail\) can never fire in this scenario: .*unsafe-approach needs an aircraft of another nation to pass inside the safe-distance norm of kr-dd \(KR norm: closer than 5556 m and lower than 457 m\)/,
      ),
    ]);
  });
});

describe('script actions waiting for an event', () => {
  /** The P-1 (with an ESM unless `esm` is false) flies north past ROKS Bravo, which has a search and a fire-control radar. */
  const air = (script: string[], esm = true) =>
    scenario({
      units: [
        p1({ ...(esm ? { emitters: ESM } : {}), from: 'lat: 37.45, lon: 132.02', to: 'lat: 37.65, lon: 132.02', altM: 300 }),
        krShip({ extra: ['emitters: [{ id: mw08, type: search-radar }, { id: stir, type: fire-control-radar }]'] }),
      ],
      script,
    });
  const scriptWarnings = (text: string) => lint(text).filter((d) => d.path.startsWith('script'));

  it('warns when range-below names the ship as unit: (it is measured from the aircraft)', () => {
    const ds = scriptWarnings(
      air(['{ id: note, unit: kr-dd, do: judge, threatening: true, on: { event: range-below, unit: kr-dd, other: jp-p1, rangeM: 3000 } }']),
    );
    expect(ds.map((d) => [d.path, d.message])).toEqual([
      [
        'script[0].on.unit',
        expect.stringMatching(
          /^range-below is measured from an aircraft to a ship or vessel of another nation, so it never happens to "kr-dd", a ship\. Put the aircraft under unit: and the ship under other:/,
        ),
      ],
    ]);
  });

  it('warns when the aircraft never comes that close, and not when it does', () => {
    const within = (rangeM: number) =>
      air([`{ id: note, unit: kr-dd, do: judge, threatening: true, on: { event: range-below, unit: jp-p1, other: kr-dd, rangeM: ${rangeM} } }`]);
    expect(scriptWarnings(within(500)).map((d) => [d.path, d.message])).toEqual([
      ['script[0].on.rangeM', expect.stringMatching(/^no aircraft comes within 500 m of "kr-dd" \(aircraft "jp-p1"\) during the run/)],
    ]);
    expect(scriptWarnings(within(3000))).toEqual([]);
  });

  it('warns when fire-control-detected waits on a unit without an ESM, or on a lock nobody makes', () => {
    const noEsm = air(
      [
        '{ id: lock, at: 60, unit: kr-dd, do: emit, emitter: stir, mode: track, target: jp-p1 }',
        '{ id: say, unit: jp-p1, do: judge, threatening: true, on: { event: fire-control-detected, unit: jp-p1 } }',
      ],
      false,
    );
    expect(scriptWarnings(noEsm).map((d) => [d.path, d.message])).toEqual([
      ['script[1].on.unit', expect.stringMatching(/^fire-control-detected happens to a unit with an ESM, and "jp-p1" has none/)],
    ]);
    const lookThenCall = (mode: string) =>
      air([
        `{ id: look, at: 60, unit: kr-dd, do: emit, emitter: stir, mode: ${mode}, target: jp-p1 }`,
        '{ id: call, unit: jp-p1, do: hail, to: kr-dd, on: { event: fire-control-detected, unit: jp-p1 } }',
      ]);
    expect(scriptWarnings(lookThenCall('slewed')).map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^fire-control-detected needs a unit of another nation to hold a radar on "jp-p1" \(do: emit, mode: track, target: …\), and no script action does/,
      ),
    ]);
    expect(scriptWarnings(lookThenCall('track'))).toEqual([]);
  });

  it('warns when radar-detected waits on a unit with no ESM, and not when a foreign search radar is in view', () => {
    const call = '{ id: call, unit: jp-p1, do: hail, to: kr-dd, on: { event: radar-detected, unit: jp-p1, other: kr-dd } }';
    expect(scriptWarnings(air([call]))).toEqual([]);
    const ds = scriptWarnings(air([call], false));
    expect(ds.map((d) => d.message)).toEqual([expect.stringMatching(/^radar-detected happens to a unit with an ESM, and unit "jp-p1" has none/)]);
  });
});

describe('parameter overrides', () => {
  it('warns about a parameter the procedure does not have (a misspelling does nothing)', () => {
    const withParameter = (name: string) => scenario({ top: ['parameters:', `  ${name}: 5000`] });
    const text = withParameter('approachRangM');
    const ds = lint(text);
    expect(ds.map((d) => [d.path, d.line, d.message])).toEqual([
      [
        'parameters.approachRangM',
        lineOf(text, 'approachRangM'),
        expect.stringMatching(
          /^"approachRangM" is not a parameter of procedure cues-2014 \(its parameters are channelPriority, safeDistanceNorms, approachRangeM, replyDelayS, hqReplyTimeoutS\), so this value has no effect/,
        ),
      ],
    ]);
    expect(lint(withParameter('approachRangeM'))).toEqual([]);
  });

  it('lets a scenario set the calling order for itself, without a warning', () => {
    const text = scenario({ top: ['parameters:', '  channelPriority: ["121.5", "156.8", "243.0"]'] });
    expect(lint(text)).toEqual([]);
  });
});
