// A new procedure file changes how units behave, with no code change.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT } from '../../src/cli/files';
import { report, tempFile, DEC_2018 } from './helpers';

const UHF_FIRST = `
id: uhf-first
title: Test procedure that calls on UHF guard first
extends: ${join(ROOT, 'procedures/jp-rok-2024.yaml')}
parameters:
  channelPriority:
    value: ["243.0", "156.8", "121.5"]
    known: false
    label: test order
hailing:
  channels: priority
  callsPerChannel: 2
  attempts: 4
  intervalS: 60
  laterIntervalS: 60
  replyTimeoutS: 50
`;

describe('procedures are data', () => {
  it('a priority list that starts with 243.0 makes the aircraft call on 243.0 first, twice per channel', () => {
    const path = tempFile('uhf-first.yaml', UHF_FIRST);
    const r = report(DEC_2018, { account: 'rok', procedure: path });
    const calls = r.transmissions.filter((t) => t.from === 'p1' && t.kind === 'hail');
    expect(r.procedure).toBe('uhf-first');
    // Under the ROK account the UHF set is noisy: both calls there fail, then Ch 16 is tried.
    expect(calls.map((c) => c.channel).slice(0, 3)).toEqual(['243.0', '243.0', '156.8']);
    expect(calls[0]!.recipients[0]!.failedAt).toBe('heard');
  });

  it('removing the reply duty from a procedure silences the ship', () => {
    const path = tempFile(
      'no-reply.yaml',
      `
id: no-reply
title: Test procedure without any reply duty
extends: ${join(ROOT, 'procedures/jp-rok-2024.yaml')}
remove: [answer-calls, respond-actively]
`,
    );
    const r = report(DEC_2018, { account: 'jp', procedure: path });
    expect(r.transmissions.some((t) => t.from === 'ddg971' && t.kind === 'reply')).toBe(false);
    const first = r.transmissions.find((t) => t.from === 'p1' && t.kind === 'hail')!;
    expect(first.recipients[0]!.failedAt).toBe('acknowledged');
  });
});
