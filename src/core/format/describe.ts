/** One line of words per log entry: shared by the text timeline, the debrief and the app's log. */
import type { Run } from '../engine/engine';
import { stageIndex, type LogEntry } from '../log';
import type { ConductAct } from '../conduct';
import { describeContent } from '../content/describe';

const shortfallsByRun = new WeakMap<Run, Map<string, string>>();

/** Transmission id → what its sender's content rule found missing ("the notice named no area or time [rule]"), built once per run. */
function contentShortfalls(run: Run): Map<string, string> {
  let m = shortfallsByRun.get(run);
  if (m) return m;
  m = new Map();
  const contentRules = new Set(run.scenario.procedure.rules.filter((r) => r.type === 'content').map((r) => r.qid));
  if (contentRules.size)
    for (const e of run.log)
      if (e.type === 'decision' && e.decision === 'omitted' && e.rule && contentRules.has(e.rule) && e.cause.kind === 'message')
        m.set(e.cause.ref, `${e.reason.replace(/ \(tx-[\w-]+\)$/, '')} [${e.rule}]`);
  shortfallsByRun.set(run, m);
  return m;
}

/** `verbose` also shows decisions that needed no action (waits, queued calls, rules not in play). */
export function describeEntry(run: Run, e: LogEntry, verbose = false): string | null {
  const name = (id: string) => run.scenario.units.find((u) => u.id === id)?.name ?? id;
  switch (e.type) {
    case 'transmission':
      return `${name(e.tx.from)} → ${e.tx.to === 'all' ? 'all stations' : name(e.tx.to)} on ${e.tx.channel} (${e.tx.kind}${e.tx.attempt > 1 ? ` #${e.tx.attempt}` : ''}): "${e.tx.text}"${e.tx.content ? ` [content: ${describeContent(e.tx.content, (id) => run.scenario.spec.areas?.find((a) => a.id === id)?.name)}]` : ''}`;
    case 'reception': {
      const r = e.result;
      return r.failedAt
        ? `  ${e.tx} at ${name(r.unit)}: reached ${r.reached ?? 'nothing'}, failed at ${r.failedAt} — ${r.cause}`
        : `  ${e.tx} at ${name(r.unit)}: understood${r.heardAs ? ` (heard as "${r.heardAs}")` : ''}`;
    }
    case 'overheard': {
      // A station the call was not for: what matters is whether it could hear it at all.
      const r = e.result;
      const heard = stageIndex(r.reached) >= stageIndex('heard');
      return heard
        ? `  ${e.tx} overheard by ${name(r.unit)}, a listener (the call was not for it)`
        : `  ${e.tx} not heard by ${name(r.unit)}, a listener: ${r.cause ?? `stopped at ${r.failedAt}`}`;
    }
    case 'attributed':
      return `  ${e.tx} put by ${name(e.unit)} to ${e.to === null ? 'nobody (unattributed)' : name(e.to)}: ${e.why}`;
    case 'answered': {
      // The log records the answer; a content rule may still find the message too short to act on,
      // and the analysis then stops it at acted-on against the sender: say so on the same line.
      const short = e.stage === 'acted-on' ? contentShortfalls(run).get(e.tx) : undefined;
      return short
        ? `  ${e.tx} answered by ${name(e.unit)} (${e.by}), but not acted on as the procedure means: ${short}`
        : `  ${e.tx} ${e.stage} by ${name(e.unit)} (${e.by})`;
    }
    case 'unanswered':
      return `  ${e.tx}: no answer from ${name(e.unit)} after ${e.waitedS} s`;
    case 'emission':
      return `${name(e.unit)} ${e.emitter} (${e.emitterType}) ${e.mode === 'track' ? 'TRANSMITTING, held on' : e.mode === 'slewed' ? 'pointed without transmitting at' : e.mode}${e.target ? ` ${name(e.target)}` : ''}`;
    case 'detection':
      return e.on
        ? `${name(e.unit)} ESM: ${e.pattern} paint from ${name(e.source)} ${e.emitter}, classified ${e.classifiedAs}${e.classifiedAs !== e.actualType ? ` (it is a ${e.actualType})` : ''}`
        : `${name(e.unit)} ESM: ${name(e.source)} ${e.emitter} no longer detected as ${e.classifiedAs}`;
    case 'decision':
      if (e.decision === 'none') return verbose ? `${name(e.unit)} needs no action${e.rule ? ` [${e.rule}]` : ''}: ${e.reason}` : null;
      return `${name(e.unit)} ${e.decision === 'done' ? 'acts' : e.decision === 'omitted' ? 'DOES NOT ACT' : e.decision === 'cannot' ? 'CANNOT ACT' : 'learns'}${e.rule ? ` [${e.rule}]` : ''}: ${e.reason}`;
    case 'radio-set':
      return `${name(e.unit)} set ${e.radio}: ${e.powered ? 'on' : 'off'}, tuned ${e.tuned.join(' + ') || 'nothing'}${e.monitored ? ', monitored' : ', not monitored'}`;
    case 'proximity':
      return e.closest
        ? `${name(e.unit)} closest to ${name(e.other)}: ${e.groundM} m, altitude ${e.altitudeM} m`
        : `${name(e.unit)} and ${name(e.other)} at ${(e.groundM / 1000).toFixed(1)} km`;
    case 'judgement':
      return `${name(e.unit)} judges the situation ${e.threatening ? 'threatening' : 'not threatening'}`;
    case 'conduct':
      return `${name(e.unit)} ${conductWords(e.act)} ${name(e.target)}${e.forS ? ` for ${e.forS} s` : ''}`;
    case 'state':
      return `${name(e.unit)}: ${e.from} → ${e.to}`;
    case 'note':
      return e.text;
    // A place is a unit's id (a deck) or "lat, lon" (an airfield, or the sea).
    case 'took-off':
      return `${name(e.unit)} takes off from ${name(e.from)}`;
    case 'landed':
      return `${name(e.unit)} ${run.scenario.units.some((u) => u.id === e.at) ? `lands on ${name(e.at)}` : `comes down at ${e.at}`}`;
  }
}

/** Each act as a verb phrase that takes its target: "makes a simulated attack on". */
const CONDUCT_WORDS: Record<ConductAct, string> = {
  'observation-pass': 'makes an observation pass of',
  'weapon-aimed': 'aims a weapon at',
  'simulated-attack': 'makes a simulated attack on',
  aerobatics: 'flies aerobatics near',
  'signal-rocket-fired': 'fires a signal rocket towards',
  'object-fired-toward': 'fires an object towards',
  'illuminate-bridge': 'illuminates the bridge of',
  laser: 'points a laser at',
};

export function conductWords(act: string): string {
  return (CONDUCT_WORDS as Record<string, string>)[act] ?? `${act} towards`;
}
