// Acts one unit does towards another (`do: conduct`), judged by the assurance measures of CUES 2.8
// as a procedure's `avoid` rules name them, and the procedure's coverage of its source's items.
// The fixtures use two nations and every test runs both ways round, so no verdict can rest on who
// is who.
import { describe, expect, it } from 'vitest';
import { CONDUCT_ACTS, CONDUCT_MEASURE, type ConductAct } from '../../src/core/conduct';
import { checkFile } from '../../src/core/check';
import { simulate } from '../../src/core';
import { formatMarkdown } from '../../src/core/format/markdown';
import { formatText } from '../../src/core/format/text';
import { loadProcedure } from '../../src/core/procedure/load';
import { diskProcedures, readText } from '../../src/cli/files';
import { cli, tempFile } from './helpers';
import { buildReplay } from '../../src/core/replay/replay';
import { debriefHtml } from '../../src/core/debrief/html';

/** One avoid rule per act that a rule can forbid, each named after its act, and coverage of them all. */
const FORBIDDEN = CONDUCT_ACTS.filter((act) => CONDUCT_MEASURE[act] !== null);
const PROCEDURE = [
  'id: acts-test',
  'title: Test procedure that forbids every act of the assurance measures',
  'rules:',
  ...FORBIDDEN.flatMap((act) => [
    `  - id: no-${act}`,
    '    type: avoid',
    `    title: Avoid ${act}`,
    `    text: Do not ${act} towards a unit encountered.`,
    `    item: Test 2.8 (${CONDUCT_MEASURE[act]})`,
    '    appliesTo: [ship, aircraft]',
    `    action: ${act}`,
  ]),
  'coverage:',
  ...FORBIDDEN.flatMap((act) => [`  - item: Test 2.8 ${act}`, `    title: Not to ${act}`, `    rules: [no-${act}]`]),
  '  - item: Test 2.9',
  '    title: Something the tool does not model',
  '    outOfScope: No unit in a run can do it',
].join('\n');

const procedurePath = tempFile('acts-test.yaml', PROCEDURE + '\n');

/**
 * An aircraft of nation `a`, a ship of nation `b` and a ship of nation `a`; the aircraft does `act`
 * towards `target` at 60 s.
 */
function scenario(a: string, b: string, act: ConductAct, target: string, unit = 'plane'): string {
  const radios = '[{ id: bridge, modulation: FM, channels: ["156.8"], tuned: "156.8" }]';
  return `id: conduct-case
title: Conduct case
date: "2025-06-01"
start: "2025-06-01T10:00:00+09:00"
durationS: 300
location: { name: Test, lat: 37.5, lon: 132.0 }
procedure: ${procedurePath}
units:
  - id: plane
    name: Patrol Plane
    nation: ${a}
    kind: aircraft
    service: navy
    callSigns: [PATROL]
    radios: ${radios}
    track:
      - { t: 0, lat: 37.5, lon: 132.0, altM: 300 }
      - { t: 300, lat: 37.5, lon: 132.1, altM: 300 }
  - id: other-ship
    name: Other Ship
    nation: ${b}
    kind: ship
    service: navy
    callSigns: [OTHER SHIP]
    radios: ${radios}
    position: { lat: 37.5, lon: 132.05 }
  - id: own-ship
    name: Own Ship
    nation: ${a}
    kind: ship
    service: navy
    callSigns: [OWN SHIP]
    radios: ${radios}
    position: { lat: 37.52, lon: 132.05 }
script:
  - { id: act, at: 60, unit: ${unit}, do: conduct, act: ${act}, target: ${target}, forS: 20 }
`;
}

function analyse(text: string) {
  const r = simulate(readText(tempFile('conduct-case.yaml', text)), diskProcedures, {});
  if (!r.analysis) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('\n'));
  return r.analysis;
}

const violationsOf = (a: ReturnType<typeof analyse>) => a.breakdowns.filter((b) => b.kind === 'violation');
const BOTH_WAYS = [
  ['JP', 'KR'],
  ['KR', 'JP'],
] as const;

describe('conduct acts (do: conduct)', () => {
  for (const [a, b] of BOTH_WAYS) {
    for (const act of FORBIDDEN) {
      it(`${act} towards a unit of another nation (${a} → ${b}) breaks the rule that forbids it, and only that one`, () => {
        const run = analyse(scenario(a, b, act, 'other-ship'));
        const v = violationsOf(run);
        expect(v.map((x) => [x.rule, x.unit, x.units, x.t])).toEqual([[`acts-test/no-${act}`, 'plane', ['plane', 'other-ship'], 60]]);
        expect(v[0]!.explanation).toContain('Patrol Plane');
        expect(v[0]!.explanation).toContain('Other Ship');
        const line = run.compliance.find((c) => c.rule === `acts-test/no-${act}`)!;
        expect(line.status).toBe('violated');
      });
    }

    it(`an observation pass breaks no rule (${a} → ${b})`, () => {
      const run = analyse(scenario(a, b, 'observation-pass', 'other-ship'));
      expect(violationsOf(run)).toEqual([]);
      // The pass is still on the record, in words.
      expect(formatText(run)).toContain('Patrol Plane makes an observation pass of Other Ship for 20 s');
    });

    it(`an act towards a unit of the actor's own nation is no violation (${a})`, () => {
      expect(violationsOf(analyse(scenario(a, b, 'simulated-attack', 'own-ship')))).toEqual([]);
    });
  }

  it('is logged as a conduct entry caused by the script action, and shown in the timeline', () => {
    const run = analyse(scenario('JP', 'KR', 'laser', 'other-ship'));
    const e = run.run.log.find((x) => x.type === 'conduct');
    expect(e).toMatchObject({ type: 'conduct', t: 60, unit: 'plane', act: 'laser', target: 'other-ship', forS: 20, cause: { kind: 'script', ref: 'act' } });
    expect(formatText(run)).toContain('Patrol Plane points a laser at Other Ship for 20 s');
  });

  it('the replay shows the act on its unit while it lasts (forS), for the plot to label', () => {
    const replay = buildReplay(analyse(scenario('JP', 'KR', 'aerobatics', 'other-ship')));
    const actOf = (t: number) => replay.frameAt(t).units.find((u) => u.spec.id === 'plane')!.act;
    expect(actOf(59)).toBeNull();
    expect(actOf(60)).toMatchObject({ act: 'aerobatics', target: 'other-ship' });
    expect(actOf(80)).toMatchObject({ act: 'aerobatics' });
    expect(actOf(81)).toBeNull();
    expect(replay.frameAt(70).units.find((u) => u.spec.id === 'other-ship')!.act).toBeNull();
  });

  it('a rule that does not apply to the actor’s kind is not broken by it', () => {
    const shipOnly = tempFile(
      'ship-only.yaml',
      PROCEDURE.replace('id: acts-test', 'id: ship-only').replaceAll('appliesTo: [ship, aircraft]', 'appliesTo: [ship]') + '\n',
    );
    const text = scenario('JP', 'KR', 'aerobatics', 'other-ship').replace(procedurePath, shipOnly);
    expect(violationsOf(analyse(text))).toEqual([]);
  });

  it('the checker warns, at the act or the target, when an act will not be judged', () => {
    const warnings = (text: string) => checkFile({ file: 'warn.yaml', text }, diskProcedures).filter((d) => d.severity === 'warning');
    const noLaser = tempFile('no-laser.yaml', `id: no-laser-rule\ntitle: Without the laser rule\nextends: ${procedurePath}\nremove: [no-laser]\n`);
    const unjudged = scenario('JP', 'KR', 'laser', 'other-ship').replace(procedurePath, noLaser);
    const line = unjudged.split('\n').findIndex((l) => l.includes('do: conduct')) + 1;
    expect(warnings(unjudged).map((d) => [d.line, d.message])).toEqual([[line, expect.stringContaining('no rule of no-laser-rule forbids "laser"')]]);
    expect(warnings(scenario('JP', 'KR', 'laser', 'own-ship')).map((d) => [d.line, d.message])).toEqual([[line, expect.stringContaining('same nation')]]);
    expect(warnings(scenario('JP', 'KR', 'laser', 'other-ship'))).toEqual([]);
    expect(warnings(scenario('JP', 'KR', 'observation-pass', 'own-ship'))).toEqual([]);
  });

  it('the checker refuses a target that does not exist or is the actor itself, at the target', () => {
    const missing = scenario('JP', 'KR', 'laser', 'nobody');
    const self = scenario('JP', 'KR', 'laser', 'plane');
    const line = missing.split('\n').findIndex((l) => l.includes('do: conduct')) + 1;
    const d1 = checkFile({ file: 'missing.yaml', text: missing }, diskProcedures).filter((d) => d.severity === 'error');
    expect(d1.map((d) => [d.line, d.message])).toEqual([[line, expect.stringContaining('target "nobody" does not exist')]]);
    expect(d1[0]!.col).toBe(missing.split('\n')[line - 1]!.indexOf('nobody') + 1);
    const d2 = checkFile({ file: 'self.yaml', text: self }, diskProcedures).filter((d) => d.severity === 'error');
    expect(d2.map((d) => [d.line, d.message])).toEqual([[line, expect.stringContaining('its own unit')]]);
  });
});

describe('coverage of the source document', () => {
  const check = (text: string) => checkFile({ file: 'cov.yaml', text }, diskProcedures).filter((d) => d.severity === 'error');
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('refuses an item with neither rules nor outOfScope, at the item', () => {
    const text = `${PROCEDURE}\n  - item: Test 3.1\n    title: Forgotten\n`;
    expect(check(text).map((d) => [d.line, d.message])).toEqual([[lineOf(text, 'Test 3.1'), expect.stringContaining('names no rules and no outOfScope')]]);
  });

  it('refuses a rule the procedure does not have, at that rule id', () => {
    const text = `${PROCEDURE}\n  - item: Test 3.2\n    title: Misspelt\n    rules: [no-laser, no-lasers]\n`;
    const errors = check(text);
    expect(errors.map((d) => [d.line, d.message])).toEqual([[lineOf(text, 'no-lasers]'), expect.stringContaining('names rule "no-lasers"')]]);
    expect(errors[0]!.col).toBe(text.split('\n')[lineOf(text, 'no-lasers]') - 1]!.indexOf('no-lasers]') + 1);
  });

  it('refuses a rule that an extending procedure removed, and marks the inherited item as no longer modelled', () => {
    const child = (extra: string) => `id: child\ntitle: Child\nextends: ${procedurePath}\nremove: [no-laser]\n${extra}`;
    const bad = child('coverage:\n  - item: Child 1\n    title: Uses a removed rule\n    rules: [no-laser]\n');
    expect(check(bad).map((d) => [d.line, d.message])).toEqual([[lineOf(bad, 'rules: [no-laser]'), expect.stringContaining('names rule "no-laser"')]]);
    const ok = tempFile('child.yaml', child('coverage:\n  - item: Child 1\n    title: Its own item\n    outOfScope: Not in any run\n'));
    const p = loadProcedure(ok, ok, diskProcedures).procedure!;
    expect(p.coverage.map((c) => c.item)).toEqual([...FORBIDDEN.map((act) => `Test 2.8 ${act}`), 'Test 2.9', 'Child 1']);
    expect(p.coverage.find((c) => c.item === 'Test 2.8 laser')).toMatchObject({ rules: [], removed: ['no-laser'], origin: 'acts-test' });
    expect(p.coverage.find((c) => c.item === 'Child 1')).toMatchObject({ origin: 'child', outOfScope: 'Not in any run' });
  });

  it('is shown in the Markdown debrief: each item, what models it or why nothing does, and where it is listed', () => {
    const md = formatMarkdown(analyse(scenario('JP', 'KR', 'observation-pass', 'other-ship')));
    const section = md.slice(md.indexOf('## Coverage of the source document'));
    expect(section).toContain('| Test 2.8 laser | Not to laser | acts-test/no-laser | acts-test |');
    expect(section).toContain('| Test 2.9 | Something the tool does not model | out of scope: No unit in a run can do it | acts-test |');
  });

  it('npm run check says, for a procedure, how many items it covers and what became of them', () => {
    const child = tempFile('child.yaml', `id: child\ntitle: Child\nextends: ${procedurePath}\nremove: [no-laser]\n`);
    const r = cli('check', [procedurePath, child]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`acts-test covers ${FORBIDDEN.length + 1} item(s) of its source document: ${FORBIDDEN.length} modelled, 1 out of scope\n`);
    expect(r.stderr).toContain(
      `child covers ${FORBIDDEN.length + 1} item(s) of its source document: ${FORBIDDEN.length - 1} modelled, 1 out of scope, 1 no longer modelled\n`,
    );
  });

  it('is shown in the HTML debrief, escaped, with a link in its navigation', () => {
    const html = debriefHtml(analyse(scenario('JP', 'KR', 'observation-pass', 'other-ship')));
    expect(html).toContain('<a href="#coverage">Coverage of the source document</a>');
    const section = html.slice(html.indexOf('<section id="coverage">'), html.indexOf('</section>', html.indexOf('<section id="coverage">')));
    expect(section).toContain('<tr><td>Test 2.8 laser</td><td>Not to laser</td><td>acts-test/no-laser</td><td><code>acts-test</code></td></tr>');
    expect(section).toContain('out of scope: No unit in a run can do it');
  });

  it('says so in the Markdown debrief when a procedure lists no items', () => {
    const bare = tempFile('bare.yaml', 'id: bare\ntitle: Bare\nrules: []\n');
    const md = formatMarkdown(analyse(scenario('JP', 'KR', 'observation-pass', 'other-ship').replace(procedurePath, bare)));
    expect(md).toContain('`bare` does not list the items of its source document');
  });
});
