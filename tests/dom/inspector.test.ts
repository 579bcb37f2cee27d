import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp } from './setup';
import { clock } from './run-facts';
import { shortName } from '../../src/app/words';

const setRow = (table: HTMLElement, id: string) => within(table).getByRole('rowheader', { name: id }).closest('tr')!;
const cells = (tr: HTMLElement) => [...tr.querySelectorAll('td')].map((td) => td.textContent);

describe('unit inspector', () => {
  test("with no unit picked it shows every unit's state at the playhead; picking one from its list shows that unit", async () => {
    const { screen, user, store } = mountApp();
    const a = store.getState().analysis!;
    const overview = () => screen.getByRole('table', { name: 'All units now' });
    const row = (name: string) => within(overview()).getByRole('rowheader', { name }).closest('tr')!;
    expect(within(overview()).getAllByRole('row')).toHaveLength(1 + a.run.scenario.units.length);
    // Every unit's row says what the replay has for it at the playhead.
    const matchesFrame = (t: number) => {
      for (const u of store.getState().replay!.frameAt(t).units) {
        const c = cells(row(shortName(a, u.spec.id)));
        expect(c[0]).toBe(u.state.posture || '—');
        for (const e of u.emitters.filter((x) => x.mode !== 'off')) expect(c[2]).toContain(`${e.id} ${e.mode}`);
      }
    };
    matchesFrame(0);
    // The moment the ship's radar holds the P-1, the overview shows it tracking, and the states move on.
    const held = a.run.log.find((e) => e.type === 'emission' && e.unit === 'ddg971' && e.mode === 'track')!;
    expect(held).toBeDefined();
    const before = cells(row('JMSDF P-1'))[0];
    store.getState().seek(held.t);
    matchesFrame(held.t);
    expect(cells(row('Gwanggaeto the Great'))[2]).toContain(`${held.type === 'emission' ? held.emitter : ''} track`);
    expect(cells(row('JMSDF P-1'))[0]).not.toBe(before);
    await user.click(within(screen.getByRole('group', { name: 'Units' })).getByRole('button', { name: 'Gwanggaeto the Great' }));
    expect(screen.getByRole('heading', { name: 'Gwanggaeto the Great' })).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'All units now' })).toBeNull();
    // Clicking the picked unit again goes back to the overview.
    await user.click(within(screen.getByRole('group', { name: 'Units' })).getByRole('button', { name: 'Gwanggaeto the Great' }));
    expect(overview()).toBeTruthy();
  });

  test("shows the ship's radio sets: under the ROK account 121.5 is not tuned at the start", async () => {
    const { screen, user, store } = mountApp();
    await user.click(within(screen.getByRole('group', { name: 'Units' })).getByRole('button', { name: 'Gwanggaeto the Great' }));
    expect(store.getState().t).toBe(0);
    const table = screen.getByRole('table', { name: 'Radio sets of Gwanggaeto the Great' });
    expect(within(table).getAllByRole('row')).toHaveLength(4); // header + bridge-vhf, aero-vhf, uhf
    expect(cells(setRow(table, 'aero-vhf'))).toEqual(['on', '123.1', 'yes', 'AM']);
    expect(cells(setRow(table, 'bridge-vhf'))[1]).toBe('156.8');
    expect(cells(setRow(table, 'uhf'))[1]).toBe('243.0');
    expect(table.textContent).not.toContain('121.5');
  });

  test('under the 2024 procedure the ship also watches 121.5 from the start', () => {
    const { screen, store } = mountApp({ scenario: 'dec-2018-noto', account: 'rok', procedure: 'jp-rok-2024' });
    store.getState().selectUnit('ddg971');
    const table = screen.getByRole('table', { name: 'Radio sets of Gwanggaeto the Great' });
    expect(cells(setRow(table, 'aero-vhf'))[1]).toBe('123.1 + 121.5');
  });

  test('machine state, emitters and the state strip follow the playhead', () => {
    const { screen, store } = mountApp();
    const a = store.getState().analysis!;
    const replay = store.getState().replay!;
    const posture = (t: number) => replay.frameAt(t).units.find((u) => u.spec.id === 'ddg971')!.state.posture;
    store.getState().selectUnit('ddg971');
    const state = () => screen.getByText('posture', { selector: 'dt' }).nextElementSibling!.textContent;
    expect(state()).toBe(posture(0));
    // While the aft STIR points at the P-1 the inspector shows it; once it is off, that too.
    const stir = a.run.log.filter((e) => e.type === 'emission' && e.unit === 'ddg971' && e.emitter === 'stir-aft');
    const on = stir.find((e) => e.type === 'emission' && e.mode !== 'off')!;
    const off = stir.find((e) => e.type === 'emission' && e.mode === 'off' && e.t > on.t)!;
    if (on.type !== 'emission') throw new Error('not an emission');
    const during = (on.t + off.t) / 2;
    store.getState().seek(during);
    expect(state()).toBe(posture(during));
    expect(screen.getByText(`Machine state at ${clock(a, during)}`, { exact: false })).toBeTruthy();
    const emitters = screen.getByRole('table', { name: 'Emitters of Gwanggaeto the Great' });
    const row = within(emitters).getByRole('rowheader', { name: 'stir-aft' }).closest('tr')!;
    expect(cells(row)).toEqual([on.emitterType, on.mode, 'JMSDF P-1']);
    const later = off.t + 1;
    store.getState().seek(later);
    const stirLater = within(screen.getByRole('table', { name: 'Emitters of Gwanggaeto the Great' }))
      .getByRole('rowheader', { name: 'stir-aft' })
      .closest('tr')!;
    expect(cells(stirLater)[1]).toBe('off');
    // The strip names each change of posture with its time, and its head is at the playhead.
    const strip = screen.getByRole('img', { name: /^posture over time/ });
    const changes = a.run.log.filter((e) => e.type === 'state' && e.unit === 'ddg971' && e.to.startsWith('posture.'));
    expect(changes.length).toBeGreaterThan(1);
    for (const e of changes)
      if (e.type === 'state') expect(strip.getAttribute('aria-label')).toContain(`${e.to.slice('posture.'.length)} from ${clock(a, e.t)}`);
    const head = strip.querySelector('.strip-head') as HTMLElement;
    expect(head.style.left).toBe(`${(later / replay.durationS) * 100}%`);
  });

  test('shows what a unit believes once it has heard it', () => {
    const { screen, store } = mountApp({ scenario: 'dec-2018-noto', account: 'rok', procedure: 'jp-rok-2024' });
    store.getState().selectUnit('p1');
    expect(screen.getByText('Nothing learnt about the others yet.')).toBeTruthy();
    store.getState().seek(420);
    const believes = screen.getByRole('region', { name: 'Believes' });
    expect(believes.textContent).toContain('SEARCH AND RESCUE');
  });
});
