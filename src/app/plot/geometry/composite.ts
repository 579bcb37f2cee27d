/**
 * How the still layers' pictures are put on screen at reduced detail (still.ts; no pixi: unit-tested
 * in Node). The radar sweeps go between the lowest picture and the middle one, the beams between
 * the middle one and the top one. Laying three pictures of the whole view over each other costs a
 * software rasteriser three full views of pixels every frame a sweep turns, though the sweeps and
 * beams cover a few boxes of it. So the three are laid over each other once, into one picture, when
 * a scene is shown, and each frame draws that picture and, only inside the boxes that something
 * moving (or drawn between the layers) reaches, the three layers with the sweeps and beams between
 * them, as before. Outside the boxes nothing is between the layers, so the pixels are the same.
 */
import type { Box } from './radar';

/**
 * Boxes covering more than this share of the view are drawn as three whole layers: the flattened
 * picture and three layers over the boxes would cost more than three whole layers.
 */
export const LAYERED_SHARE = 0.5;

/**
 * 'boxes': one picture of the three layers laid over each other, and the layers again inside
 * `boxes` (device px, disjoint, in the view); 'layers': three whole pictures. With nothing between
 * the layers, a picture is drawn only when a scene is shown (about once a second while playing):
 * flattening would save nothing there, so the three whole pictures are shown, as before.
 */
export type Composition = { kind: 'boxes'; boxes: Box[] } | { kind: 'layers' };

/**
 * The composition for a view of w × h CSS px at `resolution` device px per CSS px, given the boxes
 * (CSS px) that sweeps and beams reach. Boxes are widened to whole device pixels, cut to the view,
 * and overlapping ones joined: a layer drawn twice over the same pixel would be blended twice.
 */
export function composition(reach: readonly Box[], w: number, h: number, resolution: number): Composition {
  const W = Math.round(w * resolution);
  const H = Math.round(h * resolution);
  const boxes: Box[] = [];
  for (const b of reach) {
    const d = {
      x0: Math.max(0, Math.floor(b.x0 * resolution)),
      y0: Math.max(0, Math.floor(b.y0 * resolution)),
      x1: Math.min(W, Math.ceil(b.x1 * resolution)),
      y1: Math.min(H, Math.ceil(b.y1 * resolution)),
    };
    if (d.x1 > d.x0 && d.y1 > d.y0) boxes.push(d);
  }
  const joined = disjoint(boxes);
  if (!joined.length) return { kind: 'layers' };
  const area = joined.reduce((a, b) => a + (b.x1 - b.x0) * (b.y1 - b.y0), 0);
  return area > LAYERED_SHARE * W * H ? { kind: 'layers' } : { kind: 'boxes', boxes: joined };
}

const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Joins overlapping boxes into their bounding box until none overlap. */
export function disjoint(boxes: readonly Box[]): Box[] {
  const out = boxes.map((b) => ({ ...b }));
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        if (!overlap(a, b)) continue;
        out[i] = { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
        out.splice(j, 1);
        merged = true;
        break;
      }
    }
  }
  return out;
}
