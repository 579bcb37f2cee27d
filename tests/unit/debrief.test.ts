// Issue #7, debrief export: one self-contained HTML file a trainer can hand out, that makes no
// request and treats the scenario's text as untrusted.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { analyse, CONTROL, DEC_2018, tempFile } from './helpers';
import { ROOT } from '../../src/cli/files';
import { compareRuns } from '../../src/core/compare/compare';
import { debriefHtml, DEBRIEF_CSP } from '../../src/core/debrief/html';
import { debriefMarkdown } from '../../src/core/debrief/markdown';
import { formatMarkdown } from '../../src/core/format/markdown';

const headings = (html: string) => [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
const REQUIRED = ['Scenario', 'Facts', 'The plot at key moments', 'Message sequence', 'Breakdowns', 'Scorecard', 'Assumptions'];

describe('the December 2018 debrief', () => {
  const rok = analyse(DEC_2018, { account: 'rok' });
  const jp = analyse(DEC_2018, { account: 'jp' });
  const html = debriefHtml(rok, { comparison: compareRuns(rok, jp) });

  it('has every section, and the comparison when one was made', () => {
    expect(headings(html)).toEqual(expect.arrayContaining([...REQUIRED, 'Comparison']));
    expect(headings(debriefHtml(rok))).not.toContain('Comparison');
  });

  it('declares a Content-Security-Policy that forbids everything but inline style and data images', () => {
    expect(DEBRIEF_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${DEBRIEF_CSP}">`);
  });

  it('needs nothing outside the file: no script, no link, no source, no remote URL but the addresses of its sources', () => {
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|javascript:/i);
    expect(html).not.toMatch(/\ssrc=/i);
    // The Sources section gives each cited source's address for a reader to follow; nothing loads it.
    const sources = html.slice(html.indexOf('<section id="sources">'));
    const rest = html.slice(0, html.indexOf('<section id="sources">'));
    expect(sources.length).toBeLessThan(html.length);
    for (const m of rest.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^#/);
    for (const m of sources.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^https?:\/\//);
    for (const m of html.matchAll(/url\(([^)]*)\)/g)) expect(m[1]).toMatch(/^#/);
    const urls = [...rest.matchAll(/https?:\/\/[^\s"'<)]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg'])); // the SVG namespace, never fetched
  });

  it('pictures the plot at the first breakdown, the closest pass and the end, with the units labelled', () => {
    for (const key of ['first-breakdown', 'closest-pass', 'end']) expect(html).toContain(`<figure id="moment-${key}"><svg`);
    const plots = [...html.matchAll(/<figure id="moment-[^"]+">(<svg[\s\S]*?<\/svg>)/g)].map((m) => m[1]!);
    expect(plots.length).toBeGreaterThanOrEqual(3);
    for (const svg of plots) {
      for (const u of rok.run.scenario.units.filter((x) => x.kind !== 'headquarters'))
        expect(svg).toMatch(new RegExp(`class="unit"[^>]*>${u.name}( · \\d+ m)?</text>`));
    }
  });

  it('draws the message sequence with every call and where it stopped', () => {
    const seq = html.slice(html.indexOf('aria-label="message sequence chart"'));
    for (const tx of rok.run.transmissions) expect(seq).toContain(`${tx.id} · ${tx.channel}`);
    expect(seq).toContain('✗ receivable');
  });

  it('gives each breakdown with its explanation, and the scorecard', () => {
    for (const b of rok.breakdowns) expect(html).toContain(b.id + ' · ');
    expect(html).toContain('KOREA COAST');
    for (const c of rok.compliance) expect(html).toContain(`<td class="status ${c.status}">${c.status}</td>`);
  });

  it("shows the account's disputed facts, and what the other account says", () => {
    expect(html).toMatch(/<code>stir-mode<\/code>.*<b>&quot;slewed&quot;<\/b><\/td><td>jp &quot;track&quot;<\/td>/s);
  });

  it('is the same file every time', () => {
    expect(debriefHtml(rok, { comparison: compareRuns(rok, jp) })).toBe(html);
  });
});

describe('untrusted scenario text', () => {
  const evil = '<img src=x onerror=alert(1)>';
  const text = readFileSync(CONTROL, 'utf8')
    .replace('name: JS Teruzuki', `name: "${evil}"`)
    .replace(/^title: .*$/m, 'title: "</title><script>alert(2)</script>"')
    .replace('activity: on passage north-east at 15 knots', 'activity: "\\" onmouseover=\\"alert(3)"');
  const a = analyse(tempFile('evil.yaml', text));
  const html = debriefHtml(a);

  it('appears escaped wherever it is shown, in HTML and in SVG', () => {
    expect(a.run.scenario.units[0]!.name).toBe(evil);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(evil);
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&quot; onmouseover=&quot;alert(3)');
    expect(html).not.toContain('" onmouseover="');
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]).join('');
    expect(svgs).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('the Markdown debrief', () => {
  it('is the sim debrief, with the comparison added when one was made', () => {
    const rok = analyse(DEC_2018, { account: 'rok' });
    const jp = analyse(DEC_2018, { account: 'jp' });
    expect(debriefMarkdown(rok)).toBe(formatMarkdown(rok));
    const md = debriefMarkdown(rok, compareRuns(rok, jp));
    expect(md.startsWith(formatMarkdown(rok))).toBe(true);
    expect(md).toMatch(/## Comparison: A against B/);
  });
});

describe('npm run debrief', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/encounter-sim.js'), 'debrief', ...args], { encoding: 'utf8', cwd: ROOT });

  it('writes the HTML debrief with a comparison to --out', () => {
    const out = tempFile('debrief.html', '');
    const r = run([DEC_2018, '--account', 'rok', '--compare', 'account=jp', '--out', out]);
    expect(r.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(headings(html)).toEqual(expect.arrayContaining([...REQUIRED, 'Comparison']));
  });

  it('exits 1 on a comparison it cannot read, or a run that cannot start', () => {
    const a = run([DEC_2018, '--compare', 'colour=red']);
    expect(a.status).toBe(1);
    expect(a.stderr).toMatch(/--compare takes key=value/);
    const b = run([DEC_2018, '--account', 'rok', '--compare', 'account=cn']);
    expect(b.status).toBe(1);
    expect(b.stdout).toBe('');
    expect(b.stderr).toMatch(/no account "cn"/);
  });
});
