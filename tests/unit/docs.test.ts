// The author's guide cannot go stale: every YAML example in docs/*.md parses, every complete file
// in it checks clean, the tutorial's file is built from the tutorial's own steps and runs as the
// guide says, and every field of the formats is mentioned in the guide.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { checkFile } from '../../src/core/check';
import { formatDiagnostic, type Diagnostic } from '../../src/core/diagnostics';
import { parseYamlSource } from '../../src/core/yaml-source';
import { loadScenario } from '../../src/core/scenario/load';
import { lintScenario } from '../../src/core/scenario/lint';
import { scenarioSchema } from '../../src/core/scenario/schema';
import { procedureSchema } from '../../src/core/procedure/schema';
import { loadProcedure } from '../../src/core/procedure/load';
import { simulate, buildReport } from '../../src/core';
import { formatText } from '../../src/core/format/text';
import { diskProcedures, readText, ROOT } from '../../src/cli/files';

const DOCS = join(ROOT, 'docs');
const GUIDE_PATH = join(DOCS, 'authoring.md');
const GUIDE = readFileSync(GUIDE_PATH, 'utf8');
const TUTORIAL_FILE = 'first-encounter.yaml';
/** Where the tutorial tells the reader to save the file, so messages name it as the guide shows. */
const TUTORIAL_PATH = `my-scenarios/${TUTORIAL_FILE}`;

interface Block {
  doc: string;
  lang: string;
  /** 1-based line of the opening fence. */
  line: number;
  text: string;
}

/** Fenced code blocks of a Markdown file, in order. */
function codeBlocks(doc: string, md: string): Block[] {
  const out: Block[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    out.push({ doc, lang: open[1]!, line: start + 1, text: body.length ? body.join('\n') + '\n' : '' });
  }
  return out;
}

const docFiles = readdirSync(DOCS).filter((f) => f.endsWith('.md'));
const allBlocks = docFiles.flatMap((f) => codeBlocks(f, readFileSync(join(DOCS, f), 'utf8')));
const yamlBlocks = allBlocks.filter((b) => b.lang === 'yaml');
const guideBlocks = codeBlocks('authoring.md', GUIDE);

const FILE = /^# file: ([\w.-]+\.yaml)\s*$/;
const FRAGMENT = /^# fragment\b/;
const STEP = /^# tutorial step (\d+)\b/;
const firstLine = (b: Block) => b.text.split('\n')[0] ?? '';
/** The block without its marker line, as the reader saves it. */
const body = (b: Block) => b.text.split('\n').slice(1).join('\n');
const where = (b: Block) => `${b.doc}:${b.line}`;

/** Writes every complete file of one document to one folder, so they can name each other by path. */
function writeCompleteFiles(doc: string): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-docs-'));
  const paths = new Map<string, string>();
  for (const b of yamlBlocks.filter((x) => x.doc === doc && FILE.test(firstLine(x)))) {
    const name = FILE.exec(firstLine(b))![1]!;
    const p = join(dir, name);
    writeFileSync(p, body(b));
    paths.set(name, p);
  }
  return paths;
}

/** Lint warnings under every account (the checker will include these once lint is wired into loading). */
function lintAll(path: string): Diagnostic[] {
  const ft = readText(path);
  const { doc } = parseYamlSource(ft.text, ft.file);
  const v = doc.value as { units?: unknown; accounts?: Record<string, unknown> } | undefined;
  if (!v || !('units' in v)) return [];
  const out: Diagnostic[] = [];
  for (const account of [undefined, ...Object.keys(v.accounts ?? {})]) {
    const loaded = loadScenario(ft, diskProcedures, account ? { account } : {});
    if (loaded.scenario) out.push(...lintScenario(doc, loaded.scenario));
  }
  return out;
}

function tutorialSteps(): Block[] {
  return guideBlocks.filter((b) => b.lang === 'yaml' && STEP.test(firstLine(b)));
}

function tutorialFromSteps(): string {
  return tutorialSteps().map(body).join('');
}

function tutorialCompleteFile(): Block {
  const b = guideBlocks.find((x) => x.lang === 'yaml' && firstLine(x) === `# file: ${TUTORIAL_FILE}`);
  if (!b) throw new Error(`authoring.md has no complete file "# file: ${TUTORIAL_FILE}"`);
  return b;
}

/** Runs scenario text as `npm run sim` would and returns the text output. */
function runText(text: string, opts: { account?: string } = {}) {
  const r = simulate({ file: TUTORIAL_PATH, text }, diskProcedures, opts);
  if (!r.analysis) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return { out: formatText(r.analysis), report: buildReport(r.analysis) };
}

/** Every shown line (not blank, not "…") appears in the real output, in the same order. */
function expectShownLinesInOrder(shown: string, actual: string, label: string) {
  const have = actual.split('\n');
  let at = 0;
  for (const line of shown.split('\n')) {
    if (!line.trim() || line.trim() === '…') continue;
    const i = have.indexOf(line, at);
    expect(i, `${label}: the guide shows a line the run does not print (in this order):\n${line}`).toBeGreaterThanOrEqual(0);
    at = i + 1;
  }
}

/** The first block of a language after a given block. */
function nextBlock(after: Block, lang: string): Block {
  const b = guideBlocks.find((x) => x.line > after.line && x.lang === lang);
  if (!b) throw new Error(`no ${lang} block after line ${after.line}`);
  return b;
}

describe('YAML examples in docs/*.md', () => {
  it('are all marked as a complete file, a fragment or a tutorial step', () => {
    expect(yamlBlocks.length).toBeGreaterThan(10);
    for (const b of yamlBlocks) {
      const first = firstLine(b);
      expect(
        FILE.test(first) || FRAGMENT.test(first) || STEP.test(first),
        `${where(b)} starts with "${first}"; start it with "# file: <name>.yaml", "# fragment" or "# tutorial step <n>: …"`,
      ).toBe(true);
    }
  });

  it('all parse as YAML', () => {
    for (const b of yamlBlocks) {
      const { diagnostics } = parseYamlSource(b.text, where(b));
      expect(diagnostics.map(formatDiagnostic), where(b)).toEqual([]);
    }
  });

  it('complete files check clean: no error, no warning, under every account', () => {
    let checked = 0;
    for (const doc of docFiles) {
      const names = yamlBlocks.filter((b) => b.doc === doc && FILE.test(firstLine(b))).map((b) => FILE.exec(firstLine(b))![1]!);
      expect(new Set(names).size, `${doc} names a complete file twice`).toBe(names.length);
      for (const [name, path] of writeCompleteFiles(doc)) {
        const ds = [...checkFile(readText(path), diskProcedures), ...lintAll(path)];
        expect(ds.map(formatDiagnostic), `${doc}: ${name}`).toEqual([]);
        checked++;
      }
    }
    // The tutorial, a minimal scenario, an accounts example and a procedure.
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});

describe('the tutorial', () => {
  it('is presented in numbered steps, 1, 2, 3 …', () => {
    const numbers = tutorialSteps().map((b) => Number(STEP.exec(firstLine(b))![1]));
    expect(numbers.length).toBeGreaterThanOrEqual(3);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('its steps, one after the other, are exactly its complete file', () => {
    expect(tutorialFromSteps()).toBe(body(tutorialCompleteFile()));
  });

  it("builds a scenario from the guide's own text that checks clean", () => {
    const text = tutorialFromSteps();
    expect(checkFile({ file: TUTORIAL_PATH, text }, diskProcedures).map(formatDiagnostic)).toEqual([]);
    const loaded = loadScenario({ file: TUTORIAL_PATH, text }, diskProcedures);
    expect(loaded.scenario).toBeDefined();
    expect(lintScenario(parseYamlSource(text, TUTORIAL_PATH).doc, loaded.scenario!).map(formatDiagnostic)).toEqual([]);
  });

  it('runs, and the call reaches acted-on with nothing breaking down, as the guide says', () => {
    const { report } = runText(tutorialFromSteps());
    expect(report.units.map((u) => u.id)).toEqual(['jp-dd', 'kr-p3']);
    const hail = report.transmissions.find((t) => t.from === 'jp-dd' && t.to === 'kr-p3' && t.channel === '121.5');
    expect(hail?.recipients).toEqual([expect.objectContaining({ unit: 'kr-p3', reached: 'acted-on', failedAt: null })]);
    const statement = report.transmissions.find((t) => t.channel === '156.8');
    expect(statement?.recipients).toEqual([expect.objectContaining({ unit: 'kr-p3', reached: 'understood', failedAt: null })]);
    expect(report.breakdowns).toEqual([]);
    expect(report.summary).toMatchObject({ transmissions: 3, exchangesCompleted: 1, breakdowns: 0 });
    expect(GUIDE).toContain('Transmissions: 3 · exchanges completed: 1');
    expect(GUIDE).toContain('Breakdowns: 0');
  });

  it('prints what the guide shows after `npm run sim -- my-scenarios/first-encounter.yaml`', () => {
    const command = guideBlocks.find((b) => b.lang === 'sh' && b.text.trim() === `npm run sim -- ${TUTORIAL_PATH}`);
    expect(command, 'the guide shows the command that runs the tutorial').toBeDefined();
    const shown = nextBlock(command!, 'text');
    expect(shown.text.split('\n').filter((l) => l.trim() && l.trim() !== '…').length).toBeGreaterThan(15);
    expectShownLinesInOrder(shown.text, runText(tutorialFromSteps()).out, 'tutorial output');
  });

  it('check prints the count line the guide shows, and the misspelt field at the line and column it shows', () => {
    const command = guideBlocks.find((b) => b.lang === 'sh' && b.text.trim() === `npm run check -- ${TUTORIAL_PATH}`);
    expect(nextBlock(command!, 'text').text.trim()).toBe('1 file(s) checked: 0 error(s), 0 warning(s)');
    const text = tutorialFromSteps();
    expect(text).toContain('    hull: "104"\n');
    const ds = checkFile({ file: TUTORIAL_PATH, text: text.replace('    hull: "104"\n', '    hul: "104"\n') }, diskProcedures);
    expect(ds).toHaveLength(1);
    expect(GUIDE).toContain(formatDiagnostic(ds[0]!));
  });

  it('the three mistakes of the debugging section give the lines the guide shows', () => {
    const text = tutorialFromSteps()
      .replace('    hull: "104"\n', '    hul: "104"\n')
      .replace('    name: ROKN P-3CK\n    nation: KR\n', '    name: ROKN P-3CK\n    nation: KOR\n')
      .replace('channel: "121.5"', 'channel: "121.6"');
    const ds = checkFile({ file: TUTORIAL_PATH, text }, diskProcedures);
    expect(ds).toHaveLength(3);
    const section = GUIDE.slice(GUIDE.indexOf('### 7.1'));
    const shown = codeBlocks('authoring.md', section).find((b) => b.lang === 'text')!;
    expect(shown.text).toBe(ds.map(formatDiagnostic).join('\n') + '\n');
  });

  it('breaking it on purpose (step 7) stops the calls at receivable, as the guide shows', () => {
    const before = '      - { id: vuhf, modulation: AM, channels: ["121.5", "243.0", "123.1"], tuned: ["121.5", "243.0"] }\n';
    const after = '      - { id: vuhf, modulation: AM, channels: ["121.5", "243.0", "123.1"], tuned: ["123.1", "243.0"] }\n';
    const fragment = guideBlocks.find((b) => b.lang === 'yaml' && FRAGMENT.test(firstLine(b)) && body(b) === after);
    expect(fragment, 'the guide shows the changed line as a fragment').toBeDefined();
    const text = tutorialFromSteps();
    expect(text).toContain(before);
    const { out, report } = runText(text.replace(before, after));
    const calls = report.transmissions.filter((t) => t.from === 'jp-dd' && t.channel === '121.5');
    expect(calls).toHaveLength(3);
    for (const c of calls) expect(c.recipients[0]).toMatchObject({ unit: 'kr-p3', reached: 'in-range', failedAt: 'receivable' });
    const table = nextBlock(fragment!, 'text');
    const explanation = nextBlock(table, 'text');
    expectShownLinesInOrder(table.text, out, 'step 7 transmissions');
    expectShownLinesInOrder(explanation.text, out, 'step 7 breakdown');
  });
});

describe('claims of the guide about shipped and example scenarios', () => {
  it('the ladder table names, for each stage, a call of the demo that stops there', () => {
    const { report } = (() => {
      const r = simulate(readText(join(ROOT, 'scenarios/demo-ladder.yaml')), diskProcedures, {});
      return { report: buildReport(r.analysis!) };
    })();
    const rows = GUIDE.split('\n').filter((l) => /^\| `[a-z-]+` \| .* \| `tx-\d+` to `[a-z0-9-]+`/.test(l));
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      const stage = /^\| `([a-z-]+)`/.exec(row)![1]!;
      const [, tx, unit] = /`(tx-\d+)` to `([a-z0-9-]+)`/.exec(row)!;
      const t = report.transmissions.find((x) => x.id === tx);
      expect(t, row).toBeDefined();
      expect(
        t!.recipients.find((r) => r.unit === unit),
        row,
      ).toMatchObject({ failedAt: stage });
    }
    const last = /`(tx-\d+)` to `([a-z0-9-]+)`, climbs all seven stages/.exec(GUIDE);
    expect(last).not.toBeNull();
    expect(report.transmissions.find((x) => x.id === last![1])!.recipients.find((r) => r.unit === last![2])).toMatchObject({
      reached: 'acted-on',
      failedAt: null,
    });
  });

  it('the decision lines of the debugging section are what the December 2018 scenario prints under the ROK account', () => {
    const section = GUIDE.slice(GUIDE.indexOf('### 7.2'));
    expect(section).toContain('`npm run sim -- scenarios/dec-2018-noto.yaml --account rok`');
    const shown = codeBlocks('authoring.md', section).find((b) => b.lang === 'text')!;
    const r = simulate(readText(join(ROOT, 'scenarios/dec-2018-noto.yaml')), diskProcedures, { account: 'rok' });
    expectShownLinesInOrder(shown.text, formatText(r.analysis!), 'section 7.2');
  });

  it('disputed-guard.yaml: the jp account stops the calls at receivable, the kr account gets the first to acted-on', () => {
    const path = writeCompleteFiles('authoring.md').get('disputed-guard.yaml')!;
    const run = (account: string) => buildReport(simulate(readText(path), diskProcedures, { account }).analysis!);
    const jp = run('jp');
    const jpCalls = jp.transmissions.filter((t) => t.channel === '121.5' && t.from === 'jp-dd');
    expect(jpCalls).toHaveLength(3);
    for (const c of jpCalls) expect(c.recipients[0]).toMatchObject({ failedAt: 'receivable' });
    const kr = run('kr');
    expect(kr.transmissions.find((t) => t.channel === '121.5' && t.from === 'jp-dd')!.recipients[0]).toMatchObject({ reached: 'acted-on', failedAt: null });
    for (const r of [jp, kr])
      expect(r.transmissions.find((t) => t.channel === '156.8')!.recipients[0]).toMatchObject({ reached: 'understood', failedAt: null });
  });

  it('a partial hailing: in a procedure that extends another keeps the inherited fields it does not name, as the guide says', () => {
    expect(GUIDE).toContain('`hailing: { attempts: 2 }` in a procedure that extends `practice-2018`');
    const dir = mkdtempSync(join(tmpdir(), 'encounter-sim-docs-'));
    const path = join(dir, 'child.yaml');
    writeFileSync(path, 'id: child\ntitle: Child\nextends: practice-2018\nhailing: { attempts: 2 }\n');
    const p = loadProcedure(path, path, diskProcedures).procedure!;
    expect(p.hailing).toMatchObject({ attempts: 2, intervalS: 60, callsPerChannel: 1 });
  });

  it('the links in docs/README.md point at files that exist', () => {
    const readme = readFileSync(join(DOCS, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^https?:/.test(l));
    expect(links.length).toBeGreaterThan(3);
    for (const l of links) {
      const target = resolve(DOCS, l);
      if (!target.startsWith(ROOT)) continue; // the shared folder outside the repository
      expect(existsSync(target), l).toBe(true);
    }
    expect(existsSync(dirname(GUIDE_PATH))).toBe(true);
  });
});

/** Every object key, and every enum and literal value, of a zod schema. */
function schemaWords(schema: z.ZodType): { keys: Set<string>; values: Set<string> } {
  const keys = new Set<string>();
  const values = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (s: unknown) => {
    const def = (s as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def || seen.has(s)) return;
    seen.add(s);
    switch (def['type']) {
      case 'object':
        for (const [k, v] of Object.entries(def['shape'] as Record<string, unknown>)) {
          keys.add(k);
          walk(v);
        }
        return;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nonoptional':
        return walk(def['innerType']);
      case 'array':
        return walk(def['element']);
      case 'union':
        return (def['options'] as unknown[]).forEach(walk);
      case 'record':
        walk(def['keyType']);
        return walk(def['valueType']);
      case 'pipe':
        walk(def['in']);
        return walk(def['out']);
      case 'enum':
        return Object.values(def['entries'] as Record<string, string>).forEach((v) => values.add(String(v)));
      case 'literal':
        return (def['values'] as unknown[]).forEach((v) => values.add(String(v)));
      default:
        return;
    }
  };
  walk(schema);
  return { keys, values };
}

/** Words the guide shows as code: inline `spans`, and keys written `key:` in its YAML blocks. */
function documentedWords(md: string): Set<string> {
  const words = new Set<string>();
  const prose = md.replace(/^```[\s\S]*?^```/gm, '');
  for (const m of prose.matchAll(/`([^`\n]+)`/g)) words.add(m[1]!.trim());
  for (const b of codeBlocks('', md).filter((x) => x.lang === 'yaml')) for (const m of b.text.matchAll(/([$\w-]+):/g)) words.add(m[1]!);
  return words;
}

describe('the guide keeps up with the formats', () => {
  const documented = documentedWords(GUIDE);

  it('mentions every field name of the scenario format', () => {
    const { keys } = schemaWords(scenarioSchema);
    expect(keys.size).toBeGreaterThan(80);
    const missing = [...keys].filter((k) => !documented.has(k));
    expect(missing, 'fields of src/core/scenario/schema.ts that docs/authoring.md does not mention as `code`').toEqual([]);
  });

  it('mentions every field name of the procedure format', () => {
    const missing = [...schemaWords(procedureSchema).keys].filter((k) => !documented.has(k));
    expect(missing, 'fields of src/core/procedure/schema.ts that docs/authoring.md does not mention as `code`').toEqual([]);
  });

  it('mentions every value a field can take (do:, event:, kind:, rule types, triggers …)', () => {
    const values = new Set([...schemaWords(scenarioSchema).values, ...schemaWords(procedureSchema).values]);
    expect(values).toContain('set-radio');
    expect(values).toContain('relay-received');
    const missing = [...values].filter((v) => !documented.has(v));
    expect(missing, 'values that docs/authoring.md does not mention as `code`').toEqual([]);
  });
});
