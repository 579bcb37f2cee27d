/**
 * Tiny DOM builders. Text always goes in through text nodes / textContent, never innerHTML:
 * scenario and procedure files are untrusted input.
 */
import type { AppState, AppStore } from './store';

export type Child = Node | string | number | null | undefined | false;
/** Children nest in arrays freely (e.g. a map() of [dt, dd] pairs). */
export type Children = Child | readonly Children[];
type Handler = (ev: never) => void;
export type Props = Record<string, string | number | boolean | null | undefined | Handler>;

function apply(el: Element, props: Props): void {
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
    } else if (k === 'class') {
      el.setAttribute('class', String(v));
    } else if (k === 'text') {
      el.textContent = String(v);
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
}

const isList = (c: Children): c is readonly Children[] => Array.isArray(c);

/**
 * Text from a file as the panels show it: without bidirectional overrides (U+202E would reverse a
 * unit's name and the rest of its line) and embeddings; isolates and marks that only order text stay.
 */
function withoutOverrides(s: string): string {
  return s.replace(/[\u202a-\u202e]/g, '');
}

function append(el: Element, children: readonly Children[]): void {
  for (const c of children) {
    if (isList(c)) append(el, c);
    else if (c === null || c === undefined || c === false) continue;
    else el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(typeof c === 'string' ? withoutOverrides(c) : String(c)) : c);
  }
}

/** An HTML element with attributes, `on*` listeners, `text`, and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Children[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, props);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, same conventions as h(). */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, props: Props = {}, ...children: Children[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, props);
  append(el, children);
  return el;
}

/** Replaces all children of `el`. */
export function fill(el: Element, ...children: Children[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A mounted view: everything it subscribed to is released by destroy(). */
export interface View {
  destroy(): void;
  /** Called when the view's hidden tab panel is shown again (to scroll to the playhead). */
  shown?(): void;
}

/**
 * Calls `fn` now and whenever the picked value changes (by `eq`, default Object.is).
 * Returns the unsubscribe function.
 */
export function watch<T>(
  store: AppStore,
  pick: (s: AppState) => T,
  fn: (value: T, state: AppState) => void,
  eq: (a: T, b: T) => boolean = Object.is,
): () => void {
  let last = pick(store.getState());
  fn(last, store.getState());
  return store.subscribe((state) => {
    const v = pick(state);
    if (eq(v, last)) return;
    last = v;
    fn(v, state);
  });
}

/** Like watch(), and again when the reader's language changes: every word the view wrote is written again in it. */
export function watchWords<T>(
  store: AppStore,
  pick: (s: AppState) => T,
  fn: (value: T, state: AppState) => void,
  eq: (a: T, b: T) => boolean = Object.is,
): () => void {
  return watch(
    store,
    (s) => [pick(s), s.lang] as const,
    ([v], s) => fn(v, s),
    (a, b) => a[1] === b[1] && eq(a[0], b[0]),
  );
}

export const shallowArrayEq = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * Wraps a view's update for the playhead: paused (seeking, stepping) it runs at once; while
 * playing it runs at most every `ms`, and once more when playback stops, so the view always ends
 * on the right moment. A generated exercise logs tens of thousands of entries and has a thousand
 * units, and re-laying out a panel for every animation frame would cost the page its frame rate.
 */
export function whilePlaying(store: AppStore, fn: () => void, ms: number): { run(): void; stop(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    last = performance.now();
    fn();
  };
  const unsub = store.subscribe((s, prev) => {
    if (prev.playing && !s.playing && timer !== null) fire();
  });
  return {
    run() {
      if (!store.getState().playing || performance.now() - last >= ms) fire();
      else timer ??= setTimeout(fire, Math.max(0, last + ms - performance.now()));
    },
    stop() {
      unsub();
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/** Keeps a scrollable container showing `item`, moving it as little as possible. */
export function keepInView(container: Element, item: Element): void {
  const c = container.getBoundingClientRect();
  const r = item.getBoundingClientRect();
  if (r.top < c.top) container.scrollTop += r.top - c.top - 8;
  else if (r.bottom > c.bottom) container.scrollTop += r.bottom - c.bottom + 8;
}

/** Saves text (or a Blob made elsewhere, such as a canvas's PNG) as a file: a Blob behind an a[download], clicked and released. */
export function download(data: string | Blob, fileName: string, type = 'application/yaml'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
