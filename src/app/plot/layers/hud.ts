/** Screen-fixed furniture drawn by pixi: the scale bar and a locator inset with coasts and headquarters. */
import { Container, Graphics, type GraphicsContext } from 'pixi.js';
import { LabelPool, type Rect } from '../labels';
import { formatDistance, scaleBar } from '../scale';
import { INK, LOCK, MUTED, SEA, nationColour, unitShort } from '../style';
import type { Camera } from '../projection';
import type { DrawState } from './types';
import { traitsOf } from '../../../core/kinds';

export const INSET_W = 180;
export const INSET_H = 136;
/** Half-width in km of the inset's window on the world. */
export const INSET_HALF_KM = 560;
const OUTLINE = 0x0a1118;

export class HudLayer {
  readonly container = new Container();
  private readonly bar = new Graphics();
  private readonly barLabels: LabelPool;
  private readonly inset = new Container();
  private readonly insetBg = new Graphics();
  private readonly insetLand = new Graphics();
  private landContext: GraphicsContext | null = null;
  private readonly insetOver = new Graphics();
  private readonly insetLabels: LabelPool;
  private barKey = '';
  private insetStatic = '';

  constructor(parent: Container) {
    parent.addChild(this.container);
    this.container.addChild(this.bar);
    this.barLabels = new LabelPool(this.container, 11);
    this.container.addChild(this.inset);
    this.inset.addChild(this.insetBg, this.insetLand, this.insetOver);
    // The inset is a locator, kept at its size in presentation mode: its labels too, or they would
    // cover its little map.
    this.insetLabels = new LabelPool(this.inset, 10, false);
    const k = INSET_W / (2 * INSET_HALF_KM);
    this.insetLand.scale.set(k);
    this.insetLand.position.set(INSET_W / 2, INSET_H / 2);
  }

  setInsetLand(ctx: GraphicsContext): void {
    // The previous land's geometry was made for this layer alone (coastline.ts landContext).
    const old = this.landContext;
    this.insetLand.context = ctx;
    this.landContext = ctx;
    old?.destroy();
    this.insetStatic = '';
  }

  /** The inset's world extent (km either side of the centre), to clip its land. */
  static insetHalfExtent(): { hx: number; hy: number } {
    return { hx: INSET_HALF_KM, hy: (INSET_HALF_KM * INSET_H) / INSET_W };
  }

  /** Whether the view is big enough to spare room for the inset. */
  static showsInset(cam: Camera): boolean {
    return cam.width >= 480 && cam.height >= 300;
  }

  /** The inset's scale on screen: smaller in a small view. */
  static insetScale(cam: Camera): number {
    return cam.width < 720 || cam.height < 420 ? 0.78 : 1;
  }

  /** Screen areas this layer covers. */
  static areas(cam: Camera): Rect[] {
    const out: Rect[] = [{ x: 0, y: cam.height - 64, w: 250, h: 64 }];
    if (HudLayer.showsInset(cam)) {
      const f = HudLayer.insetScale(cam);
      out.push({ x: cam.width - INSET_W * f - 16, y: 0, w: INSET_W * f + 16, h: INSET_H * f + 16 });
    }
    return out;
  }

  draw(s: DrawState): void {
    this.drawBar(s.cam);
    this.inset.visible = HudLayer.showsInset(s.cam);
    if (this.inset.visible) this.drawInset(s);
  }

  private drawBar(cam: Camera): void {
    const key = `${cam.scale}|${cam.width}|${cam.height}`;
    if (key === this.barKey) return;
    this.barKey = key;
    const sb = scaleBar(cam.scale, Math.min(200, cam.width / 4));
    const x = 14;
    const y = cam.height - 38;
    const g = this.bar.clear();
    const bar = (yy: number, px: number) => {
      g.rect(x - 1, yy - 3, px + 2, 6).fill({ color: OUTLINE, alpha: 0.8 });
      g.rect(x, yy - 2, px / 2, 4).fill({ color: INK });
      g.rect(x + px / 2, yy - 2, px / 2, 4).fill({ color: 0x55606c });
      g.moveTo(x, yy - 6)
        .lineTo(x, yy + 6)
        .moveTo(x + px, yy - 6)
        .lineTo(x + px, yy + 6)
        .stroke({ color: INK, width: 1.5 });
    };
    bar(y, sb.nmPx);
    bar(y + 18, sb.kmPx);
    this.barLabels.begin();
    this.barLabels.add(formatDistance(sb.nm, 'nm'), x + sb.nmPx + 7, y, { ay: 0.5, tint: INK });
    this.barLabels.add(formatDistance(sb.km, 'km'), x + sb.kmPx + 7, y + 18, { ay: 0.5, tint: INK });
    this.barLabels.end();
  }

  private drawInset(s: DrawState): void {
    const { cam } = s;
    const f = HudLayer.insetScale(cam);
    this.inset.scale.set(f);
    this.inset.position.set(cam.width - INSET_W * f - 8, 8);
    if (!this.insetStatic) {
      this.insetStatic = 'drawn';
      this.insetBg.clear().rect(0, 0, INSET_W, INSET_H).fill({ color: SEA });
    }
    const o = this.insetOver.clear();
    const k = INSET_W / (2 * INSET_HALF_KM);
    const ix = (wx: number) => INSET_W / 2 + wx * k;
    const iy = (wy: number) => INSET_H / 2 + wy * k;
    this.insetLabels.begin();
    // The main view's footprint: a box, or a cross-hair when the box would be too small to see.
    const v = cam.view();
    const bw = (v.x1 - v.x0) * k;
    const clampX = (x: number) => Math.min(INSET_W - 1, Math.max(1, x));
    const clampY = (y: number) => Math.min(INSET_H - 1, Math.max(1, y));
    if (bw < 8) {
      const cx = ix(cam.cx);
      const cy = iy(cam.cy);
      o.moveTo(cx - 8, cy)
        .lineTo(cx - 3, cy)
        .moveTo(cx + 3, cy)
        .lineTo(cx + 8, cy)
        .moveTo(cx, cy - 8)
        .lineTo(cx, cy - 3)
        .moveTo(cx, cy + 3)
        .lineTo(cx, cy + 8)
        .stroke({ color: LOCK, width: 1.5 });
    } else {
      const x0 = clampX(ix(v.x0));
      const y0 = clampY(iy(v.y0));
      o.rect(x0, y0, clampX(ix(v.x1)) - x0, clampY(iy(v.y1)) - y0).stroke({ color: LOCK, width: 1.2 });
    }
    for (const p of s.placed.values()) {
      if (traitsOf(p.unit.spec).onPlot) continue;
      const c = nationColour(p.unit.spec.nation);
      const x = ix(p.wx);
      const y = iy(p.wy);
      if (x < 0 || y < 0 || x > INSET_W || y > INSET_H) continue;
      o.rect(x - 3, y - 3, 6, 6)
        .fill({ color: c.hex })
        .stroke({ color: OUTLINE, width: 1 });
      const right = x > INSET_W / 2;
      this.insetLabels.add(unitShort(p.unit.spec, s.lang), x + (right ? -5 : 5), y, { tint: c.hex, ax: right ? 1 : 0, ay: 0.5, size: 10 });
    }
    o.rect(0, 0, INSET_W, INSET_H).stroke({ color: 0x3a4b5a, width: 1 });
    this.insetLabels.add('Natural Earth', INSET_W - 3, INSET_H - 2, { tint: MUTED, ax: 1, ay: 1, size: 9, alpha: 0.8 });
    this.insetLabels.end();
  }
}
