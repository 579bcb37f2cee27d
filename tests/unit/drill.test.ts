// Role-play drills: the student's choices change the run, and each is scored against the rule.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core/scenario/load';
import { runDrill } from '../../src/core/drill/drill';
import { diskProcedures, readText } from '../../src/cli/files';
import { cli, tempFile, DEC_2018, CONTROL } from './helpers';

const load = (path: string, account?: string, procedure?: string) =>
  loadScenario(readText(path), diskProcedures, { ...(account ? { account } : {}), ...(procedure ? { procedure } : {}) }).scenario!;

describe('drill as the destroyer under jp-rok-2024', () => {
  it('answering as the procedure asks completes the exchange and scores full marks', () => {
    const r = runDrill(load(DEC_2018, 'jp', 'jp-rok-2024'), { unit: 'ddg971', choices: [], then: 'follow' });
    expect(r.score.total).toBeGreaterThanOrEqual(2);
    expect(r.score.right).toBe(r.score.total);
    const call = r.analysis.outcomes.find((o) => o.tx.from === 'p1' && o.tx.kind === 'hail')!;
    expect(call).toMatchObject({ reached: 'acted-on', failedAt: null });
    expect(r.decisions.some((d) => d.situation === 'incoming-call' && d.rule === 'jp-rok-2024/respond-actively')).toBe(true);
  });

  it('answering with silence reproduces the December 2018 breakdown: calls understood, never answered', () => {
    const r = runDrill(load(DEC_2018, 'jp', 'jp-rok-2024'), { unit: 'ddg971', choices: [], then: 'silence' });
    expect(r.score.right).toBe(0);
    const calls = r.analysis.outcomes.filter((o) => o.tx.from === 'p1' && o.tx.kind === 'hail');
    expect(calls.length).toBe(3);
    for (const c of calls) expect(c).toMatchObject({ reached: 'understood', failedAt: 'acknowledged' });
    expect(r.analysis.breakdowns.some((b) => b.kind === 'omission' && b.rule === 'jp-rok-2024/respond-actively')).toBe(true);
    expect(r.decisions.every((d) => /the procedure asks/.test(d.feedback))).toBe(true);
  });

  it('pauses at the first decision with the right option among plausible wrong ones', () => {
    const r = runDrill(load(DEC_2018, 'jp', 'jp-rok-2024'), { unit: 'ddg971', choices: [] });
    expect(r.pending).not.toBeNull();
    expect(r.pending!.options.map((o) => o.id)).toContain(r.pending!.correct);
    expect(r.pending!.options.length).toBeGreaterThanOrEqual(2);
    expect(r.analysis.run.durationS).toBe(r.analysis.run.log[r.analysis.run.log.length - 1]!.t);
  });

  it('a wrong channel is scored wrong and changes what happens next', () => {
    const s = load(DEC_2018, 'jp', 'jp-rok-2024');
    const first = runDrill(s, { unit: 'ddg971', choices: ['follow'] });
    expect(first.pending!.situation).toBe('incoming-call');
    const wrong = runDrill(s, { unit: 'ddg971', choices: ['follow', 'ack-only'], then: 'follow' });
    const call = wrong.analysis.outcomes.find((o) => o.tx.from === 'p1' && o.tx.kind === 'hail')!;
    expect(call).toMatchObject({ reached: 'acknowledged', failedAt: 'acted-on' });
    expect(wrong.decisions[1]!.right).toBe(false);
    expect(wrong.decisions[1]!.feedback).toMatch(/respond actively/i);
  });
});

describe('drills on any scenario', () => {
  it('work on the control scenario with no code that names it', () => {
    const s = load(CONTROL);
    const right = runDrill(s, { unit: 'rok-ddh', choices: [], then: 'follow' });
    expect(right.score).toEqual({ right: 1, total: 1 });
    expect(right.analysis.breakdowns).toEqual([]);
    const silent = runDrill(s, { unit: 'rok-ddh', choices: ['silence'] });
    expect(silent.analysis.breakdowns.some((b) => b.stage === 'acknowledged')).toBe(true);
  });

  it('the command line grades a drill from a file of choices', () => {
    const choices = tempFile('choices.yaml', 'unit: ddg971\naccount: jp\nprocedure: jp-rok-2024\nchoices: [follow, follow]\nthen: silence\n');
    const r = cli('drill', [DEC_2018, '--choices', choices, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.unit).toBe('ddg971');
    expect(out.decisions[0].right).toBe(true);
    expect(out.decisions[1].right).toBe(true);
    expect(out.decisions.slice(2).every((d: { right: boolean }) => !d.right)).toBe(true);
    expect(out.score.total).toBe(out.decisions.length);
  });
});

describe('a unit machine is compiled for the unit it serves', () => {
  // Units of one kind and binding but another service (the coast-guard ship beside the destroyer)
  // may need another machine; one cached for the first would answer for the second.
  it('drilling one unit and then another of the same scenario asks the second what a fresh load asks it', () => {
    const fresh = runDrill(load(DEC_2018, 'jp', 'jp-rok-2024'), { unit: 'ddg971', choices: [], then: 'follow' });
    const shared = load(DEC_2018, 'jp', 'jp-rok-2024');
    for (const unit of ['p1', 'sambong']) runDrill(shared, { unit, choices: [], then: 'follow' });
    const after = runDrill(shared, { unit: 'ddg971', choices: [], then: 'follow' });
    expect(after.decisions.map((d) => [d.t, d.situation, d.rule])).toEqual(fresh.decisions.map((d) => [d.t, d.situation, d.rule]));
  });
});
