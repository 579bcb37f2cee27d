/** Small drawing helpers shared by the plot's layers (paths only: where things go is in geometry/). */
import { Container, Graphics } from 'pixi.js';

/** Adds a dashed segment path (moveTo/lineTo pairs) to g; the caller strokes it. */
export function dashedPath(g: Graphics, x0: number, y0: number, x1: number, y1: number, dash: number, gap: number, phase = 0): void {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len = Math.hypot(dx, dy);
  if (len < 0.5) return;
  const ux = dx / len;
  const uy = dy / len;
  const period = dash + gap;
  let s = -(((phase % period) + period) % period);
  // Cap the number of dashes: a line to a unit hundreds of km off-screen must stay cheap.
  const maxLen = Math.min(len, 4000);
  for (; s < maxLen; s += period) {
    const a = Math.max(0, s);
    const b = Math.min(maxLen, s + dash);
    if (b <= a) continue;
    g.moveTo(x0 + ux * a, y0 + uy * a).lineTo(x0 + ux * b, y0 + uy * b);
  }
}

/** An ✗ of half-size r at (x, y), as two strokes added to the current path. */
export function crossPath(g: Graphics, x: number, y: number, r: number): void {
  g.moveTo(x - r, y - r)
    .lineTo(x + r, y + r)
    .moveTo(x + r, y - r)
    .lineTo(x - r, y + r);
}

/** Arrowhead at (x, y) pointing along (ux, uy). */
export function arrowHead(g: Graphics, x: number, y: number, ux: number, uy: number, size: number): void {
  const px = -uy;
  const py = ux;
  g.moveTo(x, y)
    .lineTo(x - ux * size + px * size * 0.5, y - uy * size + py * size * 0.5)
    .lineTo(x - ux * size - px * size * 0.5, y - uy * size - py * size * 0.5)
    .closePath();
}

/**
 * Graphics in drawing order, handed out one after another (each cleared), the rest cleared at the
 * end. A renderer builds a Graphics' geometry in one go: a thousand units' lines split over
 * several are built a few ms at a time (scene.ts), and drawn as the same triangles in the same
 * order as one Graphics would draw them.
 */
export class GraphicsRun {
  readonly container = new Container();
  private used = 0;

  begin(): void {
    this.used = 0;
  }

  next(): Graphics {
    const g = (this.container.children[this.used] as Graphics | undefined) ?? this.container.addChild(new Graphics());
    this.used++;
    return g.clear();
  }

  end(): void {
    for (let i = this.used; i < this.container.children.length; i++) (this.container.children[i] as Graphics).clear();
  }
}

/** Line segments (x0, y0, x1, y1 each) per Graphics of a run. */
export const SEGMENTS_PER_GRAPHICS = 800;
