/**
 * Synthetic exercises for scale tests (issue #8): N units of both navies spread over a sea area,
 * aircraft flying racetrack patrols, ships on passage, a few headquarters with links, and a script
 * that keeps the radio busy the whole time (each aircraft hails a nearby foreign ship every few
 * minutes, some ships hold fire-control radar on a passing aircraft, now and then a call to all
 * stations). The result is a scenario YAML string, so a benchmark exercises the loader too.
 *
 * Pure and seeded: the same options give the same text, byte for byte.
 */
import { createRandom, type Random } from '../rng';
import { destination, groundDistanceM, type Position } from '../geo';
import { buildMotion, positionAt, type Motion } from '../scenario/motion';
import type { TrackSpec } from '../scenario/schema';
import { byCodePoint } from '../order';

export interface SyntheticOptions {
  /** Total units, headquarters included (at least 4). */
  units: number;
  /** Simulated seconds. Default one hour. */
  durationS?: number;
  seed?: number;
  /** Procedure id the scenario names. Default cues-2014. */
  procedure?: string;
  /** Mean seconds between one aircraft's calls. Default 300 (every five minutes). */
  hailEveryS?: number;
  /** Share of ships that carry a fire-control radar and use it once an hour. Default 0.1. */
  fireControlShare?: number;
  /** Calls to all stations per hour over the whole scenario. Default units / 100, at least 1. */
  allCallsPerHour?: number;
  /** Engine sampling step, seconds. Default 5 (the schema's default). */
  stepS?: number;
  /** Id of the scenario. Default synthetic-<units>-<seed>. */
  id?: string;
}

export interface SyntheticSummary {
  ships: number;
  aircraft: number;
  vessels: number;
  headquarters: number;
  links: number;
  scriptActions: number;
}

interface U {
  id: string;
  name: string;
  nation: 'JP' | 'KR';
  kind: 'ship' | 'aircraft' | 'headquarters' | 'vessel';
  service?: string;
  hull?: string;
  callSigns: string[];
  hq?: string;
  counterpart?: string;
  links: string[];
  radios: unknown[];
  emitters: unknown[];
  crew: Record<string, unknown>;
  activity?: string;
  platform?: Record<string, number>;
  track?: TrackSpec;
  position?: { lat: number; lon: number };
  motion?: Motion;
}

const CENTRE = { lat: 37.6, lon: 133.0 };

const RADIOS = {
  shipNavy: [
    { id: 'bridge', modulation: 'FM', channels: ['156.8', '156.65', '156.3'], tuned: '156.8' },
    { id: 'aero', modulation: 'AM', channels: ['121.5', '123.1'], tuned: '121.5' },
    { id: 'uhf', modulation: 'AM', channels: ['243.0'], tuned: '243.0' },
  ],
  shipBridgeOnly: [{ id: 'bridge', modulation: 'FM', channels: ['156.8', '156.65'], tuned: '156.8' }],
  aircraft: [
    { id: 'vuhf', modulation: 'AM', channels: ['121.5', '243.0', '123.1'], tuned: ['121.5', '243.0'], powerW: 20 },
    { id: 'marine', modulation: 'FM', channels: ['156.8', '156.65', '156.3'], tuned: '156.8' },
  ],
};

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

function pick<T>(r: Random, list: readonly T[]): T {
  return list[Math.floor(r.next() * list.length)]!;
}

function between(r: Random, lo: number, hi: number): number {
  return lo + (hi - lo) * r.next();
}

/** Side of the square sea area, metres: denser for few units, at most about the width of the sea between Japan and Korea. */
export function areaSideM(units: number): number {
  return Math.min(700_000, Math.max(60_000, 25_000 * Math.sqrt(units)));
}

function pointInArea(r: Random, sideM: number): { lat: number; lon: number } {
  const east = between(r, -sideM / 2, sideM / 2);
  const north = between(r, -sideM / 2, sideM / 2);
  const p = destination(CENTRE, 0, north);
  const q = destination(p, 90, east);
  return { lat: round(q.lat, 5), lon: round(q.lon, 5) };
}

/** Legs of a racetrack patrol covering the whole duration. */
function patrolLegs(r: Random, durationS: number): { courseDeg: number; speedKt: number; durationS: number; altM: number }[] {
  const course = Math.floor(between(r, 0, 360));
  const speed = Math.round(between(r, 180, 320));
  const longS = Math.round(between(r, 420, 900));
  const shortS = Math.round(between(r, 90, 180));
  const alt = Math.round(between(r, 150, 1500) / 50) * 50;
  const pattern = [
    { c: course, d: longS },
    { c: (course + 90) % 360, d: shortS },
    { c: (course + 180) % 360, d: longS },
    { c: (course + 270) % 360, d: shortS },
  ];
  const legs: { courseDeg: number; speedKt: number; durationS: number; altM: number }[] = [];
  let t = 0;
  for (let i = 0; t < durationS; i++) {
    const p = pattern[i % 4]!;
    const d = Math.min(p.d, durationS - t);
    // Now and then a long leg is flown lower or higher (descending to look, climbing away).
    const legAlt = i % 2 === 0 && r.next() < 0.3 ? Math.max(100, alt + (r.next() < 0.5 ? -1 : 1) * 300) : alt;
    legs.push({ courseDeg: p.c, speedKt: speed, durationS: Math.max(1, d), altM: legAlt });
    t += d;
  }
  return legs;
}

/** Legs of a ship on passage, turning now and then. */
function passageLegs(r: Random, durationS: number, maxKt: number): { courseDeg: number; speedKt: number; durationS: number }[] {
  const legs: { courseDeg: number; speedKt: number; durationS: number }[] = [];
  let course = Math.floor(between(r, 0, 360));
  const speed = Math.round(between(r, 3, maxKt));
  let t = 0;
  while (t < durationS) {
    const d = Math.min(Math.round(between(r, 1800, 7200)), durationS - t);
    legs.push({ courseDeg: course, speedKt: speed, durationS: Math.max(1, d) });
    t += d;
    course = Math.floor((course + between(r, -60, 60) + 360) % 360);
  }
  return legs;
}

export function generateScenario(opts: SyntheticOptions): { yaml: string; summary: SyntheticSummary } {
  const n = Math.max(4, Math.floor(opts.units));
  const durationS = opts.durationS ?? 3600;
  const seed = opts.seed ?? 1;
  const r = createRandom(seed).fork('synthetic');
  const hailEveryS = opts.hailEveryS ?? 300;
  const fcShare = opts.fireControlShare ?? 0.1;
  const allCallsPerHour = opts.allCallsPerHour ?? Math.max(1, Math.floor(n / 100));
  const side = areaSideM(n);

  // Headquarters: one per nation for small exercises, two per nation from 40 units up.
  const hqPerNation = n >= 40 ? 2 : 1;
  const units: U[] = [];
  const links: { id: string; name: string; kind: string; members: string[]; latencyS: number }[] = [];
  const hqs: Record<'JP' | 'KR', U[]> = { JP: [], KR: [] };
  for (let i = 0; i < hqPerNation; i++) {
    for (const nation of ['JP', 'KR'] as const) {
      const jp = nation === 'JP';
      const hq: U = {
        id: `${jp ? 'jmsdf' : 'rokn'}-hq${i + 1}`,
        name: jp ? `JMSDF headquarters ${i + 1}` : `ROK Navy headquarters ${i + 1}`,
        nation,
        kind: 'headquarters',
        callSigns: [jp ? `JMSDF HEADQUARTERS ${i + 1}` : `ROK NAVY HEADQUARTERS ${i + 1}`],
        links: [],
        radios: [],
        emitters: [],
        crew: { languages: jp ? { en: 0.8, ja: 1 } : { en: 0.8, ko: 1 }, workload: 0.3 },
        position: jp ? { lat: round(35.45 - i * 0.6, 4), lon: round(139.45 - i * 1.2, 4) } : { lat: round(35.1 + i * 0.8, 4), lon: round(128.7 + i * 0.4, 4) },
      };
      hqs[nation].push(hq);
      units.push(hq);
    }
  }
  for (let i = 0; i < hqPerNation; i++) {
    const a = hqs.JP[i]!;
    const b = hqs.KR[i]!;
    a.counterpart = b.id;
    b.counterpart = a.id;
    const id = `hq-channel-${i + 1}`;
    links.push({ id, name: `JMSDF–ROKN headquarters call channel ${i + 1}`, kind: 'hotline', members: [a.id, b.id], latencyS: 120 });
    a.links.push(id);
    b.links.push(id);
  }
  // One link per headquarters for its units (satellite for aircraft and ships alike).
  for (const nation of ['JP', 'KR'] as const) {
    for (const hq of hqs[nation]) {
      const id = `${hq.id}-net`;
      links.push({ id, name: `${hq.name} network`, kind: nation === 'JP' ? 'satellite' : 'fleet-net', members: [hq.id], latencyS: nation === 'JP' ? 30 : 20 });
      hq.links.push(id);
    }
  }
  const netOf = (hq: U) => links.find((l) => l.id === `${hq.id}-net`)!;

  const counters = { ship: 0, aircraft: 0, vessel: 0 };
  const rest = n - units.length;
  for (let i = 0; i < rest; i++) {
    const nation: 'JP' | 'KR' = i % 2 === 0 ? 'JP' : 'KR';
    const jp = nation === 'JP';
    const roll = r.next();
    const kind: U['kind'] = roll < 0.35 ? 'aircraft' : roll < 0.93 ? 'ship' : 'vessel';
    const hq = hqs[nation][Math.floor(i / 2) % hqPerNation]!;
    const lang = jp ? { en: round(between(r, 0.6, 0.95), 2), ja: 1 } : { en: round(between(r, 0.6, 0.95), 2), ko: 1 };
    const workload = round(between(r, 0.2, 0.6), 2);
    if (kind === 'aircraft') {
      const k = ++counters.aircraft;
      const u: U = {
        id: `${jp ? 'jp' : 'kr'}-air${k}`,
        name: jp ? `JMSDF P-3C ${k}` : `ROKN P-3 ${k}`,
        nation,
        kind,
        service: 'navy',
        callSigns: [jp ? `JAPAN NAVY AIRCRAFT ${k}` : `REPUBLIC OF KOREA NAVY AIRCRAFT ${k}`],
        hq: hq.id,
        links: [],
        radios: RADIOS.aircraft,
        emitters: [
          { id: 'radar', type: 'search-radar', rotationS: 6 },
          { id: 'esm', type: 'esm' },
        ],
        crew: { languages: lang, workload },
        activity: 'conducting routine surveillance',
        platform: { speedKt: 250 },
        track: { start: { ...pointInArea(r, side), altM: 300 }, legs: patrolLegs(r, durationS) },
      };
      netOf(hq).members.push(u.id);
      u.links.push(netOf(hq).id);
      units.push(u);
    } else if (kind === 'ship') {
      const k = ++counters.ship;
      const coastGuard = r.next() < 0.15;
      const hull = String((jp ? 100 : 900) + k);
      const fc = !coastGuard && r.next() < fcShare;
      const esm = !coastGuard && r.next() < 0.5;
      const u: U = {
        id: `${jp ? 'jp' : 'kr'}-ship${k}`,
        name: jp ? `JS Synthetic ${k}` : `ROKS Synthetic ${k}`,
        nation,
        kind,
        service: coastGuard ? 'coast-guard' : 'navy',
        hull,
        callSigns: coastGuard
          ? [jp ? `JAPAN COAST GUARD ${hull}` : `KOREA COAST GUARD ${hull}`]
          : [jp ? `JAPAN NAVY SHIP ${hull}` : `REPUBLIC OF KOREA NAVY SHIP ${hull}`],
        hq: hq.id,
        links: [],
        radios: coastGuard ? RADIOS.shipBridgeOnly : RADIOS.shipNavy,
        emitters: [
          { id: 'search', type: 'search-radar', rotationS: 3 },
          ...(fc ? [{ id: 'stir', type: 'fire-control-radar' }] : []),
          ...(esm ? [{ id: 'esm', type: 'esm' }] : []),
        ],
        crew: { languages: lang, workload, ...(r.next() < 0.3 ? { judgesThreatening: true } : {}) },
        activity: coastGuard ? 'on patrol' : pick(r, ['on passage', 'exercising', 'on patrol', 'conducting search and rescue']),
        platform: { antennaHeightM: Math.round(between(r, 15, 35)) },
        track: { start: pointInArea(r, side), legs: passageLegs(r, durationS, 20) },
      };
      if (!coastGuard) {
        netOf(hq).members.push(u.id);
        u.links.push(netOf(hq).id);
      } else delete u.hq;
      units.push(u);
    } else {
      const k = ++counters.vessel;
      const u: U = {
        id: `boat${k}`,
        name: `Fishing boat ${k}`,
        nation,
        kind,
        service: 'fishing',
        callSigns: [],
        links: [],
        radios: RADIOS.shipBridgeOnly,
        emitters: [],
        crew: { languages: { en: 0.3 }, workload: 0.3 },
        platform: { antennaHeightM: 4 },
        position: pointInArea(r, side),
      };
      units.push(u);
    }
  }

  // A headquarters none of whose units joined its network (a small exercise) has no network.
  for (const l of links.filter((x) => x.members.length < 2)) {
    const hq = units.find((u) => u.id === l.members[0])!;
    hq.links = hq.links.filter((id) => id !== l.id);
    links.splice(links.indexOf(l), 1);
  }

  // Motion, to pick nearby targets for the script.
  const noRef = () => ({ ...CENTRE, altM: 0 });
  for (const u of units) {
    if (u.track) u.motion = buildMotion(u.track, u.kind === 'aircraft' ? 300 : 25, noRef);
  }
  const ships = units.filter((u) => u.kind === 'ship');
  const aircraft = units.filter((u) => u.kind === 'aircraft');
  const nearest = (from: Position, t: number, among: U[], nation: string): U | undefined => {
    let best: U | undefined;
    let bestD = Infinity;
    for (const s of among) {
      if (s.nation === nation) continue;
      const d = groundDistanceM(from, positionAt(s.motion!, t));
      if (d < bestD) {
        bestD = d;
        best = s;
      }
    }
    return best;
  };

  const script: Record<string, unknown>[] = [];
  // Each aircraft calls the nearest foreign ship every few minutes.
  for (const a of aircraft) {
    let t = Math.round(between(r, 30, hailEveryS));
    let k = 0;
    while (t < durationS - 60) {
      const target = nearest(positionAt(a.motion!, t), t, ships, a.nation);
      if (target) {
        script.push({ id: `${a.id}-h${++k}`, at: t, unit: a.id, do: 'hail', to: target.id, text: 'REQUEST YOUR INTENTIONS' });
      }
      t += Math.round(between(r, hailEveryS * 0.6, hailEveryS * 1.4));
    }
  }
  // Ships with a fire-control radar hold it on the nearest foreign aircraft once an hour.
  for (const s of ships) {
    if (!(s.emitters as { id: string }[]).some((e) => e.id === 'stir')) continue;
    let t = Math.round(between(r, 60, 3600));
    let k = 0;
    while (t < durationS - 60) {
      const target = nearest(positionAt(s.motion!, t), t, aircraft, s.nation);
      if (target)
        script.push({
          id: `${s.id}-fc${++k}`,
          at: t,
          unit: s.id,
          do: 'emit',
          emitter: 'stir',
          mode: 'track',
          target: target.id,
          forS: Math.round(between(r, 20, 60)),
        });
      t += Math.round(between(r, 2400, 4800));
    }
  }
  // Now and then a ship calls all stations.
  const navyShips = ships.filter((s) => s.service === 'navy');
  const allCalls = Math.floor((allCallsPerHour * durationS) / 3600);
  for (let i = 0; i < allCalls && navyShips.length; i++) {
    const s = pick(r, navyShips);
    script.push({
      id: `all-${i + 1}`,
      at: Math.round(between(r, 60, durationS - 60)),
      unit: s.id,
      do: 'hail',
      to: 'all',
      channel: '156.8',
      text: 'SECURITE. GUNNERY EXERCISE IN PROGRESS, KEEP CLEAR',
    });
  }
  script.sort((a, b) => (a['at'] as number) - (b['at'] as number) || byCodePoint(String(a['id']), String(b['id'])));

  const id = opts.id ?? `synthetic-${n}-${seed}`;
  const yaml = emitYaml({
    id,
    title: `Synthetic exercise: ${n} units, ${round(durationS / 3600, 2)} h (seed ${seed})`,
    durationS,
    seed,
    procedure: opts.procedure ?? 'cues-2014',
    stepS: opts.stepS ?? 5,
    links,
    units,
    script,
  });
  return {
    yaml,
    summary: {
      ships: counters.ship,
      aircraft: counters.aircraft,
      vessels: counters.vessel,
      headquarters: hqPerNation * 2,
      links: links.length,
      scriptActions: script.length,
    },
  };
}

/** Block YAML at the top, each list item's values as JSON flow (valid YAML 1.2), compact and readable. */
function emitYaml(s: {
  id: string;
  title: string;
  durationS: number;
  seed: number;
  procedure: string;
  stepS: number;
  links: unknown[];
  units: U[];
  script: unknown[];
}): string {
  const j = (v: unknown) => JSON.stringify(v);
  const lines: string[] = [
    '# Generated by src/core/synthetic/generate.ts for scale tests; not an incident.',
    `id: ${s.id}`,
    `title: ${j(s.title)}`,
    'date: "2025-06-01"',
    'start: "2025-06-01T00:00:00+09:00"',
    `durationS: ${s.durationS}`,
    `location: { name: "Between Japan and the Korean Peninsula (synthetic)", lat: ${CENTRE.lat}, lon: ${CENTRE.lon} }`,
    `procedure: ${s.procedure}`,
    `seed: ${s.seed}`,
    `environment: { stepS: ${s.stepS} }`,
    'links:',
  ];
  for (const l of s.links) lines.push(`  - ${j(l)}`);
  lines.push('units:');
  for (const u of s.units) {
    lines.push(`  - id: ${u.id}`);
    lines.push(`    name: ${j(u.name)}`);
    lines.push(`    nation: ${u.nation}`);
    lines.push(`    kind: ${u.kind}`);
    if (u.service) lines.push(`    service: ${u.service}`);
    if (u.hull) lines.push(`    hull: ${j(u.hull)}`);
    if (u.callSigns.length) lines.push(`    callSigns: ${j(u.callSigns)}`);
    if (u.activity) lines.push(`    activity: ${j(u.activity)}`);
    if (u.hq) lines.push(`    headquarters: ${u.hq}`);
    if (u.counterpart) lines.push(`    counterpart: ${u.counterpart}`);
    if (u.links.length) lines.push(`    links: ${j(u.links)}`);
    if (u.platform) lines.push(`    platform: ${j(u.platform)}`);
    if (u.radios.length) {
      lines.push('    radios:');
      for (const x of u.radios) lines.push(`      - ${j(x)}`);
    }
    if (u.emitters.length) {
      lines.push('    emitters:');
      for (const x of u.emitters) lines.push(`      - ${j(x)}`);
    }
    lines.push(`    crew: ${j(u.crew)}`);
    if (u.position) lines.push(`    position: ${j(u.position)}`);
    if (u.track && !Array.isArray(u.track)) {
      lines.push('    track:');
      lines.push(`      start: ${j(u.track.start)}`);
      lines.push('      legs:');
      for (const leg of u.track.legs) lines.push(`        - ${j(leg)}`);
    }
  }
  lines.push(s.script.length ? 'script:' : 'script: []');
  for (const a of s.script) lines.push(`  - ${j(a)}`);
  return lines.join('\n') + '\n';
}
