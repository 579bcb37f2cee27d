/**
 * What `check` writes keeps its order when stdout and stderr go to one pipe (`2>&1 | less`, a CI
 * log): a check of a large exercise prints more than a pipe holds, and a summary written to
 * stderr at once used to land in the middle of the warnings still queued for stdout.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, tempFile } from './helpers';

/** A valid exercise of `n` fishing boats, each warned about twice (no call signs; outside cues-2014). */
function manyWarnings(n: number): string {
  const boats = Array.from({ length: n }, (_, i) =>
    [
      `  - id: boat${i + 1}`,
      `    name: "Fishing boat ${i + 1}"`,
      `    nation: ${i % 2 ? 'JP' : 'KR'}`,
      '    kind: vessel',
      '    service: fishing',
      '    radios:',
      '      - { id: bridge, modulation: FM, channels: ["156.8"], tuned: "156.8" }',
      `    position: { lat: ${(36 + i / 1000).toFixed(3)}, lon: 132 }`,
    ].join('\n'),
  );
  return [
    'id: many-warnings',
    'title: "Many warnings"',
    'date: "2025-06-01"',
    'start: "2025-06-01T00:00:00+09:00"',
    'durationS: 60',
    'location: { name: "Test waters", lat: 36.1, lon: 132 }',
    'procedure: cues-2014',
    'units:',
    ...boats,
    '',
  ].join('\n');
}

describe('check, with stdout and stderr into one pipe', () => {
  it('prints its summary last, after every warning, even when the reader is slow', { timeout: 120_000 }, () => {
    const file = tempFile('many-warnings.yaml', manyWarnings(150));
    // The reader starts three seconds late, so the pipe is full while check still writes.
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check "${file}" 2>&1 | (sleep 3; cat)`], { encoding: 'utf8' });
    const lines = r.stdout.trimEnd().split('\n');
    expect(r.stdout.length).toBeGreaterThan(70_000);
    expect(lines.filter((l) => l.includes('file(s) checked'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^1 file\(s\) checked: 0 error\(s\), 300 warning\(s\)$/);
  });
});
