// Every message the checker can give has a stable code, and docs/errors.md documents each code
// with its cause and fix (issue 18 item 2). A new checker message without a code, or a code
// without its entry, fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isPartCode } from '../../src/core/error-codes';
import { CATALOG } from '../../src/i18n';
import { checkFile } from '../../src/core/check';
import { diskProcedures, ROOT } from '../../src/cli/files';
import { readdirSync } from 'node:fs';

const DOC = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8');
const checkerCodes = Object.keys(CATALOG.en).filter((c) => c.startsWith('checker.'));

/** docs/errors.md's entries: `### ES2001`, the message code, a cause and a fix. */
function entries(): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of DOC.split(/^### /m).slice(1)) out.set(part.split('\n')[0]!.trim(), part);
  return out;
}

describe('stable error codes', () => {
  it('every checker message is either a diagnostic with a stable code or a part of one', () => {
    const neither = checkerCodes.filter((c) => !isPartCode(c) && ERROR_CODES[c] === undefined);
    expect(neither).toEqual([]);
    const stale = Object.keys(ERROR_CODES).filter((c) => !checkerCodes.includes(c));
    expect(stale).toEqual([]);
  });

  it('no two messages share a code, and codes look like ES1001', () => {
    const codes = Object.values(ERROR_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^ES[1-5]\d{3}$/);
  });

  it('docs/errors.md documents every code, with its message code, a cause and a fix, and no other code', () => {
    const doc = entries();
    for (const [message, code] of Object.entries(ERROR_CODES)) {
      const entry = doc.get(code);
      expect(entry, `${code} (${message}) has no entry in docs/errors.md`).toBeDefined();
      // The entry quotes the message as the checker words it in English, so the page cannot drift.
      expect(entry).toContain(`\`${message}\`: ${CATALOG.en[message as keyof typeof CATALOG.en]}\n`);
      expect(entry).toMatch(/\*\*Cause:\*\* \S/);
      expect(entry).toMatch(/\*\*Fix:\*\* \S/);
    }
    expect([...doc.keys()].filter((c) => !Object.values(ERROR_CODES).includes(c))).toEqual([]);
  });

  it('every diagnostic on the shipped files carries a documented code', () => {
    const dirs = ['scenarios', 'scenarios/procedures', 'procedures'];
    const files = dirs.flatMap((d) =>
      readdirSync(join(ROOT, d))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => `${d}/${f}`),
    );
    const ds = files.flatMap((f) => checkFile({ file: f, text: readFileSync(join(ROOT, f), 'utf8') }, diskProcedures));
    expect(ds.length).toBeGreaterThan(0);
    for (const d of ds) expect(entries().has(d.errorCode ?? '(none)'), `${d.code} at ${d.file}:${d.line}`).toBe(true);
  });
});
