/**
 * Areas in force at the playhead (exercise and training areas, identification zones, danger
 * areas): a translucent outline in the colour of the nation that declared it, with its name.
 * Which areas and where: geometry/areas.ts.
 */
import { Container, Graphics } from 'pixi.js';
import { LabelPool } from '../labels';
import { nationColour } from '../style';
import { areasOnScreen } from '../geometry/areas';
import { areasOf } from '../../../core/areas/areas';
import type { DrawState } from './types';

export class AreasLayer {
  readonly g = new Graphics();
  private readonly labels: LabelPool;

  constructor(parent: Container, labelParent: Container) {
    parent.addChild(this.g);
    this.labels = new LabelPool(labelParent, 11);
  }

  draw(s: DrawState): void {
    const g = this.g.clear();
    this.labels.begin(s.lang);
    const { cam, proj } = s;
    const areas = areasOf(s.analysis.run.scenario.spec);
    const toScreen = (lat: number, lon: number): [number, number] => {
      const [wx, wy] = proj.project(lat, lon);
      return [cam.sx(wx), cam.sy(wy)];
    };
    for (const a of areasOnScreen(areas, s.t, toScreen, cam.width, cam.height)) {
      const colour = nationColour(a.whose ?? 'OTHER');
      g.poly(a.ring.flat(), true).fill({ color: colour.hex, alpha: 0.06 }).stroke({ color: colour.hex, width: 1.5, alpha: 0.6 });
      this.labels.block(
        [{ text: `${a.name} (${a.kind})`, tint: colour.hex, size: 11 }],
        [{ x: a.label.x, y: a.label.y, ax: 0.5, ay: 0.5 }],
        s.placer,
        0.8,
        `area:${a.id}`,
      );
    }
    this.labels.end();
  }
}
