import { test, expect, marked, visitStatic, type Page } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';

// WCAG 2.1 AA checks and axe's best-practice rules on every view (the
// prerendered pages with JavaScript off included), a keyboard-only walk, and
// the page's security policy in force with no request leaving this machine.

async function axe(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(summary, summary.join('\n')).toEqual([]);
}

const views: [string, string, (page: Page) => Promise<void>][] = [
  ['list', '/', async (page) => { await expect(page.getByRole('status').filter({ hasText: /件$/ })).toHaveText('61件'); }],
  ['list with filters and search', '/?cat=1&sdg=16&q=%E7%AA%93%E5%8F%A3', async (page) => {
    await expect(page.locator('.active-filters')).toBeVisible();
  }],
  ['no results', '/?q=%E5%AD%98%E5%9C%A8%E3%81%97%E3%81%AA%E3%81%84', async (page) => { await expect(page.getByText('条件に合う取組項目はありません')).toBeVisible(); }],
  ['item detail', '/item/25/', async (page) => { await expect(page.getByRole('table').first()).toBeVisible(); }],
  ['item detail with highlights', '/item/2/?q=%E3%83%9E%E3%82%A4%E3%83%8A', async (page) => { await expect.poll(() => marked(page, '.item-detail')).toContain('マイナ'); }],
  ['bookmarks (empty)', '/bookmarks/', async (page) => { await expect(page.getByText('ブックマークはまだありません')).toBeVisible(); }],
  ['shared bookmarks', '/?bm=2,21', async (page) => { await expect(page.getByRole('button', { name: '自分のブックマークに追加' })).toBeVisible(); }],
  ['overview', '/overview/', async (page) => { await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toBeVisible(); }],
  ['accessibility statement', '/accessibility/', async (page) => {
    await expect(page.locator('.a11y-table tbody tr').first()).toBeVisible();
  }],
  ['about', '/about/', async (page) => {
    await page.getByText('修正の一覧').first().click();
    await expect(page.getByRole('table')).toBeVisible();
  }],
];

for (const [name, path, ready] of views) {
  test(`no accessibility violations: ${name}`, async ({ page }) => {
    await page.goto(path);
    await ready(page);
    await axe(page);
  });
}

// The pages as the build wrote them, before (or without) the app: its
// loader is refused, so the static HTML stays. (axe itself needs JavaScript.)
for (const path of ['/', '/item/25/', '/reform/item/2/']) {
  test(`no accessibility violations: ${path} as written by the build`, async ({ page }) => {
    await page.route('**/boot.js', (route) => route.abort());
    await visitStatic(page, path);
    await expect(page.locator('#prerendered main')).toBeVisible();
    await axe(page);
  });
}

test('no accessibility violations with the QR code open, in dark mode and at the largest text size', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/item/21/');
  await page.getByRole('button', { name: '特大', exact: true }).click();
  await page.getByRole('button', { name: 'スマートフォンで開く' }).click();
  await expect(page.getByRole('img', { name: /QRコード/ })).toBeVisible();
  await axe(page);
});

test('keyboard only: search, filter, open an item, bookmark it, go back', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: /件$/ })).toHaveText('61件');
  // Skip link, then straight to the search box.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '本文へ移動' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('窓口');
  await expect(page.getByRole('status').filter({ hasText: /件$/ })).not.toHaveText('61件');
  // Tab to the first category option and tick it with the space bar.
  const pillar = page.getByRole('group', { name: '分類', exact: true }).getByRole('checkbox').first();
  for (let i = 0; i < 10 && !(await pillar.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(pillar).toBeFocused();
  await page.keyboard.press('Space');
  await expect(pillar).toBeChecked();
  await expect(pillar).toBeFocused();
  // Tab on to the first item link and open it.
  const firstLink = page.locator('.item-row:not([hidden]) a').first();
  for (let i = 0; i < 120 && !(await firstLink.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(firstLink).toBeFocused();
  const title = (await firstLink.textContent())!;
  await page.keyboard.press('Enter');
  await page.waitForSelector('html[data-app="ready"]');
  const heading = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(heading).toContainText(title);
  // A new page: the skip link leads to its content, where the way back to
  // the list and then the bookmark toggle come first.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '本文へ移動' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('navigation', { name: '現在位置' }).getByRole('link', { name: '取組項目一覧' })).toBeFocused();
  await page.keyboard.press('Tab');
  const toggle = page.getByRole('main').getByRole('button', { name: /をブックマーク$/ });
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // The browser's Back (Alt+←, outside the page) returns to the filtered
  // list, with focus on the item the user left it for.
  // (The skip link's #main was an entry of its own.)
  await page.goBack();
  await page.goBack();
  await page.waitForSelector('html[data-app="ready"]');
  await expect(page.locator('.item-row:not([hidden]) a', { hasText: title })).toBeFocused();
  await expect(page.getByRole('searchbox')).toHaveValue('窓口');
});

test('the content security policy is in force and nothing leaves this machine', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['blob:', 'data:'].includes(url.protocol)) {
      problems.push(`external request: ${req.url()}`);
    }
  });
  await page.goto('/item/21/');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toBeVisible();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/'unsafe-eval'/);
  // The policy really is enforced: an inline script is refused and reported.
  const violation = await page.evaluate(() => new Promise<string>((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true;';
    document.body.appendChild(s);
    setTimeout(() => resolve('none'), 1000);
  }));
  expect(violation).toMatch(/^script-src/);
  expect(await page.evaluate(() => (window as any).__inlineRan)).toBeUndefined();
  // Visit the other views; the app itself causes no violation.
  for (const path of ['/overview/', '/about/', '/bookmarks/', '/']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  expect(problems.filter((p) => !p.includes('__inlineRan') && !p.includes("Executing inline script"))).toEqual([]);
});

for (const language of ['ja', 'en']) {
  test(`no accessibility violations in staff editing and the drafts view (${language})`, async ({ page }) => {
    await page.addInitScript((lang) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('ueda-reform.settings', JSON.stringify({ version: 1, saved_at: 1, data: { staff_mode: true, language: lang } }));
        sessionStorage.setItem('seeded', '1');
      }
    }, language);
    await page.goto('/item/25/');
    const result = page.locator('#edit-25-years-5-result');
    await result.fill('水道料金 99.60%');
    await expect(page.locator('.saved-state')).not.toBeEmpty();
    await page.locator('#edit-25-years-4-result').fill('水道料金 99.41%\n下水道使用料 99.50%');
    await expect(page.locator('.saved-state')).not.toBeEmpty();
    await axe(page);
    await page.goto('/drafts/');
    await expect(page.locator('.item-drafts')).toHaveCount(1);
    await axe(page);
    // The section report, with a shared item's note and a drafted result.
    await page.goto('/workbench/');
    await page.locator('.workbench-settings select').first().selectOption('行政管理課');
    await expect(page.locator('.report-item')).toHaveCount(20);
    await page.locator('#edit-1-years-5-result').fill('電子申請 120手続');
    await expect(page.locator('.saved-state')).not.toBeEmpty();
    await axe(page);
  });
}

// WCAG 1.4.10 reflow: at 320 CSS px wide (what 1280 px at 400 % zoom gives,
// and narrower than 200 % zoom on any tablet) nothing needs horizontal scrolling.
for (const path of ['/', '/?cat=1&q=%E7%AA%93%E5%8F%A3', '/item/2/', '/overview/', '/about/', '/bookmarks/']) {
  test(`reflows at 320 px without horizontal scrolling: ${path}`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(path);
    await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

// The statement shows the results `cargo xtask test` derived from this
// suite's own report (and checks against each run): the same counts, in
// both languages, on a page that itself passes axe.
test('no accessibility violations: accessibility statement in English, showing the results of the checks', async ({ page }) => {
  const results = JSON.parse(readFileSync('data/accessibility-results.json', 'utf8'));
  const total = results.checks.reduce((n: number, c: { cases: unknown[] }) => n + c.cases.length, 0);
  expect(total).toBeGreaterThan(20);
  await page.goto('/about/');
  await page.getByRole('link', { name: 'ウェブアクセシビリティ方針' }).first().click();
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText('ウェブアクセシビリティ方針');
  await expect(page.locator('.a11y-summary')).toContainText(`${total}件の検査`);
  await expect(page.locator('.a11y-table tbody tr')).toHaveCount(results.checks.length);
  for (const check of results.checks) {
    await expect(page.locator('.a11y-table tbody tr').filter({ has: page.getByText(check.cases[0].title, { exact: true }) }))
      .toContainText(`${check.cases.length}件すべて合格`);
  }
  await expect(page.getByText('JIS X 8341-3:2016').first()).toBeVisible();
  await page.getByRole('link', { name: 'Switch to English' }).click();
  await expect(page.locator('.a11y-summary')).toContainText(`ran ${total} checks and ${total} passed`);
  await expect(page.getByText('Target level')).toBeVisible();
  await axe(page);
});
