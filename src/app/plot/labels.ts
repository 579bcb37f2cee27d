/**
 * Labels for the plot: a pool of pixi Text objects reused frame to frame (a texture is re-rendered
 * only when its words or size change; colour is a tint), laid out by a greedy placer that keeps
 * labels off each other and off the symbols (geometry/layout.ts, a pure function of the scene):
 * this only measures words and draws them where the layout put them.
 */
import { CanvasTextMetrics, Container, Text, TextStyle } from 'pixi.js';
import { LABEL_OUTLINE, plotTheme } from './style';
import type { PlacedLabel } from './geometry/layout';

import type { Lang } from '../../i18n';

/**
 * The plot's fonts: the Latin faces it was designed with, then the CJK faces the page uses
 * (styles.css), Japanese or Korean first as the reader's language asks (the same Han character
 * is drawn differently in each), then the system's.
 */
const CJK: Record<Lang, string> = {
  en: "'Noto Sans CJK JP', 'Noto Sans CJK KR'",
  ja: "'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', 'Noto Sans CJK KR'",
  ko: "'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans CJK JP'",
};
export const plotFont = (lang: Lang) => `'DejaVu Sans', 'Segoe UI', 'Helvetica Neue', Arial, ${CJK[lang]}, system-ui, sans-serif`;
export const FONT = plotFont('en');

export { Placer, type Rect } from './placer';

export interface LabelOpts {
  tint?: number;
  alpha?: number;
  /** Anchor (0..1) of the text box at (x, y). */
  ax?: number;
  ay?: number;
  size?: number;
  bold?: boolean;
}

export interface Line {
  text: string;
  tint?: number;
  size?: number;
  bold?: boolean;
}

/**
 * Every label's size is multiplied by this (presentation mode: present-scale.ts); set by the scene
 * before the layout measures. A Text is re-rendered only when its size actually changes.
 */
let textScale = 1;
export function setTextScale(f: number): void {
  textScale = f;
}
export const labelScale = () => textScale;

/** Keyed labels not used for this many frames are destroyed (their texture with them). */
const KEYED_TTL_FRAMES = 240;
/** Measured lines kept (then forgotten all at once): a few thousand units' labels. */
const MEASURED_MAX = 20_000;

/** The outline colour each Text was last given. */
const outlineOf = new WeakMap<Text, number>();
/** The fill each Text was last drawn with (white, tinted, on the dark plot). */
const fillOf = new WeakMap<Text, number>();

/**
 * Gives a label its colour. A tint multiplies the outline too: a dark outline stays dark under any
 * tint, which is why the dark plot draws white text once and tints it. The light plot's outline is
 * white and must stay white, so there the colour is the text's own fill (a new texture only when a
 * label changes colour, which keyed labels seldom do).
 */
function colour(t: Text, hex: number): void {
  const fill = plotTheme() === 'light' ? hex : 0xffffff;
  if (fillOf.get(t) !== fill) {
    t.style.fill = fill;
    fillOf.set(t, fill);
  }
  t.tint = plotTheme() === 'light' ? 0xffffff : hex;
}

/** A canvas of our own for measuring, so its font and letter spacing are set only when they change. */
let measuring: CanvasRenderingContext2D | null = null;
let measuringFont = '';

/**
 * What pixi's CanvasTextMetrics.measureText gives a line of words in `style` (no word wrap, no
 * letter spacing, no drop shadow: the plot's label styles), less the outline's padding below.
 * Word for word the same sums as pixi's: the advance or the ink's extent, whichever is wider, plus
 * the outline; the height is the font's and the outline's. Pixi's own measure costs about ten
 * times as much a line (it splits every string into graphemes for letter spacing, even of zero),
 * and a scene of a thousand units measures thousands of new lines (altitudes and speeds change).
 */
export function measureLine(text: string, style: TextStyle): { w: number; h: number } {
  if (/[\r\n]/.test(text) || style.letterSpacing || style.dropShadow || style.wordWrap) {
    const m = CanvasTextMetrics.measureText(text, style);
    return { w: m.width, h: Math.max(1, m.height - 3) };
  }
  const font = style._fontString;
  const fontProperties = CanvasTextMetrics.measureFont(font);
  const fontSize = fontProperties.fontSize === 0 ? Number(style.fontSize) : fontProperties.fontSize;
  const stroke = style._stroke?.width ?? 0;
  let ctx = measuring;
  if (!ctx) {
    ctx = measuring = document.createElement('canvas').getContext('2d')!;
    if ('letterSpacing' in ctx) ctx.letterSpacing = '0px';
  }
  if (measuringFont !== font) ctx.font = measuringFont = font;
  const m = ctx.measureText(text);
  const ink = (m.actualBoundingBoxRight ?? 0) + (m.actualBoundingBoxLeft ?? 0);
  const lineHeight = style.lineHeight || fontSize;
  const h = Math.max(lineHeight, fontSize + stroke);
  return { w: Math.max(m.width, ink) + stroke, h: Math.max(1, h - 3) };
}

export class LabelPool {
  readonly container = new Container();
  private readonly items: Text[] = [];
  private used = 0;
  /**
   * Labels that belong to something (a unit, a call to one recipient): the same Text every frame,
   * so its texture is re-rendered only when its own words change. Without keys a pool hands out its
   * Text objects in call order, and one label more or less early in a frame would shift every later
   * label onto another Text and re-render them all (with a thousand units, every frame).
   */
  private readonly keyed = new Map<string, { t: Text; frame: number }>();
  private frame = 0;
  private font = FONT;
  /** Call order within the frame: labels stack in the order they were laid out, keyed or not. */
  private order = 0;

  constructor(
    parent: Container,
    private readonly baseSize = 12,
    /** False for labels inside a container that is itself scaled (the HUD's inset map). */
    private readonly scales = true,
  ) {
    parent.addChild(this.container);
    this.container.sortableChildren = true;
  }

  /** Starts a frame's labels; `lang` picks the font stack for the reader's language. */
  begin(lang?: Lang): void {
    if (lang) this.font = plotFont(lang);
    this.used = 0;
    this.order = 0;
    this.frame++;
  }

  private make(text: string, size: number, weight: 'bold' | 'normal'): Text {
    const t = new Text({
      text,
      style: new TextStyle({
        fontFamily: this.font,
        fontSize: size,
        fontWeight: weight,
        fill: 0xffffff,
        stroke: { color: LABEL_OUTLINE, width: 3, join: 'round' },
      }),
    });
    this.container.addChild(t);
    outlineOf.set(t, LABEL_OUTLINE);
    fillOf.set(t, 0xffffff);
    return t;
  }

  /** A size as drawn: presentation mode's scale applied, except in a pool that is scaled already. */
  private scaled(size: number): number {
    return textScale === 1 || !this.scales ? size : Math.round(size * textScale);
  }

  private next(text: string, baseSize: number, bold: boolean, key?: string): Text {
    const weight = bold ? 'bold' : 'normal';
    const size = this.scaled(baseSize);
    let t: Text;
    if (key === undefined) {
      let item = this.items[this.used];
      if (!item) {
        item = this.make(text, size, weight);
        this.items.push(item);
      }
      this.used++;
      t = item;
    } else {
      let e = this.keyed.get(key);
      // The same key twice in one frame (a recipient listed twice, say) gets a Text of its own.
      while (e && e.frame === this.frame) {
        key += '\u0001';
        e = this.keyed.get(key);
      }
      if (!e) {
        e = { t: this.make(text, size, weight), frame: this.frame };
        this.keyed.set(key, e);
      }
      e.frame = this.frame;
      t = e.t;
    }
    if (t.text !== text) t.text = text;
    if (t.style.fontSize !== size) t.style.fontSize = size;
    if (t.style.fontWeight !== weight) t.style.fontWeight = weight;
    if (t.style.fontFamily !== this.font) t.style.fontFamily = this.font;
    // The outline follows the theme (dark round light text, light round dark text).
    if (outlineOf.get(t) !== LABEL_OUTLINE) {
      t.style.stroke = { color: LABEL_OUTLINE, width: 3, join: 'round' };
      outlineOf.set(t, LABEL_OUTLINE);
    }
    t.zIndex = this.order++;
    t.visible = true;
    return t;
  }

  add(text: string, x: number, y: number, opts: LabelOpts = {}, key?: string): Text {
    const t = this.next(text, opts.size ?? this.baseSize, !!opts.bold, key);
    colour(t, opts.tint ?? 0xffffff);
    t.alpha = opts.alpha ?? 1;
    t.anchor.set(opts.ax ?? 0, opts.ay ?? 0);
    t.position.set(Math.round(x), Math.round(y));
    return t;
  }

  /**
   * Per font, size and weight: a TextStyle for measuring without a Text (see measure) and the sizes
   * of the words measured in it (a scene of a thousand units re-measures the same words every
   * rebuild). Keyed by size, negative for normal weight, in the font stack of measuredFont.
   */
  private measuredFont = '';
  private readonly measureStyles = new Map<number, { style: TextStyle; sizes: Map<string, { w: number; h: number }> }>();
  /** Words measured in all styles, to bound the caches. */
  private measuredCount = 0;

  /**
   * The size pixi gives a line of words (what a Text of them would measure), less the outline
   * stroke's padding below so stacked lines sit close: the measure the layout uses (layout.ts).
   */
  measure = (text: string, baseSize: number, bold: boolean): { w: number; h: number } => {
    // Measured at the size it will be drawn (presentation mode scales every label).
    const size = this.scaled(baseSize);
    // Another language's fonts measure differently: start again.
    if (this.measuredFont !== this.font) {
      this.measureStyles.clear();
      this.measuredFont = this.font;
      this.measuredCount = 0;
    }
    const k = bold ? size : -size;
    let m = this.measureStyles.get(k);
    if (!m) {
      const style = new TextStyle({
        fontFamily: this.font,
        fontSize: size,
        fontWeight: bold ? 'bold' : 'normal',
        stroke: { color: LABEL_OUTLINE, width: 3, join: 'round' },
      });
      m = { style, sizes: new Map() };
      this.measureStyles.set(k, m);
    }
    const hit = m.sizes.get(text);
    if (hit) return hit;
    const out = measureLine(text, m.style);
    if (this.measuredCount >= MEASURED_MAX) {
      for (const x of this.measureStyles.values()) x.sizes.clear();
      this.measuredCount = 0;
    }
    m.sizes.set(text, out);
    this.measuredCount++;
    return out;
  };

  /** Draws a label where the layout put it (its lines stacked in its box). */
  show(p: PlacedLabel): void {
    const { item } = p;
    p.lines.forEach((l, i) => {
      const t = this.next(l.text, l.size, !!l.bold, `${item.key}\u0000${i}`);
      colour(t, l.tint ?? 0xffffff);
      t.alpha = item.alpha;
      t.anchor.set(p.align, 0);
      t.position.set(...p.at[i]!);
    });
  }

  end(): void {
    for (let i = this.used; i < this.items.length; i++) this.items[i]!.visible = false;
    for (const [k, e] of this.keyed) {
      if (e.frame === this.frame) continue;
      e.t.visible = false;
      if (this.frame - e.frame > KEYED_TTL_FRAMES) {
        e.t.destroy();
        this.keyed.delete(k);
      }
    }
  }

  destroy(): void {
    this.container.destroy({ children: true });
    this.items.length = 0;
    this.keyed.clear();
  }
}
