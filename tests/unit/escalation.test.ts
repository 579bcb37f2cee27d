// Ladders of steps (procedure `step` rules): what the run shows of the ROK 2019 guideline under each
// account of 23 January 2019, the guide's escort ladder, and the conditions that trigger steps.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { simulate, buildReport } from '../../src/core';
import { diskProcedures, ROOT } from '../../src/cli/files';
import { evaluate, type Condition, type Place } from '../../src/core/procedure/conditions';
import { procedureSchema } from '../../src/core/procedure/schema';
import { analyse, tempFile } from './helpers';
import { guideFile } from './guide-example';
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const FLYBY = join(ROOT, 'scenarios/jan-2019-flyby.yaml');

const stepsOf = (r: ReturnType<typeof buildReport>, unit: string) => (r.ladders ?? []).filter((l) => l.unit === unit).flatMap((l) => l.steps);
const status = (r: ReturnType<typeof buildReport>, unit: string, rule: string) => stepsOf(r, unit).find((s) => s.rule === rule);

describe('23 January 2019: the ROK guideline ladder under each account', () => {
  const rok = buildReport(analyse(FLYBY, { account: 'rok' }));
  const jp = buildReport(analyse(FLYBY, { account: 'jp' }));

  it('the destroyer warns the aircraft about 20 times under both accounts, the guideline’s warning calls', () => {
    for (const r of [rok, jp]) {
      const warn = status(r, 'ddg', 'rok-2019-guideline/warn-call');
      expect(warn).toMatchObject({ status: 'taken', of: 20 });
      expect(warn!.taken).toBe(20);
      expect(r.transmissions.filter((t) => t.from === 'ddg' && t.text.includes('LEAVE YOUR ROUTE'))).toHaveLength(r === rok ? 21 : 20);
    }
  });

  it('only the ROK account’s lower flight sets off the high-intensity warning: its and-condition needs both the distance and the altitude', () => {
    expect(status(rok, 'ddg', 'rok-2019-guideline/high-intensity-warning')).toMatchObject({ status: 'taken', taken: 1 });
    const jpStep = status(jp, 'ddg', 'rok-2019-guideline/high-intensity-warning');
    expect(jpStep).toMatchObject({ status: 'not-taken', taken: 0 });
    expect(jpStep!.cause).toContain('below 100 m');
  });

  it('the tracker step of 1 February 2019 is set aside on 23 January under both accounts, so CUES finds no fire-control violation', () => {
    for (const r of [rok, jp]) {
      expect(status(r, 'ddg', 'rok-2019-guideline/tracker-illumination')).toMatchObject({ status: 'set-aside' });
      expect(r.breakdowns.filter((b) => b.rule === 'cues-2014/avoid-fire-control-radar')).toEqual([]);
    }
  });

  it('under the ROK account the aircraft does not answer and is blamed; under the Japanese account it answers and nobody is', () => {
    const omissions = rok.breakdowns.filter((b) => b.kind === 'omission' && b.rule === 'cues-2014/answer-calls');
    // Every call of the destroyer's that needed an answer: the 21 warnings and CUES's own safety calls.
    expect(omissions.length).toBe(rok.transmissions.filter((t) => t.from === 'ddg' && t.kind === 'hail').length);
    expect(omissions.length).toBeGreaterThanOrEqual(21);
    expect(new Set(omissions.map((b) => b.unit))).toEqual(new Set(['p3c']));
    expect(rok.breakdowns.filter((b) => b.kind === 'ladder').every((b) => b.stage === 'acknowledged' && b.unit === 'p3c')).toBe(true);
    expect(jp.breakdowns.filter((b) => b.rule === 'cues-2014/answer-calls' || b.kind === 'ladder')).toEqual([]);
    const answered = jp.transmissions.filter((t) => t.from === 'ddg' && t.recipients.some((x) => x.reached === 'acted-on'));
    expect(answered.length).toBeGreaterThanOrEqual(20);
  });

  it('the log names each step taken with the condition that held and its numbers', () => {
    const a = analyse(FLYBY, { account: 'rok' });
    const first = a.run.log.find((e) => e.type === 'decision' && e.rule === 'rok-2019-guideline/warn-call');
    expect(first && 'reason' in first ? first.reason : '').toMatch(/p3c below 457 m altitude \(\d+ m\)/);
  });
});

describe("the guide's escort ladder (9.7)", () => {
  const dir = dirname(tempFile('escort-ladder.yaml', guideFile('escort-ladder.yaml')));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const run = (text: string) => {
    const r = simulate({ file: write('escort-at-sea.yaml', text), text }, diskProcedures, {});
    if (!r.analysis) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    return buildReport(r.analysis);
  };
  const text = guideFile('escort-at-sea.yaml');

  it('takes more than 20 repeats of a step, then the next steps in order; CUES still judges the tracker pointed as a warning', () => {
    const r = run(text);
    expect(stepsOf(r, 'escort').map((s) => [s.rule, s.status, s.taken])).toEqual([
      ['escort-ladder/warn', 'taken', 25],
      ['escort-ladder/point-tracker', 'taken', 1],
      ['escort-ladder/turn-away', 'taken', 1],
    ]);
    expect(r.transmissions.filter((t) => t.from === 'escort' && t.text.includes('STANDING INTO DANGER'))).toHaveLength(25);
    const fc = r.breakdowns.find((b) => b.rule === 'cues-2014/avoid-fire-control-radar');
    expect(fc).toMatchObject({ kind: 'violation', unit: 'escort' });
    expect(r.breakdowns.some((b) => b.kind === 'omission' && b.unit === 'destroyer')).toBe(true);
  });

  it('reports to headquarters as a step over its link, and records the step as impossible without one', () => {
    const reportStep = [
      '  - id: report',
      '    type: step',
      '    ladder: keep-clear',
      '    title: Report to headquarters',
      '    text: Report the ship to headquarters.',
      '    appliesTo: [ship]',
      '    trigger: { within: warnRangeM }',
      '    action: { do: report, message: "SHIP CLOSING, {reason}" }',
      '',
    ].join('\n');
    const procedure = guideFile('escort-ladder.yaml').replace('  - id: point-tracker\n', `${reportStep}  - id: point-tracker\n`);
    write('escort-ladder.yaml', procedure);
    try {
      const linked = run(
        text
          .replace('    callSigns: [KOREAN WARSHIP]\n', '    callSigns: [KOREAN WARSHIP]\n    headquarters: kr-hq\n    links: [kr-net]\n')
          .concat(
            '  - { id: kr-hq, name: ROK Navy headquarters, nation: KR, kind: headquarters, callSigns: [KOREAN NAVY HEADQUARTERS], links: [kr-net] }\n',
            'links:\n  - { id: kr-net, name: Fleet net, kind: fleet-net, members: [escort, kr-hq] }\n',
          ),
      );
      expect(status(linked, 'escort', 'escort-ladder/report')).toMatchObject({ status: 'taken', taken: 1 });
      expect(linked.transmissions.find((t) => t.from === 'escort' && t.to === 'kr-hq')?.text).toContain('SHIP CLOSING');
      const alone = run(text);
      expect(status(alone, 'escort', 'escort-ladder/report')).toMatchObject({ status: 'cannot' });
      // A step that could not be taken does not hold the ladder up.
      expect(status(alone, 'escort', 'escort-ladder/point-tracker')?.status).toBe('taken');
    } finally {
      write('escort-ladder.yaml', guideFile('escort-ladder.yaml'));
    }
  });

  it('reports a tracker scripted before the warnings as out of order', () => {
    expect(text).not.toContain('script:');
    const r = run(`${text}script:\n  - { at: 30, unit: escort, do: emit, emitter: tracker, mode: track, target: destroyer, forS: 20 }\n`);
    expect(status(r, 'escort', 'escort-ladder/point-tracker')).toMatchObject({ status: 'out-of-order', t: 30 });
  });

  it('fires its or-condition on the branch between two other units (the destroyer near the tanker) when the escort’s own distance never counts', () => {
    const r = run(text.replace('procedure: cues-2014\n', 'procedure: cues-2014\nparameters: { warnRangeM: 10 }\n'));
    const warn = status(r, 'escort', 'escort-ladder/warn')!;
    expect(warn.status).toBe('taken');
    expect(warn.cause).toMatch(/tanker within 2000 m of destroyer|destroyer within 2000 m of tanker/);
    // Nothing is within 10 m, so the tracker step's within 1852 m still decides the rest.
    expect(warn.cause).not.toContain('of escort');
  });
});

describe('conditions', () => {
  const at: Record<string, Place> = {
    a: { lat: 35, lon: 129, altM: 0 },
    b: { lat: 35.02, lon: 129, altM: 300 }, // ~2.2 km north of a
    c: { lat: 35.2, lon: 129, altM: 50 }, // ~22 km north of a
  };
  const world = (other: string) => ({
    self: 'a',
    other,
    at: (id: string) => at[id],
    airborne: (id: string) => (at[id]?.altM ?? 0) > 0,
    metres: (v: number | string) => (typeof v === 'number' ? v : undefined),
  });
  const or: Condition = { any: [{ within: 5556 }, { below: 100 }] };
  const and: Condition = { all: [{ within: 5556 }, { below: 100 }] };

  it('an or-condition holds on either branch, and not when neither holds', () => {
    expect(evaluate(or, world('b')).holds).toBe(true); // near, high
    expect(evaluate(or, world('c')).holds).toBe(true); // far, low
    at['d'] = { lat: 35.2, lon: 129, altM: 900 };
    expect(evaluate(or, world('d')).holds).toBe(false); // far, high
  });

  it('an and-condition needs both', () => {
    expect(evaluate(and, world('b')).holds).toBe(false);
    expect(evaluate(and, world('c')).holds).toBe(false);
    at['e'] = { lat: 35.01, lon: 129, altM: 60 };
    const v = evaluate(and, world('e'));
    expect(v.holds).toBe(true);
    expect(v.because.join('; ')).toMatch(/e within 5556 m of a \(\d+ m\); e below 100 m altitude \(60 m\)/);
  });

  it('tells an aircraft from a ship, so a ship low on the water is not taken for a low flyer', () => {
    const lowFlyer: Condition = { all: [{ airborne: true }, { below: 457 }] };
    expect(evaluate(lowFlyer, world('e')).holds).toBe(true);
    at['ship'] = { lat: 35.01, lon: 129, altM: 0 };
    expect(evaluate(lowFlyer, world('ship')).holds).toBe(false);
    expect(evaluate({ below: 457 }, world('ship')).holds).toBe(true);
  });

  it('measures between any two units, aircraft and aircraft as well as ships', () => {
    expect(evaluate({ within: 3000, between: ['b', 'c'] }, world('b')).holds).toBe(false);
    expect(evaluate({ within: 25000, between: ['b', 'c'] }, world('b')).holds).toBe(true);
  });

  it('repeats are bounded at 500, far above the old limit of 20', () => {
    const base = { id: 'p', title: 'p' };
    const step = (repeat: number) => ({
      ...base,
      rules: [
        { id: 's', type: 'step', ladder: 'l', title: 't', text: 't', trigger: { within: 10 }, repeat, action: { do: 'manoeuvre', manoeuvre: 'turn-away' } },
      ],
    });
    expect(procedureSchema.safeParse(step(200)).success).toBe(true);
    expect(procedureSchema.safeParse(step(501)).success).toBe(false);
    expect(procedureSchema.safeParse({ ...base, hailing: { attempts: 60 } }).success).toBe(true);
    expect(procedureSchema.safeParse({ ...base, hailing: { attempts: 501 } }).success).toBe(false);
  });
});
