// Norms belong to a side and a date, rules have a scope (issue 13): which norms judge a run, what a
// later norm says only for discussion, and what a rule's scope leaves out, on small fixtures.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { simulate, buildReport } from '../../src/core';
import { loadScenario } from '../../src/core/scenario/load';
import { diskProcedures, readText } from '../../src/cli/files';
import { formatText } from '../../src/core/format/text';
import { formatMarkdown } from '../../src/core/format/markdown';
import { debriefHtml } from '../../src/core/debrief/html';
import { tempFile } from './helpers';

interface Fixture {
  date: string;
  /** The procedure's inForceFrom. */
  inForceFrom?: string;
  /** Extra top-level lines of the scenario (accounts:). */
  accounts?: string[];
  /** The destroyer's crew judgement, as YAML. */
  judges?: string;
  /** Norm lines replacing the procedure's own. */
  norms?: string[];
}

const NORMS = [
  '      - { id: first-norm, nation: JP, from: "2010-01-01", minGroundM: 1000, minAltitudeM: 300, label: "the first side\'s fixture norm" }',
  '      - { id: second-norm, nation: KR, from: "2019-01-22", minGroundM: 6000, minAltitudeM: 500, label: "the second side\'s fixture norm" }',
  '      - { id: second-words, nation: KR, from: "2019-01-22", label: "the second side\'s position, stated without numbers" }',
];

function procedure(f: Fixture): string {
  return `id: fx-code
title: Fixture code
${f.inForceFrom ? `inForceFrom: "${f.inForceFrom}"\n` : ''}scope: { services: [navy] }
parameters:
  channelPriority: { value: ["121.5"], label: fixture }
  safeDistanceNorms:
    label: fixture
    value:
${(f.norms ?? NORMS).join('\n')}
rules:
  - { id: call-on-concern, type: hail, appliesTo: [ship, aircraft], title: Call on a safety concern, text: Call the unit., when: [fire-control-detected, unsafe-approach], message: "WHAT ARE YOUR INTENTIONS" }
  - { id: avoid-fire-control, type: avoid, appliesTo: [ship, aircraft], title: No fire-control radar on a unit, text: Do not., action: fire-control-on-encountered }
  - { id: safe-distance, type: avoid, appliesTo: [aircraft], title: Keep a safe distance, text: Keep it., action: close-approach }
  - { id: state-intentions, type: announce, appliesTo: [ship], from: "2020-01-01", title: State intentions, text: Say what you do., when: [aircraft-approach], message: "I AM {activity}" }
`;
}

const RADIO = '[{ id: aero, modulation: AM, channels: ["121.5"], tuned: "121.5" }]';

/** The first side's aircraft flies north between the second side's destroyer (east) and coast-guard ship (west), each about 440 m off. */
function scenario(f: Fixture): string {
  return `id: norms-case
title: Norms case
date: "${f.date}"
start: "${f.date}T10:00:00+09:00"
durationS: 600
location: { name: Test, lat: 37.55, lon: 132.02 }
procedure: ./fx-code.yaml
${(f.accounts ?? []).join('\n')}
units:
  - id: plane
    name: Plane
    nation: JP
    kind: aircraft
    service: navy
    radios: ${RADIO}
    emitters: [{ id: esm, type: esm }]
    track:
      - { t: 0, lat: 37.45, lon: 132.02, altM: 150 }
      - { t: 600, lat: 37.65, lon: 132.02, altM: 150 }
  - id: destroyer
    name: Destroyer
    nation: KR
    kind: ship
    service: navy
    radios: ${RADIO}
    emitters: [{ id: stir, type: fire-control-radar }]
    crew: { judgesThreatening: ${f.judges ?? 'false'} }
    position: { lat: 37.55, lon: 132.025 }
  - id: cutter
    name: Cutter
    nation: KR
    kind: ship
    service: coast-guard
    radios: ${RADIO}
    emitters: [{ id: fcr, type: fire-control-radar }]
    position: { lat: 37.60, lon: 132.015 }
script:
  - { id: cutter-lock, at: 60, unit: cutter, do: emit, emitter: fcr, mode: track, target: plane, forS: 30 }
`;
}

function write(f: Fixture): string {
  const path = tempFile('norms.yaml', scenario(f));
  writeFileSync(join(dirname(path), 'fx-code.yaml'), procedure(f));
  return path;
}

function run(f: Fixture, account?: string) {
  const r = simulate(readText(write(f)), diskProcedures, account ? { account } : {});
  if (!r.analysis) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('\n'));
  return r.analysis;
}

const SIDES = [
  'accounts:',
  '  first: { title: First side, side: JP }',
  '  second: { title: Second side, side: KR }',
  '  named: { title: Named, norms: [second-norm] }',
];

const distance = (a: ReturnType<typeof run>) => a.breakdowns.filter((b) => b.rule === 'fx-code/safe-distance');

describe('a norm judges only from its date', () => {
  it('before its from date a norm gives no finding, only a discussion line with what the closest pass would be under it', () => {
    const a = run({ date: '2018-12-20', accounts: SIDES }, 'second');
    expect(distance(a)).toEqual([]);
    const line = a.discussion.find((d) => d.id === 'second-norm')!;
    expect(line.kind).toBe('later-norm');
    expect(line.text).toMatch(
      /^later norm, for discussion: second-norm \(KR's, from 2019-01-22; 6000 m \/ 500 m\): .*after this scenario's date 2018-12-20, so it gives no finding/,
    );
    expect(line.text).toMatch(/Plane – Destroyer: inside: 4\d\d m at 150 m altitude/);
    const words = a.discussion.find((d) => d.id === 'second-words')!;
    expect(words.text).toMatch(/stated without numbers/);
    expect(a.compliance.find((c) => c.rule === 'fx-code/safe-distance')).toMatchObject({ status: 'not-applicable' });
    const report = buildReport(a);
    expect(report.discussion.map((d) => d.id)).toEqual(expect.arrayContaining(['second-norm', 'second-words']));
    for (const out of [formatText(a), formatMarkdown(a), debriefHtml(a)]) {
      expect(out).toMatch(/Later norms, for discussion/);
      expect(out).toMatch(/later norm, for discussion: second-norm/);
    }
  });

  it('on or after its from date the same pass is a finding that names the norm, its owner and its words', () => {
    const a = run({ date: '2020-06-01', accounts: SIDES }, 'second');
    const found = distance(a);
    expect(found.map((b) => [b.unit, b.units[1], b.norm, b.normOwner])).toEqual([['plane', 'destroyer', 'second-norm', 'KR']]);
    expect(found[0]!.explanation).toMatch(/inside KR's norm second-norm: the second side's fixture norm/);
    expect(buildReport(a).breakdowns.find((b) => b.rule === 'fx-code/safe-distance')!.norm).toEqual({
      id: 'second-norm',
      owner: 'KR',
      label: "the second side's fixture norm",
    });
    expect(a.compliance.find((c) => c.rule === 'fx-code/safe-distance')!.evidence).toMatch(/second-norm/);
    expect(a.discussion.some((d) => d.id === 'second-norm')).toBe(false);
  });
});

describe('which norms judge a run', () => {
  it("an account's side selects that side's norms in force, and no other side's", () => {
    expect(distance(run({ date: '2020-06-01', accounts: SIDES }, 'first')).map((b) => b.norm)).toEqual(['first-norm']);
    expect(distance(run({ date: '2020-06-01', accounts: SIDES }, 'second')).map((b) => b.norm)).toEqual(['second-norm']);
  });

  it('an account that names its norms is judged by exactly those', () => {
    expect(distance(run({ date: '2020-06-01', accounts: SIDES }, 'named')).map((b) => b.norm)).toEqual(['second-norm']);
  });

  it("a run with no account is judged by every side's norms in force on its date, each verdict naming its owner", () => {
    const later = run({ date: '2020-06-01' });
    expect(distance(later).map((b) => `${b.normOwner}:${b.norm}`)).toEqual(['JP:first-norm', 'KR:second-norm']);
    const earlier = run({ date: '2018-12-20' });
    expect(distance(earlier).map((b) => `${b.normOwner}:${b.norm}`)).toEqual(['JP:first-norm']);
    expect(earlier.discussion.map((d) => d.id)).toEqual(['second-norm', 'second-words', 'fx-code/state-intentions']);
  });
});

describe("a crew's judgement", () => {
  const calls = (a: ReturnType<typeof run>) => a.run.transmissions.filter((t) => t.from === 'destroyer' && t.kind === 'hail').map((t) => t.to);

  it("judges by its side's norm in force on the date: none before it, so no unsafe-approach", () => {
    expect(calls(run({ date: '2018-12-20', judges: 'true' }))).toEqual([]);
    expect(calls(run({ date: '2020-06-01', judges: 'true' }))).toContain('plane');
  });

  it('judges by thresholds the scenario gives it', () => {
    expect(calls(run({ date: '2018-12-20', judges: '{ withinM: 1000, belowM: 300 }' }))).toContain('plane');
    expect(calls(run({ date: '2018-12-20', judges: '{ withinM: 100, belowM: 300 }' }))).toEqual([]);
  });

  it('the checker warns, at the crew, when its side has no numeric norm in force', () => {
    const text = scenario({ date: '2018-12-20', judges: 'true' });
    const ds = loadScenario(readText(write({ date: '2018-12-20', judges: 'true' })), diskProcedures).diagnostics;
    const w = ds.find((d) => d.path === 'units[1].crew.judgesThreatening')!;
    expect(w.severity).toBe('warning');
    expect(w.line).toBe(text.split('\n').findIndex((l) => l.includes('judgesThreatening')) + 1);
    expect(w.message).toMatch(
      /^destroyer's crew judges a pass by KR's safe-distance norm in force on 2018-12-20, and KR had none with numbers then \(second-norm from 2019-01-22/,
    );
  });
});

describe('the scope of rules', () => {
  it('a coast-guard ship outside a navy-only code is judged at neither end', () => {
    const a = run({ date: '2020-06-01' });
    // Its fire-control radar held on the plane is no violation, and the plane calls the destroyer's kind of concern only.
    expect(a.breakdowns.filter((b) => b.units.includes('cutter'))).toEqual([]);
    expect(a.run.log.some((e) => e.type === 'emission' && e.unit === 'cutter' && e.mode === 'track')).toBe(true);
    expect(a.run.transmissions.filter((t) => t.to === 'cutter' || t.from === 'cutter')).toEqual([]);
    // The same pass by the destroyer, a navy ship, is judged.
    expect(distance(a).every((b) => b.units.includes('destroyer'))).toBe(true);
  });

  it('without the scope the same conduct is judged', () => {
    const path = write({ date: '2020-06-01' });
    const proc = join(dirname(path), 'fx-code.yaml');
    writeFileSync(proc, procedure({ date: '2020-06-01' }).replace('scope: { services: [navy] }\n', ''));
    const a = simulate(readText(path), diskProcedures, {}).analysis!;
    expect(a.breakdowns.filter((b) => b.kind === 'violation' && b.unit === 'cutter').map((b) => b.rule)).toEqual(['fx-code/avoid-fire-control']);
  });

  it('the checker warns at each unit outside every rule', () => {
    const text = scenario({ date: '2020-06-01' });
    const ds = loadScenario(readText(write({ date: '2020-06-01' })), diskProcedures).diagnostics.filter((d) => /outside every rule/.test(d.message));
    expect(ds.map((d) => [d.path, d.line, d.message])).toEqual([
      [
        'units[2]',
        text.split('\n').findIndex((l) => l.includes('id: cutter')) + 1,
        'cutter (coast-guard) is outside every rule of fx-code (scope: navy): no verdict is given on its conduct or on conduct towards it',
      ],
    ]);
  });
});

describe('rules have a date', () => {
  it('a rule from after the scenario date is not applied and is listed for discussion', () => {
    const a = run({ date: '2018-12-20' });
    expect(a.compliance.map((c) => c.rule)).not.toContain('fx-code/state-intentions');
    expect(a.run.transmissions.some((t) => t.kind === 'announce')).toBe(false);
    expect(a.discussion.find((d) => d.id === 'fx-code/state-intentions')!.text).toMatch(
      /^later rule, for discussion: "State intentions" \(fx-code\/state-intentions\) applies from 2020-01-01/,
    );
    expect(run({ date: '2020-06-01' }).run.transmissions.some((t) => t.kind === 'announce')).toBe(true);
  });

  it('a procedure that comes into force after the scenario date makes the run a what-if, and every rule applies', () => {
    const a = run({ date: '2018-12-20', inForceFrom: '2024-01-01' });
    expect(buildReport(a).whatIf).toEqual({ procedure: 'fx-code', inForceFrom: '2024-01-01', scenarioDate: '2018-12-20' });
    expect(a.run.transmissions.some((t) => t.kind === 'announce')).toBe(true);
    expect(a.discussion.some((d) => d.kind === 'later-rule')).toBe(false);
    for (const out of [formatText(a), formatMarkdown(a), debriefHtml(a)])
      expect(out).toMatch(/What-if: fx-code comes into force on 2024-01-01, after this scenario(?:'|&#39;)s date 2018-12-20/);
    expect(buildReport(run({ date: '2018-12-20', inForceFrom: '2014-04-22' })).whatIf).toBeNull();
  });
});

describe('the shape of a norm', () => {
  it('the procedure loader rejects a norm without a date, at its line', () => {
    const norms = ['      - { id: undated, nation: JP, minGroundM: 500, label: "no date" }'];
    const path = write({ date: '2020-06-01', norms });
    const ds = loadScenario(readText(path), diskProcedures).diagnostics.filter((d) => d.severity === 'error');
    const e = ds.find((d) => d.file.endsWith('fx-code.yaml') && /from/.test(d.path))!;
    expect(e).toBeDefined();
    expect(e.line).toBe(
      procedure({ date: '2020-06-01', norms })
        .split('\n')
        .findIndex((l) => l.includes('id: undated')) + 1,
    );
  });

  it('the checker warns at a norm a scenario states for itself without a date', () => {
    const path = write({ date: '2020-06-01', accounts: ['parameters:', '  safeDistanceNorms: [{ id: own, nation: JP, minGroundM: 500, label: own norm }]'] });
    const ds = loadScenario(readText(path), diskProcedures).diagnostics.filter((d) => /safeDistanceNorms/.test(d.path));
    expect(ds.map((d) => [d.severity, d.message])).toEqual([['warning', expect.stringMatching(/^this norm is not one the analysis can use/)]]);
  });
});

describe('a norm breached by a pass closer OR lower (breachWhen: either)', () => {
  const base = readText(join(dirname(new URL(import.meta.url).pathname), '../../scenarios/dec-2018-noto.yaml'));
  // December 2018's closest pass is agreed: about 500 m away at 150 m. A norm of 1,000 m and 100 m
  // has it closer but not lower.
  const withNorm = (breachWhen: 'both' | 'either') =>
    base.text.replace(
      /^accounts:/m,
      `parameters:\n  safeDistanceNorms:\n    - { id: test-either, nation: KR, from: "2000-01-01", minGroundM: 1000, minAltitudeM: 100, breachWhen: ${breachWhen}, label: a test norm }\naccounts:`,
    );
  const normFindings = (text: string) => {
    const r = simulate({ file: base.file, text }, diskProcedures, { account: 'rok' });
    expect(r.analysis, r.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
    return buildReport(r.analysis!).breakdowns.filter((b) => (b as { norm?: unknown }).norm !== undefined && JSON.stringify(b).includes('test-either'));
  };

  it('both (the default): closer but not lower is outside', () => {
    expect(normFindings(withNorm('both'))).toEqual([]);
  });

  it('either: closer alone breaches it, and the finding says "or"', () => {
    const found = normFindings(withNorm('either'));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.cause).toContain('1000 m or 100 m altitude');
  });
});
