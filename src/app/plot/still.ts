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
 * last complete textures until every group of the next scene is drawn; then they are swapped. So
 * a rebuild never shows half a scene, a frame never pays for the whole of one, and a picture in
 * which only a selected unit's sweep moved re-draws textures, not a thousand symbols, their
 * trails and their labels.
 *
 * The three textures are shown as geometry/composite.ts says: before the swap they are laid over
 * each other into the lowest one, which the stage shows whole, and the three are shown again only
 * in the boxes the sweeps and beams reach, with the sweeps and beams between them (a frame in
 * which a sweep turns then fills the view's pixels once, not three times); where sweeps and beams
 * would cover most of the view, or nothing is between the layers (no frame draws between rebuilds
 * then), the three are shown whole, as before.
 */
import { Container, Matrix, Rectangle, RenderTexture, Sprite, Texture, type Renderer, type WebGLRenderer } from 'pixi.js';
import { composition, type Composition } from './geometry/composite';
import type { Box } from './geometry/radar';

/** Transparent: each group's texture is laid over what is under it. */
const CLEAR: [number, number, number, number] = [0, 0, 0, 0];

/** One scene's pictures: the groups' textures, how they are shown, and the lowest one's boxes (taken before the others are laid over it). */
interface Pictures {
  layers: RenderTexture[];
  shown: Composition;
  underBoxes: RenderTexture[];
}

const noPictures = (): Pictures => ({ layers: [], shown: { kind: 'layers' }, underBoxes: [] });

export class StillLayers {
  /** The still groups, bottom to top: under the sweeps, between sweeps and beams, over the beams. */
  readonly under = new Container();
  readonly between = new Container();
  readonly over = new Container();
  private readonly groups: Container[];
  /** The groups with the sweeps and the beams (always on the stage) between them. */
  private readonly order: Container[];
  /** At reduced detail: the three pictures laid over each other, then each group's picture, whole or in boxes (pieces). */
  private readonly flat = new Sprite();
  private readonly pieces: Container[];
  /** The stage at reduced detail, bottom to top. */
  private readonly shownOrder: Container[];
  private front = noPictures();
  private back = noPictures();
  /** Textures of parts of the front pictures (destroyed with the next swap). */
  private parts: Texture[] = [];
  private size = { w: 0, h: 0, resolution: 1 };
  private flip = new Matrix();
  private readonly nothing = new Container();
  /** Draws one texture (or part of one) into another behind the picture. */
  private readonly copier = new Sprite();
  /** Layers drawn on their own into the textures (each a render group since). */
  private readonly drawnAlone = new Set<Container>();
  /** The still layers are drawn into textures (reduced detail). */
  buffered = false;
  /** Always shows three whole pictures, as before they were laid over each other (the debug hook, so a test can compare the two). */
  alwaysLayered = false;

  constructor(
    private readonly stage: Container,
    sweeps: Container,
    beams: Container,
  ) {
    this.groups = [this.under, this.between, this.over];
    this.order = [this.under, sweeps, this.between, beams, this.over];
    this.pieces = this.groups.map(() => new Container());
    this.shownOrder = [this.flat, this.pieces[0]!, sweeps, this.pieces[1]!, beams, this.pieces[2]!];
    this.stage.addChild(...this.order);
  }

  /**
   * Puts the still layers on the stage (false) or into textures of the view's size (true). True
   * when the stage changed (the picture on screen is then not the last one drawn).
   */
  setBuffered(on: boolean, w: number, h: number, resolution: number): boolean {
    if (on && (w !== this.size.w || h !== this.size.h || resolution !== this.size.resolution)) this.dropTextures();
    if (on === this.buffered && (!on || this.front.layers.length)) return false;
    this.buffered = on;
    for (const c of [...this.order, ...this.shownOrder]) this.stage.removeChild(c);
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
    this.front = { ...noPictures(), layers: make() };
    this.back = { ...noPictures(), layers: make() };
    this.show();
    this.stage.addChild(...this.shownOrder);
    return true;
  }

  private dropTextures(): void {
    for (const p of [this.front, this.back]) for (const t of [...p.layers, ...p.underBoxes]) t.destroy(true);
    this.front = noPictures();
    this.back = noPictures();
    this.show();
  }

  /**
   * Draws the still groups into the textures behind the picture, one layer (a child of a group) a
   * step: the caller runs as many steps a frame as its budget allows. Nothing on screen changes
   * until swap(). `reach`: the boxes (CSS px) the scene's sweeps and beams will cover.
   */
  *drawBehind(renderer: Renderer, reach: readonly Box[]): Generator<void> {
    // Labels unused for a while are destroyed (labels.ts).
    for (const c of this.drawnAlone) if (c.destroyed) this.drawnAlone.delete(c);
    const back = this.back;
    for (const t of back.underBoxes) t.destroy(true);
    back.underBoxes = [];
    back.shown = this.alwaysLayered ? { kind: 'layers' } : composition(reach, this.size.w, this.size.h, this.size.resolution);
    for (let i = 0; i < this.groups.length; i++) {
      const target = back.layers[i]!;
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
    if (back.shown.kind === 'layers') return;
    const [under, ...above] = back.layers as [RenderTexture, ...RenderTexture[]];
    // The lowest picture in the boxes, as it is before the others are laid over it.
    for (const box of back.shown.kind === 'boxes' ? back.shown.boxes : []) {
      yield;
      const part = this.part(under, box);
      const { width, height } = part.frame;
      const copy = RenderTexture.create({ width, height, resolution: this.size.resolution, scaleMode: 'nearest' });
      this.copier.texture = part;
      renderer.render({ container: this.copier, target: copy, clear: true, clearColor: CLEAR });
      this.copier.texture = Texture.EMPTY;
      part.destroy(false);
      back.underBoxes.push(copy);
    }
    // The others laid over it as the canvas lays them (the same blending, at the same 8 bits a channel).
    for (const layer of above) {
      yield;
      this.copier.texture = layer;
      renderer.render({ container: this.copier, target: under, clear: false });
    }
    this.copier.texture = Texture.EMPTY;
  }

  /**
   * Before the stage is drawn: copies the picture of the three layers laid over each other, when
   * the stage shows it whole, straight into the canvas (WebGL 2's blitFramebuffer: a copy of the
   * pixels, which a software rasteriser does in a fraction of the time it takes to draw them as a
   * textured quad). True when it did: the stage is then drawn over it without clearing, and its
   * sprite of that picture is hidden. Not on a multisampled canvas (a GPU's), which cannot be
   * blitted into, nor where the canvas and the picture differ in size.
   */
  underlay(renderer: Renderer): boolean {
    const picture = this.front.layers[0];
    const gl = (renderer as Partial<WebGLRenderer>).gl;
    const whole = this.buffered && this.front.shown.kind !== 'layers' && !!picture;
    const blit =
      whole &&
      typeof WebGL2RenderingContext !== 'undefined' &&
      gl instanceof WebGL2RenderingContext &&
      !gl.getContextAttributes()?.antialias &&
      gl.drawingBufferWidth === picture.source.pixelWidth &&
      gl.drawingBufferHeight === picture.source.pixelHeight;
    this.flat.visible = whole && !blit;
    if (!blit) return false;
    const rt = renderer.renderTarget;
    const source = (rt.getGpuRenderTarget(rt.getRenderTarget(picture)) as { framebuffer?: WebGLFramebuffer }).framebuffer;
    if (!source) {
      this.flat.visible = true;
      return false;
    }
    // Both are kept bottom row first (the picture is drawn upside down for that): row for row.
    const { drawingBufferWidth: w, drawingBufferHeight: h } = gl;
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, source);
    gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, null);
    gl.disable(gl.SCISSOR_TEST);
    gl.colorMask(true, true, true, true);
    // A canvas shown since its last picture is cleared by the browser before the next draw or
    // clear into it, but not before a blit: cleared here first, or that would clear the copy.
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.blitFramebuffer(0, 0, w, h, 0, 0, w, h, gl.COLOR_BUFFER_BIT, gl.NEAREST);
    // pixi keeps the GL state it set last; it is told that it changed under it.
    renderer.resetState();
    return true;
  }

  /** How the pictures on screen are composed (geometry/composite.ts); null in full detail. */
  get shown(): Composition | null {
    return this.buffered ? this.front.shown : null;
  }

  /** Shows the textures drawn behind the picture. */
  swap(): void {
    [this.front, this.back] = [this.back, this.front];
    this.show();
  }

  /** The part of a picture (stored upside down) in `box` (device px, from the view's top left). */
  private part(picture: RenderTexture, box: Box): Texture {
    const r = this.size.resolution;
    const frame = new Rectangle(box.x0 / r, this.size.h - box.y1 / r, (box.x1 - box.x0) / r, (box.y1 - box.y0) / r);
    return new Texture({ source: picture.source, frame });
  }

  /** Puts the front pictures on the stage as their composition says. */
  private show(): void {
    const { layers, shown, underBoxes } = this.front;
    for (const pieces of this.pieces) for (const s of pieces.removeChildren()) s.destroy();
    for (const t of this.parts) t.destroy(false);
    this.parts = [];
    this.flat.visible = shown.kind !== 'layers' && !!layers[0];
    this.flat.texture = layers[0] ?? Texture.EMPTY;
    flipped(this.flat, 0, this.size.h);
    this.pieces.forEach((pieces, i) => {
      if (!layers[i]) return;
      if (shown.kind === 'layers') pieces.addChild(flipped(new Sprite(layers[i]), 0, this.size.h));
      if (shown.kind !== 'boxes') return;
      const r = this.size.resolution;
      shown.boxes.forEach((box, k) => {
        const texture = i === 0 ? underBoxes[k]! : this.part(layers[i]!, box);
        if (i > 0) this.parts.push(texture);
        pieces.addChild(flipped(new Sprite(texture), box.x0 / r, box.y1 / r));
      });
    });
  }
}

/** A sprite of a picture stored upside down, turned the right way up with its bottom edge at (x, bottom). */
function flipped(s: Sprite, x: number, bottom: number): Sprite {
  s.scale.y = -1;
  s.position.set(x, bottom);
  return s;
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
