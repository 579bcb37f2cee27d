/**
 * Writes src/app/plot/symbol-data.ts: the drawing instructions milsymbol makes for every unit
 * symbol the plot can show (every SIDC sidcFor gives, in every nation colour), so the browser
 * needs no milsymbol at all (issue 8: it was 860 KB of the plot's chunk, 120 KB with only the
 * symbol sets the plot uses; the instructions are 2 KB gzip). symbol-draw.ts replays them on a
 * canvas as milsymbol's asCanvas does.
 *
 *   npx tsx scripts/gen-symbols.ts          # rewrite the file
 *
 * tests/unit/plot-symbols.test.ts fails when the file is not what this script makes now (after a
 * change to sidcFor, the colours, the symbol options or milsymbol itself), and checks that the
 * replay draws exactly what milsymbol draws.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type msType from 'milsymbol';
import { NATION_COLOURS, sidcFor, symbolOptions } from '../src/app/plot/style';
import { FILL, withFill, type SymbolData, type SymbolInstruction } from '../src/app/plot/symbol-draw';

/** The full package, as Node loads it (its CommonJS bundle). */
export const milsymbol = createRequire(import.meta.url)('milsymbol') as typeof msType;

/** Every spec sidcFor tells apart: kind × service × (fire-control radar or not) × nation. */
export function plotSpecs(): Parameters<typeof sidcFor>[0][] {
  const out: Parameters<typeof sidcFor>[0][] = [];
  for (const nation of Object.keys(NATION_COLOURS)) {
    for (const kind of ['ship', 'aircraft', 'vessel', 'headquarters'] as const) {
      for (const service of [undefined, 'navy', 'coast-guard', 'fishing']) {
        for (const emitters of [[], [{ id: 'fc', type: 'fire-control-radar' }]]) out.push({ nation, kind, service, emitters } as Parameters<typeof sidcFor>[0]);
      }
    }
  }
  return out;
}

/** The key the plot looks a symbol up by. */
export const symbolKey = (sidc: string, fillCss: string) => `${sidc}|${fillCss}`;

const KEYS: Record<SymbolInstruction['type'], readonly string[]> = {
  path: ['type', 'd', 'fill', 'fillopacity', 'stroke', 'strokewidth', 'linecap', 'icon'],
  circle: ['type', 'cx', 'cy', 'r', 'fill', 'fillopacity', 'stroke', 'strokewidth', 'linecap', 'icon'],
  text: ['type', 'text', 'x', 'y', 'fontsize', 'fontfamily', 'fontweight', 'textanchor', 'alignmentBaseline', 'fill', 'stroke', 'strokewidth', 'icon'],
};

/** milsymbol's nested instruction lists, flattened in drawing order; anything the replay does not know is an error. */
function flatten(list: unknown[], sidc: string, out: SymbolInstruction[] = []): SymbolInstruction[] {
  for (const x of list) {
    if (Array.isArray(x)) flatten(x, sidc, out);
    else if (x && typeof x === 'object') {
      const ins = x as Record<string, unknown>;
      const allowed = KEYS[ins.type as SymbolInstruction['type']];
      if (!allowed) throw new Error(`${sidc}: milsymbol drew a '${String(ins.type)}', which symbol-draw.ts does not replay`);
      for (const k of Object.keys(ins))
        if (!allowed.includes(k)) throw new Error(`${sidc}: '${String(ins.type)}' with '${k}', which symbol-draw.ts does not replay`);
      const { icon: _icon, ...kept } = ins;
      out.push(kept as unknown as SymbolInstruction);
    } else if (x !== undefined && x !== null && x !== false) throw new Error(`${sidc}: unexpected instruction ${String(x)}`);
  }
  return out;
}

export function buildSymbolData(): Record<string, SymbolData> {
  const out: Record<string, SymbolData> = {};
  for (const spec of plotSpecs()) {
    const sidc = sidcFor(spec);
    const css = (NATION_COLOURS[spec.nation] ?? NATION_COLOURS['OTHER']!).css;
    const key = symbolKey(sidc, css);
    if (out[key]) continue;
    const sym = new milsymbol.Symbol(sidc, symbolOptions(css)) as unknown as {
      drawInstructions: unknown[];
      bbox: { x1: number; y1: number };
      style: { size: number; strokeWidth: number; outlineWidth: number; styleFill: boolean };
      getSize(): { width: number; height: number };
      getAnchor(): { x: number; y: number };
      isValid(): boolean;
    };
    if (!sym.isValid()) throw new Error(`milsymbol does not know ${sidc}`);
    if (sym.style.styleFill) throw new Error('styleFill is not replayed');
    const size = sym.getSize();
    out[key] = {
      width: size.width,
      height: size.height,
      anchor: sym.getAnchor(),
      scale: sym.style.size / 100,
      origin: { x: sym.bbox.x1 - sym.style.strokeWidth - sym.style.outlineWidth, y: sym.bbox.y1 - sym.style.strokeWidth - sym.style.outlineWidth },
      strokeWidth: sym.style.strokeWidth,
      ins: flatten(sym.drawInstructions, sidc),
    };
  }
  return out;
}

/**
 * The file's content: one shape per SIDC with its fill colour as FILL (the same SIDC is drawn in
 * the colours of several nations, which differ in that one colour only; checked here).
 */
export function symbolDataSource(): string {
  const data = buildSymbolData();
  const shapes: Record<string, SymbolData> = {};
  for (const [key, d] of Object.entries(data)) {
    const [sidc, css] = key.split('|') as [string, string];
    const shape: SymbolData = {
      ...d,
      ins: d.ins.map((i) => ({ ...i, ...(i.fill === css ? { fill: FILL } : {}), ...(i.stroke === css ? { stroke: FILL } : {}) })),
    };
    if (JSON.stringify(withFill(shape, css)) !== JSON.stringify(d)) throw new Error(`${key}: the colour ${css} is not only a fill`);
    const known = shapes[sidc];
    if (known && JSON.stringify(known) !== JSON.stringify(shape)) throw new Error(`${sidc} differs between colours in more than its fill`);
    shapes[sidc] = shape;
  }
  const lines = Object.entries(shapes).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return `// Generated by scripts/gen-symbols.ts from milsymbol ${milsymbol.getVersion()}: do not edit by hand.
// Every unit symbol the plot can show (sidcFor), as milsymbol's drawing instructions with the
// nation's colour as FILL (withFill puts it in); symbol-draw.ts replays them.
// tests/unit/plot-symbols.test.ts checks both.
import type { SymbolData } from './symbol-draw';

export const SYMBOL_SHAPES: Readonly<Record<string, SymbolData>> = {
${lines.join('\n')}
};
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = fileURLToPath(new URL('../src/app/plot/symbol-data.ts', import.meta.url));
  writeFileSync(path, symbolDataSource());
  console.log(`wrote ${path}`);
}
