/** Unit symbols: milsymbol (MIL-STD-2525C / APP-6) drawn to a canvas, uploaded once as a pixi texture. */
import ms from 'milsymbol';
import { Texture } from 'pixi.js';
import type { UnitSpec } from '../../core/scenario/schema';
import { nationColour, sidcFor } from './style';

export interface SymbolTexture {
  texture: Texture;
  /** Anchor of the symbol's centre within the texture, 0..1. */
  ax: number;
  ay: number;
  /** Half the frame's size in CSS pixels, for hit tests and placing labels. */
  radius: number;
  sidc: string;
}

const cache = new Map<string, SymbolTexture>();

/** Symbol size in CSS px (milsymbol's `size` is the frame's nominal height). */
export const SYMBOL_SIZE = 26;

export function symbolFor(spec: Pick<UnitSpec, 'nation' | 'kind' | 'service' | 'emitters'>, resolution: number): SymbolTexture {
  const sidc = sidcFor(spec);
  const colour = nationColour(spec.nation);
  const key = `${sidc}|${colour.css}|${resolution}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const sym = new ms.Symbol(sidc, {
    size: SYMBOL_SIZE,
    fillColor: colour.css,
    fillOpacity: 0.9,
    frameColor: { Friend: '#0b1118', Hostile: '#0b1118', Neutral: '#0b1118', Unknown: '#0b1118', Civilian: '#0b1118', Suspect: '#0b1118' },
    iconColor: '#0b1118',
    outlineColor: '#e8eef4',
    outlineWidth: 2,
    strokeWidth: 4,
    infoFields: false,
  });
  const canvas = sym.asCanvas(resolution);
  const size = sym.getSize();
  const anchor = sym.getAnchor();
  const texture = Texture.from({ resource: canvas, resolution });
  const out: SymbolTexture = { texture, ax: anchor.x / size.width, ay: anchor.y / size.height, radius: Math.max(size.width, size.height) / 2 - 4, sidc };
  cache.set(key, out);
  return out;
}
