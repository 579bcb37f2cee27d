/**
 * Units: fading trails, speed vectors, milsymbol symbols, selection, edge markers (their labels are
 * laid out with the rest: geometry/label-items.ts). Where each goes is worked out in
 * geometry/units.ts; this layer draws it.
 */
import { Container, Graphics, Sprite, type StrokeInput } from 'pixi.js';
import { labelScale } from '../labels';
import { symbolFor } from '../symbols';
import { SELECT, nationColour, plotTheme } from '../style';
import { GraphicsRun, SEGMENTS_PER_GRAPHICS, arrowHead } from '../draw';
import { TRAIL_STEPS, binTrail, edgeMarker, placeUnits, selectionBrackets, speedVector, unitUnder, type TrailStep } from '../geometry/units';
import type { DrawState, Placed } from './types';
import { isAshore, traitsOf, type Element } from '../../../core/kinds';
import { drawsTrail, symbolScale, trailsStand } from '../geometry/detail';
import { SLICE_ITEMS, drain } from '../geometry/slices';

/** Aircraft above ships above a headquarters marker. */
const Z_ORDER: Record<Element, number> = { air: 2, sea: 1, shore: 0 };

export class UnitsLayer {
  readonly under = new Container();
  readonly over = new Container();
  /** The trails, per nation colour and fading step, a few hundred segments a Graphics (draw.ts GraphicsRun). */
  private readonly trails = new GraphicsRun();
  /** At reduced detail: from where each standing trail ended (its unit's position then) to the unit now. */
  private readonly heads = new Graphics();
  /** What the trails on screen were drawn for (view and units, simulated time), and where each ended. */
  private trailsBuilt: { key: string; t: number } | null = null;
  private readonly trailEnds = new Map<string, { x: number; y: number; hex: number }>();
  private readonly vectors = new GraphicsRun();
  private readonly selection = new Graphics();
  private readonly symbols = new Container();
  private readonly sprites = new Map<string, Sprite>();
  private readonly edges = new Graphics();
  /** Scratch screen coordinates of a trail, reused frame to frame. */
  private readonly xs: number[] = [];
  private readonly ys: number[] = [];
  /** Trail geometry of this frame per nation colour and alpha step, drawn in one go after the units. */
  private readonly trailBatches = new Map<number, TrailStep[]>();
  /** Speed vectors of this frame per nation colour: x0, y0, x1, y1 each. */
  private readonly vectorBatches = new Map<number, number[]>();
  /** Edge arrows of this frame per nation colour: x, y, ux, uy each. */
  private readonly edgeBatches = new Map<number, number[]>();
  /** The units whose trails were drawn in the last scene (the debug hook reports them). */
  readonly trailed = new Set<string>();
  /** Each unit's symbol, looked up once per spec (sidcFor and the cache key are string work). */
  private readonly symbolOf = new WeakMap<object, ReturnType<typeof symbolFor> & { scale: number }>();

  constructor(
    underParent: Container,
    overParent: Container,
    private readonly resolution: number,
  ) {
    underParent.addChild(this.under);
    overParent.addChild(this.over);
    this.under.addChild(this.trails.container, this.heads);
    this.over.addChild(this.vectors.container, this.selection, this.symbols);
    this.symbols.sortableChildren = true;
    this.over.addChild(this.edges);
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

  /** `shrink`: smaller at reduced detail (geometry/detail.ts symbolScale). */
  private symbol(spec: Parameters<typeof symbolFor>[0], shrink = 1): ReturnType<typeof symbolFor> {
    // Symbols grow with the labels in presentation mode.
    const scale = labelScale() * shrink;
    let sym = this.symbolOf.get(spec);
    if (!sym || sym.scale !== scale) {
      sym = { ...symbolFor(spec, this.resolution, scale), scale };
      this.symbolOf.set(spec, sym);
    }
    return sym;
  }

  /** Places units on screen and reserves their symbols in the placer; called before any layer draws. */
  place(s: DrawState): void {
    placeUnits(s.frame.units, s.cam, s.proj, (spec) => this.symbol(spec, symbolScale(s.detail, spec.id)).radius, s.placed, s.placer, s.selected);
  }

  draw(s: DrawState): void {
    drain(this.drawSteps(s));
  }

  /** draw in slices (geometry/slices.ts). */
  *drawSteps(s: DrawState): Generator<void> {
    this.selection.clear();
    const used = new Set<string>();
    for (const steps of this.trailBatches.values()) for (const st of steps) st.segs.length = st.dots.length = 0;
    for (const list of this.vectorBatches.values()) list.length = 0;
    for (const list of this.edgeBatches.values()) list.length = 0;
    const offScreen: Placed[] = [];
    const trailsKey = this.trailsKey(s);
    const stand = trailsStand(s.detail, this.trailsBuilt, trailsKey, s.t);
    if (!stand) {
      this.trailed.clear();
      this.trailEnds.clear();
      // Until they are drawn again (a rebuild in slices may be dropped half way), nothing stands.
      this.trailsBuilt = null;
    }
    let n = 0;
    for (const p of s.placed.values()) {
      if (++n % SLICE_ITEMS === 0) yield;
      if (!stand && drawsTrail(s.detail, p.id, p.visible) && this.addTrail(s, p)) {
        this.trailed.add(p.id);
        this.trailEnds.set(p.id, { x: p.x, y: p.y, hex: nationColour(p.unit.spec.nation).hex });
      }
      if (!p.visible) {
        offScreen.push(p);
        continue;
      }
      const spec = p.unit.spec;
      if (!isAshore(spec)) {
        const v = speedVector(p, p.unit.headingDeg, p.unit.speedKt, s.cam.scale);
        if (v) this.batch(this.vectorBatches, nationColour(spec.nation).hex).push(v.x0, v.y0, v.x1, v.y1);
      }
      this.showSymbol(p, symbolScale(s.detail, p.id));
      used.add(spec.id);
      const selected = s.selected.has(spec.id);
      if (selected) this.drawBrackets(p);
    }
    for (const p of offScreen) this.edgeMarker(s, p);
    for (const [id, sp] of this.sprites) if (!used.has(id)) sp.visible = false;
    yield* this.flushVectors();
    this.flushEdges();
    yield;
    if (stand) this.drawHeads(s);
    else {
      this.trailsBuilt = { key: trailsKey, t: s.t };
      this.heads.clear();
      yield* this.flushTrails();
    }
  }

  /** The view and the units whose trails are drawn: standing trails (reduced detail) are drawn again when either changes. */
  private trailsKey(s: DrawState): string {
    if (!s.detail.reduced) return '';
    const { cam } = s;
    let ids = '';
    for (const p of s.placed.values()) if (drawsTrail(s.detail, p.id, p.visible)) ids += `${p.id},`;
    return `${cam.cx},${cam.cy},${cam.scale},${cam.width},${cam.height}|${labelScale()}|${plotTheme()}|${ids}`;
  }

  /** Standing trails joined to where their units are now, in the freshest step's colour. */
  private drawHeads(s: DrawState): void {
    const g = this.heads.clear();
    const byColour = new Map<number, number[]>();
    for (const [id, end] of this.trailEnds) {
      const p = s.placed.get(id);
      if (p && (p.x !== end.x || p.y !== end.y)) this.batch(byColour, end.hex).push(end.x, end.y, p.x, p.y);
    }
    for (const [hex, seg] of byColour) {
      for (let i = 0; i < seg.length; i += 4) g.moveTo(seg[i]!, seg[i + 1]!).lineTo(seg[i + 2]!, seg[i + 3]!);
      // The freshest step's look (flushTrails, b = TRAIL_STEPS - 1).
      g.stroke({ color: hex, width: 1.8, alpha: 0.12 + 0.5 });
    }
  }

  /**
   * Trail: oldest first, fading with age, joined to the present position; a dot per sample (a
   * plotter's habit: the spacing shows speed). Segments go into a few alpha steps per nation
   * colour, drawn after every unit (flushTrails): the trails of all units are a handful of draw
   * instructions, not a few per unit. The unit's own symbol is drawn over its trail: the part
   * under the symbol's opaque middle is not drawn at all (at a wide zoom that is a ship's whole trail).
   */
  private addTrail(s: DrawState, p: Placed): boolean {
    const { cam, proj } = s;
    const trail = p.unit.trail;
    const n = trail.length;
    if (n === 0) return false;
    const xs = this.xs;
    const ys = this.ys;
    for (let i = 0; i < n; i++) {
      const q = trail[i]!;
      const [wx, wy] = proj.project(q.lat, q.lon);
      xs[i] = cam.sx(wx);
      ys[i] = cam.sy(wy);
    }
    xs[n] = p.x;
    ys[n] = p.y;
    const cover = { x: Math.round(p.x), y: Math.round(p.y), r: p.visible ? this.symbol(p.unit.spec, symbolScale(s.detail, p.id)).covers : 0 };
    binTrail(xs, ys, trail, cover, cam.width, cam.height, this.trailSteps(nationColour(p.unit.spec.nation).hex));
    return true;
  }

  private showSymbol(p: Placed, shrink: number): void {
    const spec = p.unit.spec;
    const sym = this.symbol(spec, shrink);
    let sprite = this.sprites.get(spec.id);
    if (!sprite || sprite.texture !== sym.texture) {
      sprite?.destroy();
      sprite = new Sprite(sym.texture);
      sprite.anchor.set(sym.ax, sym.ay);
      // Aircraft fly over ships: their symbols stay on top when they pass close.
      sprite.zIndex = Z_ORDER[traitsOf(spec).element];
      this.sprites.set(spec.id, sprite);
      this.symbols.addChild(sprite);
    }
    sprite.visible = true;
    sprite.position.set(Math.round(p.x), Math.round(p.y));
  }

  /** Corner brackets, with a dark halo under the bright ones so they read on land and on sea alike. */
  private drawBrackets(p: Placed): void {
    const sel = this.selection;
    const brackets = selectionBrackets(p);
    const path = () => {
      for (const [a, b, c] of brackets) sel.moveTo(a![0], a![1]).lineTo(b![0], b![1]).lineTo(c![0], c![1]);
    };
    path();
    sel.stroke({ color: 0x0a1118, width: 5, alpha: 0.6 });
    path();
    sel.stroke({ color: SELECT, width: 2.5 });
  }

  /** Speed vectors: a dark casing under all of them, then each nation's colour. */
  private *flushVectors(): Generator<void> {
    const run = this.vectors;
    run.begin();
    const all = [...this.vectorBatches.values()];
    yield* strokeSegments(run, all, { color: 0x0a1118, width: 4, alpha: 0.5 });
    for (const [hex, seg] of this.vectorBatches) yield* strokeSegments(run, [seg], { color: hex, width: 2 });
    run.end();
  }

  /** Edge markers of off-screen units, one fill and one outline per nation. */
  private flushEdges(): void {
    const edges = this.edges.clear();
    for (const [hex, a] of this.edgeBatches) {
      for (let i = 0; i < a.length; i += 4) arrowHead(edges, a[i]!, a[i + 1]!, a[i + 2]!, a[i + 3]!, 10);
      if (a.length) edges.fill({ color: hex, alpha: 0.95 }).stroke({ color: 0x0a1118, width: 1 });
    }
  }

  private *flushTrails(): Generator<void> {
    const run = this.trails;
    run.begin();
    for (const [hex, steps] of this.trailBatches) {
      for (let b = 0; b < steps.length; b++) {
        const { segs, dots } = steps[b]!;
        yield* strokeSegments(run, [segs], { color: hex, width: 1.8, alpha: 0.12 + (0.5 * (b + 1)) / TRAIL_STEPS });
        for (let i = 0; i < dots.length; i += 2 * SEGMENTS_PER_GRAPHICS) {
          yield;
          const tr = run.next();
          const end = Math.min(dots.length, i + 2 * SEGMENTS_PER_GRAPHICS);
          for (let j = i; j < end; j += 2) tr.rect(dots[j]! - 1.5, dots[j + 1]! - 1.5, 3, 3);
          tr.fill({ color: hex, alpha: 0.2 + (0.5 * (b + 1)) / TRAIL_STEPS });
        }
      }
    }
    run.end();
  }

  /** An off-screen unit (headquarters far away, or an aircraft that flew off): an arrow at the edge. */
  private edgeMarker(s: DrawState, p: Placed): void {
    const { cam } = s;
    const colour = nationColour(p.unit.spec.nation);
    const m = edgeMarker(p.x, p.y, cam.width, cam.height, s.keepOut);
    this.batch(this.edgeBatches, colour.hex).push(m.tip.x, m.tip.y, m.tip.ux, m.tip.uy);
  }

  /** The unit under a screen point, if any. */
  hit(placed: ReadonlyMap<string, Placed>, x: number, y: number): string | null {
    return unitUnder(placed.values(), x, y);
  }
}

/** Strokes the segments (x0, y0, x1, y1 each) of the lists in order, a step per Graphics of the run. */
function* strokeSegments(run: GraphicsRun, lists: readonly number[][], style: StrokeInput): Generator<void> {
  let g: Graphics | null = null;
  let n = 0;
  for (const seg of lists) {
    for (let i = 0; i < seg.length; i += 4) {
      if (!g) {
        yield;
        g = run.next();
      }
      g.moveTo(seg[i]!, seg[i + 1]!).lineTo(seg[i + 2]!, seg[i + 3]!);
      if (++n % SEGMENTS_PER_GRAPHICS === 0) {
        g.stroke(style);
        g = null;
      }
    }
  }
  g?.stroke(style);
}
