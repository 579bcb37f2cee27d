/**
 * Checking a scenario parses it once and hands that parse to every load of it (its kind, its
 * source ids, once per account); what each load reports must still be its own and of the text
 * it was given. And the terminal's excerpts must show each file's own lines.
 */
import { describe, expect, it } from 'vitest';
import { parseOf, shareParse } from '../../src/core/yaml-source';
import { loadScenario } from '../../src/core/scenario/load';
import { diskProcedures } from '../../src/cli/files';
import { excerpt } from '../../src/cli/diagnostic-output';

const BROKEN = 'id: x\nunits:\n  - id: a\n    kind: [ship\n';
// Parses cleanly; the load then adds a problem of its own to the parse's list (a title too long).
const TOO_LONG = `id: x\ntitle: ${'x'.repeat(20_000)}\nunits: []\n`;

describe('a parse shared by the loads of one text', () => {
  it('is used only for the text and file it was made from', () => {
    const parsed = shareParse(BROKEN, 'a.yaml');
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
    expect(parseOf({ file: 'a.yaml', text: BROKEN, parsed }).diagnostics).toEqual(parsed.diagnostics);
    // The same text under another name names that file; another text is read for what it says.
    expect(parseOf({ file: 'b.yaml', text: BROKEN, parsed }).diagnostics.every((d) => d.file === 'b.yaml')).toBe(true);
    expect(parseOf({ file: 'a.yaml', text: 'id: x\n', parsed }).diagnostics).toEqual([]);
  });

  it("gives each load its own list of problems: one load's additions do not reach the next", () => {
    const parsed = shareParse(TOO_LONG, 'a.yaml');
    const first = loadScenario({ file: 'a.yaml', text: TOO_LONG, parsed }, diskProcedures, {});
    const second = loadScenario({ file: 'a.yaml', text: TOO_LONG, parsed }, diskProcedures, {});
    expect(first.diagnostics.map((d) => d.code)).toEqual(['checker.limit.name-length']);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(parsed.diagnostics).toEqual([]);
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
