/**
 * What-if for trainers: at the playhead, change a fact (a radio set, local noise, the crew, a
 * link, a call or a silence), stack as many changes as wanted, run again, and see the new run
 * against the original: the first moment they part, the calls that got further or less far, the
 * breakdowns gone and new. The main view switches between the two runs; the what-if can be saved
 * as a scenario file of its own. The store runs the what-if (runWhatIf); whatif-model.ts says
 * what each control offers and what the result says; this file only draws and listens.
 */
import type { Analysis } from '../../core/analysis/report';
import type { Change, WhatIf } from '../../core/whatif/whatif';
import { h, fill, watch, type View } from '../dom';
import type { AppStore, WhatIfRun } from '../store';
import { download, originalOf, settingsKey } from './shared';
import { wordsOf, type Words } from '../said';
import {
  atModel,
  kindOptions,
  changeItems,
  crewChange,
  hailChange,
  hailChoices,
  isStale,
  linkChange,
  linkStateOptions,
  listenOptions,
  noiseChange,
  noiseHint,
  powerOptions,
  radioChange,
  radioNow,
  radioSetOptions,
  resultModel,
  savedScenario,
  unitOptions,
  type BreakdownItem,
  type Divergence,
  type Kind,
  type Options,
} from './whatif-model';

/** Builds the change from the form, or says why it cannot. */
type Reader = () => Change | string;

/** A labelled form control: the label above, a hint under it. */
function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h('label', { class: 'wi-field' }, h('span', { class: 'wi-label' }, label), control, hint ? h('span', { class: 'muted small wi-hint' }, hint) : null);
}

function select(id: string, options: Options, value?: string): HTMLSelectElement {
  const el = h('select', { id });
  setOptions(el, options, value);
  return el;
}

function setOptions(el: HTMLSelectElement, options: Options, value?: string): void {
  el.replaceChildren(...options.map(([v, text]) => h('option', { value: v, text })));
  if (value !== undefined && options.some(([v]) => v === value)) el.value = value;
}

function numberInput(id: string, value: number, min: number, max: number, step: number): HTMLInputElement {
  return h('input', { id, type: 'number', min, max, step, value: String(value), class: 'wi-number' });
}

/** What the fields of one kind of change need: the original run, the playhead, the unit and set picked so far. */
interface FieldContext {
  a: Analysis;
  t: number;
  prevUnit: string | undefined;
  prevSet: string | undefined;
  w: Words;
  /** Where the reader for the current form goes (the radio fields swap it as the set changes). */
  setRead(read: Reader): void;
}

/** Power, tuning and listening of one set, as it is at the playhead. */
function radioDetail(detail: HTMLElement, ctx: FieldContext, unit: string, radio: string): void {
  const now = radioNow(ctx.a, unit, radio, ctx.t)!;
  const spec = ctx.a.run.scenario.units.find((u) => u.id === unit)!.radios.find((r) => r.id === radio)!;
  const w = ctx.w;
  const power = select('wi-power', powerOptions(now.powered, w));
  const listen = select('wi-monitored', listenOptions(now.monitored, w));
  const boxes = spec.channels.map(String).map((ch) => {
    const box = h('input', { type: 'checkbox', value: ch, checked: now.tuned.includes(ch) });
    return { ch, box, el: h('label', { class: 'wi-check' }, box, ` ${ch}`) };
  });
  const legend = h('legend', {}, w('app-tools.whatif.tuned-to', { now: now.tuned.join(' + ') || w('app-tools.whatif.nothing') }));
  fill(
    detail,
    field(w('app-tools.whatif.power'), power),
    h(
      'fieldset',
      { class: 'wi-channels' },
      legend,
      boxes.map((b) => b.el),
    ),
    field(w('app-tools.whatif.listening'), listen),
  );
  const picked = () => boxes.filter((b) => b.box.checked).map((b) => b.ch);
  ctx.setRead(() => radioChange(unit, radio, now.tuned, { power: power.value, picked: picked(), listen: listen.value }, w));
}

/** The set's local noise, or back to the environment floor. */
function noiseDetail(detail: HTMLElement, ctx: FieldContext, unit: string, radio: string): void {
  const spec = ctx.a.run.scenario.units.find((u) => u.id === unit)!.radios.find((r) => r.id === radio)!;
  const floor = ctx.a.run.scenario.spec.environment.noiseFloorDbm;
  const level = numberInput('wi-noise', spec.noiseDb ?? floor, -200, 0, 5);
  const back = h('input', { type: 'checkbox', id: 'wi-noise-floor' });
  back.addEventListener('change', () => (level.disabled = back.checked));
  const w = ctx.w;
  fill(
    detail,
    field(w('app-tools.whatif.noise'), level, noiseHint(spec.noiseDb, floor, w)),
    h('label', { class: 'wi-check' }, back, w('app-tools.whatif.back-to-floor')),
  );
  ctx.setRead(() => noiseChange(unit, radio, { floor: back.checked, level: level.value }, w));
}

/** Radio and noise changes: a unit, one of its sets, then the set's details. */
function setFields(fields: HTMLElement, ctx: FieldContext, kind: 'radio' | 'noise'): void {
  const sc = ctx.a.run.scenario;
  const unitSel = select('wi-unit', unitOptions(ctx.a, kind, ctx.w.lang), ctx.prevUnit);
  const setSel = h('select', { id: 'wi-set' });
  const detail = h('div', { class: 'wi-detail' });
  const renderSet = () => {
    const spec = sc.units.find((u) => u.id === unitSel.value);
    if (!spec?.radios.some((r) => r.id === setSel.value)) {
      fill(detail);
      ctx.setRead(() => ctx.w('app-tools.whatif.pick-radio-unit'));
    } else if (kind === 'radio') radioDetail(detail, ctx, spec.id, setSel.value);
    else noiseDetail(detail, ctx, spec.id, setSel.value);
  };
  const renderSets = () => {
    const keep = setSel.value || ctx.prevSet;
    setOptions(setSel, radioSetOptions(sc.units.find((u) => u.id === unitSel.value)), keep);
    renderSet();
  };
  unitSel.addEventListener('change', renderSets);
  setSel.addEventListener('change', renderSet);
  fill(fields, field(ctx.w('app-tools.whatif.unit'), unitSel), field(ctx.w('app-tools.whatif.radio-set'), setSel), detail);
  renderSets();
}

function crewFields(fields: HTMLElement, ctx: FieldContext): void {
  const unitSel = select('wi-unit', unitOptions(ctx.a, 'crew', ctx.w.lang), ctx.prevUnit);
  const detail = h('div', { class: 'wi-detail' });
  const renderCrew = () => {
    const spec = ctx.a.run.scenario.units.find((u) => u.id === unitSel.value)!;
    const en = spec.crew.languages['en'] ?? 0;
    const english = numberInput('wi-english', en, 0, 1, 0.05);
    const workload = numberInput('wi-workload', spec.crew.workload, 0, 1, 0.05);
    const w = ctx.w;
    fill(
      detail,
      field(w('app-tools.whatif.english'), english, w('app-tools.whatif.now', { value: en })),
      field(w('app-tools.whatif.workload'), workload, w('app-tools.whatif.workload-now', { value: spec.crew.workload })),
    );
    ctx.setRead(() => crewChange(spec, { english: english.value, workload: workload.value }, w));
  };
  unitSel.addEventListener('change', renderCrew);
  fill(fields, field(ctx.w('app-tools.whatif.unit'), unitSel), detail);
  renderCrew();
}

function linkFields(fields: HTMLElement, ctx: FieldContext): void {
  const links = ctx.a.run.scenario.spec.links;
  if (!links.length) {
    fill(fields, h('p', { class: 'muted small' }, ctx.w('app-tools.whatif.no-links-long')));
    ctx.setRead(() => ctx.w('app-tools.whatif.no-links'));
    return;
  }
  const linkSel = select(
    'wi-link',
    links.map((l) => [l.id, `${l.id} — ${l.name}`]),
  );
  const detail = h('div', { class: 'wi-detail' });
  const renderLink = () => {
    const l = links.find((x) => x.id === linkSel.value)!;
    const w = ctx.w;
    const state = select('wi-available', linkStateOptions(l, w));
    const delay = numberInput('wi-latency', l.latencyS, 0, 86_400, 5);
    fill(detail, field(w('app-tools.whatif.state'), state), field(w('app-tools.whatif.delay'), delay, w('app-tools.whatif.delay-now', { s: l.latencyS })));
    ctx.setRead(() => linkChange(l, { state: state.value, delay: delay.value }, w));
  };
  linkSel.addEventListener('change', renderLink);
  fill(fields, field(ctx.w('app-tools.whatif.link'), linkSel), detail);
  renderLink();
}

function hailFields(fields: HTMLElement, ctx: FieldContext): void {
  const fromSel = select('wi-unit', unitOptions(ctx.a, 'hail', ctx.w.lang), ctx.prevUnit);
  const toSel = h('select', { id: 'wi-to' });
  const chSel = h('select', { id: 'wi-channel' });
  const w = ctx.w;
  const text = h('input', { id: 'wi-text', type: 'text', placeholder: w('app-tools.whatif.text-placeholder'), class: 'wi-text' });
  const renderFrom = () => {
    const choices = hailChoices(ctx.a, fromSel.value, w);
    setOptions(toSel, choices.to, toSel.value);
    setOptions(chSel, choices.channels);
  };
  fromSel.addEventListener('change', renderFrom);
  fill(
    fields,
    field(w('app-tools.whatif.unit'), fromSel),
    field(w('app-tools.whatif.calls'), toSel),
    field(w('app-tools.whatif.on'), chSel),
    field(w('app-tools.whatif.saying'), text),
  );
  renderFrom();
  ctx.setRead(() => hailChange({ from: fromSel.value, to: toSel.value, channel: chSel.value, text: text.value }, w));
}

function silenceFields(fields: HTMLElement, ctx: FieldContext): void {
  const unitSel = select('wi-unit', unitOptions(ctx.a, 'silence'), ctx.prevUnit);
  const silent = select('wi-silent', [
    ['yes', ctx.w('app-tools.whatif.stays-silent')],
    ['no', ctx.w('app-tools.whatif.may-transmit')],
  ]);
  fill(fields, field(ctx.w('app-tools.whatif.unit'), unitSel), field(ctx.w('app-tools.whatif.radio'), silent));
  ctx.setRead(() => ({ kind: 'silence', unit: unitSel.value, silent: silent.value === 'yes' }));
}

const FIELDS: Record<Kind, (fields: HTMLElement, ctx: FieldContext) => void> = {
  radio: (f, ctx) => setFields(f, ctx, 'radio'),
  noise: (f, ctx) => setFields(f, ctx, 'noise'),
  crew: crewFields,
  link: linkFields,
  hail: hailFields,
  silence: silenceFields,
};

function breakdownList(label: string, items: BreakdownItem[], none: string): HTMLElement {
  if (!items.length) return h('p', { class: 'muted small' }, none);
  return h(
    'ul',
    { class: 'wi-breakdowns', 'aria-label': label },
    items.map((x) =>
      h(
        'li',
        { class: x.cls },
        h('div', {}, h('span', { class: 'time' }, x.time), ' ', h('strong', {}, x.what)),
        h('div', { class: 'muted small' }, x.explanation),
      ),
    ),
  );
}

const divergenceView = (d: Divergence) =>
  h(
    'div',
    { class: 'wi-diverge' },
    h('dt', {}, d.title),
    d.lines.map((l) => h('dd', {}, l.side ? h('span', { class: 'side' }, l.side) : null, l.says)),
  );

/** The what-if against the original; `bar` holds the main-view switch and saving. */
function drawResult(w: Words, out: HTMLElement, r: WhatIfRun, bar: HTMLElement): void {
  const m = resultModel(r, w);
  const calls = m.calls.map((c) =>
    h(
      'li',
      {},
      h('span', { class: 'time' }, c.time),
      c.words,
      c.original !== null
        ? [
            h('span', { class: 'side' }, w('app-tools.whatif.original-side')),
            c.original,
            ' → ',
            h('span', { class: 'side' }, w('app-tools.whatif.whatif-side')),
            c.whatIf,
          ]
        : null,
    ),
  );
  fill(
    out,
    h('h4', { id: 'wi-result-h' }, w('app-tools.whatif.result')),
    h('p', { class: 'wi-changes-run small' }, m.changesLine),
    h('p', { class: 'wi-summary', role: 'status' }, m.summary),
    bar,
    h(
      'div',
      { class: 'wi-columns' },
      h(
        'section',
        { 'aria-labelledby': 'wi-gone-h' },
        h('h5', { id: 'wi-gone-h' }, w('app-tools.whatif.gone-count', { n: m.gone.length })),
        breakdownList(w('app-tools.whatif.gone'), m.gone, w('app-tools.whatif.none-gone')),
      ),
      h(
        'section',
        { 'aria-labelledby': 'wi-new-h' },
        h('h5', { id: 'wi-new-h' }, w('app-tools.whatif.new-count', { n: m.added.length })),
        breakdownList(w('app-tools.whatif.new'), m.added, w('app-tools.whatif.none')),
      ),
    ),
    calls.length
      ? h(
          'section',
          { 'aria-label': w('app-tools.whatif.calls-differ') },
          h('h5', {}, w('app-tools.whatif.calls-differ')),
          h('ul', { class: 'wi-calls' }, calls),
        )
      : null,
    h('dl', { class: 'wi-divergences' }, m.divergences.map(divergenceView)),
  );
}

/** The change builder: the kind, its fields, and a reader for the change the form describes. */
function mountBuilder(store: AppStore) {
  let kind: Kind = 'radio';
  let read: Reader = () => wordsOf(store)('app-tools.whatif.pick-change');
  const atLine = h('p', { class: 'wi-at small' });
  const kindSel = select('wi-kind', kindOptions(wordsOf(store)), kind);
  const fields = h('div', { class: 'wi-fields' });
  const problem = h('p', { class: 'wi-problem small', role: 'alert' });
  const add = h('button', { type: 'button' });
  const heading = h('h4', { id: 'wi-builder-h' });
  const kindField = field('', kindSel);
  const section = h(
    'section',
    { class: 'wi-builder', 'aria-labelledby': 'wi-builder-h' },
    heading,
    atLine,
    h('div', { class: 'wi-row' }, kindField, fields),
    problem,
    h('div', { class: 'mode-bar' }, add),
  );
  const label = () => {
    const w = wordsOf(store);
    heading.textContent = w('app-tools.whatif.change-a-fact');
    kindField.querySelector('.wi-label')!.textContent = w('app-tools.whatif.change');
    setOptions(kindSel, kindOptions(w), kind);
  };
  /** Rebuilds the fields for the change kind, keeping the unit and set picked so far. */
  const renderFields = () => {
    const s = store.getState();
    const a = originalOf(s);
    problem.textContent = '';
    if (!a) {
      fill(fields);
      read = () => wordsOf(store)('app-tools.whatif.no-run');
      return;
    }
    const prevUnit = (fields.querySelector('#wi-unit') as HTMLSelectElement | null)?.value ?? s.selectedUnits[0];
    const prevSet = (fields.querySelector('#wi-set') as HTMLSelectElement | null)?.value;
    FIELDS[kind](fields, { a, t: s.t, prevUnit, prevSet, w: wordsOf(store), setRead: (r) => (read = r) });
  };
  const renderAt = () => {
    const m = atModel(originalOf(store.getState()), store.getState().t, wordsOf(store));
    add.textContent = m.button;
    atLine.textContent = m.line;
  };
  kindSel.addEventListener('change', () => {
    kind = kindSel.value as Kind;
    renderFields();
  });
  /** Follows the playhead: the "now" values in the form too, unless someone is filling it in. */
  const followPlayhead = (playing: boolean) => {
    renderAt();
    if (!playing && !fields.contains(document.activeElement) && kind !== 'hail' && kind !== 'silence') renderFields();
  };
  return { section, add, problem, read: () => read(), renderFields, renderAt, followPlayhead, label };
}

export function mountWhatIf(root: HTMLElement, store: AppStore): View {
  const act = () => store.getState();
  let changes: WhatIf[] = [];
  let key = '';
  const builder = mountBuilder(store);
  const list = h('ol', { class: 'wi-changes' });
  const emptyList = h('p', { class: 'muted small' });
  const runBtn = h('button', { type: 'button', class: 'primary' });
  const clearBtn = h('button', { type: 'button' });
  const runProblem = h('p', { class: 'wi-problem small', role: 'alert', hidden: true });
  const stale = h('p', { class: 'muted small wi-stale', hidden: true });
  const out = h('section', { class: 'wi-result', 'aria-labelledby': 'wi-result-h', hidden: true });
  const stackHeading = h('h4', { id: 'wi-stack-h' });
  const stack = h(
    'section',
    { class: 'wi-stack', 'aria-labelledby': 'wi-stack-h' },
    stackHeading,
    emptyList,
    list,
    h('div', { class: 'mode-bar' }, runBtn, clearBtn),
    runProblem,
    stale,
  );
  root.append(h('div', { class: 'wi-top' }, builder.section, stack), out);
  const last = () => act().whatIf?.last ?? null;

  const renderList = () => {
    emptyList.hidden = changes.length > 0;
    runBtn.disabled = clearBtn.disabled = changes.length === 0;
    list.replaceChildren(
      ...changeItems(originalOf(act()), changes, wordsOf(store)).map((item, i) => {
        const remove = h('button', { type: 'button', class: 'link-like', 'aria-label': item.remove }, wordsOf(store)('app-tools.whatif.remove'));
        const w = changes[i]!;
        remove.addEventListener('click', () => {
          changes = changes.filter((x) => x !== w);
          renderList();
        });
        return h('li', {}, h('span', { class: 'time' }, item.time), ' ', h('span', {}, item.words), ' ', remove);
      }),
    );
    stale.hidden = !isStale(last(), changes);
  };

  const { bar, renderToggle, label: labelBar } = mountResultBar(store, last);
  /** The words that do not follow the run, again when the reader's language changes. */
  const label = () => {
    const w = wordsOf(store);
    list.setAttribute('aria-label', w('app-tools.whatif.changes'));
    stackHeading.textContent = w('app-tools.whatif.changes');
    emptyList.textContent = w('app-tools.whatif.no-changes');
    runBtn.textContent = w('app-tools.whatif.run');
    clearBtn.textContent = w('app-tools.whatif.clear');
    stale.textContent = w('app-tools.whatif.stale');
    labelBar();
    builder.label();
  };

  const renderResult = () => {
    const w = act().whatIf;
    const r = w?.last ?? null;
    runProblem.hidden = !w?.problems.length;
    runProblem.textContent = w?.problems.map((p) => wordsOf(store).problem(p)).join('; ') ?? '';
    out.hidden = !r;
    if (r) drawResult(wordsOf(store), out, r, bar);
    else fill(out);
    renderToggle();
    renderList();
  };

  builder.add.addEventListener('click', () => {
    const c = builder.read();
    builder.problem.textContent = typeof c === 'string' ? c : '';
    if (typeof c === 'string') return;
    changes = [...changes, { at: act().t, change: c }];
    renderList();
  });
  runBtn.addEventListener('click', () => {
    if (!changes.length) return;
    act().runWhatIf(changes);
    if (!act().whatIf?.problems.length) out.scrollIntoView?.({ block: 'start' });
  });
  clearBtn.addEventListener('click', () => {
    changes = [];
    renderList();
  });

  const unsubs = [
    watch(
      store,
      (s) => settingsKey(s),
      (k) => {
        // Another scenario, account, procedure or seed: the changes belonged to the old run.
        if (k !== key) {
          key = k;
          changes = [];
        }
        builder.renderFields();
        renderList();
        builder.renderAt();
      },
    ),
    watch(store, (s) => s.whatIf, renderResult),
    watch(
      store,
      (s) => s.lang,
      () => {
        label();
        builder.renderFields();
        builder.renderAt();
        renderResult();
      },
    ),
    watch(
      store,
      (s) => s.t,
      (_t, s) => builder.followPlayhead(s.playing),
    ),
    watch(
      store,
      (s) => s.analysis,
      () => renderToggle(),
    ),
  ];
  return { destroy: () => unsubs.forEach((u) => u()) };
}

/** Under a what-if's result: which run the main view shows, and saving the what-if as a scenario file. */
function mountResultBar(store: AppStore, last: () => WhatIfRun | null) {
  const act = () => store.getState();
  const viewToggle = h('div', { class: 'wi-view', role: 'group' });
  const renderToggle = () => {
    const r = last();
    if (!r) return viewToggle.replaceChildren();
    const s = act();
    const w = wordsOf(store);
    const orig = h(
      'button',
      { type: 'button', 'aria-pressed': String(s.analysis === r.original), onclick: () => act().showAnalysis(null) },
      w('app-tools.whatif.original'),
    );
    const wi = h(
      'button',
      { type: 'button', 'aria-pressed': String(s.analysis === r.analysis), onclick: () => act().showAnalysis(r.analysis, r.label) },
      w('app-tools.tab.whatif'),
    );
    fill(viewToggle, h('span', { class: 'muted small' }, w('app-tools.banner.main-view')), orig, wi);
  };
  const saveName = h('input', { id: 'wi-name', type: 'text', value: 'what-if', class: 'wi-text', size: 14 });
  const saveBtn = h('button', { type: 'button' });
  saveBtn.addEventListener('click', () => {
    const r = last();
    if (!r) return;
    const file = savedScenario(r, act().scenarioText, saveName.value);
    download(file.text, file.name);
  });
  const nameField = field('', saveName);
  const bar = h('div', { class: 'mode-bar' }, viewToggle, h('span', { class: 'spacer' }), nameField, saveBtn);
  const label = () => {
    const w = wordsOf(store);
    viewToggle.setAttribute('aria-label', w('app-tools.whatif.main-view-shows'));
    nameField.querySelector('.wi-label')!.textContent = w('app-tools.whatif.file-name');
    saveBtn.textContent = w('app-tools.whatif.save');
  };
  return { bar, renderToggle, label };
}
