/**
 * What the program says, computed in one place for the golden-output test and for
 * `npm run golden:update`: for every shipped scenario × account (each one, and none) × shipped
 * procedure (and the scenario's own) at seed 1, the JSON report, the text timeline, the Markdown
 * debrief, the failure paths and the SHA-256 of the event log; the checker's words on every
 * shipped file; account against account for December 2018 under each procedure; the log and
 * report hashes of the 1,000-unit synthetic exercise; and a pinned random sequence.
 *
 * Paths in outputs are relative to the repository root (the test and the script run there), so
 * the files read the same on every machine.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate, buildReport, formatDiagnostic, type Analysis } from '../../src/core';
import { checkFile } from '../../src/core/check';
import { compareRuns } from '../../src/core/compare/compare';
import { rerunner } from '../../src/core/compare/grounds';
import { formatComparisonMarkdown } from '../../src/core/compare/output';
import { formatMarkdown } from '../../src/core/format/markdown';
import { formatText } from '../../src/core/format/text';
import { pathsForRun, DEFAULT_CAP } from '../../src/core/paths/paths';
import { formatPathsText } from '../../src/core/paths/output';
import { createRandom } from '../../src/core/rng';
import { generateScenario } from '../../src/core/synthetic/generate';
import { diskProcedures, ROOT } from '../../src/cli/files';

/** Where the committed outputs live, relative to the repository root. */
export const GOLDEN_DIR = 'tests/golden/out';
export const SEED = 1;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const read = (rel: string) => ({ file: rel, text: readFileSync(join(ROOT, rel), 'utf8') });
const yamlIn = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${dir}/${f}`);

/** The log as `sim --format jsonl` would write it: one entry a line. */
export const logLines = (a: Analysis) => a.run.log.map((e) => JSON.stringify(e)).join('\n') + '\n';

function run(file: string, account: string | null, procedure: string | undefined, seed = SEED): Analysis {
  const r = simulate(read(file), diskProcedures, { account, seed, ...(procedure ? { procedure } : {}) } as never);
  if (!r.analysis)
    throw new Error(`${file} (${account ?? 'no account'}, ${procedure ?? 'own procedure'}) did not run:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  return r.analysis;
}

function accountsOf(a: Analysis): (string | null)[] {
  return [null, ...Object.keys(a.run.scenario.spec.accounts ?? {}).sort()];
}

export interface GoldenOptions {
  /** Also synthetic.json, the 1,000-unit exercise (about 10 s). */
  synthetic?: boolean;
}

/** Every golden output, by path under GOLDEN_DIR. */
export function goldenOutputs(opts: GoldenOptions = {}): Map<string, string> {
  const out = new Map<string, string>();
  const hashes: Record<string, unknown> = {};
  const procedures = diskProcedures.shippedIds();

  for (const file of yamlIn('scenarios')) {
    const name = file.replace(/^.*\//, '').replace(/\.yaml$/, '');
    const own = run(file, null, undefined);
    for (const account of accountsOf(own)) {
      for (const procedure of [undefined, ...procedures]) {
        // The scenario's own procedure is listed once, as own-procedure.
        if (procedure === own.run.scenario.procedure.id) continue;
        const a = run(file, account, procedure);
        const key = `${name}/${account ?? 'no-account'}.${procedure ?? 'own-procedure'}`;
        out.set(`${key}.report.json`, JSON.stringify(buildReport(a), null, 2) + '\n');
        out.set(`${key}.timeline.txt`, formatText(a, { verbose: true }));
        out.set(`${key}.debrief.md`, formatMarkdown(a));
        const s = a.run.scenario;
        out.set(
          `${key}.paths.txt`,
          formatPathsText({ title: s.spec.title, account: s.account, procedure: s.procedure.id, seed: a.run.seed }, pathsForRun(a, { cap: DEFAULT_CAP }), {
            all: true,
          }),
        );
        hashes[`${key}.log`] = { entries: a.run.log.length, sha256: sha256(logLines(a)) };
      }
    }
  }

  // Account against account, where a scenario has two.
  for (const procedure of procedures) {
    const jp = run('scenarios/dec-2018-noto.yaml', 'jp', procedure);
    const rok = run('scenarios/dec-2018-noto.yaml', 'rok', procedure);
    // As `npm run compare` does: each finding tested against the disputed facts.
    const c = compareRuns(jp, rok, rerunner(read('scenarios/dec-2018-noto.yaml'), diskProcedures, { procedure, seed: SEED }));
    out.set(`compare/dec-2018-noto.jp-vs-rok.${procedure}.md`, `# ${c.title}\n\n${formatComparisonMarkdown(c)}`);
  }

  // The checker's words on every shipped file, in one listing.
  const files = [...yamlIn('scenarios'), ...yamlIn('scenarios/procedures'), ...yamlIn('procedures')];
  out.set(
    'check.txt',
    files
      .map((f) => {
        const ds = checkFile(read(f), diskProcedures);
        return `## ${f}\n${ds.map((d) => formatDiagnostic(d) + '\n').join('')}`;
      })
      .join('\n'),
  );

  // The random source: the first draws of a few seeds and of a fork.
  const draws = (seed: number, label?: string) => {
    const r = label ? createRandom(seed).fork(label) : createRandom(seed);
    return Array.from({ length: 8 }, () => r.next());
  };
  hashes['random'] = { 'seed-1': draws(1), 'seed-2': draws(2), 'seed-4294967295': draws(4294967295), 'seed-1/fork-noise': draws(1, 'noise') };

  out.set('hashes.json', JSON.stringify(hashes, null, 2) + '\n');
  if (opts.synthetic) out.set('synthetic.json', JSON.stringify(syntheticHashes(), null, 2) + '\n');
  return out;
}

/** The 1,000-unit exercise of the benchmarks, one simulated hour: the scale the engine is tuned for. */
export function syntheticHashes(): Record<string, unknown> {
  const yaml = generateScenario({ units: 1000, durationS: 3600, seed: 1 }).yaml;
  const r = simulate({ file: 'synthetic-1000.yaml', text: yaml }, diskProcedures, { seed: 1 });
  if (!r.analysis) throw new Error(`the synthetic exercise did not run:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  return {
    'synthetic-1000x1h.scenario': { sha256: sha256(yaml) },
    'synthetic-1000x1h.log': { entries: r.analysis.run.log.length, sha256: sha256(logLines(r.analysis)) },
    'synthetic-1000x1h.report': { sha256: sha256(JSON.stringify(buildReport(r.analysis), null, 2) + '\n') },
  };
}
