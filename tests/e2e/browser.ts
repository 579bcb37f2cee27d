// Helpers for e2e tests: Debian's Chromium driven by playwright-core, pages that record
// errors and any traffic leaving the app's own origin, and screenshots for human review.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Flags that render WebGL through SwiftShader headless, as root, with no network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export interface RecordedPage {
  page: Page;
  context: BrowserContext;
  /** console.error messages and uncaught exceptions in the page. */
  consoleErrors: string[];
  /** Requests that failed at network level or got an HTTP status of 400 or more. */
  failedRequests: string[];
  /** Requests (and web sockets) to any origin other than the baseURL's. */
  foreignRequests: string[];
}

/** Schemes that never leave the browser. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome:', 'chrome-extension:']);

function isForeign(url: string, origin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return false;
  return parsed.origin !== origin;
}

/** Opens a fresh context and page; baseURL defaults to the one the e2e global setup provides. */
export async function newPage(browser: Browser, baseURL: string = inject('baseURL')): Promise<RecordedPage> {
  const origin = new URL(baseURL).origin;
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const record: RecordedPage = { page, context, consoleErrors: [], failedRequests: [], foreignRequests: [] };

  page.on('console', (msg) => {
    if (msg.type() === 'error') record.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => {
    record.consoleErrors.push(`uncaught: ${err.message}`);
  });
  page.on('request', (req) => {
    if (isForeign(req.url(), origin)) record.foreignRequests.push(`${req.method()} ${req.url()}`);
  });
  page.on('websocket', (ws) => {
    if (isForeign(ws.url(), origin)) record.foreignRequests.push(`WEBSOCKET ${ws.url()}`);
  });
  page.on('requestfailed', (req) => {
    record.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) record.failedRequests.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
  });

  return record;
}

/** Saves a full-page PNG to test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
