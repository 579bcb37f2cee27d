/** One line of words per log entry: shared by the text timeline, the debrief and the app's log. */
import type { Run } from '../engine/engine';
import { stageIndex, type LogEntry } from '../log';
import { conductAct, conductExplanation } from '../analysis/conduct';
import type { Explanation } from '../explain';
import { describeContent } from '../content/describe';
import { say, t, type Lang } from '../../i18n';
import { explained, sayContextOf, stageWord } from './words';

const shortfallsByRun = new WeakMap<Run, Map<string, { reason: string; why?: Explanation; rule: string }>>();

/** Transmission id → what its sender's content rule found missing ("the notice named no area or time [rule]"), built once per run. */
function contentShortfalls(run: Run): Map<string, { reason: string; why?: Explanation; rule: string }> {
  let m = shortfallsByRun.get(run);
  if (m) return m;
  m = new Map();
  const contentRules = new Set(run.scenario.procedure.rules.filter((r) => r.type === 'content').map((r) => r.qid));
  if (contentRules.size)
    for (const e of run.log)
      if (e.type === 'decision' && e.decision === 'omitted' && e.rule && contentRules.has(e.rule) && e.cause.kind === 'message')
        m.set(e.cause.ref, { reason: e.reason.replace(/ \(tx-[\w-]+\)$/, ''), why: whyOf(e), rule: e.rule });
  shortfallsByRun.set(run, m);
  return m;
}

/** A log entry's reason as data, where the engine gives one beside its English. */
function whyOf(e: LogEntry): Explanation | undefined {
  return (e as { why?: Explanation }).why;
}

export interface DescribeOptions {
  /** Also show decisions that needed no action (waits, queued calls, rules not in play). */
  verbose?: boolean;
  lang?: Lang;
}

/** `verbose` also shows decisions that needed no action (waits, queued calls, rules not in play). */
export function describeEntry(run: Run, e: LogEntry, options: boolean | DescribeOptions = false): string | null {
  const { verbose = false, lang = 'en' } = typeof options === 'boolean' ? { verbose: options } : options;
  const ctx = sayContextOf(run);
  const name = (id: string) => ctx.unitName?.(id, lang) ?? id;
  const w = (code: string, params: Parameters<typeof t>[2] = {}) => t(lang, `analysis.log.${code}`, params, ctx);
  const because = (english: string, why: Explanation | undefined) => explained(lang, why, english, ctx);
  switch (e.type) {
    case 'transmission': {
      const tx = e.tx;
      const content = tx.content ? w('content', { content: describeContent(tx.content, (id) => run.scenario.spec.areas?.find((a) => a.id === id)?.name) }) : '';
      return w('transmission', {
        tx: tx.id,
        from: name(tx.from),
        to: tx.to === 'all' ? w('all-stations') : name(tx.to),
        channel: tx.channel,
        kind: t(lang, `analysis.tx-kind.${tx.kind}`),
        attempt: tx.attempt > 1 ? w('attempt', { n: tx.attempt }) : '',
        text: tx.text,
        content,
      });
    }
    case 'reception': {
      const r = e.result;
      return r.failedAt
        ? w('reception-failed', {
            tx: e.tx,
            unit: name(r.unit),
            reached: r.reached ? stageWord(lang, r.reached) : w('nothing'),
            failedAt: stageWord(lang, r.failedAt),
            cause: because(r.cause ?? 'null', r.why),
          })
        : w('reception-understood', {
            tx: e.tx,
            unit: name(r.unit),
            stage: stageWord(lang, 'understood'),
            heardAs: r.heardAs ? w('heard-as', { heardAs: r.heardAs }) : '',
          });
    }
    case 'overheard': {
      // A station the call was not for: what matters is whether it could hear it at all.
      const r = e.result;
      const heard = stageIndex(r.reached) >= stageIndex('heard');
      return heard
        ? w('overheard', { tx: e.tx, unit: name(r.unit) })
        : w('not-overheard', {
            tx: e.tx,
            unit: name(r.unit),
            cause: r.cause ? because(r.cause, r.why) : w('stopped-at', { stage: stageWord(lang, r.failedAt ?? 'null') }),
          });
    }
    case 'attributed':
      return w('attributed', { tx: e.tx, unit: name(e.unit), to: e.to === null ? w('nobody') : name(e.to), why: e.why });
    case 'answered': {
      // The log records the answer; a content rule may still find the message too short to act on,
      // and the analysis then stops it at acted-on against the sender: say so on the same line.
      const short = e.stage === 'acted-on' ? contentShortfalls(run).get(e.tx) : undefined;
      return short
        ? w('answered-short', { tx: e.tx, unit: name(e.unit), by: e.by, short: because(short.reason, short.why), rule: short.rule })
        : w('answered', { tx: e.tx, stage: stageWord(lang, e.stage), unit: name(e.unit), by: e.by });
    }
    case 'unanswered':
      return w('unanswered', { tx: e.tx, unit: name(e.unit), waitedS: e.waitedS });
    case 'emission':
      return w(e.target ? 'emission-at' : 'emission', {
        unit: name(e.unit),
        emitter: e.emitter,
        type: emitterWord(lang, e.emitterType),
        mode: e.mode,
        ...(e.target ? { target: name(e.target) } : {}),
      });
    case 'detection':
      return e.on
        ? w(e.classifiedAs !== e.actualType ? 'detection-misread' : 'detection', {
            unit: name(e.unit),
            pattern: e.pattern,
            source: name(e.source),
            emitter: e.emitter,
            classifiedAs: emitterWord(lang, e.classifiedAs),
            ...(e.classifiedAs !== e.actualType ? { actualType: emitterWord(lang, e.actualType) } : {}),
          })
        : w('detection-lost', { unit: name(e.unit), source: name(e.source), emitter: e.emitter, classifiedAs: emitterWord(lang, e.classifiedAs) });
    case 'decision': {
      if (e.decision === 'none' && !verbose) return null;
      const decision = ['none', 'done', 'omitted', 'cannot'].includes(e.decision) ? e.decision : 'learns';
      return w('decision', {
        unit: name(e.unit),
        decision,
        rule: e.rule ? w('rule', { rule: e.rule }) : '',
        reason: because(e.reason, whyOf(e)),
      });
    }
    case 'radio-set':
      return w('radio-set', {
        unit: name(e.unit),
        radio: e.radio,
        powered: e.powered ? 'on' : 'off',
        tuned: e.tuned.join(' + ') || w('nothing-tuned'),
        monitored: e.monitored ? 'yes' : 'no',
      });
    case 'proximity':
      return e.closest
        ? w('closest', { unit: name(e.unit), other: name(e.other), groundM: e.groundM, altitudeM: e.altitudeM })
        : w('range', { unit: name(e.unit), other: name(e.other), km: (e.groundM / 1000).toFixed(1) });
    case 'judgement':
      return w('judgement', { unit: name(e.unit), threatening: e.threatening ? 'yes' : 'no' });
    case 'conduct':
      return say(lang, conductExplanation(e), ctx);
    case 'state':
      return `${name(e.unit)}: ${e.from} → ${e.to}`;
    case 'note':
      return e.text;
    // A place is a unit's id (a deck) or "lat, lon" (an airfield, or the sea).
    case 'took-off':
      return w('took-off', { unit: name(e.unit), from: name(e.from) });
    case 'landed':
      return run.scenario.units.some((u) => u.id === e.at)
        ? w('lands-on', { unit: name(e.unit), at: name(e.at) })
        : w('comes-down', { unit: name(e.unit), at: e.at });
  }
}

const EMITTER_TYPES = new Set(['search-radar', 'fire-control-radar', 'eo-camera', 'esm']);

/** An emitter type as the outputs print it: its id in English, the navies' term in Japanese and Korean. */
function emitterWord(lang: Lang, type: string): string {
  return EMITTER_TYPES.has(type) ? t(lang, `analysis.emitter-type.${type}`) : type;
}

/** An act as words that take its target: "makes a simulated attack on". */
export function conductWords(act: string, lang: Lang = 'en'): string {
  return say(lang, conductAct(act));
}
