// Each stage of the delivery ladder, with a call made to fail exactly there.
import { describe, expect, it } from 'vitest';
import {
  answerStage,
  deliver,
  neededStage,
  DEFAULT_RADIO_ENVIRONMENT,
  receive,
  SPEAKING_TIME_S,
  type StationView,
  type RadioSetState,
  type LinkState,
} from '../../src/core/radio/ladder';
import type { Transmission } from '../../src/core/log';
import { createRandom } from '../../src/core/rng';
import { destination } from '../../src/core/geo';
import { analyse, DEMO } from './helpers';

const origin = { lat: 37.5, lon: 132.0 };

function set(over: Partial<RadioSetState> = {}): RadioSetState {
  return { id: 'bridge', modulation: 'FM', channels: ['156.8', '156.65'], tuned: ['156.8'], powered: true, monitored: true, powerW: 25, ...over };
}

function station(id: string, over: Partial<StationView> & { km?: number } = {}): StationView {
  const at = destination(origin, 90, (over.km ?? 0) * 1000);
  return {
    id,
    position: { ...at, altM: 25 },
    antennaHeightM: 25,
    sets: [set()],
    links: [],
    workload: 0.3,
    languages: { en: 0.8 },
    hearsAs: [],
    identity: { id, callSigns: [`SHIP ${id.toUpperCase()}`], generic: [] },
    knownStations: [],
    ...over,
  };
}

function call(to: string, over: Partial<Transmission> = {}): Transmission {
  return {
    id: 'tx-1',
    t: 0,
    from: 'a',
    to,
    channel: '156.8',
    kind: 'hail',
    addressee: `SHIP ${to.toUpperCase()}`,
    body: 'REQUEST YOUR INTENTIONS',
    text: '',
    language: 'en',
    safety: true,
    needsReply: true,
    needsAnswer: true,
    exchange: 'x1',
    attempt: 1,
    recipients: [to],
    ...over,
  };
}

const env = DEFAULT_RADIO_ENVIRONMENT;
const run = (tx: Transmission, from: StationView, to: StationView, links: LinkState[] = []) => deliver(tx, from, to, links, env, createRandom(1)).result;

describe('the delivery ladder', () => {
  it('reaches understood when everything is in order', () => {
    const r = run(call('b'), station('a'), station('b', { km: 5 }));
    expect(r).toMatchObject({ reached: 'understood', failedAt: null });
    expect(r.evidence.snrDb).toBeGreaterThan(40);
  });

  it("fails at transmitted when the originator's set for that channel is switched off", () => {
    const r = run(call('b'), station('a', { sets: [set({ powered: false })] }), station('b', { km: 5 }));
    expect(r).toMatchObject({ reached: null, failedAt: 'transmitted' });
    expect(r.cause).toMatch(/switched off/);
  });

  it('fails at in-range beyond the combined radio horizon, and says by how much', () => {
    // Two 25 m masts see each other to 2 × 11.15 nm ≈ 41.3 km.
    const r = run(call('b'), station('a'), station('b', { km: 45 }));
    expect(r).toMatchObject({ reached: 'transmitted', failedAt: 'in-range' });
    expect(r.evidence.horizonKm).toBeCloseTo(41.3, 0);
    expect(r.cause).toMatch(/radio horizon/);
    expect(run(call('b'), station('a'), station('b', { km: 40 })).failedAt).toBeNull();
  });

  it('fails at receivable when no set is tuned to the frequency', () => {
    const r = run(call('b'), station('a'), station('b', { km: 5, sets: [set({ tuned: ['156.65'] })] }));
    expect(r).toMatchObject({ reached: 'in-range', failedAt: 'receivable' });
    expect(r.cause).toMatch(/156\.8 MHz not set/);
  });

  it('fails at receivable on an AM/FM mismatch: a marine FM set cannot copy 121.5 AM', () => {
    const from = station('a', { sets: [set({ id: 'aero', modulation: 'AM', channels: ['121.5'], tuned: ['121.5'] })] });
    const to = station('b', { km: 5, sets: [set({ id: 'bridge', modulation: 'FM', channels: ['121.5', '156.8'], tuned: ['121.5'] })] });
    const r = run(call('b', { channel: '121.5' }), from, to);
    expect(r.failedAt).toBe('receivable');
    expect(r.cause).toMatch(/FM but 121\.5 MHz is AM/);
  });

  it('fails at receivable when the set is on but nobody listens', () => {
    const r = run(call('b'), station('a'), station('b', { km: 5, sets: [set({ monitored: false })] }));
    expect(r.failedAt).toBe('receivable');
    expect(r.cause).toMatch(/nobody was listening/);
  });

  it('fails at heard when local noise buries the signal', () => {
    const r = run(call('b'), station('a'), station('b', { km: 5, sets: [set({ noiseDb: -40 })] }));
    expect(r).toMatchObject({ reached: 'receivable', failedAt: 'heard' });
    expect(r.evidence.snrDb!).toBeLessThan(env.requiredSnrDb);
  });

  it('fails at heard when a saturated operator misses the call', () => {
    const r = run(call('b'), station('a'), station('b', { km: 5, workload: 1 }));
    // At full load the chance of missing is 80 %; seed 1 misses, and the cause says why.
    expect(r.failedAt).toBe('heard');
    expect(r.cause).toMatch(/busy/);
  });

  it('fails at understood when a poor copy makes the call sound like someone else\'s ("KOREA COAST")', () => {
    const to = station('ddg', {
      km: 8,
      sets: [set({ noiseDb: -68 })],
      identity: { id: 'ddg', callSigns: ['971', 'GWANGGAETO THE GREAT'] },
      hearsAs: [{ said: 'SOUTH', heard: 'COAST' }],
      knownStations: [{ id: 'sambong', callSigns: ['KOREA COAST GUARD 5001'] }],
    });
    const r = run(call('ddg', { addressee: 'KOREA SOUTH NAVAL SHIP, HULL NUMBER 971' }), station('p1'), to);
    expect(r).toMatchObject({ reached: 'heard', failedAt: 'understood', heardAs: 'KOREA COAST' });
    expect(r.evidence.judgedFor).toBe('sambong');
  });

  it('the same call copied clearly is understood: the hull number comes through', () => {
    const to = station('ddg', {
      km: 8,
      identity: { id: 'ddg', callSigns: ['971'] },
      hearsAs: [{ said: 'SOUTH', heard: 'COAST' }],
      knownStations: [{ id: 'sambong', callSigns: ['KOREA COAST GUARD 5001'] }],
    });
    const r = run(call('ddg', { addressee: 'KOREA SOUTH NAVAL SHIP, HULL NUMBER 971' }), station('p1'), to);
    expect(r.failedAt).toBeNull();
    expect(r.heardAs).toBeUndefined();
  });

  it('fails at understood when the operator has too little English to make out who is called', () => {
    const r = run(call('b', { addressee: 'REPUBLIC OF KOREA NAVY SHIP, SHIP B' }), station('a'), station('b', { km: 5, languages: { en: 0.1 } }));
    expect(r.failedAt).toBe('understood');
    expect(r.evidence.proficiency).toBe(0.1);
  });

  it('applies the ladder to links: a link that is down fails at in-range', () => {
    const link: LinkState = { id: 'sat', name: 'satellite link', members: ['a', 'b'], available: false, latencyS: 5, language: 'en' };
    const r = run(call('b', { channel: 'sat' }), station('a'), station('b'), [link]);
    expect(r).toMatchObject({ failedAt: 'in-range' });
    expect(run(call('b', { channel: 'sat' }), station('a'), station('b'), [{ ...link, available: true }]).failedAt).toBeNull();
  });
});

describe('who a call reaches, and when', () => {
  const got = (tx: Transmission, to: StationView, links: LinkState[] = []) => receive(tx, station('a'), to, links, env, createRandom(1));

  it('a call to all stations has no verdict at a unit out of range: it was never one of its recipients', () => {
    expect(got(call('all', { addressee: 'ALL STATIONS', recipients: ['b'] }), station('b', { km: 45 }))).toBeNull();
    expect(got(call('all', { addressee: 'ALL STATIONS', recipients: ['b'] }), station('b', { km: 5 }))?.result.reached).toBe('understood');
  });

  it('a call to one unit out of range is logged there as failing at in-range', () => {
    expect(got(call('b'), station('b', { km: 45 }))?.result).toMatchObject({ reached: 'transmitted', failedAt: 'in-range' });
  });

  it("a radio call is had when the speaker stops; a link message after the link's delay", () => {
    expect(got(call('b'), station('b', { km: 5 }))?.afterS).toBe(SPEAKING_TIME_S);
    const link: LinkState = { id: 'sat', name: 'satellite link', members: ['a', 'b'], available: true, latencyS: 30, language: 'en' };
    expect(got(call('b', { channel: 'sat' }), station('b'), [link])).toMatchObject({ afterS: 30, result: { failedAt: null } });
  });
});

describe('acknowledged and acted-on, settled by what the recipient does', () => {
  it('a message needs understood when it asks no reply, acted-on when the reply must answer it, else acknowledged', () => {
    expect(neededStage(call('b', { needsReply: false, needsAnswer: false }))).toBe('understood');
    expect(neededStage(call('b', { needsReply: true, needsAnswer: false }))).toBe('acknowledged');
    expect(neededStage(call('b', { needsReply: true, needsAnswer: true }))).toBe('acted-on');
    expect(answerStage({ answers: true })).toBe('acted-on');
    expect(answerStage({})).toBe('acknowledged');
  });

  const a = analyse(DEMO);
  const outcome = (to: string) => a.outcomes.find((o) => o.unit === to && o.tx.kind === 'hail' && o.tx.channel === '156.8')!;

  it('fails at acknowledged when the reply is lost on the way back, and says where it was lost', () => {
    const o = outcome('kr-lost-reply');
    expect(o).toMatchObject({ reached: 'understood', failedAt: 'acknowledged' });
    expect(o.cause).toMatch(/reply did not get through: failed at receivable/);
  });

  it('fails at acted-on when the recipient only says "received"', () => {
    expect(outcome('kr-helo')).toMatchObject({ reached: 'acknowledged', failedAt: 'acted-on' });
  });

  it('climbs to acted-on when the recipient answers what was asked', () => {
    expect(outcome('kr-good')).toMatchObject({ reached: 'acted-on', failedAt: null });
  });

  it('the demonstration scenario shows every stage as a breakdown at least once', () => {
    const stages = new Set(a.breakdowns.filter((b) => b.kind === 'ladder').map((b) => b.stage));
    expect([...stages].sort()).toEqual(['acknowledged', 'acted-on', 'heard', 'in-range', 'receivable', 'transmitted', 'understood'].sort());
  });
});
