import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { reportingYear } from './edition';

// Every page is prerendered: its content is in the HTML and paints before
// the app starts, with controls disabled until then. A test that navigates
// waits for the app to have taken the page over (`<html data-app="ready">`),
// so it drives the live app, not the static copy. Pages opened with
// JavaScript off never start the app; they show the noscript note instead.

export { expect, chromium } from '@playwright/test';
export type { Browser, Locator, Page } from '@playwright/test';

/// Waits until the app runs on `page` (or the page has JavaScript off).
export async function appReady(page: Page) {
  if (!page.url().startsWith('http')) return;
  // The not-found page has no app to wait for.
  await page.waitForSelector('html[data-app="ready"], html[data-app="failed"], .noscript-note, main.not-found-page', { state: 'attached' });
}

let patched = false;

function patchNavigation(page: Page) {
  if (patched) return;
  patched = true;
  // Patched on the class, so pages of every context (a second tab, another
  // device) wait the same way.
  const proto = Object.getPrototypeOf(page);
  for (const name of ['goto', 'reload'] as const) {
    const original = proto[name];
    proto[name] = async function (this: Page, ...args: unknown[]) {
      const response = await original.apply(this, args);
      await appReady(this);
      return response;
    };
  }
}

export const test = base.extend({
  page: async ({ page }, use) => {
    patchNavigation(page);
    await use(page);
  },
});

/// Opens `path` without waiting for the app: for tests of the static page
/// as the build wrote it (the app held back or never started).
export async function visitStatic(page: Page, path: string) {
  await page.mainFrame().goto(path, { waitUntil: 'domcontentloaded' });
}

/// First visit online, as a tablet is set up for offline use: resolves once
/// the service worker controls the page.
export async function visitOnline(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

/// Opens `path` and switches staff mode on, which reloads the page into the
/// staff bundle.
export async function staffMode(page: Page, path = '/item/25/') {
  await page.goto(path);
  const toggle = page.getByRole('button', { name: '職員モード', exact: true });
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await page.waitForSelector('html[data-bundle="staff"][data-app="ready"]', { state: 'attached' });
  await page.getByRole('button', { name: '職員モード', exact: true, pressed: true }).waitFor();
}

/// The file that clicking `button` downloads: its suggested name and bytes.
export async function downloadFrom(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(await (await file.createReadStream()).toArray()) };
}

/// An item's region on the section workbench (「課所の報告」).
export const reportItem = (page: Page, no: number) => page.getByRole('region', { name: new RegExp(`^No\\.${no} `) });

/// A section's staff member in a fresh browser: staff mode on, the workbench
/// open with `section` chosen and these 令和5年度 results entered.
export async function sectionReport(browser: Browser, section: string, results: [number, string][]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await staffMode(page, '/workbench/');
  await page.getByLabel('担当課所').selectOption(section);
  for (const [no, text] of results) {
    await reportItem(page, no).getByRole('textbox', { name: `${reportingYear}の実績` }).fill(text);
    await expect(reportItem(page, no).getByText('入力済み', { exact: true })).toBeVisible();
  }
  return { context, page };
}

/// The words the search marks inside the elements `within` matches, in
/// document order: the ranges of the page's `search` highlight (the CSS
/// Custom Highlight API, components/highlight.rs), or its `<mark>` elements
/// where the browser has no such API.
export async function marked(page: Page, within: string): Promise<string[]> {
  return page.evaluate((within) => {
    const roots = [...document.querySelectorAll(within)];
    const inside = (node: Node) => roots.some((root) => root.contains(node));
    const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
    if (registry) {
      const ranges = [...(registry.get('search') ?? [])].filter((range) => inside(range.startContainer));
      ranges.sort((a, b) => (a.compareBoundaryPoints(Range.START_TO_START, b)));
      return ranges.map((range) => range.toString());
    }
    return [...document.querySelectorAll('mark.search-hit')].filter(inside).map((mark) => mark.textContent ?? '');
  }, within);
}
