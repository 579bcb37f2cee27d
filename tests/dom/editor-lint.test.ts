// The checker's line:col diagnostics as editor ranges: every diagnostic lands on the line and
// column `npm run check` names, underlines the token there, and nothing is dropped.
import { describe, expect, test } from 'vitest';
import { Text } from '@codemirror/state';
import { checkFile } from '../../src/core/check';
import type { Diagnostic } from '../../src/core/diagnostics';
import { bundledProcedures, scenarioById } from '../../src/app/catalog';
import { linesOf, offsetOf, toEditorDiagnostics } from '../../src/app/editor/lint';

const control = scenarioById('control-cues-exchange')!.text;
const FILE = 'scenarios/control-cues-exchange.yaml';
/** The control exchange with a bad modulation (line 30) and an unknown addressee (line 61). */
const broken = control
  .replace(
    'modulation: FM, channels: ["156.8", "156.65", "156.3"], tuned: "156.8" }\n      - { id: aero',
    'modulation: XM, channels: ["156.8", "156.65", "156.3"], tuned: "156.8" }\n      - { id: aero',
  )
  .replace('to: rok-ddh', 'to: rok-dd');

const diag = (line: number, col: number, message = 'm', file = FILE): Diagnostic => ({ file, line, col, severity: 'error', message, path: '' });

describe('diagnostics to editor ranges', () => {
  test('each checker diagnostic starts at its line:col and underlines the token there', () => {
    const ds = checkFile({ file: FILE, text: broken }, bundledProcedures);
    expect(ds.map((d) => `${d.line}:${d.col}:${d.severity}`)).toEqual(['31:35:error', '31:86:warning', '63:9:error']);
    const doc = Text.of(broken.split('\n'));
    const mapped = toEditorDiagnostics(ds, doc, FILE);
    expect(mapped).toHaveLength(ds.length);
    for (const [i, m] of mapped.entries()) {
      const line = doc.lineAt(m.from);
      expect(line.number).toBe(ds[i]!.line);
      expect(m.from - line.from + 1).toBe(ds[i]!.col);
      expect(m.source).toBe(`${FILE}:${ds[i]!.line}:${ds[i]!.col}`);
      expect(m.message).toBe(ds[i]!.message);
    }
    expect(mapped.map((m) => broken.slice(m.from, m.to))).toEqual(['XM', '"156.8"', 'rok-dd']);
  });

  test("the string line index agrees with CodeMirror's Text", () => {
    const doc = Text.of(control.split('\n'));
    const lines = linesOf(control);
    expect(lines.lines).toBe(doc.lines);
    for (const n of [1, 2, 31, doc.lines]) expect(lines.line(n)).toEqual({ from: doc.line(n).from, to: doc.line(n).to, text: doc.line(n).text });
    expect(offsetOf(lines, 31, 35)).toBe(doc.line(31).from + 34);
  });

  test('a plain value in block style is underlined whole, commas included; a key alone is its key', () => {
    const text = 'id: x\nnote: Bridge-to-bridge on Channel 16, as in CUES practice # why\ntitle: A title\n';
    const [note, key] = toEditorDiagnostics([diag(2, 7), diag(3, 1)], linesOf(text), FILE);
    expect(text.slice(note!.from, note!.to)).toBe('Bridge-to-bridge on Channel 16, as in CUES practice');
    expect(text.slice(key!.from, key!.to)).toBe('title');
  });

  test('a diagnostic in another file is kept, on the first line, naming where it is', () => {
    const [d] = toEditorDiagnostics([diag(12, 3, 'rule x is broken', 'procedures/mine.yaml')], linesOf(control), FILE);
    expect(d!.from).toBe(0);
    expect(d!.to).toBe(control.indexOf('\n'));
    expect(d!.message).toBe('In procedures/mine.yaml:12:3: rule x is broken');
  });

  test('positions past the end are clamped into the document; an end-of-line problem marks the line', () => {
    const text = 'id: x\ntitle:\n';
    const lines = linesOf(text);
    const [past, eol, blank] = toEditorDiagnostics([diag(99, 1), diag(2, 7), diag(3, 1)], lines, FILE);
    expect(past!.from).toBeLessThanOrEqual(text.length);
    expect(past!.to).toBeLessThanOrEqual(text.length);
    expect(text.slice(eol!.from, eol!.to)).toBe('title:');
    expect(blank!.from).toBe(text.length);
    expect(blank!.to).toBe(text.length);
  });
});
