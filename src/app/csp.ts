/**
 * Issue 8: the app runs under a Content-Security-Policy without 'unsafe-eval'. zod 4 probes
 * `new Function('')` once to decide whether to compile its parsers; under the policy the probe is
 * refused (and reported as a violation) and zod falls back anyway. Saying "jitless" up front
 * skips the probe, so the only CSP reports are ones worth reading. zod decides when a schema is built,
 * so main.ts imports this first, before any module that defines a schema. In the built app the
 * chunk holding zod and the schemas can run before this module (the code is split into chunks
 * since issue 8's bundle work), so public/zod-jitless.js, a classic script index.html runs before
 * any module, makes the same setting first.
 */
import { z } from 'zod';

z.config({ jitless: true });
