/**
 * Header: scenario, account and procedure pickers, an "Open file…" for authors, the horizon
 * toggle, "Copy link" for the view on screen, the reader's language, and a one-line summary of
 * the run.
 */
import { h, watch, watchWords, type View } from '../dom';
import { shippedProcedures, shippedScenarios } from '../catalog';
import { yamlTitle } from '../words';
import { LANGS, LANG_NAMES, isLang, t, type Lang } from '../../i18n';
import { drillPaused, type AppStore } from '../store';
import { momentQuery } from '../url';

/**
 * "Copy link": the address of the view on screen, made from the state (the address bar's playhead
 * may be up to a sync interval behind). Where the browser has no clipboard or refuses it, the
 * address is shown in a field, selected, to copy by hand: a click never does nothing.
 */
function mountCopyLink(store: AppStore) {
  const button = h('button', { type: 'button', class: 'copy-link' });
  const said = h('span', { class: 'copy-link-said', role: 'status', 'aria-live': 'polite' });
  const fallbackWords = h('span', {});
  const field = h('input', { type: 'text', readonly: true, class: 'copy-link-field', spellcheck: 'false' });
  const fallback = h('label', { class: 'copy-link-fallback', hidden: true }, fallbackWords, field);
  const address = () => {
    const loc = window.location;
    return `${loc.origin}${loc.pathname}${momentQuery(store.getState())}${loc.hash}`;
  };
  const showField = (url: string) => {
    said.textContent = '';
    field.value = url;
    fallback.hidden = false;
    field.focus();
    field.select();
  };
  button.addEventListener('click', async () => {
    const url = address();
    const lang = store.getState().lang;
    fallback.hidden = true;
    said.textContent = '';
    try {
      if (!navigator.clipboard?.writeText) return showField(url);
      await navigator.clipboard.writeText(url);
      said.textContent = t(lang, 'app.header.link-copied');
    } catch {
      showField(url);
    }
  });
  const word = (lang: Lang) => {
    button.textContent = t(lang, 'app.header.copy-link');
    button.title = t(lang, 'app.header.copy-link-title');
    fallbackWords.textContent = t(lang, 'app.header.link-not-copied');
    field.setAttribute('aria-label', t(lang, 'app.header.link-field'));
    // A confirmation in the language just left would read as stale: it goes.
    said.textContent = '';
  };
  return { root: h('div', { class: 'copy-link-area' }, button, said, fallback), word };
}

export function mountHeader(root: HTMLElement, store: AppStore): View {
  const scenarioSel = h('select', { id: 'pick-scenario' });
  for (const sc of shippedScenarios) scenarioSel.append(h('option', { value: sc.id, text: sc.id, title: yamlTitle(sc.text) ?? sc.id }));
  const accountSel = h('select', { id: 'pick-account' });
  const procedureSel = h('select', { id: 'pick-procedure' });
  for (const p of shippedProcedures) {
    const title = yamlTitle(p.text);
    procedureSel.append(h('option', { value: p.id, text: title ? `${p.id} — ${title}` : p.id }));
  }

  // Each language is named in itself, so a reader finds theirs whatever the page is in.
  const langSel = h('select', { id: 'pick-lang' });
  for (const l of LANGS) langSel.append(h('option', { value: l, text: LANG_NAMES[l], lang: l }));
  langSel.addEventListener('change', () => {
    if (isLang(langSel.value)) store.getState().setLang(langSel.value);
  });

  const fileInput = h('input', { type: 'file', id: 'open-file', accept: '.yaml,.yml', class: 'visually-hidden' });
  const openLabel = h('label', { for: 'open-file', class: 'button-like' });
  const horizons = h('button', { type: 'button', class: 'toggle', 'aria-pressed': 'false' });
  const copyLink = mountCopyLink(store);
  const pickerWords = { scenario: h('span', {}), account: h('span', {}), procedure: h('span', {}), lang: h('span', {}) };
  const pickers = h(
    'div',
    { class: 'pickers', role: 'group' },
    h('label', { class: 'picker' }, pickerWords.scenario, scenarioSel),
    h('label', { class: 'picker' }, pickerWords.account, accountSel),
    h('label', { class: 'picker' }, pickerWords.procedure, procedureSel),
    openLabel,
    fileInput,
    horizons,
    h('label', { class: 'picker picker-lang' }, pickerWords.lang, langSel),
  );
  /** The words that do not depend on the run. */
  const wordControls = (lang: Lang) => {
    langSel.value = lang;
    pickers.setAttribute('aria-label', t(lang, 'app.header.run'));
    pickerWords.scenario.textContent = t(lang, 'app.header.scenario');
    pickerWords.account.textContent = t(lang, 'app.header.account');
    pickerWords.procedure.textContent = t(lang, 'app.header.procedure');
    pickerWords.lang.textContent = t(lang, 'app.header.language');
    openLabel.textContent = t(lang, 'app.header.open-file');
    // Named on the input too: its label is a styled button, hidden with the pickers while the editor is open.
    fileInput.setAttribute('aria-label', t(lang, 'app.header.open-file'));
    openLabel.title = t(lang, 'app.header.open-file-title');
    horizons.textContent = t(lang, 'app.header.horizons');
    horizons.title = t(lang, 'app.header.horizons-title');
    copyLink.word(lang);
  };
  const title = h('p', { class: 'run-title' });
  const summary = h('p', { class: 'run-summary', 'aria-live': 'polite' });

  scenarioSel.addEventListener('change', () => store.getState().open({ scenario: scenarioSel.value }));
  accountSel.addEventListener('change', () => store.getState().setAccount(accountSel.value || null));
  procedureSel.addEventListener('change', () => store.getState().setProcedure(procedureSel.value));
  horizons.addEventListener('click', () => store.getState().toggleHorizons());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    const text = await file.text();
    store.getState().openText(file.name, text);
    fileInput.value = '';
  });

  // Three children so that, below a very wide screen, the title takes a row of its own and the
  // summary and pickers share the next: no title is cut short to make room for the pickers.
  // "Copy link" ends the title's line, which has room to spare, not the pickers' row, which has none.
  root.append(h('div', { class: 'brand brand-line' }, h('h1', {}, 'encounter-sim'), title, copyLink.root), summary, pickers);

  const unsubs = [
    watch(
      store,
      (s) => s.lang,
      (lang) => wordControls(lang),
    ),
    watchWords(
      store,
      (s) => s.analysis,
      (a, s) => {
        if (!a) return;
        const lang = s.lang;
        const sc = a.run.scenario;
        title.textContent = sc.spec.title;
        title.title = sc.spec.description ?? '';
        if (![...scenarioSel.options].some((o) => o.value === s.scenarioId)) {
          scenarioSel.append(h('option', { value: s.scenarioId, text: t(lang, 'app.header.opened-file', { id: s.scenarioId }), 'data-opened': true }));
        }
        for (const o of scenarioSel.querySelectorAll<HTMLOptionElement>('option[data-opened]')) o.text = t(lang, 'app.header.opened-file', { id: o.value });
        scenarioSel.value = s.scenarioId;
        accountSel.replaceChildren();
        const accounts = Object.entries(sc.spec.accounts ?? {});
        if (!accounts.length) accountSel.append(h('option', { value: '', text: t(lang, 'app.header.no-accounts') }));
        for (const [id, acc] of accounts) accountSel.append(h('option', { value: id, text: `${id} — ${acc.title}` }));
        accountSel.disabled = accounts.length === 0;
        accountSel.value = sc.account ?? '';
        if (![...procedureSel.options].some((o) => o.value === sc.procedure.id)) {
          procedureSel.append(h('option', { value: sc.procedure.id, text: `${sc.procedure.id} — ${sc.procedure.title}` }));
        }
        procedureSel.value = sc.procedure.id;
        for (const sel of [scenarioSel, accountSel, procedureSel]) sel.title = sel.selectedOptions[0]?.textContent ?? '';
        scenarioSel.title = sc.spec.title;
        const tx = a.run.transmissions.length;
        // A drill run stopped at the student's decision counts only up to there.
        const counts = drillPaused(s) ? 'app-tools.drill.header-so-far' : 'app.header.summary';
        summary.textContent = t(lang, counts, { calls: tx, exchanges: a.exchangesCompleted, breakdowns: a.breakdowns.length });
      },
    ),
    watch(
      store,
      (s) => s.showHorizons,
      (on) => horizons.setAttribute('aria-pressed', String(on)),
    ),
  ];
  return { destroy: () => unsubs.forEach((u) => u()) };
}
