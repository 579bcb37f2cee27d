// Runs before the app's modules (a classic script, listed before them in index.html). The
// Content-Security-Policy has no 'unsafe-eval'; zod probes `new Function('')` to decide whether to
// compile its parsers unless told it is jitless, and the refused probe is reported as a violation.
// The app's code is split into chunks loaded in parallel, and the chunk with zod and the schemas
// can run before any of the app's own modules, so the setting is made here, where zod looks for it
// (zod 4 keeps its configuration on globalThis.__zod_globalConfig). src/app/csp.ts says it
// again through z.config for any other way of loading the app.
(globalThis.__zod_globalConfig = globalThis.__zod_globalConfig || {}).jitless = true;
