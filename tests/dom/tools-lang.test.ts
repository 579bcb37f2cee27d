// The app's tools in the reader's language: with Japanese or Korean chosen, the step panel, the
// drill's feedback and the editor's toolbar speak that language (none of their English words is
// left), while what was said on the air is quoted as it was said, in English.
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { waitFor, within } from '@testing-library/dom';
import { EditorView } from '@codemirror/view';
import { runDrill } from '../../src/core/drill/drill';
import type { EntryOf } from '../../src/core/log';
import { CATALOG, type Lang } from '../../src/i18n';
import { mountApp, type Mounted } from './setup';

const LANGS: Lang[] = ['ja', 'ko'];
/** The editor's code loads on first use. */
const WAIT = { timeout: 15_000 };
const en = (code: string) => CATALOG.en[code]!;

/** English UI words that must not be left on screen in another language. */
function expectNone(el: HTMLElement, words: readonly string[]): void {
  const text = `${el.textContent ?? ''} ${[...el.querySelectorAll('[aria-label],[title]')].map((x) => `${x.getAttribute('aria-label') ?? ''} ${x.getAttribute('title') ?? ''}`).join(' ')}`;
  for (const w of words) expect(text, `"${w}" left in English`).not.toContain(w);
}

/** The first call that needs a reply and was understood by `unit`, with its text as sent. */
function understoodCall(m: Mounted, unit: string) {
  const a = m.store.getState().analysis!;
  const rec = a.run.log.find(
    (e): e is EntryOf<'reception'> =>
      e.type === 'reception' && e.result.unit === unit && e.result.reached === 'understood' && a.run.transmissions.find((t) => t.id === e.tx)!.needsReply,
  )!;
  return { rec, tx: a.run.transmissions.find((t) => t.id === rec.tx)! };
}

describe.each(LANGS)('the tools in %s', (lang) => {
  test('step mode: every heading, button and label in the language; the call heard quoted in English', async () => {
    const m = mountApp({ scenario: 'dec-2018-noto', account: 'jp', procedure: 'jp-rok-2024' });
    await m.user.click(m.screen.getByRole('tab', { name: 'Step' }));
    const panel = m.screen.getByRole('tabpanel', { name: 'Step' });
    m.store.getState().setLang(lang);
    const { rec, tx } = understoodCall(m, 'ddg971');

    // Before a unit is picked: the prompt to pick one, in the language.
    expect(panel.textContent).toContain(CATALOG[lang]['app-tools.step.pick-unit']);
    m.store.getState().selectUnit('ddg971');
    m.store.getState().seek(rec.t);
    await waitFor(() => expect(within(panel).getByRole('list', { name: CATALOG[lang]['app-tools.step.due-now'] })).toBeTruthy());
    within(panel).getByRole('button', { name: CATALOG[lang]['app-tools.step.forward'] });
    within(panel).getByRole('combobox', { name: CATALOG[lang]['app-tools.step.unit'] });
    within(panel).getByRole('region', { name: CATALOG[lang]['app-tools.step.events'] });
    expectNone(panel, [
      'Step back',
      'Step forward',
      'Events at the playhead',
      'Required next',
      'Due now',
      'If something happens',
      'State now',
      '— pick a unit —',
      'At ',
    ]);
    // The rule ids stay ids.
    expect(within(panel).getByRole('list', { name: CATALOG[lang]['app-tools.step.due-now'] }).textContent).toContain('jp-rok-2024/respond-actively');
    // The call the destroyer understood is shown with its words as they went out on the air.
    expect(tx.text).toMatch(/[A-Z]{3}/);
    expect(within(panel).getByRole('region', { name: CATALOG[lang]['app-tools.step.events'] }).textContent).toContain(tx.id);

    // Back to English: the same panel, in English again.
    m.store.getState().setLang('en');
    await waitFor(() => within(panel).getByRole('list', { name: en('app-tools.step.due-now') }));
  });

  test('drill feedback in the language, citing the rule; the call in the prompt quoted in English', async () => {
    const m = mountApp({ scenario: 'dec-2018-noto', account: 'jp', procedure: 'jp-rok-2024' });
    await m.user.click(m.screen.getByRole('tab', { name: 'Drill' }));
    const panel = m.screen.getByRole('tabpanel', { name: 'Drill' });
    m.store.getState().setLang(lang);
    await m.user.selectOptions(within(panel).getByRole('combobox', { name: CATALOG[lang]['app-tools.drill.play-as'] }), 'ddg971');
    await m.user.click(within(panel).getByRole('button', { name: CATALOG[lang]['app-tools.drill.start'] }));

    const model = runDrill(m.store.getState().shown!.original.run.scenario, { unit: 'ddg971', choices: [], then: 'follow' });
    const incoming = CATALOG[lang]['app-tools.drill.situation.incoming-call']!;
    for (const d of model.decisions) {
      if (within(panel).getByRole('heading', { level: 4 }).textContent!.includes(incoming)) break;
      await m.user.keyboard(String(d.options.findIndex((o) => o.id === d.correct) + 1));
      const feedback = within(panel).getByRole('status');
      expect(feedback.textContent).toContain(CATALOG[lang]['app-tools.drill.right']);
      expect(feedback.textContent).toContain(d.rule!);
      await m.user.click(within(panel).getByRole('button', { name: CATALOG[lang]['app-tools.drill.next-decision'] }));
    }
    // The incoming call: the prompt quotes the call as it was said, in English.
    expect(within(panel).getByRole('heading', { level: 4 }).textContent).toContain(incoming);
    expect(within(panel).getByText(/["「]GWANGGAETO THE GREAT/)).toBeTruthy();
    await m.user.keyboard(String(model.decisions.find((d) => d.situation === 'incoming-call')!.options.findIndex((o) => o.label === 'Say nothing') + 1));
    const feedback = within(panel).getByRole('status');
    expect(feedback.textContent).toContain(CATALOG[lang]['app-tools.drill.wrong']);
    expect(feedback.textContent).toContain('(jp-rok-2024/respond-actively)');
    // What the procedure asks is quoted with the call's words in English.
    expect(feedback.textContent).toMatch(/RECEIVED, UNDERSTOOD/);
    expectNone(panel, ['Not what the procedure asks', 'You chose', 'the procedure asks', 'Decision ', 'Right.', 'You are ', 'Start over', 'score ']);
  });
});

describe.each(LANGS)('the editor in %s', (lang) => {
  beforeAll(() => {
    Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
    Range.prototype.getBoundingClientRect ??= () => new DOMRect();
  });
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  test('the toolbar, the head and the problems heading are in the language; the file text is not translated', async () => {
    const m = mountApp();
    await m.user.click(m.screen.getByRole('button', { name: /^Edit/ }));
    await waitFor(() => {
      if (!m.root.querySelector('.cm-editor')) throw new Error('editor not loaded yet');
    }, WAIT);
    const pane = m.root.querySelector<HTMLElement>('.editor-pane, [aria-labelledby="editor-h"]')!;
    m.store.getState().setLang(lang);
    const toolbar = within(pane).getByRole('toolbar', { name: CATALOG[lang]['app-tools.editor.toolbar'] });
    within(toolbar).getByRole('button', { name: CATALOG[lang]['app-tools.editor.save'] });
    within(toolbar).getByRole('button', { name: CATALOG[lang]['app-tools.editor.download'] });
    within(pane).getByRole('button', { name: CATALOG[lang]['app-tools.editor.close-label'] });
    within(pane).getByRole('heading', { name: CATALOG[lang]['app-tools.editor.title'] });
    expectNone(toolbar, ['Save', 'Download', 'Open file', 'Run with it', 'Revert', 'Open…', 'Shipped scenarios', 'New scenario']);
    expectNone(pane.querySelector('.editor-head')!, ['Close', 'Editor']);
    expect(pane.querySelector('.editor-problems-title')!.textContent).not.toMatch(/Problems/);
    // The file's own text (YAML keys are the format) stays as written.
    const view = EditorView.findFromDOM(m.root.querySelector<HTMLElement>('.cm-editor')!)!;
    await waitFor(() => expect(view.state.doc.toString()).toBe(m.store.getState().scenarioText), WAIT);
    expect(pane.querySelector('.editor-kind')!.textContent).toBe(CATALOG[lang]['app-tools.editor.kind.scenario']);
  });
});
