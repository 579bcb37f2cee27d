// `npm run sim -- --format jsonl`: the run's log as JSON Lines, so emissions and detections are in
// machine-readable output (issue 14 item 10); `--log` adds the same entries to the JSON report.
import { describe, expect, it } from 'vitest';
import { cli, DEC_2018 } from './helpers';

describe('npm run sim --format jsonl', () => {
  const first = cli('sim', [DEC_2018, '--account', 'rok', '--format', 'jsonl']);
  const lines = first.stdout.trimEnd().split('\n');
  const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);

  it('every line parses; the first says which run it is', () => {
    expect(first.code).toBe(0);
    expect(first.stdout.endsWith('\n')).toBe(true);
    expect(rows[0]).toMatchObject({ kind: 'header', scenario: 'dec-2018-noto', account: 'rok', procedure: 'practice-2018', seed: 1 });
    expect(typeof rows[0]!['start']).toBe('string');
    expect(typeof rows[0]!['durationS']).toBe('number');
    expect(rows[0]!['entries']).toBe(rows.length - 1);
  });

  it('the entries follow in seq order, each with t, kind, unit and cause', () => {
    const seqs = rows.slice(1).map((r) => r['seq'] as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    for (const r of rows.slice(1)) {
      expect(typeof r['t']).toBe('number');
      expect(typeof r['kind']).toBe('string');
      expect('unit' in r).toBe(true);
      expect(r['cause']).toHaveProperty('kind');
    }
  });

  it("December 2018's emissions and detections are there: the ship's fire-control radar and the P-1's ESM", () => {
    const emissions = rows.filter((r) => r['kind'] === 'emission');
    const detections = rows.filter((r) => r['kind'] === 'detection');
    expect(emissions.some((r) => r['unit'] === 'ddg971' && r['emitterType'] === 'fire-control-radar')).toBe(true);
    expect(detections.some((r) => r['unit'] === 'p1')).toBe(true);
  });

  it('two runs write the same bytes', () => {
    expect(cli('sim', [DEC_2018, '--account', 'rok', '--format', 'jsonl']).stdout).toBe(first.stdout);
  });

  it('--log adds the same entries to the JSON report as `log`', () => {
    const withLog = JSON.parse(cli('sim', [DEC_2018, '--account', 'rok', '--format', 'json', '--log']).stdout);
    expect(withLog.log).toEqual(rows.slice(1));
    const without = JSON.parse(cli('sim', [DEC_2018, '--account', 'rok', '--format', 'json']).stdout);
    expect(without).not.toHaveProperty('log');
  });
});
