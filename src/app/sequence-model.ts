/**
 * The message sequence chart as data: units as lifelines, calls as arrows in time order, and for
 * every recipient how far the call got. Pure: the SVG panel and the Mermaid export both read it.
 */
import type { Explanation } from '../core/explain';
import type { Analysis } from '../core/analysis/report';
import type { Stage } from '../core/log';
import { clockTime } from '../core/format/clock';

export interface SeqParticipant {
  id: string;
  name: string;
  nation: string;
}

export interface SeqDelivery {
  unit: string;
  reached: Stage | null;
  failedAt: Stage | null;
  /** True when the call itself did not get through (it died before `acknowledged`). */
  lost: boolean;
  cause: string | null;
  /** The cause as data, for the chart to word in the reader's language (`cause` is the core's English). */
  why?: Explanation;
  heardAs?: string;
}

export interface SeqMessage {
  tx: string;
  t: number;
  /** Log seq of the transmission entry, for seeking. */
  entry: number;
  from: string;
  /** A unit id, or "all". */
  to: string;
  channel: string;
  kind: string;
  attempt: number;
  text: string;
  deliveries: SeqDelivery[];
}

export interface SequenceModel {
  participants: SeqParticipant[];
  messages: SeqMessage[];
}

const DELIVERY_STAGES: readonly Stage[] = ['transmitted', 'in-range', 'receivable', 'heard', 'understood'];

/** A failure at this stage means the call never got through to the recipient. */
export function isLost(failedAt: Stage | null): boolean {
  return failedAt !== null && DELIVERY_STAGES.includes(failedAt);
}

export function sequenceModel(analysis: Analysis): SequenceModel {
  const { run } = analysis;
  const involved = new Set<string>();
  for (const tx of run.transmissions) {
    involved.add(tx.from);
    for (const r of tx.recipients) involved.add(r);
    if (tx.to !== 'all') involved.add(tx.to);
  }
  const participants = run.scenario.units.filter((u) => involved.has(u.id)).map((u) => ({ id: u.id, name: u.name, nation: u.nation }));
  const entryOf = new Map<string, number>();
  for (const e of run.log) if (e.type === 'transmission') entryOf.set(e.tx.id, e.seq);
  const byTx = new Map<string, SeqDelivery[]>();
  for (const o of analysis.outcomes) {
    const list = byTx.get(o.tx.id) ?? [];
    list.push({
      unit: o.unit,
      reached: o.reached,
      failedAt: o.failedAt,
      lost: isLost(o.failedAt),
      cause: o.cause,
      ...(o.why ? { why: o.why } : {}),
      ...(o.heardAs ? { heardAs: o.heardAs } : {}),
    });
    byTx.set(o.tx.id, list);
  }
  const messages = [...run.transmissions]
    .sort((a, b) => a.t - b.t || (entryOf.get(a.id) ?? 0) - (entryOf.get(b.id) ?? 0))
    .map((tx) => ({
      tx: tx.id,
      t: tx.t,
      entry: entryOf.get(tx.id) ?? 0,
      from: tx.from,
      to: tx.to,
      channel: tx.channel,
      kind: tx.kind,
      attempt: tx.attempt,
      text: tx.text,
      deliveries: byTx.get(tx.id) ?? [],
    }));
  return { participants, messages };
}

/** Mermaid ids: letters, digits and underscores only ("jmsdf-hq" → "jmsdf_hq"). */
function mermaidId(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(clean) ? clean : `u_${clean}`;
}

/** Text Mermaid will not read as syntax: no line breaks, statement separators, entities or tags. */
function mermaidText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/;/g, ',')
    .replace(/#/g, 'no.')
    .replace(/[<>]/g, '')
    .replace(/%%/g, '%')
    .replace(/\s+/g, ' ')
    .trim();
}

function outcomeWords(d: SeqDelivery): string {
  if (d.failedAt) return `✗ ${d.failedAt}${d.heardAs ? ` (heard as "${d.heardAs}")` : ''}`;
  return `✓ ${d.reached ?? 'nothing'}`;
}

/**
 * The run as a Mermaid sequenceDiagram: one line per call and recipient, in time order. Calls
 * that did not get through end in a cross (`-x`) and name the stage where they died.
 */
export function toMermaid(analysis: Analysis): string {
  const model = sequenceModel(analysis);
  const s = analysis.run.scenario;
  const start = s.spec.start;
  const lines = ['sequenceDiagram'];
  lines.push(`    title ${mermaidText(`${s.spec.title} — account ${s.account ?? 'none'}, procedure ${s.procedure.id}`)}`);
  for (const p of model.participants) lines.push(`    participant ${mermaidId(p.id)} as ${mermaidText(p.name)}`);
  for (const m of model.messages) {
    const head = `${clockTime(start, m.t)} ${m.tx} on ${m.channel} (${m.kind}${m.attempt > 1 ? `, attempt ${m.attempt}` : ''})`;
    const deliveries = m.deliveries.length ? m.deliveries : [{ unit: m.to, reached: null, failedAt: null, lost: false, cause: null } as SeqDelivery];
    for (const d of deliveries) {
      if (d.unit === 'all') {
        lines.push(`    Note right of ${mermaidId(m.from)}: ${mermaidText(`${head} to all stations, nobody in range`)}`);
        continue;
      }
      const arrow = d.lost ? '-x' : '->>';
      const words = d.failedAt || d.reached ? `: ${outcomeWords(d)}` : ': no outcome by the end of the run';
      lines.push(`    ${mermaidId(m.from)}${arrow}${mermaidId(d.unit)}: ${mermaidText(head + words)}`);
    }
  }
  return lines.join('\n') + '\n';
}
