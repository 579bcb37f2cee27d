// Issue #12, item 2: the procedure is the machine. A procedure file with a unit kind's posture
// compiles to the unit's XState machine; the run, the failure paths, step mode and the export
// all read that one machine.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createActor } from 'xstate';
import { analyse, DEC_2018, tempFile, cli } from './helpers';
import { ROOT } from '../../src/cli/files';
import type { Procedure } from '../../src/core/procedure/load';
import type { StateConfig, TransitionConfig, UnitMachineConfig } from '../../src/core/procedure/compile';
import { configFor, postures } from '../../src/core/units';
import { machineOf } from '../../src/core/units/unit-machine';
import { edgesOf, machineDot, machineJson, machineMermaid } from '../../src/core/procedure/compile-export';
import { pathsForRun } from '../../src/core/paths/paths';
import { contextOf } from '../../src/core/paths/exchange';

const PROCEDURES = ['cues-2014', 'practice-2018', 'jp-rok-2024'];
const KINDS = Object.keys(postures) as (keyof typeof postures)[];
const procedureOf = (id: string) => analyse(DEC_2018, { account: 'rok', procedure: id }).run.scenario.procedure;
const comms = (c: UnitMachineConfig) => c.states.comms;
const list = (t: TransitionConfig | TransitionConfig[] | undefined) => (t === undefined ? [] : Array.isArray(t) ? t : [t]);
const targets = (s: StateConfig | undefined, event: string) => list(s?.on?.[event]).map((t) => t.target ?? '(stays)');
const naval = (kind: keyof typeof postures) => ({ kind, service: 'navy' });

describe('each shipped procedure × unit kind compiles to the states and transitions its data implies', () => {
  for (const id of PROCEDURES) {
    const p = procedureOf(id);
    for (const kind of KINDS) {
      it(`${id} × ${kind}`, () => {
        const c = configFor(p, naval(kind));
        const calling = comms(c).states!['calling']!;
        // The hailing plan: a repeating state only when there are more than two calls.
        expect(Object.keys(calling.states!)).toEqual(
          p.hailing.attempts >= 3 ? ['first-call', 'repeating', 'last-call'] : p.hailing.attempts === 2 ? ['first-call', 'last-call'] : ['last-call'],
        );
        const bound = kind !== 'vessel';
        const binds = (type: string) => bound && p.rules.some((r) => r.type === type && (r.appliesTo as string[]).includes(kind));
        // Answering exists, and a call leads to it, only where a reply or say-again rule binds the unit.
        const answers = binds('reply') || binds('say-again');
        expect('answering' in comms(c).states!).toBe(answers);
        expect(targets(comms(c).states!['listening'], 'call').includes('answering')).toBe(answers);
        // A sensed trigger leads to calling only where a hail rule of this kind acts on it.
        for (const t of ['fire-control-detected', 'unsafe-approach', 'aircraft-approach']) {
          const rules = p.rules.filter((r) => bound && 'when' in r && (r.when as string[]).includes(t) && (r.appliesTo as string[]).includes(kind));
          const to = targets(comms(c).states!['listening'], `trigger.${t}`);
          expect(to.length > 0).toBe(rules.length > 0);
          expect(to.some((x) => x.startsWith('calling.'))).toBe(rules.some((r) => r.type === 'hail'));
        }
        // No wildcard, no eventless transitions: every transition names its event.
        expect(edgesOf(c).some((e) => e.event === '*')).toBe(false);
        expect(JSON.stringify(c)).not.toMatch(/"always"|"after"|"invoke"/);
      });
    }
  }

  it('fewer attempts, fewer calling states; a guard rule gives a start transition', () => {
    const p = procedureOf('jp-rok-2024');
    const one: Procedure = { ...p, hailing: { ...p.hailing, attempts: 1 } };
    expect(Object.keys(comms(configFor(one, naval('ship'))).states!['calling']!.states!)).toEqual(['last-call']);
    const guards = p.rules.some((r) => r.type === 'guard' && (r.appliesTo as string[]).includes('ship'));
    expect('start' in (comms(configFor(p, naval('ship'))).states!['listening']!.on ?? {})).toBe(guards);
    const none: Procedure = { ...p, rules: p.rules.filter((r) => r.type !== 'guard') };
    expect('start' in (comms(configFor(none, naval('ship'))).states!['listening']!.on ?? {})).toBe(false);
  });
});

describe('the exported machine', () => {
  const p = procedureOf('cues-2014');
  const c = configFor(p, naval('ship'));

  it('is JSON with guards and actions by name, and the same JSON builds a machine that runs', () => {
    const parsed = JSON.parse(machineJson(c)) as UnitMachineConfig;
    expect(parsed).toEqual(c);
    const ctx = analyse(DEC_2018, { account: 'jp' }).run.scenario;
    const ship = ctx.units.find((u) => u.kind === 'ship')!;
    const actor = createActor(machineOf(parsed), {
      input: contextOf(p, { id: ship.id, name: ship.name, nation: ship.nation, kind: 'ship' }, ['156.8']),
    }).start();
    actor.send({ type: 'script', action: { do: 'hail', id: 'x', unit: ship.id, to: 'p1', safety: true } as never });
    expect(actor.getSnapshot().value).toEqual({ posture: 'on-mission', comms: { calling: 'first-call' } });
  });

  it('as Mermaid and DOT names every state', () => {
    const mmd = machineMermaid(c);
    const dot = machineDot(c);
    expect(mmd.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const s of ['listening', 'first-call', 'repeating', 'last-call', 'answering', 'on-mission', 'threatened']) {
      expect(mmd).toContain(`"${s}"`);
      expect(dot).toContain(s);
    }
  });

  it('npm run machine prints usage with --help and refuses an unknown unit', () => {
    const help = cli('machine', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--unit <id>/);
    const bad = cli('machine', [DEC_2018, '--unit', 'nobody', '--account', 'jp']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no unit "nobody"/);
  });
});

describe('failure paths come from the machines compiled from the procedure file', () => {
  it('a procedure file with fewer attempts gives fewer paths, with no code changed', () => {
    const text = readFileSync(join(ROOT, 'procedures/cues-2014.yaml'), 'utf8');
    expect(text).toMatch(/\n {2}attempts: 3\n/);
    const two = tempFile('cues-2014.yaml', text.replace(/\n {2}attempts: 3\n/, '\n  attempts: 2\n'));
    const total = (procedure: string) => pathsForRun(analyse(DEC_2018, { account: 'jp', procedure })).models.map((m) => m.set.total);
    const before = total('cues-2014');
    const after = total(two);
    expect(after).toHaveLength(before.length);
    after.forEach((n, i) => expect(n).toBeLessThan(before[i]!));
  });
});
