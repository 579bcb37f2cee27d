/**
 * "Export PNG": the plot as it is on screen, with a caption band under it (export-caption.ts says
 * what), saved as a file for slides. The picture is taken from the WebGL canvas right after a
 * frame is rendered, in the same task, so what is saved is exactly what is shown, at the screen's
 * pixel density.
 */
import { t, type Lang } from '../../i18n';
import { download } from '../dom';
import type { AppStore } from '../store';
import { plotCaption, type Caption } from './export-caption';
import { plotFont } from './labels';

/** Caption colours: the app's dark panel and ink, so a slide matches the screen. */
const BAND = '#101b27';
const INK = '#e6edf4';
const MUTED = '#b5c4d2';

/** Breaks `text` into lines no wider than `width` px (words, or characters where a language has no spaces). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const tokens = /\s/.test(text) ? text.split(/(?<=\s)/) : [...text];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (line && ctx.measureText(line + tok).width > width) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

/** Draws the plot picture and its caption on a new canvas. `scale` is device pixels per CSS pixel. */
export function composeExport(plot: CanvasImageSource & { width: number; height: number }, caption: Caption, lang: Lang, scale: number): HTMLCanvasElement {
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  const pad = Math.round(12 * scale);
  const font = plotFont(lang);
  const titlePx = Math.round(18 * scale);
  const textPx = Math.round(14 * scale);
  const width = plot.width;
  ctx.font = `${textPx}px ${font}`;
  const bdLines = caption.breakdown ? wrap(ctx, caption.breakdown, width - 2 * pad) : [];
  const momentLines = wrap(ctx, caption.moment, width - 2 * pad);
  const lineH = Math.round(textPx * 1.35);
  const band = pad + Math.round(titlePx * 1.35) + (momentLines.length + bdLines.length) * lineH + pad;
  out.width = width;
  out.height = plot.height + band;
  ctx.drawImage(plot, 0, 0);
  ctx.fillStyle = BAND;
  ctx.fillRect(0, plot.height, width, band);
  ctx.textBaseline = 'top';
  let y = plot.height + pad;
  ctx.fillStyle = INK;
  ctx.font = `bold ${titlePx}px ${font}`;
  ctx.fillText(caption.title, pad, y, width - 2 * pad);
  y += Math.round(titlePx * 1.35);
  ctx.font = `${textPx}px ${font}`;
  ctx.fillStyle = MUTED;
  for (const l of momentLines) {
    ctx.fillText(l, pad, y);
    y += lineH;
  }
  ctx.fillStyle = INK;
  for (const l of bdLines) {
    ctx.fillText(l, pad, y);
    y += lineH;
  }
  return out;
}

/** Saves a canvas as a PNG file (dom.ts's download, once the browser has encoded it). */
function save(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('the browser made no PNG'));
      download(blob, fileName);
      resolve();
    }, 'image/png');
  });
}

export interface ExportButton {
  /** The button's box relative to the plot container (for the labels to keep out of). */
  rect(): { x: number; y: number; w: number; h: number };
  destroy(): void;
}

/**
 * The "Export PNG" button over the plot (top right). `renderNow` draws a frame synchronously and
 * returns the canvas that holds it.
 */
export function mountExportButton(container: HTMLElement, store: AppStore, renderNow: () => HTMLCanvasElement, scale: () => number): ExportButton {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'plot-export';
  const said = document.createElement('span');
  said.className = 'plot-export-said';
  said.setAttribute('role', 'status');
  said.setAttribute('aria-live', 'polite');
  const box = document.createElement('div');
  box.className = 'plot-export-box';
  box.append(button, said);
  container.appendChild(box);
  const word = () => {
    const lang = store.getState().lang;
    button.textContent = t(lang, 'app-tools.png.button');
    button.title = t(lang, 'app-tools.png.title');
  };
  word();
  const unsub = store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) {
      word();
      said.textContent = '';
    }
  });
  button.addEventListener('click', () => {
    const s = store.getState();
    const caption = plotCaption(s);
    if (!caption) return;
    try {
      const canvas = composeExport(renderNow(), caption, s.lang, scale());
      save(canvas, caption.fileName).then(
        () => (said.textContent = t(s.lang, 'app-tools.png.saved', { file: caption.fileName })),
        (err: unknown) => (said.textContent = t(s.lang, 'app-tools.png.failed', { error: String(err) })),
      );
    } catch (err) {
      said.textContent = t(s.lang, 'app-tools.png.failed', { error: String(err) });
    }
  });
  // The box is measured when it changes size (language, status text), not on every frame:
  // reading layout every frame would force the browser to lay out the page every frame.
  let measured: { x: number; y: number; w: number; h: number } | null = null;
  const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => (measured = null)) : null;
  observer?.observe(box);
  return {
    rect() {
      if (!measured) {
        const c = container.getBoundingClientRect();
        const r = box.getBoundingClientRect();
        measured = { x: r.left - c.left - 4, y: r.top - c.top - 4, w: r.width + 8, h: r.height + 8 };
      }
      return measured;
    },
    destroy() {
      unsub();
      observer?.disconnect();
      box.remove();
    },
  };
}
