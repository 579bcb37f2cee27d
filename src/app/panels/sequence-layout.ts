/**
 * Where the sequence chart draws a call: its row, the arrow from the caller towards the farthest
 * addressee, cut short where a lost call died, and its label. Pure: ./sequence.ts draws it.
 */
import type { Stage } from '../../core/log';
import type { SeqMessage } from '../sequence-model';

export const GUTTER = 60;
/** Narrowest lifeline spacing; wider when the pane has room. */
export const MIN_COL = 116;
export const MAX_COL = 220;
/** Top margin of the first row in the chart body. */
export const TOP = 4;
export const ROW = 40;

/** How far along the arrow a call got before it died. */
const REACH: Partial<Record<Stage, number>> = { transmitted: 0.12, 'in-range': 0.35, receivable: 0.6, heard: 0.8, understood: 0.93 };

/** Lifeline spacing for `participants` in a pane `width` pixels wide (0: not laid out yet). */
export const columnWidth = (participants: number, width: number) =>
  participants && width ? Math.max(MIN_COL, Math.min(MAX_COL, Math.floor((width - GUTTER - 12) / participants))) : MIN_COL;

export interface ArrowLayout {
  /** The row's middle. */
  y: number;
  x1: number;
  /** The farthest addressee's lifeline. */
  far: number;
  /** Where the arrow ends: `far`, or short of it for a lost call to one unit. */
  x2: number;
  /** 1 when the arrow points right, -1 left. */
  dir: number;
  /** The fraction of the way the call got (1: all the way, with an arrowhead). */
  reach: number;
  label: string;
}

/** `kindWord` names the kind of call in the reader's language (the kind's id by default). */
export function arrowLayout(m: SeqMessage, row: number, x: ReadonlyMap<string, number>, col: number, kindWord: string = m.kind): ArrowLayout {
  const y = TOP + row * ROW + 22;
  const x1 = x.get(m.from) ?? GUTTER;
  const targets = m.to === 'all' ? m.deliveries.map((d) => d.unit) : [m.to];
  const xs = targets.map((t) => x.get(t)).filter((v): v is number => v !== undefined);
  const far = xs.length ? xs.reduce((best, v) => (Math.abs(v - x1) > Math.abs(best - x1) ? v : best)) : x1 + col;
  const single = m.to !== 'all' && m.deliveries.length <= 1 ? m.deliveries[0] : undefined;
  const reach = single?.lost && single.failedAt ? (REACH[single.failedAt] ?? 1) : 1;
  return {
    y,
    x1,
    far,
    x2: x1 + (far - x1) * reach,
    dir: Math.sign(far - x1) || 1,
    reach,
    label: `${m.tx} · ${m.channel} · ${kindWord}${m.attempt > 1 ? ` #${m.attempt}` : ''}`,
  };
}
