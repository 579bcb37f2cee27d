// Procedures bound per nation, service or unit beside the one in force: who follows them, what the
// mirror does with them, units outside the navies, and "did not answer" as an account's fact.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { buildReport } from '../../src/core';
import { readText, ROOT } from '../../src/cli/files';
import { analyseText } from './helpers';
import { mirrorScenario, NATION_FIELDS, unmirroredNations } from '../../src/core/scenario/mirror';
import { guideFile } from './guide-example';

const FLYBY = join(ROOT, 'scenarios/jan-2019-flyby.yaml');

const run = (file: string, text: string, account?: string) => analyseText(file, text, account ? { account } : {});

const decidersOf = (a: ReturnType<typeof run>, prefix: string) =>
  new Set(a.run.log.flatMap((e) => (e.type === 'decision' && e.rule?.startsWith(prefix) ? [e.unit] : [])));

describe('a procedure bound by nation', () => {
  const flyby = readText(FLYBY);

  it("applies to that nation's units only: the Korean destroyer climbs the guideline's ladder, the Japanese aircraft never acts by it", () => {
    const a = run(FLYBY, flyby.text, 'rok');
    expect(decidersOf(a, 'rok-2019-guideline/')).toEqual(new Set(['ddg']));
    // Its rules keep their own procedure's id in the scorecard, beside CUES's.
    expect(a.compliance.map((c) => c.rule)).toEqual(expect.arrayContaining(['cues-2014/answer-calls', 'rok-2019-guideline/warn-call']));
  });

  it('binds nobody when no unit is of that nation', () => {
    const a = run(FLYBY, flyby.text.replace('    nations: [KR]\n', '    nations: [US]\n'), 'rok');
    expect(decidersOf(a, 'rok-2019-guideline/')).toEqual(new Set());
    expect(a.run.transmissions.some((t) => t.text.includes('LEAVE YOUR ROUTE'))).toBe(false);
  });

  it('is swapped by the mirror: the mirrored scenario binds it to the other flag, and the mirrored destroyer warns as the original did', () => {
    const doc = parse(flyby.text);
    expect(unmirroredNations(doc, 'scenario')).toEqual([]);
    const mirrored = mirrorScenario(doc) as { procedures: { nations: string[] }[] };
    expect(mirrored.procedures[0]!.nations).toEqual(['JP']);
    const m = run(FLYBY, stringify(mirrored), 'rok');
    const o = run(FLYBY, flyby.text, 'rok');
    expect(decidersOf(m, 'rok-2019-guideline/')).toEqual(new Set(['ddg']));
    expect(m.ladders.map((l) => l.steps.map((s) => [s.rule, s.status, s.taken]))).toEqual(
      o.ladders.map((l) => l.steps.map((s) => [s.rule, s.status, s.taken])),
    );
    // Left out of the mirror's fields, the binding would stay Korean and bind nobody in the mirror.
    const leaky = mirrorScenario(
      doc,
      undefined,
      NATION_FIELDS.scenario.filter((p) => p.join('.') !== 'procedures.[].nations.[]'),
    );
    expect(decidersOf(run(FLYBY, stringify(leaky), 'rok'), 'rok-2019-guideline/')).toEqual(new Set());
  });

  it('can be bound by one account alone', () => {
    const perAccount = flyby.text
      .replace(/procedures:\n {2}- procedure: rok-2019-guideline\n( {4}.*\n)+/, '')
      .replace('    side: KR\n', '    side: KR\n    procedures: [{ procedure: rok-2019-guideline, nations: [KR], services: [navy] }]\n');
    expect(perAccount).not.toMatch(/^procedures:/m);
    expect(decidersOf(run(FLYBY, perAccount, 'rok'), 'rok-2019-guideline/')).toEqual(new Set(['ddg']));
    expect(decidersOf(run(FLYBY, perAccount, 'jp'), 'rok-2019-guideline/')).toEqual(new Set());
  });
});

describe("the guide's coast guard cutter (9.6)", () => {
  const text = guideFile('cutter-answers.yaml');
  const file = 'my-scenarios/cutter-answers.yaml';

  it('answers by its own bound procedure under account a', () => {
    const r = buildReport(run(file, text, 'a'));
    const call = r.transmissions.find((t) => t.from === 'frigate' && t.to === 'cutter');
    expect(call?.recipients).toEqual([expect.objectContaining({ unit: 'cutter', reached: 'acted-on', failedAt: null })]);
    expect(r.compliance.find((c) => c.rule === 'coast-guard-basic/answer-calls')?.status).toBe('followed');
    expect(r.breakdowns.filter((b) => b.unit === 'cutter')).toEqual([]);
  });

  it('does not answer under account b, and the run blames the cutter for it, not the link', () => {
    const r = buildReport(run(file, text, 'b'));
    const omissions = r.breakdowns.filter((b) => b.kind === 'omission' && b.rule === 'coast-guard-basic/answer-calls');
    expect(omissions.length).toBeGreaterThan(0);
    expect(new Set(omissions.map((b) => b.unit))).toEqual(new Set(['cutter']));
    expect(r.breakdowns.filter((b) => b.kind === 'ladder' && b.unit === 'cutter').every((b) => b.stage === 'acknowledged')).toBe(true);
  });

  it('without the binding, CUES alone (naval units only) asks nothing of the cutter: silent, and nobody blamed for it', () => {
    const unbound = text.replace('procedures:\n  - procedure: coast-guard-basic\n    services: [coast-guard]\n', '');
    expect(unbound).not.toContain('coast-guard-basic');
    const r = buildReport(run(file, unbound, 'a'));
    expect(r.transmissions.some((t) => t.from === 'cutter' && t.kind === 'reply')).toBe(false);
    expect(r.breakdowns.filter((b) => b.kind === 'omission' && b.unit === 'cutter')).toEqual([]);
  });
});
