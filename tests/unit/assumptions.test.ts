// Issue 13: every assumption labelled in every output. The facts (agreed and disputed, with this
// account's value, marked where the account does not state it) and every value the run uses that
// no source gives appear in the JSON report, the text timeline, the Markdown and the HTML debrief.
// Expectations are read from the scenario files themselves, never listed here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyse, cli, DEC_2018 } from './helpers';
import { ROOT } from '../../src/cli/files';
import { buildReport } from '../../src/core';
import { groundsOf } from '../../src/core/analysis/assumptions';
import { formatText } from '../../src/core/format/text';
import { formatMarkdown } from '../../src/core/format/markdown';
import { debriefHtml } from '../../src/core/debrief/html';
import { valueWords } from '../../src/core/format/grounds';
import { mdText } from '../../src/core/format/md-escape';
import { UNIT_KINDS } from '../../src/core/kinds';

const FIXTURE = join(ROOT, 'tests/fixtures/grounds.yaml');
const SHIPPED = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => join(ROOT, 'scenarios', f));

type Doc = {
  facts?: Record<string, { values: Record<string, unknown>; assumed?: Record<string, string>; question: string }>;
  agreed?: { id: string; statement: string }[];
  assumptions?: { id: string; value: unknown; label: string; why: string }[];
};
const docOf = (file: string) => parse(readFileSync(file, 'utf8')) as Doc;
const htmlText = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('every shipped scenario × account', () => {
  for (const file of [...SHIPPED, FIXTURE]) {
    const doc = docOf(file);
    const accounts = [null, ...Object.keys((parse(readFileSync(file, 'utf8')) as { accounts?: object }).accounts ?? {})];
    for (const account of accounts) {
      it(`${file.replace(ROOT + '/', '')} (${account ?? 'no account'}) lists every fact and assumption in JSON, text, Markdown and HTML`, () => {
        const a = analyse(file, { account });
        const g = groundsOf(a);
        const factIds = [...(doc.agreed ?? []).map((f) => f.id), ...Object.keys(doc.facts ?? {})];
        const scenarioIds = (doc.assumptions ?? []).map((x) => x.id);
        const gathered = g.assumptions.map((x) => x.id);
        // The scenario's own list is in what was gathered, and no id is given twice.
        for (const id of scenarioIds) expect(gathered).toContain(id);
        expect(new Set(gathered).size).toBe(gathered.length);

        const report = buildReport(a);
        expect(report.facts.map((f) => f.id)).toEqual(factIds);
        expect(report.assumptions.map((x) => x.id)).toEqual(gathered);
        const text = formatText(a);
        const md = formatMarkdown(a);
        const html = htmlText(debriefHtml(a));
        for (const [name, out] of [
          ['text', text],
          ['md', md],
          ['html', html],
        ] as const) {
          for (const id of factIds) expect(out, `${name}: fact ${id}`).toContain(id);
          for (const id of gathered) expect(out, `${name}: assumption ${id}`).toContain(id);
        }
      });
    }
  }
});

describe('the procedure and the model', () => {
  it('lists every parameter the procedure chain does not know, with the value the run uses', () => {
    for (const file of [...SHIPPED, FIXTURE]) {
      const a = analyse(file);
      const g = groundsOf(a);
      const p = a.run.scenario.procedure;
      for (const [name, param] of Object.entries(p.parameters).filter(([, x]) => !x.known)) {
        const x = g.assumptions.find((y) => y.id === name);
        expect(x, `${file}: ${name}`).toBeDefined();
        expect(x!.origin).toBe('procedure');
        expect(x!.value).toEqual(name in a.run.scenario.parameters ? a.run.scenario.parameters[name] : param.value);
      }
    }
  });

  it("says whether the environment's radio thresholds were set by the scenario or are the model's defaults", () => {
    const g = groundsOf(analyse(FIXTURE, { account: 'a' }));
    const env = (k: string) => g.assumptions.find((x) => x.id === `model:${k}`)!;
    expect(env('requiredSnrDb')).toMatchObject({ value: 12, origin: 'model' });
    expect(env('requiredSnrDb').why).toMatch(/the scenario sets 12 dB/);
    for (const k of ['noiseFloorDbm', 'clearSnrDb', 'understandAt', 'stepS']) expect(env(k).why, k).toMatch(/model's default/);
  });

  it('labels the default antenna height, and the run uses exactly that height', () => {
    const a = analyse(FIXTURE, { account: 'a' });
    const x = groundsOf(a).assumptions.find((y) => y.id === 'model:antennaHeightM')!;
    expect(x.value).toEqual({ 'rok-ddh': UNIT_KINDS.ship.defaultAntennaM });
    // jp-dd gives its own height: not an assumption.
    expect(Object.keys(x.value as object)).not.toContain('jp-dd');
    const heard = a.run.log.find((e) => e.type === 'reception' && e.result.unit === 'rok-ddh');
    expect(heard && heard.type === 'reception' ? heard.result.evidence.recipientHeightM : undefined).toBe(UNIT_KINDS.ship.defaultAntennaM);
  });

  it('labels the modes the sources do not state, and the MF ground wave, when a set can use those channels', () => {
    const ids = (file: string) => groundsOf(analyse(file, { account: 'a' })).assumptions.map((x) => x.id);
    const withMf = ids(FIXTURE);
    expect(withMf).toEqual(expect.arrayContaining(['model:modulation-243.0', 'model:modulation-2.182', 'model:mfGroundWaveNm']));
    // No set of the control scenario can use MF: nothing about it is listed.
    const control = groundsOf(analyse(join(ROOT, 'scenarios/control-cues-exchange.yaml'))).assumptions.map((x) => x.id);
    expect(control).toContain('model:modulation-243.0');
    expect(control).not.toContain('model:modulation-2.182');
    expect(control).not.toContain('model:mfGroundWaveNm');
  });

  it('labels the range at which state-intentions fires, as the procedure marks it unknown', () => {
    const a = analyse(DEC_2018, { account: 'rok', procedure: 'cues-2014' });
    const x = groundsOf(a).assumptions.find((y) => y.id === 'approachRangeM')!;
    expect(x).toMatchObject({ origin: 'procedure', unit: 'm' });
    expect(x.label).toContain('state-intentions');
  });
});

describe('a value the account does not state', () => {
  const b = analyse(FIXTURE, { account: 'b' });
  const a = analyse(FIXTURE, { account: 'a' });
  const why = docOf(FIXTURE).facts!['hail-channel']!.assumed!['b']!;

  it('is shown as an assumption under that account, with why, in every output', () => {
    const r = buildReport(b);
    expect(r.facts.find((f) => f.id === 'hail-channel')).toMatchObject({ value: '243.0', disputed: true, assumed: why, assumedIn: { b: why } });
    expect(r.assumptions.find((x) => x.id === 'hail-channel')).toMatchObject({ value: '243.0', origin: 'fact', why });
    expect(formatText(b)).toContain(`"243.0" (assumption: ${why})`);
    expect(formatMarkdown(b)).toContain(`**"243.0"** (assumption: ${why})`);
    expect(htmlText(debriefHtml(b))).toContain(`(assumption: ${why})`);
  });

  it("is the other account's word, not an assumption, where that account states it", () => {
    const r = buildReport(a);
    expect(r.facts.find((f) => f.id === 'hail-channel')).toMatchObject({ value: '156.8', assumed: null });
    expect(r.assumptions.map((x) => x.id)).not.toContain('hail-channel');
    expect(formatMarkdown(a)).not.toContain(`**"156.8"** (assumption`);
  });

  it('agreed facts are listed as agreed, with their sources, under either account', () => {
    for (const run of [a, b]) {
      const r = buildReport(run);
      expect(r.facts.filter((f) => !f.disputed).map((f) => [f.id, f.question, f.sources])).toEqual(
        docOf(FIXTURE).agreed!.map((f) => [f.id, f.statement, (f as unknown as { sources: string[] }).sources]),
      );
      expect(formatText(run)).toContain('Agreed by every account:');
    }
  });
});

describe('the must-shows of issue 13: December 2018 under the ROK account', () => {
  const doc = docOf(DEC_2018);
  const facts = Object.entries(doc.facts ?? {});

  it('--format md lists every assumption and every disputed fact with its value in this account', () => {
    const r = cli('sim', [DEC_2018, '--account', 'rok', '--format', 'md']);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n');
    for (const [id, f] of facts) {
      const row = rows.find((l) => l.startsWith(`| \`${id}\` |`));
      expect(row, id).toBeDefined();
      // As Markdown prints text from a file: literal, with brackets and bars escaped.
      expect(row).toContain(`**${mdText(valueWords(f.values['rok']))}**`);
      if (f.assumed?.['rok']) expect(row).toContain(`(assumption: ${mdText(f.assumed['rok'].trim().replace(/\s+/g, ' '))}`);
    }
    const a = analyse(DEC_2018, { account: 'rok' });
    for (const x of groundsOf(a).assumptions) {
      const row = rows.find((l) => l.startsWith(`| \`${x.id}\` |`));
      expect(row, x.id).toBeDefined();
    }
    for (const x of doc.assumptions ?? []) {
      const row = rows.find((l) => l.startsWith(`| \`${x.id}\` |`))!;
      expect(row).toContain(mdText(x.label.trim().replace(/\s+/g, ' ')));
      expect(row).toContain(mdText(x.why.trim().replace(/\s+/g, ' ')));
    }
  });

  it('--format json lists every assumption and every disputed fact with its value in this account', () => {
    const r = cli('sim', [DEC_2018, '--account', 'rok', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ReturnType<typeof buildReport>;
    for (const [id, f] of facts) {
      expect(
        report.facts.find((x) => x.id === id),
        id,
      ).toMatchObject({
        value: f.values['rok'],
        disputed: true,
        byAccount: f.values,
        assumed: f.assumed?.['rok'] ?? null,
      });
      if (f.assumed?.['rok']) expect(report.assumptions.find((x) => x.id === id)).toMatchObject({ origin: 'fact', value: f.values['rok'] });
    }
    for (const x of doc.assumptions ?? [])
      expect(
        report.assumptions.find((y) => y.id === x.id),
        x.id,
      ).toMatchObject({ value: x.value, label: x.label, why: x.why });
    expect(report.assumptions.map((x) => x.id)).toEqual(groundsOf(analyse(DEC_2018, { account: 'rok' })).assumptions.map((x) => x.id));
  });
});
