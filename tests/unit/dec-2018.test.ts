// December 2018 under each account and procedure: what issue #3 says a trainer must see.
import { describe, expect, it } from 'vitest';
import { analyse, report, DEC_2018 } from './helpers';

const hailsToShip = (r: ReturnType<typeof report>) => r.transmissions.filter((t) => t.from === 'p1' && t.to === 'ddg971' && t.kind === 'hail');

describe('December 2018, ROK account, as practised', () => {
  const r = report(DEC_2018, { account: 'rok', procedure: 'practice-2018' });
  const calls = hailsToShip(r);

  it('makes three calls on three frequencies in the order the brief gives (121.5, 156.8, 243)', () => {
    expect(calls.map((c) => c.channel)).toEqual(['121.5', '156.8', '243.0']);
    // The doubled call-up of the released audio [S19], with MOD's "KOREA SOUTH" [S12].
    for (const c of calls)
      expect(c.text).toMatch(/^KOREA SOUTH NAVAL SHIP, KOREA SOUTH NAVAL SHIP, HULL NUMBER 971, HULL NUMBER 971, THIS IS JAPAN NAVY, THIS IS JAPAN NAVY\. /);
  });

  it('reports to headquarters by satellite before the first call, in the third person', () => {
    const report = r.transmissions.find((t) => t.from === 'p1' && t.kind === 'report')!;
    expect(report.t).toBeLessThan(calls[0]!.t);
    expect(report.text).not.toMatch(/YOUR FIRE-CONTROL/);
    expect(report.text).toMatch(/FIRE-CONTROL RADAR FROM GWANGGAETO THE GREAT/);
  });

  it('loses one at receivable (not set), one as "KOREA COAST" before understood, the faint one at heard', () => {
    const at = calls.map((c) => c.recipients[0]!);
    expect(at.map((x) => x.failedAt)).toEqual(['receivable', 'understood', 'heard']);
    expect(at[1]!.heardAs).toBe('KOREA COAST');
    expect(at[0]!.heardAs).toBeUndefined();
  });

  it("records the ship's missing call to the aircraft as an omission", () => {
    const om = r.breakdowns.filter((b) => b.kind === 'omission' && b.unit === 'ddg971');
    expect(om.map((b) => b.rule)).toContain('cues-2014/state-intentions');
    expect(om.every((b) => b.transmission === null && b.stage === null)).toBe(true);
  });

  it('has no fire-control violation: the STIR was slewed, not transmitting', () => {
    expect(r.breakdowns.filter((b) => b.rule === 'cues-2014/avoid-fire-control-radar')).toHaveLength(0);
    expect(r.compliance.find((c) => c.rule === 'cues-2014/avoid-fire-control-radar')!.status).toBe('followed');
  });

  it('judges no pass by the ROK guideline of January 2019: it was not yet in force', () => {
    const v = r.breakdowns.filter((b) => b.rule === 'cues-2014/safe-distance');
    expect(v.filter((b) => /rok-guideline-2019/.test(`${b.cause} ${b.explanation}`))).toEqual([]);
  });

  it('judges no conduct towards the coast-guard ship: CUES covers naval ships and aircraft', () => {
    expect(r.breakdowns.filter((b) => b.kind === 'violation' && /Sambong/.test(b.explanation))).toEqual([]);
  });
});

describe('December 2018, Japanese account, as practised', () => {
  const r = report(DEC_2018, { account: 'jp', procedure: 'practice-2018' });

  it('has the calls heard and understood, and the breakdown at acknowledged', () => {
    const calls = hailsToShip(r);
    expect(calls).toHaveLength(3);
    for (const c of calls) expect(c.recipients[0]).toMatchObject({ reached: 'understood', failedAt: 'acknowledged' });
  });

  it('makes the fire-control emission a violation of CUES 2.8 (a)', () => {
    const v = r.breakdowns.filter((b) => b.kind === 'violation' && b.rule === 'cues-2014/avoid-fire-control-radar');
    expect(v.length).toBe(2); // the two detections, about three minutes apart
    expect(v.every((b) => b.unit === 'ddg971')).toBe(true);
  });

  it('explains the silence with the rule the ship did not follow', () => {
    const ack = r.breakdowns.filter((b) => b.stage === 'acknowledged');
    expect(ack.every((b) => /cues-2014\/answer-calls/.test(b.explanation))).toBe(true);
  });

  it('faults nobody for headquarters not talking: no such rule was in force in 2018', () => {
    expect(r.breakdowns.filter((b) => /headquarters-contact/.test(b.rule ?? ''))).toEqual([]);
    expect(r.transmissions.filter((t) => t.from === 'jmsdf-hq' || t.from === 'rokn-hq')).toEqual([]);
  });
});

describe('December 2018 under the 2024 Japan–ROK document, same physics', () => {
  for (const account of ['rok', 'jp'] as const) {
    describe(`${account} account`, () => {
      const r = report(DEC_2018, { account, procedure: 'jp-rok-2024' });
      const calls = hailsToShip(r);

      it("calls in the procedure's priority order, starting with its first channel", () => {
        expect(calls[0]!.channel).toBe('121.5');
        expect(calls[0]!.text).toMatch(/^GWANGGAETO THE GREAT, HULL NUMBER 971/);
      });

      it('the ship answers and the exchange completes', () => {
        expect(calls[0]!.recipients[0]).toMatchObject({ reached: 'acted-on', failedAt: null });
        const reply = r.transmissions.find((t) => t.from === 'ddg971' && t.to === 'p1' && /RECEIVED, UNDERSTOOD/.test(t.text));
        expect(reply).toBeDefined();
        expect(r.summary.exchangesCompleted).toBeGreaterThan(0);
      });

      it('the scorecard shows 2024 items 3 and 4 followed', () => {
        const line = (rule: string) => r.compliance.find((c) => c.rule === rule)!;
        expect(line('jp-rok-2024/guard-frequencies').status).toBe('followed');
        expect(line('jp-rok-2024/respond-actively').status).toBe('followed');
        expect(line('jp-rok-2024/headquarters-contact').status).toBe('followed');
      });

      it('every remaining breakdown has an explanation', () => {
        for (const b of r.breakdowns) expect(b.explanation.length).toBeGreaterThan(40);
        expect(r.breakdowns.filter((b) => b.kind === 'ladder' && b.unit === 'ddg971')).toHaveLength(0);
      });
    });
  }

  it('under the ROK account, the 121.5 call gets through because the ship now guards 121.5 (item 3)', () => {
    const a = analyse(DEC_2018, { account: 'rok', procedure: 'jp-rok-2024' });
    const retune = a.run.log.find((e) => e.type === 'radio-set' && e.unit === 'ddg971' && e.radio === 'aero-vhf' && e.cause.kind === 'rule');
    expect(retune).toMatchObject({ tuned: ['123.1', '121.5'] });
  });
});

describe('accounts', () => {
  it("the default run (no --account) uses the scenario's neutral values where they exist, and names the account used", () => {
    const r = report(DEC_2018);
    expect(r.account).toBe('jp'); // no neutral value for the disputed radar: the first account stands, and says so
  });
});
