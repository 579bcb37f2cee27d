// Exports a trainer takes into other tools: CSV (spreadsheets), GeoJSON (GIS) and Tacview ACMI
// (the aviators' replay tool). Each is read back with an independent reader — the RFC 4180 rules,
// @placemarkio/check-geojson for RFC 7946, and an ACMI reader — and checked against the run.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getIssues } from '@placemarkio/check-geojson';
import { ROOT } from '../../src/cli/files';
import { analyse, cli, DEC_2018 } from './helpers';
import { logCsv, transmissionsCsv, TRANSMISSION_COLUMNS, LOG_COLUMNS } from '../../src/core/export/csv';
import { encounterGeoJson } from '../../src/core/export/geojson';
import { encounterAcmi, parseAcmi } from '../../src/core/export/acmi';
import { kinematicsAt } from '../../src/core/scenario/motion';
import type { Analysis } from '../../src/core/analysis/report';

/** RFC 4180 reader: quoted fields, doubled quotes, CRLF between records. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) throw new Error('the last record has no CRLF');
  return rows;
}

const shipped = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => join(ROOT, 'scenarios', f));
const runs: [string, Analysis][] = [
  ['dec-2018 jp', analyse(DEC_2018, { account: 'jp' })],
  ['dec-2018 rok', analyse(DEC_2018, { account: 'rok' })],
  ...shipped.filter((f) => f !== DEC_2018).map((f): [string, Analysis] => [f.replace(/^.*\//, ''), analyse(f)]),
];

describe('CSV', () => {
  test.each(runs)('%s: one row per call and recipient, every field read back as written', (_, a) => {
    const rows = readCsv(transmissionsCsv(a));
    expect(rows[0]).toEqual([...TRANSMISSION_COLUMNS]);
    const txs = a.run.log.flatMap((e) => (e.type === 'transmission' ? [e.tx] : []));
    expect(rows.length - 1).toBe(txs.reduce((n, tx) => n + Math.max(1, tx.recipients.length), 0));
    const col = (name: (typeof TRANSMISSION_COLUMNS)[number]) => TRANSMISSION_COLUMNS.indexOf(name);
    for (const r of rows.slice(1)) {
      expect(r.length).toBe(TRANSMISSION_COLUMNS.length);
      const tx = txs.find((x) => x.id === r[col('tx')])!;
      // Radio words with commas and quotes survive the round trip.
      expect(r[col('text')]).toBe(tx.text);
      expect(Number(r[col('t_s')])).toBeCloseTo(tx.t, 3);
      expect(new Date(r[col('utc')]!).getTime()).toBe(Date.parse(a.run.scenario.spec.start) + Math.round(tx.t * 1000));
    }
  });

  test.each(runs)('%s: the event log, a row per entry in order, its own fields as JSON', (_, a) => {
    const rows = readCsv(logCsv(a));
    expect(rows[0]).toEqual([...LOG_COLUMNS]);
    expect(rows.length - 1).toBe(a.run.log.length);
    const seqs = rows.slice(1).map((r) => Number(r[0]));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    for (const r of rows.slice(1)) expect(() => JSON.parse(r[LOG_COLUMNS.indexOf('details')]!)).not.toThrow();
  });

  test("December 2018: the failed 121.5 MHz calls say where they stopped, in the reader's language", () => {
    const a = runs[1]![1];
    const en = readCsv(transmissionsCsv(a, 'en'));
    const ko = readCsv(transmissionsCsv(a, 'ko'));
    const failed = en.slice(1).filter((r) => r[TRANSMISSION_COLUMNS.indexOf('failed_at')] !== '');
    expect(failed.length).toBeGreaterThan(0);
    const cause = TRANSMISSION_COLUMNS.indexOf('cause');
    const i = en.indexOf(failed[0]!);
    expect(en[i]![cause]).not.toBe('');
    expect(ko[i]![cause]).toMatch(/[\uac00-\ud7a3]/);
  });
});

describe('GeoJSON', () => {
  test.each(runs)('%s: valid RFC 7946, a position for every unit, a track for every unit that moves', (_, a) => {
    const fc = encounterGeoJson(a, { atS: a.run.durationS / 2 });
    expect(getIssues(JSON.stringify(fc))).toEqual([]);
    const sc = a.run.scenario;
    const positions = fc.features.filter((f) => f.properties?.feature === 'position');
    expect(positions.map((f) => f.properties!.id).sort()).toEqual(
      sc.units
        .filter((u) => sc.motion[u.id])
        .map((u) => u.id)
        .sort(),
    );
    for (const f of positions) {
      const k = kinematicsAt(sc.motion[String(f.properties.id)]!, a.run.durationS / 2);
      const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
      expect(lon).toBeCloseTo(k.lon, 6);
      expect(lat).toBeCloseTo(k.lat, 6);
    }
    for (const f of fc.features.filter((x) => x.properties?.feature === 'track')) {
      const coords = (f.geometry as { coordinates: number[][] }).coordinates;
      expect(coords.length).toBe((f.properties!.times_s as number[]).length);
      expect(coords.length).toBeGreaterThanOrEqual(2);
    }
  });

  test('areas are closed counter-clockwise polygons with their windows', () => {
    const a = analyse(join(ROOT, 'scenarios/notice-without-area.yaml'));
    const areas = encounterGeoJson(a).features.filter((f) => f.properties?.feature === 'area');
    expect(areas.length).toBe(a.run.scenario.spec.areas?.length ?? 0);
    expect(areas.length).toBeGreaterThan(0);
    for (const f of areas) {
      const ring = (f.geometry as { coordinates: number[][][] }).coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      let s = 0;
      for (let i = 0; i < ring.length - 1; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
      expect(s).toBeGreaterThan(0);
    }
  });
});

describe('Tacview ACMI', () => {
  test.each(runs)('%s: read back, every unit declared once and where the run puts it; every call and breakdown an event', (_, a) => {
    const text = encounterAcmi(a);
    const { header, records } = parseAcmi(text);
    expect(header.version).toBe('2.2');
    const sc = a.run.scenario;
    const global = records.filter((r) => r.id === '0');
    expect(global.find((r) => r.props.ReferenceTime)?.props.ReferenceTime).toBe(new Date(Date.parse(sc.spec.start)).toISOString().replace('.000Z', 'Z'));
    expect(global.find((r) => r.props.Title)?.props.Title).toBe(sc.spec.title);
    const objects = records.filter((r) => r.id !== '0');
    const declared = objects.filter((r) => r.props.Type);
    expect(declared.map((r) => r.props.Name).sort()).toEqual(
      sc.units
        .filter((u) => sc.motion[u.id])
        .map((u) => u.name)
        .sort(),
    );
    // Frames run forward.
    const times = records.map((r) => r.time);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    // Each object's position at a sample of frames is the run's.
    for (const r of objects.filter((_, i) => i % 17 === 0)) {
      const u = sc.units[parseInt(r.id, 16) - 1]!;
      const k = kinematicsAt(sc.motion[u.id]!, r.time);
      const [lon, lat] = r.props.T!.split('|').map(Number);
      expect(lon).toBeCloseTo(k.lon, 5);
      expect(lat).toBeCloseTo(k.lat, 5);
    }
    const messages = global.filter((r) => r.props.Event?.startsWith('Message|'));
    expect(messages.length).toBe(a.run.log.filter((e) => e.type === 'transmission').length);
    const bookmarks = global.filter((r) => r.props.Event?.startsWith('Bookmark|'));
    expect(bookmarks.length).toBe(a.breakdowns.length);
  });

  test('commas and line breaks in names and calls survive the round trip', () => {
    const a = runs[0]![1];
    const call = a.run.log.find((e) => e.type === 'transmission' && e.tx.text.includes(','));
    expect(call).toBeDefined();
    const { records } = parseAcmi(encounterAcmi(a));
    const said = records.filter((r) => r.props.Event?.startsWith('Message|')).map((r) => r.props.Event!);
    expect(said.some((e) => call?.type === 'transmission' && e.endsWith(call.tx.text))).toBe(true);
  });

  test('a file that is not ACMI is refused with its line', () => {
    expect(() => parseAcmi('hello\n')).toThrow(/line 1/);
    expect(() => parseAcmi('FileType=text/acmi/tacview\nFileVersion=2.2\n#x\n')).toThrow(/line 3/);
  });
});

describe('from the command line', () => {
  test('sim --format csv | csv-log | geojson | acmi write the same files as the app', () => {
    const a = runs[1]![1];
    const csv = cli('sim', [DEC_2018, '--account', 'rok', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(transmissionsCsv(a));
    const log = cli('sim', [DEC_2018, '--account', 'rok', '--format', 'csv-log']);
    expect(log.stdout).toBe(logCsv(a));
    const geo = cli('sim', [DEC_2018, '--account', 'rok', '--format', 'geojson', '--at', '600']);
    expect(getIssues(geo.stdout)).toEqual([]);
    expect(JSON.parse(geo.stdout)).toEqual(JSON.parse(JSON.stringify(encounterGeoJson(a, { atS: 600 }))));
    const acmi = cli('sim', [DEC_2018, '--account', 'rok', '--format', 'acmi']);
    expect(acmi.stdout).toBe(encounterAcmi(a));
    expect(cli('sim', [DEC_2018, '--format', 'geojson', '--at', 'soon']).code).toBe(1);
  });
});
