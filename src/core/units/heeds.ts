/**
 * Which events a unit's machine can act on in each of its states, read once per machine from the
 * machine XState itself runs. Most of what the world tells a unit (a contact gained, a range
 * opening, a timer for a call that is over) has no transition in the states it is in: XState would
 * select no transition, run no guard or action, and leave the snapshot as it was. The engine asks
 * here first and does not send such an event, so its cost is a lookup instead of XState's step.
 *
 * Exact, not a heuristic: an event is left out only if no active state node (nor any ancestor,
 * nor any descendant of a region's active state) has a transition for its type, so XState could
 * not select one. The one guard read here is the timer a transition names: this file's guards
 * `endsIn` and `timer` (unit-machine.ts) are false for any other timer, whatever the context. Any
 * shape not understood (a wildcard, an eventless transition, another guard, a region not found)
 * lets every event through.
 */
import type { UnitEvent } from './protocol';

/** Per event type: every event of it may act (true), or only timers of these names. */
type Heeded = Map<string, true | Set<string>>;

/** Per region, per state of that region (the key the engine's flattened state gives), what it heeds. */
export interface HeedIndex {
  /** Something in the machine that this index cannot reason about: send everything. */
  all: boolean;
  regions: Map<string, Map<string, Heeded>>;
  /** The regions' names, listed once: asked for every event handed to a unit. */
  names: string[];
}

/** The guards whose `params.timer`, when given, must equal the timer's name (unit-machine.ts). */
const TIMER_GUARDS = new Set(['endsIn', 'timer']);

interface NodeLike {
  type: string;
  states: Record<string, NodeLike>;
  transitions: Map<string, { guard?: unknown }[]>;
  always?: unknown[];
}

/** Adds a node's own transitions and (if deep) those of all its descendants; false if one cannot be read. */
function gather(node: NodeLike, into: Heeded, deep = true): boolean {
  if (node.always && node.always.length > 0) return false;
  for (const [descriptor, transitions] of node.transitions) {
    if (descriptor.includes('*')) return false;
    for (const t of transitions) {
      const timer = timerOf(t.guard);
      const had = into.get(descriptor);
      if (descriptor !== 'timer' || timer === undefined) into.set(descriptor, true);
      else if (had === undefined) into.set(descriptor, new Set([timer]));
      else if (had !== true) had.add(timer);
    }
  }
  if (deep) for (const child of Object.values(node.states)) if (!gather(child, into)) return false;
  return true;
}

function timerOf(guard: unknown): string | undefined {
  if (!guard || typeof guard !== 'object') return undefined;
  const g = guard as { type?: unknown; params?: { timer?: unknown } };
  if (typeof g.type !== 'string' || !TIMER_GUARDS.has(g.type)) return undefined;
  return typeof g.params?.timer === 'string' ? g.params.timer : undefined;
}

const indexes = new WeakMap<object, HeedIndex>();

/** The index of a machine, built at its first use. */
export function heedIndexOf(machine: { root: object }): HeedIndex {
  let index = indexes.get(machine);
  if (!index) indexes.set(machine, (index = build(machine.root as unknown as NodeLike)));
  return index;
}

function build(root: NodeLike): HeedIndex {
  const regions = new Map<string, Map<string, Heeded>>();
  const none: HeedIndex = { all: true, regions, names: [] };
  if (root.type !== 'parallel') return none;
  const top: Heeded = new Map();
  if (!gather(root, top, false)) return none;
  for (const [name, region] of Object.entries(root.states)) {
    // The root's and the region's own transitions apply in every state below them.
    const own: Heeded = copy(top);
    if (!gather(region, own, false)) return none;
    const states = new Map<string, Heeded>();
    for (const [key, state] of Object.entries(region.states)) {
      const heeded = copy(own);
      if (!gather(state, heeded)) return none;
      states.set(key, heeded);
    }
    regions.set(name, states);
  }
  return { all: false, regions, names: [...regions.keys()] };
}

function copy(h: Heeded): Heeded {
  const out: Heeded = new Map();
  for (const [k, v] of h) out.set(k, v === true ? true : new Set(v));
  return out;
}

/**
 * Whether a machine in `state` (region → its active state, as the engine keeps it) may act on the
 * event: some active node has a transition for its type (for a timer, one that names this timer
 * or none).
 */
export function heeds(index: HeedIndex, state: Readonly<Record<string, string>>, event: UnitEvent): boolean {
  if (index.all) return true;
  for (const region of index.names) if (heedsIn(index, region, state, event)) return true;
  return false;
}

/** Whether the one region may act on the event (true for a region or state the index does not know). */
export function heedsIn(index: HeedIndex, region: string, state: Readonly<Record<string, string>>, event: UnitEvent): boolean {
  if (index.all) return true;
  const active = state[region];
  const heeded = active === undefined ? undefined : index.regions.get(region)?.get(active);
  if (!heeded) return true;
  const h = heeded.get(event.type);
  return h === true || (h !== undefined && event.type === 'timer' && h.has(event.name));
}
