/**
 * One parse of a file serves every caller that asks for the same text (checking a scenario parses
 * it for its kind, its source ids and once per account); what each caller is given must still be
 * its own, and the terminal's excerpts must show each file's own lines.
 */
import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/core/yaml-source';
import { excerpt } from '../../src/cli/diagnostic-output';

const BROKEN = 'id: x\nunits:\n  - id: a\n    kind: [ship\n';

describe('a parse shared by the callers of one text', () => {
  it('names the file each caller asked about, even for the same text', () => {
    const a = parseYamlSource(BROKEN, 'a.yaml');
    const b = parseYamlSource(BROKEN, 'b.yaml');
    expect(a.diagnostics.length).toBeGreaterThan(0);
    expect(a.diagnostics.every((d) => d.file === 'a.yaml')).toBe(true);
    expect(b.diagnostics.every((d) => d.file === 'b.yaml')).toBe(true);
    expect(b.doc.file).toBe('b.yaml');
  });

  it("gives each caller its own list of problems: one caller's additions do not reach the next", () => {
    const first = parseYamlSource(BROKEN, 'a.yaml');
    const count = first.diagnostics.length;
    first.diagnostics.push({ ...first.diagnostics[0]!, message: 'added by the first caller' });
    const second = parseYamlSource(BROKEN, 'a.yaml');
    expect(second.diagnostics).toHaveLength(count);
    expect(second.diagnostics.map((d) => d.message)).not.toContain('added by the first caller');
  });

  it('tells a file refused for its size on disk from the same text read whole', () => {
    const text = 'id: x\n';
    expect(parseYamlSource(text, 'a.yaml').diagnostics).toEqual([]);
    const refused = parseYamlSource(text, 'a.yaml', 50_000_000, true);
    expect(refused.diagnostics.map((d) => d.code)).toContain('checker.file.too-large');
    expect(parseYamlSource(text, 'a.yaml').diagnostics).toEqual([]);
  });
});

describe('the excerpt under a diagnostic', () => {
  const one = 'alpha: 1\nbravo: 2\ncharlie: 3';
  const two = 'delta: 4\r\necho: 5\n';

  it("shows each file's own line when two files' problems are printed in turn", () => {
    expect(excerpt(one, 2, 1)).toBe('  |\n2 | bravo: 2\n  | ^');
    expect(excerpt(two, 2, 3)).toBe('  |\n2 | echo: 5\n  |   ^');
    expect(excerpt(one, 3, 10)).toBe('  |\n3 | charlie: 3\n  |          ^');
    expect(excerpt(two, 1, 1)).toBe('  |\n1 | delta: 4\n  | ^');
  });

  it('shows nothing for a line past the end or an empty last line', () => {
    expect(excerpt(one, 4, 1)).toBeUndefined();
    expect(excerpt(two, 3, 1)).toBeUndefined();
    expect(excerpt(two, 9, 1)).toBeUndefined();
  });
});
