// The plot draws unit symbols from milsymbol's instructions made at build time
// (scripts/gen-symbols.ts → src/app/plot/symbol-data.ts, replayed by symbol-draw.ts) instead of
// shipping milsymbol to the browser. Here: the data is what the generator makes from the installed
// milsymbol now, and the replay makes exactly the canvas calls milsymbol's own asCanvas makes,
// for every symbol, at 1 and 2 device pixels per CSS pixel.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildSymbolData, milsymbol, plotSpecs, symbolDataSource, symbolKey } from '../../scripts/gen-symbols';
import { SYMBOL_SHAPES } from '../../src/app/plot/symbol-data';
import { drawSymbol, withFill } from '../../src/app/plot/symbol-draw';
import { NATION_COLOURS, nationColour, sidcFor, symbolOptions } from '../../src/app/plot/style';

/** A canvas whose 2D context writes down every call and every property set, in order. */
function recordingCanvas(log: string[]) {
  const lineDash: number[] = [];
  const state: Record<string | symbol, unknown> = { globalAlpha: 1, lineCap: 'butt', lineJoin: 'miter', lineWidth: 1 };
  const ctx = new Proxy(
    {},
    {
      get(_t, prop) {
        if (prop in state) return state[prop];
        if (prop === 'getLineDash') return () => [...lineDash];
        if (prop === 'getImageData') return () => ({ data: [0, 0, 0, 255] });
        return (...args: unknown[]) => {
          if (prop === 'setLineDash') lineDash.splice(0, lineDash.length, ...(args[0] as number[]));
          log.push(`${String(prop)}(${args.map((a) => (a instanceof StubPath2D ? `Path2D(${a.d})` : JSON.stringify(a))).join(', ')})`);
        };
      },
      set(_t, prop, value) {
        state[prop] = value;
        log.push(`${String(prop)} = ${JSON.stringify(value)}`);
        return true;
      },
    },
  );
  const canvas = {
    _w: 0,
    _h: 0,
    set width(v: number) {
      this._w = Math.trunc(v);
      log.push(`width = ${this._w}`);
    },
    get width() {
      return this._w;
    },
    set height(v: number) {
      this._h = Math.trunc(v);
      log.push(`height = ${this._h}`);
    },
    get height() {
      return this._h;
    },
    getContext: () => ctx,
  };
  return canvas;
}

class StubPath2D {
  constructor(readonly d: string) {}
}

describe('unit symbols without milsymbol in the browser', () => {
  test('symbol-data.ts is what scripts/gen-symbols.ts makes from the installed milsymbol (run it after changing sidcFor, colours or options)', () => {
    const file = readFileSync(new URL('../../src/app/plot/symbol-data.ts', import.meta.url), 'utf8');
    expect(file).toBe(symbolDataSource());
    // Each shape in each colour is exactly what milsymbol made for that colour.
    for (const [key, data] of Object.entries(buildSymbolData())) {
      const [sidc, css] = key.split('|') as [string, string];
      expect(withFill(SYMBOL_SHAPES[sidc]!, css), key).toEqual(data);
    }
  });

  test('every symbol the plot can ask for is there', () => {
    for (const spec of plotSpecs()) {
      const key = symbolKey(sidcFor(spec), nationColour(spec.nation).css);
      expect(SYMBOL_SHAPES[sidcFor(spec)], key).toBeDefined();
    }
  });

  test('the replay draws exactly what milsymbol asCanvas draws', () => {
    const g = globalThis as unknown as { document?: unknown; Path2D?: unknown };
    const saved = { document: g.document, Path2D: g.Path2D };
    let checked = 0;
    const all = buildSymbolData();
    try {
      g.Path2D = StubPath2D;
      (milsymbol as unknown as { setBrokenPath2D(b: boolean): void }).setBrokenPath2D(false);
      for (const key of Object.keys(all)) {
        const [sidc, css] = key.split('|') as [string, string];
        const data = withFill(SYMBOL_SHAPES[sidc]!, css);
        for (const ratio of [1, 2]) {
          const theirs: string[] = [];
          g.document = { createElement: () => recordingCanvas(theirs) };
          const sym = new milsymbol.Symbol(sidc, symbolOptions(css)) as unknown as { asCanvas(r: number): unknown };
          sym.asCanvas(ratio);
          const ours: string[] = [];
          drawSymbol(data, ratio, { createElement: (() => recordingCanvas(ours)) as unknown as Document['createElement'] });
          // milsymbol's Path2D is the global one; the replay's default makes the same.
          expect(ours, `${key} at ${ratio}×`).toEqual(theirs);
          expect(theirs.length).toBeGreaterThan(10);
          checked++;
        }
      }
    } finally {
      g.document = saved.document;
      g.Path2D = saved.Path2D;
    }
    expect(checked).toBe(2 * Object.keys(all).length);
    expect(Object.keys(all).length).toBeGreaterThanOrEqual(Object.keys(NATION_COLOURS).length * 6);
  });
});
