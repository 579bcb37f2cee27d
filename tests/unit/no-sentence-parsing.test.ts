// No view parses a sentence the core wrote (issue 16). The core's causes, explanations and
// messages are data (why, code/params) worded in the reader's language; their English words are
// for the JSON report and the CLI. eslint.config.js refuses a file under src/app that splits,
// matches or searches them; these fixtures are lines a contributor might write, and every file
// under src/app must pass.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/files';

const RULE = 'no-restricted-syntax';
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  // Only this rule: the others have their own tests, and type-aware ones need the files on disk.
  ruleFilter: ({ ruleId }) => ruleId === RULE,
});

async function problems(code: string, file = 'src/app/panels/probe.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${file}` });
  return result!.messages.filter((m) => m.severity === 2 && /sentence the core wrote/.test(m.message)).map((m) => `${m.line}: ${m.message}`);
}

const refused: [string, string, string][] = [
  ["the plot's old cause split", "export const w = (o: { cause: string | null }) => (o.cause ?? '').split(/: |; /)[0];"],
  ['a cause split', "export const w = (o: { cause: string }) => o.cause.split(': ');"],
  ['an optional cause split', "export const w = (o?: { cause?: string }) => o?.cause?.split(': ');"],
  ['an explanation matched', 'export const w = (b: { explanation: string }) => b.explanation.match(/stopped at (\\w+)/);'],
  ['an explanation searched with a regular expression', 'export const w = (b: { explanation: string }) => /heard as/.test(b.explanation);'],
  ['a cause read with exec', 'export const w = (b: { cause: string }) => /at (\\w+)/.exec(b.cause);'],
  ['a message replaced', "export const w = (d: { message: string }) => d.message.replace(/^.*: /, '');"],
  ['a reason searched', "export const w = (r: { reason: string }) => r.reason.indexOf('because');"],
  ['a reason tested for its start', "export const w = (r: { reason: string }) => r.reason.startsWith('no ');"],
  ['a why matched in every place', 'export const w = (r: { why: string }) => [...r.why.matchAll(/x/g)];'],
  ['a nested text split', "export const w = (x: { tx: { text: string } }) => x.tx.text.split(' ');"],
  ['an explanation in the plot', 'export const w = (b: { explanation: string }) => b.explanation.includes("range");', 'src/app/plot/layers/probe.ts'],
].map(([what, code, file]) => [what!, code!, file ?? 'src/app/panels/probe.ts']);

describe('no view parses a sentence the core wrote (eslint.config.js)', () => {
  it.each(refused)('refuses %s under src/app', async (_what, code, file) => {
    expect(await problems(code, file)).toHaveLength(1);
  });

  it('lets views read the data and word it, and leaves other code alone', async () => {
    const code = [
      "import type { Explanation } from '../../core/explain';",
      "export const stage = (o: { failedAt: string | null; why?: Explanation }) => (o.why?.code === 'ladder.not-heard' ? o.failedAt : null);",
      "export const param = (b: { why?: Explanation }) => b.why?.params['distanceKm'];",
      "export const id = (s: string) => s.split('-');",
      'export const title = (text: string) => /^title:(.*)$/m.exec(text);',
      // CodeMirror's line.text is the author's file, not the core's words.
      'export const indent = (line: { text: string }) => /^ */.exec(line.text);',
    ].join('\n');
    expect(await problems(code)).toEqual([]);
  });

  it('does not apply outside the app: the core and the CLI write these sentences', async () => {
    expect(await problems("export const w = (o: { cause: string }) => o.cause.split(': ');", 'src/cli/probe.ts')).toEqual([]);
  });

  it('every file under src/app passes', async () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(join(ROOT, 'src/app'));
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const f of files) for (const p of await problems(readFileSync(f, 'utf8'), relative(ROOT, f))) found.push(`${relative(ROOT, f)}:${p}`);
    expect(found).toEqual([]);
  }, 120_000);
});
