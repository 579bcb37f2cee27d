// The core's source bundled by esbuild as one ES module: for a bench that imports it (bench-cli's
// first call, bench-phases-against's pairing, run-bundled) and for the build, which runs parts of
// the source once to write what the command line reads (build-cli.mjs's catalogs and caches).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** esbuild over `contents`, a few lines of TypeScript exporting from ./src of `root`: the module's text and the files it took in. */
export async function bundleSource(root, contents) {
  const { build } = await import('esbuild');
  const r = await build({
    absWorkingDir: root,
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  return { text: r.outputFiles[0].text, inputs: Object.keys(r.metafile.inputs) };
}

/** The bundle written to `out`, with a `require` for the CommonJS packages it takes in. */
export async function bundleCore(root, contents, out) {
  const { text } = await bundleSource(root, contents);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `import { createRequire as __benchRequire } from 'node:module';\nconst require = __benchRequire(import.meta.url);\n${text}`);
}
