// Charts a trainer puts on a slide: the sequence chart and the sweep chart saved as SVG files that
// stand on their own (no page styles needed), read back as SVG and drawn as an image by the browser.
// The drawn pictures go to test-results/screenshots/svg-*.png to be looked at.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { SCREENSHOT_DIR, useBrowser } from './browser.ts';

const { open } = useBrowser();

/** Clicks `button`, returns the downloaded file's name and text. */
async function saved(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const downloading = page.waitForEvent('download', { timeout: 20_000 });
  await click();
  const d = await downloading;
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

/** Parses the SVG in the page and draws it as an image; what a slide program would get. */
async function drawn(page: Page, svg: string, name: string) {
  const r = await page.evaluate(async (text: string) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const root = doc.documentElement;
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    // Distinct colours drawn: a chart, not a blank or one-colour box.
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return {
      error,
      rootName: root.localName,
      ns: root.namespaceURI,
      width: img.naturalWidth,
      height: img.naturalHeight,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      png: c.toDataURL('image/png'),
      colours: colours.size,
    };
  }, svg);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await writeFile(`${SCREENSHOT_DIR}/${name}.png`, Buffer.from(r.png.split(',')[1]!, 'base64'));
  return r;
}

test('the sequence chart saves as a standalone SVG: the same calls and units, drawn without the page', async () => {
  const { page } = await open('?scenario=dec-2018-noto&account=rok&details=sequence');
  const chart = page.locator('#details-panel-sequence svg.seq');
  await chart.waitFor();
  const { name, text } = await saved(page, () => page.locator('#details-panel-sequence').getByRole('button', { name: 'Save SVG' }).click());
  expect(name).toBe('sequence-dec-2018-noto-rok.svg');
  // The page's classes and CSS variables are gone; paint is written on each element.
  expect(text).not.toMatch(/var\(--/);
  expect(text).not.toMatch(/class="/);
  const r = await drawn(page, text, 'svg-sequence-dec-2018-rok');
  expect(r.error).toBeNull();
  expect(r.rootName).toBe('svg');
  expect(r.ns).toBe('http://www.w3.org/2000/svg');
  expect(r.width).toBeGreaterThan(200);
  // Every unit name and call label on screen is in the file.
  const onScreen = await page.locator('#details-panel-sequence svg text').allTextContents();
  expect(r.texts).toEqual(onScreen);
  expect(r.texts.some((t) => t.includes('Gwanggaeto'))).toBe(true);
  expect(r.colours).toBeGreaterThan(8);
});

test('the sweep chart saves as a standalone SVG with both procedures', async () => {
  const { page } = await open('?scenario=dec-2018-noto&account=rok');
  await page.getByRole('tab', { name: 'Sweep' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Sweep' });
  await panel.getByRole('spinbutton', { name: /Runs/ }).fill('10');
  await panel.getByRole('combobox', { name: 'Against procedure' }).selectOption('jp-rok-2024');
  await panel.getByRole('button', { name: 'Run sweep' }).click();
  await panel.getByRole('img', { name: /^Sweep chart/ }).waitFor({ timeout: 60_000 });
  const { name, text } = await saved(page, () => panel.getByRole('button', { name: 'Save SVG' }).click());
  expect(name).toBe('sweep-dec-2018-noto-10-runs.svg');
  const r = await drawn(page, text, 'svg-sweep-dec-2018-rok');
  expect(r.error).toBeNull();
  expect(r.texts.join(' ')).toContain('practice-2018');
  expect(r.texts.join(' ')).toContain('jp-rok-2024');
  expect(r.colours).toBeGreaterThan(4);
});
