// Issue 16: the debrief, the comparison and drill feedback in the reader's language. A Japanese
// trainer reads the JMSDF account in Japanese and a Korean one the ROK account in Korean; what was
// said on the air stays in English, quoted, in either.
import { describe, expect, it } from 'vitest';
import { analyse, DEC_2018 } from './helpers';
import { compareRuns } from '../../src/core/compare/compare';
import { formatComparisonMarkdown, formatComparisonText } from '../../src/core/compare/output';
import { debriefHtml } from '../../src/core/debrief/html';
import { esc } from '../../src/core/debrief/svg';
import { drillFeedback, feedbackBodyWhy, runDrill } from '../../src/core/drill/drill';
import { requiredNext, requirementText } from '../../src/core/drill/required-next';
import { loadScenario } from '../../src/core/scenario/load';
import { diskProcedures, readText } from '../../src/cli/files';
import { CATALOG, english, say, type Lang } from '../../src/i18n';

const headings = (html: string) => [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]!);
const SECTIONS = ['scenario', 'facts', 'plot', 'sequence', 'exchanges', 'breakdowns', 'scorecard', 'assumptions', 'comparison'];
const heading = (lang: Lang, id: string) => esc(CATALOG[lang][`debrief.html.section.${id}`]!);
/** Kana or kanji: Japanese words (正解, 常時 are kanji alone). */
const hasKana = /[\u3040-\u30ff\u4e00-\u9fff]/;
const hasHangul = /[\uac00-\ud7a3]/;

describe.each([
  ['ja', 'jp', 'rok', hasKana],
  ['ko', 'rok', 'jp', hasHangul],
] as const)('the December 2018 debrief in %s (account %s)', (lang, account, other, script) => {
  const a = analyse(DEC_2018, { account });
  const b = analyse(DEC_2018, { account: other });
  const html = debriefHtml(a, { lang, comparison: compareRuns(a, b) });
  const english = debriefHtml(a, { comparison: compareRuns(a, b) });

  it('says its language to the browser and asks for fonts that have its script', () => {
    expect(html).toMatch(new RegExp(`<html lang="${lang}">`));
    expect(english).toContain('<html lang="en">');
    const body = /body \{[^}]*font: [^;]*;/.exec(html)![0];
    expect(body).toContain('"Noto Sans CJK JP"');
    expect(body).toContain('"Noto Sans CJK KR"');
  });

  it('has every section under its heading in the reader’s language, none in English', () => {
    const h = headings(html);
    for (const id of SECTIONS) expect(h).toContain(heading(lang, id));
    for (const id of SECTIONS) expect(h).not.toContain(heading('en', id));
    expect(h.every((x) => script.test(x))).toBe(true);
    // The navigation names the same sections.
    const nav = /<nav>(.*?)<\/nav>/s.exec(html)![1]!;
    for (const id of SECTIONS) expect(nav).toContain(`>${heading(lang, id)}</a>`);
  });

  it('keeps what was heard on the air in English, quoted, where the English debrief shows it', () => {
    for (const text of a.outcomes.filter((o) => o.heardAs).map((o) => o.heardAs!)) {
      const quoted = `&quot;${esc(text)}&quot;`;
      expect(english).toContain(quoted);
      expect(html).toContain(quoted);
    }
  });

  it('names every unit and every call sign (what is said on the air) as the scenario does', () => {
    for (const u of a.run.scenario.units) {
      expect(html).toContain(esc(u.name));
      expect(html).toContain(esc(u.callSigns.join('; ')));
    }
  });
});

it('the Korean debrief of the ROK account quotes in English the call the destroyer heard only in part', () => {
  const rok = analyse(DEC_2018, { account: 'rok' });
  const heard = rok.outcomes.filter((o) => o.heardAs);
  expect(heard.length).toBeGreaterThan(0);
  const html = debriefHtml(rok, { lang: 'ko' });
  for (const o of heard) {
    expect(o.heardAs).toMatch(/^[A-Z0-9 ,.-]+$/);
    expect(html).toContain(`&quot;${esc(o.heardAs!)}&quot;`);
  }
});

describe('the comparison of the two accounts in Japanese and Korean', () => {
  const jp = analyse(DEC_2018, { account: 'jp' });
  const rok = analyse(DEC_2018, { account: 'rok' });
  const c = compareRuns(jp, rok);

  it.each(['ja', 'ko'] as const)('%s: the text and the Markdown are in the reader’s words', (lang) => {
    const text = formatComparisonText(c, { lang });
    const md = formatComparisonMarkdown(c, 2, { lang });
    expect(text).not.toBe(formatComparisonText(c));
    for (const out of [text, md]) {
      expect(out).toContain(CATALOG[lang]['debrief.compare.part']!);
      expect(out).not.toContain(CATALOG.en['debrief.compare.part']!);
      expect(out).not.toContain('Findings, agreed and disputed');
    }
    expect(md).toContain(`## ${CATALOG[lang]['debrief.compare.md.title']}`);
    // Every fact the accounts give differently is still named by its id, with the values as written.
    for (const f of c.facts.differ) expect(text).toContain(`  ${f.id}`);
  });

  it('English stays as it was', () => {
    expect(formatComparisonText(c, { lang: 'en' })).toBe(formatComparisonText(c));
    expect(formatComparisonText(c)).toContain('Findings, agreed and disputed: ');
  });
});

describe('drill feedback and step mode in Japanese and Korean', () => {
  const s = loadScenario(readText(DEC_2018), diskProcedures, { account: 'jp', procedure: 'jp-rok-2024' }).scenario!;
  const right = runDrill(s, { unit: 'ddg971', choices: [], then: 'follow' });
  const wrong = runDrill(s, { unit: 'ddg971', choices: ['follow', 'ack-only'], then: 'follow' });

  it.each([
    ['ja', hasKana],
    ['ko', hasHangul],
  ] as const)('%s: right and wrong answers are told in the reader’s words, the rule quoted as the procedure gives it', (lang, script) => {
    for (const d of [...right.decisions, ...wrong.decisions]) {
      const said = drillFeedback(d, lang);
      expect(script.test(said)).toBe(true);
      expect(said).not.toBe(d.feedback);
      expect(said).toContain(d.ruleText);
      if (d.rule) expect(said).toContain(d.rule);
    }
    const miss = wrong.decisions.find((d) => !d.right)!;
    const chosen = miss.options.find((o) => o.id === miss.chosen)!.label;
    expect(drillFeedback(miss, lang)).toContain(`"${chosen}"`);
    expect(drillFeedback(right.decisions[0]!, lang)).not.toBe(drillFeedback(miss, lang));
  });

  it('keeps the English feedback as it was, and gives it as data', () => {
    for (const d of right.decisions) expect(d.feedback.startsWith('Right: ')).toBe(true);
    for (const d of [...right.decisions, ...wrong.decisions]) expect(drillFeedback(d, 'en')).toBe(d.feedback);
  });

  it('gives a view that marks right answers itself the feedback without "Right:", in any language', () => {
    for (const d of [...right.decisions, ...wrong.decisions]) {
      expect(english(feedbackBodyWhy(d))).toBe(d.feedback.replace(/^Right:\s*/, ''));
      expect(say('ja', feedbackBodyWhy(d))).toContain(d.ruleText);
      if (d.right) expect(say('ko', feedbackBodyWhy(d))).not.toBe(drillFeedback(d, 'ko'));
    }
  });

  it('says what the procedure requires next in the reader’s language', () => {
    const a = right.analysis;
    const items = requiredNext(a, 'ddg971', 0).items;
    expect(items.length).toBeGreaterThan(0);
    for (const r of items) {
      expect(requirementText(r, 'en')).toBe(r.text);
      expect(hasKana.test(requirementText(r, 'ja'))).toBe(true);
      expect(hasHangul.test(requirementText(r, 'ko'))).toBe(true);
    }
  });
});
