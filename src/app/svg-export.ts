/**
 * "Save SVG": a chart on screen (the sequence chart, the sweep chart) as a standalone SVG file for
 * slides, documents and drawing tools. The page draws charts with CSS classes and the theme's
 * variables, which a file opened elsewhere does not have, so each element's computed paint and
 * type are written onto it; the result needs nothing from the app.
 */
import { download, h } from './dom';

/** The properties that decide how a chart looks; everything else is layout the SVG already has. */
const PAINT = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

const NS = 'http://www.w3.org/2000/svg';

function inline(from: Element, to: Element, view: Window): void {
  const cs = view.getComputedStyle(from);
  const style = PAINT.map((p) => [p, cs.getPropertyValue(p)] as const)
    .filter(([, v]) => v !== '')
    .map(([p, v]) => `${p}:${v}`)
    .join(';');
  if (style) to.setAttribute('style', style);
  to.removeAttribute('class');
  const a = from.children;
  const b = to.children;
  for (let i = 0; i < a.length; i++) inline(a[i]!, b[i]!, view);
}

/** What a picture leaves out of what the screen shows for the moment at the playhead. */
export interface Unmoment {
  /** Classes that mark the playhead's moment (calls after it, dimmed): a picture shows every item alike. */
  classes?: readonly string[];
  /** Elements that belong to the screen only (the playhead line). */
  drop?: string;
}

/**
 * The charts `parts` (SVG elements on screen), stacked top to bottom on a background of the
 * page's colour, as the text of one standalone SVG file.
 */
export function standaloneSvg(parts: readonly SVGSVGElement[], title: string, unmoment: Unmoment = {}): string {
  const doc = parts[0]!.ownerDocument;
  const view = doc.defaultView!;
  // The moment's marks come off while the styles are read, and go back at once (same task: never drawn).
  const marked = (unmoment.classes ?? []).flatMap((c) => parts.flatMap((p) => [...p.querySelectorAll(`.${c}`)].map((el) => [el, c] as const)));
  for (const [el, c] of marked) el.classList.remove(c);
  try {
    return build(parts, title, unmoment, doc, view);
  } finally {
    for (const [el, c] of marked) el.classList.add(c);
  }
}

function build(parts: readonly SVGSVGElement[], title: string, unmoment: Unmoment, doc: Document, view: Window): string {
  const width = Math.max(...parts.map((p) => p.width.baseVal.value || p.getBoundingClientRect().width));
  const heights = parts.map((p) => p.height.baseVal.value || p.getBoundingClientRect().height);
  const height = heights.reduce((x, y) => x + y, 0);
  const out = doc.createElementNS(NS, 'svg');
  out.setAttribute('xmlns', NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const t = doc.createElementNS(NS, 'title');
  t.textContent = title;
  const bg = doc.createElementNS(NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  // The page's colour (set on the root element; the body is transparent).
  const paper = [doc.body, doc.documentElement].map((el) => view.getComputedStyle(el).backgroundColor).find((c) => c && !/rgba\(.*,\s*0\)|transparent/.test(c));
  bg.setAttribute('fill', paper ?? '#0a1119');
  out.append(t, bg);
  let y = 0;
  parts.forEach((p, i) => {
    const copy = p.cloneNode(true) as SVGSVGElement;
    inline(p, copy, view);
    if (unmoment.drop) for (const el of copy.querySelectorAll(unmoment.drop)) el.remove();
    copy.setAttribute('y', String(y));
    copy.removeAttribute('role');
    copy.removeAttribute('aria-label');
    out.append(copy);
    y += heights[i]!;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}\n`;
}

/**
 * A "Save SVG" button that saves what `parts()` gives (nothing when it gives none). Its words are
 * the caller's to set, with the rest of its panel's words in the reader's language.
 */
export function saveSvgButton(parts: () => SVGSVGElement[], fileName: () => string, chartTitle: () => string, unmoment: Unmoment = {}): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'save-svg' });
  button.addEventListener('click', () => {
    const list = parts();
    if (list.length) download(standaloneSvg(list, chartTitle(), unmoment), fileName(), 'image/svg+xml');
  });
  return button;
}
