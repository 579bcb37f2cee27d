/**
 * Issue 14 item 3: calls by description. A listener takes "UNIDENTIFIED WARSHIP IN POSITION …,
 * COURSE …" for itself when it fits its kind, position and course at that moment; the meant unit
 * may not (the caller misjudged its course), and another may. The analysis says which, at
 * `understood`, with the cause.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { simulate, buildReport, type Analysis } from '../../src/core';
import { diskProcedures, ROOT } from '../../src/cli/files';
import { formatText } from '../../src/core/format/text';
import { formatMarkdown } from '../../src/core/format/markdown';
import { kinematicsAt } from '../../src/core/scenario/motion';
import { courseDifference, describedAddressee, fitsDescription, DESCRIPTION_COURSE_WITHIN_DEG } from '../../src/core/radio/description';
import { analyse } from './helpers';
import { checkFile } from '../../src/core/check';

const FILE = join(ROOT, 'scenarios/call-by-description.yaml');
const TEXT = readFileSync(FILE, 'utf8');

function variant(edit: (text: string) => string): Analysis {
  const r = simulate({ file: join(ROOT, 'scenarios/variant.yaml'), text: edit(TEXT) }, diskProcedures);
  if (!r.analysis) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.analysis;
}

const described = (a: Analysis) => a.run.transmissions.find((t) => t.description)!;
const pad = (deg: number) => String(Math.round(deg) % 360).padStart(3, '0');

describe('call-by-description: the meant ship does not recognise itself, another takes the call', () => {
  const a = analyse(FILE);
  const tx = described(a);
  const report = buildReport(a);

  it('names its station by what the caller saw, not by a name', () => {
    expect(tx.addressee).toBe(describedAddressee(tx.description!));
    expect(tx.text).toMatch(/^UNIDENTIFIED WARSHIP IN POSITION .*, COURSE 090, THIS IS /);
  });

  it('fails at understood for the meant unit, because its course was not the one said', () => {
    const meant = report.transmissions.find((t) => t.id === tx.id)!.recipients.find((r) => r.unit === tx.to)!;
    const steered = kinematicsAt(a.run.scenario.motion[tx.to]!, tx.t).headingDeg;
    expect(courseDifference(steered, tx.description!.courseDeg!)).toBeGreaterThan(DESCRIPTION_COURSE_WITHIN_DEG);
    expect(meant.failedAt).toBe('understood');
    expect(meant.cause).toBe(`the description did not fit: course said 090, it steered ${pad(steered)} (more than ${DESCRIPTION_COURSE_WITHIN_DEG}° off)`);
    const b = report.breakdowns.find((x) => x.transmission === tx.id && x.unit === tx.to)!;
    expect(b.stage).toBe('understood');
    expect(b.explanation).toContain('did not take it for itself');
  });

  it('is taken by another unit that fits, which answers; the analysis blames that unit at understood', () => {
    const takers = a.run.log.filter((e) => e.type === 'reception' && e.tx === tx.id && e.result.unit !== tx.to && e.result.reached === 'understood');
    expect(takers).toHaveLength(1);
    const other = takers[0]!.type === 'reception' ? takers[0]!.result.unit : '';
    const k = kinematicsAt(a.run.scenario.motion[other]!, tx.t);
    expect(courseDifference(k.headingDeg, tx.description!.courseDeg!)).toBeLessThanOrEqual(DESCRIPTION_COURSE_WITHIN_DEG);
    // Its answer settles the caller's call: the caller thinks the ship it meant has answered.
    expect(a.run.log.some((e) => e.type === 'answered' && e.tx === tx.id && e.unit === other)).toBe(true);
    const b = report.breakdowns.find((x) => x.transmission === tx.id && x.unit === other)!;
    expect(b.stage).toBe('understood');
    expect(b.cause).toMatch(new RegExp(`^took a call by description meant for ${tx.to} for itself: the description fitted it`));
    const name = (id: string) => a.run.scenario.units.find((u) => u.id === id)!.name;
    const words = `meaning ${name(tx.to)}; ${name(other)} took it for itself`;
    expect(formatText(a)).toContain(words);
    expect(formatMarkdown(a)).toContain(words);
  });

  it('reaches nobody else: a unit the description does not fit is no recipient', () => {
    const recipients = report.transmissions.find((t) => t.id === tx.id)!.recipients.map((r) => r.unit);
    expect(recipients.includes(tx.from)).toBe(false);
    expect(recipients.length).toBe(2);
  });
});

describe('a description that fits the meant unit alone', () => {
  it('is taken by the meant unit and answered, with nothing to report', () => {
    const a = variant((t) => t.replace('courseDeg: 90\n', 'courseDeg: 130\n'));
    const tx = described(a);
    const r = buildReport(a).transmissions.find((t) => t.id === tx.id)!;
    expect(r.recipients.map((x) => [x.unit, x.failedAt])).toEqual([[tx.to, null]]);
    expect(buildReport(a).breakdowns).toEqual([]);
  });
});

describe('fitting a description', () => {
  const self = { kind: 'ship', service: 'navy', lat: 37.3, lon: 133, courseDeg: 95, speedKt: 12 };
  it('checks kind, service, position and course, and says which did not fit', () => {
    expect(fitsDescription({ kind: 'aircraft' }, self)).toMatchObject({
      fits: false,
      why: 'the description did not fit: it said aircraft, the listener is a ship',
    });
    expect(fitsDescription({ kind: 'ship', service: 'coast-guard' }, self).fits).toBe(false);
    expect(fitsDescription({ near: { lat: 37.4, lon: 133, withinM: 5000 } }, self).why).toMatch(/11\.1 km from the listener, more than the 5\.0 km/);
    expect(fitsDescription({ courseDeg: 90 }, self).fits).toBe(true);
    expect(fitsDescription({ courseDeg: 90, courseWithinDeg: 3 }, self).why).toBe(
      'the description did not fit: course said 090, it steered 095 (more than 3° off)',
    );
    // "ship" covers a vessel that is no warship, as the words do.
    expect(fitsDescription({ kind: 'ship' }, { ...self, kind: 'vessel' }).fits).toBe(true);
  });
  it('says the description in words', () => {
    expect(describedAddressee({ kind: 'ship', service: 'navy', near: { lat: 37.31, lon: 132.99, withinM: 3000 }, courseDeg: 5 })).toBe(
      'UNIDENTIFIED WARSHIP IN POSITION 37 18.6 NORTH 132 59.4 EAST, COURSE 005',
    );
    expect(describedAddressee({ kind: 'aircraft' })).toBe('UNIDENTIFIED AIRCRAFT');
    expect(describedAddressee({ kind: 'ship', service: 'coast-guard' })).toBe('UNIDENTIFIED COAST GUARD SHIP');
    expect(courseDifference(350, 10)).toBe(20);
  });
});

describe('the checker', () => {
  const warnings = (text: string) =>
    checkFile({ file: join(ROOT, 'scenarios/variant.yaml'), text }, diskProcedures)
      .filter((d) => d.severity === 'warning')
      .map((d) => d.message);

  it('warns when a call by description fits no station at the moment it is made, saying why it does not fit the meant unit', () => {
    const w = warnings(TEXT.replace('courseDeg: 90\n', 'courseDeg: 200\n'));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(
      /^at t = 180 s, when this call is made, its description fits no station; for "kr-ddg", the description did not fit: course said 200, it steered 130/,
    );
  });

  it('says nothing when another station fits, as in the shipped scenario', () => {
    expect(warnings(TEXT)).toEqual([]);
  });
});
