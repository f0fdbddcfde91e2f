import { test as base, type Page } from '@playwright/test';

// Every page is prerendered: its content is in the HTML and paints before
// the app starts, with controls disabled until then. A test that navigates
// waits for the app to have taken the page over (`<html data-app="ready">`),
// so it drives the live app, not the static copy. Pages opened with
// JavaScript off never start the app; they show the noscript note instead.

export { expect, chromium } from '@playwright/test';
export type { Locator, Page } from '@playwright/test';

/// Waits until the app runs on `page` (or the page has JavaScript off).
export async function appReady(page: Page) {
  if (!page.url().startsWith('http')) return;
  await page.waitForSelector('html[data-app="ready"], html[data-app="failed"], .noscript-note', { state: 'attached' });
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
export async function staffMode(page: Page, path = '/?item=25') {
  await page.goto(path);
  const toggle = page.getByRole('button', { name: '職員モード', exact: true });
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await page.waitForSelector('html[data-bundle="staff"][data-app="ready"]', { state: 'attached' });
  await page.getByRole('button', { name: '職員モード', exact: true, pressed: true }).waitFor();
}
