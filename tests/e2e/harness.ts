import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServe, type RunningApp } from '../../server/app';
import { tilesRoutes } from '../../server/tiles';
import { tempDir } from '../support/tempdir';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(process.cwd(), 'tests', 'e2e', 'screenshots');
const STATIC_DIR = join(process.cwd(), 'out', 'renderer');

export interface E2E {
  app: RunningApp;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors seen so far; tests assert it stays empty. */
  pageErrors: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface E2EOptions {
  demo?: boolean;
  clock?: () => number;
  lang?: 'zh-CN' | 'en';
  theme?: 'dark' | 'light';
  viewport?: { width: number; height: number };
  /** Runs on the empty data folder before serve mode opens it (e.g. to plant a damaged file). */
  prepare?: (dataDir: string) => Promise<void> | void;
}

/**
 * The real thing: serve mode on a free loopback port over a temp data folder, the built
 * renderer, and Debian's Chromium driven by playwright-core.
 */
export async function startE2E(options: E2EOptions = {}): Promise<E2E> {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error('Build the renderer first: npm run build:web');
  const data = tempDir('flooddesk-e2e-');
  await options.prepare?.(data.path);
  const app = await startServe({ dataDir: data.path, port: 0, host: '127.0.0.1', staticDir: STATIC_DIR, demo: options.demo ?? true, appVersion: 'e2e', clock: options.clock, routes: tilesRoutes });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, locale: options.lang ?? 'zh-CN', acceptDownloads: true });
  await context.addInitScript(
    // Only the first load: a test that switches language or theme must keep its choice across reloads.
    ({ lang, theme }) => {
      if (!localStorage.getItem('flooddesk.ui')) localStorage.setItem('flooddesk.ui', JSON.stringify({ state: { lang, theme }, version: 0 }));
    },
    { lang: options.lang ?? 'zh-CN', theme: options.theme ?? 'dark' },
  );
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // A 4xx answer to a deliberately bad input is logged by Chromium too; that is not a page fault.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    app,
    browser,
    context,
    page,
    pageErrors,
    screenshot: async (name) => {
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await browser.close();
      await app.close();
      data.remove();
    },
  };
}
