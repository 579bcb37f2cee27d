/**
 * Radio horizons on demand: a circle per unit of its own share of the distance two stations can
 * talk over (their horizons added). Sizes and label spots: geometry/horizons.ts; labels: geometry/label-items.ts.
 */
import { Container, Graphics } from 'pixi.js';
import { nationColour } from '../style';
import { visibleHorizons } from '../geometry/horizons';
import type { DrawState } from './types';

export class HorizonsLayer {
  readonly g = new Graphics();
  constructor(parent: Container) {
    parent.addChild(this.g);
  }

  draw(s: DrawState): void {
    const g = this.g.clear();
    if (s.showHorizons) {
      for (const { p, c } of visibleHorizons(s.placed.values(), s.cam)) {
        const colour = nationColour(p.unit.spec.nation);
        // Outline only: a filled disc would cost a screenful of fill on software renderers.
        g.circle(p.x, p.y, c.r).stroke({ color: colour.hex, width: 1.5, alpha: 0.75 });
      }
    }
  }
}
