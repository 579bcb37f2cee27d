import { describe, expect, it } from 'vitest';
import { linkTable } from '../../src/core/scenario/link-table';
import { linkToward } from '../../src/core/units/links';

const links = [
  { id: 'ops-net', members: ['hq', 'ship-a', 'ship-b'] },
  { id: 'fleet-net', members: ['hq', 'ship-a', 'ship-b', 'ship-c'] },
  { id: 'air-net', members: ['ship-c', 'plane'] },
];

describe('link table', () => {
  it('reaches each unit over the first link in the scenario that both are on, never itself', () => {
    const t = linkTable(links);
    const a = { id: 'ship-a', linkTo: t.partners('ship-a') };
    expect(linkToward(a, 'hq')).toBe('ops-net');
    expect(linkToward(a, 'ship-c')).toBe('fleet-net');
    expect(linkToward(a, 'plane')).toBeUndefined();
    expect(linkToward(a, 'ship-a')).toBeUndefined();
    const c = { id: 'ship-c', linkTo: t.partners('ship-c') };
    expect(linkToward(c, 'plane')).toBe('air-net');
    expect(linkToward(c, 'hq')).toBe('fleet-net');
  });

  it('gives units on the same links one table, so an exercise-wide link costs one table, not one per unit', () => {
    const members = Array.from({ length: 1000 }, (_, i) => `u${i}`);
    const t = linkTable([{ id: 'all', members }]);
    expect(t.partners('u1')).toBe(t.partners('u999'));
    expect(linkToward({ id: 'u1', linkTo: t.partners('u1') }, 'u999')).toBe('all');
    expect(linkToward({ id: 'u999', linkTo: t.partners('u999') }, 'u999')).toBeUndefined();
  });

  it('looks up a unit named like an Object method as any other', () => {
    const t = linkTable([{ id: 'net', members: ['constructor', 'toString'] }]);
    expect(linkToward({ id: 'x', linkTo: t.partners('x') }, 'constructor')).toBeUndefined();
    expect(linkToward({ id: 'toString', linkTo: t.partners('toString') }, 'constructor')).toBe('net');
  });
});
