/**
 * Header: scenario, account and procedure pickers, an "Open file…" for authors, the horizon
 * toggle, and a one-line summary of the run.
 */
import { h, watch, type View } from '../dom';
import { shippedProcedures, shippedScenarios } from '../catalog';
import { yamlTitle } from '../words';
import type { AppStore } from '../store';

export function mountHeader(root: HTMLElement, store: AppStore): View {
  const scenarioSel = h('select', { id: 'pick-scenario' });
  for (const sc of shippedScenarios) scenarioSel.append(h('option', { value: sc.id, text: sc.id, title: yamlTitle(sc.text) ?? sc.id }));
  const accountSel = h('select', { id: 'pick-account' });
  const procedureSel = h('select', { id: 'pick-procedure' });
  for (const p of shippedProcedures) {
    const title = yamlTitle(p.text);
    procedureSel.append(h('option', { value: p.id, text: title ? `${p.id} — ${title}` : p.id }));
  }

  const fileInput = h('input', { type: 'file', id: 'open-file', accept: '.yaml,.yml', class: 'visually-hidden' });
  const openLabel = h('label', { for: 'open-file', class: 'button-like', title: 'Run a scenario file from disk' }, 'Open file…');
  const horizons = h(
    'button',
    { type: 'button', class: 'toggle', 'aria-pressed': 'false', title: "Show each unit's radio horizon on the plot" },
    'Radio horizons',
  );
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

  root.append(
    h('div', { class: 'brand' }, h('div', { class: 'brand-line' }, h('h1', {}, 'encounter-sim'), title), summary),
    h(
      'div',
      { class: 'pickers', role: 'group', 'aria-label': 'Run' },
      h('label', { class: 'picker' }, h('span', {}, 'Scenario'), scenarioSel),
      h('label', { class: 'picker' }, h('span', {}, 'Account'), accountSel),
      h('label', { class: 'picker' }, h('span', {}, 'Procedure'), procedureSel),
      openLabel,
      fileInput,
      horizons,
    ),
  );

  const unsubs = [
    watch(
      store,
      (s) => s.analysis,
      (a, s) => {
        if (!a) return;
        const sc = a.run.scenario;
        title.textContent = sc.spec.title;
        title.title = sc.spec.description ?? '';
        if (![...scenarioSel.options].some((o) => o.value === s.scenarioId)) {
          scenarioSel.append(h('option', { value: s.scenarioId, text: `${s.scenarioId} (opened file)` }));
        }
        scenarioSel.value = s.scenarioId;
        accountSel.replaceChildren();
        const accounts = Object.entries(sc.spec.accounts ?? {});
        if (!accounts.length) accountSel.append(h('option', { value: '', text: 'no disputed accounts' }));
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
        summary.textContent = `${tx} call${tx === 1 ? '' : 's'} · ${a.exchangesCompleted} exchange${a.exchangesCompleted === 1 ? '' : 's'} completed · ${a.breakdowns.length} breakdown${a.breakdowns.length === 1 ? '' : 's'}`;
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
