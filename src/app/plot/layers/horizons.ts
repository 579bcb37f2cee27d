/**
 * Radio horizons on demand: per unit, R(nm) = 2.23·√h with h the antenna height (ships: the
 * platform's antenna height, 25 m if not given; aircraft: altitude). Two stations can talk when
 * their horizons add up to more than their distance; a circle shows each one's own share.
 */
import { Container, Graphics } from 'pixi.js';
import { LabelPool, type Spot } from '../labels';
import { nationColour, unitShort } from '../style';
import { nmToKm, radioHorizonNm } from '../../../core/radio/propagation';
import type { DrawState } from './types';
import type { UnitFrame } from '../../../core/replay/replay';

export function antennaHeightM(u: Pick<UnitFrame, 'spec' | 'altM'>): number {
  if (u.spec.kind === 'aircraft') return Math.max(0, u.altM);
  return u.spec.platform?.antennaHeightM ?? 25;
}

export class HorizonsLayer {
  readonly g = new Graphics();
  private readonly labels: LabelPool;

  constructor(parent: Container, labelParent: Container) {
    parent.addChild(this.g);
    this.labels = new LabelPool(labelParent, 11);
  }

  draw(s: DrawState): void {
    const g = this.g.clear();
    this.labels.begin();
    if (s.showHorizons) {
      const { cam } = s;
      for (const p of s.placed.values()) {
        const spec = p.unit.spec;
        if (spec.kind === 'headquarters') continue;
        const h = antennaHeightM(p.unit);
        const nm = radioHorizonNm(h);
        const r = nmToKm(nm) * cam.scale;
        // Skip circles entirely off-screen or that contain the whole screen far from their edge.
        const nearest = Math.hypot(Math.max(0, Math.abs(p.x - cam.width / 2) - cam.width / 2), Math.max(0, Math.abs(p.y - cam.height / 2) - cam.height / 2));
        if (nearest > r) continue;
        const colour = nationColour(spec.nation);
        // Outline only: a filled disc would cost a screenful of fill on software renderers.
        g.circle(p.x, p.y, r).stroke({ color: colour.hex, width: 1.5, alpha: 0.75 });
        const text = `${unitShort(spec)} radio horizon ${nm.toFixed(1)} nm (${Math.round(h)} m)`;
        // Label just inside the circle at one of its cardinal points that is on screen.
        const spots: Spot[] = [];
        for (const [ax, ay] of [
          [0, -1],
          [0, 1],
          [1, 0],
          [-1, 0],
        ] as const) {
          const x = p.x + ax * r;
          const y = p.y + ay * r;
          if (x > 20 && x < cam.width - 20 && y > 20 && y < cam.height - 20)
            spots.push({ x: x - ax * 4, y: y - ay * 4, ax: ax === 0 ? 0.5 : ax > 0 ? 1 : 0, ay: ay === 0 ? 0.5 : ay < 0 ? 0 : 1 });
        }
        if (spots.length) this.labels.block([{ text, tint: colour.hex, size: 11 }], spots, s.placer, 1, spec.id);
      }
    }
    this.labels.end();
  }
}
