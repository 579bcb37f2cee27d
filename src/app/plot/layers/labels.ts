/**
 * Every placed label of the scene, over the lines and symbols, with a leader line from each label
 * that had to move away from its point. Where they go is decided before anything is drawn
 * (geometry/label-items.ts, geometry/layout.ts); this layer only draws the result.
 */
import { Container, Graphics } from 'pixi.js';
import { LabelPool } from '../labels';
import { drawnApart } from '../still';
import type { Layout } from '../geometry/layout';
import type { Lang } from '../../../i18n';

export class LabelsLayer {
  readonly container = new Container();
  private readonly leaders = new Graphics();
  private readonly pool: LabelPool;

  constructor(parent: Container) {
    parent.addChild(this.container);
    this.container.addChild(this.leaders);
    this.pool = new LabelPool(this.container, 11);
    drawnApart(this.pool.container);
  }

  /** Measures words as the drawn labels will be (for the layout, before drawing). */
  measure(lang: Lang): LabelPool['measure'] {
    this.pool.begin(lang);
    return this.pool.measure;
  }

  draw(layout: Layout): void {
    const g = this.leaders.clear();
    for (const p of layout.placed) {
      const l = p.leader;
      if (!l) continue;
      // A thin line in the label's first colour, on a dark casing so it reads over land and sea.
      g.moveTo(l.x0, l.y0)
        .lineTo(l.x1, l.y1)
        .stroke({ color: 0x0a1118, width: 3, alpha: 0.55 * p.item.alpha });
      g.moveTo(l.x0, l.y0)
        .lineTo(l.x1, l.y1)
        .stroke({ color: p.lines[0]?.tint ?? 0xffffff, width: 1, alpha: 0.85 * p.item.alpha });
      g.circle(l.x1, l.y1, 1.5).fill({ color: p.lines[0]?.tint ?? 0xffffff, alpha: p.item.alpha });
    }
    for (const p of layout.placed) this.pool.show(p);
    this.pool.end();
  }
}
