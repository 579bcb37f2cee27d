/** What the quick-parse tests share: the check that the quick parse says what the yaml library says. */
import { expect } from 'vitest';
import { parsedForLater, MAX_NESTING_DEPTH } from '../../src/core/yaml-source';
import { parseQuickly } from '../../src/core/yaml-quick';

/** The quick parse agrees with the yaml library, or declines. */
export function agrees(text: string): 'same' | 'declined' {
  const quick = parseQuickly(text, MAX_NESTING_DEPTH);
  if (!quick) return 'declined';
  expect(parsedForLater(text), 'the yaml library finds a problem the quick parse missed').toBeDefined();
  expect(quick).toEqual(parsedForLater(text));
  return 'same';
}
