import { test, expect, type Page } from './fixtures';

// Bookmarks survive reloads and tabs; broken or unavailable storage never
// loses data silently.

const KEY = 'ueda-reform.bookmarks';
const count = (page: Page) => page.getByRole('status').filter({ hasText: /件$/ });
const bookmarkButton = (page: Page, no: number) =>
  page.getByRole('button', { name: new RegExp(`^No\\.${no}「.*」をブックマーク$`) });
const navBookmarks = (page: Page) => page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: /ブックマーク/ });

async function ready(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('a bookmark survives a reload, and the bookmarks view lists it', async ({ page }) => {
  await ready(page);
  await expect(bookmarkButton(page, 21)).toHaveAttribute('aria-pressed', 'false');
  await bookmarkButton(page, 21).click();
  await bookmarkButton(page, 2).click();
  await expect(bookmarkButton(page, 21)).toHaveAttribute('aria-pressed', 'true');
  await expect(navBookmarks(page)).toHaveText('ブックマーク（2件）');
  const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY))!);
  expect(stored.version).toBe(2);
  expect(stored.data.items).toEqual([2, 21]);

  await page.reload();
  await expect(bookmarkButton(page, 21)).toHaveAttribute('aria-pressed', 'true');
  await navBookmarks(page).click();
  await expect(page.getByRole('heading', { level: 2, name: 'ブックマーク' })).toBeVisible();
  await expect(count(page)).toHaveText('2件');
  // The detail view has the same toggle.
  await page.getByRole('link', { name: 'ふるさと納税の推進' }).click();
  await bookmarkButton(page, 21).click();
  await expect(bookmarkButton(page, 21)).toHaveAttribute('aria-pressed', 'false');
  await page.goBack();
  await expect(count(page)).toHaveText('1件');
});

test('two tabs stay in sync', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await ready(a);
  await ready(b);
  await bookmarkButton(a, 5).click();
  await expect(bookmarkButton(b, 5)).toHaveAttribute('aria-pressed', 'true');
  await expect(navBookmarks(b)).toHaveText('ブックマーク（1件）');
  await bookmarkButton(b, 5).click();
  await expect(bookmarkButton(a, 5)).toHaveAttribute('aria-pressed', 'false');
});

test('unreadable stored bookmarks are kept as a backup, announced and downloadable', async ({ page }) => {
  await page.addInitScript((k) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, '{"version": 2, "data": {"items": [1, 2');
      sessionStorage.setItem('seeded', '1');
    }
  }, KEY);
  await ready(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('保存されていたブックマークを読み込めませんでした');
  await expect(count(page)).toHaveText('61件');
  const download = alert.getByRole('link', { name: '元のデータをダウンロード' });
  await expect(download).toHaveAttribute('download', /backup-bookmarks/);
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const saved = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(saved).toString()).toBe('{"version": 2, "data": {"items": [1, 2');
  // Nothing was deleted: the raw value sits under a backup key.
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('ueda-reform.backup.bookmarks.')).map((k) => localStorage.getItem(k)));
  expect(backups).toEqual(['{"version": 2, "data": {"items": [1, 2']);
  // The app keeps working and saves new bookmarks.
  await bookmarkButton(page, 3).click();
  await page.reload();
  await expect(bookmarkButton(page, 3)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('bookmarks written by a newer version are not overwritten silently', async ({ page }) => {
  await page.addInitScript((k) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, JSON.stringify({ version: 9, saved_at: 1, data: { items: [4] } }));
      sessionStorage.setItem('seeded', '1');
    }
  }, KEY);
  await ready(page);
  await expect(page.getByRole('alert')).toContainText('バージョン');
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.backup.')).length);
  expect(backups).toBe(1);
});

test('bookmarks stored by an older version are migrated, not discarded', async ({ page }) => {
  await page.addInitScript((k) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, '[7, 3, 7]');
      sessionStorage.setItem('seeded', '1');
    }
  }, KEY);
  await ready(page);
  await expect(bookmarkButton(page, 3)).toHaveAttribute('aria-pressed', 'true');
  await expect(bookmarkButton(page, 7)).toHaveAttribute('aria-pressed', 'true');
  await expect(navBookmarks(page)).toHaveText('ブックマーク（2件）');
  await expect(page.getByRole('alert')).toHaveCount(0);
  const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY))!);
  expect(stored).toMatchObject({ version: 2, data: { items: [3, 7] } });
});

test('without storage the app works in memory and says changes will not survive', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await ready(page);
  await expect(page.getByRole('alert')).toContainText('再読み込みすると失われます');
  await bookmarkButton(page, 1).click();
  await expect(bookmarkButton(page, 1)).toHaveAttribute('aria-pressed', 'true');
  await expect(count(page)).toHaveText('61件');
});

test('when storage is full the change is kept in memory and the user is told', async ({ page }) => {
  await ready(page);
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key === 'ueda-reform.bookmarks') throw new DOMException('full', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  await bookmarkButton(page, 9).click();
  await expect(bookmarkButton(page, 9)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('alert')).toContainText('保存容量がいっぱい');
});

test('a shared bookmarks link opens the same set on another device', async ({ page, browser }) => {
  await ready(page);
  await bookmarkButton(page, 2).click();
  await bookmarkButton(page, 44).click();
  await navBookmarks(page).click();
  await page.getByRole('button', { name: 'ブックマークをリンクで共有' }).click();
  const link = (await page.locator('.qr-url').textContent())!;
  expect(link).toContain('bm=2,44');

  const other = await browser.newContext(); // another device: empty storage
  const phone = await other.newPage();
  await phone.goto(link);
  await expect(phone.getByRole('heading', { level: 2, name: '共有されたブックマーク' })).toBeVisible();
  await expect(count(phone)).toHaveText('2件');
  await expect(navBookmarks(phone)).toHaveText('ブックマーク（0件）');
  await phone.getByRole('button', { name: '自分のブックマークに追加' }).click();
  await expect(navBookmarks(phone)).toHaveText('ブックマーク（2件）');
  await other.close();
});

test('「この端末のデータを消去」 says what will be lost, asks, then clears', async ({ page }) => {
  await ready(page);
  await bookmarkButton(page, 10).click();
  await bookmarkButton(page, 11).click();
  await page.getByRole('button', { name: 'この端末のデータを消去' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('ブックマーク2件');
  await dialog.getByRole('button', { name: 'キャンセル' }).click();
  await expect(navBookmarks(page)).toHaveText('ブックマーク（2件）');
  await page.getByRole('button', { name: 'この端末のデータを消去' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '消去する' }).click();
  await expect(navBookmarks(page)).toHaveText('ブックマーク（0件）');
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ueda-reform')));
  expect(keys).toEqual([]);
});
