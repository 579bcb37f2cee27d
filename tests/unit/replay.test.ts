// Seeking is a lookup: the replay at t agrees with the log up to t.
import { describe, expect, it } from 'vitest';
import { buildReplay } from '../../src/core/replay/replay';
import { analyse, DEC_2018 } from './helpers';

describe('replay', () => {
  const a = analyse(DEC_2018, { account: 'jp' });
  const replay = buildReplay(a);
  const frame = (t: number) => replay.frameAt(t);
  const unit = (t: number, id: string) => frame(t).units.find((u) => u.spec.id === id)!;

  it('shows the STIR transmitting at the P-1 only while the log says it was', () => {
    expect(unit(363, 'ddg971').emitters.find((e) => e.id === 'stir-aft')!.mode).toBe('off');
    expect(unit(380, 'ddg971').emitters.find((e) => e.id === 'stir-aft')).toMatchObject({ mode: 'track', target: 'p1' });
    expect(unit(420, 'ddg971').emitters.find((e) => e.id === 'stir-aft')!.mode).toBe('off');
  });

  it('gives each unit its machine state at the playhead', () => {
    expect(unit(380, 'p1').state['posture']).toBe('alerted');
    expect(unit(450, 'p1').state['posture']).toBe('observing');
    expect(unit(545, 'p1').state['comms']).toBe('calling');
  });

  it('puts the aircraft at its closest pass where the log says it was', () => {
    const pass = a.run.log.find((e) => e.type === 'proximity' && e.closest && e.unit === 'p1' && e.other === 'ddg971')!;
    const u = unit(pass.t, 'p1');
    expect(u.altM).toBeCloseTo(150, 0);
  });

  it('lists the transmissions of the last 45 s with their outcomes', () => {
    const call = a.run.transmissions.find((x) => x.channel === '121.5')!;
    const f = frame(call.t + 15);
    expect(f.transmissions.map((x) => x.tx.channel)).toContain('121.5');
    expect(f.transmissions.every((x) => x.ageS >= 0 && x.ageS <= 45)).toBe(true);
  });

  it('steps between events forwards and backwards', () => {
    const next = replay.nextEventTime(365)!;
    expect(next).toBeGreaterThan(365);
    expect(replay.previousEventTime(next)).toBeLessThan(next);
    expect(replay.entryIndexAt(next)).toBeGreaterThan(replay.entryIndexAt(365));
  });
});
