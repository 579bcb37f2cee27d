/**
 * Unit symbols (MIL-STD-2525C / APP-6), drawn to a canvas from milsymbol's instructions made at
 * build time (symbol-data.ts, symbol-draw.ts) and uploaded once as a pixi texture.
 */
import { Texture } from 'pixi.js';
import type { UnitSpec } from '../../core/scenario/schema';
import { nationColour, sidcFor } from './style';
import { SYMBOL_SHAPES } from './symbol-data';
import { drawSymbol, withFill, type SymbolData } from './symbol-draw';
import { symbolRadius } from './geometry/units';

export { SYMBOL_SIZE } from './style';

export interface SymbolTexture {
  texture: Texture;
  /** Anchor of the symbol's centre within the texture, 0..1. */
  ax: number;
  ay: number;
  /** Half the frame's size in CSS pixels, for hit tests and placing labels. */
  radius: number;
  /**
   * Radius (CSS px) about the anchor inside which the symbol is at least 85 % opaque: what lies
   * under it (the unit's own trail, drawn below the symbols) cannot be seen and need not be drawn.
   */
  covers: number;
  sidc: string;
}

const cache = new Map<string, SymbolTexture>();

/** The instructions for a symbol. Every SIDC the plot makes is there (the unit test sees to it). */
function dataFor(sidc: string, css: string): SymbolData {
  const shape = SYMBOL_SHAPES[sidc];
  if (shape) return withFill(shape, css);
  console.warn(`no symbol for ${sidc}: run scripts/gen-symbols.ts`);
  return withFill(Object.values(SYMBOL_SHAPES)[0]!, css);
}

/** `scale` draws the symbol that many times its size (presentation mode), as sharp as at 1. */
export function symbolFor(spec: Pick<UnitSpec, 'nation' | 'kind' | 'service' | 'emitters'>, resolution: number, scale = 1): SymbolTexture {
  const sidc = sidcFor(spec);
  const colour = nationColour(spec.nation);
  const key = `${sidc}|${colour.css}|${resolution}|${scale}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const data = dataFor(sidc, colour.css);
  // Drawn at resolution × scale device px per symbol px, shown at `resolution`: `scale` times larger.
  const canvas = drawSymbol(data, resolution * scale);
  const texture = Texture.from({ resource: canvas, resolution });
  const out: SymbolTexture = {
    texture,
    ax: data.anchor.x / data.width,
    ay: data.anchor.y / data.height,
    radius: symbolRadius(data) * scale,
    covers: opaqueRadius(canvas, data.anchor.x * resolution * scale, data.anchor.y * resolution * scale) / resolution,
    sidc,
  };
  cache.set(key, out);
  return out;
}

/** Distance (canvas px) from (cx, cy) to the nearest pixel under 85 % alpha, or to the canvas edge. */
function opaqueRadius(canvas: HTMLCanvasElement, cx: number, cy: number): number {
  const w = canvas.width;
  const h = canvas.height;
  let best = Math.min(cx, cy, w - cx, h - cy);
  try {
    const data = canvas.getContext('2d')?.getImageData(0, 0, w, h).data;
    if (!data) return 0;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (data[(y * w + x) * 4 + 3]! >= 217) continue;
        // Distance to the nearest point of this pixel's square.
        const dx = Math.max(0, Math.abs(x + 0.5 - cx) - 0.5);
        const dy = Math.max(0, Math.abs(y + 0.5 - cy) - 0.5);
        const d = Math.hypot(dx, dy);
        if (d < best) best = d;
      }
    }
  } catch {
    return 0;
  }
  return Math.max(0, best - 1);
}
