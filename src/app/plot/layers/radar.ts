/**
 * Radar and sensor pointing. Three looks a trainer must tell apart at a glance:
 * - search: a faint wedge sweeping round the ship at the antenna's rotation rate (real time, visual only);
 * - held on a target (track): a solid bright beam to the target, its width pulsing;
 * - pointed but not transmitting (slewed): a thin dashed line.
 *
 * The moving parts never rebuild geometry: each sweep and each lock beam is a Graphics drawn once
 * and then only rotated, moved and scaled per frame, which is all a software renderer can afford.
 */
import { Container, Graphics, GraphicsContext } from 'pixi.js';
import { LabelPool, type Spot } from '../labels';
import { dashedPath } from '../draw';
import { LOCK, SLEWED, nationColour, unitShort } from '../style';
import type { DrawState } from './types';

const SWEEP_WIDTH = (28 * Math.PI) / 180;
const SWEEP_STEPS = 5;

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 33 + s.charCodeAt(i)) >>> 0;
  return h;
}

interface Sweep {
  g: Graphics;
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
  private readonly labelsContainer = new Container();
  private readonly labels: LabelPool;
  private readonly sweepPool = new Map<string, Sweep>();
  private readonly lockPool = new Map<string, Lock>();
  private activeSweeps: Sweep[] = [];
  private activeLocks: Lock[] = [];
  /** True when something on screen moves with real time (a sweep or a pulsing beam). */
  animating = false;

  constructor(labelParent: Container) {
    labelParent.addChild(this.labelsContainer);
    this.labels = new LabelPool(this.labelsContainer, 11);
    this.beams.addChild(this.slewed);
  }

  /** Lays out sweeps, beams and labels for the scene (playhead, camera, selection). */
  draw(s: DrawState): void {
    const sl = this.slewed.clear();
    this.labels.begin();
    const usedSweeps = new Set<string>();
    const usedLocks = new Set<string>();
    this.activeSweeps = [];
    this.activeLocks = [];

    for (const p of s.placed.values()) {
      const u = p.unit;
      const spec = u.spec;
      if (spec.kind === 'headquarters') continue;
      const colour = nationColour(spec.nation);
      let searchIdx = 0;
      let beamIdx = 0;
      for (const em of u.emitters) {
        if (em.mode === 'off' || em.type === 'esm') continue;
        const key = `${spec.id}/${em.id}`;
        const name = s.index.emitterNames.get(key) ?? em.id;
        if (em.mode === 'search') {
          if (!p.visible || em.type !== 'search-radar') continue;
          // Rotating sweep; the radius is symbolic, not the radar's range.
          const radius = (spec.kind === 'aircraft' ? 34 : 46) + 16 * searchIdx;
          searchIdx++;
          const sweep = this.sweep(key, radius, colour.hex, s.crowded);
          sweep.periodS = spec.emitters.find((e) => e.id === em.id)?.rotationS ?? 6;
          sweep.phase = (hash(em.id) % 628) / 100;
          sweep.g.position.set(p.x, p.y);
          sweep.g.visible = true;
          usedSweeps.add(key);
          this.activeSweeps.push(sweep);
          continue;
        }
        const target = em.target ? s.placed.get(em.target) : undefined;
        if (!target || (!p.visible && !target.visible)) continue;
        const dx = target.x - p.x;
        const dy = target.y - p.y;
        const len = Math.hypot(dx, dy) || 1;
        const ux = dx / len;
        const uy = dy / len;
        // Left of emitter → target; two beams to one target (tracker and camera, say) get lanes.
        const nx = uy;
        const ny = -ux;
        const lane = beamIdx === 0 ? 0 : beamIdx % 2 === 1 ? -(beamIdx + 1) / 2 : beamIdx / 2;
        const lo = lane * 6;
        beamIdx++;
        const x0 = p.x + ux * (p.r * 0.6) + nx * lo;
        const y0 = p.y + uy * (p.r * 0.6) + ny * lo;
        const x1 = target.x - ux * (target.r + 2) + nx * lo;
        const y1 = target.y - uy * (target.r + 2) + ny * lo;
        const who = unitShort(target.unit.spec);
        let text: string;
        let tint: number;
        if (em.mode === 'track') {
          // Held on the target and transmitting: bright; the pulse is applied per frame in animate().
          const lock = this.lock(key);
          lock.beam.position.set(x0, y0);
          lock.beam.rotation = Math.atan2(y1 - y0, x1 - x0);
          lock.beam.scale.x = Math.hypot(x1 - x0, y1 - y0);
          lock.ring.position.set(target.x, target.y);
          lock.ring.scale.set(target.r + 6);
          lock.beam.visible = lock.ring.visible = true;
          usedLocks.add(key);
          this.activeLocks.push(lock);
          text = em.type === 'fire-control-radar' ? `${name}: FIRE-CONTROL LOCK on ${who}` : `${name}: held on ${who}, transmitting`;
          tint = LOCK;
        } else {
          // Slewed: the antenna (or camera) points at the target but nothing is radiated.
          dashedPath(sl, x0, y0, x1, y1, 7, 6);
          sl.stroke({ color: 0x0a1118, width: 3.4, alpha: 0.55 });
          dashedPath(sl, x0, y0, x1, y1, 7, 6);
          sl.stroke({ color: SLEWED, width: 1.5, alpha: 0.95 });
          text = `${name}: pointed at ${who}, not transmitting`;
          tint = SLEWED;
        }
        // Label beside its beam, near the emitter, on the beam's lane side first.
        const side = lane < 0 ? -1 : 1;
        const spots: Spot[] = [];
        for (const dist of [10, 26, 44]) {
          for (const f of [0.3, 0.45, 0.18, 0.6, 0.75]) {
            for (const sd of [side, -side]) {
              const sx = nx * sd;
              const sy = ny * sd;
              spots.push({
                x: p.x + dx * f + sx * dist,
                y: p.y + dy * f + sy * dist,
                ax: sx < -0.3 ? 1 : sx > 0.3 ? 0 : 0.5,
                ay: sy < -0.3 ? 1 : sy > 0.3 ? 0 : 0.5,
              });
            }
          }
        }
        this.labels.block([{ text, tint, size: 11, bold: em.mode === 'track' }], spots, s.placer, 1, key);
      }
    }
    for (const [k, sw] of this.sweepPool) if (!usedSweeps.has(k)) sw.g.visible = false;
    for (const [k, l] of this.lockPool) if (!usedLocks.has(k)) l.beam.visible = l.ring.visible = false;
    this.labels.end();
    this.animating = this.activeSweeps.length > 0 || this.activeLocks.length > 0;
    this.animate(s.now);
  }

  /** Per frame: turn the sweeps and pulse the locks. Transforms only, no geometry. */
  animate(nowMs: number): void {
    const secs = nowMs / 1000;
    for (const sw of this.activeSweeps) sw.g.rotation = ((secs / sw.periodS) % 1) * Math.PI * 2 + sw.phase;
    const pulse = 0.5 + 0.5 * Math.sin(secs * Math.PI * 2 * 1.6);
    for (const l of this.activeLocks) {
      l.beam.scale.y = 1 + pulse;
      l.beam.alpha = 0.85 + 0.15 * pulse;
      l.ring.alpha = 0.55 + 0.4 * pulse;
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
    sw = { g, periodS: 6, phase: 0 };
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
    const steps = plain ? 2 : SWEEP_STEPS;
    for (let k = 0; k < steps; k++) {
      const a1 = -(SWEEP_WIDTH * k) / steps;
      const a0 = -(SWEEP_WIDTH * (k + 1)) / steps;
      ctx
        .moveTo(0, 0)
        .arc(0, 0, radius, a0, a1)
        .closePath()
        .fill({ color: colour, alpha: 0.3 * (1 - k / steps) });
    }
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
