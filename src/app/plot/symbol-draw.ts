/**
 * Draws a unit symbol from milsymbol's drawing instructions (symbol-data.ts, made at build time by
 * scripts/gen-symbols.ts), as milsymbol's own asCanvas and canvasDraw do, for the three kinds of
 * instruction the plot's symbols use (paths, circles and text). The browser needs no milsymbol
 * (issue 8: bundle size). After milsymbol 3 (MIT, Måns Beckman, spatialillusions.com).
 *
 * No pixi; the canvas comes from the caller's document, so unit tests can record the calls.
 */

interface Common {
  fill?: string | false;
  fillopacity?: number;
  stroke?: string | false;
  strokewidth?: number;
  linecap?: CanvasLineCap;
}

export type SymbolInstruction =
  | (Common & { type: 'path'; d: string })
  | (Common & { type: 'circle'; cx: number; cy: number; r: number })
  | (Common & {
      type: 'text';
      text: string;
      x: number;
      y: number;
      fontsize: number;
      fontfamily: string;
      fontweight?: string;
      textanchor?: string;
      alignmentBaseline?: string;
    });

export interface SymbolData {
  /** Size in CSS px (milsymbol's getSize). */
  width: number;
  height: number;
  /** The symbol's centre in CSS px from its top left (milsymbol's getAnchor). */
  anchor: { x: number; y: number };
  /** Instruction units per CSS px (milsymbol's style.size / 100). */
  scale: number;
  /** Top left of the drawing in instruction units (bbox less stroke and outline). */
  origin: { x: number; y: number };
  /** Line width of instructions that name none. */
  strokeWidth: number;
  ins: SymbolInstruction[];
}

/** Stands for the nation's colour in symbol-data.ts. */
export const FILL = '@fill';

/** A shape from symbol-data.ts in a nation's colour. */
export function withFill(shape: SymbolData, css: string): SymbolData {
  return { ...shape, ins: shape.ins.map((i) => ({ ...i, ...(i.fill === FILL ? { fill: css } : {}), ...(i.stroke === FILL ? { stroke: css } : {}) })) };
}

/** The subset of a 2D context the replay uses (a real one, or a recorder in tests). */
export type SymbolContext = Pick<
  CanvasRenderingContext2D,
  'scale' | 'translate' | 'beginPath' | 'arc' | 'fill' | 'stroke' | 'fillText' | 'strokeText' | 'setLineDash' | 'getLineDash'
> & {
  lineWidth: number;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  fillStyle: string | CanvasGradient | CanvasPattern;
  globalAlpha: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
};

/** A canvas with the symbol drawn at `ratio` device pixels per CSS pixel. */
export function drawSymbol(data: SymbolData, ratio: number, doc: Pick<Document, 'createElement'> = document): HTMLCanvasElement {
  const canvas = doc.createElement('canvas');
  canvas.width = data.width * ratio;
  canvas.height = data.height * ratio;
  const ctx = canvas.getContext('2d');
  if (ctx) paintSymbol(ctx, data, ratio);
  return canvas;
}

/** The drawing itself: milsymbol's asCanvas transform, then each instruction as its canvasDraw does. */
export function paintSymbol(ctx: SymbolContext, data: SymbolData, ratio: number, path2d: (d: string) => Path2D = (d) => new Path2D(d)): void {
  ctx.scale(ratio * data.scale, ratio * data.scale);
  ctx.translate(-data.origin.x, -data.origin.y);
  for (const ins of data.ins) {
    ctx.lineWidth = ins.strokewidth || data.strokeWidth;
    if (ins.stroke !== undefined) ctx.strokeStyle = ins.stroke ? ins.stroke : 'rgba(0,0,0,0)';
    if (ctx.getLineDash().length != 0) ctx.setLineDash([]);
    if (ins.linecap) {
      ctx.lineCap = ins.linecap;
      ctx.lineJoin = ins.linecap as CanvasLineJoin;
    }
    ctx.fillStyle = ins.fill ? ins.fill : 'rgba(0,0,0,0)';
    if (ins.fillopacity !== undefined) ctx.globalAlpha = ins.fillopacity;
    const fills = ins.fill === undefined || !!ins.fill;
    const strokes = ins.stroke === undefined || !!ins.stroke;
    switch (ins.type) {
      case 'path': {
        const d = path2d(ins.d);
        if (fills) ctx.fill(d);
        // Strokes are never transparent.
        if (ctx.globalAlpha != 1) ctx.globalAlpha = 1;
        if (strokes) ctx.stroke(d);
        break;
      }
      case 'circle':
        ctx.beginPath();
        ctx.arc(ins.cx, ins.cy, ins.r, 0, 2 * Math.PI, false);
        if (fills) ctx.fill();
        if (strokes) ctx.stroke();
        break;
      case 'text':
        ctx.font = (ins.fontweight !== undefined ? `${ins.fontweight} ` : '') + `${ins.fontsize}px ${ins.fontfamily}`;
        ctx.textAlign = (ins.textanchor == 'middle' ? 'center' : ins.textanchor) as CanvasTextAlign;
        ctx.textBaseline = (ins.alignmentBaseline ? ins.alignmentBaseline : 'bottom') as CanvasTextBaseline;
        ctx.fillText(ins.text, ins.x, ins.y);
        if (ins.stroke) ctx.strokeText(ins.text, ins.x, ins.y);
        break;
    }
    if (ins.linecap) {
      ctx.lineCap = 'butt';
      ctx.lineJoin = 'miter';
    }
    if (ins.fillopacity !== undefined) ctx.globalAlpha = 1;
  }
}
