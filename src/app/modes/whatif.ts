/**
 * What-if for trainers: at the playhead, change a fact (a radio set, local noise, the crew, a
 * link, a call or a silence), stack as many changes as wanted, run again, and see the new run
 * against the original: the first moment they part, the calls that got further or less far, the
 * breakdowns gone and new. The main view switches between the two runs; the what-if can be saved
 * as a scenario file of its own.
 */
import type { Analysis } from '../../core/analysis/report';
import type { Breakdown } from '../../core/analysis/breakdowns';
import { compareRuns, type Comparison, type EntryDifference } from '../../core/compare/compare';
import { runScenario } from '../../core/engine/engine';
import { analyse } from '../../core/analysis/report';
import { buildReplay, type Replay } from '../../core/replay/replay';
import { applyWhatIfs, describeChange, whatIfYaml, type Change, type WhatIf } from '../../core/whatif/whatif';
import type { UnitSpec } from '../../core/scenario/schema';
import { h, fill, watch, type View } from '../dom';
import { breakdownClass, breakdownSummary, shortName } from '../format';
import type { AppStore } from '../store';
import { download, originalOf, settingsKey, unitWords, when } from './shared';

type Kind = Change['kind'];

const KINDS: { id: Kind; label: string }[] = [
  { id: 'radio', label: 'Radio set: power, tuning, listening' },
  { id: 'noise', label: 'Local noise on a radio set' },
  { id: 'crew', label: 'Crew: English, workload' },
  { id: 'link', label: 'Link: down or delayed' },
  { id: 'hail', label: 'Make a unit call another' },
  { id: 'silence', label: 'Keep a unit silent' },
];

interface Result {
  changes: WhatIf[];
  original: Analysis;
  whatIf: Analysis;
  comparison: Comparison;
  label: string;
}

const replays = new WeakMap<Analysis, Replay>();
function replayOf(a: Analysis): Replay {
  let r = replays.get(a);
  if (!r) replays.set(a, (r = buildReplay(a)));
  return r;
}

const tunedOf = (t: string | number | (string | number)[] | null | undefined): string[] =>
  t === null || t === undefined ? [] : Array.isArray(t) ? t.map(String) : [String(t)];
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'what-if';

/** A labelled form control: the label above, a hint under it. */
function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h('label', { class: 'wi-field' }, h('span', { class: 'wi-label' }, label), control, hint ? h('span', { class: 'muted small wi-hint' }, hint) : null);
}

function select(id: string, options: [string, string][], value?: string): HTMLSelectElement {
  const el = h('select', { id });
  for (const [v, text] of options) el.append(h('option', { value: v, text }));
  if (value !== undefined && options.some(([v]) => v === value)) el.value = value;
  return el;
}

function numberInput(id: string, value: number, min: number, max: number, step: number): HTMLInputElement {
  return h('input', { id, type: 'number', min, max, step, value: String(value), class: 'wi-number' });
}

export function mountWhatIf(root: HTMLElement, store: AppStore): View {
  const act = () => store.getState();
  let changes: WhatIf[] = [];
  let result: Result | null = null;
  let key = '';
  let kind: Kind = 'radio';
  /** Builds the change from the form, or says why it cannot. */
  let read: () => Change | string = () => 'Pick a change.';

  const atLine = h('p', { class: 'wi-at small' });
  const kindSel = select(
    'wi-kind',
    KINDS.map((k) => [k.id, k.label]),
    kind,
  );
  const fields = h('div', { class: 'wi-fields' });
  const problem = h('p', { class: 'wi-problem small', role: 'alert' });
  const add = h('button', { type: 'button' }, 'Add change');
  const list = h('ol', { class: 'wi-changes', 'aria-label': 'Changes to apply' });
  const emptyList = h('p', { class: 'muted small' }, 'No changes yet: pick one above and add it. Several can be stacked, each at its own moment.');
  const runBtn = h('button', { type: 'button', class: 'primary' }, 'Run what-if');
  const clearBtn = h('button', { type: 'button' }, 'Clear changes');
  const stale = h('p', { class: 'muted small wi-stale', hidden: true }, 'The changes differ from the what-if shown below: run it again to see their effect.');
  const out = h('section', { class: 'wi-result', 'aria-labelledby': 'wi-result-h', hidden: true });

  root.append(
    h(
      'div',
      { class: 'wi-top' },
      h(
        'section',
        { class: 'wi-builder', 'aria-labelledby': 'wi-builder-h' },
        h('h4', { id: 'wi-builder-h' }, 'Change a fact'),
        atLine,
        h('div', { class: 'wi-row' }, field('Change', kindSel), fields),
        problem,
        h('div', { class: 'mode-bar' }, add),
      ),
      h(
        'section',
        { class: 'wi-stack', 'aria-labelledby': 'wi-stack-h' },
        h('h4', { id: 'wi-stack-h' }, 'Changes to apply'),
        emptyList,
        list,
        h('div', { class: 'mode-bar' }, runBtn, clearBtn),
        stale,
      ),
    ),
    out,
  );

  const original = () => originalOf(act());

  /** The unit's sets as they are at the playhead in the original run. */
  const setsNow = (a: Analysis, unit: string) =>
    replayOf(a)
      .frameAt(Math.min(act().t, a.run.durationS), { trailS: 0, recentS: 0 })
      .units.find((u) => u.spec.id === unit)?.sets ?? [];

  const unitOptions = (a: Analysis, units: UnitSpec[]): [string, string][] => units.map((u) => [u.id, unitWords(a, u.id)]);

  /** Rebuilds the fields for the change kind; `keep` carries the unit/set picked so far. */
  const renderFields = () => {
    const a = original();
    problem.textContent = '';
    if (!a) {
      fill(fields);
      read = () => 'No run loaded.';
      return;
    }
    const sc = a.run.scenario;
    const prevUnit = (fields.querySelector('#wi-unit') as HTMLSelectElement | null)?.value ?? act().selectedUnits[0];
    const prevSet = (fields.querySelector('#wi-set') as HTMLSelectElement | null)?.value;
    const withRadios = sc.units.filter((u) => u.radios.length > 0);

    if (kind === 'radio' || kind === 'noise') {
      const unitSel = select('wi-unit', unitOptions(a, withRadios), prevUnit);
      const setSel = h('select', { id: 'wi-set' });
      const detail = h('div', { class: 'wi-detail' });
      const renderSet = () => {
        const spec = sc.units.find((u) => u.id === unitSel.value);
        const radio = spec?.radios.find((r) => r.id === setSel.value);
        if (!spec || !radio) {
          fill(detail);
          read = () => 'Pick a unit with a radio set.';
          return;
        }
        const now = setsNow(a, spec.id).find((x) => x.id === radio.id);
        const tuned = now?.tuned ?? tunedOf(radio.tuned);
        if (kind === 'radio') {
          const power = select('wi-power', [
            ['', `Leave as it is (${(now?.powered ?? radio.powered) ? 'on' : 'off'})`],
            ['on', 'Switch on'],
            ['off', 'Switch off'],
          ]);
          const listen = select('wi-monitored', [
            ['', `Leave as it is (${(now?.monitored ?? radio.monitored) ? 'listened to' : 'not listened to'})`],
            ['yes', 'Listened to'],
            ['no', 'Not listened to'],
          ]);
          const boxes = radio.channels.map(String).map((ch) => {
            const box = h('input', { type: 'checkbox', value: ch, checked: tuned.includes(ch) });
            return { ch, box, el: h('label', { class: 'wi-check' }, box, ` ${ch}`) };
          });
          fill(
            detail,
            field('Power', power),
            h(
              'fieldset',
              { class: 'wi-channels' },
              h('legend', {}, `Tuned to (now ${tuned.join(' + ') || 'nothing'})`),
              boxes.map((b) => b.el),
            ),
            field('Listening', listen),
          );
          read = () => {
            const picked = boxes.filter((b) => b.box.checked).map((b) => b.ch);
            const c: Change = { kind: 'radio', unit: spec.id, radio: radio.id };
            if (power.value) c.powered = power.value === 'on';
            if (!sameSet(picked, tuned)) c.tuned = picked;
            if (listen.value) c.monitored = listen.value === 'yes';
            if (c.powered === undefined && c.tuned === undefined && c.monitored === undefined)
              return 'Nothing changes: switch the set on or off, tick other channels, or change the listening.';
            return c;
          };
        } else {
          const floor = sc.spec.environment.noiseFloorDbm;
          const level = numberInput('wi-noise', radio.noiseDb ?? floor, -200, 0, 5);
          const back = h('input', { type: 'checkbox', id: 'wi-noise-floor' });
          back.addEventListener('change', () => (level.disabled = back.checked));
          fill(
            detail,
            field(
              'Local noise, dBm',
              level,
              `Now ${radio.noiseDb ?? floor} dBm${radio.noiseDb === undefined ? ' (the environment floor)' : ''}. Higher (towards 0) drowns weaker calls; the floor is ${floor} dBm.`,
            ),
            h('label', { class: 'wi-check' }, back, ' Back to the environment floor'),
          );
          read = () => {
            if (back.checked) return { kind: 'noise', unit: spec.id, radio: radio.id, noiseDb: null };
            const v = Number(level.value);
            if (!Number.isFinite(v) || v < -200 || v > 0) return 'Noise is a level in dBm between −200 and 0.';
            return { kind: 'noise', unit: spec.id, radio: radio.id, noiseDb: v };
          };
        }
      };
      const renderSets = () => {
        const spec = sc.units.find((u) => u.id === unitSel.value);
        const keep = setSel.value || prevSet;
        setSel.replaceChildren(
          ...(spec?.radios ?? []).map((r) =>
            h('option', { value: r.id, text: `${r.id}${r.name ? ` — ${r.name}` : ''} (${r.channels.map(String).join(', ')})` }),
          ),
        );
        if (keep && spec?.radios.some((r) => r.id === keep)) setSel.value = keep;
        renderSet();
      };
      unitSel.addEventListener('change', renderSets);
      setSel.addEventListener('change', renderSet);
      fill(fields, field('Unit', unitSel), field('Radio set', setSel), detail);
      renderSets();
      return;
    }

    if (kind === 'crew') {
      const unitSel = select(
        'wi-unit',
        unitOptions(
          a,
          sc.units.filter((u) => u.kind !== 'vessel' || u.radios.length),
        ),
        prevUnit,
      );
      const detail = h('div', { class: 'wi-detail' });
      const renderCrew = () => {
        const spec = sc.units.find((u) => u.id === unitSel.value)!;
        const en = spec.crew.languages['en'] ?? 0;
        const english = numberInput('wi-english', en, 0, 1, 0.05);
        const workload = numberInput('wi-workload', spec.crew.workload, 0, 1, 0.05);
        fill(
          detail,
          field('English proficiency (0–1)', english, `Now ${en}`),
          field('Workload (0 idle – 1 saturated)', workload, `Now ${spec.crew.workload}; above 0.5 calls may be missed`),
        );
        read = () => {
          const e = Number(english.value);
          const w = Number(workload.value);
          if (![e, w].every((x) => Number.isFinite(x) && x >= 0 && x <= 1)) return 'Proficiency and workload are numbers from 0 to 1.';
          const c: Change = { kind: 'crew', unit: spec.id };
          if (e !== en) c.english = e;
          if (w !== spec.crew.workload) c.workload = w;
          if (c.english === undefined && c.workload === undefined) return 'Nothing changes: set another proficiency or workload.';
          return c;
        };
      };
      unitSel.addEventListener('change', renderCrew);
      fill(fields, field('Unit', unitSel), detail);
      renderCrew();
      return;
    }

    if (kind === 'link') {
      const links = sc.spec.links;
      if (!links.length) {
        fill(fields, h('p', { class: 'muted small' }, 'This scenario has no links (satellite, fleet net, hotline).'));
        read = () => 'This scenario has no links.';
        return;
      }
      const linkSel = select(
        'wi-link',
        links.map((l) => [l.id, `${l.id} — ${l.name}`]),
      );
      const detail = h('div', { class: 'wi-detail' });
      const renderLink = () => {
        const l = links.find((x) => x.id === linkSel.value)!;
        const state = select('wi-available', [
          ['', `Leave as it is (${l.available ? 'up' : 'down'})`],
          ['up', 'Up'],
          ['down', 'Down'],
        ]);
        const delay = numberInput('wi-latency', l.latencyS, 0, 86_400, 5);
        fill(detail, field('State', state), field('Delay, seconds', delay, `Now ${l.latencyS} s`));
        read = () => {
          const d = Number(delay.value);
          if (!Number.isFinite(d) || d < 0) return 'The delay is a number of seconds, 0 or more.';
          const c: Change = { kind: 'link', link: l.id };
          if (state.value) c.available = state.value === 'up';
          if (d !== l.latencyS) c.latencyS = d;
          if (c.available === undefined && c.latencyS === undefined) return 'Nothing changes: take the link down, bring it up, or change its delay.';
          return c;
        };
      };
      linkSel.addEventListener('change', renderLink);
      fill(fields, field('Link', linkSel), detail);
      renderLink();
      return;
    }

    if (kind === 'hail') {
      const callers = sc.units.filter((u) => u.radios.length > 0 || u.links.length > 0);
      const fromSel = select('wi-unit', unitOptions(a, callers), prevUnit);
      const toSel = h('select', { id: 'wi-to' });
      const chSel = h('select', { id: 'wi-channel' });
      const text = h('input', { id: 'wi-text', type: 'text', placeholder: "the procedure's words", class: 'wi-text' });
      const renderFrom = () => {
        const from = sc.units.find((u) => u.id === fromSel.value)!;
        const prevTo = toSel.value;
        toSel.replaceChildren(...sc.units.filter((u) => u.id !== from.id).map((u) => h('option', { value: u.id, text: unitWords(a, u.id) })));
        if ([...toSel.options].some((o) => o.value === prevTo)) toSel.value = prevTo;
        const channels = [...new Set(from.radios.flatMap((r) => r.channels.map(String)))];
        chSel.replaceChildren(
          h('option', { value: '', text: 'As the procedure says' }),
          ...channels.map((c) => h('option', { value: c, text: c })),
          ...from.links.map((l) => h('option', { value: l, text: `${l} (link)` })),
        );
      };
      fromSel.addEventListener('change', renderFrom);
      fill(fields, field('Unit', fromSel), field('Calls', toSel), field('On', chSel), field('Saying (optional)', text));
      renderFrom();
      read = () => {
        if (!toSel.value) return 'Pick the unit to call.';
        return {
          kind: 'hail',
          unit: fromSel.value,
          to: toSel.value,
          ...(chSel.value ? { channel: chSel.value } : {}),
          ...(text.value.trim() ? { text: text.value.trim() } : {}),
        };
      };
      return;
    }

    // silence
    const unitSel = select(
      'wi-unit',
      unitOptions(
        a,
        sc.units.filter((u) => u.radios.length > 0 || u.links.length > 0),
      ),
      prevUnit,
    );
    const silent = select('wi-silent', [
      ['yes', 'Stays silent from now on'],
      ['no', 'May transmit again'],
    ]);
    fill(fields, field('Unit', unitSel), field('Radio', silent));
    read = () => ({ kind: 'silence', unit: unitSel.value, silent: silent.value === 'yes' });
  };

  const renderAt = () => {
    const a = original();
    const t = act().t;
    add.textContent = a ? `Add change at ${when(a, t)}` : 'Add change';
    atLine.textContent = a
      ? `A change takes effect at the playhead, now ${when(a, t)}. Move the playhead to pick another moment; the run before it stays the same.`
      : '';
  };

  const renderList = () => {
    const a = original();
    list.replaceChildren();
    emptyList.hidden = changes.length > 0;
    runBtn.disabled = changes.length === 0;
    clearBtn.disabled = changes.length === 0;
    changes.forEach((w, i) => {
      const remove = h('button', { type: 'button', class: 'link-like', 'aria-label': `Remove change ${i + 1}: ${describeChange(w)}` }, 'Remove');
      remove.addEventListener('click', () => {
        changes = changes.filter((x) => x !== w);
        renderList();
      });
      list.append(h('li', {}, h('span', { class: 'time' }, a ? when(a, w.at) : `${w.at} s`), ' ', h('span', {}, describeChange(w)), ' ', remove));
    });
    stale.hidden = !result || (result.changes.length === changes.length && result.changes.every((w, i) => w === changes[i]));
  };

  /**
   * The first moment the runs part. When that is a change taking effect (the what-if has an entry
   * the original has not), the original's entry at that place in the log says nothing useful.
   */
  const divergence = (a: Analysis, label: string, d: EntryDifference | null, changes: WhatIf[]) => {
    if (!d) return h('div', { class: 'wi-diverge' }, h('dt', {}, label), h('dd', {}, 'none: the runs do not differ'));
    if (changes.some((w) => Math.abs(w.at - d.t) < 1e-6) && d.b && d.b.type !== 'transmission' && d.b.type !== 'reception') {
      return h(
        'div',
        { class: 'wi-diverge' },
        h('dt', {}, `${label} at ${when(a, d.t)}: a change takes effect`),
        h('dd', {}, h('span', { class: 'side' }, 'What-if: '), d.bSays),
      );
    }
    return h(
      'div',
      { class: 'wi-diverge' },
      h('dt', {}, `${label} at ${when(a, d.t)}`),
      h('dd', {}, h('span', { class: 'side' }, 'Original: '), d.aSays),
      h('dd', {}, h('span', { class: 'side' }, 'What-if: '), d.bSays),
    );
  };

  const breakdownItem = (a: Analysis, b: Breakdown) => {
    const tx = b.transmission ? a.run.transmissions.find((x) => x.id === b.transmission) : undefined;
    const what =
      b.kind === 'ladder'
        ? `${tx ? `${shortName(a, tx.from)}'s call on ${tx.channel}` : 'a call'} to ${shortName(a, b.unit)}: ${breakdownSummary(b)}`
        : `${shortName(a, b.unit)}: ${breakdownSummary(b)}`;
    return h(
      'li',
      { class: breakdownClass(b) },
      h('div', {}, h('span', { class: 'time' }, when(a, b.t)), ' ', h('strong', {}, what)),
      h('div', { class: 'muted small' }, b.explanation),
    );
  };

  const viewToggle = h('div', { class: 'wi-view', role: 'group', 'aria-label': 'Main view shows' });
  const renderToggle = () => {
    if (!result) return viewToggle.replaceChildren();
    const s = act();
    const showingWhatIf = s.analysis === result.whatIf;
    const showingOriginal = s.analysis === result.original;
    const orig = h('button', { type: 'button', 'aria-pressed': String(showingOriginal) }, 'Original');
    const wi = h('button', { type: 'button', 'aria-pressed': String(showingWhatIf) }, 'What-if');
    orig.addEventListener('click', () => act().showAnalysis(null));
    wi.addEventListener('click', () => result && act().showAnalysis(result.whatIf, result.label));
    fill(viewToggle, h('span', { class: 'muted small' }, 'Main view: '), orig, wi);
  };

  const saveName = h('input', { id: 'wi-name', type: 'text', value: 'what-if', class: 'wi-text', size: 14 });
  const saveBtn = h('button', { type: 'button' }, 'Save as scenario');
  saveBtn.addEventListener('click', () => {
    if (!result) return;
    const s = act();
    const name = slug(saveName.value);
    const text = whatIfYaml(s.scenarioText, result.original.run.scenario, result.changes, name);
    download(text, `${result.original.run.scenario.spec.id}-${name}.yaml`);
  });

  const renderResult = () => {
    out.hidden = !result;
    if (!result) return fill(out);
    const { comparison: c, original: a, whatIf: b } = result;
    const gone = c.breakdowns.onlyA;
    const added = c.breakdowns.onlyB;
    const calls = c.transmissions.differ;
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    fill(
      out,
      h('h4', { id: 'wi-result-h' }, 'What-if against the original'),
      h('p', { class: 'wi-changes-run small' }, `Changes: ${result.changes.map((w) => `${describeChange(w)} (from ${when(a, w.at)})`).join('; ')}`),
      h(
        'p',
        { class: 'wi-summary', role: 'status' },
        `${plural(gone.length, 'breakdown')} gone, ${added.length} new, ${c.breakdowns.both.length} in both. Exchanges completed: ${a.exchangesCompleted} → ${b.exchangesCompleted}.`,
      ),
      h('div', { class: 'mode-bar' }, viewToggle, h('span', { class: 'spacer' }), field('File name', saveName), saveBtn),
      h(
        'div',
        { class: 'wi-columns' },
        h(
          'section',
          { 'aria-labelledby': 'wi-gone-h' },
          h('h5', { id: 'wi-gone-h' }, `Breakdowns gone (${gone.length})`),
          gone.length
            ? h(
                'ul',
                { class: 'wi-breakdowns', 'aria-label': 'Breakdowns gone' },
                gone.map((x) => breakdownItem(a, x)),
              )
            : h('p', { class: 'muted small' }, 'None: every breakdown of the original still happens.'),
        ),
        h(
          'section',
          { 'aria-labelledby': 'wi-new-h' },
          h('h5', { id: 'wi-new-h' }, `Breakdowns new (${added.length})`),
          added.length
            ? h(
                'ul',
                { class: 'wi-breakdowns', 'aria-label': 'Breakdowns new' },
                added.map((x) => breakdownItem(b, x)),
              )
            : h('p', { class: 'muted small' }, 'None.'),
        ),
      ),
      calls.length || c.transmissions.onlyA.length || c.transmissions.onlyB.length
        ? h(
            'section',
            { 'aria-label': 'Calls that went differently' },
            h('h5', {}, 'Calls that went differently'),
            h(
              'ul',
              { class: 'wi-calls' },
              calls.map((d) =>
                h(
                  'li',
                  {},
                  h('span', { class: 'time' }, when(a, d.call.t)),
                  ` ${d.call.words}${d.call.to !== d.recipient ? ` at ${d.recipientName}` : ''}: `,
                  h('span', { class: 'side' }, 'original '),
                  d.a.failedAt ? `stopped at ${d.a.failedAt}` : 'got through',
                  ' → ',
                  h('span', { class: 'side' }, 'what-if '),
                  d.b.failedAt ? `stopped at ${d.b.failedAt}` : 'got through',
                ),
              ),
              c.transmissions.onlyA.map((x) => h('li', {}, h('span', { class: 'time' }, when(a, x.t)), ` ${x.words}: only in the original`)),
              c.transmissions.onlyB.map((x) => h('li', {}, h('span', { class: 'time' }, when(b, x.t)), ` ${x.words}: only in the what-if`)),
            ),
          )
        : null,
      h(
        'dl',
        { class: 'wi-divergences' },
        divergence(a, 'First difference', c.firstDivergence, result.changes),
        c.firstRadioDivergence && c.firstRadioDivergence !== c.firstDivergence && c.firstRadioDivergence.t !== c.firstDivergence?.t
          ? divergence(a, 'First difference in what was said or heard', c.firstRadioDivergence, result.changes)
          : null,
      ),
    );
    renderToggle();
  };

  kindSel.addEventListener('change', () => {
    kind = kindSel.value as Kind;
    renderFields();
  });

  add.addEventListener('click', () => {
    const c = read();
    if (typeof c === 'string') {
      problem.textContent = c;
      return;
    }
    problem.textContent = '';
    changes = [...changes, { at: act().t, change: c }];
    renderList();
  });

  runBtn.addEventListener('click', () => {
    const a = original();
    if (!a || !changes.length) return;
    const s = act();
    const run = runScenario(applyWhatIfs(a.run.scenario, changes), { seed: s.seed });
    const whatIf = analyse(run);
    const label = `What-if: ${changes.map(describeChange).join('; ')}`;
    result = { changes, original: a, whatIf, comparison: compareRuns(a, whatIf), label };
    act().showAnalysis(whatIf, label);
    renderList();
    renderResult();
    out.scrollIntoView?.({ block: 'start' });
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
          result = null;
        }
        renderFields();
        renderList();
        renderResult();
        renderAt();
      },
    ),
    watch(
      store,
      (s) => s.t,
      (_t, s) => {
        renderAt();
        // The "now" values in the form follow the playhead, unless someone is filling it in.
        if (!s.playing && !fields.contains(document.activeElement) && kind !== 'hail' && kind !== 'silence') renderFields();
      },
    ),
    watch(
      store,
      (s) => s.analysis,
      () => renderToggle(),
    ),
  ];
  return { destroy: () => unsubs.forEach((u) => u()) };
}
