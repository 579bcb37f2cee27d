import { defineConfig } from 'vitest/config';
import { VitePWA } from 'vite-plugin-pwa';

// One file configures the app (vite) and the three test layers (vitest projects).
// Benchmarks belong to the `unit` project only; `dom` and `e2e` set an empty benchmark
// include, because vitest's default bench glob would otherwise make every project pick up
// the same *.bench.ts files (and `e2e` would build the app just to run them).
export default defineConfig({
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022', outDir: 'dist' },
  plugins: [
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
