import { describe, expect, test } from 'vitest';
import { createAppStore } from '../../src/app/store';
import { isLost, sequenceModel, toMermaid } from '../../src/app/sequence-model';
import type { Analysis } from '../../src/core/analysis/report';

function analysisOf(procedure?: string): Analysis {
  const store = createAppStore({ scenario: 'dec-2018-noto', account: 'rok', ...(procedure ? { procedure } : {}) });
  const a = store.getState().analysis;
  if (!a)
    throw new Error(
      store
        .getState()
        .diagnostics.map((d) => d.message)
        .join('\n'),
    );
  return a;
}

const messageLines = (text: string) => text.split('\n').filter((l) => /^\s+\S+(-x|->>)\S+: /.test(l));

describe('toMermaid', () => {
  test('December 2018 under the ROK account: three lost hails and one report that got through', () => {
    const text = toMermaid(analysisOf());
    const lines = text.split('\n');
    expect(lines[0]).toBe('sequenceDiagram');
    expect(lines[1]).toMatch(/^ {4}title 20 December 2018: DDG 971 and a JMSDF P-1 — account rok, procedure practice-2018$/);
    expect(lines.filter((l) => l.trim().startsWith('participant'))).toEqual([
      '    participant p1 as JMSDF P-1',
      '    participant ddg971 as Gwanggaeto the Great',
      '    participant jmsdf_hq as JMSDF headquarters (Fleet Air Wing 4 → Self Defense Fleet)',
    ]);
    expect(messageLines(text)).toEqual([
      '    p1->>jmsdf_hq: 15:02:50 tx-1 on jp-satcom (report): ✓ understood',
      '    p1-xddg971: 15:03:50 tx-2 on 121.5 (hail): ✗ receivable',
      '    p1-xddg971: 15:04:50 tx-3 on 156.8 (hail, attempt 2): ✗ understood (heard as "KOREA COAST")',
      '    p1-xddg971: 15:05:50 tx-4 on 243.0 (hail, attempt 3): ✗ heard',
    ]);
    expect(text.endsWith('\n')).toBe(true);
  });

  test('under the 2024 procedure every call is delivered: no crosses, and lines in time order', () => {
    const a = analysisOf('jp-rok-2024');
    const text = toMermaid(a);
    const lines = messageLines(text);
    expect(lines).toHaveLength(a.run.transmissions.length);
    expect(text).not.toContain('-x');
    const times = lines.map((l) => /: (\d\d:\d\d:\d\d) /.exec(l)![1]!);
    expect([...times].sort()).toEqual(times);
    expect(text).toContain('participant rokn_hq as ROK Navy headquarters (Naval Operations Command)');
    expect(text).toMatch(/jmsdf_hq->>rokn_hq: \d\d:\d\d:\d\d tx-\d+ on hq-channel \(hq-contact\): ✓ acted-on/);
  });

  test('text that Mermaid would read as syntax is neutralised', () => {
    const a = analysisOf();
    const tx = a.run.transmissions.find((x) => x.kind === 'hail')!; // a lost call: its arrow (-x) has no '>'
    const unit = a.run.scenario.units.find((u) => u.id === 'p1')!;
    const hostile: Analysis = {
      ...a,
      run: {
        ...a.run,
        scenario: { ...a.run.scenario, units: a.run.scenario.units.map((u) => (u === unit ? { ...u, name: 'P-1; end\nparticipant evil #9 <b>' } : u)) },
        transmissions: [{ ...tx, channel: '121.5;note' }],
      },
    };
    const text = toMermaid(hostile);
    expect(text).toContain('    participant p1 as P-1, end participant evil no.9 b');
    expect(text).not.toMatch(/[;<>#]/);
    expect(text.split('\n').filter((l) => l.includes('participant evil'))).toHaveLength(1);
  });
});

describe('sequenceModel', () => {
  test('lifelines are the units that called or were called, in scenario order', () => {
    const m = sequenceModel(analysisOf());
    expect(m.participants.map((p) => p.id)).toEqual(['p1', 'ddg971', 'jmsdf-hq']);
    expect(m.messages.map((x) => [x.tx, x.deliveries.map((d) => d.failedAt)])).toEqual([
      ['tx-1', [null]],
      ['tx-2', ['receivable']],
      ['tx-3', ['understood']],
      ['tx-4', ['heard']],
    ]);
    expect(m.messages.every((x) => x.deliveries.every((d) => d.lost === (d.failedAt !== null)))).toBe(true);
  });

  test('a call is lost when it died before acknowledged; a missing answer is not a lost call', () => {
    expect(isLost('receivable')).toBe(true);
    expect(isLost('understood')).toBe(true);
    expect(isLost('acknowledged')).toBe(false);
    expect(isLost('acted-on')).toBe(false);
    expect(isLost(null)).toBe(false);
  });
});
