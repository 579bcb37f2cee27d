import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp, mountLink, unmount } from './setup';
import { momentQuery, readUrl } from '../../src/app/url';
import { cpa, rangeBearing, threeDigits } from '../../src/core/analysis/relative-motion';
import { METRES_PER_NM } from '../../src/core/geo';

const figures = (root: HTMLElement) =>
  Object.fromEntries([...root.querySelectorAll('.measure-rows > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]));

describe("mariner's tools in the inspector and on the timeline", () => {
  test('range, bearing and CPA from the destroyer to the P-1, as the replay has them at the playhead', async () => {
    const { screen, user, store } = mountApp();
    await user.click(within(screen.getByRole('group', { name: 'Units' })).getByRole('button', { name: 'Gwanggaeto the Great' }));
    const box = screen.getByRole('region', { name: 'Range, bearing and CPA' });
    // Nothing measured yet: no figures.
    expect(box.querySelector('.measure-rows')).toBeNull();
    await user.selectOptions(within(box).getByRole('combobox', { name: 'Measure to' }), 'JMSDF P-1');
    expect(store.getState().measure).toEqual(['ddg971', 'p1']);
    const at = (t: number) => {
      const units = store.getState().replay!.frameAt(t).units;
      const a = units.find((u) => u.spec.id === 'ddg971')!;
      const b = units.find((u) => u.spec.id === 'p1')!;
      return { rb: rangeBearing(a, b), c: cpa(a, b) };
    };
    const check = (t: number) => {
      const { rb, c } = at(t);
      const f = figures(box);
      expect(f['Bearing (true)']).toBe(`${threeDigits(rb.bearingDeg)}°`);
      expect(f['Range']).toMatch(
        new RegExp(`^${(rb.rangeM / METRES_PER_NM).toFixed(rb.rangeM < METRES_PER_NM ? 2 : 1)} nm \\(${(rb.rangeM / 1000).toFixed(1)} km\\)$`),
      );
      if (c.closure === 'closing') {
        expect(f['CPA if both hold course']).toMatch(/^\d+\.\d+ nm \(\d+\.\d km\)$/);
        expect(f['Time to CPA']).toMatch(/^\d+:\d\d \(at \d\d:\d\d:\d\d\)$/);
      } else expect(f['CPA if both hold course']).toMatch(/Opening|steady/);
      expect(f['Closest on the scripted tracks']).toMatch(
        /^\d+\.\d+ nm \(\d+\.\d km\) (at \d\d:\d\d:\d\d \(in \d+:\d\d\)|now: never closer later in this run)$/,
      );
      return f;
    };
    expect(within(box).getByText('From Gwanggaeto the Great to JMSDF P-1')).toBeTruthy();
    const first = check(0);
    // At the start the watch-keeper's CPA (both holding course) is 0.53 nm; the P-1 then turns,
    // and the scripted tracks pass further off, later: both are on screen, and they differ.
    expect(first['Closest on the scripted tracks']).toMatch(/ at /);
    expect(first['Closest on the scripted tracks']!.split(' at ')[0]).not.toBe(first['CPA if both hold course']);
    // The P-1 flies past the destroyer: later the range and bearing have changed on screen.
    const later = store.getState().replay!.durationS / 2;
    store.getState().seek(later);
    const second = check(later);
    expect(second['Range']).not.toBe(first['Range']);
    // "(none)" ends measuring.
    await user.selectOptions(within(box).getByRole('combobox', { name: 'Measure to' }), '(none)');
    expect(store.getState().measure).toBeNull();
    expect(box.querySelector('.measure-rows')).toBeNull();
  });

  test('shift-click in the unit list measures to a second unit; a plain click goes back to one', async () => {
    const { screen, user, store } = mountApp();
    const list = within(screen.getByRole('group', { name: 'Units' }));
    await user.click(list.getByRole('button', { name: 'Gwanggaeto the Great' }));
    await user.keyboard('{Shift>}');
    await user.click(list.getByRole('button', { name: 'JMSDF P-1' }));
    await user.keyboard('{/Shift}');
    expect(store.getState().selectedUnits).toEqual(['ddg971', 'p1']);
    expect(store.getState().measure).toEqual(['ddg971', 'p1']);
    expect(figures(screen.getByRole('region', { name: 'Range, bearing and CPA' }))['Bearing (true)']).toMatch(/^\d{3}°$/);
    await user.click(list.getByRole('button', { name: 'JMSDF P-1' }));
    expect(store.getState().measure).toBeNull();
  });

  test('"Follow on plot" follows the unit and says so; pressed again it stops', async () => {
    const { screen, user, store } = mountApp();
    await user.click(within(screen.getByRole('group', { name: 'Units' })).getByRole('button', { name: 'JMSDF P-1' }));
    const follow = screen.getByRole('button', { name: 'Follow on plot' });
    expect(follow.getAttribute('aria-pressed')).toBe('false');
    await user.click(follow);
    expect(store.getState().following).toBe('p1');
    expect(follow.getAttribute('aria-pressed')).toBe('true');
    await user.click(follow);
    expect(store.getState().following).toBeNull();
    expect(follow.getAttribute('aria-pressed')).toBe('false');
  });

  test('in Japanese the figures and the follow button are in Japanese', async () => {
    const { screen, store } = mountApp();
    store.getState().setLang('ja');
    store.getState().selectUnit('ddg971');
    store.getState().measureBetween('ddg971', 'p1');
    const box = screen.getByRole('region', { name: '距離・方位・CPA' });
    expect(figures(box)['距離']).toMatch(/海里（[\d.]+ km）$/);
    expect(screen.getByRole('button', { name: 'プロットで追従' })).toBeTruthy();
  });

  test('the timeline has clock-time ticks on round times over the whole run', () => {
    const { root, store } = mountApp();
    const ticks = [...root.querySelectorAll<HTMLElement>('.time-ticks .tick')];
    const d = store.getState().replay!.durationS;
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(8);
    for (const tick of ticks) {
      expect(tick.textContent).toMatch(/^\d\d:\d\d(:\d\d)?$/);
      const t = Number(tick.dataset.t);
      expect(t).toBeGreaterThanOrEqual(0);
      expect(t).toBeLessThanOrEqual(d);
      expect(parseFloat(tick.style.left)).toBeCloseTo((t / d) * 100, 2);
    }
    // On round clock times: each label is the scenario clock at its tick.
    const a = store.getState().analysis!;
    const clock = (t: number) => new Date(Date.parse(a.run.scenario.spec.start) + t * 1000 + 9 * 3600_000).toISOString().slice(11, 16);
    expect(ticks.map((x) => x.textContent!.slice(0, 5))).toEqual(ticks.map((x) => clock(Number(x.dataset.t))));
  });

  test('a copied link keeps the measurement and the followed unit', async () => {
    const sender = mountApp();
    const { screen, user, store } = sender;
    await user.click(within(screen.getByRole('group', { name: 'Units' })).getByRole('button', { name: 'Gwanggaeto the Great' }));
    await user.selectOptions(within(screen.getByRole('region', { name: 'Range, bearing and CPA' })).getByRole('combobox', { name: 'Measure to' }), 'JMSDF P-1');
    await user.click(screen.getByRole('button', { name: 'Follow on plot' }));
    store.getState().seek(40);
    const query = momentQuery({ ...store.getState() });
    expect(query).toContain('measure=ddg971%2Cp1');
    expect(query).toContain('follow=ddg971');
    const sent = figures(screen.getByRole('region', { name: 'Range, bearing and CPA' }));
    expect(Object.keys(sent)).toContain('Closest on the scripted tracks');
    unmount(sender);

    const opened = await mountLink(query);
    expect(opened.store.getState().measure).toEqual(['ddg971', 'p1']);
    expect(opened.store.getState().following).toBe('ddg971');
    // The receiver reads the same figures at the same moment, and the follow button is pressed.
    expect(figures(opened.screen.getByRole('region', { name: 'Range, bearing and CPA' }))).toEqual(sent);
    expect(opened.screen.getByRole('button', { name: 'Follow on plot' }).getAttribute('aria-pressed')).toBe('true');
  });

  test('a link measuring or following units the run does not have opens without them', async () => {
    expect(readUrl('?measure=ddg971,ddg971').measure).toBeUndefined();
    expect(readUrl('?measure=a,b,c').measure).toBeUndefined();
    const opened = await mountLink('?scenario=dec-2018-noto&account=rok&measure=ddg971,nobody&follow=nobody');
    expect(opened.store.getState().measure).toBeNull();
    expect(opened.store.getState().following).toBeNull();
    expect(opened.store.getState().analysis).toBeTruthy();
  });
});
