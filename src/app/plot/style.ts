/** Colours and words of the plot (no pixi). */
import type { Lang } from '../../i18n';
import { nameOfUnit } from '../../i18n/names';
import type { UnitSpec } from '../../core/scenario/schema';

/*
 * The plot's palette: dark for a dim room, light (high contrast) for a daylit one. These are live
 * bindings that setPlotTheme switches; the layers read them while they draw, so a theme change
 * only needs a redraw (and the land rebuilt, whose colours are baked into its geometry).
 */
const DARK = {
  SEA: 0x16232f,
  LAND: 0x55604a,
  SHORE: 0xa8b39a,
  GRID: 0x7f93a6,
  INK: 0xe8eef4,
  MUTED: 0x9fb1c2,
  LABEL_OUTLINE: 0x0a1118,
  LOCK: 0xffe14d,
  SLEWED: 0xd7dee6,
  FAIL: 0xff5c5c,
  SELECT: 0xffffff,
};
type Palette = typeof DARK;
/** Light sea and land, dark ink, white label outlines; text colours at least 4.5:1 on the sea. */
const LIGHT: Palette = {
  SEA: 0xf4f7fa,
  LAND: 0xd9d4c3,
  SHORE: 0x6f6752,
  GRID: 0x2f4558,
  INK: 0x0b1620,
  MUTED: 0x3d4d5c,
  LABEL_OUTLINE: 0xffffff,
  LOCK: 0x8a5f00,
  SLEWED: 0x4a5866,
  FAIL: 0xc0141c,
  SELECT: 0x000000,
};
export let SEA = DARK.SEA;
export let LAND = DARK.LAND;
export let SHORE = DARK.SHORE;
export let GRID = DARK.GRID;
export let INK = DARK.INK;
export let MUTED = DARK.MUTED;
export let LABEL_OUTLINE = DARK.LABEL_OUTLINE;
export let LOCK = DARK.LOCK;
export let SLEWED = DARK.SLEWED;
export let FAIL = DARK.FAIL;
export let SELECT = DARK.SELECT;

/**
 * `hex` tints labels, trails and lines (switched with the theme); `css` fills the unit symbols and
 * the key's swatches, the same in both themes (a symbol has its own dark frame).
 */
export const NATION_COLOURS: Record<string, { hex: number; css: string; light: string; name: string }> = {
  JP: { hex: 0x4d8dff, css: '#4d8dff', light: '#8fb8ff', name: 'Japan' },
  KR: { hex: 0xff5a5a, css: '#ff5a5a', light: '#ff9b9b', name: 'ROK' },
  KP: { hex: 0xa4b0a0, css: '#a4b0a0', light: '#c9d3c5', name: 'DPRK' },
  US: { hex: 0x5fd0ff, css: '#5fd0ff', light: '#a9e6ff', name: 'US' },
  CN: { hex: 0xffb347, css: '#ffb347', light: '#ffd59a', name: 'China' },
  OTHER: { hex: 0xc0c0c0, css: '#c0c0c0', light: '#e0e0e0', name: 'Other' },
};
const NATION_HEX: Record<'dark' | 'light', Record<string, number>> = {
  dark: Object.fromEntries(Object.entries(NATION_COLOURS).map(([k, v]) => [k, v.hex])),
  light: { JP: 0x1f56c4, KR: 0xc0202a, KP: 0x4f5a4b, US: 0x00679a, CN: 0x8f5300, OTHER: 0x4d5866 },
};

let theme: 'dark' | 'light' = 'dark';

/** The theme the palette is in. */
export const plotTheme = () => theme;

/** Switches the palette; false when it was already in `next`. */
export function setPlotTheme(next: 'dark' | 'light'): boolean {
  if (next === theme) return false;
  theme = next;
  const p = next === 'light' ? LIGHT : DARK;
  ({ SEA, LAND, SHORE, GRID, INK, MUTED, LABEL_OUTLINE, LOCK, SLEWED, FAIL, SELECT } = p);
  for (const [k, v] of Object.entries(NATION_COLOURS)) v.hex = NATION_HEX[next][k] ?? v.hex;
  return true;
}

export function nationColour(nation: string) {
  return NATION_COLOURS[nation] ?? NATION_COLOURS['OTHER']!;
}

/** Voice channels by frequency, links by kind; anything else gets a stable colour from a spare list. */
const CHANNEL_COLOURS: Record<string, number> = {
  '121.5': 0x38d6ff,
  '156.8': 0x3ee08f,
  '243.0': 0xf07cff,
  '123.1': 0x9d8cff,
  '156.65': 0xb5e655,
  '156.3': 0x7fe7c4,
  '2.182': 0xffa86b,
};
const LINK_KIND_COLOURS: Record<string, number> = {
  satellite: 0xf5f5f5,
  'fleet-net': 0xffb0c0,
  hotline: 0xffc86b,
  landline: 0xd0b8ff,
};
const SPARE = [0x6be0ff, 0xc3ff6b, 0xff9bd2, 0x9bffea, 0xffd36b];

/** The same on a light sea: darker, each at least 4.5:1 on it (they colour call labels too). */
const CHANNEL_COLOURS_LIGHT: Record<string, number> = {
  '121.5': 0x00668f,
  '156.8': 0x0f6e3f,
  '243.0': 0x8f1b8c,
  '123.1': 0x5234b8,
  '156.65': 0x4d6600,
  '156.3': 0x0b6b57,
  '2.182': 0x9c4700,
};
const LINK_KIND_COLOURS_LIGHT: Record<string, number> = {
  satellite: 0x2b2f33,
  'fleet-net': 0xa1284f,
  hotline: 0x8a5200,
  landline: 0x5d3ea8,
};
const SPARE_LIGHT = [0x006a8a, 0x4d6600, 0xa1286f, 0x0b6b57, 0x8a5a00];

export function channelColour(channel: string, linkKind?: string): number {
  const light = theme === 'light';
  const c = (light ? CHANNEL_COLOURS_LIGHT : CHANNEL_COLOURS)[channel];
  if (c !== undefined) return c;
  const kinds = light ? LINK_KIND_COLOURS_LIGHT : LINK_KIND_COLOURS;
  if (linkKind && kinds[linkKind] !== undefined) return kinds[linkKind]!;
  let h = 0;
  for (let i = 0; i < channel.length; i++) h = (h * 31 + channel.charCodeAt(i)) >>> 0;
  const spare = light ? SPARE_LIGHT : SPARE;
  return spare[h % spare.length]!;
}

export const CHANNEL_NAMES: Record<string, string> = {
  '121.5': '121.5 VHF guard',
  '156.8': '156.8 Ch 16',
  '243.0': '243.0 UHF guard',
  '123.1': '123.1 SAR',
  '156.65': '156.65 Ch 13',
  '156.3': '156.3 Ch 06',
  '2.182': '2182 kHz',
};

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const NOT_FOR_LABELS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A name from a file as a plot label: no control characters, and no bidirectional overrides,
 * which would reverse the label (U+202E) or everything drawn after it.
 */
export function plainText(s: string): string {
  return s.replace(NOT_FOR_LABELS, '');
}

/** "Gwanggaeto the Great 971", "JMSDF P-1"; "クァンゲト・デワン 971" in Japanese. */
export function unitLabel(spec: Pick<UnitSpec, 'name' | 'names' | 'hull'>, lang: Lang = 'en'): string {
  const name = nameOfUnit(spec, lang);
  return plainText(spec.hull && !name.includes(spec.hull) ? `${name} ${spec.hull}` : name);
}

/** Short form for crowded places: hull number, or the name's last word for aircraft ("P-1"). */
export function unitShort(spec: Pick<UnitSpec, 'name' | 'names' | 'hull' | 'kind'>, lang: Lang = 'en'): string {
  const own = nameOfUnit(spec, lang);
  // A unit named in the reader's language and without a hull number: that name, less its parenthesis ("海上自衛隊司令部").
  if (!spec.hull && own !== spec.name) return plainText(own.replace(/\s*[(（].*$/, ''));
  return plainText(unitShortRaw(spec));
}

function unitShortRaw(spec: Pick<UnitSpec, 'name' | 'hull' | 'kind'>): string {
  if (spec.hull) return spec.hull;
  if (spec.kind === 'headquarters') {
    const m = spec.name.match(/^([A-Z]{3,6})\b/);
    return m ? `${m[1]} HQ` : spec.name;
  }
  const words = spec.name.split(/\s+/);
  if (spec.kind === 'aircraft') return words[words.length - 1]!;
  // "North Korean fishing boat" → "fishing boat": the label beside the symbol carries the full name.
  return words.length > 2 ? words.slice(-2).join(' ') : spec.name;
}

/** Symbol size in CSS px (milsymbol's `size` is the frame's nominal height). */
export const SYMBOL_SIZE = 26;

/** milsymbol's options for a unit symbol filled with `fillCss`. */
export function symbolOptions(fillCss: string) {
  return {
    size: SYMBOL_SIZE,
    fillColor: fillCss,
    fillOpacity: 0.9,
    frameColor: { Friend: '#0b1118', Hostile: '#0b1118', Neutral: '#0b1118', Unknown: '#0b1118', Civilian: '#0b1118', Suspect: '#0b1118' },
    iconColor: '#0b1118',
    outlineColor: '#e8eef4',
    outlineWidth: 2,
    strokeWidth: 4,
    infoFields: false,
  };
}

/**
 * MIL-STD-2525C letter SIDC for a unit. Affiliation is drawn from the nation, not from a side:
 * Japan and the ROK are partners (friend frames, told apart by colour), the DPRK boat is neutral.
 */
export function sidcFor(spec: Pick<UnitSpec, 'nation' | 'kind' | 'service' | 'emitters'>): string {
  const aff = spec.nation === 'JP' || spec.nation === 'KR' || spec.nation === 'US' ? 'F' : 'N';
  const service = (spec.service ?? '').toLowerCase();
  let fn: string;
  let dim: string;
  switch (spec.kind) {
    case 'aircraft':
      dim = 'A';
      fn = service === 'coast-guard' ? 'CF----' : 'MFP---';
      break;
    case 'ship':
      dim = 'S';
      if (service === 'coast-guard') fn = 'XL----';
      else if (spec.emitters?.some((e) => e.type === 'fire-control-radar')) fn = 'CLDD--';
      else fn = service === 'navy' ? 'C-----' : 'XM----';
      break;
    case 'vessel':
      dim = 'S';
      fn = service === 'fishing' ? 'XF----' : 'XM----';
      break;
    case 'headquarters':
      dim = 'G';
      fn = 'U-----';
  }
  const hq = spec.kind === 'headquarters' ? 'A' : '-';
  return `S${aff}${dim}P${fn}${hq}----`;
}
