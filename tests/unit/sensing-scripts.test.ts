/**
 * A script action waiting for a radar an ESM receiver picks up fires at that detection. Sensing
 * offers the script a radar-detected event only for receivers some action waits on (most
 * detections have none), so an action naming its receiver, or none, must still be set off.
 */
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/cli/files';
import type { LogEntry } from '../../src/core';
import type { EntryOf } from '../../src/core/log';
import { analyseText, DEC_2018 } from './helpers';

const scenario = readText(DEC_2018);

function logWith(action: string): LogEntry[] {
  return analyseText(scenario.file, `${scenario.text}\n  - ${action}\n`).run.log;
}

const firstSearchRadarSeen = (log: LogEntry[]) =>
  log.find((e): e is EntryOf<'detection'> => e.type === 'detection' && e.on && e.classifiedAs === 'search-radar');

describe('script actions waiting for a radar detected', () => {
  const plain = logWith('{ id: unrelated, unit: ddg971, at: 1, do: judge, threatening: false }');
  const seen = firstSearchRadarSeen(plain);

  it('the scenario has a search radar picked up by ESM', () => {
    expect(seen).toBeDefined();
  });

  it('fires for the receiver it names, at its first detection', () => {
    const receiver = seen!.unit;
    const log = logWith(`{ id: heard, unit: ${receiver}, do: judge, threatening: true, on: { event: radar-detected, unit: ${receiver} } }`);
    const fired = log.find((e) => e.type === 'note' && e.cause.kind === 'script' && e.cause.ref === 'heard');
    const first = log.find((e) => e.type === 'detection' && e.unit === receiver && e.on && e.classifiedAs === 'search-radar');
    expect(fired?.t).toBe(first?.t);
  });

  it('fires for any receiver when it names none', () => {
    const log = logWith(`{ id: heard-any, unit: ddg971, do: judge, threatening: true, on: { event: radar-detected } }`);
    const fired = log.find((e) => e.type === 'note' && e.cause.kind === 'script' && e.cause.ref === 'heard-any');
    expect(fired?.t).toBe(firstSearchRadarSeen(log)?.t);
  });
});
