// Step mode's "required next", for every unit of December 2018 under each shipped procedure.
import { describe, expect, it } from 'vitest';
import { requiredNext } from '../../src/core/drill/required-next';
import { analyse, DEC_2018 } from './helpers';

const procedures = ['practice-2018', 'cues-2014', 'jp-rok-2024'];

describe.each(procedures)('required next under %s', (procedure) => {
  for (const account of ['jp', 'rok']) {
    const a = analyse(DEC_2018, { account, procedure });
    const ruleIds = new Set(a.run.scenario.procedure.rules.map((r) => r.qid));

    it(`${account}: names only rules of the procedure, for every unit at every event`, () => {
      for (const u of a.run.scenario.units) {
        for (const t of [0, 100, 364, 400, 545, 700, 1100]) {
          const r = requiredNext(a, u.id, t);
          for (const item of r.items) if (item.rule) expect(ruleIds.has(item.rule), `${u.id} @${t}: ${item.rule}`).toBe(true);
        }
      }
    });

    it(`${account}: the coast-guard ship and the fishing boat are not bound by the procedure`, () => {
      for (const id of ['sambong', 'nk-boat']) {
        const r = requiredNext(a, id, 100);
        expect(r.items).toHaveLength(1);
        expect(r.items[0]!.text).toMatch(/not bound/);
      }
    });

    it(`${account}: while the aircraft's call waits for an answer, it must wait and then call on the next planned channel`, () => {
      const first = a.run.transmissions.find((t) => t.from === 'p1' && t.kind === 'hail')!;
      const r = requiredNext(a, 'p1', first.t + 1);
      const now = r.items.filter((i) => i.now);
      const answered = a.run.log.some((e) => e.type === 'answered' && e.tx === first.id);
      if (!answered) {
        expect(now[0]!.rule).toBe(first.rule);
        expect(now[0]!.text).toMatch(
          new RegExp(`call again on ${a.run.transmissions.filter((t) => t.exchange === first.exchange)[1]?.channel ?? '\\S+'}|Last call made`),
        );
      }
    });

    it(`${account}: once the ship has understood a call, the procedure's reply rule is due now`, () => {
      const rec = a.run.log.find(
        (e) =>
          e.type === 'reception' &&
          e.result.unit === 'ddg971' &&
          e.result.reached === 'understood' &&
          a.run.transmissions.find((t) => t.id === e.tx)!.needsReply,
      );
      if (!rec) return expect(account).toBe('rok'); // under the ROK account as practised, no call is understood
      const r = requiredNext(a, 'ddg971', rec.t);
      const due = r.items.find((i) => i.now && /^Answer p1's call/.test(i.text));
      expect(due).toBeDefined();
      expect(a.run.scenario.procedure.rules.find((x) => x.qid === due!.rule)!.type).toBe('reply');
      if (procedure === 'practice-2018') expect(due!.text).toMatch(/in practice ddg971 did not/);
    });

    it(`${account}: headquarters must contact the other side when a unit reports, where the procedure says so`, () => {
      const r = requiredNext(a, 'jmsdf-hq', 0);
      const hq = a.run.scenario.procedure.rules.find((x) => x.type === 'hq-contact');
      if (hq) expect(r.items.some((i) => i.rule === hq.qid && /If a unit reports to you/.test(i.text))).toBe(true);
      else expect(r.items.every((i) => !/other side's headquarters/.test(i.text))).toBe(true);
    });
  }
});
