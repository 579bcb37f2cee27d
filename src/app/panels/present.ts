/**
 * Presentation mode and the light theme (issue 17 item 1). In front of a class the plot is what
 * everyone looks at: presentation mode folds the findings, log and tabs away so the plot fills the
 * screen above the timeline, and shows the selected breakdown under it as a caption, in the words
 * the findings panel uses. `P` (not while typing) or the header's button enters and leaves it;
 * Esc leaves it. The light theme is for a daylit room, where a projected dark screen washes out.
 * Both only set classes and attributes: the layout and colours are styles.css's, the plot's
 * scale and palette the plot's (it reads the same store fields).
 */
import { h, watch, watchWords, type View } from '../dom';
import { t, type Lang } from '../../i18n';
import { breakdownClass, breakdownTag, clockOf } from '../words';
import { breakdownText } from './breakdowns';
import { typingIn } from '../training/shared';
import type { AppState, AppStore } from '../store';

/** The caption's parts for the breakdown selected, or null when none is (or the run lacks it). */
export function presentCaption(
  s: Pick<AppState, 'analysis' | 'selectedBreakdown'>,
  lang: Lang,
): { tag: string; cls: string; head: string; text: string } | null {
  const a = s.analysis;
  const b = a && s.selectedBreakdown ? a.breakdowns.find((x) => x.id === s.selectedBreakdown) : undefined;
  if (!a || !b) return null;
  return { tag: breakdownTag(b, lang), cls: breakdownClass(b), head: `${b.id} · ${clockOf(a, b.t)}`, text: breakdownText(a, b, lang) };
}

/** The header's two toggles (Present, Light theme). */
function mountToggles(store: AppStore): { root: HTMLElement; destroy: () => void } {
  const present = h('button', { type: 'button', class: 'toggle present-toggle', 'aria-pressed': 'false' });
  const light = h('button', { type: 'button', class: 'toggle theme-toggle', 'aria-pressed': 'false' });
  present.addEventListener('click', () => store.getState().present());
  light.addEventListener('click', () => store.getState().setTheme(store.getState().theme === 'light' ? 'dark' : 'light'));
  const unsubs = [
    watch(
      store,
      (s) => [s.lang, s.presenting] as const,
      ([lang, on]) => {
        present.textContent = t(lang, on ? 'app-tools.present.leave' : 'app-tools.present.button');
        present.title = t(lang, 'app-tools.present.title');
        present.setAttribute('aria-pressed', String(on));
        light.textContent = t(lang, 'app-tools.theme.light');
        light.title = t(lang, 'app-tools.theme.light-title');
      },
      (a, b) => a[0] === b[0] && a[1] === b[1],
    ),
    watch(
      store,
      (s) => s.theme,
      (theme) => light.setAttribute('aria-pressed', String(theme === 'light')),
    ),
  ];
  return { root: h('div', { class: 'present-tools', role: 'group' }, present, light), destroy: () => unsubs.forEach((u) => u()) };
}

/** The caption under the plot in presentation mode: the selected breakdown, or how to pick one. */
function mountCaption(store: AppStore): { root: HTMLElement; destroy: () => void } {
  const chip = h('span', { class: 'chip' });
  const head = h('strong', { class: 'present-caption-head' });
  const text = h('span', { class: 'present-caption-text' });
  const root = h('p', { class: 'present-caption', 'aria-live': 'polite' }, chip, head, text);
  const destroy = watchWords(
    store,
    (s) => [s.analysis, s.selectedBreakdown] as const,
    (_, s) => {
      const c = presentCaption(s, s.lang);
      root.setAttribute('aria-label', t(s.lang, 'app-tools.present.caption'));
      chip.hidden = head.hidden = !c;
      chip.className = `chip ${c?.cls ?? ''}`;
      chip.textContent = c?.tag ?? '';
      head.textContent = c?.head ?? '';
      text.textContent = c ? c.text : t(s.lang, 'app-tools.present.none');
      root.classList.toggle('empty', !c);
    },
    (a, b) => a[0] === b[0] && a[1] === b[1],
  );
  return { root, destroy };
}

/**
 * Mounts the toggles into the header's first line and the caption after the plot; keeps the
 * app's class and the page's theme attribute in step with the store, and listens for P and Esc.
 */
export function mountPresent(root: HTMLElement, header: HTMLElement, plot: HTMLElement, store: AppStore, keyTarget: Document | HTMLElement = document): View {
  const toggles = mountToggles(store);
  (header.querySelector('.brand-line') ?? header).append(toggles.root);
  const caption = mountCaption(store);
  plot.after(caption.root);
  const html = root.ownerDocument.documentElement;
  const unsubs = [
    watch(
      store,
      (s) => s.presenting,
      (on) => root.classList.toggle('presenting', on),
    ),
    watch(
      store,
      (s) => s.theme,
      (theme) => {
        if (theme === 'light') html.dataset.theme = 'light';
        else delete html.dataset.theme;
      },
    ),
  ];
  const onKey = (ev: Event) => {
    const e = ev as KeyboardEvent;
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    // Esc still leaves from the timeline's speed picker (a select counts as typing for letters).
    const typing = typingIn(e.target);
    if (typing && !(e.key === 'Escape' && (e.target as HTMLElement).tagName === 'SELECT')) return;
    if (e.key === 'p' || e.key === 'P') {
      store.getState().present();
      e.preventDefault();
    } else if (e.key === 'Escape' && store.getState().presenting) {
      store.getState().present(false);
      e.preventDefault();
    }
  };
  keyTarget.addEventListener('keydown', onKey);
  return {
    destroy() {
      keyTarget.removeEventListener('keydown', onKey);
      unsubs.forEach((u) => u());
      toggles.destroy();
      caption.destroy();
      toggles.root.remove();
      caption.root.remove();
      root.classList.remove('presenting');
      delete html.dataset.theme;
    },
  };
}
