/**
 * Issue 8: the app runs under a Content-Security-Policy without 'unsafe-eval'. zod 4 probes
 * `new Function('')` once to decide whether to compile its parsers; under the policy the probe is
 * refused (and reported as a violation) and zod falls back anyway. Saying "jitless" up front
 * skips the probe, so the only CSP reports are ones worth reading. zod decides when a schema is built,
 * so main.ts imports this first, before any module that defines a schema.
 */
import { z } from 'zod';

z.config({ jitless: true });
