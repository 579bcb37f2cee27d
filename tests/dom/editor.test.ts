// The editor in the whole app (jsdom): loaded on demand by the Edit toggle, problems inline and
// listed as file:line:col while the last good run stays, a valid edit re-runs the panels, drafts
// autosave and come back after a "reload", dropped files open, and failures never lose the text.
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { waitFor, within } from '@testing-library/dom';
import { EditorView } from '@codemirror/view';
import { forEachDiagnostic } from '@codemirror/lint';
import { undo } from '@codemirror/commands';
import { checkFile } from '../../src/core/check';
import { formatDiagnostic } from '../../src/core/diagnostics';
import { bundledProcedures, scenarioById } from '../../src/app/catalog';
import { DRAFT_PREFIX } from '../../src/app/editor/drafts';
import { mountApp } from './setup';

const FILE = 'scenarios/control-cues-exchange.yaml';
const control = scenarioById('control-cues-exchange')!.text;
const WAIT = { timeout: 5_000 };

// jsdom has no layout: CodeMirror measures text with Range rectangles, which jsdom lacks.
beforeAll(() => {
  Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
});
beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

async function openEditor(m: ReturnType<typeof mountApp>) {
  await m.user.click(m.screen.getByRole('button', { name: /^Edit/ }));
  const host = await waitFor(() => {
    const el = m.root.querySelector<HTMLElement>('.cm-editor');
    if (!el) throw new Error('editor not loaded yet');
    return el;
  }, WAIT);
  const view = EditorView.findFromDOM(host)!;
  const pane = m.screen.getByRole('region', { name: 'Editor' });
  return { view, pane };
}

/** Replaces the first `find` in the document, as typing would. */
function edit(view: EditorView, find: string, replace: string) {
  const text = view.state.doc.toString();
  const from = text.indexOf(find);
  if (from < 0) throw new Error(`"${find}" not in the document`);
  view.dispatch({ changes: { from, to: from + find.length, insert: replace }, userEvent: 'input.type' });
}

const problemLines = (pane: HTMLElement) =>
  within(pane)
    .queryAllByRole('listitem')
    .filter((li) => li.classList.contains('problem'))
    .map((li) => li.textContent);
const summary = (m: ReturnType<typeof mountApp>) => m.root.querySelector('.run-summary')!.textContent;

describe('editor', () => {
  test("the text's accessible name follows the reader's language, and keeps it when another file opens", async () => {
    const m = mountApp();
    const { view, pane } = await openEditor(m);
    expect(within(pane).getByRole('textbox', { name: 'YAML text' })).toBe(view.contentDOM);
    m.store.getState().setLang('ko');
    expect(view.contentDOM.getAttribute('aria-label')).toBe('YAML 텍스트');
    m.store.getState().setLang('ja');
    expect(view.contentDOM.getAttribute('aria-label')).toBe('YAML テキスト');
    edit(view, 'title:', 'title: ');
    expect(view.contentDOM.getAttribute('aria-label')).toBe('YAML テキスト');
    // Another file is another editor state: the name stays.
    const picker = pane.querySelector('select') as HTMLSelectElement;
    await m.user.selectOptions(picker, 'new:procedure');
    expect(view.state.doc.toString()).toMatch(/^id: new-procedure$/m);
    expect(view.contentDOM.getAttribute('aria-label')).toBe('YAML テキスト');
  });

  test('the Edit toggle loads the editor with the scenario on screen, beside the run', async () => {
    const m = mountApp({ scenario: 'control-cues-exchange' });
    expect(m.root.querySelector('.cm-editor')).toBeNull();
    const toggle = m.screen.getByRole('button', { name: /^Edit/ });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    const { view, pane } = await openEditor(m);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(m.root.classList.contains('editing')).toBe(true);
    expect(view.state.doc.toString()).toBe(control);
    expect(pane.querySelector('.editor-file')!.textContent).toBe(FILE);
    expect(pane.querySelector('.editor-kind')!.textContent).toBe('scenario');
    await m.user.click(within(pane).getByRole('button', { name: 'Close the editor' }));
    expect(pane.hidden).toBe(true);
    expect(m.root.classList.contains('editing')).toBe(false);
  });

  test('a mistake is marked at its line and listed as file:line:col while the last good run stays; the fix re-runs', async () => {
    const m = mountApp({ scenario: 'control-cues-exchange' });
    const { view, pane } = await openEditor(m);
    const good = m.store.getState().analysis;
    const before = summary(m);
    edit(view, 'to: rok-ddh', 'to: rok-dd');
    const broken = view.state.doc.toString();
    const expected = checkFile({ file: FILE, text: broken }, bundledProcedures);
    await waitFor(() => expect(problemLines(pane)).toEqual(expected.map(formatDiagnostic)), WAIT);
    expect(problemLines(pane)[0]).toBe(
      'scenarios/control-cues-exchange.yaml:63:9: error[ES3040]: addressee "rok-dd" does not exist (did you mean "rok-ddh"?); units are jp-dd, rok-ddh',
    );
    const marks: { line: number; col: number; message: string }[] = [];
    forEachDiagnostic(view.state, (d, from) => {
      const line = view.state.doc.lineAt(from);
      marks.push({ line: line.number, col: from - line.from + 1, message: d.message });
    });
    expect(marks).toEqual([{ line: 63, col: 9, message: expected[0]!.message }]);
    expect(m.store.getState().analysis).toBe(good);
    expect(summary(m)).toBe(before);
    expect(m.store.getState().diagnostics).toEqual(expected);
    expect(within(pane).getByRole('status').textContent).toBe('1 problem: the plot keeps the last good run.');

    edit(view, 'to: rok-dd', 'to: rok-ddh');
    edit(view, 'name: JS Teruzuki', 'name: JS Fuyuzuki');
    await waitFor(() => expect(m.store.getState().analysis).not.toBe(good), WAIT);
    expect(problemLines(pane)).toEqual([]);
    expect(m.store.getState().diagnostics).toEqual([]);
    expect(within(m.screen.getByRole('list', { name: 'Event log' })).getAllByText(/JS Fuyuzuki/).length).toBeGreaterThan(0);
  });

  test('every change is autosaved; a reload reopens the editor with the draft and runs it', async () => {
    const m = mountApp({ scenario: 'control-cues-exchange' });
    const { view } = await openEditor(m);
    edit(view, 'name: JS Teruzuki', 'name: JS Fuyuzuki');
    // Autosave is immediate, before any check.
    expect(JSON.parse(localStorage.getItem(`${DRAFT_PREFIX}${FILE}`)!).text).toBe(view.state.doc.toString());
    m.layout.destroy();
    document.body.replaceChildren();

    // "Reload": a fresh app on the same storage, opened on another scenario.
    const again = mountApp({ scenario: 'dec-2018-noto', account: 'rok' });
    const host = await waitFor(() => again.root.querySelector<HTMLElement>('.cm-editor') ?? Promise.reject(new Error('not yet')), WAIT);
    const v2 = EditorView.findFromDOM(host)!;
    await waitFor(() => expect(v2.state.doc.toString()).toContain('name: JS Fuyuzuki'), WAIT);
    const pane = again.screen.getByRole('region', { name: 'Editor' });
    expect(within(pane).getByText(/^Your draft of control-cues-exchange\.yaml \(autosaved \d\d:\d\d:\d\d\) is restored\./)).toBeTruthy();
    await waitFor(() => expect(again.store.getState().scenarioFile).toBe(FILE), WAIT);
    expect(again.store.getState().analysis!.run.scenario.units[0]!.name).toBe('JS Fuyuzuki');
    expect(again.store.getState().account).toBeNull();
    // The Edit toggle says a draft is kept.
    expect(again.screen.getByRole('button', { name: 'Edit (1 draft kept in this browser)' })).toBeTruthy();
  });

  test('Save keeps a version to revert to; "Revert to shipped" goes back to the original, undoably', async () => {
    const m = mountApp({ scenario: 'control-cues-exchange' });
    const { view, pane } = await openEditor(m);
    edit(view, 'durationS: 900', 'durationS: 700');
    await m.user.click(within(pane).getByRole('button', { name: 'Revert to shipped' }));
    expect(view.state.doc.toString()).toBe(control);
    // Back at the shipped text with nothing saved: no draft is kept for it.
    expect(localStorage.getItem(`${DRAFT_PREFIX}${FILE}`)).toBeNull();
    undo(view);
    expect(view.state.doc.toString()).toContain('durationS: 700');
    edit(view, 'durationS: 700', 'durationS: 600');
    await m.user.click(within(pane).getByRole('button', { name: 'Save' }));
    expect(JSON.parse(localStorage.getItem(`${DRAFT_PREFIX}${FILE}`)!).saved).toContain('durationS: 600');
    expect(within(pane).getByRole('button', { name: 'Saved' })).toBeTruthy();
    edit(view, 'durationS: 600', 'durationS: 300');
    await m.user.click(within(pane).getByRole('button', { name: 'Revert to saved' }));
    expect(view.state.doc.toString()).toContain('durationS: 600');
    await waitFor(() => expect(m.store.getState().analysis!.run.durationS).toBe(600), WAIT);
  });

  test('a file dropped on the page opens in the editor and runs', async () => {
    const m = mountApp({ scenario: 'dec-2018-noto', account: 'rok' });
    const text = control.replace('id: control-cues-exchange', 'id: dropped-one').replace('name: JS Teruzuki', 'name: JS Dropped');
    const file = new File([text], 'dropped-one.yaml', { type: 'application/x-yaml' });
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [file], types: ['Files'] } });
    m.root.querySelector('.log')!.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    const host = await waitFor(() => m.root.querySelector<HTMLElement>('.cm-editor') ?? Promise.reject(new Error('not yet')), WAIT);
    const view = EditorView.findFromDOM(host)!;
    await waitFor(() => expect(view.state.doc.toString()).toBe(text), WAIT);
    await waitFor(() => expect(m.store.getState().scenarioId).toBe('dropped-one'), WAIT);
    expect(m.store.getState().analysis!.run.scenario.units[0]!.name).toBe('JS Dropped');
    expect(m.root.querySelector('.editor-file')!.textContent).toBe('dropped-one.yaml');
  });

  test('a new procedure from the template: the scenario on screen runs under it', async () => {
    const m = mountApp({ scenario: 'control-cues-exchange' });
    const { view, pane } = await openEditor(m);
    await m.user.selectOptions(within(pane).getByRole('combobox', { name: 'Open in the editor' }), 'new:procedure');
    expect(view.state.doc.toString()).toMatch(/^id: new-procedure$/m);
    await waitFor(() => expect(m.store.getState().procedure).toBe('new-procedure'), WAIT);
    expect((m.screen.getByRole('combobox', { name: 'Procedure' }) as HTMLSelectElement).value).toBe('new-procedure');
    expect(pane.querySelector('.editor-kind')!.textContent).toBe('procedure');
    expect(pane.querySelector('.editor-file')!.textContent).toBe('procedures/new-procedure.yaml');
    // …and a new scenario from its template runs at once, under its own name.
    await m.user.selectOptions(within(pane).getByRole('combobox', { name: 'Open in the editor' }), 'new:scenario');
    expect(pane.querySelector('.editor-file')!.textContent).toBe('scenarios/new-scenario.yaml');
    await waitFor(() => expect(m.store.getState().scenarioId).toBe('new-scenario'), WAIT);
    expect(m.store.getState().procedure).toBe('cues-2014');
    expect(problemLines(pane)).toEqual([]);
  });

  test('in the Triggers tab, a rule links to where it is written: the editor opens there, without changing the run', async () => {
    const m = mountApp({ scenario: 'dec-2018-noto', account: 'rok', procedure: 'practice-2018' });
    const run = m.store.getState().analysis;
    await m.user.click(m.screen.getByRole('tab', { name: 'Triggers' }));
    const panel = m.screen.getByRole('tabpanel', { name: 'Triggers' });
    const rule = m.store.getState().analysis!.run.scenario.procedure.rules.find((r) => r.qid === 'cues-2014/say-again')!;
    const link = within(panel).getByRole('button', { name: `cues-2014.yaml:${rule.line} — edit cues-2014/say-again` });
    expect(link.textContent).toBe(`cues-2014.yaml:${rule.line}`);
    await m.user.click(link);
    const host = await waitFor(() => m.root.querySelector<HTMLElement>('.cm-editor') ?? Promise.reject(new Error('not yet')), WAIT);
    const view = EditorView.findFromDOM(host)!;
    await waitFor(() => expect(m.root.querySelector('.editor-file')!.textContent).toBe('procedures/cues-2014.yaml'), WAIT);
    await waitFor(() => expect(view.state.doc.lineAt(view.state.selection.main.head).text).toBe('  - id: say-again'), WAIT);
    expect(view.state.doc.lineAt(view.state.selection.main.head).number).toBe(rule.line);
    // Reading a procedure leaves the run alone; "Run with it" runs the scenario under it.
    const pane = m.screen.getByRole('region', { name: 'Editor' });
    expect(m.store.getState().analysis).toBe(run);
    expect(within(pane).getByRole('status').textContent).toBe('No problems. Edit it, or "Run with it", to see the scenario on screen run under it.');
    await m.user.click(within(pane).getByRole('button', { name: 'Run with it' }));
    expect(m.store.getState().procedure).toBe('cues-2014');
    expect(m.store.getState().analysis!.run.scenario.procedure.file).toBe('procedures/cues-2014.yaml');
    expect(m.store.getState().account).toBe('rok');
    expect(within(pane).queryByRole('button', { name: 'Run with it' })).toBeNull();
    // Switching the run to another procedure offers it again.
    m.store.getState().setProcedure('jp-rok-2024');
    expect(within(pane).getByRole('button', { name: 'Run with it' })).toBeTruthy();
  });

  test('when storage or the run fails, the text stays and the failure is shown as a problem', async () => {
    const m = mountApp({ scenario: 'control-cues-exchange' });
    const { view, pane } = await openEditor(m);
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    };
    try {
      edit(view, 'name: JS Teruzuki', 'name: JS Kept');
      expect(within(pane).getByText(/could not be kept in the browser: the browser's storage for this site is full/)).toBeTruthy();
    } finally {
      Storage.prototype.setItem = setItem;
    }
    m.store.setState({
      openText: () => {
        throw new Error('boom');
      },
    });
    edit(view, 'name: JS Kept', 'name: JS Kept Again');
    await waitFor(() => expect(problemLines(pane)).toContain(`${FILE}:1:1: error: the run stopped on this file: boom`), WAIT);
    expect(view.state.doc.toString()).toContain('name: JS Kept Again');
    expect(m.store.getState().diagnostics.at(-1)!.message).toBe('the run stopped on this file: boom');
  });
});
