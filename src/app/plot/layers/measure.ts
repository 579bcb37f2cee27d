/**
 * The measuring line between two units the user picked (shift-click, or "Measure to" in the
 * inspector): bearing and range at its middle; when they are closing, each unit's course drawn
 * dashed on to where it will be at the CPA, the CPA joined and labelled with its range and time.
 * The maths is the core's (relative-motion.ts) through app/measure.ts; spots: geometry/measure.ts.
 */
import { Container, Graphics } from 'pixi.js';
import { LabelPool } from '../labels';
import { LOCK, SELECT } from '../style';
import { besideMiddle, dashes } from '../geometry/measure';
import { cpaText, measureAt, rangeBearingText, type Measured } from '../../measure';
import type { DrawState } from './types';

/** A CPA further off than this (seconds) is not drawn: courses are not held for half a day. */
const CPA_HORIZON_S = 6 * 3600;
const OUTLINE = 0x0a1118;

export class MeasureLayer {
  readonly g = new Graphics();
  private readonly labels: LabelPool;
  /** The last frame's measurement, for tests and the debug hook. */
  measured: Measured | null = null;

  constructor(parent: Container, labelParent: Container) {
    parent.addChild(this.g);
    this.labels = new LabelPool(labelParent, 12);
  }

  draw(s: DrawState): void {
    const g = this.g.clear();
    this.labels.begin(s.lang);
    const m = (this.measured = measureAt(s.frame, s.measure));
    const a = m && s.placed.get(m.from.spec.id);
    const b = m && s.placed.get(m.to.spec.id);
    if (m && a && b) {
      const { cam, proj } = s;
      const c = m.cpa;
      const lines = [{ text: rangeBearingText(m, s.lang), tint: SELECT, size: 13, bold: true }];
      if (c.closure === 'closing' && c.inS <= CPA_HORIZON_S) {
        const [ax, ay] = proj.project(c.a.lat, c.a.lon);
        const [bx, by] = proj.project(c.b.lat, c.b.lon);
        const pa = { x: cam.sx(ax), y: cam.sy(ay) };
        const pb = { x: cam.sx(bx), y: cam.sy(by) };
        const d = [...dashes(a.x, a.y, pa.x, pa.y), ...dashes(b.x, b.y, pb.x, pb.y)];
        for (let i = 0; i < d.length; i += 4) g.moveTo(d[i]!, d[i + 1]!).lineTo(d[i + 2]!, d[i + 3]!);
        g.stroke({ color: LOCK, width: 1.5, alpha: 0.85 });
        g.moveTo(pa.x, pa.y).lineTo(pb.x, pb.y).stroke({ color: LOCK, width: 2 });
        for (const p of [pa, pb]) g.circle(p.x, p.y, 4).fill({ color: OUTLINE }).stroke({ color: LOCK, width: 2 });
        this.labels.block(
          [{ text: cpaText(s.analysis, m, s.t, s.lang), tint: LOCK, size: 12, bold: true }],
          besideMiddle(pa.x, pa.y, pb.x, pb.y, 8),
          s.placer,
          1,
          'cpa',
        );
      } else lines.push({ text: cpaText(s.analysis, m, s.t, s.lang), tint: LOCK, size: 12, bold: false });
      // The line itself, dark under light so it reads over sea, land and trails alike.
      g.moveTo(a.x, a.y).lineTo(b.x, b.y).stroke({ color: OUTLINE, width: 4, alpha: 0.7 });
      g.moveTo(a.x, a.y).lineTo(b.x, b.y).stroke({ color: SELECT, width: 1.75 });
      this.labels.block(lines, besideMiddle(a.x, a.y, b.x, b.y, 8), s.placer, 1, 'rb');
    }
    this.labels.end();
  }
}
