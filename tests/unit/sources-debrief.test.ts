// The debriefs resolve every source id the run rests on: publisher, date, title and address in a
// Sources section (Markdown and HTML), and in the HTML each inline id links to its entry.
import { describe, expect, it } from 'vitest';
import { citationText, sourceEntry, urlsOf } from '../../src/core/sources/registry';
import { sourceIdsOfRun } from '../../src/core/sources/cite';
import { formatMarkdown } from '../../src/core/format/markdown';
import { debriefHtml } from '../../src/core/debrief/html';
import { analyse, CONTROL, DEC_2018 } from './helpers';

describe('the debriefs', () => {
  for (const path of [DEC_2018, CONTROL]) {
    const a = analyse(path);
    const ids = sourceIdsOfRun(a.run.scenario);

    it(`list every source ${path.split('/').at(-1)} and its procedure cite, with publisher, date, title and address (Markdown)`, () => {
      expect(ids.length).toBeGreaterThan(0);
      const md = formatMarkdown(a);
      const section = md.slice(md.indexOf('\n## Sources\n'));
      for (const id of ids) {
        const e = sourceEntry(id)!;
        const url = urlsOf(e)[0];
        expect(section).toContain(`- **${id}** ${citationText(e).replace(/\|/g, '\\|')}${url ? `. <${url}>` : '. No address is known'}`);
        if (e.date) expect(citationText(e)).toContain(e.date);
      }
      expect(section.match(/^- \*\*S\d+\*\*/gm)).toHaveLength(ids.length);
    });

    it(`link each source id of ${path.split('/').at(-1)} to its entry, and the entry to its address (HTML)`, () => {
      const html = debriefHtml(a);
      for (const id of a.run.scenario.spec.sources) expect(html).toMatch(new RegExp(`<a href="#src-${id}" title="[^"]+">${id}</a>`));
      for (const id of ids) {
        expect(html).toContain(`<li id="src-${id}"><b>${id}</b>`);
        const url = urlsOf(sourceEntry(id)!)[0];
        if (url) expect(html).toContain(`<a href="${url.replace(/&/g, '&amp;')}" rel="noreferrer">`);
      }
    });
  }
});
