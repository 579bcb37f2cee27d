/**
 * The plot's still layers and, at reduced detail (hundreds of units), the pictures of them drawn
 * behind the one on screen (issue 19).
 *
 * The stage is, bottom to top: still layers (map, areas, horizons, trails), the radar sweeps,
 * still layers (radio calls, the measurement), the lock and slewed beams, still layers (symbols,
 * labels, the HUD). Only the sweeps and beams move between scene rebuilds.
 *
 * In full detail the still layers are on the stage as they are and every picture draws them all,
 * as it always has. At reduced detail they are off the stage: each group is drawn into a texture
 * of its own, one part per frame while the scene is rebuilt in slices, and the stage shows the
 * last complete textures (three sprites) until every group of the next scene is drawn; then they
 * are swapped. So a rebuild never shows half a scene, a frame never pays for the whole of one,
 * and a picture in which only a selected unit's sweep moved re-draws three textures, not a
 * thousand symbols, their trails and their labels.
 */
import { Container, Matrix, RenderTexture, Sprite, type Renderer } from 'pixi.js';

/** Transparent: each group's texture is laid over what is under it. */
const CLEAR: [number, number, number, number] = [0, 0, 0, 0];

export class StillLayers {
  /** The still groups, bottom to top: under the sweeps, between sweeps and beams, over the beams. */
  readonly under = new Container();
  readonly between = new Container();
  readonly over = new Container();
  private readonly groups: Container[];
  /** The groups with the sweeps and the beams (always on the stage) between them. */
  private readonly order: Container[];
  private readonly sprites: Sprite[] = [];
  private front: RenderTexture[] = [];
  private back: RenderTexture[] = [];
  private size = { w: 0, h: 0, resolution: 1 };
  private flip = new Matrix();
  private readonly nothing = new Container();
  /** Layers drawn on their own into the textures (each a render group since). */
  private readonly drawnAlone = new Set<Container>();
  /** The still layers are drawn into textures (reduced detail). */
  buffered = false;

  constructor(
    private readonly stage: Container,
    sweeps: Container,
    beams: Container,
  ) {
    this.groups = [this.under, this.between, this.over];
    this.order = [this.under, sweeps, this.between, beams, this.over];
    for (let i = 0; i < this.groups.length; i++) this.sprites.push(new Sprite());
    this.stage.addChild(...this.order);
  }

  /**
   * Puts the still layers on the stage (false) or into textures of the view's size (true). True
   * when the stage changed (the picture on screen is then not the last one drawn).
   */
  setBuffered(on: boolean, w: number, h: number, resolution: number): boolean {
    if (on && (w !== this.size.w || h !== this.size.h || resolution !== this.size.resolution)) this.dropTextures();
    if (on === this.buffered && (!on || this.front.length)) return false;
    this.buffered = on;
    for (const c of this.order) this.stage.removeChild(c);
    for (const s of this.sprites) this.stage.removeChild(s);
    if (!on) {
      this.dropTextures();
      // Drawn apart behind the picture, each layer became a render group of its own; on the stage
      // they draw as one again (fewer draw calls).
      for (const c of this.drawnAlone) if (!c.destroyed) c.disableRenderGroup();
      this.drawnAlone.clear();
      this.stage.addChild(...this.order);
      return true;
    }
    this.size = { w, h, resolution };
    // Upside down, as the canvas's own pixels are kept (WebGL's origin is at the bottom): a texture
    // drawn the other way up would round edges that fall exactly between two pixels (a symbol's
    // at a half pixel) to the other one, a pixel off. The sprites turn them the right way up.
    this.flip = new Matrix(1, 0, 0, -1, 0, h);
    const make = () => this.groups.map(() => RenderTexture.create({ width: w, height: h, resolution, scaleMode: 'nearest' }));
    this.front = make();
    this.back = make();
    this.groups.forEach((_, i) => {
      const sprite = this.sprites[i]!;
      sprite.texture = this.front[i]!;
      sprite.scale.y = -1;
      sprite.y = h;
    });
    const shown = this.order.map((c) => {
      const i = this.groups.indexOf(c);
      return i >= 0 ? this.sprites[i]! : c;
    });
    this.stage.addChild(...shown);
    return true;
  }

  private dropTextures(): void {
    for (const t of [...this.front, ...this.back]) t.destroy(true);
    this.front = [];
    this.back = [];
    for (const s of this.sprites) s.texture = RenderTexture.EMPTY;
  }

  /**
   * Draws the still groups into the textures behind the picture, one layer (a child of a group) a
   * step: the caller runs as many steps a frame as its budget allows. Nothing on screen changes
   * until swap().
   */
  *drawBehind(renderer: Renderer): Generator<void> {
    // Labels unused for a while are destroyed (labels.ts).
    for (const c of this.drawnAlone) if (c.destroyed) this.drawnAlone.delete(c);
    for (let i = 0; i < this.groups.length; i++) {
      const target = this.back[i]!;
      const layers = this.groups[i]!.children;
      // A render binds its target before it clears it (renderer.clear clears whatever is bound).
      // The lowest group is drawn on the sea, as on the canvas, so its texture is the canvas's
      // pixels to the last bit; the others are laid over it, from transparent.
      const clearColor = i === 0 ? renderer.background.colorRgba : CLEAR;
      renderer.render({ container: this.nothing, target, clear: true, clearColor });
      for (const layer of leaves(layers)) {
        yield;
        layer.updateLocalTransform();
        this.drawnAlone.add(layer);
        renderer.render({ container: layer, target, clear: false, transform: this.flip.clone().append(layer.localTransform) });
      }
    }
  }

  /** Shows the textures drawn behind the picture. */
  swap(): void {
    [this.front, this.back] = [this.back, this.front];
    this.groups.forEach((_, i) => (this.sprites[i]!.texture = this.front[i]!));
  }
}

/**
 * Sorted containers whose children are drawn one at a time behind the picture: labels, whose
 * textures are made anew when their words change (a few ms for a few dozen), unlike a thousand
 * symbols whose textures are made once.
 */
const apart = new WeakSet<Container>();
export function drawnApart(c: Container): void {
  apart.add(c);
}

/**
 * The layers to draw one at a time, in drawing order: a plain container that neither moves, scales,
 * fades nor sorts its children draws as its children one after another would, so its children are
 * taken instead (a thousand symbols, or every label, are one layer still).
 */
function* leaves(layers: readonly Container[]): Generator<Container> {
  for (const c of layers) {
    if (!c.visible) continue;
    const unmoved =
      c.x === 0 &&
      c.y === 0 &&
      c.scale.x === 1 &&
      c.scale.y === 1 &&
      c.rotation === 0 &&
      c.pivot.x === 0 &&
      c.pivot.y === 0 &&
      c.skew.x === 0 &&
      c.skew.y === 0;
    const plain = c.constructor === Container && c.alpha === 1 && c.tint === 0xffffff && !c.mask && !c.filters?.length && unmoved;
    if (plain && !c.sortableChildren) yield* leaves(c.children);
    else if (plain && apart.has(c)) {
      // In the order the container would draw them in.
      c.sortChildren();
      yield* leaves(c.children);
    } else yield c;
  }
}
