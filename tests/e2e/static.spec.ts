import { test, expect, visitStatic, type Page } from './fixtures';

// Static-first: every page's content is in the HTML the build writes. It
// reads with JavaScript off, item pages are real files (item/N/) at / and
// under a sub-path, and when the app takes the page over nothing moves and
// nothing the visitor did is lost.

const count = (page: Page) => page.getByRole('status').filter({ hasText: /件$/ });
const rows = (page: Page) => page.locator('.item-row:not([hidden])');
const heading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 });

for (const root of ['/', '/reform/']) {
  test.describe(`with JavaScript off, at ${root}`, () => {
    test.use({ javaScriptEnabled: false });

    test('the list and an item page reached from it show their content', async ({ page }) => {
      await page.goto(root);
      await expect(page.locator('.noscript-note')).toBeVisible();
      await expect(count(page)).toHaveText('61件');
      await expect(rows(page)).toHaveCount(61);
      await expect(page.locator('.category-heading')).toHaveCount(13);
      // Controls that need the app are shown disabled, not silently inert.
      await expect(page.getByRole('group', { name: '分類', exact: true }).getByRole('checkbox').first()).toBeDisabled();
      await expect(page.getByRole('button', { name: /をブックマーク$/ }).first()).toBeDisabled();

      // Item links are real pages: a static host serves them as files.
      const link = page.locator('.item-row[data-no="17"]').getByRole('link');
      await expect(link).toHaveAttribute('href', './item/17/');
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${root}item/17/$`));
      await expect(page).toHaveTitle(/^No\.17 オープンデータの推進/);
      await expect(heading(page)).toContainText('オープンデータの推進');
      for (const label of ['改革の概要', 'これまでの実績・課題', '年度別の取組計画と実績']) {
        await expect(page.getByRole('heading', { level: 3, name: label })).toBeVisible();
      }
      await expect(page.getByRole('table').first().getByRole('row', { name: /^令和3年度/ })).toBeVisible();
      // The stylesheet is found from two folders down.
      const background = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).toBe('rgb(29, 78, 137)');
      // Next item, and back to the list, by plain links.
      await page.getByRole('link', { name: /次の項目/ }).click();
      await expect(page).toHaveURL(new RegExp(`${root}item/18/$`));
      await page.getByRole('navigation', { name: '現在位置' }).getByRole('link', { name: '取組項目一覧' }).click();
      await expect(page).toHaveURL(new RegExp(`${root}$`));
      await expect(rows(page)).toHaveCount(61);
    });
  });
}

/** Holds the wasm download until `release()` is called, so a test can act on the static page. */
async function holdApp(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Sums the page's layout shifts so far, after two more frames. */
async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      setTimeout(() => resolve((window as unknown as { shifts: number }).shifts), 100);
    }));
  }));
}

for (const path of ['/', '/item/17/', '/reform/item/40/', '/en/overview/']) {
  test(`the page comes alive where it stands, nothing moved or replaced: ${path}`, async ({ page }) => {
    // Record layout shifts from the first paint on.
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: number };
      w.shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.shifts += (entry as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const release = await holdApp(page);
    await visitStatic(page, path);
    // The content is there before the app.
    await expect(heading(page).or(count(page)).first()).toBeVisible();
    await expect(page.locator('html[data-app="ready"]')).toHaveCount(0);
    // Remember the page's nodes as the build wrote them.
    await page.evaluate(() => {
      const w = window as unknown as { written: Element[] };
      w.written = [...document.querySelectorAll('main *, header *')];
    });
    release();
    await expect(page.locator('html[data-app="ready"]')).toHaveCount(1);
    // The same nodes: the page was made interactive, not rendered again.
    expect(await page.evaluate(() => {
      const w = window as unknown as { written: Element[] };
      return w.written.filter((element) => !element.isConnected).length;
    })).toBe(0);
    expect(await layoutShift(page)).toBe(0);
    // Controls work now.
    await expect(page.getByRole('button').filter({ visible: true }).first()).toBeEnabled();
  });
}

test('focus, scroll and text typed before the app starts stay as they were', async ({ page }) => {
  const release = await holdApp(page);
  await visitStatic(page, '/');
  await expect(count(page)).toHaveText('61件');
  // Scrolled down, with keyboard focus on the 20th item's link.
  const link = rows(page).nth(19).getByRole('link');
  const title = (await link.textContent())!;
  await link.focus();
  await page.evaluate(() => window.scrollTo(0, 900));
  release();
  await expect(page.locator('html[data-app="ready"]')).toHaveCount(1);
  await expect(rows(page).nth(19).getByRole('link')).toBeFocused();
  await expect(rows(page).nth(19).getByRole('link')).toHaveText(title);
  expect(await page.evaluate(() => window.scrollY)).toBe(900);
});

test('a search typed before the app starts is run when it does', async ({ page }) => {
  const release = await holdApp(page);
  await visitStatic(page, '/');
  const box = page.getByRole('searchbox', { name: /検索/ });
  await box.fill('マイナンバー');
  await expect(box).toBeFocused();
  release();
  await expect(page.locator('html[data-app="ready"]')).toHaveCount(1);
  await expect(box).toHaveValue('マイナンバー');
  await expect(box).toBeFocused();
  await expect(count(page)).not.toHaveText('61件');
  await expect(page).toHaveURL(/\?q=%E3%83%9E/);
});

test('item links go to the item pages and back; old ?item= and ?view= links still work', async ({ page }) => {
  await page.goto('/reform/');
  await page.locator('.item-row[data-no="2"]').getByRole('link').click();
  await expect(page).toHaveURL(/\/reform\/item\/2\/$/);
  await expect(heading(page)).toContainText('マイナンバーカードの利用促進');
  await page.goBack();
  await expect(page).toHaveURL(/\/reform\/$/);
  await expect(count(page)).toHaveText('61件');
  // The app's older links name a screen in the query string: they lead to its page now.
  await page.goto('/reform/?item=3&q=%E7%AA%93%E5%8F%A3');
  await expect(page).toHaveURL(/\/reform\/item\/3\/\?q=%E7%AA%93%E5%8F%A3$/);
  await expect(heading(page)).toContainText('ICTを活用した窓口改善');
  await expect.poll(() => page.getByRole('link', { name: /次の項目/ }).evaluate((a: HTMLAnchorElement) => a.href))
    .toMatch(/\/reform\/item\/4\/\?q=%E7%AA%93%E5%8F%A3$/);
  await page.goto('/reform/?view=overview');
  await expect(page).toHaveURL(/\/reform\/overview\/$/);
  await expect(heading(page)).toHaveText('概要');
});

test('a start that fails says so in both languages, and the content stays readable', async ({ page }) => {
  // A truncated download, as a flaky connection delivers it.
  await page.route('**/*.wasm', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, 1000) });
  });
  await page.goto('/item/17/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('機能を読み込めませんでした');
  await expect(alert).toContainText('could not be loaded');
  await expect(heading(page)).toContainText('オープンデータの推進');
  await expect(page.getByRole('button', { name: /をブックマーク$/ })).toBeDisabled();
  // With the connection mended, the message's button brings the app up.
  await page.unroute('**/*.wasm');
  await Promise.all([
    page.waitForEvent('load'),
    alert.getByRole('button', { name: '再読み込み / Reload' }).click(),
  ]);
  await expect(page.locator('html[data-app="ready"]')).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /をブックマーク$/ })).toBeEnabled();
});
