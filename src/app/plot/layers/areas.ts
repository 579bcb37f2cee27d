/**
 * Areas in force at the playhead (exercise and training areas, identification zones, danger
 * areas): a translucent outline in the colour of the nation that declared it, with its name.
 * Which areas and where: geometry/areas.ts; their names: geometry/label-items.ts.
 */
import { Container, Graphics } from 'pixi.js';
import { nationColour } from '../style';
import { areasOnScreen } from '../geometry/areas';
import { areasOf } from '../../../core/areas/areas';
import type { DrawState } from './types';

export class AreasLayer {
  readonly g = new Graphics();
  constructor(parent: Container) {
    parent.addChild(this.g);
  }

  draw(s: DrawState): void {
    const g = this.g.clear();
    const { cam, proj } = s;
    const areas = areasOf(s.analysis.run.scenario.spec);
    const toScreen = (lat: number, lon: number): [number, number] => {
      const [wx, wy] = proj.project(lat, lon);
      return [cam.sx(wx), cam.sy(wy)];
    };
    for (const a of areasOnScreen(areas, s.t, toScreen, cam.width, cam.height)) {
      const colour = nationColour(a.whose ?? 'OTHER');
      g.poly(a.ring.flat(), true).fill({ color: colour.hex, alpha: 0.06 }).stroke({ color: colour.hex, width: 1.5, alpha: 0.6 });
    }
  }
}
