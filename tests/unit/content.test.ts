// Message content (issue 14, item 1): a procedure says what a message of a kind must contain, and a
// message that falls short fails at acted-on for its recipients, held against the sender. The
// expectations are read from the run (who sent the notice, which rule is the content rule), not
// written in as ids.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/files';
import { buildReport, type Analysis } from '../../src/core';
import { contentVerdicts, purposeOf } from '../../src/core/content/check';
import { analyse } from './helpers';
import { guideFile } from './guide-example';
import { formatText } from '../../src/core/format/text';

const SCENARIO = join(ROOT, 'scenarios/notice-without-area.yaml');
const PROCEDURE = join(ROOT, 'scenarios/procedures/notice-content.yaml');

const notices = (a: Analysis) => a.run.transmissions.filter((tx) => purposeOf(tx, a.run.scenario.procedure) === 'notice');
const contentRules = (a: Analysis) => a.run.scenario.procedure.rules.filter((r) => r.type === 'content');

describe('a notice that names no area (notice-without-area)', () => {
  for (const account of [null, 'recipient']) {
    it(`fails at acted-on, held against the sender, not the recipient (${account ?? 'no account'})`, () => {
      const a = analyse(SCENARIO, { account });
      const [notice] = notices(a);
      expect(notice).toBeDefined();
      expect(notice!.content?.area).toBeUndefined();
      const recipient = notice!.recipients[0]!;
      // The recipient had it and acknowledged: the link is not what failed.
      const outcome = a.outcomes.find((o) => o.tx.id === notice!.id && o.unit === recipient)!;
      expect(outcome.reached === 'acknowledged' || outcome.reached === 'acted-on').toBe(true);
      expect(outcome.failedAt).toBe('acted-on');
      expect(outcome.attributedTo).toBe(notice!.from);

      const b = a.breakdowns.filter((x) => x.transmission === notice!.id);
      expect(b).toHaveLength(1);
      expect(b[0]!.stage).toBe('acted-on');
      expect(b[0]!.unit).toBe(notice!.from);
      expect(b[0]!.cause).toMatch(/^the notice named no area/);
      const rule = contentRules(a).find((r) => r.qid === b[0]!.rule);
      expect(rule?.type === 'content' && rule.must).toContain('area');
      // Nothing is held against the recipient for this notice.
      expect(a.breakdowns.some((x) => x.unit === recipient && x.transmission === notice!.id)).toBe(false);
      // The sender's scorecard line for the rule is violated, with its words.
      const line = a.compliance.find((c) => c.rule === rule!.qid)!;
      expect(line.status).toBe('violated');
      // The sender is named as the scenario names it, not by its id.
      const sender = a.run.scenario.units.find((u) => u.id === notice!.from)!.name;
      expect(line.evidence).toContain(`${sender}: the notice named no area`);
      // JSON shows content and attribution.
      const json = buildReport(a);
      const tx = json.transmissions.find((t) => t.id === notice!.id)!;
      expect(tx.content?.purpose).toBe('notice');
      expect(tx.recipients[0]!.attributedTo).toBe(notice!.from);
    });
  }

  it("under the sender's account the notice names its area and time: no breakdown, the rule followed", () => {
    const a = analyse(SCENARIO, { account: 'sender' });
    const [notice] = notices(a);
    expect(notice!.content?.area).toBeDefined();
    expect(a.breakdowns.filter((b) => b.transmission === notice!.id)).toEqual([]);
    for (const r of contentRules(a)) expect(a.compliance.find((c) => c.rule === r.qid)!.status).not.toBe('violated');
  });

  it("replies made by a rule carry the content the rule states, filled from the unit's data, and meet the reply rule", () => {
    const a = analyse(SCENARIO, { account: 'recipient' });
    const replies = a.run.transmissions.filter((tx) => tx.kind === 'reply');
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) {
      const unit = a.run.scenario.units.find((u) => u.id === r.from)!;
      expect(r.content?.intention).toBe(unit.activity!.toUpperCase());
      expect(r.content?.position).toBeDefined();
      expect(r.content?.courseSpeed?.speedKt).toBeGreaterThan(0);
      const verdicts = contentVerdicts(a.run.scenario.procedure, unit, r, (id) => a.run.transmissions.find((t) => t.id === id));
      expect(verdicts.length).toBeGreaterThan(0);
      expect(verdicts.every((v) => v.missing.length === 0)).toBe(true);
    }
  });

  it('removing the content requirement from the procedure file (no code change) removes the breakdown', () => {
    const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-content-'));
    mkdirSync(join(dir, 'procedures'));
    const proc = parse(readFileSync(PROCEDURE, 'utf8')) as { rules: { type: string; messages?: string }[] };
    proc.rules = proc.rules.filter((r) => !(r.type === 'content' && r.messages === 'notice'));
    writeFileSync(join(dir, 'procedures/notice-content.yaml'), stringify(proc));
    const scenario = join(dir, 'notice-without-area.yaml');
    writeFileSync(scenario, readFileSync(SCENARIO, 'utf8'));

    const before = analyse(SCENARIO, { account: 'recipient' });
    const after = analyse(scenario, { account: 'recipient' });
    const [notice] = notices(after);
    expect(notices(before)[0]!.text).toBe(notice!.text);
    expect(before.breakdowns.some((b) => b.transmission === notices(before)[0]!.id)).toBe(true);
    expect(after.breakdowns.filter((b) => b.transmission === notice!.id)).toEqual([]);
    expect(after.outcomes.find((o) => o.tx.id === notice!.id)!.failedAt).toBeNull();
  });
});

describe("the guide's example (docs/authoring.md 9.1)", () => {
  it('the notice without area or time fails at acted-on against its sender; the reply the rule fills in passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-guide-'));
    for (const f of ['notice-rules.yaml', 'flight-notice.yaml']) writeFileSync(join(dir, f), guideFile(f));
    const a = analyse(join(dir, 'flight-notice.yaml'));
    const [notice] = notices(a);
    const b = a.breakdowns.filter((x) => x.stage === 'acted-on');
    expect(b).toHaveLength(1);
    expect(b[0]!.unit).toBe(notice!.from);
    expect(b[0]!.transmission).toBe(notice!.id);
    expect(b[0]!.cause).toBe('the notice named no area or time');
    const reply = a.run.transmissions.find((tx) => tx.inReplyTo === notice!.id)!;
    expect(reply.content?.intention).toBeDefined();
    const replyRule = contentRules(a).find((r) => r.type === 'content' && r.messages === 'safety-reply')!;
    expect(a.compliance.find((c) => c.rule === replyRule.qid)!.status).toBe('followed');
  });
});

describe('the timeline of a notice that said too little', () => {
  it('does not print the answer as "acted-on": the same line says the content rule found it short', () => {
    const a = analyse(SCENARIO, { account: 'recipient' });
    const [notice] = notices(a);
    const rule = contentRules(a)[0]!.qid;
    const lines = formatText(a).split('\n');
    expect(lines.some((l) => l.includes(`${notice!.id} acted-on by`))).toBe(false);
    expect(lines.find((l) => l.includes(`${notice!.id} answered by`))).toMatch(new RegExp(`but not acted on as the procedure means: .*\\[${rule}\\]$`));
    // Under the sender's account the notice named its area: the answer is acted-on, as the log says.
    const sender = analyse(SCENARIO, { account: 'sender' });
    expect(
      formatText(sender)
        .split('\n')
        .some((l) => l.includes(`${notices(sender)[0]!.id} acted-on by`)),
    ).toBe(true);
  });
});
