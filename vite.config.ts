import { defineConfig } from 'vitest/config';
import { VitePWA } from 'vite-plugin-pwa';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { catalogsByLang } from './scripts/build-cli.mjs';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const MESSAGES = 'virtual:encounter-sim/messages/';

/**
 * Issue 8 (JavaScript before the plot's first frame): the built app and its workers get
 * src/i18n/catalog-web.ts in place of ./catalog.ts, with each language's messages as a module of
 * their own (all areas but the command line's), so a page loads English and the reader's language
 * only. The dev server and the tests keep every catalog at hand (./catalog.ts).
 */
function catalogPerLanguage(): Plugin {
  let byLang: Promise<Record<string, Record<string, string>>> | null = null;
  const messagesOf = async (lang: string) => {
    byLang ??= catalogsByLang(ROOT).then(({ byLang: areas }) => {
      const out: Record<string, Record<string, string>> = {};
      for (const [l, byArea] of Object.entries(areas)) {
        const { cli: _cli, ...shown } = byArea;
        out[l] = Object.assign({}, ...Object.values(shown)) as Record<string, string>;
      }
      return out;
    });
    const m = (await byLang)[lang];
    if (!m) throw new Error(`no messages in ${lang}`);
    return m;
  };
  return {
    name: 'encounter-sim-catalog-per-language',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.startsWith(MESSAGES)) return `\0${source}`;
      if (source === './catalog' && importer && /[\\/]src[\\/]i18n[\\/][^\\/]+\.ts$/.test(importer)) return join(ROOT, 'src/i18n/catalog-web.ts');
      return null;
    },
    async load(id) {
      if (!id.startsWith(`\0${MESSAGES}`)) return null;
      // JSON.parse of one string literal: quicker for the browser to read than an object literal this size.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(await messagesOf(id.slice(MESSAGES.length + 1))))});`;
    },
  };
}

// One file configures the app (vite) and the three test layers (vitest projects).
// Benchmarks belong to the `unit` project only; `dom` and `e2e` set an empty benchmark
// include, because vitest's default bench glob would otherwise make every project pick up
// the same *.bench.ts files (and `e2e` would build the app just to run them).
export default defineConfig({
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022', outDir: 'dist' },
  worker: { format: 'es', plugins: () => [catalogPerLanguage()] },
  plugins: [
    catalogPerLanguage(),
    // Offline use (src/app/offline.ts registers it): a web app manifest, and a service worker that
    // precaches every file the build makes, so the app installs and runs with no network.
    VitePWA({
      injectRegister: null,
      registerType: 'autoUpdate',
      includeAssets: ['favicon.svg', 'zod-jitless.js'],
      manifest: {
        name: 'encounter-sim — peacetime encounters at sea',
        short_name: 'encounter-sim',
        description: 'Replays encounters at sea between JMSDF and ROK Navy units and shows where communication broke down.',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#0a1119',
        theme_color: '#0a1119',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,json,webmanifest}'],
        // The detailed coastline and the editor are the largest files (under 1 MB each).
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          // Some unit tests start the command line as a child process; on a loaded 2-core machine
          // that can take seconds. Speed is measured in benchmarks, not by timeouts.
          testTimeout: 30_000,
          include: ['tests/unit/**/*.test.ts'],
          benchmark: { include: ['tests/bench/**/*.bench.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          // Each DOM test runs the engine for the whole scenario; a loaded machine needs headroom.
          testTimeout: 30_000,
          include: ['tests/dom/**/*.test.ts'],
          benchmark: { include: [] },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          benchmark: { include: [] },
        },
      },
    ],
  },
});
