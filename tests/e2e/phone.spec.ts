import { test, expect, type Page } from './fixtures';

// Phone first: on a 390×844 touch screen a citizen sees the search box and
// at least two items without scrolling, staff mode is not in their way, and
// every control is a touch target of at least 24×24 CSS px (WCAG 2.2 AA
// 2.5.8); the ones used most (the header's, the bookmark toggles) 44×44.

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** How many item rows lie entirely within the first screen. */
async function rowsOnFirstScreen(page: Page) {
  return page.evaluate(() => [...document.querySelectorAll('.item-row')].filter((row) => {
    const box = row.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  }).length);
}

for (const path of ['/', '/en/', '/reform/']) {
  test(`the first screen shows the search box and at least two items: ${path}`, async ({ page }) => {
    await page.goto(path);
    const search = page.getByRole('searchbox');
    await expect(search).toBeInViewport({ ratio: 1 });
    expect(await rowsOnFirstScreen(page)).toBeGreaterThanOrEqual(2);
    // Staff mode is a device setting in the footer, not in the header.
    await expect(page.getByRole('banner').getByRole('button', { name: /職員モード|Staff mode/ })).toHaveCount(0);
    await expect(page.getByRole('contentinfo').getByRole('button', { name: /職員モード|Staff mode/ })).toHaveCount(1);
  });
}

test('the menu opens from the header and leads to every page', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'メニュー' });
  await expect(nav).toBeHidden();
  await page.getByText('メニュー', { exact: true }).tap();
  await expect(nav).toBeVisible();
  for (const name of ['取組項目一覧', '概要', 'このサイトについて', /^ブックマーク/]) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await expect(page.getByRole('group', { name: '文字の大きさ' }).filter({ visible: true })).toBeVisible();
  await nav.getByRole('link', { name: '概要' }).tap();
  await expect(page).toHaveURL(/\/overview\/$/);
});

/** The visible controls of `page` that are smaller than `min` CSS px either way. */
async function smallTargets(page: Page, selector: string, min: number) {
  return page.evaluate(({ selector, min }) => [...document.querySelectorAll(selector)]
    .filter((element) => {
      const box = element.getBoundingClientRect();
      const visible = box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
      return visible && (box.width < min - 0.5 || box.height < min - 0.5);
    })
    .map((element) => `${element.tagName.toLowerCase()}.${element.className} “${element.textContent?.trim().slice(0, 30)}” ${Math.round(element.getBoundingClientRect().width)}×${Math.round(element.getBoundingClientRect().height)}`),
  { selector, min });
}

for (const path of ['/', '/item/25/', '/overview/']) {
  test(`touch targets are at least 24×24, the header's and the bookmark toggles 44×44: ${path}`, async ({ page }) => {
    await page.goto(path);
    await page.getByText('メニュー', { exact: true }).tap();
    // Links inside running text are exempt (2.5.8); every other control is not.
    const controls = 'main button, main select, main input, main summary, main .item-title, main .facet-option label, main .breadcrumb a, main .prev-next a, main .bookmarks-only, header a, header button, header summary, footer button, footer .footer-links a';
    expect(await smallTargets(page, controls, 24)).toEqual([]);
    const large = 'header a.language-switch, header summary, header .site-nav a, header .text-size button, .bookmark-button, .search-box input';
    expect(await smallTargets(page, large, 44)).toEqual([]);
  });
}
