// Helpers for e2e tests: Debian's Chromium driven by playwright-core, pages that record
// errors and any traffic leaving the app's own origin, and screenshots for human review.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

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

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots', import.meta.url));

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
export async function newPage(browser: Browser, baseURL: string = inject('baseURL'), screen: Screen = {}): Promise<RecordedPage> {
  const origin = new URL(baseURL).origin;
  const context = await browser.newContext({
    baseURL,
    viewport: screen.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: screen.deviceScaleFactor ?? 1,
  });
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
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits until the app says it is ready (it sets `data-ready="true"` on the body after its first run). */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 30_000 });
}

/** The window a page opens in: CSS px, and device px per CSS px (1.5 is a laptop's "150 %"). */
/** Opens a scenario's text in the app as a user's file (a generated exercise), and waits for it to run; the number of units it loaded. */
export async function openScenarioText(page: Page, file: string, text: string): Promise<number> {
  return page.evaluate(
    async ({ f, t }) => {
      const st = window.encounterSim!.store;
      st.getState().openText(f, t);
      await st.getState().settled();
      return st.getState().analysis?.run.scenario.units.length ?? 0;
    },
    { f: file, t: text },
  );
}

export interface Screen {
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
}

export interface OpenOptions extends Screen {
  /** Runs after the page is made and before it navigates: permissions, init scripts, routes. */
  before?: (rec: RecordedPage) => Promise<void>;
  /** Also waits until the tactical plot has mounted (`window.__encounterPlot`). */
  plot?: boolean;
}

/**
 * Opens the app in a fresh context at `query` (e.g. "?scenario=dec-2018-noto&account=rok"; empty
 * for the start page) and waits until it is ready. The caller closes `context`.
 */
export async function openApp(browser: Browser, query = '', opts: OpenOptions = {}): Promise<RecordedPage> {
  const baseURL = inject('baseURL');
  const rec = await newPage(browser, baseURL, opts);
  try {
    await opts.before?.(rec);
    await rec.page.goto(new URL(`/${query}`, baseURL).href);
    await waitReady(rec.page);
    if (opts.plot) await rec.page.waitForFunction(() => !!window.__encounterPlot, undefined, { timeout: 10_000 });
  } catch (e) {
    await rec.context.close();
    throw e;
  }
  return rec;
}

export interface BrowserSession {
  /** The browser launched for this test file (available from the first test on). */
  readonly browser: Browser;
  /** openApp in this file's browser; the page is closed after the test that opened it. */
  open(query?: string, opts?: OpenOptions): Promise<RecordedPage>;
}

/**
 * For a test file: launches the browser before its tests and closes it after them. Pages from
 * `open` are closed after each test: one page at a time, because an open page keeps its plot
 * animating, and software WebGL on two shared cores would slow every later test down.
 */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  const opened: RecordedPage[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    while (opened.length) await opened.pop()!.context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const session: BrowserSession = {
    get browser() {
      if (!browser) throw new Error('the browser is launched in beforeAll: use it inside a test or hook');
      return browser;
    },
    async open(query = '', opts = {}) {
      const rec = await openApp(session.browser, query, opts);
      opened.push(rec);
      return rec;
    },
  };
  return session;
}

/**
 * For a test file whose tests all share one page: launches the browser and opens the app at
 * `query` before the tests; closes both after them. Read `rec` and `page` inside tests or hooks.
 */
export function useApp(query = '', opts: OpenOptions = {}): { readonly rec: RecordedPage; readonly page: Page } {
  let browser: Browser | undefined;
  let rec: RecordedPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    rec = await openApp(browser, query, opts);
  });
  afterAll(async () => {
    await rec?.context.close();
    await browser?.close();
  });
  const opened = (): RecordedPage => {
    if (!rec) throw new Error('the app is opened in beforeAll: use it inside a test or hook');
    return rec;
  };
  return {
    get rec() {
      return opened();
    },
    get page() {
      return opened().page;
    },
  };
}

/**
 * Writes December 2018's HTML debrief with `npm run debrief`'s own code (`args` after the
 * scenario, e.g. `--account rok --lang ko`) into a new temporary folder; the file's path, or the
 * command's exit status and stderr when it failed.
 */
export function writeDebrief(args: readonly string[], name = 'debrief.html'): { out: string; status: number | null; stderr: string } {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const out = join(mkdtempSync(join(tmpdir(), 'encounter-sim-debrief-')), name);
  const made = spawnSync(process.execPath, [join(root, 'bin/encounter-sim.js'), 'debrief', join(root, 'scenarios/dec-2018-noto.yaml'), ...args, '--out', out], {
    encoding: 'utf8',
    cwd: root,
  });
  return { out, status: made.status, stderr: made.stderr };
}
