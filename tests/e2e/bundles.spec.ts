import { test, expect, visitOnline, type Page } from './fixtures';
import { reportingYear } from './edition';

// Two bundles: citizens get the app without the staff tools; staff mode
// loads the bundle that has them (and keeps it for offline use).

const STAFF_FILE = /ueda-reform-staff-[0-9a-f]{16}(?:_bg\.wasm|\.js)$/;

/** Every URL the service worker's caches hold. */
async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
}

const editor = (page: Page) => page.getByRole('textbox', { name: `${reportingYear}の実績` });
const bundle = (page: Page) => page.evaluate(() => document.documentElement.dataset.bundle);

test('a citizen never downloads the staff tools, precache included', async ({ page, context }) => {
  const requested: string[] = [];
  context.on('request', (request) => requested.push(request.url()));
  await visitOnline(page, '/');
  expect(await bundle(page)).toBe('citizen');
  // The page names the staff bundle, so boot.js can load it in staff mode.
  const named = await page.locator('script[data-staff-js]').getAttribute('data-staff-js');
  expect(named).toMatch(STAFF_FILE);
  for (const path of ['/item/25/', '/item/17/', '/overview/', '/about/', '/drafts/']) {
    await page.goto(path);
    expect(await bundle(page)).toBe('citizen');
  }
  // Without staff mode the drafts screen says where drafts are, and no editor shows.
  await expect(page.getByRole('button', { name: '職員モードにする' })).toBeVisible();
  await page.goto('/item/25/');
  await expect(editor(page)).toHaveCount(0);
  expect(requested.filter((url) => STAFF_FILE.test(new URL(url).pathname))).toEqual([]);
  const cached = await cachedUrls(page);
  expect(cached.length).toBeGreaterThan(5);
  expect(cached.filter((url) => STAFF_FILE.test(new URL(url).pathname))).toEqual([]);
});

test('staff mode reloads into the staff bundle, which works offline once loaded', async ({ page, context }) => {
  await visitOnline(page, '/item/25/');
  await page.getByRole('button', { name: '職員モード', exact: true }).click();
  await page.waitForSelector('html[data-bundle="staff"][data-app="ready"]', { state: 'attached' });
  await expect(editor(page)).toBeVisible();
  // Kept by the service worker once loaded.
  await expect.poll(async () => (await cachedUrls(page)).filter((url) => STAFF_FILE.test(new URL(url).pathname)).length).toBe(2);

  await context.setOffline(true);
  await page.reload();
  expect(await bundle(page)).toBe('staff');
  await editor(page).fill('オフラインの下書き');
  await expect(page.getByRole('status').filter({ hasText: '下書き保存済み' })).toBeVisible();

  // Switched off, the staff bundle simply hides its tools.
  await page.getByRole('button', { name: '職員モード', exact: true }).click();
  await expect(editor(page)).toHaveCount(0);
  await context.setOffline(false);
});

test('staff mode offline before the staff tools were ever loaded: the citizen app says so and keeps working', async ({ page, context }) => {
  await visitOnline(page, '/item/25/');
  await context.setOffline(true);
  await page.getByRole('button', { name: '職員モード', exact: true }).click();
  await page.waitForSelector('html[data-staff-bundle="failed"][data-app="ready"]', { state: 'attached' });
  await expect(page.getByRole('alert')).toContainText('職員モードの機能を読み込めませんでした');
  expect(await bundle(page)).toBe('citizen');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toContainText('水道料金');
  await expect(editor(page)).toHaveCount(0);
  // Back online, a reload brings the staff tools.
  await context.setOffline(false);
  await page.reload();
  await page.waitForSelector('html[data-bundle="staff"][data-app="ready"]', { state: 'attached' });
  await expect(editor(page)).toBeVisible();
});

test('the device-data confirmation counts drafts in the citizen bundle too', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    const field = (value: string[]) => ({ base: null, value, edited_at: 1 });
    const data = { dataset_version: '1', items: { '25': { 'years.5.result': field(['a']), 'years.6.result': field(['b']) } } };
    localStorage.setItem('ueda-reform.drafts', JSON.stringify({ version: 1, saved_at: 1, data }));
  });
  await page.getByRole('button', { name: 'この端末のデータを消去' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('下書き2件');
});
