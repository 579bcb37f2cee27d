// A modest soak: hours of simulated traffic must not grow the engine's memory beyond its log.
// scripts/soak.ts measures the heap while the run goes (probe actions that force a GC and read
// it), takes away what the append-only log accounts for, and what is left must stay flat.
// The full day is `npx tsx scripts/soak.ts` (docs/performance.md).
import { describe, expect, it } from 'vitest';
import { soak } from '../../scripts/soak';

describe('soak', () => {
  it('keeps the working set flat over six simulated hours, besides the log', () => {
    const r = soak(20, 6, 1);
    expect(r.samples).toHaveLength(6);
    expect(r.entries).toBeGreaterThan(1000);
    // The log holds a bounded amount per entry …
    expect(r.bytesPerEntry).toBeGreaterThan(0);
    expect(r.bytesPerEntry).toBeLessThan(4000);
    // … and the rest does not grow after warm-up (GC noise is well under a megabyte).
    expect(Math.abs(r.growthAfterWarmupMB)).toBeLessThan(2);
  }, 180_000);
});
