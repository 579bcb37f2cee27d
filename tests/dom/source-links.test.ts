// The app names each source id it shows: a link to the source's page, with its publisher, date and
// title on hover, from the project's source index (docs/sources.md).
import { describe, expect, test } from 'vitest';
import { within } from '@testing-library/dom';
import { mountApp } from './setup';
import { citationText, primaryUrl, sourceEntry } from '../../src/core/sources/registry';
import { sourceLinks } from '../../src/app/panels/source-links';

describe('source ids in the app', () => {
  test("the facts tab links every source id of the account's facts to its page, titled from the index", async () => {
    const { screen, user, store } = mountApp();
    await user.click(screen.getByRole('tab', { name: 'Facts' }));
    const facts = store.getState().analysis!.run.scenario.facts;
    const shown = facts.flatMap((f) => Object.values(f.sources).flat());
    expect(shown.length).toBeGreaterThan(0);
    const panel = screen.getByText(facts[0]!.question).closest('ul')!;
    const withAddress = shown.filter((id) => primaryUrl(sourceEntry(id)!));
    expect(withAddress.length).toBeGreaterThan(0);
    const links = within(panel).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(withAddress);
    for (const a of links) {
      const e = sourceEntry(a.textContent!)!;
      expect(a.getAttribute('href')).toBe(primaryUrl(e));
      expect(a.getAttribute('title')).toBe(`${e.id}: ${citationText(e)}`);
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  test('an id the index lacks, or knows without an address, is plain text that says so, never a link', () => {
    const el = document.createElement('p');
    el.append(...(sourceLinks(['S12', 'S99999']) as Node[]));
    expect(el.textContent).toBe('S12, S99999');
    expect(
      within(el)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['S12']);
    expect(within(el).getByText('S99999').getAttribute('title')).toBe('S99999 is not in docs/sources.md');
    const unaddressed = sourceEntry('S88')!;
    const p = document.createElement('p');
    p.append(...(sourceLinks(['S88']) as Node[]));
    expect(within(p).queryAllByRole('link')).toEqual([]);
    expect(within(p).getByText('S88').getAttribute('title')).toBe(`S88: ${citationText(unaddressed)}. No address is known`);
  });
});
