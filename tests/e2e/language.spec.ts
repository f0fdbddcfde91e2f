import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// The interface in Japanese (default) and English; item contents stay Japanese.

test('switching to English changes the interface, keeps the contents Japanese, and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Focus stays on the switch, now offering the way back.
  await expect(page.getByRole('button', { name: /日本語/ })).toBeFocused();
  await expect(page.getByRole('searchbox', { name: 'Search by keyword' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /items$/ })).toHaveText('61 items');
  await expect(page.getByRole('group', { name: 'Category', exact: true })).toBeVisible();
  await expect(page.getByText('the items themselves (titles, plans, results) are shown in Japanese')).toBeVisible();
  // Contents are marked as Japanese for screen readers.
  await expect(page.locator('.item-title').first()).toHaveAttribute('lang', 'ja');
  await expect(page.locator('.item-title').first()).toHaveText('電子申請手続の利用促進');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/?item=25');
  await expect(page.getByRole('heading', { level: 3, name: 'Plan and results by year' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Bookmark No\.25/ })).toBeVisible();
  await page.getByRole('button', { name: /日本語/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 3, name: '年度別の取組計画と実績' })).toBeVisible();
});

for (const path of ['/', '/?cat=2&q=%E5%8F%8E%E7%B4%8D', '/?item=21', '/?view=about', '/?view=overview', '/?view=bookmarks']) {
  test(`no accessibility violations in English: ${path}`, async ({ page }) => {
    await page.addInitScript(() => {
      localStorage.setItem('ueda-reform.settings', JSON.stringify({ version: 1, saved_at: 1, data: { language: 'en' } }));
    });
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary, summary.join('\n')).toEqual([]);
  });
}
