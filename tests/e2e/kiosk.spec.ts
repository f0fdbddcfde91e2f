import { test, expect, type Page } from './fixtures';

// Kiosk mode for shared tablets.

const count = (page: Page) => page.getByRole('status').filter({ hasText: /件$/ });
const bookmark = (page: Page, no: number) => page.getByRole('button', { name: new RegExp(`^No\\.${no}「.*」をブックマーク$`) });

/** Kiosk mode on, with a short idle time so the test need not wait minutes. */
async function kioskWithIdle(page: Page, seconds: number, keep = false) {
  await page.addInitScript(([s, k]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('ueda-reform.settings', JSON.stringify({
        version: 1, saved_at: 1, data: { kiosk: true, kiosk_idle_seconds: s, kiosk_keep_bookmarks: k },
      }));
      sessionStorage.setItem('seeded', '1');
    }
  }, [seconds, keep] as const);
}

test('?kiosk=1 turns kiosk mode on and the device remembers it', async ({ page }) => {
  await page.goto('/?kiosk=1');
  await expect(page.getByRole('complementary', { name: '共用端末モード' })).toContainText('3分間操作がないと');
  await page.goto('/');
  await expect(page.getByRole('complementary', { name: '共用端末モード' })).toBeVisible();
  await page.goto('/?kiosk=0');
  await expect(page.getByRole('complementary', { name: '共用端末モード' })).toHaveCount(0);
});

test('after idle time the kiosk returns to the start view and forgets the bookmarks', async ({ page }) => {
  await kioskWithIdle(page, 2);
  await page.goto('/?cat=1&q=%E7%AA%93%E5%8F%A3');
  await expect(count(page)).not.toHaveText('61件');
  await bookmark(page, 3).click();
  await expect(bookmark(page, 3)).toHaveAttribute('aria-pressed', 'true');
  // Nobody touches the tablet.
  await expect(count(page)).toHaveText('61件', { timeout: 6_000 });
  expect(new URL(page.url()).search).toBe('');
  await expect(page.getByRole('searchbox')).toHaveValue('');
  await expect(bookmark(page, 3)).toHaveAttribute('aria-pressed', 'false');
});

test('activity keeps the session, and a visitor can keep bookmarks on the device', async ({ page }) => {
  await kioskWithIdle(page, 2);
  await page.goto('/');
  await page.getByRole('checkbox', { name: 'ブックマークをこの端末に残す' }).check();
  await bookmark(page, 8).click();
  await page.getByRole('searchbox').fill('民営化');
  // Typing counts as activity: still filtered after more than the idle time in total.
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(800);
    await page.getByRole('searchbox').press('End');
  }
  await expect(count(page)).toHaveText('1件');
  await expect(count(page)).toHaveText('61件', { timeout: 6_000 });
  await expect(bookmark(page, 8)).toHaveAttribute('aria-pressed', 'true');
});

test('the next visitor finds the kiosk in Japanese with normal text, whatever the last one chose', async ({ page }) => {
  await kioskWithIdle(page, 2);
  await page.goto('/');
  await page.getByRole('button', { name: '特大', exact: true }).click();
  await page.getByRole('link', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const fontSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  const chosenSize = await fontSize();
  // Nobody touches the tablet.
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja', { timeout: 6_000 });
  await expect(page.getByRole('button', { name: '標準', exact: true })).toHaveAttribute('aria-pressed', 'true');
  expect(await fontSize()).not.toBe(chosenSize);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('button', { name: '標準', exact: true })).toHaveAttribute('aria-pressed', 'true');
});
