import type { Measure } from '../../src/app/plot/geometry/layout';

/**
 * A deterministic stand-in for pixi's measurement of the plot's font (DejaVu Sans, 3 px outline):
 * per-character advance in ems, wide for CJK, a little wider in bold; line height 1.3 em. It
 * errs wide (tests/e2e/labels.test.ts checks it against Chromium's measurement), so the layout is
 * tested in Node with boxes at least as big as the browser's.
 */
export const estimateMeasure: Measure = (text, size, bold) => {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (
      c >= 0x1100 &&
      (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60))
    )
      em += 1;
    else if (ch === ' ') em += 0.32;
    else if (/[il.,:;'|!]/.test(ch)) em += 0.3;
    else if (/[A-Z0-9MW→✗]/.test(ch)) em += 0.72;
    else em += 0.62;
  }
  return { w: Math.ceil(em * size * (bold ? 1.1 : 1) * 1.06 + 4), h: Math.ceil(size * 1.3) };
};
