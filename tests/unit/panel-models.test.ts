// The panels' view-models (pure parts of src/app/panels and the triggers panel): what the log's
// filters and count say, where the playhead falls, what a key does on the timeline, where markers
// and arrows go, the inspector's cells, and what the triggers panel lists. Computed on a real run
// of the December 2018 scenario where a run is needed.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/app/store';
import type { Analysis } from '../../src/core/analysis/report';
import { explainTriggers } from '../../src/core/analysis/triggers';
import {
  channelsOf,
  countAtOrBefore,
  countText,
  entryPasses,
  firstFuture,
  hasRow,
  keyMove,
  kindsText,
  passes,
  rowFacts,
  txInfoOf,
} from '../../src/app/panels/log-model';
import { describeEntry } from '../../src/core/format/describe';
import { keyAction, markerPlaces, elapsedText, type KeyPress } from '../../src/app/panels/timeline-model';
import { overviewCells, setRow, stateHue, unitSubtitle } from '../../src/app/panels/inspector-model';
import { arrowLayout, columnWidth, GUTTER, MAX_COL, MIN_COL } from '../../src/app/panels/sequence-layout';
import { sequenceModel } from '../../src/app/sequence-model';
import { triggerStatus, triggersView } from '../../src/app/editor/triggers-model';
import type { UnitFrame } from '../../src/core/replay/replay';

function run(): Analysis {
  const a = createAppStore({ scenario: 'dec-2018-noto', account: 'rok' }).getState().analysis;
  if (!a) throw new Error('dec-2018-noto did not run');
  return a;
}
const a = run();
const all = { units: [], channels: [], kinds: [] };

describe('log view-model', () => {
  const rows = a.run.log.map((e) => rowFacts(e, txInfoOf(a)));

  it('lets every entry through with no filter, and only matching ones with one', () => {
    expect(rows.every((r) => passes(r, all))).toBe(true);
    const tx = a.run.transmissions[0]!;
    const byChannel = rows.filter((r) => passes(r, { ...all, channels: [tx.channel] }));
    expect(byChannel.length).toBeGreaterThan(0);
    expect(byChannel.length).toBeLessThan(rows.length);
    expect(byChannel.every((r) => r.channel === tx.channel)).toBe(true);
    const calls = rows.filter((r) => passes(r, { ...all, kinds: ['transmission'] }));
    expect(calls).toHaveLength(a.run.transmissions.length);
    const caller = rows.filter((r) => passes(r, { ...all, units: [tx.from] }));
    expect(caller.every((r) => r.units.includes(tx.from))).toBe(true);
    expect(channelsOf(rows)).toEqual([...new Set(a.run.transmissions.map((t) => t.channel))].sort());
  });

  it('tests an entry against the filters without its facts, with the same answer', () => {
    const tx = a.run.transmissions[0]!;
    const txInfo = txInfoOf(a);
    const cases = [
      all,
      { ...all, channels: [tx.channel] },
      { ...all, units: [tx.from] },
      { ...all, kinds: ['transmission', 'reception'] as const },
      { units: [tx.from], channels: [tx.channel], kinds: ['reception'] as const },
    ].map((f) => ({ ...f, kinds: [...f.kinds] }));
    for (const f of cases) expect(a.run.log.map((e) => entryPasses(e, f, txInfo))).toEqual(rows.map((r) => passes(r, f)));
  });

  it('knows which entries have a row (words) without wording them, in every language', () => {
    for (const lang of ['en', 'ja', 'ko'] as const) expect(a.run.log.map(hasRow)).toEqual(a.run.log.map((e) => describeEntry(a.run, e, { lang }) !== null));
    expect(a.run.log.some((e) => !hasRow(e))).toBe(true);
  });

  it('names each call on its own line, so the lines that follow it ("tx-2 at …: understood") lead back to it', () => {
    for (const lang of ['en', 'ja', 'ko'] as const) {
      const named = new Set<string>();
      for (const e of a.run.log) {
        const line = describeEntry(a.run, e, { lang });
        if (!line) continue;
        if (e.type === 'transmission') {
          expect(line.startsWith(`${e.tx.id} `)).toBe(true);
          named.add(e.tx.id);
        }
        for (const ref of line.match(/\btx-\d+\b/g) ?? []) expect(named.has(ref), `${lang}: ${line}`).toBe(true);
      }
      expect(named.size).toBe(a.run.transmissions.length);
    }
  });

  it('words the count and the kinds button', () => {
    expect(countText(3, 120)).toBe('3 of 120 entries');
    // Counts of a generated exercise read with the language's grouping.
    expect(countText(97_171, 100_000)).toBe('97,171 of 100,000 entries');
    expect(countText(97_171, 100_000, 'ja')).toBe('100,000 件中 97,171 件');
    expect(countText(97_171, 100_000, 'ko')).toBe('100,000건 중 97,171건');
    expect(kindsText(all)).toBe('Kinds: all');
    expect(kindsText({ ...all, kinds: ['transmission', 'reception'] })).toBe('Kinds: 2 of 7');
  });

  it('finds the playhead by binary search: rows at or before an entry, and the first row in the future', () => {
    const sample = [
      { seq: 2, t: 0 },
      { seq: 5, t: 10 },
      { seq: 9, t: 10 },
      { seq: 12, t: 30 },
    ];
    expect(
      countAtOrBefore(
        sample.map((r) => r.seq),
        1,
      ),
    ).toBe(0);
    expect(
      countAtOrBefore(
        sample.map((r) => r.seq),
        5,
      ),
    ).toBe(2);
    expect(
      countAtOrBefore(
        sample.map((r) => r.seq),
        100,
      ),
    ).toBe(4);
    expect(firstFuture(sample, -1)).toBe(0);
    expect(firstFuture(sample, 10)).toBe(3);
    expect(firstFuture(sample, 30)).toBe(4);
    // The same answer as a scan over the real log.
    const t = a.run.durationS / 2;
    expect(firstFuture(rows, t)).toBe(rows.filter((r) => r.t <= t + 1e-6).length);
  });

  it('moves the focus by keys within the visible rows, and ignores other keys', () => {
    expect(keyMove('ArrowDown', 3, 10)).toBe(4);
    expect(keyMove('ArrowUp', 0, 10)).toBe(0);
    expect(keyMove('PageDown', 5, 10)).toBe(9);
    expect(keyMove('PageUp', 15, 30)).toBe(5);
    expect(keyMove('Home', 7, 10)).toBe(0);
    expect(keyMove('End', 0, 10)).toBe(9);
    expect(keyMove('a', 0, 10)).toBeNull();
  });
});

describe('timeline view-model', () => {
  const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({
    key,
    modified: false,
    defaultPrevented: false,
    tag: 'BODY',
    type: '',
    role: null,
    editable: false,
    ...over,
  });

  it('maps the shortcuts, and leaves keys to a widget or a text field that owns them', () => {
    expect(keyAction(press(' '))).toBe('toggle-play');
    expect(keyAction(press('ArrowRight'))).toBe('next-event');
    expect(keyAction(press('['))).toBe('slower');
    expect(keyAction(press('End'))).toBe('end');
    expect(keyAction(press(' ', { tag: 'BUTTON' }))).toBeNull();
    expect(keyAction(press('ArrowLeft', { tag: 'INPUT', type: 'range' }))).toBeNull();
    expect(keyAction(press(' ', { tag: 'INPUT', type: 'range' }))).toBe('toggle-play');
    expect(keyAction(press('Home', { role: 'tab' }))).toBeNull();
    expect(keyAction(press(']', { tag: 'INPUT', type: 'text' }))).toBeNull();
    expect(keyAction(press(']', { editable: true }))).toBeNull();
    expect(keyAction(press(' ', { modified: true }))).toBeNull();
    expect(keyAction(press('x'))).toBeNull();
  });

  it('places markers along the run and stacks those that share a slot, towards the middle', () => {
    expect(markerPlaces([{ t: 0 }, { t: 50 }, { t: 50.1 }, { t: 100 }, { t: 99.9 }], 100)).toEqual([
      { pct: 0, stacked: 0, offsetPx: 0 },
      { pct: 50, stacked: 0, offsetPx: 0 },
      { pct: expect.closeTo(50.1, 6), stacked: 1, offsetPx: -9 },
      { pct: 100, stacked: 0, offsetPx: 0 },
      { pct: expect.closeTo(99.9, 6), stacked: 1, offsetPx: -9 },
    ]);
    expect(markerPlaces([{ t: 5 }], 0)).toEqual([{ pct: 0, stacked: 0, offsetPx: 0 }]);
  });

  it('never moves a marker more than two steps, however many breakdowns share a moment', () => {
    const pile = markerPlaces(
      Array.from({ length: 40 }, () => ({ t: 10 })),
      100,
    );
    expect(pile.map((p) => p.offsetPx)).toEqual([0, 9, ...Array(38).fill(18)]);
    const late = markerPlaces(
      Array.from({ length: 40 }, () => ({ t: 100 })),
      100,
    );
    expect(Math.min(...late.map((p) => p.offsetPx))).toBe(-18);
    expect(elapsedText(75, 3600)).toBe('+1:15 / 60:00');
  });
});

describe('inspector view-model', () => {
  it('colours a state the same every time, within the hue circle', () => {
    expect(stateHue('threatened')).toBe(stateHue('threatened'));
    expect(stateHue('threatened')).not.toBe(stateHue('routine'));
    for (const s of ['', 'a', 'threatened', 'x'.repeat(200)]) {
      expect(stateHue(s)).toBeGreaterThanOrEqual(0);
      expect(stateHue(s)).toBeLessThan(360);
    }
  });

  it('says what the scenario gives of a unit, and each cell of the overview', () => {
    expect(unitSubtitle({ nation: 'KR', kind: 'ship', hull: 'DDH-971', callSigns: ['Gwanggaeto'] })).toBe('KR · ship · hull DDH-971 · calls itself Gwanggaeto');
    expect(unitSubtitle({ nation: 'JP', kind: 'aircraft', callSigns: [] })).toBe('JP · aircraft');
    const u = {
      state: { posture: 'watch', comms: '' },
      emitters: [
        { id: 'fc', type: 'fire-control', mode: 'track', target: 'x' },
        { id: 'nav', type: 'navigation', mode: 'off', target: null },
      ],
    } as unknown as UnitFrame;
    expect(overviewCells(u)).toMatchObject({ posture: 'watch', comms: '—', radars: 'fc track', tracking: true });
    expect(overviewCells({ ...u, emitters: [] } as UnitFrame)).toMatchObject({ radars: '—', tracking: false });
    expect(overviewCells(u).sig).not.toBe(overviewCells({ ...u, state: { posture: 'alert', comms: '' } } as UnitFrame).sig);
    expect(setRow({ id: 'vhf', powered: true, tuned: ['ch16', 'ch70'], monitored: false } as UnitFrame['sets'][number])).toEqual({
      powerClass: 'on',
      power: 'on',
      tuned: 'ch16 + ch70',
      monitored: 'no',
    });
    expect(setRow({ id: 'vhf', powered: false, tuned: [], monitored: true } as UnitFrame['sets'][number]).tuned).toBe('nothing');
    // In the reader's language; the channels tuned are names and stay as they are, the cell's colour class does not change.
    expect(setRow({ id: 'vhf', powered: false, tuned: ['ch16'], monitored: true } as UnitFrame['sets'][number], 'ko')).toEqual({
      powerClass: 'off',
      power: '꺼짐',
      tuned: 'ch16',
      monitored: '예',
    });
    expect(unitSubtitle({ nation: 'JP', kind: 'ship', hull: 'DD-119', callSigns: ['JAPANESE WARSHIP'] }, 'ja')).toBe(
      'JP · 艦艇 · 艦番号 DD-119 · 呼出符号 JAPANESE WARSHIP',
    );
    // A kind of a file's own, which the catalogs cannot know, stays as written.
    expect(unitSubtitle({ nation: 'KR', kind: 'tug', callSigns: [] }, 'ko')).toBe('KR · tug');
  });
});

describe('sequence chart layout', () => {
  it('widens the lifelines to the pane within bounds', () => {
    expect(columnWidth(0, 900)).toBe(MIN_COL);
    expect(columnWidth(4, 0)).toBe(MIN_COL);
    expect(columnWidth(2, 2000)).toBe(MAX_COL);
    expect(columnWidth(4, GUTTER + 12 + 4 * 150)).toBe(150);
  });

  it('draws each call from its caller towards its farthest addressee, cut short where a lost call died', () => {
    const model = sequenceModel(a);
    const x = new Map(model.participants.map((p, i) => [p.id, GUTTER + 60 + i * 120]));
    model.messages.forEach((m, i) => {
      const at = arrowLayout(m, i, x, 120);
      expect(at.x1).toBe(x.get(m.from));
      expect(at.reach).toBeGreaterThan(0);
      expect(at.reach).toBeLessThanOrEqual(1);
      expect(at.label.startsWith(`${m.tx} · ${m.channel} · ${m.kind}`)).toBe(true);
      const single = m.to !== 'all' && m.deliveries.length <= 1 ? m.deliveries[0] : undefined;
      if (single?.lost && single.failedAt && single.failedAt !== 'acknowledged') expect(at.reach).toBeLessThan(1);
      if (at.reach === 1) expect(at.x2).toBe(at.far);
    });
    expect(arrowLayout(model.messages[1]!, 1, x, 120).y - arrowLayout(model.messages[0]!, 0, x, 120).y).toBe(40);
  });
});

describe('triggers view-model', () => {
  it('lists scripted triggers and rules, and under the filter only those that never fired or were not followed', () => {
    const reports = explainTriggers(a);
    const v = triggersView(a, reports, false);
    expect(v.scripts.length + v.rules.length).toBe(reports.length);
    const nScripts = reports.filter((r) => r.kind === 'script').length;
    expect(v.summary).toMatch(new RegExp(`^${nScripts} scripted triggers? and ${reports.length - nScripts} rules?: \\d+ fired, \\d+ never fired$`));
    const only = triggersView(a, reports, true);
    for (const r of [...only.scripts, ...only.rules]) expect(['never', 'not-followed']).toContain(triggerStatus(a, r));
    expect(only.summary).toBe(v.summary);
  });
});
