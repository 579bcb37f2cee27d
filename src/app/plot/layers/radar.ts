/**
 * Radar and sensor pointing. Three looks a trainer must tell apart at a glance:
 * - search: a faint wedge sweeping round the ship at the antenna's rotation rate (real time, visual only);
 * - held on a target (track): a solid bright beam to the target, its width pulsing;
 * - pointed but not transmitting (slewed): a thin dashed line.
 *
 * The moving parts never rebuild geometry: each sweep and each lock beam is a Graphics drawn once
 * and then only rotated, moved and scaled per frame, which is all a software renderer can afford.
 * Where they go (lanes, beam ends, sweep angles, label spots): geometry/radar.ts.
 */
import { Container, Graphics, GraphicsContext } from 'pixi.js';
import { dashedPath } from '../draw';
import { LOCK, SLEWED, nationColour } from '../style';
import {
  beamLane,
  beamLine,
  beamTransform,
  lockPulse,
  lockReach,
  slewedReach,
  sweepPhase,
  sweepRadius,
  sweepReach,
  sweepRotation,
  sweepWedges,
  SWEEP_STEPS,
  type Box,
} from '../geometry/radar';
import type { EmitterView } from '../../../core/replay/replay';
import type { DrawState, Placed } from './types';
import { traitsOf } from '../../../core/kinds';
import { drawsSweeps } from '../geometry/detail';

interface Sweep {
  g: Graphics;
  /** The unit whose sweep it is. */
  unit: string;
  periodS: number;
  phase: number;
}

interface Lock {
  beam: Graphics;
  ring: Graphics;
}

export class RadarLayer {
  /** Sweeps: add under the radio calls. */
  readonly sweeps = new Container();
  /** Beams: add over the radio calls. */
  readonly beams = new Container();
  private readonly slewed = new Graphics();
  private readonly sweepPool = new Map<string, Sweep>();
  private readonly lockPool = new Map<string, Lock>();
  private activeSweeps: Sweep[] = [];
  private activeLocks: Lock[] = [];
  /** True when something on screen moves with real time (a sweep or a pulsing beam). */
  animating = false;

  constructor() {
    this.beams.addChild(this.slewed);
  }

  /** Lays out sweeps and beams for the scene (playhead, camera, selection). */
  draw(s: DrawState): void {
    this.slewed.clear();
    const usedSweeps = new Set<string>();
    const usedLocks = new Set<string>();
    this.activeSweeps = [];
    this.activeLocks = [];
    for (const a of pointing(s)) {
      if (a.target) this.drawBeam(s, a.p, a.em, a.target, beamLane(a.index), usedLocks);
      else this.drawSweep(s, a.p, a.em, a.index, usedSweeps);
    }
    for (const [k, sw] of this.sweepPool) if (!usedSweeps.has(k)) sw.g.visible = false;
    for (const [k, l] of this.lockPool) if (!usedLocks.has(k)) l.beam.visible = l.ring.visible = false;
    this.animating = this.activeSweeps.length > 0 || this.activeLocks.length > 0;
    this.animate(s.now);
  }

  /**
   * The boxes (screen px) that what draw(s) would put on the plot covers, at any angle of a sweep
   * and any moment of a pulse; nothing on screen changes (the still layers' pictures are composed
   * round them before the scene is shown: geometry/composite.ts).
   */
  reach(s: DrawState): Box[] {
    const out: Box[] = [];
    for (const a of pointing(s)) {
      if (!a.target) out.push(sweepReach(a.p.x, a.p.y, sweepRadius(a.p.unit.spec.kind, a.index)));
      else if (a.em.mode === 'track') out.push(...lockReach(beamLine(a.p, a.target, beamLane(a.index)), a.target));
      else out.push(slewedReach(beamLine(a.p, a.target, beamLane(a.index))));
    }
    return out;
  }

  /** A rotating search sweep round the unit. */
  private drawSweep(s: DrawState, p: Placed, em: EmitterView, index: number, used: Set<string>): void {
    const spec = p.unit.spec;
    const key = `${spec.id}/${em.id}`;
    const sweep = this.sweep(key, sweepRadius(spec.kind, index), nationColour(spec.nation).hex, s.crowded);
    sweep.periodS = spec.emitters.find((e) => e.id === em.id)?.rotationS ?? 6;
    sweep.phase = sweepPhase(em.id);
    sweep.unit = spec.id;
    sweep.g.position.set(p.x, p.y);
    sweep.g.visible = true;
    used.add(key);
    this.activeSweeps.push(sweep);
  }

  /** A beam held on a target (a pulsing lock) or pointed at it without transmitting (dashed); its label is label-items.ts'. */
  private drawBeam(s: DrawState, p: Placed, em: EmitterView, target: Placed, lane: number, used: Set<string>): void {
    const key = `${p.unit.spec.id}/${em.id}`;
    const b = beamLine(p, target, lane);
    if (em.mode === 'track') {
      // Held on the target and transmitting: bright; the pulse is applied per frame in animate().
      const lock = this.lock(key);
      const tr = beamTransform(b);
      lock.beam.position.set(tr.x, tr.y);
      lock.beam.rotation = tr.rotation;
      lock.beam.scale.x = tr.length;
      lock.ring.position.set(target.x, target.y);
      lock.ring.scale.set(target.r + 6);
      lock.beam.visible = lock.ring.visible = true;
      used.add(key);
      this.activeLocks.push(lock);
    } else {
      // Slewed: the antenna (or camera) points at the target but nothing is radiated.
      const sl = this.slewed;
      dashedPath(sl, b.x0, b.y0, b.x1, b.y1, 7, 6);
      sl.stroke({ color: 0x0a1118, width: 3.4, alpha: 0.55 });
      dashedPath(sl, b.x0, b.y0, b.x1, b.y1, 7, 6);
      sl.stroke({ color: SLEWED, width: 1.5, alpha: 0.95 });
    }
  }

  /** The units whose sweeps are on screen (the debug hook reports them). */
  sweepingUnits(): string[] {
    return [...new Set(this.activeSweeps.map((s) => s.unit))];
  }

  /** Per frame: turn the sweeps and pulse the locks. Transforms only, no geometry. */
  animate(nowMs: number): void {
    for (const sw of this.activeSweeps) sw.g.rotation = sweepRotation(nowMs, sw.periodS, sw.phase);
    const pulse = lockPulse(nowMs);
    for (const l of this.activeLocks) {
      l.beam.scale.y = pulse.thickness;
      l.beam.alpha = pulse.beamAlpha;
      l.ring.alpha = pulse.ringAlpha;
    }
  }

  /**
   * A wedge pointing along +x with a fading tail. The geometry is built once per radius and colour
   * and shared by every sweep that looks the same.
   */
  private sweep(key: string, radius: number, colour: number, plain: boolean): Sweep {
    const ctx = this.sweepContext(radius, colour, plain);
    let sw = this.sweepPool.get(key);
    if (sw && sw.g.context === ctx) return sw;
    sw?.g.destroy();
    const g = new Graphics(ctx);
    this.sweeps.addChild(g);
    sw = { g, unit: '', periodS: 6, phase: 0 };
    this.sweepPool.set(key, sw);
    return sw;
  }

  private readonly sweepContexts = new Map<string, GraphicsContext>();

  /**
   * `plain` (a crowded frame): two fading steps instead of five and no range ring, about a tenth
   * of the triangles. A software renderer pays for every triangle, and with hundreds of sweeps on
   * screen the ring of each is lost among the others anyway.
   */
  private sweepContext(radius: number, colour: number, plain: boolean): GraphicsContext {
    const key = `${radius}|${colour}|${plain}`;
    let ctx = this.sweepContexts.get(key);
    if (ctx) return ctx;
    ctx = new GraphicsContext();
    // A plain sweep is small enough to batch (its vertices are moved on the CPU as it turns);
    // a full one is drawn on its own, as pixi decides.
    if (plain) ctx.batchMode = 'batch';
    for (const w of sweepWedges(plain ? 2 : SWEEP_STEPS)) ctx.moveTo(0, 0).arc(0, 0, radius, w.a0, w.a1).closePath().fill({ color: colour, alpha: w.alpha });
    ctx.moveTo(0, 0).lineTo(radius, 0).stroke({ color: colour, width: 1.2, alpha: 0.65 });
    if (!plain) ctx.circle(0, 0, radius).stroke({ color: colour, width: 1, alpha: 0.14 });
    this.sweepContexts.set(key, ctx);
    return ctx;
  }

  /** A unit-length beam along +x (scaled to length, pulsed in y) and a unit ring at the target. */
  private lock(key: string): Lock {
    let l = this.lockPool.get(key);
    if (l) return l;
    const beam = new Graphics();
    beam.rect(0, -3.6, 1, 7.2).fill({ color: LOCK, alpha: 0.2 });
    beam.rect(0, -1.1, 1, 2.2).fill({ color: LOCK, alpha: 0.95 });
    const ring = new Graphics();
    ring.circle(0, 0, 1).stroke({ color: LOCK, width: 0.12, alpha: 1 });
    this.beams.addChild(beam, ring);
    l = { beam, ring };
    this.lockPool.set(key, l);
    return l;
  }
}

/**
 * What the radar draws for a scene, in drawing order: each searching radar's sweep of a unit on
 * screen (index: its sweeps counted from 0) and each beam from an emitter to its target (index:
 * the unit's beams counted from 0, its lane beamLane(index)).
 */
function* pointing(s: DrawState): Generator<{ p: Placed; em: EmitterView; index: number; target: Placed | null }> {
  for (const p of s.placed.values()) {
    if (!traitsOf(p.unit.spec).onPlot) continue;
    let searchIdx = 0;
    let beamIdx = 0;
    for (const em of p.unit.emitters) {
      if (em.mode === 'off' || em.type === 'esm') continue;
      if (em.mode === 'search') {
        if (p.visible && em.type === 'search-radar' && drawsSweeps(s.detail, p.id)) yield { p, em, index: searchIdx++, target: null };
        continue;
      }
      const target = em.target ? s.placed.get(em.target) : undefined;
      if (!target || (!p.visible && !target.visible)) continue;
      yield { p, em, index: beamIdx++, target };
    }
  }
}
