/**
 * Every way one call exchange can go, read with xstate/graph off the two parties' unit machines
 * (the ones the run uses) driven by the world's ladder events, grouped by where it ends; and the
 * way each exchange of a run actually went, as a path of the same traversal.
 */
import { explain, type Explanation } from '../explain';
import { english } from '../../i18n';
import type { AnyActorLogic, Snapshot } from 'xstate';
import { getAdjacencyMap, getShortestPaths, type AdjacencyMap } from 'xstate/graph';
import { LADDER, stageIndex, type Stage, type Transmission } from '../log';
import type { Analysis } from '../analysis/report';
import type { Outcome } from '../analysis/outcomes';
import type { Scenario } from '../scenario/load';
import {
  exchangeEvents,
  exchangeKey,
  exchangeModel,
  STAGE_EVENTS,
  SAY_AGAIN_EVENT,
  type CallRecord,
  type ExchangeModel,
  type ExchangeParty,
  type ExchangeState,
  type PathOutcome,
} from './exchange';

export type { PathOutcome };
export const completedState = (n: number) => `completed-on-call-${n}`;
export const failedState = (s: Stage) => `failed-at-${s}`;

/** The name of an end, as paths and their JSON have always called it. */
export function endName(o: PathOutcome): string {
  return o.kind === 'completed' ? completedState(o.call) : o.kind === 'failed' ? failedState(o.stage) : 'no-channel';
}

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
  /** The same as data (`label` is its English). */
  why: Explanation;
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

type Snap = Snapshot<unknown> & { context: ExchangeState };
type Adjacency = AdjacencyMap<Snap, { type: string }>;

const byValue = (s: Snap) => exchangeKey(s.context);
const eventKey = (type: string) => JSON.stringify({ type });
const isEnd = (s: Snap) => s.context.end !== null;

function traversal(model: ExchangeModel) {
  return { serializeState: byValue, events: (s: Snap) => exchangeEvents(model.machines, s.context) };
}

const adjacencies = new WeakMap<AnyActorLogic, Adjacency>();

function adjacencyOf(model: ExchangeModel): Adjacency {
  let a = adjacencies.get(model.logic);
  if (!a) {
    a = getAdjacencyMap(model.logic, traversal(model) as never) as unknown as Adjacency;
    adjacencies.set(model.logic, a);
  }
  return a;
}

/** The events of a path from xstate/graph, without its initial pseudo-step. */
function eventsOf(steps: readonly { event: { type: string } }[]): string[] {
  return steps.map((st) => st.event.type).filter((t) => !t.startsWith('xstate.'));
}

/** The state the traversal starts in (the adjacency map lists it first). */
function startOf(adjacency: Adjacency): string {
  return Object.keys(adjacency)[0]!;
}

/**
 * Walks events through the traversal's graph; `rejected` names the first event that cannot happen
 * where it is sent. `calls` says what happened to each call on the way.
 */
export function replay(
  model: ExchangeModel,
  events: readonly string[],
): { state: ExchangeState; done: boolean; calls: CallRecord[]; rejected: null | { index: number; event: string; at: string } } {
  const adjacency = adjacencyOf(model);
  let node = startOf(adjacency);
  const calls: CallRecord[] = [];
  for (let i = 0; i < events.length; i++) {
    const entry = adjacency[node as keyof Adjacency]!;
    const next = entry.transitions[eventKey(events[i]!) as keyof Adjacency[keyof Adjacency]['transitions']];
    const state = entry.state.context;
    if (!next) return { state, done: isEnd(entry.state), calls, rejected: { index: i, event: events[i]!, at: stateWords(model, state) } };
    const record = callRecord(model, state, events[i]!, next.state.context);
    if (record) calls.push(record);
    node = byValue(next.state);
  }
  const state = adjacency[node as keyof Adjacency]!.state.context;
  return { state, done: state.end !== null, calls, rejected: null };
}

/** What an event did to the call in flight, when it finished it (got it far enough, or stopped it). */
function callRecord(model: ExchangeModel, from: ExchangeState, event: string, to: ExchangeState): CallRecord | null {
  if (!from.tx) return null;
  const stage = model.stages[from.stage]!;
  const base = { call: from.tx.attempt, channel: from.tx.channel };
  if (event === STAGE_EVENTS[stage].ok) return to.end?.kind === 'completed' ? { ...base, reached: stage, failedAt: null, sayAgain: false } : null;
  return { ...base, reached: from.stage === 0 ? null : model.stages[from.stage - 1]!, failedAt: stage, sayAgain: event === SAY_AGAIN_EVENT };
}

/** What happened to each call along a path of events. */
export function callsOf(model: ExchangeModel, events: readonly string[]): CallRecord[] {
  return replay(model, events).calls;
}

/** The channel the call numbered `call` goes out on, after the events so far. */
export function channelOfCall(model: ExchangeModel, events: readonly string[], call: number): string | undefined {
  const { state } = replay(model, events);
  if (state.tx?.attempt === call) return state.tx.channel;
  return ((state.caller.context as { hail: { plan: string[] } | null }).hail?.plan ?? model.plan)[call - 1];
}

function stateWords(model: ExchangeModel, s: ExchangeState): string {
  if (s.end) return endName(s.end);
  return `call ${s.tx?.attempt ?? 1}, waiting to see if it gets to ${model.stages[s.stage]}`;
}

function pathFromEvents(model: ExchangeModel, events: string[]): ExchangePath {
  const { state, rejected, calls } = replay(model, events);
  if (rejected) throw new Error(`path ${events.join(' ')} is not a path of the machines: ${rejected.event} at ${rejected.at}`);
  const outcome = state.end!;
  return { key: events.join(' '), events, calls, end: endName(outcome), outcome };
}

/** The words and rules for where a group of paths ends. */
export function outcomeLabel(model: ExchangeModel, outcome: PathOutcome): { label: string; why: Explanation; rules: string[] } {
  const labelled = (why: Explanation, rules: string[]) => ({ label: english(why), why, rules });
  if (outcome.kind === 'no-channel') return labelled(explain('debrief.paths.end.no-channel'), model.hailRules);
  if (outcome.kind === 'completed') return labelled(explain('debrief.paths.end.completed', { call: outcome.call }), []);
  const s = outcome.stage;
  const words = explain(`debrief.paths.fail.${s}`);
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
  if (s === 'acted-on') return labelled(explain('debrief.paths.end.failed-acted-on', { words }), rules);
  return labelled(
    explain(model.plan.length > 1 ? 'debrief.paths.end.failed-last' : 'debrief.paths.end.failed', { stage: explain(`debrief.stage.${s}`), words }),
    rules,
  );
}

const groupOrder = (o: PathOutcome) => (o.kind === 'completed' ? o.call : o.kind === 'failed' ? 100 + LADDER.indexOf(o.stage) : 200);

export function enumeratePaths(model: ExchangeModel, opts: { cap?: number } = {}): PathSet {
  const cap = opts.cap ?? DEFAULT_CAP;
  const adjacency = adjacencyOf(model);
  const start = startOf(adjacency);

  // Paths per end, counted over the (acyclic) graph without listing them.
  const memo = new Map<string, Map<string, number>>();
  const ends = (node: string): Map<string, number> => {
    const hit = memo.get(node);
    if (hit) return hit;
    const entry = adjacency[node as keyof Adjacency]!;
    const out = new Map<string, number>();
    if (isEnd(entry.state)) out.set(endName(entry.state.context.end!), 1);
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
  for (const p of getShortestPaths(model.logic, { ...traversal(model), toState: isEnd } as never) as unknown as {
    state: Snap;
    steps: { event: { type: string } }[];
  }[]) {
    const end = endName(p.state.context.end!);
    if (!shortest.has(end)) shortest.set(end, pathFromEvents(model, eventsOf(p.steps)));
  }

  // Every path to an end (the graph has no cycles), depth first, stopping at the cap.
  const listedEvents: string[][] = [];
  const walk = (node: string, events: string[]) => {
    if (listedEvents.length >= cap) return;
    const entry = adjacency[node as keyof Adjacency]!;
    if (isEnd(entry.state)) {
      listedEvents.push([...events]);
      return;
    }
    for (const t of Object.values(entry.transitions)) walk(byValue(t.state), [...events, t.event.type]);
  };
  walk(start, []);
  const listed = listedEvents
    .map((ev) => pathFromEvents(model, ev))
    .sort((a, b) => groupOrder(a.outcome) - groupOrder(b.outcome) || a.events.length - b.events.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const groups: OutcomeGroup[] = [...counts.entries()]
    .map(([end, count]) => {
      const outcome = shortest.get(end)!.outcome;
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
  /** The same as data, one explanation a clause (`note` is their English, joined with "; "). */
  notes: Explanation[];
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
  const notes: Explanation[] = [];
  let unfinished: Explanation | null = null;
  for (const tx of x.txs) {
    const planned = channelOfCall(model, events, tx.attempt);
    if (planned !== undefined && planned !== tx.channel) notes.push(explain('debrief.paths.note.off-plan', { call: tx.attempt, channel: tx.channel, planned }));
    const o = outcome.get(`${tx.id}/${tx.to}`);
    if (!o) {
      unfinished = explain('debrief.paths.note.not-reached', { call: tx.attempt, tx: tx.id, to: tx.to });
      break;
    }
    const top = stageIndex(o.reached);
    for (let i = 0; i <= top && i < model.stages.length; i++) events.push(STAGE_EVENTS[LADDER[i]!].ok);
    if (o.failedAt) events.push(o.failedAt === 'understood' && sayAgainHeard(tx) ? SAY_AGAIN_EVENT : STAGE_EVENTS[o.failedAt].fail);
  }
  const r = replay(model, events);
  // The channels the calls actually went out on (a scripted call may name its own).
  const calls = r.calls.map((c) => ({ ...c, channel: x.txs.find((t) => t.attempt === c.call)?.channel ?? c.channel }));
  if (r.rejected) {
    return {
      ...base,
      events,
      calls,
      status: 'off-model',
      key: null,
      end: null,
      ...noted([explain('debrief.paths.note.off-model', { event: r.rejected.event, at: r.rejected.at }), ...notes]),
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
      ...noted([unfinished ?? explain('debrief.paths.note.open', { n: made }), ...notes]),
    };
  }
  return { ...base, events, calls, status: 'complete', key: events.join(' '), end: endName(r.state.end!), ...noted(notes) };
}

/** Notes as data and in English, "a; b"; null when there are none. */
function noted(notes: Explanation[]): { note: string | null; notes: Explanation[] } {
  return { note: notes.length ? notes.map((n) => english(n)).join('; ') : null, notes };
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
