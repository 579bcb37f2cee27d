/**
 * npm run bench — every benchmark in turn, then one summary of every target with met or missed.
 *
 * Each part runs as its own process with its output shown as it comes. A part that crashes does
 * not stop the others (a busy machine once made one bench throw and the rest never ran); it is
 * listed as failed at the end and the exit status is 1. A missed target is a finding, not a
 * failure: the exit status stays 0.
 *
 *   npm run bench [-- --only phases,cli]
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

const PARTS = [
  { name: 'vitest', command: 'npx', args: ['vitest', 'bench', '--run', '--project', 'unit'] },
  { name: 'phases', command: 'node', args: ['scripts/run-bundled.mjs', 'scripts/bench-phases.ts', '--units', '1000,3000'] },
  // The same growth under a procedure with escalation ladders (one round: a 3,000-unit round takes about a minute).
  {
    name: 'ladders',
    command: 'node',
    args: ['scripts/run-bundled.mjs', 'scripts/bench-phases.ts', '--units', '1000,3000', '--procedure', 'rok-2019-guideline', '--repeat', '1'],
  },
  { name: 'xstate', command: 'node', args: ['scripts/run-bundled.mjs', 'scripts/bench-xstate.ts'] },
  { name: 'cli', command: 'node', args: ['scripts/bench-cli.mjs'] },
  { name: 'browser', command: 'npx', args: ['tsx', 'scripts/bench-browser.ts'] },
  { name: 'log', command: 'npx', args: ['tsx', 'scripts/bench-log.ts'] },
];

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1]?.split(',')) : null;

/** Lines that state a target's verdict: every bench prints "met" or "missed" on them. */
const VERDICT = /\b(met|missed|MISSED)\b/;

function runPart(part) {
  return new Promise((resolve) => {
    const child = spawn(part.command, part.args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const verdicts = [];
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) if (VERDICT.test(line) && /target/i.test(line)) verdicts.push(line.trim());
    });
    child.on('close', (code) => resolve({ code, verdicts }));
  });
}

const started = Date.now();
const results = [];
for (const part of PARTS) {
  if (only && !only.has(part.name)) continue;
  console.log(`\n=== ${part.name}: ${part.command} ${part.args.join(' ')}`);
  results.push({ part, ...(await runPart(part)) });
}

const load = loadavg().map((x) => x.toFixed(1));
console.log(`\n=== Summary (${cpus().length} cores, load average now ${load.join(' ')}, ${((Date.now() - started) / 60000).toFixed(1)} min)`);
for (const r of results) {
  if (r.code !== 0) console.log(`  FAILED  ${r.part.name} (exit ${r.code}): its figures above are incomplete`);
  for (const v of r.verdicts) console.log(`  ${r.part.name}: ${v}`);
}
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
