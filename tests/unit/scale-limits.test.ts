// Issue 19: the limits agree with one another, and a large generated exercise (3,000 units, well
// inside the unit limit) goes through the whole chain: it is not refused for its size, it loads
// without errors and it runs.
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/core/synthetic/generate';
import { loadScenario } from '../../src/core/scenario/load';
import { runScenario } from '../../src/core/engine/engine';
import { FILE_BYTES_PER_UNIT, MAX_FILE_BYTES, MAX_UNITS, groupDigits } from '../../src/core/limits';
import { parseYamlSource, utf8Bytes } from '../../src/core/yaml-source';
import { diskProcedures } from '../../src/cli/files';

describe('limits', () => {
  it('the file-size limit follows from the unit limit, with room for a generated hour of every unit', () => {
    expect(MAX_FILE_BYTES).toBe(MAX_UNITS * FILE_BYTES_PER_UNIT);
    const atLimit = generateScenario({ units: MAX_UNITS, durationS: 3600, seed: 1 });
    expect(atLimit.summary.ships + atLimit.summary.aircraft + atLimit.summary.vessels + atLimit.summary.headquarters).toBe(MAX_UNITS);
    expect(utf8Bytes(atLimit.yaml)).toBeLessThan(MAX_FILE_BYTES);
  }, 120_000);

  it('a file over the limit is still refused, naming the limit', () => {
    const { diagnostics } = parseYamlSource(`id: big\nnote: "${'x'.repeat(MAX_FILE_BYTES)}"\n`, 'big.yaml');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toContain(`the limit is ${groupDigits(MAX_FILE_BYTES)} bytes`);
  });
});

describe('a generated exercise of 3,000 units', () => {
  it('loads without errors and runs', () => {
    const { yaml } = generateScenario({ units: 3000, durationS: 120, seed: 1 });
    const loaded = loadScenario({ file: 'synthetic.yaml', text: yaml }, diskProcedures, {});
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.scenario!.units).toHaveLength(3000);
    const run = runScenario(loaded.scenario!);
    expect(run.log.length).toBeGreaterThan(0);
  }, 120_000);
});
