/**
 * "Export data" in the header: the run on screen in the formats other tools read — transmissions
 * and the event log as CSV (spreadsheets), tracks, positions at the playhead and areas as GeoJSON
 * (GIS), and a Tacview ACMI recording (the aviators' replay tool). The writers are the core's
 * (src/core/export/), the same the command line uses, loaded on the first export.
 */
import { download, h, watch, type View } from './dom';
import type { AppStore } from './store';
import { t } from '../i18n';

export const DATA_FORMATS = ['transmissions-csv', 'log-csv', 'geojson', 'acmi'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

const MIME: Record<DataFormat, string> = {
  'transmissions-csv': 'text/csv',
  'log-csv': 'text/csv',
  geojson: 'application/geo+json',
  acmi: 'text/plain',
};

const EXT: Record<DataFormat, string> = {
  'transmissions-csv': '-transmissions.csv',
  'log-csv': '-log.csv',
  geojson: '.geojson',
  acmi: '.txt.acmi',
};

/** The file for one format of the run on screen, or null when nothing is loaded. */
export async function exportData(store: AppStore, format: DataFormat): Promise<{ name: string; text: string; type: string } | null> {
  const s = store.getState();
  const a = s.analysis;
  if (!a) return null;
  const sc = a.run.scenario;
  const base = [s.scenarioId || 'scenario', sc.account, sc.procedure.id]
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '-');
  const text = await (async () => {
    switch (format) {
      case 'transmissions-csv':
        return (await import('../core/export/csv')).transmissionsCsv(a, s.lang);
      case 'log-csv':
        return (await import('../core/export/csv')).logCsv(a);
      case 'geojson':
        return `${JSON.stringify((await import('../core/export/geojson')).encounterGeoJson(a, { atS: s.t }), null, 2)}\n`;
      case 'acmi':
        return (await import('../core/export/acmi')).encounterAcmi(a);
    }
  })();
  return { name: `${base}${EXT[format]}`, text, type: MIME[format] };
}

export function mountDataExport(header: HTMLElement, store: AppStore): View {
  const summary = h('summary', { class: 'button-like' });
  const buttons = DATA_FORMATS.map((f) => {
    const b = h('button', { type: 'button', 'data-format': f });
    b.addEventListener('click', () => {
      void exportData(store, f).then((made) => {
        if (made) download(made.text, made.name, made.type);
        menu.open = false;
      });
    });
    return b;
  });
  const menu = h('details', { class: 'export-data' }, summary, h('div', { class: 'export-data-menu' }, ...buttons));
  (header.querySelector('.pickers') ?? header).append(menu);
  const unsub = watch(
    store,
    (s) => [s.lang, s.analysis] as const,
    ([lang, a]) => {
      summary.textContent = t(lang, 'app-tools.data.menu');
      summary.title = t(lang, 'app-tools.data.menu-title');
      buttons.forEach((b, i) => {
        b.textContent = t(lang, `app-tools.data.${DATA_FORMATS[i]}`);
        b.title = t(lang, `app-tools.data.${DATA_FORMATS[i]}-title`);
        b.disabled = !a;
      });
    },
    (x, y) => x[0] === y[0] && x[1] === y[1],
  );
  return {
    destroy: () => {
      unsub();
      menu.remove();
    },
  };
}
