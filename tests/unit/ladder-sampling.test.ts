// Escalation ladders at scale: at every sampling moment a ship weighs each unit of another nation
// against its ladder's conditions, and passing over the pairs too far apart must change nothing.
// Each shortcut is checked against the plain way on random cases: `holds` against `evaluate`,
// `reachM` against the distances `evaluate` accepts, and a ladder sampled with the shortcuts
// (units found by latitude, pairs out of reach passed over) against the same ladder weighing every pair.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate, holds, reachM, type Condition, type ConditionWorld, type Place } from '../../src/core/procedure/conditions';
import { ladderTick, laddersOf, mayConcern, reachOf, type ByLatitude, type LadderState, type TickInput } from '../../src/core/units/escalation';
import { loadProcedure } from '../../src/core/procedure/load';
import { groundDistanceM } from '../../src/core/geo';
import { diskProcedures, ROOT } from '../../src/cli/files';
import { join } from 'node:path';
import type { UnitKind } from '../../src/core/kinds';

const SEED = Number(process.env['FUZZ_SEED'] ?? 4242);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 0);
const runs = (ci: number) => Math.max(ci, RUNS);

const UNITS = ['a', 'b', 'c'] as const;
const ref = fc.constantFrom('self', 'other', ...UNITS);
const metres = fc.oneof(fc.integer({ min: 1, max: 40_000 }), fc.constantFrom('rangeM', 'lowM', 'missingM'));
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ within: metres, between: fc.option(fc.tuple(ref, ref), { nil: undefined }) }, { requiredKeys: ['within'] }),
  fc.record({ beyond: metres, between: fc.option(fc.tuple(ref, ref), { nil: undefined }) }, { requiredKeys: ['beyond'] }),
  fc.record({ below: metres, of: fc.option(ref, { nil: undefined }) }, { requiredKeys: ['below'] }),
  fc.record({ above: metres, of: fc.option(ref, { nil: undefined }) }, { requiredKeys: ['above'] }),
  fc.record({ airborne: fc.boolean(), of: fc.option(ref, { nil: undefined }) }, { requiredKeys: ['airborne'] }),
) as fc.Arbitrary<Condition>;
const group = (inner: fc.Arbitrary<Condition>) =>
  fc.oneof(
    fc.record({ any: fc.array(inner, { minLength: 1, maxLength: 3 }) }),
    fc.record({ all: fc.array(inner, { minLength: 1, maxLength: 3 }) }),
  ) as fc.Arbitrary<Condition>;
const condition: fc.Arbitrary<Condition> = fc.oneof(leaf, group(fc.oneof(leaf, group(leaf))));

// Places near 37° N 131° E, within about 30 km of each other, so both sides of every threshold are met.
const place: fc.Arbitrary<Place> = fc.record({
  lat: fc.double({ min: 36.9, max: 37.1, noNaN: true }),
  lon: fc.double({ min: 130.85, max: 131.15, noNaN: true }),
  altM: fc.integer({ min: 0, max: 3000 }),
});
const world: fc.Arbitrary<ConditionWorld> = fc
  .record({
    places: fc.dictionary(fc.constantFrom('s', 'o', ...UNITS), place),
    flying: fc.subarray(['s', 'o', ...UNITS]),
    params: fc.record({ rangeM: fc.integer({ min: 1, max: 40_000 }), lowM: fc.integer({ min: 1, max: 3000 }) }),
  })
  .map(({ places, flying, params }) => ({
    self: 's',
    other: 'o',
    at: (id: string) => places[id],
    airborne: (id: string) => flying.includes(id),
    metres: (v: number | string) => (typeof v === 'number' ? v : (params as Record<string, number>)[v]),
  }));

describe('a condition weighed without its words', () => {
  it('holds exactly when evaluate says it holds', () => {
    fc.assert(
      fc.property(condition, world, (c, w) => holds(c, w) === evaluate(c, w).holds),
      { seed: SEED, numRuns: runs(2000) },
    );
  });

  it('never holds with the two units as far apart as its reach, or farther', () => {
    fc.assert(
      fc.property(condition, world, (c, w) => {
        const reach = reachM(c, w.metres);
        const here = w.at('s');
        const there = w.at('o');
        if (reach === undefined || !here || !there || Math.round(groundDistanceM(here, there)) < reach) return true;
        return !evaluate(c, w).holds;
      }),
      { seed: SEED, numRuns: runs(2000) },
    );
  });

  it('has a reach where every way of holding it needs the two units within a distance, and none where one does not', () => {
    const m = (v: number | string) => (v === 'rangeM' ? 18_520 : typeof v === 'number' ? v : undefined);
    expect(reachM({ any: [{ all: [{ airborne: true }, { within: 'rangeM' }] }, { all: [{ below: 457 }, { within: 9000 }] }] }, m)).toBe(18_520);
    expect(reachM({ all: [{ within: 9000 }, { within: 4000, between: ['other', 'self'] }] }, m)).toBe(4000);
    expect(reachM({ any: [{ within: 9000 }, { below: 457 }] }, m)).toBeUndefined();
    expect(reachM({ within: 9000, between: ['self', 'a'] }, m)).toBeUndefined();
  });
});

describe('a ladder sampled at scale', () => {
  const procedure = loadProcedure('rok-2019-guideline', join(ROOT, 'scenarios/jan-2019-flyby.yaml'), diskProcedures).procedure!;
  const ship = { id: 'ddg', nation: 'KR', kind: 'ship' as UnitKind, service: 'navy', canSend: ['156.8'], linkTo: {}, emitters: [] };
  const ladders = laddersOf(procedure, ship);
  const parameters: Record<string, number> = Object.fromEntries(
    Object.entries(procedure.parameters).flatMap(([k, p]) => (typeof p.value === 'number' ? [[k, p.value]] : [])),
  );

  it('binds the ship to a ladder whose every step needs the aircraft near (so the shortcuts are in play)', () => {
    expect(ladders.length).toBeGreaterThan(0);
    expect(reachOf(ladders[0]!, (v) => (typeof v === 'number' ? v : parameters[v])).every((r) => r !== undefined)).toBe(true);
  });

  const other = fc.record({ kind: fc.constantFrom<UnitKind>('aircraft', 'ship', 'aircraft'), nation: fc.constantFrom('JP', 'KR', 'JP') });
  // Each moment: where everyone is (a few far off, most within 40 km of the ship), and which calls were answered.
  const moment = (n: number) =>
    fc.record({
      places: fc.array(
        fc.record({
          lat: fc.double({ min: 36.8, max: 37.2, noNaN: true }),
          lon: fc.double({ min: 130.75, max: 131.25, noNaN: true }),
          altM: fc.integer({ min: 0, max: 2000 }),
        }),
        { minLength: n + 1, maxLength: n + 1 },
      ),
      answered: fc.boolean(),
    });
  const case_ = fc
    .array(other, { minLength: 1, maxLength: 25 })
    .chain((others) => fc.record({ others: fc.constant(others), moments: fc.array(moment(others.length), { minLength: 1, maxLength: 40 }) }));

  it('takes the same steps, in the same order, weighing only the units near enough as weighing every one', () => {
    fc.assert(
      fc.property(case_, ({ others, moments }) => {
        // The units the ship's ladder may concern, as the engine lists them.
        const units = others.map((o, i) => ({ id: `u${i}`, ...o })).filter((u) => mayConcern(ship, u));
        const run = (shortcuts: boolean) => {
          const state: LadderState = new Map();
          const said: unknown[] = [];
          moments.forEach((m, k) => {
            const where = new Map([ship.id, ...units.map((u) => u.id)].map((id, i) => [id, m.places[i]!]));
            const metres = (v: number | string) => (typeof v === 'number' ? v : parameters[v]);
            const input: TickInput = {
              now: k * 5,
              unit: ship,
              ladders,
              others: units,
              at: (id) => where.get(id),
              airborne: (id) => units.find((u) => u.id === id)?.kind === 'aircraft',
              metres,
              callChannel: '156.8',
              answered: () => m.answered,
              ...(shortcuts ? { byLatitude: byLatitude(units.map((u) => where.get(u.id)!)), reach: ladders.map((l) => reachOf(l, metres)) } : {}),
            };
            said.push(ladderTick(input, state));
          });
          // Where each pair stands: a pair never weighed stands where every pair starts.
          const standing = ladders.map((l) => units.map((_, i) => state.get(l.id)?.progress[i] ?? { step: 0, taken: 0, lastT: -Infinity, waiting: [] }));
          return { said, standing };
        };
        expect(run(true)).toEqual(run(false));
      }),
      { seed: SEED, numRuns: runs(150) },
    );
  });
});

function byLatitude(places: Place[]): ByLatitude {
  const order = Int32Array.from(places.map((_, i) => i).sort((a, b) => places[a]!.lat - places[b]!.lat));
  return { order, lat: Float64Array.from(places.map((p) => p.lat)), lon: Float64Array.from(places.map((p) => p.lon)), unplaced: [] };
}
