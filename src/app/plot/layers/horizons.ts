/**
 * Radio horizons on demand: a circle per unit of its own share of the distance two stations can
 * talk over (their horizons added). Sizes and label spots: geometry/horizons.ts; labels: geometry/label-items.ts.
 */
import { Container, Graphics } from 'pixi.js';
import { nationColour } from '../style';
import { visibleHorizons } from '../geometry/horizons';
import { horizonUnits } from '../geometry/detail';
import type { DrawState } from './types';

export class HorizonsLayer {
  readonly g = new Graphics();
  /** The units whose rings were drawn in the last scene (the debug hook reports them). */
  ringed: string[] = [];
  constructor(parent: Container) {
    parent.addChild(this.g);
  }

  draw(s: DrawState): void {
    const g = this.g.clear();
    this.ringed = [];
    if (s.showHorizons) {
      for (const { p, c } of visibleHorizons(horizonUnits(s.placed.values(), s.detail), s.cam)) {
        this.ringed.push(p.id);
        const colour = nationColour(p.unit.spec.nation);
        // Outline only: a filled disc would cost a screenful of fill on software renderers.
        g.circle(p.x, p.y, c.r).stroke({ color: colour.hex, width: 1.5, alpha: 0.75 });
      }
    }
  }
}
