/**
 * The encounter as a Tacview ACMI 2.2 text recording, so it opens in the replay tool many
 * aviators already debrief in: every ship and aircraft as an object moving along its track (a
 * frame at each track vertex and every `stepS` seconds between), each radio call as a message
 * event on its originator, and each breakdown as a bookmark. Headquarters ashore are placed as
 * static objects. Colours follow the app's (Japan blue, Korea red, others grey); no side is
 * labelled friend or foe.
 *
 * The format: a two-line header; then `0,Key=Value` global properties; `#seconds` frames;
 * `id,Prop=Value,…` object updates with hexadecimal ids; `-id` removals. A comma in a value is
 * written `\,` and a line break `\` at the end of the line.
 */
import type { Analysis } from '../analysis/report';
import type { UnitSpec } from '../scenario/schema';
import { kinematicsAt } from '../scenario/motion';
import { traitsOf } from '../kinds';
import { utcAt } from './csv';

/** An ACMI value: commas escaped, line breaks as backslash-newline. */
export function acmiText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/\r?\n/g, '\\\n');
}

const NATION_COLOUR: Record<string, string> = { JP: 'Blue', KR: 'Red' };
const COUNTRY: Record<string, string> = { JP: 'jp', KR: 'kr', US: 'us', CN: 'cn', RU: 'ru', KP: 'kp' };

function acmiType(u: UnitSpec): string {
  const traits = traitsOf(u);
  if (traits.element === 'air') return 'Air+FixedWing';
  if (traits.element === 'shore') return 'Ground+Static+Building';
  return traits.bound === 'always' ? 'Sea+Watercraft+Warship' : 'Sea+Watercraft';
}

const num = (x: number, d: number) => String(Math.round(x * 10 ** d) / 10 ** d);

export interface AcmiOptions {
  /** Seconds between frames along a straight leg (default 10). */
  stepS?: number;
}

export function encounterAcmi(a: Analysis, opts: AcmiOptions = {}): string {
  const sc = a.run.scenario;
  const start = sc.spec.start;
  const end = a.run.durationS;
  const step = Math.max(1, opts.stepS ?? 10);
  const lines = ['FileType=text/acmi/tacview', 'FileVersion=2.2'];
  const global = (k: string, v: string) => lines.push(`0,${k}=${acmiText(v)}`);
  global('ReferenceTime', utcAt(start, 0).replace(/\.000Z$/, 'Z'));
  global('Title', sc.spec.title);
  global('DataSource', 'encounter-sim');
  global('Author', 'encounter-sim');
  global('Comments', `account: ${sc.account ?? 'none'}; procedure: ${sc.procedure.id}; seed: ${a.run.seed}`);

  // Object ids: 1-based in the scenario's order, in hexadecimal as the format asks.
  const idOf = new Map(sc.units.map((u, i) => [u.id, (i + 1).toString(16)]));
  const times = new Set<number>([0, end]);
  for (let t = 0; t < end; t += step) times.add(Math.round(t * 100) / 100);
  for (const u of sc.units) for (const t of sc.motion[u.id]?.t ?? []) if (t > 0 && t < end) times.add(t);
  const events = new Map<number, string[]>();
  const event = (t: number, text: string) => {
    times.add(t);
    const list = events.get(t) ?? [];
    list.push(text);
    events.set(t, list);
  };
  for (const e of a.run.log) {
    if (e.type !== 'transmission') continue;
    const obj = idOf.get(e.tx.from);
    if (obj) event(e.t, `0,Event=Message|${obj}|${acmiText(`${e.tx.id} ${e.tx.channel}: ${e.tx.text}`)}`);
  }
  for (const b of a.breakdowns) event(b.t, `0,Event=Bookmark|${acmiText(`${b.id}: ${b.explanation}`)}`);

  const declared = new Set<string>();
  for (const t of [...times].sort((x, y) => x - y)) {
    lines.push(`#${num(t, 2)}`);
    for (const u of sc.units) {
      const m = sc.motion[u.id];
      const obj = idOf.get(u.id);
      if (!m || !obj) continue;
      const k = kinematicsAt(m, t);
      const air = traitsOf(u).element === 'air';
      const props = [`T=${num(k.lon, 7)}|${num(k.lat, 7)}|${num(air ? k.altM : 0, 1)}|0|0|${num(k.headingDeg, 1)}`];
      if (!declared.has(u.id)) {
        declared.add(u.id);
        props.push(
          `Type=${acmiType(u)}`,
          `Name=${acmiText(u.name)}`,
          `CallSign=${acmiText(u.callSigns[0] ?? u.id)}`,
          `Color=${NATION_COLOUR[u.nation] ?? 'Grey'}`,
          `Coalition=${acmiText(u.nation)}`,
          ...(COUNTRY[u.nation] ? [`Country=${COUNTRY[u.nation]}`] : []),
          ...(u.hull ? [`Registration=${acmiText(u.hull)}`] : []),
        );
      }
      lines.push(`${obj},${props.join(',')}`);
    }
    lines.push(...(events.get(t) ?? []));
  }
  return lines.join('\n') + '\n';
}

/** One object update or global line as a reader sees it: the id and its properties, escapes undone. */
export interface AcmiRecord {
  time: number;
  id: string;
  props: Record<string, string>;
}

/**
 * Reads an ACMI 2.2 text recording back (what Tacview's reader does with the lines this module
 * writes): header checked, frames, object updates and global lines with escaped commas and
 * continued lines. Throws with the line number on anything it cannot read.
 */
export function parseAcmi(text: string): { header: { fileType: string; version: string }; records: AcmiRecord[] } {
  const raw = text.replace(/^\uFEFF/, '').split('\n');
  // Join continued lines (a value's line break is a backslash at the end of a line).
  const lines: { n: number; s: string }[] = [];
  for (let i = 0; i < raw.length; i++) {
    let s = raw[i]!;
    const n = i + 1;
    while (/(^|[^\\])(\\\\)*\\$/.test(s) && i + 1 < raw.length) s = s.slice(0, -1) + '\n' + raw[++i]!;
    lines.push({ n, s });
  }
  const [ft, fv] = lines;
  if (ft?.s !== 'FileType=text/acmi/tacview') throw new Error(`line 1: not an ACMI text file: ${ft?.s}`);
  if (!fv || !/^FileVersion=2\.\d+$/.test(fv.s)) throw new Error(`line 2: expected FileVersion=2.x, got ${fv?.s}`);
  const records: AcmiRecord[] = [];
  let time = 0;
  for (const { n, s } of lines.slice(2)) {
    if (s === '' || s.startsWith('//')) continue;
    if (s.startsWith('#')) {
      time = Number(s.slice(1));
      if (!Number.isFinite(time)) throw new Error(`line ${n}: bad frame time ${s}`);
      continue;
    }
    if (s.startsWith('-')) continue;
    const fields: string[] = [];
    let cur = '';
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (c === '\\' && i + 1 < s.length) cur += s[++i]!;
      else if (c === ',') {
        fields.push(cur);
        cur = '';
      } else cur += c;
    }
    fields.push(cur);
    const id = fields.shift()!;
    if (!/^[0-9a-fA-F]+$/.test(id)) throw new Error(`line ${n}: bad object id ${id}`);
    const props: Record<string, string> = {};
    for (const f of fields) {
      const eq = f.indexOf('=');
      if (eq <= 0) throw new Error(`line ${n}: property without '=': ${f}`);
      props[f.slice(0, eq)] = f.slice(eq + 1);
    }
    records.push({ time, id, props });
  }
  return { header: { fileType: 'text/acmi/tacview', version: fv.s.slice('FileVersion='.length) }, records };
}
