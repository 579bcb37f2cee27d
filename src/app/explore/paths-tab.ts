/**
 * Paths tab: every way the procedure's call exchange can go for the run on screen, grouped by
 * where it ends (completed, or the stage/rule where it stops short), with the run's own
 * exchange(s) marked. Computed when the tab is shown (the enumeration is not free).
 */
import type { Analysis } from '../../core/analysis/report';
import { pathsForRun, type RunPaths } from '../../core/paths/paths';
import { pathWords } from '../../core/paths/output';
import { h, fill, watch, type View } from '../dom';
import { shortName } from '../words';
import type { AppStore } from '../store';

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function renderPaths(out: HTMLElement, a: Analysis, rp: RunPaths): void {
  const s = a.run.scenario;
  fill(
    out,
    h('p', { class: 'muted' }, `Procedure ${s.procedure.id} — ${s.procedure.title}. ► marks the way this run went.`),
    rp.models.map(({ set, taken }, mi) => {
      const m = set.model;
      const who = `${m.caller ? shortName(a, m.caller.id) : 'any unit'} → ${m.recipient ? shortName(a, m.recipient.id) : 'any unit'}`;
      const hid = `paths-h-${mi}`;
      const off = taken.filter((t) => t.status !== 'complete');
      return h(
        'section',
        { class: 'paths-model', 'aria-labelledby': hid },
        h('h4', { id: hid }, `Exchange ${who}`),
        h(
          'p',
          { class: 'muted' },
          `${thousands(set.total)} path${set.total === 1 ? '' : 's'} in ${set.groups.length} outcome${set.groups.length === 1 ? '' : 's'}; the exchange needs ${m.needed === 'acted-on' ? 'a reply that answers what the call asks' : 'a reply'}.${taken.length ? '' : ' Nobody made this call in this run.'}`,
        ),
        m.notes.length
          ? h(
              'ul',
              { class: 'muted paths-notes' },
              m.notes.map((n) => h('li', {}, n)),
            )
          : null,
        h(
          'ol',
          { class: 'paths-groups', 'aria-label': `Outcomes of the exchange ${who}` },
          set.groups.map((g) => {
            const here = taken.filter((t) => t.end === g.end);
            const ok = g.outcome.kind === 'completed';
            return h(
              'li',
              {
                class: `paths-group ${ok ? 'ok' : 'fail'}${here.length ? ' taken' : ''}`,
                ...(here.length ? { 'aria-current': 'true' } : {}),
                'data-end': g.end,
              },
              h(
                'p',
                { class: 'paths-label' },
                h('span', { class: 'paths-mark', 'aria-hidden': 'true' }, ok ? '✓' : '✗'),
                ' ',
                g.label,
                h('span', { class: 'muted' }, ` — ${thousands(g.count)} path${g.count === 1 ? '' : 's'}`),
              ),
              g.rules.length
                ? h(
                    'p',
                    { class: 'paths-rules' },
                    'Rules: ',
                    g.rules.map((r, i) => [i ? ', ' : '', h('code', { class: 'rule-id' }, r)]),
                  )
                : null,
              h('p', { class: 'muted paths-shortest' }, `Shortest: ${pathWords(g.shortest.calls)}`),
              here.map((t) =>
                h('p', { class: 'paths-taken' }, `► This run: ${t.exchange} (${t.txs.join(', ')}): ${pathWords(t.calls)}${t.note ? ` — ${t.note}` : ''}`),
              ),
            );
          }),
        ),
        off.map((t) =>
          h(
            'p',
            { class: 'paths-taken off' },
            `► This run: ${t.exchange} (${t.txs.join(', ')}) ${t.status === 'unfinished' ? 'did not finish' : 'left the model'}: ${pathWords(t.calls)} — ${t.note}`,
          ),
        ),
      );
    }),
  );
}

export function mountPaths(root: HTMLElement, store: AppStore): View {
  const out = h('div', { class: 'paths-out' });
  root.append(out);
  let drawnFor: Analysis | null = null;
  const draw = () => {
    const a = store.getState().analysis;
    if (!a || a === drawnFor || root.hidden) return;
    drawnFor = a;
    try {
      renderPaths(out, a, pathsForRun(a));
    } catch (err) {
      fill(
        out,
        h('p', { class: 'error', role: 'alert' }, `The paths of this run could not be worked out: ${err instanceof Error ? err.message : String(err)}`),
      );
    }
  };
  const unsub = watch(store, (s) => s.analysis, draw);
  return { destroy: unsub, shown: draw };
}
