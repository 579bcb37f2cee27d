// What-if for trainers: change a fact at the playhead, run again, read the new run against the
// original, switch the main view between them, and save the what-if as a scenario file.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp } from './setup';
import { hailOn } from './run-facts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Captures what "Save as scenario" hands to the browser: the file name and the Blob's text. */
function captureDownloads() {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  Object.assign(URL, {
    createObjectURL: (b: Blob) => {
      const url = `blob:test/${++n}`;
      blobs.set(url, b);
      return url;
    },
    revokeObjectURL: () => undefined,
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return saved;
}

describe('what-if', () => {
  test("tuning the ship's aero-vhf set to 121.5 at t=0 (ROK account): the receivable breakdown on 121.5 is gone; the YAML holds the change", async () => {
    const { store, user, screen } = mountApp({ scenario: 'dec-2018-noto', account: 'rok' });
    const original = store.getState().analysis!;
    expect(store.getState().t).toBe(0);
    await user.click(screen.getByRole('tab', { name: 'What-if' }));
    const panel = screen.getByRole('tabpanel', { name: 'What-if' });
    const w = within(panel);

    expect((w.getByRole('combobox', { name: 'Change' }) as HTMLSelectElement).value).toBe('radio');
    await user.selectOptions(w.getByRole('combobox', { name: 'Unit' }), 'ddg971');
    const set = w.getByRole('combobox', { name: 'Radio set' });
    expect(
      within(set)
        .getAllByRole('option')
        .map((o) => (o as HTMLOptionElement).value),
    ).toEqual(['bridge-vhf', 'aero-vhf', 'uhf']);
    await user.selectOptions(set, 'aero-vhf');
    const tuned = w.getByRole('group', { name: 'Tuned to (now 123.1)' });
    expect(
      within(tuned)
        .getAllByRole('checkbox')
        .map((c) => c.getAttribute('value')),
    ).toEqual(['121.5', '123.1']);
    expect((within(tuned).getByRole('checkbox', { name: '123.1' }) as HTMLInputElement).checked).toBe(true);

    // Adding with nothing changed says why it cannot.
    await user.click(w.getByRole('button', { name: /^Add change at 14:54:00/ }));
    expect(w.getByRole('alert').textContent).toMatch(/Nothing changes/);
    expect(w.getByRole('button', { name: 'Run what-if' })).toHaveProperty('disabled', true);

    await user.click(within(tuned).getByRole('checkbox', { name: '121.5' }));
    await user.click(w.getByRole('button', { name: /^Add change at 14:54:00/ }));
    const changes = w.getByRole('list', { name: 'Changes to apply' });
    expect(
      within(changes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['14:54:00 (+0:00) ddg971: set aero-vhf, tuned to 121.5 + 123.1 Remove']);

    await user.click(w.getByRole('button', { name: 'Run what-if' }));
    const s = store.getState();
    expect(s.analysis).not.toBe(original);
    expect(s.shown?.original).toBe(original);
    expect(screen.getByText(/^What-if: ddg971: set aero-vhf, tuned to 121\.5 \+ 123\.1$/)).toBeTruthy();

    // The comparison: the call on 121.5 no longer stops at receivable.
    const gone = w.getByRole('list', { name: 'Breakdowns gone' });
    const goneItems = within(gone)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(goneItems.some((x) => x.includes("JMSDF P-1's call on 121.5 to Gwanggaeto the Great: stopped at receivable"))).toBe(true);
    const newItems = within(w.getByRole('list', { name: 'Breakdowns new' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(newItems.some((x) => /call on 121\.5 to Gwanggaeto the Great: stopped at acknowledged/.test(x))).toBe(true);
    expect(newItems.every((x) => !/stopped at receivable/.test(x))).toBe(true);
    expect(w.getByText(/^1 breakdown gone, \d+ new, \d+ in both\./)).toBeTruthy();
    const calls = w.getByRole('region', { name: 'Calls that went differently' });
    expect(calls.textContent).toMatch(/JMSDF P-1 → Gwanggaeto the Great on 121\.5 \(hail\): original stopped at receivable → what-if stopped at acknowledged/);
    // First difference: the change itself at t=0; in what was said or heard, the 121.5 call.
    const diverge = panel.querySelector('.wi-divergences')!.textContent!;
    expect(diverge).toMatch(/^First difference at 14:54:00 \(\+0:00\): a change takes effectWhat-if: /);
    expect(diverge).toMatch(/What-if: Gwanggaeto the Great set aero-vhf: on, tuned 121\.5 \+ 123\.1/);
    const first = hailOn(original, '121.5');
    expect(diverge).toMatch(
      new RegExp(
        `First difference in what was said or heard at \\d\\d:\\d\\d:\\d\\d .*Original: ${first.id} at Gwanggaeto the Great: reached in-range, failed at receivable.*What-if: ${first.id} at Gwanggaeto the Great: understood`,
      ),
    );

    // Switch the main view back and forth.
    const view = w.getByRole('group', { name: 'Main view shows' });
    expect(within(view).getByRole('button', { name: 'What-if' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(within(view).getByRole('button', { name: 'Original' }));
    expect(store.getState().analysis).toBe(original);
    expect(store.getState().shown).toBeNull();
    expect(within(view).getByRole('button', { name: 'Original' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(within(view).getByRole('button', { name: 'What-if' }));
    expect(store.getState().analysis).not.toBe(original);
    expect(store.getState().shown?.label).toMatch(/^What-if: /);

    // Save as scenario: a YAML file with the change in its script.
    const saved = captureDownloads();
    await user.clear(w.getByRole('textbox', { name: 'File name' }));
    await user.type(w.getByRole('textbox', { name: 'File name' }), 'VHF guard on');
    await user.click(w.getByRole('button', { name: 'Save as scenario' }));
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe('dec-2018-noto-vhf-guard-on.yaml');
    const yaml = await saved[0]!.blob.text();
    expect(yaml).toMatch(/^id: dec-2018-noto-vhf-guard-on$/m);
    expect(yaml).toMatch(/^defaultAccount: rok$/m);
    expect(yaml).toMatch(
      /id: what-if-1\n\s+at: 0\n\s+note: "?what-if: ddg971: set aero-vhf, tuned to 121\.5 \+ 123\.1"?\n\s+unit: ddg971\n\s+do: set-radio\n\s+radio: aero-vhf\n\s+tuned:\n\s+- "121\.5"\n\s+- "123\.1"/,
    );
  });

  test('several changes stack, each at its own moment, and can be removed; a link taken down under jp-rok-2024 stops the headquarters contact', async () => {
    const { store, user, screen } = mountApp({ scenario: 'dec-2018-noto', account: 'jp', procedure: 'jp-rok-2024' });
    await user.click(screen.getByRole('tab', { name: 'What-if' }));
    const w = within(screen.getByRole('tabpanel', { name: 'What-if' }));
    await user.selectOptions(w.getByRole('combobox', { name: 'Change' }), 'link');
    await user.selectOptions(w.getByRole('combobox', { name: 'Link' }), 'hq-channel');
    await user.selectOptions(w.getByRole('combobox', { name: 'State' }), 'down');
    await user.click(w.getByRole('button', { name: /^Add change/ }));
    store.getState().seek(600);
    await user.selectOptions(w.getByRole('combobox', { name: 'Change' }), 'silence');
    await user.selectOptions(w.getByRole('combobox', { name: 'Unit' }), 'p1');
    await user.click(w.getByRole('button', { name: /^Add change at 15:04:00/ }));
    const items = () =>
      within(w.getByRole('list', { name: 'Changes to apply' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(items()).toEqual(['14:54:00 (+0:00) hq-channel down Remove', '15:04:00 (+10:00) p1 stays silent Remove']);
    await user.click(w.getByRole('button', { name: 'Remove change 2: p1 stays silent' }));
    expect(items()).toEqual(['14:54:00 (+0:00) hq-channel down Remove']);
    await user.click(w.getByRole('button', { name: 'Run what-if' }));
    const newItems = within(w.getByRole('list', { name: 'Breakdowns new' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(newItems.some((x) => /stopped at in-range/.test(x))).toBe(true);
    const contact = store.getState().analysis!.outcomes.find((o) => o.tx.kind === 'hq-contact')!;
    expect(contact.failedAt).toBe('in-range');
  });
});
