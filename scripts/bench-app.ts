/**
 * The built app served on 127.0.0.1 for the Chromium benchmarks (bench-browser.ts, bench-log.ts):
 * vite's production build of `root` into a temporary folder, served with `preview()` on a free
 * port, as tests/e2e/global-setup.ts does for the e2e tests.
 */
import { build, preview, type PreviewServer } from 'vite';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg } from './bench-measure.ts';

/** This repository's folder. */
export const THIS_CHECKOUT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The checkout to build: this one, or another given with `--root <repo>` (the code before a change). */
export const benchRoot = (): string => resolve(arg('root', THIS_CHECKOUT));

export interface ServedApp {
  outDir: string;
  server: PreviewServer;
  url: string;
}

/** `manifest` also writes vite's manifest (bench-browser reads which chunk is which from it). */
export async function buildAndServe(root: string, opts: { prefix: string; manifest?: boolean }): Promise<ServedApp> {
  const outDir = mkdtempSync(join(tmpdir(), opts.prefix));
  // vite reads NODE_ENV before its mode; the bench must measure what users get.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: opts.manifest ?? false },
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  const server = await preview({
    root,
    configFile: join(root, 'vite.config.ts'),
    appType: 'mpa',
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview reported no local URL');
  return { outDir, server, url };
}
