import { test, expect, type Page } from './fixtures';
import { edition } from './edition';

// Collects console errors and failed requests, so a page that renders but
// logs errors (a CSP violation, a 404) still fails.
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()}`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`${res.status()} ${res.url()}`);
  });
  return errors;
}

for (const base of ['/', '/reform/']) {
  test(`the app shell renders in Japanese at ${base}`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(base);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('第四次上田市行財政改革大綱');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('アクションプログラム');
    await expect(page.getByText(`${edition.label}の取組状況`, { exact: true })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText('出典');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page).toHaveTitle(/アクションプログラム/);
    expect(errors).toEqual([]);
  });
}

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '本文へ移動' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
