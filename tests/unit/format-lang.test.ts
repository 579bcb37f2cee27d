// The text timeline and the Markdown debrief in the trainer's language: December 2018 read in
// Japanese under Japan's account and in Korean under the ROK's has every heading in that language,
// keeps the scenario's clock and its zone (JST/KST) whatever the reader, and quotes the radio as said.
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/core/format/markdown';
import { formatText } from '../../src/core/format/text';
import { zoneOf } from '../../src/core/format/clock';
import { t, type Lang } from '../../src/i18n';
import { analyse, DEC_2018 } from './helpers';

/** Headings and column names as English writes them: none may be left in a Japanese or Korean debrief. */
const ENGLISH_TEXT_HEADINGS = [
  /^account: /m,
  / · procedure: /,
  /^start /m,
  /^Facts/m,
  /^ {2}Agreed by every account/m,
  /^ {2}Disputed \(/m,
  /^ {6}other accounts: /m,
  /^ {6}sources: /m,
  /^Timeline \(/m,
  /^Transmissions: /m,
  /^Breakdowns: /m,
  /^Ladders of steps/m,
  /^Scorecard \(/m,
  /^Later norms/m,
  /^Assumptions/m,
  /^ {6}why: /m,
  / (stopped at|reached) [a-z-]+$/m,
];

/** Every word of a Markdown heading or table header once the scenario's own words and the ids are taken out. */
function englishLeftIn(md: string, data: string[]): string[] {
  const lines = md.split('\n');
  const headers = lines.filter((l, i) => /^#{1,4} /.test(l) || (l.startsWith('| ') && lines[i + 1]?.startsWith('|---')) || /^- \*\*/.test(l));
  return headers.flatMap((l) => {
    let rest = l.replace(/`[^`]*`/g, '');
    for (const d of data) rest = rest.split(d).join('');
    // Before the first colon of a "- **Label:** value" line is ours; what follows is the scenario's.
    if (/^- \*\*/.test(l)) rest = rest.replace(/^(- \*\*[^*]*\*\*).*$/, '$1');
    return (rest.match(/\b[A-Za-z]{2,}\b/g) ?? []).filter((w) => !['ID', 'JST', 'KST', 'UTC', 'ESM'].includes(w));
  });
}

const cases: { lang: Lang; account: string; quote: (s: string) => string }[] = [
  { lang: 'ja', account: 'jp', quote: (s) => `「${s}」` },
  { lang: 'ko', account: 'rok', quote: (s) => `"${s}"` },
];

describe('December 2018 in the reader’s language', () => {
  for (const { lang, account, quote } of cases) {
    describe(`--lang ${lang}, account ${account}`, () => {
      const a = analyse(DEC_2018, { account });
      const s = a.run.scenario;
      const zone = zoneOf(s.spec.start).label;
      const text = formatText(a, { lang });
      const md = formatMarkdown(a, { lang });
      const english = { text: formatText(a), md: formatMarkdown(a) };

      it('the text timeline has its headings in that language and none in English', () => {
        for (const heading of [
          t(lang, 'analysis.facts.heading'),
          t(lang, 'analysis.text.timeline', { zone }),
          t(lang, 'analysis.text.breakdowns', { n: a.breakdowns.length }),
          t(lang, 'analysis.text.scorecard', { procedure: s.procedure.id }),
        ])
          expect(text.split('\n'), heading).toContain(heading);
        for (const english of ENGLISH_TEXT_HEADINGS) expect(text, String(english)).not.toMatch(english);
        // The breakdown kinds and scorecard verdicts are words of the language too.
        for (const b of a.breakdowns) expect(text).toContain(t(lang, `analysis.kind.${b.kind}`));
        expect(text).not.toMatch(/^ {2}(followed|violated|not-applicable) /m);
      });

      it('the Markdown debrief has its headings and column names in that language and none in English', () => {
        for (const heading of [
          `## ${t(lang, 'analysis.md.summary-heading')}`,
          `## ${t(lang, 'analysis.facts.heading')}`,
          `## ${t(lang, 'analysis.md.breakdowns')}`,
          `## ${t(lang, 'analysis.md.timeline')}`,
          `## ${t(lang, 'analysis.assumptions.heading-md')}`,
        ])
          expect(md.split('\n'), heading).toContain(heading);
        const data = [s.spec.title, s.procedure.id, account, ...a.breakdowns.map((b) => b.id)];
        expect(englishLeftIn(md, data)).toEqual([]);
        // The check would catch English: the English debrief fails it.
        expect(englishLeftIn(english.md, data).length).toBeGreaterThan(10);
      });

      it('keeps the scenario’s clock and names its zone, whatever the reader’s locale', () => {
        expect(zone).toMatch(/^(JST\/KST|UTC.*)$/);
        expect(
          text
            .split('\n')
            .slice(0, 5)
            .filter((l) => l.includes(zone) && l.includes(`${a.run.durationS}`)),
        ).toHaveLength(1);
        expect(md).toContain(`| ${zone} |`);
        const startLine = md.split('\n').find((l) => l.startsWith(`- **${t(lang, 'analysis.md.start')}**`));
        expect(startLine).toContain(zone);
        // The same local times as the English timeline, in the same order: no host zone or locale shifts them.
        const times = (out: string) => out.match(/^\d{2}:\d{2}:\d{2}(?= )/gm);
        expect(times(text)).toEqual(times(english.text));
        expect(times(text)!.length).toBeGreaterThan(10);
      });

      it('quotes every call as it was said on the air, in English', () => {
        expect(a.run.transmissions.length).toBeGreaterThan(0);
        for (const tx of a.run.transmissions) {
          expect(text).toContain(quote(tx.text));
          expect(md).toContain(quote(tx.text));
        }
      });
    });
  }
});
