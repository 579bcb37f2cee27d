/** Accessible tabs (WAI-ARIA tabs pattern): arrow keys, Home/End, one tab stop. */
import { h, watch } from './dom';
import type { AppStore, TabGroup } from './store';

export interface TabSpec {
  id: string;
  label: string;
  /** The label's message code, for views that write it in the reader's language. */
  code?: string;
}

export interface Tabs {
  root: HTMLElement;
  panels: Record<string, HTMLElement>;
  select(id: string): void;
  /** The tab shown. */
  current(): string;
  has(id: string): boolean;
  setLabel(id: string, label: string): void;
  /** Names the tab list for assistive technology (in the reader's language); ids keep the name given at creation. */
  setName(label: string): void;
}

export function createTabs(name: string, specs: TabSpec[], initial = specs[0]?.id, onSelect?: (id: string) => void): Tabs {
  const list = h('div', { role: 'tablist', 'aria-label': name, class: 'tablist' });
  const buttons: Record<string, HTMLButtonElement> = {};
  const panels: Record<string, HTMLElement> = {};
  const body = h('div', { class: 'tab-body' });
  let shown = '';
  const prefix = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

  const select = (id: string, focus = false) => {
    for (const spec of specs) {
      const on = spec.id === id;
      buttons[spec.id]!.setAttribute('aria-selected', String(on));
      buttons[spec.id]!.tabIndex = on ? 0 : -1;
      panels[spec.id]!.hidden = !on;
    }
    shown = id;
    if (focus) buttons[id]!.focus();
    onSelect?.(id);
  };

  specs.forEach((spec, i) => {
    const tabId = `${prefix}-tab-${spec.id}`;
    const panelId = `${prefix}-panel-${spec.id}`;
    const b = h('button', { type: 'button', role: 'tab', id: tabId, 'aria-controls': panelId, class: 'tab', text: spec.label });
    b.addEventListener('click', () => select(spec.id));
    b.addEventListener('keydown', (ev) => {
      let next: number | null = null;
      if (ev.key === 'ArrowRight') next = (i + 1) % specs.length;
      else if (ev.key === 'ArrowLeft') next = (i - 1 + specs.length) % specs.length;
      else if (ev.key === 'Home') next = 0;
      else if (ev.key === 'End') next = specs.length - 1;
      if (next === null) return;
      ev.preventDefault();
      ev.stopPropagation();
      select(specs[next]!.id, true);
    });
    buttons[spec.id] = b;
    list.append(b);
    const panel = h('div', { role: 'tabpanel', id: panelId, 'aria-labelledby': tabId, class: 'tab-panel', tabindex: 0 });
    panels[spec.id] = panel;
    body.append(panel);
  });
  if (initial) select(initial);
  return {
    root: h('div', { class: 'tabs' }, list, body),
    panels,
    select: (id) => select(id),
    current: () => shown,
    has: (id) => id in buttons,
    setLabel(id, label) {
      const b = buttons[id];
      if (b) b.textContent = label;
    },
    setName(label) {
      list.setAttribute('aria-label', label);
    },
  };
}

/**
 * Tabs whose open tab is the store's `openTabs[group]`, both ways, so that a shared link opens the
 * same tab. A tab the group does not have (a link from another version) leaves `fallback` open
 * and is written back over, so the address stops naming it.
 */
export function createStoreTabs(
  store: AppStore,
  group: TabGroup,
  name: string,
  specs: TabSpec[],
  fallback: string,
  onSelect?: (id: string) => void,
): Tabs & { destroy(): void } {
  const ids = new Set(specs.map((s) => s.id));
  const asked = store.getState().openTabs[group];
  const tabs = createTabs(name, specs, ids.has(asked) ? asked : fallback, (id) => {
    store.getState().showTab(group, id);
    onSelect?.(id);
  });
  const destroy = watch(
    store,
    (s) => s.openTabs[group],
    (id) => {
      if (id === tabs.current()) return;
      if (tabs.has(id)) tabs.select(id);
      else store.getState().showTab(group, tabs.current());
    },
  );
  return { ...tabs, destroy };
}
