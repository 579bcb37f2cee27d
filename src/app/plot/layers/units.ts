/** Units: fading trails, speed vectors, milsymbol symbols, call-sign labels, selection, edge markers. */
import { Container, Graphics, Sprite } from 'pixi.js';
import { LabelPool, type Rect, type Spot } from '../labels';
import { symbolFor } from '../symbols';
import { INK, MUTED, SELECT, nationColour, unitLabel, unitShort } from '../style';
import { arrowHead, edgePoint } from '../draw';
import { KM_PER_NM } from '../projection';
import type { DrawState, Placed } from './types';

/** The four corners of a selection mark, as (x, y) signs. */
const CORNERS = [
  [-1, -1],
  [1, -1],
  [1, 1],
  [-1, 1],
] as const;

/** The speed vector shows where the unit will be in this many seconds. */
export const VECTOR_S = 60;
/** Alpha steps of a fading trail. */
const TRAIL_STEPS = 4;
/** Trail segments and dots this far (px) outside the view are still drawn (a dot's half size and then some). */
const TRAIL_MARGIN = 4;

/** How far (px) a trail segment's stroke and a dot reach beyond their centre line or point. */
const SEGMENT_HALO = 1.5;
const DOT_HALO = 2.2;

interface TrailStep {
  /** x0, y0, x1, y1 per segment. */
  segs: number[];
  /** x, y per dot. */
  dots: number[];
}

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
  /** Trail geometry of this frame per nation colour and alpha step, drawn in one go after the units. */
  private readonly trailBatches = new Map<number, TrailStep[]>();
  /** Speed vectors of this frame per nation colour: x0, y0, x1, y1 each. */
  private readonly vectorBatches = new Map<number, number[]>();
  /** Edge arrows of this frame per nation colour: x, y, ux, uy each. */
  private readonly edgeBatches = new Map<number, number[]>();
  /** Each unit's symbol, looked up once per spec (sidcFor and the cache key are string work). */
  private readonly symbolOf = new WeakMap<object, ReturnType<typeof symbolFor>>();

  constructor(
    underParent: Container,
    overParent: Container,
    private readonly resolution: number,
  ) {
    underParent.addChild(this.under);
    overParent.addChild(this.over);
    this.under.addChild(this.trails);
    this.over.addChild(this.vectors, this.selection, this.symbols);
    this.symbols.sortableChildren = true;
    this.labels = new LabelPool(this.over, 12);
    this.over.addChild(this.edges);
    this.edgeLabels = new LabelPool(this.over, 11);
  }

  private batch(map: Map<number, number[]>, hex: number): number[] {
    let list = map.get(hex);
    if (!list) {
      list = [];
      map.set(hex, list);
    }
    return list;
  }

  private trailSteps(hex: number): TrailStep[] {
    let steps = this.trailBatches.get(hex);
    if (!steps) {
      steps = Array.from({ length: TRAIL_STEPS }, () => ({ segs: [], dots: [] }));
      this.trailBatches.set(hex, steps);
    }
    return steps;
  }

  private symbol(spec: Parameters<typeof symbolFor>[0]): ReturnType<typeof symbolFor> {
    let sym = this.symbolOf.get(spec);
    if (!sym) {
      sym = symbolFor(spec, this.resolution);
      this.symbolOf.set(spec, sym);
    }
    return sym;
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
      const sym = this.symbol(u.spec);
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
    for (const steps of this.trailBatches.values()) for (const st of steps) st.segs.length = st.dots.length = 0;
    for (const list of this.vectorBatches.values()) list.length = 0;
    for (const list of this.edgeBatches.values()) list.length = 0;
    const w = cam.width + TRAIL_MARGIN;
    const hgt = cam.height + TRAIL_MARGIN;

    for (const p of s.placed.values()) {
      const u = p.unit;
      const spec = u.spec;
      const colour = nationColour(spec.nation);

      // Trail: oldest first, fading with age, joined to the present position; a dot per sample
      // (a plotter's habit: the spacing shows speed). Segments go into a few alpha steps per
      // nation colour, drawn after the loop: the trails of all units are a handful of draw
      // instructions, not a few per unit. Segments and dots wholly off screen are left out.
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
        const steps = this.trailSteps(colour.hex);
        // The unit's own symbol is drawn over its trail: the part under the symbol's opaque middle
        // is not drawn at all (at a wide zoom that is a ship's whole trail).
        const cover = p.visible ? this.symbol(spec).covers : 0;
        const cx = Math.round(p.x);
        const cy = Math.round(p.y);
        const hidden = (x: number, y: number, halo: number) =>
          cover > 0 && (x - cx) * (x - cx) + (y - cy) * (y - cy) <= (cover - halo) * (cover - halo) && cover > halo;
        for (let i = 0; i < n; i++) {
          const fresh = 1 - u.trail[i]!.ageS / maxAge;
          const step = steps[Math.min(TRAIL_STEPS - 1, Math.floor(fresh * TRAIL_STEPS))]!;
          const x0 = xs[i]!;
          const y0 = ys[i]!;
          const x1 = xs[i + 1]!;
          const y1 = ys[i + 1]!;
          const offScreen =
            (x0 < -TRAIL_MARGIN && x1 < -TRAIL_MARGIN) || (y0 < -TRAIL_MARGIN && y1 < -TRAIL_MARGIN) || (x0 > w && x1 > w) || (y0 > hgt && y1 > hgt);
          if (!offScreen && !(hidden(x0, y0, SEGMENT_HALO) && hidden(x1, y1, SEGMENT_HALO))) step.segs.push(x0, y0, x1, y1);
          if (x0 >= -TRAIL_MARGIN && y0 >= -TRAIL_MARGIN && x0 <= w && y0 <= hgt && !hidden(x0, y0, DOT_HALO)) step.dots.push(x0, y0);
        }
      }

      if (!p.visible) {
        this.edgeMarker(s, p);
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
        this.batch(this.vectorBatches, colour.hex).push(x0, y0, p.x + ux * lenPx, p.y + uy * lenPx);
      }

      const sym = this.symbol(spec);
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
        const brackets = () => {
          for (const [sx, sy] of CORNERS)
            sel
              .moveTo(p.x + sx * r, p.y + sy * (r - c))
              .lineTo(p.x + sx * r, p.y + sy * r)
              .lineTo(p.x + sx * (r - c), p.y + sy * r);
        };
        // A dark halo under the bright brackets, so they read on land and on sea alike.
        brackets();
        sel.stroke({ color: 0x0a1118, width: 5, alpha: 0.6 });
        brackets();
        sel.stroke({ color: SELECT, width: 2.5 });
      }

      // Call-sign label (name + hull), then altitude for aircraft and speed.
      const sub: string[] = [];
      if (spec.kind === 'aircraft') sub.push(`${Math.round(u.altM)} m`);
      if (spec.kind !== 'headquarters' && Math.round(u.speedKt) > 0) sub.push(`${Math.round(u.speedKt)} kt`);
      const name = spec.kind === 'headquarters' ? unitShort(spec) : unitLabel(spec);
      const lines = [{ text: name, tint: selected ? SELECT : colour.hex, bold: selected, size: 12 }];
      if (sub.length) lines.push({ text: sub.join('  '), tint: spec.kind === 'aircraft' ? INK : MUTED, bold: false, size: 11 });
      this.labels.block(lines, unitSpots(p), s.placer, 1, spec.id);
    }
    for (const [id, sp] of this.sprites) if (!used.has(id)) sp.visible = false;
    // Speed vectors: a dark casing under all of them, then each nation's colour.
    for (const seg of this.vectorBatches.values()) for (let i = 0; i < seg.length; i += 4) vec.moveTo(seg[i]!, seg[i + 1]!).lineTo(seg[i + 2]!, seg[i + 3]!);
    if ([...this.vectorBatches.values()].some((x) => x.length)) vec.stroke({ color: 0x0a1118, width: 4, alpha: 0.5 });
    for (const [hex, seg] of this.vectorBatches) {
      for (let i = 0; i < seg.length; i += 4) vec.moveTo(seg[i]!, seg[i + 1]!).lineTo(seg[i + 2]!, seg[i + 3]!);
      if (seg.length) vec.stroke({ color: hex, width: 2 });
    }
    // Edge markers of off-screen units, one fill and one outline per nation.
    for (const [hex, a] of this.edgeBatches) {
      for (let i = 0; i < a.length; i += 4) arrowHead(edges, a[i]!, a[i + 1]!, a[i + 2]!, a[i + 3]!, 10);
      if (a.length) edges.fill({ color: hex, alpha: 0.95 }).stroke({ color: 0x0a1118, width: 1 });
    }
    for (const [hex, steps] of this.trailBatches) {
      steps.forEach((st, b) => {
        const seg = st.segs;
        for (let i = 0; i < seg.length; i += 4) tr.moveTo(seg[i]!, seg[i + 1]!).lineTo(seg[i + 2]!, seg[i + 3]!);
        if (seg.length) tr.stroke({ color: hex, width: 1.8, alpha: 0.12 + (0.5 * (b + 1)) / TRAIL_STEPS });
        const dot = st.dots;
        for (let i = 0; i < dot.length; i += 2) tr.rect(dot[i]! - 1.5, dot[i + 1]! - 1.5, 3, 3);
        if (dot.length) tr.fill({ color: hex, alpha: 0.2 + (0.5 * (b + 1)) / TRAIL_STEPS });
      });
    }
    this.labels.end();
    this.edgeLabels.end();
  }

  /** An off-screen unit (headquarters far away, or an aircraft that flew off): an arrow at the edge. */
  private edgeMarker(s: DrawState, p: Placed): void {
    const { cam } = s;
    const colour = nationColour(p.unit.spec.nation);
    const e = edgePoint(p.x, p.y, cam.width, cam.height, 14);
    const pt = slideOutOf(e.x, e.y, s.keepOut, cam.width, cam.height);
    this.batch(this.edgeBatches, colour.hex).push(pt.x + e.ux * 7, pt.y + e.uy * 7, e.ux, e.uy);
    const rangeNm = Math.hypot(p.wx - cam.cx, p.wy - cam.cy) / KM_PER_NM;
    const text = `${unitShort(p.unit.spec)} ${rangeNm >= 10 ? Math.round(rangeNm) : rangeNm.toFixed(1)} nm`;
    const ax = e.ux > 0.5 ? 1 : e.ux < -0.5 ? 0 : 0.5;
    const ay = e.uy > 0.5 ? 1 : e.uy < -0.5 ? 0 : 0.5;
    const bx = pt.x - e.ux * 8;
    const by = pt.y - e.uy * 8;
    this.edgeLabels.block(
      [{ text, tint: colour.hex, size: 11 }],
      [
        { x: bx, y: by, ax, ay },
        { x: bx, y: by - 14, ax, ay },
        { x: bx, y: by + 14, ax, ay },
        { x: bx - 40 * (ax === 0.5 ? 1 : 0), y: by, ax, ay },
      ],
      s.placer,
      1,
      p.id,
    );
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
