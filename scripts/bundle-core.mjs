// The core bundled as one ES module for a bench that imports it (bench-cli's first call,
// bench-phases-against's pairing): esbuild over `contents`, a few lines of TypeScript exporting
// from ./src of `root`, written to `out`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export async function bundleCore(root, contents, out) {
  const { build } = await import('esbuild');
  const r = await build({
    absWorkingDir: root,
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire as __benchRequire } from 'node:module';\nconst require = __benchRequire(import.meta.url);" },
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, r.outputFiles[0].contents);
}
