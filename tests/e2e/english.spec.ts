import { test, expect, visitOnline, type Page } from './fixtures';

// With the interface in English, nothing a user can see or hear is Japanese
// except the document's own contents, which are marked lang="ja": every
// view, and every notice and message a user can meet.

const SETTINGS = 'ueda-reform.settings';
const BOOKMARKS = 'ueda-reform.bookmarks';
const ENGLISH = JSON.stringify({ version: 1, saved_at: 1, data: { language: 'en' } });
const ENGLISH_STAFF = JSON.stringify({ version: 1, saved_at: 1, data: { language: 'en', staff_mode: true } });

/** Stores `values` before the first page of the test loads (once, not on reloads). */
async function seed(page: Page, values: Record<string, string>) {
  await page.addInitScript((entries) => {
    if (sessionStorage.getItem('seeded')) return;
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    sessionStorage.setItem('seeded', '1');
  }, values);
}

/**
 * Japanese text outside elements marked lang="ja": text nodes, and the
 * attributes that give names and descriptions. Returns each offender with
 * where it is, so a failure says what to fix.
 */
async function japaneseOutsideJa(page: Page): Promise<string[]> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  return page.evaluate(() => {
    const japanese = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;
    const inJapanese = (element: Element | null) => (element?.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('ja');
    const where = (element: Element) => {
      const id = element.id ? `#${element.id}` : '';
      const cls = element.classList.length ? `.${[...element.classList].join('.')}` : '';
      return `${element.tagName.toLowerCase()}${id}${cls}`;
    };
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, noscript')) continue;
      const text = node.textContent ?? '';
      if (japanese.test(text) && !inJapanese(parent)) found.push(`${where(parent)}: ${text.trim().slice(0, 60)}`);
    }
    for (const element of document.body.querySelectorAll('*')) {
      for (const name of ['aria-label', 'aria-description', 'title', 'alt', 'placeholder', 'aria-valuetext']) {
        const value = element.getAttribute(name);
        if (value && japanese.test(value) && !inJapanese(element)) found.push(`${where(element)} [${name}]: ${value.slice(0, 60)}`);
      }
    }
    return found;
  });
}

async function expectNoJapaneseChrome(page: Page) {
  expect(await japaneseOutsideJa(page)).toEqual([]);
}

test('every view in English has no Japanese outside the contents', async ({ page }) => {
  await seed(page, { [SETTINGS]: ENGLISH_STAFF });
  for (const path of [
    '/en/',
    '/en/?cat=2&sdg=11&result=4&q=%E7%AA%93%E5%8F%A3',
    '/en/item/25/',
    '/en/item/12/',
    '/en/overview/',
    '/en/about/',
    '/en/accessibility/',
    '/en/bookmarks/',
    '/en/drafts/',
    '/en/changes/',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await test.step(path, () => expectNoJapaneseChrome(page));
  }
});

test('notices about unreadable and newer stored data are in English', async ({ page }) => {
  // Drafts are read by the staff bundle only: staff mode on.
  await seed(page, {
    [SETTINGS]: ENGLISH_STAFF,
    [BOOKMARKS]: '{"version": 1, "data": {"items": [1, 2',
    'ueda-reform.drafts': JSON.stringify({ version: 99, saved_at: 1, data: {} }),
  });
  await page.goto('/en/');
  await expect(page.getByRole('alert').filter({ hasText: 'bookmarks' })).toContainText('could not be read');
  await expect(page.getByRole('alert').filter({ hasText: 'drafts' })).toContainText('newer version');
  await expectNoJapaneseChrome(page);
});

test('a notice shown in Japanese reads in English after the switch (storage unavailable)', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('再読み込みすると失われます');
  await page.getByRole('link', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('alert')).toContainText('lost on reload');
  await expectNoJapaneseChrome(page);
});

test('storage full, copy failure, update and offline are announced in English', async ({ page, context }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await seed(page, { [SETTINGS]: ENGLISH });
  await page.goto('/en/');
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key === 'ueda-reform.bookmarks') throw new DOMException('full', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  await page.getByRole('button', { name: /^Bookmark No\.9/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'full' })).toBeVisible();

  await page.getByRole('button', { name: 'Open on a smartphone' }).click();
  await page.getByRole('button', { name: /^Copy/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not copy' })).toBeVisible();

  await page.evaluate(() => {
    document.documentElement.dataset.updateAvailable = 'true';
    window.dispatchEvent(new Event('ueda-reform:update-available'));
  });
  await context.setOffline(true);
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
  await expect(page.locator('.offline-banner')).toBeVisible();
  await expectNoJapaneseChrome(page);
  await context.setOffline(false);
});

test('refused imports and invalid drafts are explained in English', async ({ page }) => {
  await seed(page, { [SETTINGS]: ENGLISH_STAFF });
  await page.goto('/en/drafts/');
  const input = page.locator('input[type=file]');
  for (const [name, content] of [
    ['broken.json', '{"format": "something-else"}'],
    ['newer.json', JSON.stringify({ format: 'ueda-reform-drafts', format_version: 9 })],
    [
      'invalid.json',
      JSON.stringify({
        format: 'ueda-reform-drafts',
        format_version: 1,
        dataset_version: '1',
        changes: [{ item: 12, field: 'sdgs.goals', draft: [3, 18], edited_at: 1 }],
      }),
    ],
  ] as const) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect(page.getByRole('alert')).toContainText('Could not import');
    await test.step(name, () => expectNoJapaneseChrome(page));
  }
  await input.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 0x20) });
  await expect(page.getByRole('alert')).toContainText('too large');
  await expectNoJapaneseChrome(page);

  // An invalid draft in the editor.
  await page.goto('/en/item/25/');
  const title = page.getByRole('textbox', { name: 'Item title' });
  await title.fill('');
  await title.blur();
  await expect(page.getByText('Enter the item title.')).toBeVisible();
  await expectNoJapaneseChrome(page);
});

test('staff tools that cannot load offline are explained in English, and the drafts screen without staff mode too', async ({ page, context }) => {
  await seed(page, { [SETTINGS]: ENGLISH });
  await visitOnline(page, '/en/drafts/');
  await expect(page.getByRole('button', { name: 'Switch staff mode on' })).toBeVisible();
  await expectNoJapaneseChrome(page);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Switch staff mode on' }).click();
  await page.waitForSelector('html[data-staff-bundle="failed"][data-app="ready"]', { state: 'attached' });
  await expect(page.getByRole('alert')).toContainText('The staff tools could not be loaded');
  await expectNoJapaneseChrome(page);
  await context.setOffline(false);
});
