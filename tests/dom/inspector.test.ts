import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp } from './setup';

const setRow = (table: HTMLElement, id: string) => within(table).getByRole('rowheader', { name: id }).closest('tr')!;
const cells = (tr: HTMLElement) => [...tr.querySelectorAll('td')].map((td) => td.textContent);

describe('unit inspector', () => {
  test("with no unit picked it shows every unit's state at the playhead; picking one from its list shows that unit", async () => {
    const { screen, user, store } = mountApp();
    const overview = () => screen.getByRole('table', { name: 'All units now' });
    const row = (name: string) => within(overview()).getByRole('rowheader', { name }).closest('tr')!;
    expect(within(overview()).getAllByRole('row')).toHaveLength(1 + store.getState().analysis!.run.scenario.units.length);
    expect(cells(row('Gwanggaeto the Great'))[0]).toBe('air-contact');
    store.getState().seek(400);
    expect(cells(row('Gwanggaeto the Great'))[0]).toBe('threatened');
    expect(cells(row('Gwanggaeto the Great'))[2]).toContain('mw08 track');
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
    store.getState().selectUnit('ddg971');
    const state = () => screen.getByText('posture', { selector: 'dt' }).nextElementSibling!.textContent;
    expect(state()).toBe('air-contact');
    store.getState().seek(400);
    expect(state()).toBe('threatened');
    expect(screen.getByText(/^Machine state at 15:00:40/)).toBeTruthy();
    const emitters = screen.getByRole('table', { name: 'Emitters of Gwanggaeto the Great' });
    const stir = within(emitters).getByRole('rowheader', { name: 'stir-aft' }).closest('tr')!;
    expect(cells(stir)).toEqual(['fire-control-radar', 'slewed', 'JMSDF P-1']);
    store.getState().seek(450);
    const stirLater = within(screen.getByRole('table', { name: 'Emitters of Gwanggaeto the Great' }))
      .getByRole('rowheader', { name: 'stir-aft' })
      .closest('tr')!;
    expect(cells(stirLater)[1]).toBe('off');
    const strip = screen.getByRole('img', { name: /^posture over time/ });
    expect(strip.getAttribute('aria-label')).toContain('threatened from 14:55:35');
    const head = strip.querySelector('.strip-head') as HTMLElement;
    expect(head.style.left).toBe(`${(450 / 1200) * 100}%`);
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
