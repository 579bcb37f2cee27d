// The encounter-sim command line as a user meets it: one binary (package.json `bin`) with
// subcommands, usage on -h/--help that writes nothing, one parser that names a mistyped option,
// `check --format json` for programs, and a built file that is never older than the source.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, DEC_2018, DEMO, tempFile } from './helpers';
import { ROOT } from '../../src/cli/files';
import { CATALOG } from '../../src/i18n';
import { builtState, hashOf, staleReason, OUT_DIR, OUTPUTS } from '../../scripts/cli-state.mjs';
import { buildOptions } from '../../scripts/build-cli.mjs';

// Each test starts several processes; generous timeouts for a busy machine.
const SLOW = { timeout: 120_000 };
const COMMANDS = ['sim', 'check', 'compare', 'paths', 'machine', 'sweep', 'debrief', 'drill', 'schema'] as const;

function run(args: readonly string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under a folder with its size and modification time: what "wrote nothing" is checked against. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((f) => {
      const st = statSync(join(dir, f));
      return `${f} ${st.size} ${st.mtimeMs}`;
    });
}

describe('encounter-sim --help', () => {
  it('lists every command, exits 0, and says so in the language asked for', SLOW, () => {
    for (const args of [['--help'], ['-h'], [], ['help']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout.split('\n')[0]).toBe(CATALOG.en['cli.usage.main']);
      for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} +\\S`, 'm'));
    }
    const ja = run(['--help', '--lang', 'ja']);
    expect(ja.stdout.split('\n')[0]).toBe(CATALOG.ja['cli.usage.main']);
    expect(ja.stdout).toContain(CATALOG.ja['cli.about.sim']);
  });

  it('on every command prints its usage, exits 0 and writes nothing: not schemas/, not --out, not the folder it runs in', SLOW, () => {
    const schemas = join(ROOT, 'schemas');
    const before = snapshot(schemas);
    const cwd = mkdtempSync(join(tmpdir(), 'encounter-sim-help-'));
    for (const c of COMMANDS) {
      for (const help of c === 'sim' || c === 'schema' ? ['--help', '-h'] : ['--help']) {
        const r = run([c, DEC_2018, help, '--out', join(cwd, 'out.txt')], cwd);
        expect(r.code, `${c} ${help}`).toBe(0);
        expect(r.stderr, `${c} ${help}`).toBe('');
        expect(r.stdout, `${c} ${help}`).toBe(CATALOG.en[`cli.usage.${c}`] + '\n');
      }
    }
    for (const c of ['check', 'schema', 'sweep'] as const) expect(run(['help', c, '--lang', 'ko']).stdout).toBe(CATALOG.ko[`cli.usage.${c}`] + '\n');
    expect(readdirSync(cwd)).toEqual([]);
    expect(snapshot(schemas)).toEqual(before);
  });
});

describe('one parser for every command', () => {
  it('an option a command does not take exits 2, names the option meant, and runs nothing', SLOW, () => {
    const sim = run(['sim', DEMO, '--fromat', 'json']);
    expect(sim.code).toBe(2);
    expect(sim.stdout).toBe('');
    expect(sim.stderr).toContain('unknown option --fromat');
    expect(sim.stderr).toContain('did you mean --format?');
    expect(sim.stderr).toContain(CATALOG.en['cli.usage.sim']);
    const check = run(['check', '--sed', '3', DEMO]);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('unknown option --sed');
    // check takes no --seed, so nothing close is suggested for it there; sim does.
    expect(run(['sim', DEMO, '--sed', '3']).stderr).toContain('did you mean --seed?');
    const ja = run(['paths', DEMO, '--accout', 'jp', '--lang', 'ja']);
    expect(ja.code).toBe(2);
    expect(ja.stderr).toContain(CATALOG.ja['cli.did-you-mean']!.replace('{name}', '--account'));
    const command = run(['simm', DEMO]);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('did you mean sim?');
  });

  it('takes --name value and --name=value alike, refuses a switch given a value and a value left out', SLOW, () => {
    const spaced = run(['sim', DEMO, '--format', 'json', '--seed', '4']);
    const joined = run(['sim', DEMO, '--format=json', '--seed=4']);
    expect(spaced.code).toBe(0);
    expect(joined.stdout).toBe(spaced.stdout);
    const switchValue = run(['sim', DEMO, '--verbose=yes']);
    expect(switchValue.code).toBe(2);
    expect(switchValue.stderr).toContain('--verbose takes no value');
    const missing = run(['sim', DEMO, '--seed', '--format', 'json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--seed needs a value');
  });
});

describe('encounter-sim check --format json', () => {
  it('gives every problem of every file as one JSON array, the same bytes in every language', SLOW, () => {
    const scenarios = readdirSync(join(ROOT, 'scenarios'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `scenarios/${f}`);
    const broken = tempFile('broken.yaml', readFileSync(DEMO, 'utf8').replace('durationS: 900', 'durationS: soon'));
    const r = run(['check', '--format', 'json', ...scenarios, broken, 'scenarios/no-such.yaml']);
    expect(r.code).toBe(1);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Array.isArray(list)).toBe(true);
    for (const d of list) {
      expect(typeof d['file']).toBe('string');
      expect(d['line']).toBeGreaterThanOrEqual(1);
      expect(d['col']).toBeGreaterThanOrEqual(1);
      expect(['error', 'warning']).toContain(d['severity']);
      expect(typeof d['message']).toBe('string');
    }
    const ofBroken = list.filter((d) => d['file'] === broken || String(d['file']).endsWith('broken.yaml'));
    expect(ofBroken.some((d) => d['severity'] === 'error' && typeof d['code'] === 'string' && String(d['code']).startsWith('checker.'))).toBe(true);
    expect(list).toContainEqual({ file: 'scenarios/no-such.yaml', line: 1, col: 1, severity: 'error', message: 'no such file' });
    // The shipped scenarios pass: only warnings for them.
    expect(list.filter((d) => scenarios.includes(String(d['file'])) && d['severity'] === 'error')).toEqual([]);
    expect(run(['check', '--format', 'json', '--lang', 'ja', ...scenarios, broken, 'scenarios/no-such.yaml']).stdout).toBe(r.stdout);
  });

  it('text stays the default: a `path:line:col: severity[CODE]: message` line per problem (then its excerpt)', SLOW, () => {
    const broken = tempFile('broken.yaml', readFileSync(DEMO, 'utf8').replace('durationS: 900', 'durationS: soon'));
    const text = run(['check', broken]);
    const json = JSON.parse(run(['check', '--format', 'json', broken]).stdout) as {
      line: number;
      col: number;
      severity: string;
      errorCode: string;
      message: string;
    }[];
    expect(text.code).toBe(1);
    expect(json.length).toBeGreaterThan(0);
    // Each problem has its line, however the text around it is laid out.
    const lines = text.stdout.split('\n');
    for (const d of json) {
      expect(d.errorCode).toMatch(/^ES\d{4}$/);
      expect(lines.some((l) => l.startsWith(`${broken}:${d.line}:${d.col}: ${d.severity}[${d.errorCode}]: `))).toBe(true);
    }
  });
});

describe('the built command line', () => {
  it('npx encounter-sim sim gives the same report as npm run sim', SLOW, () => {
    const args = ['sim', 'scenarios/dec-2018-noto.yaml', '--format', 'json'];
    const viaNpx = spawnSync('npx', ['--no-install', 'encounter-sim', ...args], { cwd: ROOT, encoding: 'utf8' });
    const viaNpm = spawnSync('npm', ['run', '--silent', args[0]!, '--', ...args.slice(1)], { cwd: ROOT, encoding: 'utf8' });
    expect(viaNpx.status).toBe(0);
    expect(viaNpm.status).toBe(0);
    expect(viaNpx.stdout.length).toBeGreaterThan(1000);
    expect(viaNpx.stdout).toBe(viaNpm.stdout);
    expect(JSON.parse(viaNpx.stdout).scenario).toBe('dec-2018-noto');
  });

  it('is what scripts/build-cli.mjs makes from the source as it is now, and starts the built sweep worker', SLOW, async () => {
    expect(run(['--help']).code).toBe(0); // rebuilds first if the source is newer
    expect(staleReason(ROOT)).toBeNull();
    const { build } = await import('esbuild');
    const fresh = await build(buildOptions(ROOT));
    expect(fresh.outputFiles.map((f) => f.path.slice(ROOT.length + 1)).sort()).toEqual(OUTPUTS.map((o) => `${OUT_DIR}/${o}`).sort());
    for (const f of fresh.outputFiles) expect(readFileSync(f.path, 'utf8') === f.text, f.path).toBe(true);
    const main = readFileSync(join(ROOT, OUT_DIR, 'encounter-sim.js'), 'utf8');
    expect(main).toContain('"./sweep-worker.js"');
    expect(main).not.toContain('sweep-worker.ts');
  });

  it('gives the same output with its code cache, without one and with one V8 refuses, and writes the cache again', SLOW, () => {
    expect(run(['--help']).code).toBe(0); // rebuilds first if the source is newer
    const { codeCache } = builtState(ROOT).manifest ?? {};
    expect(codeCache).toBeDefined();
    const cache = join(ROOT, OUT_DIR, codeCache!);
    const args = ['sim', DEC_2018, '--format', 'json'];
    const want = run(args);
    expect(want.code).toBe(0);
    rmSync(cache, { force: true });
    expect(run(args)).toEqual(want);
    expect(existsSync(cache)).toBe(true);
    writeFileSync(cache, 'not a code cache');
    expect(run(args)).toEqual(want);
    expect(statSync(cache).size).toBeGreaterThan(1000);
  });

  it('counts as out of date when a source it was built from changes, and not when a file is only touched', () => {
    const root = mkdtempSync(join(tmpdir(), 'encounter-sim-stale-'));
    mkdirSync(join(root, 'src/cli'), { recursive: true });
    mkdirSync(join(root, OUT_DIR), { recursive: true });
    writeFileSync(join(root, 'src/cli/encounter-sim.ts'), 'export {};\n');
    expect(staleReason(root)).toBe('not built');
    for (const o of OUTPUTS) writeFileSync(join(root, OUT_DIR, o), '');
    cpSync(join(ROOT, OUT_DIR, 'manifest.json'), join(root, OUT_DIR, 'manifest.json'));
    const manifest = JSON.parse(readFileSync(join(root, OUT_DIR, 'manifest.json'), 'utf8')) as { builtAt: number; inputs: Record<string, string> };
    // A manifest of this root's one source, built now.
    manifest.inputs = { 'src/cli/encounter-sim.ts': hashOf(join(root, 'src/cli/encounter-sim.ts')) };
    manifest.builtAt = Date.now() + 1000;
    writeFileSync(join(root, OUT_DIR, 'manifest.json'), JSON.stringify(manifest));
    expect(staleReason(root)).toBeNull();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src/cli/encounter-sim.ts'), later, later);
    expect(staleReason(root)).toBeNull(); // newer, same bytes
    writeFileSync(join(root, 'src/cli/encounter-sim.ts'), 'export const changed = 1;\n');
    utimesSync(join(root, 'src/cli/encounter-sim.ts'), later, later);
    expect(staleReason(root)).toBe('src/cli/encounter-sim.ts changed');
  });
});
