/**
 * Triggers: for the run on screen, every scripted trigger ("on:" in the script) and every rule of
 * the procedure, with whether and when it fired (click a time to seek to that log entry) and, when
 * it never fired, the condition that held it back — from the core's explainTriggers.
 */
import { explainTriggers, type Firing, type TriggerReport } from '../../core/analysis/triggers';
import type { Analysis } from '../../core/analysis/report';
import { parseYamlSource, type SourceDoc } from '../../core/yaml-source';
import { h, fill, watch, type View } from '../dom';
import { clockOf } from '../words';
import type { AppStore } from '../store';
import { wordsOf, type Words } from '../said';
import { sourceOf, statusText, triggerStatus, triggersView } from './triggers-model';

export { sourceOf, statusText, triggerStatus } from './triggers-model';

export interface TriggersOptions {
  /** Opens a file at a line (the editor); when given, each entry links to where it is written. */
  showSource?: (file: string, line: number) => void;
}

/** The "file:line" button that opens where a trigger or rule is written in the editor. */
function sourceLink(w: Words, r: TriggerReport, src: { file: string; line: number }, show: (file: string, line: number) => void): HTMLButtonElement {
  const link = h(
    'button',
    {
      type: 'button',
      class: 'trig-source',
      title: w('app-tools.triggers.source-title', { file: src.file, line: src.line }),
      // Begins with the words shown (file:line), so speech input can say what it sees.
      'aria-label': w('app-tools.triggers.source-label', { id: r.id, file: src.file.replace(/^.*\//, ''), line: src.line }),
    },
    `${src.file.replace(/^.*\//, '')}:${src.line}`,
  );
  link.addEventListener('click', () => {
    try {
      show(src.file, src.line);
    } catch (err) {
      console.error('could not open the source', err);
    }
  });
  return link;
}

export function mountTriggers(root: HTMLElement, store: AppStore, opts: TriggersOptions = {}): View {
  const summary = h('p', { class: 'trig-summary muted' });
  const onlyNever = h('input', { type: 'checkbox', id: 'trig-only-never' });
  const filterWords = h('span', {});
  const filter = h('label', { class: 'trig-filter small', for: 'trig-only-never' }, onlyNever, filterWords);
  const body = h('div', { class: 'trig-body' });
  root.classList.add('triggers');
  root.append(h('div', { class: 'trig-top' }, summary, filter), body);
  const buttons = new Map<number, HTMLButtonElement[]>();

  const firingItem = (a: Analysis, r: TriggerReport, f: Firing, kind: 'fired' | 'not-followed') => {
    const at = clockOf(a, f.t);
    const b = h(
      'button',
      {
        type: 'button',
        class: 'firing-time time',
        'data-entry': f.entry,
        'data-t': f.t,
        'aria-label': wordsOf(store)('app-tools.triggers.seek', { at, id: r.id, fired: kind === 'fired', what: wordsOf(store).field(f, 'what') }),
      },
      at,
    );
    b.addEventListener('click', () => {
      try {
        store.getState().selectEntry(f.entry);
      } catch (err) {
        console.error('could not seek to the entry', err);
      }
    });
    const list = buttons.get(f.entry) ?? [];
    list.push(b);
    buttons.set(f.entry, list);
    return h('li', { class: `firing ${kind}` }, b, h('span', { class: 'firing-what' }, kind === 'not-followed' ? `not followed: ${f.what}` : f.what));
  };

  const item = (a: Analysis, r: TriggerReport, scenarioDoc: () => SourceDoc | null) => {
    const st = triggerStatus(a, r);
    const w = wordsOf(store);
    const src = opts.showSource ? sourceOf(a, r, scenarioDoc) : null;
    const link = src && opts.showSource ? sourceLink(w, r, src, opts.showSource) : null;
    const firings = [...r.fired.map((f) => [f, 'fired'] as const), ...r.notFollowed.map((f) => [f, 'not-followed'] as const)].sort((x, y) => x[0].t - y[0].t);
    return h(
      'li',
      { class: `trigger status-${st}`, 'data-trigger': r.id, 'data-status': st },
      h('div', { class: 'trig-head' }, h('code', { class: 'trig-id' }, r.id), h('span', { class: `chip trig-status status-${st}` }, statusText(a, r, w.lang))),
      h('p', { class: 'trig-title' }, r.title, link ? ' ' : null, link),
      firings.length
        ? h(
            'ul',
            { class: 'firings', 'aria-label': w('app-tools.triggers.when-fired', { id: r.id }) },
            firings.map(([f, k]) => firingItem(a, r, f, k)),
          )
        : null,
      r.heldBack && st !== 'kept' ? h('p', { class: 'held-back' }, h('strong', {}, w('app-tools.triggers.held-back')), w.field(r, 'heldBack')) : null,
    );
  };

  const render = (a: Analysis | null) => {
    const w = wordsOf(store);
    filterWords.textContent = w('app-tools.triggers.only-never');
    buttons.clear();
    if (!a) {
      summary.textContent = '';
      body.replaceChildren();
      return;
    }
    let reports: TriggerReport[];
    try {
      reports = explainTriggers(a);
    } catch (err) {
      summary.textContent = '';
      fill(body, h('p', { class: 'trig-error', role: 'alert' }, w('app-tools.triggers.failed', { error: err instanceof Error ? err.message : String(err) })));
      return;
    }
    const view = triggersView(a, reports, onlyNever.checked, w.lang);
    summary.textContent = view.summary;
    const proc = a.run.scenario.procedure;
    // The scenario's text is parsed once, and only when a script entry needs its line.
    let doc: SourceDoc | null | undefined;
    const scenarioDoc = () => {
      if (doc === undefined) {
        try {
          const text = store.getState().scenarioText;
          doc = text ? parseYamlSource(text, a.run.scenario.file).doc : null;
        } catch {
          doc = null;
        }
      }
      return doc;
    };
    fill(
      body,
      h('h3', { class: 'trig-group' }, w('app-tools.triggers.scripted')),
      view.scripts.length
        ? h(
            'ol',
            { class: 'trigger-list', 'aria-label': w('app-tools.triggers.scripted') },
            view.scripts.map((r) => item(a, r, scenarioDoc)),
          )
        : h('p', { class: 'muted small' }, view.noScripts),
      h('h3', { class: 'trig-group' }, w('app-tools.triggers.rules-of', { procedure: proc.id })),
      view.rules.length
        ? h(
            'ol',
            { class: 'trigger-list', 'aria-label': w('app-tools.triggers.rules') },
            view.rules.map((r) => item(a, r, scenarioDoc)),
          )
        : h('p', { class: 'muted small' }, view.noRules),
    );
    mark(store.getState().selectedEntry);
  };

  const mark = (entry: number | null) => {
    for (const b of root.querySelectorAll<HTMLButtonElement>('.firing-time[aria-current]')) b.removeAttribute('aria-current');
    if (entry === null) return;
    for (const b of buttons.get(entry) ?? []) b.setAttribute('aria-current', 'true');
  };

  onlyNever.addEventListener('change', () => render(store.getState().analysis));
  const unsubs = [
    watch(
      store,
      (s) => [s.analysis, s.lang] as const,
      ([a]) => render(a),
      (x, y) => x[0] === y[0] && x[1] === y[1],
    ),
    watch(
      store,
      (s) => s.selectedEntry,
      (e) => mark(e),
    ),
    watch(
      store,
      (s) => s.t,
      (t) => {
        for (const list of buttons.values()) for (const b of list) b.classList.toggle('future', Number(b.dataset.t) > t + 1e-6);
      },
    ),
  ];
  return { destroy: () => unsubs.forEach((u) => u()) };
}
