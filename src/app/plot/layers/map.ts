/**
 * Land and the latitude/longitude grid with its labels. The sea is the renderer's clear colour:
 * a full-screen quad would cost real time on software renderers (SwiftShader), a clear costs nothing.
 */
import { Container, Graphics, type GraphicsContext, type Text } from 'pixi.js';
import { LabelPool, labelScale } from '../labels';
import { formatDeg, gridStepDeg } from '../scale';
import { GRID, MUTED } from '../style';
import type { Camera, MapProjection } from '../projection';

export class MapLayer {
  readonly container = new Container();
  private readonly land = new Graphics();
  private landContext: GraphicsContext | null = null;
  private readonly grid = new Graphics();
  private readonly labels: LabelPool;
  private gridKey = '';
  /** Screen regions where grid labels would collide with the HUD. */
  keepOut: { x0: number; y0: number; x1: number; y1: number }[] = [];

  constructor(parent: Container) {
    parent.addChild(this.container);
    this.container.addChild(this.land, this.grid);
    this.labels = new LabelPool(this.container, 11);
  }

  setLand(ctx: GraphicsContext): void {
    // The previous land's geometry was made for this layer alone (coastline.ts landContext).
    const old = this.landContext;
    this.land.context = ctx;
    this.landContext = ctx;
    old?.destroy();
  }

  draw(cam: Camera, proj: MapProjection): void {
    const size = `${cam.width}x${cam.height}`;
    // Land is geometry in world km; the camera is a transform, so panning never rebuilds it.
    this.land.position.set(cam.sx(0), cam.sy(0));
    this.land.scale.set(cam.scale);

    // The areas kept clear are in the key: the buttons over the plot are measured after its first frame.
    const clear = this.keepOut.map((r) => `${Math.round(r.x0)},${Math.round(r.y0)},${Math.round(r.x1)},${Math.round(r.y1)}`).join(';');
    const key = `${size}|${cam.cx}|${cam.cy}|${cam.scale}|${clear}`;
    if (key === this.gridKey) return;
    this.gridKey = key;
    this.drawGrid(cam, proj);
  }

  private drawGrid(cam: Camera, proj: MapProjection): void {
    const g = this.grid.clear();
    const w = cam.width;
    const h = cam.height;
    let latMin = Infinity;
    let latMax = -Infinity;
    let lonMin = Infinity;
    let lonMax = -Infinity;
    for (const fx of [0, 0.5, 1]) {
      for (const fy of [0, 0.5, 1]) {
        const [la, lo] = proj.invert(cam.wx(fx * w), cam.wy(fy * h));
        latMin = Math.min(latMin, la);
        latMax = Math.max(latMax, la);
        lonMin = Math.min(lonMin, lo);
        lonMax = Math.max(lonMax, lo);
      }
    }
    // One step for both axes (as on a chart), fine enough for lines every ~70-140 px.
    const step = gridStepDeg(latMax - latMin, Math.max(3, Math.floor(h / 70)));
    const lonStep = gridStepDeg(lonMax - lonMin, Math.max(3, Math.floor(w / 90)));
    const useStep = Math.max(step, lonStep);
    const first = (v: number) => Math.ceil(v / useStep - 1e-9) * useStep;
    const samples = 24;
    this.labels.begin();
    // Presentation mode's larger labels: a latitude label must clear the longitude row above it.
    const k = labelScale();
    const latLabelTop = k > 1 ? 6 + 27 * k : 12;
    const [, lonLeft] = proj.invert(cam.wx(0), cam.wy(h / 2));
    const [latTop] = proj.invert(cam.wx(w / 2), cam.wy(0));
    for (let la = first(latMin); la <= latMax + 1e-9; la += useStep) {
      for (let i = 0; i <= samples; i++) {
        const lo = lonMin + ((lonMax - lonMin) * i) / samples;
        const [x, y] = proj.project(la, lo);
        if (i === 0) g.moveTo(cam.sx(x), cam.sy(y));
        else g.lineTo(cam.sx(x), cam.sy(y));
      }
      const [lx, ly] = proj.project(la, lonLeft);
      const sy = cam.sy(ly);
      if (sy > latLabelTop && sy < h - 12 && !this.blocked(cam.sx(lx) + 4, sy)) this.placeLatitude(formatDeg(la, 'lat', useStep), sy - 2, w);
    }
    for (let lo = first(lonMin); lo <= lonMax + 1e-9; lo += useStep) {
      for (let i = 0; i <= samples; i++) {
        const la = latMin + ((latMax - latMin) * i) / samples;
        const [x, y] = proj.project(la, lo);
        if (i === 0) g.moveTo(cam.sx(x), cam.sy(y));
        else g.lineTo(cam.sx(x), cam.sy(y));
      }
      const [lx] = proj.project(latTop, lo);
      const sx = cam.sx(lx);
      if (sx > 40 && sx < w - 40 && !this.blocked(sx, 8)) this.keepClear(this.labels.add(formatDeg(lo, 'lon', useStep), sx + 3, 4, { tint: MUTED }));
    }
    g.stroke({ color: GRID, alpha: 0.22, width: 1 });
    this.labels.end();
  }

  /** A latitude at the left edge, as on a chart; at the right edge where something over the plot (the mouse hint, Export PNG) covers the left. */
  private placeLatitude(words: string, y: number, w: number): void {
    const label = this.labels.add(words, 5, y, { tint: MUTED, ay: 1 });
    if (!this.covered(label)) return;
    label.anchor.set(1, 1);
    label.position.set(Math.round(w - 5), Math.round(y));
    this.keepClear(label);
  }

  /** Hides a grid label whose box would lie under a button over the plot (Export PNG sits where the top labels go). */
  private keepClear(t: Text): void {
    if (this.covered(t)) t.visible = false;
  }

  private covered(t: Text): boolean {
    const x0 = t.x - t.anchor.x * t.width;
    const y0 = t.y - t.anchor.y * t.height;
    const x1 = x0 + t.width;
    const y1 = y0 + t.height;
    return this.keepOut.some((r) => x0 < r.x1 && x1 > r.x0 && y0 < r.y1 && y1 > r.y0);
  }

  private blocked(x: number, y: number): boolean {
    return this.keepOut.some((r) => x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1);
  }

  invalidate(): void {
    this.gridKey = '';
  }
}
