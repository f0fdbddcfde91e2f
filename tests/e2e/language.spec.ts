import { test, expect } from './fixtures';
import { edition, nextEdition } from './edition';
import AxeBuilder from '@axe-core/playwright';

// The interface in Japanese (default) and English; item contents stay Japanese.

test('English is the same page below en/: the interface in English, the contents in Japanese, the search kept', async ({ page }) => {
  await page.goto('/?q=%E3%83%9E%E3%82%A4%E3%83%8A%E3%83%B3%E3%83%90%E3%83%BC');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  const switchTo = page.getByRole('link', { name: 'Switch to English' });
  await expect(switchTo).toHaveAttribute('hreflang', 'en');
  await switchTo.click();
  await expect(page).toHaveURL(/\/en\/\?q=%E3%83%9E/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('searchbox', { name: 'Search by keyword' })).toHaveValue('マイナンバー');
  await expect(page.getByRole('status').filter({ hasText: /items?$/ })).not.toHaveText('61 items');
  await expect(page.getByRole('group', { name: 'Category', exact: true })).toBeVisible();
  await expect(page.getByText('the items themselves (titles, plans, results) are shown in Japanese')).toBeVisible();
  // Contents are marked as Japanese for screen readers.
  await expect(page.locator('.item-row:not([hidden]) .item-title').first()).toHaveAttribute('lang', 'ja');
  // The page is English as written: no Japanese interface text in the HTML the build wrote.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/en/item/25/');
  await expect(page.getByRole('heading', { level: 3, name: 'Plan and results by year' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Bookmark No\.25/ })).toBeVisible();
  await page.getByRole('link', { name: '日本語に切り替える' }).click();
  await expect(page).toHaveURL(/\/item\/25\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 3, name: '年度別の取組計画と実績' })).toBeVisible();
});

test('the overview and an item\'s indicators are in English, with their data in Japanese', async ({ page }) => {
  await page.goto('/en/overview/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  for (const name of ['Items by pillar and category', 'Items by SDG goal', 'Results reported by year', 'Numeric targets and results (indicators)', 'Effect amounts']) {
    await expect(main.getByRole('heading', { level: 3, name })).toBeVisible();
  }
  // No blanket Japanese wrapper: the interface text is English.
  await expect(main.locator('.overview')).not.toHaveAttribute('lang', 'ja');
  await expect(main).toContainText('Latest status of the 34 indicators: Met: 5, Not met: 3');
  await expect(main.getByRole('region', { name: 'Results reported by year', exact: true }).getByRole('link', { name: /FY Reiwa 3\s*61 of 61 items/ })).toBeVisible();
  const table = main.getByRole('table', { name: 'Indicators and their latest status' });
  await expect(table.getByRole('columnheader', { name: /Status/ })).toBeVisible();
  const water = table.getByRole('row', { name: /水道料金の現年度分収納率/ });
  await expect(water.locator('.status')).toHaveText('Met');
  // Indicator names stay Japanese and are marked as such.
  await expect(water.getByRole('rowheader')).toHaveAttribute('lang', 'ja');
  await table.getByRole('button', { name: /Status/ }).click();
  await expect(main.getByRole('status').filter({ hasText: /^Sorted by/ })).toHaveText('Sorted by Status, ascending');

  await page.goto('/en/item/25/');
  await expect(main.getByRole('heading', { level: 3, name: 'Numeric targets and results' })).toBeVisible();
  const card = main.locator('section.indicator').filter({ has: page.getByRole('heading', { level: 4, name: '水道料金の現年度分収納率' }) });
  await expect(card.getByRole('heading', { level: 4 })).toHaveAttribute('lang', 'ja');
  await expect(card.locator('.indicator-meta')).toContainText('Unit: % (higher is better)');
  const r4 = card.locator('li.indicator-year').filter({ has: page.locator('.year-name').getByText('FY Reiwa 4', { exact: true }) });
  await expect(r4).toContainText('Target: 99%以上');
  await expect(r4).toContainText('Result: 99.41%');
  await expect(r4.locator('.status')).toHaveText('Met');
  const r5 = card.locator('li.indicator-year').filter({ has: page.locator('.year-name').getByText(`FY Reiwa ${nextEdition.year}`, { exact: true }) });
  await expect(r5.locator('.status')).toHaveText('No result');
  await expect(r5.locator('.status-reason')).toContainText(`(a year not reported yet; the document is as of the end of Reiwa ${edition.year})`);
  await expect(card.getByText('Wording in the source')).toBeVisible();
});

for (const path of ['/en/', '/en/?cat=2&q=%E5%8F%8E%E7%B4%8D', '/en/item/21/', '/en/about/', '/en/overview/', '/en/bookmarks/', '/en/changes/']) {
  test(`no accessibility violations in English: ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary, summary.join('\n')).toEqual([]);
  });
}
