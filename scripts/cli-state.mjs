// scripts/cli-state.cjs for ES modules (build-cli.mjs, the tests); the launcher, bin/encounter-sim.js,
// is CommonJS and requires the .cjs itself.
export { OUT_DIR, OUTPUTS, MANIFEST, CODE_CACHE_SUFFIX, hashOf, staleReason, builtState, writeManifest, runCached } from './cli-state.cjs';
