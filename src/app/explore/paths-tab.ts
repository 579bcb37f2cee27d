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
import { wordsIn, wordsOf, type Words } from '../said';

/** The paths of the run in the reader's language (the core's group labels and notes as the core gives them). */
export function renderPaths(out: HTMLElement, a: Analysis, rp: RunPaths, w: Words = wordsIn('en')): void {
  const s = a.run.scenario;
  const say = (name: string, params?: Parameters<Words>[1]) => w(`app-tools.paths.${name}`, params);
  const thousands = (n: number) => say('number', { n });
  fill(
    out,
    h('p', { class: 'muted' }, say('intro', { id: s.procedure.id, title: s.procedure.title })),
    rp.models.map(({ set, taken }, mi) => {
      const m = set.model;
      const who = say('who', {
        from: m.caller ? shortName(a, m.caller.id) : say('any-unit'),
        to: m.recipient ? shortName(a, m.recipient.id) : say('any-unit'),
      });
      const hid = `paths-h-${mi}`;
      const off = taken.filter((t) => t.status !== 'complete');
      return h(
        'section',
        { class: 'paths-model', 'aria-labelledby': hid },
        h('h4', { id: hid }, say('exchange', { who })),
        h(
          'p',
          { class: 'muted' },
          say('total', {
            paths: set.total,
            pathsText: thousands(set.total),
            outcomes: set.groups.length,
            acted: m.needed === 'acted-on',
            made: taken.length > 0,
          }),
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
          { class: 'paths-groups', 'aria-label': say('outcomes', { who }) },
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
                h('span', { class: 'muted' }, say('count', { n: g.count, text: thousands(g.count) })),
              ),
              g.rules.length
                ? h(
                    'p',
                    { class: 'paths-rules' },
                    say('rules'),
                    g.rules.map((r, i) => [i ? ', ' : '', h('code', { class: 'rule-id' }, r)]),
                  )
                : null,
              h('p', { class: 'muted paths-shortest' }, say('shortest', { path: pathWords(g.shortest.calls) })),
              here.map((t) =>
                h(
                  'p',
                  { class: 'paths-taken' },
                  say('this-run', { exchange: t.exchange, txs: t.txs.join(', '), path: pathWords(t.calls), noted: !!t.note, note: t.note ?? '' }),
                ),
              ),
            );
          }),
        ),
        off.map((t) =>
          h(
            'p',
            { class: 'paths-taken off' },
            say('this-run-off', {
              exchange: t.exchange,
              txs: t.txs.join(', '),
              unfinished: t.status === 'unfinished',
              path: pathWords(t.calls),
              note: t.note ?? '',
            }),
          ),
        ),
      );
    }),
  );
}

export function mountPaths(root: HTMLElement, store: AppStore): View {
  const out = h('div', { class: 'paths-out' });
  root.append(out);
  let drawnFor: { a: Analysis; lang: string } | null = null;
  const draw = () => {
    const { analysis: a, lang } = store.getState();
    if (!a || (a === drawnFor?.a && lang === drawnFor.lang) || root.hidden) return;
    drawnFor = { a, lang };
    const w = wordsOf(store);
    try {
      renderPaths(out, a, pathsForRun(a), w);
    } catch (err) {
      fill(out, h('p', { class: 'error', role: 'alert' }, w('app-tools.paths.failed', { error: err instanceof Error ? err.message : String(err) })));
    }
  };
  const unsubs = [watch(store, (s) => s.analysis, draw), watch(store, (s) => s.lang, draw)];
  return { destroy: () => unsubs.forEach((u) => u()), shown: draw };
}
