/**
 * Labels for the plot: a pool of pixi Text objects reused frame to frame (a texture is re-rendered
 * only when its words or size change; colour is a tint), and a greedy placer that keeps labels off
 * each other and off the symbols: each label offers a few candidate spots, the first free one wins.
 */
import { Container, Text, TextStyle } from 'pixi.js';
import { LABEL_OUTLINE } from './style';

export const FONT = "'DejaVu Sans', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif";

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Screen rectangles already taken this frame. */
export class Placer {
  private rects: Rect[] = [];
  /** The view; area outside it counts as heavily overlapped. */
  bounds: Rect | null = null;

  reset(bounds: Rect | null = null): void {
    this.rects.length = 0;
    this.bounds = bounds;
  }

  occupy(r: Rect): void {
    this.rects.push(r);
  }

  overlap(r: Rect): number {
    let sum = 0;
    for (const o of this.rects) {
      const w = Math.min(r.x + r.w, o.x + o.w) - Math.max(r.x, o.x);
      const h = Math.min(r.y + r.h, o.y + o.h) - Math.max(r.y, o.y);
      if (w > 0 && h > 0) sum += w * h;
    }
    const b = this.bounds;
    if (b) {
      const iw = Math.max(0, Math.min(r.x + r.w, b.x + b.w) - Math.max(r.x, b.x));
      const ih = Math.max(0, Math.min(r.y + r.h, b.y + b.h) - Math.max(r.y, b.y));
      sum += 3 * (r.w * r.h - iw * ih);
    }
    return sum;
  }
}

export interface LabelOpts {
  tint?: number;
  alpha?: number;
  /** Anchor (0..1) of the text box at (x, y). */
  ax?: number;
  ay?: number;
  size?: number;
  bold?: boolean;
}

export interface Line {
  text: string;
  tint?: number;
  size?: number;
  bold?: boolean;
}

/** A candidate spot: the block's anchor (ax, ay in 0..1 of its box) goes at (x, y). */
export interface Spot {
  x: number;
  y: number;
  ax: number;
  ay: number;
}

export class LabelPool {
  readonly container = new Container();
  private readonly items: Text[] = [];
  private used = 0;

  constructor(
    parent: Container,
    private readonly baseSize = 12,
  ) {
    parent.addChild(this.container);
  }

  begin(): void {
    this.used = 0;
  }

  private next(text: string, size: number, bold: boolean): Text {
    let t = this.items[this.used];
    const weight = bold ? 'bold' : 'normal';
    if (!t) {
      t = new Text({
        text,
        style: new TextStyle({
          fontFamily: FONT,
          fontSize: size,
          fontWeight: weight,
          fill: 0xffffff,
          stroke: { color: LABEL_OUTLINE, width: 3, join: 'round' },
        }),
      });
      this.items.push(t);
      this.container.addChild(t);
    }
    this.used++;
    if (t.text !== text) t.text = text;
    if (t.style.fontSize !== size) t.style.fontSize = size;
    if (t.style.fontWeight !== weight) t.style.fontWeight = weight;
    t.visible = true;
    return t;
  }

  add(text: string, x: number, y: number, opts: LabelOpts = {}): Text {
    const t = this.next(text, opts.size ?? this.baseSize, !!opts.bold);
    t.tint = opts.tint ?? 0xffffff;
    t.alpha = opts.alpha ?? 1;
    t.anchor.set(opts.ax ?? 0, opts.ay ?? 0);
    t.position.set(Math.round(x), Math.round(y));
    return t;
  }

  /**
   * Lays out lines as one block at the first candidate spot that collides with nothing the placer
   * holds (or, failing that, the one that collides least), and records the block in the placer.
   */
  block(lines: readonly Line[], spots: readonly Spot[], placer: Placer, alpha = 1): Rect {
    const texts = lines.map((l) => this.next(l.text, l.size ?? this.baseSize, !!l.bold));
    let w = 0;
    let h = 0;
    const heights: number[] = [];
    for (const t of texts) {
      // Bounds without the outline stroke's padding, so stacked lines sit close.
      const lh = Math.max(1, t.height - 3);
      heights.push(lh);
      w = Math.max(w, t.width);
      h += lh;
    }
    let best: Rect | null = null;
    let bestAx = 0;
    let bestScore = Infinity;
    for (const s of spots) {
      const r = { x: s.x - s.ax * w, y: s.y - s.ay * h, w, h };
      const score = placer.overlap(r);
      if (score < bestScore) {
        best = r;
        bestAx = s.ax;
        bestScore = score;
        if (score === 0) break;
      }
    }
    const r = best ?? { x: 0, y: 0, w, h };
    placer.occupy(r);
    let y = r.y;
    texts.forEach((t, i) => {
      const line = lines[i]!;
      t.tint = line.tint ?? 0xffffff;
      t.alpha = alpha;
      // Right-aligned when the block hangs to the left of its anchor.
      const ax = bestAx >= 0.99 ? 1 : bestAx <= 0.01 ? 0 : 0.5;
      t.anchor.set(ax, 0);
      t.position.set(Math.round(r.x + ax * r.w), Math.round(y - 1));
      y += heights[i]!;
    });
    return r;
  }

  end(): void {
    for (let i = this.used; i < this.items.length; i++) this.items[i]!.visible = false;
  }

  destroy(): void {
    this.container.destroy({ children: true });
    this.items.length = 0;
  }
}
