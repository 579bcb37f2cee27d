/**
 * Radio horizons on demand: a circle per unit of its own share of the distance two stations can
 * talk over (their horizons added). Sizes and label spots: geometry/horizons.ts.
 */
import { t } from '../../../i18n';
import { Container, Graphics } from 'pixi.js';
import { LabelPool } from '../labels';
import { nationColour, unitShort } from '../style';
import { antennaHeightM, horizonCircle, horizonLabelSpots } from '../geometry/horizons';
import type { DrawState } from './types';
import { traitsOf } from '../../../core/kinds';

export class HorizonsLayer {
  readonly g = new Graphics();
  private readonly labels: LabelPool;

  constructor(parent: Container, labelParent: Container) {
    parent.addChild(this.g);
    this.labels = new LabelPool(labelParent, 11);
  }

  draw(s: DrawState): void {
    const g = this.g.clear();
    this.labels.begin(s.lang);
    if (s.showHorizons) {
      const { cam } = s;
      for (const p of s.placed.values()) {
        const spec = p.unit.spec;
        if (!traitsOf(spec).onPlot) continue;
        const h = antennaHeightM(p.unit);
        const c = horizonCircle(p, h, cam.scale, cam.width, cam.height);
        if (!c) continue;
        const colour = nationColour(spec.nation);
        // Outline only: a filled disc would cost a screenful of fill on software renderers.
        g.circle(p.x, p.y, c.r).stroke({ color: colour.hex, width: 1.5, alpha: 0.75 });
        const text = t(s.lang, 'app.plot.horizon', { unit: unitShort(spec, s.lang), nm: c.nm.toFixed(1), m: Math.round(h) });
        const spots = horizonLabelSpots(p, c.r, cam.width, cam.height);
        if (spots.length) this.labels.block([{ text, tint: colour.hex, size: 11 }], spots, s.placer, 1, spec.id);
      }
    }
    this.labels.end();
  }
}
