// Builds the app once and serves the production bundle for the e2e project.
// Runs in vitest's main process, once per run, only when e2e test files are selected.
import { build, preview, type PreviewServer } from 'vite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the preview server, e.g. "http://127.0.0.1:41234/". */
    baseURL: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = project.config.root;

  // vitest sets NODE_ENV=test in its main process and vite reads NODE_ENV before its own mode,
  // which would give a development bundle. The e2e tests must see what users get.
  // Each run builds into its own folder, so two test runs (or a run beside `npm run build`) never
  // overwrite each other's bundle.
  const outDir = mkdtempSync(join(tmpdir(), 'encounter-sim-e2e-'));
  const previousNodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (previousNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousNodeEnv;
  }

  // Port 0: the OS picks a free port; resolvedUrls reports it. appType 'mpa' turns off the
  // SPA fallback, so a missing file is a 404 the tests see instead of index.html.
  const server: PreviewServer = await preview({
    root,
    appType: 'mpa',
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('vite preview started but reported no local URL');
  }
  project.provide('baseURL', url);

  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
