// "Export data" in the header: the run on screen as files for spreadsheets, GIS and Tacview, in
// the reader's language where a file has words, with positions at the playhead in the GeoJSON.
import { within, waitFor } from '@testing-library/dom';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { mountApp } from './setup';

const saved: { name: string; type: string; text: Promise<string> }[] = [];

function captureDownloads() {
  let next: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob) => {
    next = b;
    return 'blob:test/data';
  }) as never;
  URL.revokeObjectURL = vi.fn();
  return vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (next) saved.push({ name: this.download, type: next.type, text: next.text() });
    next = null;
  });
}

afterEach(() => {
  saved.length = 0;
  vi.restoreAllMocks();
});

describe('Export data', () => {
  test('each format downloads a file named for the run, with the run in it', async () => {
    const { screen, user, store } = mountApp({ scenario: 'dec-2018-noto', account: 'rok' });
    captureDownloads();
    const banner = within(screen.getByRole('banner'));
    store.getState().seek(600);
    for (const label of ['Calls (CSV)', 'Event log (CSV)', 'Tracks and areas (GeoJSON)', 'Tacview (ACMI)']) {
      await user.click(banner.getByText('Export data'));
      await user.click(banner.getByRole('button', { name: label }));
      await waitFor(() => expect(saved.length).toBeGreaterThan(0));
    }
    await waitFor(() => expect(saved.length).toBe(4));
    expect(saved.map((s) => s.name)).toEqual([
      'dec-2018-noto-rok-practice-2018-transmissions.csv',
      'dec-2018-noto-rok-practice-2018-log.csv',
      'dec-2018-noto-rok-practice-2018.geojson',
      'dec-2018-noto-rok-practice-2018.txt.acmi',
    ]);
    expect(saved.map((s) => s.type)).toEqual(['text/csv', 'text/csv', 'application/geo+json', 'text/plain']);
    const [calls, log, geo, acmi] = await Promise.all(saved.map((s) => s.text));
    expect(calls!.split('\r\n')[0]).toMatch(/^t_s,clock,utc,tx,from,to,recipient/);
    expect(calls).toContain('KOREA SOUTH NAVAL SHIP');
    expect(log!.split('\r\n').length - 2).toBe(store.getState().analysis!.run.log.length);
    // Positions at the playhead.
    const fc = JSON.parse(geo!) as { features: { properties: { feature: string; t_s?: number } }[] };
    expect(fc.features.filter((f) => f.properties.feature === 'position').every((f) => f.properties.t_s === 600)).toBe(true);
    expect(acmi!.startsWith('FileType=text/acmi/tacview\nFileVersion=2.2\n')).toBe(true);
  });

  test("the calls' causes are in the reader's language", async () => {
    const { screen, user, store } = mountApp({ scenario: 'dec-2018-noto', account: 'rok' });
    store.getState().setLang('ko');
    captureDownloads();
    const banner = within(screen.getByRole('banner'));
    await user.click(banner.getByText('데이터 내보내기'));
    await user.click(banner.getByRole('button', { name: '교신 (CSV)' }));
    await waitFor(() => expect(saved.length).toBe(1));
    expect(await saved[0]!.text).toMatch(/[\uac00-\ud7a3]/);
  });
});
