/**
 * The measuring line between two units the user picked (shift-click, or "Measure to" in the
 * inspector): bearing and range at its middle; when they are closing, each unit's course drawn
 * dashed on to where it will be at the CPA, the CPA joined and labelled with its range and time.
 * The maths is the core's (relative-motion.ts) through app/measure.ts; spots: geometry/measure.ts.
 * Its labels are laid out with every other label of the scene (geometry/layout.ts): `items`
 * gives them before the layout, `draw` draws the lines after it.
 */
import { Container, Graphics } from 'pixi.js';
import { LOCK, SELECT } from '../style';
import { besideMiddle, dashes } from '../geometry/measure';
import type { LabelItem, LabelLine } from '../geometry/layout';
import { cpaText, measureAt, rangeBearingText, type Measured } from '../../measure';
import type { DrawState } from './types';

/** A CPA further off than this (seconds) is not drawn: courses are not held for half a day. */
const CPA_HORIZON_S = 6 * 3600;
const OUTLINE = 0x0a1118;

interface Drawn {
  a: { x: number; y: number };
  b: { x: number; y: number };
  /** The two CPA positions, when the units are closing within the horizon. */
  cpa: { pa: { x: number; y: number }; pb: { x: number; y: number } } | null;
}

export class MeasureLayer {
  readonly g = new Graphics();
  /** The last frame's measurement, for tests and the debug hook. */
  measured: Measured | null = null;
  private drawn: Drawn | null = null;

  constructor(parent: Container) {
    parent.addChild(this.g);
  }

  /** Works out the measurement at the playhead and the labels it asks for (before the scene's layout). */
  items(s: DrawState): LabelItem[] {
    const m = (this.measured = measureAt(s.frame, s.measure));
    const a = m && s.placed.get(m.from.spec.id);
    const b = m && s.placed.get(m.to.spec.id);
    this.drawn = null;
    if (!m || !a || !b) return [];
    const { cam, proj } = s;
    const c = m.cpa;
    const lines: LabelLine[] = [{ text: rangeBearingText(m, s.lang), tint: SELECT, size: 13, bold: true }];
    const out: LabelItem[] = [];
    let cpa: Drawn['cpa'] = null;
    if (c.closure === 'closing' && c.inS <= CPA_HORIZON_S) {
      const [ax, ay] = proj.project(c.a.lat, c.a.lon);
      const [bx, by] = proj.project(c.b.lat, c.b.lon);
      cpa = { pa: { x: cam.sx(ax), y: cam.sy(ay) }, pb: { x: cam.sx(bx), y: cam.sy(by) } };
      const { pa, pb } = cpa;
      out.push({
        key: 'measure/cpa',
        kind: 'measure',
        lines: [{ text: cpaText(s.analysis, m, s.t, s.lang), tint: LOCK, size: 12, bold: true }],
        spots: besideMiddle(pa.x, pa.y, pb.x, pb.y, 8),
        point: { x: (pa.x + pb.x) / 2, y: (pa.y + pb.y) / 2, r: 4 },
        alpha: 1,
      });
    } else lines.push({ text: cpaText(s.analysis, m, s.t, s.lang), tint: LOCK, size: 12, bold: false });
    out.unshift({
      key: 'measure/range',
      kind: 'measure',
      lines,
      spots: besideMiddle(a.x, a.y, b.x, b.y, 8),
      point: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, r: 2 },
      alpha: 1,
    });
    this.drawn = { a, b, cpa };
    return out;
  }

  draw(): void {
    const g = this.g.clear();
    const d = this.drawn;
    if (!d) return;
    const { a, b, cpa } = d;
    if (cpa) {
      const { pa, pb } = cpa;
      const dash = [...dashes(a.x, a.y, pa.x, pa.y), ...dashes(b.x, b.y, pb.x, pb.y)];
      for (let i = 0; i < dash.length; i += 4) g.moveTo(dash[i]!, dash[i + 1]!).lineTo(dash[i + 2]!, dash[i + 3]!);
      g.stroke({ color: LOCK, width: 1.5, alpha: 0.85 });
      g.moveTo(pa.x, pa.y).lineTo(pb.x, pb.y).stroke({ color: LOCK, width: 2 });
      for (const p of [pa, pb]) g.circle(p.x, p.y, 4).fill({ color: OUTLINE }).stroke({ color: LOCK, width: 2 });
    }
    // The line itself, dark under light so it reads over sea, land and trails alike.
    g.moveTo(a.x, a.y).lineTo(b.x, b.y).stroke({ color: OUTLINE, width: 4, alpha: 0.7 });
    g.moveTo(a.x, a.y).lineTo(b.x, b.y).stroke({ color: SELECT, width: 1.75 });
  }
}
