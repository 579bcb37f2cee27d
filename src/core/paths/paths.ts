/**
 * Every way one call exchange can go, read off its state machine with xstate/graph, grouped by
 * where it ends; and the way each exchange of a run actually went, as a path of the same machine.
 */
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths, type AdjacencyMap } from 'xstate/graph';
import { LADDER, stageIndex, type Stage, type Transmission } from '../log';
import type { Analysis } from '../analysis/report';
import type { Outcome } from '../analysis/outcomes';
import type { Scenario } from '../scenario/load';
import {
  callsOf,
  channelOfCall,
  exchangeModel,
  failedState,
  completedState,
  STAGE_EVENTS,
  SAY_AGAIN_EVENT,
  type CallRecord,
  type ExchangeModel,
  type ExchangeParty,
} from './model';

export type PathOutcome = { kind: 'completed'; call: number } | { kind: 'failed'; stage: Stage } | { kind: 'no-channel' };

export interface ExchangePath {
  /** The events of the path, joined: unique within a model. */
  key: string;
  events: string[];
  calls: CallRecord[];
  /** Final state of the machine. */
  end: string;
  outcome: PathOutcome;
}

export interface OutcomeGroup {
  end: string;
  outcome: PathOutcome;
  /** "exchange failed at heard: nobody copies it". */
  label: string;
  /** Rules of the procedure that govern the stage where these paths stop. */
  rules: string[];
  /** Number of paths that end here. */
  count: number;
  /** One of the shortest paths that end here. */
  shortest: ExchangePath;
}

export interface PathSet {
  model: ExchangeModel;
  /** Number of distinct paths from the first call to an end. */
  total: number;
  groups: OutcomeGroup[];
  /** The paths enumerated, at most `cap`, ordered by group, then length. */
  listed: ExchangePath[];
  cap: number;
  capped: boolean;
}

export const DEFAULT_CAP = 1000;

type Snap = AnyMachineSnapshot;
type Adjacency = AdjacencyMap<Snap, { type: string }>;

/** States are told apart by where the exchange is, not by how it got there: the graph stays small. */
const byValue = (s: Snap) => JSON.stringify(s.value);
const eventKey = (type: string) => JSON.stringify({ type });

const adjacencies = new WeakMap<AnyStateMachine, Adjacency>();

function adjacencyOf(machine: AnyStateMachine): Adjacency {
  let a = adjacencies.get(machine);
  if (!a) {
    a = getAdjacencyMap(machine, { serializeState: byValue }) as unknown as Adjacency;
    adjacencies.set(machine, a);
  }
  return a;
}

/** The events of a path from xstate/graph, without its initial pseudo-step. */
function eventsOf(steps: readonly { event: { type: string } }[]): string[] {
  return steps.map((st) => st.event.type).filter((t) => !t.startsWith('xstate.'));
}

/** The state the machine starts in (the adjacency map lists it first). */
function startOf(adjacency: Adjacency): string {
  return Object.keys(adjacency)[0]!;
}

/**
 * Walks events through the machine's graph; `rejected` names the first event that cannot happen
 * where it is sent.
 */
export function replay(
  machine: AnyStateMachine,
  events: readonly string[],
): { state: Snap; done: boolean; rejected: null | { index: number; event: string; at: string } } {
  const adjacency = adjacencyOf(machine);
  let node = startOf(adjacency);
  for (let i = 0; i < events.length; i++) {
    const next = adjacency[node as keyof Adjacency]!.transitions[eventKey(events[i]!) as keyof Adjacency[keyof Adjacency]['transitions']];
    const state = adjacency[node as keyof Adjacency]!.state;
    if (!next) return { state, done: state.status === 'done', rejected: { index: i, event: events[i]!, at: stateWords(state) } };
    node = byValue(next.state);
  }
  const state = adjacency[node as keyof Adjacency]!.state;
  return { state, done: state.status === 'done', rejected: null };
}

function stateWords(s: Snap): string {
  const v = s.value as string | Record<string, string>;
  if (typeof v === 'string') return v;
  const [call, stage] = Object.entries(v)[0]!;
  return `${call.replace('call', 'call ')}, waiting to see if it gets to ${stage}`;
}

function outcomeOf(end: string): PathOutcome {
  const c = /^completed-on-call-(\d+)$/.exec(end);
  if (c) return { kind: 'completed', call: Number(c[1]) };
  const f = /^failed-at-(.+)$/.exec(end);
  if (f) return { kind: 'failed', stage: f[1] as Stage };
  return { kind: 'no-channel' };
}

function pathFromEvents(model: ExchangeModel, events: string[]): ExchangePath {
  const { state, rejected } = replay(model.machine, events);
  if (rejected) throw new Error(`path ${events.join(' ')} is not a path of the machine: ${rejected.event} at ${rejected.at}`);
  const end = String(state.value);
  return { key: events.join(' '), events, calls: callsOf(model, events), end, outcome: outcomeOf(end) };
}

/** The words and rules for where a group of paths ends. */
export function outcomeLabel(model: ExchangeModel, outcome: PathOutcome): { label: string; rules: string[] } {
  if (outcome.kind === 'no-channel') return { label: 'no call can be made: the caller has no set for any channel of the plan', rules: model.hailRules };
  if (outcome.kind === 'completed') return { label: `exchange completed on call ${outcome.call}`, rules: [] };
  const s = outcome.stage;
  const words = STAGE_EVENTS[s].failWords;
  const rules =
    s === 'transmitted'
      ? model.hailRules
      : s === 'receivable'
        ? model.guardRules.map((g) => g.qid)
        : s === 'understood'
          ? model.sayAgain
            ? [model.sayAgain]
            : []
          : s === 'acknowledged'
            ? model.replyRules.filter((r) => r.observed).map((r) => r.qid)
            : s === 'acted-on'
              ? model.replyRules.filter((r) => r.observed && r.answer).map((r) => r.qid)
              : [];
  if (s === 'acted-on') return { label: `exchange failed at acted-on: ${words}, and a reply settles the exchange`, rules };
  return { label: `exchange failed at ${s}${model.plan.length > 1 ? ' on the last call' : ''}: ${words}`, rules };
}

const groupOrder = (o: PathOutcome) => (o.kind === 'completed' ? o.call : o.kind === 'failed' ? 100 + LADDER.indexOf(o.stage) : 200);

export function enumeratePaths(model: ExchangeModel, opts: { cap?: number } = {}): PathSet {
  const cap = opts.cap ?? DEFAULT_CAP;
  const machine = model.machine;
  const adjacency = adjacencyOf(machine);
  const start = startOf(adjacency);

  // Paths per end, counted over the (acyclic) graph without listing them.
  const memo = new Map<string, Map<string, number>>();
  const ends = (node: string): Map<string, number> => {
    const hit = memo.get(node);
    if (hit) return hit;
    const entry = adjacency[node as keyof Adjacency]!;
    const out = new Map<string, number>();
    if (entry.state.status === 'done') out.set(String(entry.state.value), 1);
    for (const t of Object.values(entry.transitions)) {
      for (const [end, n] of ends(byValue(t.state))) out.set(end, (out.get(end) ?? 0) + n);
    }
    memo.set(node, out);
    return out;
  };
  const counts = ends(start);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);

  // One shortest path to each end.
  const shortest = new Map<string, ExchangePath>();
  for (const p of getShortestPaths(machine, { serializeState: byValue, toState: (s: Snap) => s.status === 'done' })) {
    const end = String(p.state.value);
    if (!shortest.has(end)) shortest.set(end, pathFromEvents(model, eventsOf(p.steps)));
  }

  let listedEvents: string[][];
  if (total <= cap) {
    listedEvents = getSimplePaths(machine, { serializeState: byValue, toState: (s: Snap) => s.status === 'done' }).map((p) => eventsOf(p.steps));
  } else {
    // Too many to list: the same walk, depth first, stopping at the cap.
    listedEvents = [];
    const walk = (node: string, events: string[]) => {
      if (listedEvents.length >= cap) return;
      const entry = adjacency[node as keyof Adjacency]!;
      if (entry.state.status === 'done') {
        listedEvents.push([...events]);
        return;
      }
      for (const t of Object.values(entry.transitions)) walk(byValue(t.state), [...events, t.event.type]);
    };
    walk(start, []);
  }
  const listed = listedEvents
    .map((ev) => pathFromEvents(model, ev))
    .sort((a, b) => groupOrder(a.outcome) - groupOrder(b.outcome) || a.events.length - b.events.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const groups: OutcomeGroup[] = [...counts.entries()]
    .map(([end, count]) => {
      const outcome = outcomeOf(end);
      return { end, outcome, ...outcomeLabel(model, outcome), count, shortest: shortest.get(end)! };
    })
    .sort((a, b) => groupOrder(a.outcome) - groupOrder(b.outcome));
  return { model, total, groups, listed, cap, capped: total > cap };
}

// ---- the paths a run took -------------------------------------------------------------------

export interface TakenExchange {
  exchange: string;
  from: string;
  to: string;
  /** Transmission ids of the calls, in order. */
  txs: string[];
  events: string[];
  calls: CallRecord[];
  /** `complete`: a whole path of the model; `unfinished`: still open when the run ended; `off-model`: the run did something the model has no event for. */
  status: 'complete' | 'unfinished' | 'off-model';
  /** Path key when complete. */
  key: string | null;
  end: string | null;
  note: string | null;
}

export interface HailExchange {
  exchange: string;
  from: string;
  to: string;
  txs: Transmission[];
}

/** The hail exchanges of a run (a call and its repeats to one unit), in the order they began. */
export function hailExchanges(analysis: Analysis): HailExchange[] {
  const by = new Map<string, HailExchange>();
  for (const tx of analysis.run.transmissions) {
    if (tx.kind !== 'hail' || tx.to === 'all') continue;
    const x = by.get(tx.exchange) ?? { exchange: tx.exchange, from: tx.from, to: tx.to, txs: [] };
    x.txs.push(tx);
    by.set(tx.exchange, x);
  }
  for (const x of by.values()) x.txs.sort((a, b) => a.attempt - b.attempt);
  return [...by.values()];
}

/** The model's events for what happened to each call of a run's exchange. */
export function takenPath(model: ExchangeModel, analysis: Analysis, x: HailExchange): TakenExchange {
  const outcome = new Map<string, Outcome>();
  for (const o of analysis.outcomes) outcome.set(`${o.tx.id}/${o.unit}`, o);
  const sayAgainHeard = (tx: Transmission) =>
    analysis.run.transmissions.some((r) => r.kind === 'say-again' && r.inReplyTo === tx.id && outcome.get(`${r.id}/${tx.from}`)?.failedAt === null);
  const events: string[] = [];
  const base = { exchange: x.exchange, from: x.from, to: x.to, txs: x.txs.map((t) => t.id) };
  const notes: string[] = [];
  let unfinished: string | null = null;
  for (const tx of x.txs) {
    const planned = channelOfCall(model, events, tx.attempt);
    if (planned !== undefined && planned !== tx.channel) notes.push(`call ${tx.attempt} went out on ${tx.channel}, where the plan says ${planned}`);
    const o = outcome.get(`${tx.id}/${tx.to}`);
    if (!o) {
      unfinished = `call ${tx.attempt} (${tx.id}) had not reached ${tx.to} when the run ended`;
      break;
    }
    const top = stageIndex(o.reached);
    for (let i = 0; i <= top && i < model.stages.length; i++) events.push(STAGE_EVENTS[LADDER[i]!].ok);
    if (o.failedAt) events.push(o.failedAt === 'understood' && sayAgainHeard(tx) ? SAY_AGAIN_EVENT : STAGE_EVENTS[o.failedAt].fail);
  }
  const r = replay(model.machine, events);
  // The channels the calls actually went out on (a scripted call may name its own).
  const calls = callsOf(model, events).map((c) => ({ ...c, channel: x.txs.find((t) => t.attempt === c.call)?.channel ?? c.channel }));
  if (r.rejected) {
    return {
      ...base,
      events,
      calls,
      status: 'off-model',
      key: null,
      end: null,
      note: [`"${r.rejected.event}" cannot happen at ${r.rejected.at} in this model`, ...notes].join('; '),
    };
  }
  if (!r.done) {
    const made = x.txs.length;
    return {
      ...base,
      events,
      calls,
      status: 'unfinished',
      key: null,
      end: null,
      note: [unfinished ?? `the exchange was still open when the run ended, after ${made} call${made > 1 ? 's' : ''}`, ...notes].join('; '),
    };
  }
  return { ...base, events, calls, status: 'complete', key: events.join(' '), end: String(r.state.value), note: notes.length ? notes.join('; ') : null };
}

/** A unit as the model sees it, with what it can send on (sets and links), as the engine builds it. */
export function partyOf(scenario: Scenario, id: string): ExchangeParty {
  const u = scenario.units.find((x) => x.id === id);
  if (!u) return { id, nation: 'OTHER', kind: 'ship' };
  const canSend = [
    ...new Set([...u.radios.flatMap((r) => r.channels.map(String)), ...scenario.spec.links.filter((l) => l.members.includes(id)).map((l) => l.id)]),
  ];
  return { id: u.id, name: u.name, nation: u.nation, kind: u.kind, ...(u.service ? { service: u.service } : {}), canSend };
}

export interface RunPaths {
  /** One per caller → recipient pair that exchanged calls, or the procedure's model alone when nobody called. */
  models: { set: PathSet; taken: TakenExchange[] }[];
}

/** The paths of the procedure in force, for each pair of units that called in the run, with the ones taken marked. */
export function pathsForRun(analysis: Analysis, opts: { cap?: number } = {}): RunPaths {
  const s = analysis.run.scenario;
  const pairs = new Map<string, { model: ExchangeModel; taken: TakenExchange[] }>();
  for (const x of hailExchanges(analysis)) {
    const needsAnswer = x.txs[0]!.needsAnswer;
    const k = `${x.from}>${x.to}>${needsAnswer}`;
    let p = pairs.get(k);
    if (!p) {
      p = { model: exchangeModel(s.procedure, { caller: partyOf(s, x.from), recipient: partyOf(s, x.to), needsAnswer }), taken: [] };
      pairs.set(k, p);
    }
    p.taken.push(takenPath(p.model, analysis, x));
  }
  if (pairs.size === 0) return { models: [{ set: enumeratePaths(exchangeModel(s.procedure), opts), taken: [] }] };
  return { models: [...pairs.values()].map((p) => ({ set: enumeratePaths(p.model, opts), taken: p.taken })) };
}

export { failedState, completedState };
