/**
 * The plot's mariner's tools that live in the page rather than in pixi: the keyboard on the plot
 * (arrows pan, + − zoom, 0 frames the encounter, F follows the selected unit), the visible hint
 * for the mouse and keys, the "Following …" chip, and the hover tooltip on units. The camera moves
 * through the handlers index.ts gives (the same ones the mouse uses).
 */
import type { Analysis } from '../../core/analysis/report';
import type { Frame } from '../../core/replay/replay';
import { t } from '../../i18n';
import type { AppStore } from '../store';
import { tooltipLines } from '../measure';
import { shortName } from '../words';
import type { Rect } from './labels';

export interface KeyHandlers {
  pan(dx: number, dy: number): void;
  zoom(x: number, y: number, factor: number): void;
  reset(): void;
}

/** One arrow press pans this share of the view; one + or − zooms by this factor. */
const PAN_SHARE = 0.15;
const ZOOM_STEP = 1.25;

/**
 * The plot's keys, taken only while the plot itself has the focus (not a button over it), and
 * kept from the page's own shortcuts (arrows step the playhead elsewhere).
 */
export function attachKeys(el: HTMLElement, store: AppStore, size: () => { w: number; h: number }, h: KeyHandlers): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.target !== el || e.altKey || e.ctrlKey || e.metaKey) return;
    const { w, h: ht } = size();
    const step = PAN_SHARE * Math.min(w, ht);
    const acts: Record<string, () => void> = {
      ArrowLeft: () => h.pan(step, 0),
      ArrowRight: () => h.pan(-step, 0),
      ArrowUp: () => h.pan(0, step),
      ArrowDown: () => h.pan(0, -step),
      '+': () => h.zoom(w / 2, ht / 2, ZOOM_STEP),
      '=': () => h.zoom(w / 2, ht / 2, ZOOM_STEP),
      '-': () => h.zoom(w / 2, ht / 2, 1 / ZOOM_STEP),
      _: () => h.zoom(w / 2, ht / 2, 1 / ZOOM_STEP),
      '0': () => h.reset(),
      f: () => toggleFollow(store),
      F: () => toggleFollow(store),
    };
    const act = acts[e.key];
    if (!act) return;
    act();
    e.preventDefault();
  };
  el.addEventListener('keydown', onKey);
  return () => el.removeEventListener('keydown', onKey);
}

/** F: follows the selected unit, or stops following. */
export function toggleFollow(store: AppStore): void {
  const s = store.getState();
  const unit = s.selectedUnits[0] ?? null;
  s.follow(s.following || !unit ? null : unit);
}

export interface PlotTools {
  /** Screen areas (relative to the canvas) the hint covers, for the labels to keep out of. */
  rects(): Rect[];
  /** Shows the tooltip of the unit under (x, y), or hides it (null). */
  hover(unit: string | null, x: number, y: number): void;
  destroy(): void;
}

/**
 * The hint and the tooltip, in the plot's container. `frameNow` gives the replay frame the plot
 * shows (the tooltip reads course and speed from it).
 */
export function mountPlotTools(container: HTMLElement, store: AppStore, frameNow: () => { analysis: Analysis; frame: Frame } | null): PlotTools {
  const hint = document.createElement('div');
  hint.className = 'plot-hint';
  hint.id = 'plot-hint';
  const keysText = document.createElement('span');
  const chip = document.createElement('button');
  chip.type = 'button';
  chip.className = 'plot-following';
  chip.addEventListener('click', () => store.getState().follow(null));
  hint.append(chip, keysText);
  const tip = document.createElement('div');
  tip.className = 'plot-tooltip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  container.append(hint, tip);
  if (!container.hasAttribute('tabindex')) container.tabIndex = 0;
  container.setAttribute('aria-describedby', hint.id);
  container.setAttribute('aria-keyshortcuts', 'ArrowLeft ArrowRight ArrowUp ArrowDown + - 0 F');

  const word = () => {
    const s = store.getState();
    keysText.textContent = t(s.lang, 'app-tools.nav.plot-hint');
    keysText.title = t(s.lang, 'app-tools.nav.plot-label');
    // The canvas is named where it is made (canvas.ts), before any language is known.
    container.querySelector('canvas')?.setAttribute('aria-label', t(s.lang, 'app.layout.plot'));
    chip.hidden = !s.following || !s.analysis;
    if (s.following && s.analysis) chip.textContent = `${t(s.lang, 'app-tools.nav.following', { unit: shortName(s.analysis, s.following, s.lang) })} ✕`;
    measured = null;
  };
  let measured: Rect | null = null;
  word();
  const unsub = store.subscribe((s, prev) => {
    if (s.lang !== prev.lang || s.following !== prev.following || s.analysis !== prev.analysis) word();
  });
  const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => (measured = null)) : null;
  observer?.observe(hint);

  let shownFor = '';
  return {
    rects() {
      if (!measured) {
        const c = container.getBoundingClientRect();
        const r = hint.getBoundingClientRect();
        measured = { x: r.left - c.left - 4, y: r.top - c.top - 4, w: r.width + 8, h: r.height + 8 };
      }
      return [measured];
    },
    hover(unit, x, y) {
      const at = unit ? frameNow() : null;
      const u = at?.frame.units.find((f) => f.spec.id === unit);
      if (!at || !u) {
        tip.hidden = true;
        shownFor = '';
        return;
      }
      const lang = store.getState().lang;
      const lines = tooltipLines(at.analysis, u, lang);
      const key = `${unit}|${at.frame.t}|${lang}`;
      if (key !== shownFor) {
        shownFor = key;
        tip.replaceChildren(...lines.map((l, i) => Object.assign(document.createElement(i ? 'div' : 'strong'), { textContent: l })));
      }
      tip.hidden = false;
      // Beside the pointer, turned back inside the plot near its right and bottom edges.
      const cw = container.clientWidth;
      const ch = container.clientHeight;
      const left = x + 16 + tip.offsetWidth > cw ? x - 12 - tip.offsetWidth : x + 16;
      const top = y + 16 + tip.offsetHeight > ch ? y - 12 - tip.offsetHeight : y + 16;
      tip.style.left = `${Math.max(2, left)}px`;
      tip.style.top = `${Math.max(2, top)}px`;
    },
    destroy() {
      unsub();
      observer?.disconnect();
      hint.remove();
      tip.remove();
    },
  };
}
