import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { scanFlowBrackets } from '../../src/core/yaml-flow';

/**
 * The scan as the rules read, one character at a time. The scan itself jumps from one character
 * that matters to the next (it runs cold, before the parser); where a file's brackets are found
 * decides where a too-deep or unclosed bracket is reported, so the two must find the same ones.
 */
function byCharacter(text: string, end: number, bracket: (offset: number, opens: boolean) => boolean | void): void {
  let quote: string | null = null;
  const stop = Math.min(end, text.length);
  for (let i = 0; i < stop; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    const prev = i === 0 ? '\n' : text[i - 1]!;
    if (c === '#' && /\s/.test(prev)) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if ((c === '"' || c === "'") && /[\s[{,:]/.test(prev)) quote = c;
    else if (c === '[' || c === '{') {
      if (bracket(i, true)) return;
    } else if (c === ']' || c === '}') {
      if (bracket(i, false)) return;
    }
  }
}

function found(scan: typeof scanFlowBrackets, text: string, end: number, stopAfter: number): [number, boolean][] {
  const out: [number, boolean][] = [];
  scan(text, end, (offset, opens) => out.push([offset, opens]) >= stopAfter);
  return out;
}

const SIGNIFICANT = ['[', ']', '{', '}', '"', "'", '\\', '#', ' ', '\t', '\n', ',', ':', '-', 'a', '\u00a0'];

describe('the flow bracket scan', () => {
  test('finds the brackets a character-by-character reading finds, outside quotes and comments, up to where it is told to stop', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SIGNIFICANT), { maxLength: 60 }).map((cs) => cs.join('')),
        fc.nat({ max: 70 }),
        fc.integer({ min: 1, max: 5 }),
        (text, end, stopAfter) => {
          expect(found(scanFlowBrackets, text, end, stopAfter)).toEqual(found(byCharacter, text, end, stopAfter));
          expect(found(scanFlowBrackets, text, text.length, Infinity)).toEqual(found(byCharacter, text, text.length, Infinity));
        },
      ),
      { numRuns: 3000, seed: 19 },
    );
  });

  test('finds the same brackets in every shipped scenario and procedure', () => {
    for (const dir of ['scenarios', 'procedures']) {
      for (const f of readdirSync(dir, { recursive: true }) as string[]) {
        if (!f.endsWith('.yaml')) continue;
        const text = readFileSync(join(dir, f), 'utf8');
        expect(found(scanFlowBrackets, text, text.length, Infinity), f).toEqual(found(byCharacter, text, text.length, Infinity));
      }
    }
  });
});
