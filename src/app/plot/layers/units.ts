/** Units: fading trails, speed vectors, milsymbol symbols, call-sign labels, selection, edge markers. */
import { Container, Graphics, Sprite } from 'pixi.js';
import { LabelPool, type Rect, type Spot } from '../labels';
import { symbolFor } from '../symbols';
import { INK, MUTED, SELECT, nationColour, unitLabel, unitShort } from '../style';
import { arrowHead, edgePoint } from '../draw';
import { KM_PER_NM } from '../projection';
import type { DrawState, Placed } from './types';

/** The speed vector shows where the unit will be in this many seconds. */
export const VECTOR_S = 60;
/** Alpha steps of a fading trail. */
const TRAIL_STEPS = 4;

export class UnitsLayer {
  readonly under = new Container();
  readonly over = new Container();
  private readonly trails = new Graphics();
  private readonly vectors = new Graphics();
  private readonly selection = new Graphics();
  private readonly symbols = new Container();
  private readonly sprites = new Map<string, Sprite>();
  private readonly labels: LabelPool;
  private readonly edges = new Graphics();
  private readonly edgeLabels: LabelPool;
  /** Scratch screen coordinates of a trail, reused frame to frame. */
  private readonly xs: number[] = [];
  private readonly ys: number[] = [];

  constructor(underParent: Container, overParent: Container, private readonly resolution: number) {
    underParent.addChild(this.under);
    overParent.addChild(this.over);
    this.under.addChild(this.trails);
    this.over.addChild(this.vectors, this.selection, this.symbols);
    this.symbols.sortableChildren = true;
    this.labels = new LabelPool(this.over, 12);
    this.over.addChild(this.edges);
    this.edgeLabels = new LabelPool(this.over, 11);
  }

  /** Places units on screen and reserves their symbols in the placer; called before any layer draws. */
  place(s: DrawState): void {
    const { cam, proj } = s;
    const seen = new Set<string>();
    for (const u of s.frame.units) {
      const id = u.spec.id;
      seen.add(id);
      const [wx, wy] = proj.project(u.lat, u.lon);
      const x = cam.sx(wx);
      const y = cam.sy(wy);
      const sym = symbolFor(u.spec, this.resolution);
      const visible = x > -10 && y > -10 && x < cam.width + 10 && y < cam.height + 10;
      const prev = s.placed.get(id);
      if (prev) {
        prev.unit = u;
        prev.wx = wx;
        prev.wy = wy;
        prev.x = x;
        prev.y = y;
        prev.r = sym.radius;
        prev.visible = visible;
      } else s.placed.set(id, { unit: u, id, wx, wy, x, y, r: sym.radius, visible });
      if (visible) s.placer.occupy({ x: x - sym.radius, y: y - sym.radius, w: sym.radius * 2, h: sym.radius * 2 });
    }
    for (const id of [...s.placed.keys()]) if (!seen.has(id)) s.placed.delete(id);
  }

  draw(s: DrawState): void {
    const { cam, proj } = s;
    const tr = this.trails.clear();
    const vec = this.vectors.clear();
    const sel = this.selection.clear();
    const edges = this.edges.clear();
    this.labels.begin();
    this.edgeLabels.begin();
    const used = new Set<string>();

    for (const p of s.placed.values()) {
      const u = p.unit;
      const spec = u.spec;
      const colour = nationColour(spec.nation);

      // Trail: oldest first, fading with age, joined to the present position; a dot per sample
      // (a plotter's habit: the spacing shows speed). Segments are grouped into a few alpha steps so
      // the whole trail is a handful of draw instructions, not one per segment.
      const n = u.trail.length;
      if (n > 0) {
        const maxAge = u.trail[0]!.ageS || 1;
        const xs = this.xs;
        const ys = this.ys;
        for (let i = 0; i < n; i++) {
          const q = u.trail[i]!;
          const [wx, wy] = proj.project(q.lat, q.lon);
          xs[i] = cam.sx(wx);
          ys[i] = cam.sy(wy);
        }
        xs[n] = p.x;
        ys[n] = p.y;
        for (let b = 0; b < TRAIL_STEPS; b++) {
          let any = false;
          for (let i = 0; i < n; i++) {
            const fresh = 1 - u.trail[i]!.ageS / maxAge;
            if (Math.min(TRAIL_STEPS - 1, Math.floor(fresh * TRAIL_STEPS)) !== b) continue;
            tr.moveTo(xs[i]!, ys[i]!).lineTo(xs[i + 1]!, ys[i + 1]!);
            any = true;
          }
          if (any) tr.stroke({ color: colour.hex, width: 1.8, alpha: 0.12 + (0.5 * (b + 1)) / TRAIL_STEPS });
          for (let i = 0; i < n; i++) {
            const fresh = 1 - u.trail[i]!.ageS / maxAge;
            if (Math.min(TRAIL_STEPS - 1, Math.floor(fresh * TRAIL_STEPS)) !== b) continue;
            tr.rect(xs[i]! - 1.5, ys[i]! - 1.5, 3, 3);
          }
          if (any) tr.fill({ color: colour.hex, alpha: 0.2 + (0.5 * (b + 1)) / TRAIL_STEPS });
        }
      }

      if (!p.visible) {
        this.edgeMarker(s, p, edges);
        continue;
      }

      // Speed vector: 60 s of travel from the symbol's centre; slow units get a stub that still shows heading.
      if (spec.kind !== 'headquarters' && u.speedKt > 0.5) {
        const h = (u.headingDeg * Math.PI) / 180;
        const ux = Math.sin(h);
        const uy = -Math.cos(h);
        const lenPx = Math.max(p.r + 9, ((u.speedKt * KM_PER_NM) / 3600) * VECTOR_S * cam.scale);
        const x0 = p.x + ux * p.r * 0.75;
        const y0 = p.y + uy * p.r * 0.75;
        vec.moveTo(x0, y0).lineTo(p.x + ux * lenPx, p.y + uy * lenPx).stroke({ color: 0x0a1118, width: 4, alpha: 0.5 });
        vec.moveTo(x0, y0).lineTo(p.x + ux * lenPx, p.y + uy * lenPx).stroke({ color: colour.hex, width: 2 });
      }

      const sym = symbolFor(spec, this.resolution);
      let sprite = this.sprites.get(spec.id);
      if (!sprite || sprite.texture !== sym.texture) {
        sprite?.destroy();
        sprite = new Sprite(sym.texture);
        sprite.anchor.set(sym.ax, sym.ay);
        // Aircraft fly over ships: their symbols stay on top when they pass close.
        sprite.zIndex = spec.kind === 'aircraft' ? 2 : spec.kind === 'headquarters' ? 0 : 1;
        this.sprites.set(spec.id, sprite);
        this.symbols.addChild(sprite);
      }
      sprite.visible = true;
      sprite.position.set(Math.round(p.x), Math.round(p.y));
      used.add(spec.id);

      const selected = s.selected.has(spec.id);
      if (selected) {
        // Corner brackets: the usual "hooked" mark.
        const r = p.r + 6;
        const c = 7;
        for (const [sx, sy] of [
          [-1, -1],
          [1, -1],
          [1, 1],
          [-1, 1],
        ] as const) {
          sel.moveTo(p.x + sx * r, p.y + sy * (r - c)).lineTo(p.x + sx * r, p.y + sy * r).lineTo(p.x + sx * (r - c), p.y + sy * r);
        }
        sel.stroke({ color: 0x0a1118, width: 5, alpha: 0.6 });
        for (const [sx, sy] of [
          [-1, -1],
          [1, -1],
          [1, 1],
          [-1, 1],
        ] as const) {
          sel.moveTo(p.x + sx * r, p.y + sy * (r - c)).lineTo(p.x + sx * r, p.y + sy * r).lineTo(p.x + sx * (r - c), p.y + sy * r);
        }
        sel.stroke({ color: SELECT, width: 2.5 });
      }

      // Call-sign label (name + hull), then altitude for aircraft and speed.
      const sub: string[] = [];
      if (spec.kind === 'aircraft') sub.push(`${Math.round(u.altM)} m`);
      if (spec.kind !== 'headquarters' && Math.round(u.speedKt) > 0) sub.push(`${Math.round(u.speedKt)} kt`);
      const name = spec.kind === 'headquarters' ? unitShort(spec) : unitLabel(spec);
      const lines = [{ text: name, tint: selected ? SELECT : colour.hex, bold: selected, size: 12 }];
      if (sub.length) lines.push({ text: sub.join('  '), tint: spec.kind === 'aircraft' ? INK : MUTED, bold: false, size: 11 });
      this.labels.block(lines, unitSpots(p), s.placer);
    }
    for (const [id, sp] of this.sprites) if (!used.has(id)) sp.visible = false;
    this.labels.end();
    this.edgeLabels.end();
  }

  /** An off-screen unit (headquarters far away, or an aircraft that flew off): an arrow at the edge. */
  private edgeMarker(s: DrawState, p: Placed, g: Graphics): void {
    const { cam } = s;
    const colour = nationColour(p.unit.spec.nation);
    const e = edgePoint(p.x, p.y, cam.width, cam.height, 14);
    const pt = slideOutOf(e.x, e.y, s.keepOut, cam.width, cam.height);
    arrowHead(g, pt.x + e.ux * 7, pt.y + e.uy * 7, e.ux, e.uy, 10);
    g.fill({ color: colour.hex, alpha: 0.95 }).stroke({ color: 0x0a1118, width: 1 });
    const rangeNm = Math.hypot(p.wx - cam.cx, p.wy - cam.cy) / KM_PER_NM;
    const text = `${unitShort(p.unit.spec)} ${rangeNm >= 10 ? Math.round(rangeNm) : rangeNm.toFixed(1)} nm`;
    const ax = e.ux > 0.5 ? 1 : e.ux < -0.5 ? 0 : 0.5;
    const ay = e.uy > 0.5 ? 1 : e.uy < -0.5 ? 0 : 0.5;
    const bx = pt.x - e.ux * 8;
    const by = pt.y - e.uy * 8;
    this.edgeLabels.block([{ text, tint: colour.hex, size: 11 }], [
      { x: bx, y: by, ax, ay },
      { x: bx, y: by - 14, ax, ay },
      { x: bx, y: by + 14, ax, ay },
      { x: bx - 40 * (ax === 0.5 ? 1 : 0), y: by, ax, ay },
    ], s.placer);
  }

  /** The unit under a screen point, if any. */
  hit(placed: Map<string, Placed>, x: number, y: number): string | null {
    let best: string | null = null;
    let bestD = Infinity;
    for (const p of placed.values()) {
      if (!p.visible) continue;
      const d = Math.hypot(p.x - x, p.y - y);
      if (d <= p.r + 8 && d < bestD) {
        best = p.id;
        bestD = d;
      }
    }
    return best;
  }
}

function unitSpots(p: Placed): Spot[] {
  const r = p.r;
  return [
    { x: p.x + r + 5, y: p.y, ax: 0, ay: 0.5 },
    { x: p.x - r - 5, y: p.y, ax: 1, ay: 0.5 },
    { x: p.x + r * 0.5, y: p.y - r - 3, ax: 0, ay: 1 },
    { x: p.x + r * 0.5, y: p.y + r + 3, ax: 0, ay: 0 },
    { x: p.x - r * 0.5, y: p.y - r - 3, ax: 1, ay: 1 },
    { x: p.x - r * 0.5, y: p.y + r + 3, ax: 1, ay: 0 },
    { x: p.x + r + 5, y: p.y + 2 * r, ax: 0, ay: 0.5 },
    { x: p.x + r + 5, y: p.y - 2 * r, ax: 0, ay: 0.5 },
    { x: p.x - r - 5, y: p.y + 2 * r, ax: 1, ay: 0.5 },
    { x: p.x - r - 5, y: p.y - 2 * r, ax: 1, ay: 0.5 },
  ];
}

/** Moves a point on the view's border along the border until it is clear of the HUD's areas. */
export function slideOutOf(x: number, y: number, rects: readonly Rect[], w: number, h: number): { x: number; y: number } {
  for (const r of rects) {
    if (x < r.x || x > r.x + r.w || y < r.y || y > r.y + r.h) continue;
    const onSide = x <= 20 || x >= w - 20;
    if (onSide) {
      const up = r.y - 12;
      const down = r.y + r.h + 12;
      y = up > 12 && (y - up < down - y || down > h - 12) ? up : down;
    } else {
      const left = r.x - 12;
      const right = r.x + r.w + 12;
      x = left > 12 && (x - left < right - x || right > w - 12) ? left : right;
    }
  }
  return { x, y };
}
