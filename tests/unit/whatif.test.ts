// What-if: change a fact at a moment, run again, and see what it changes.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core/scenario/load';
import { runScenario } from '../../src/core/engine/engine';
import { analyse } from '../../src/core/analysis/report';
import { applyWhatIfs, whatIfYaml, type WhatIf } from '../../src/core/whatif/whatif';
import { checkFile } from '../../src/core/check';
import { diskProcedures, readText } from '../../src/cli/files';
import { DEC_2018 } from './helpers';

const text = readText(DEC_2018);
const rok = loadScenario(text, diskProcedures, { account: 'rok' }).scenario!;
const callOn = (a: ReturnType<typeof analyse>, ch: string) => a.outcomes.find((o) => o.tx.from === 'p1' && o.tx.kind === 'hail' && o.tx.channel === ch)!;

describe('what-if', () => {
  const tune121: WhatIf = { at: 0, change: { kind: 'radio', unit: 'ddg971', radio: 'aero-vhf', tuned: ['121.5'], powered: true, monitored: true } };
  const before = analyse(runScenario(rok));
  const after = analyse(runScenario(applyWhatIfs(rok, [tune121])));

  it("turning the ship's 121.5 MHz set on at the start moves that call past receivable (ROK account)", () => {
    expect(callOn(before, '121.5').failedAt).toBe('receivable');
    expect(callOn(after, '121.5').failedAt).not.toBe('receivable');
    expect(callOn(after, '121.5').reached).toBe('understood');
  });

  it('leaves the original run untouched and changes nothing before the change', () => {
    const lateChange = analyse(runScenario(applyWhatIfs(rok, [{ at: 600, change: { kind: 'silence', unit: 'p1', silent: true } }])));
    const upTo = (a: typeof before) => JSON.stringify(a.run.log.filter((e) => e.t < 600));
    expect(upTo(lateChange)).toBe(upTo(before));
    expect(lateChange.run.transmissions.filter((t) => t.from === 'p1' && t.t >= 600)).toEqual([]);
    expect(rok.script.some((a) => a.id.startsWith('what-if'))).toBe(false);
  });

  it('taking the headquarters channel down stops the headquarters contact under the 2024 procedure', () => {
    const s = loadScenario(text, diskProcedures, { account: 'jp', procedure: 'jp-rok-2024' }).scenario!;
    const down = analyse(runScenario(applyWhatIfs(s, [{ at: 0, change: { kind: 'link', link: 'hq-channel', available: false } }])));
    const contact = down.outcomes.find((o) => o.tx.kind === 'hq-contact')!;
    expect(contact).toMatchObject({ failedAt: 'in-range' });
  });

  it('raising noise on the bridge set makes a clear call faint', () => {
    const s = loadScenario(text, diskProcedures, { account: 'jp' }).scenario!;
    const noisy = analyse(runScenario(applyWhatIfs(s, [{ at: 0, change: { kind: 'noise', unit: 'ddg971', radio: 'bridge-vhf', noiseDb: -40 } }])));
    expect(callOn(noisy, '156.8').failedAt).toBe('heard');
  });

  it('saves as a scenario file that checks clean and runs to the same result', () => {
    const yaml = whatIfYaml(text.text, rok, [tune121], 'vhf-guard-on');
    expect(yaml).toMatch(/^# yaml-language-server/);
    expect(yaml).toMatch(/id: dec-2018-noto-vhf-guard-on/);
    const file = { file: 'scenarios/what-if.yaml', text: yaml };
    expect(checkFile(file, diskProcedures).filter((d) => d.severity === 'error')).toEqual([]);
    const reloaded = loadScenario(file, diskProcedures, {}).scenario!;
    expect(reloaded.account).toBe('rok');
    expect(callOn(analyse(runScenario(reloaded)), '121.5').reached).toBe('understood');
  });
});
