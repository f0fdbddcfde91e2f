import { test, expect, marked, type Page } from './fixtures';
import { reportingYear } from './edition';

// Citizens find items: facets with live counts, Japanese search, URLs that
// reproduce what the sender saw, and the detail view.

const count = (page: Page) => page.getByRole('status').filter({ hasText: /件$/ });
// Rows that do not match stay in the DOM, hidden (the list updates in place).
const rows = (page: Page) => page.locator('.item-row:not([hidden])');
const facet = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const search = (page: Page) => page.getByRole('searchbox', { name: /検索/ });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(count(page)).toHaveText('61件');
});

test('the list shows all 61 items grouped by pillar and category', async ({ page }) => {
  await expect(rows(page)).toHaveCount(61);
  await expect(page.locator('.category-block:not([hidden]) .category-heading')).toHaveCount(13);
  await expect(page.locator('.category-heading').first()).toContainText('ICTの活用');
  const first = rows(page).first();
  await expect(first).toContainText('No.1');
  await expect(first.getByRole('link')).toHaveText('電子申請手続の利用促進');
  await expect(first).toContainText('情報システム課');
});

test('a category facet narrows the list; options within a facet add up (OR)', async ({ page }) => {
  const categories = facet(page, '分類');
  const pillar1 = categories.getByRole('checkbox', { name: /^\(1\) 将来を見据えた/ });
  const pillar2 = categories.getByRole('checkbox', { name: /^\(2\) 健全で持続可能な/ });
  await expect(categories.getByText('20件').first()).toBeVisible();
  await pillar1.check();
  await expect(count(page)).toHaveText('20件');
  await expect(rows(page)).toHaveCount(20);
  // The other pillar's count is what it would give on its own: unchanged by this facet.
  await expect(pillar2.locator('xpath=..')).toContainText('29件');
  await pillar2.check();
  await expect(count(page)).toHaveText('49件');
  await expect(page.getByRole('button', { name: /分類「\(1\)/ })).toBeVisible();
});

test('facets combine with AND, counts update and empty options are disabled', async ({ page }) => {
  const sections = facet(page, '担当課');
  await sections.getByRole('checkbox', { name: /^総務課/ }).check();
  await expect(count(page)).toHaveText('11件');
  await sections.getByRole('checkbox', { name: /^行政管理課/ }).check();
  await expect(count(page)).toHaveText('27件');
  await facet(page, 'SDGs').getByRole('checkbox', { name: /^平和と公正/ }).check();
  const n = Number((await count(page).textContent())!.replace('件', ''));
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(27);
  await expect(rows(page)).toHaveCount(n);
  // SDG 14 (海の豊かさ) belongs to no item: listed, but disabled.
  await expect(facet(page, 'SDGs').getByRole('checkbox', { name: /^海の豊かさ/ })).toBeDisabled();
  // A chip removes one condition.
  await page.getByRole('button', { name: /SDGs「平和と公正/ }).click();
  await expect(count(page)).toHaveText('27件');
});

test('the bureau and result facets narrow the list too', async ({ page }) => {
  const bureaus = facet(page, '担当部局');
  await expect(bureaus.getByRole('checkbox', { name: /^総務部\s*\d+件$/ }).locator('xpath=..')).toContainText('30件');
  await bureaus.getByRole('checkbox', { name: /^総務部\s*\d+件$/ }).check();
  await expect(count(page)).toHaveText('30件');
  await bureaus.getByRole('checkbox', { name: /^財政部/ }).check();
  const both = Number((await count(page).textContent())!.replace('件', ''));
  expect(both).toBeGreaterThan(30);
  // Every item reported results for 令和3・4年度, so these keep the count.
  const results = facet(page, '実績');
  await expect(results.getByRole('checkbox')).toHaveCount(2);
  await results.getByRole('checkbox', { name: /令和4年度の実績あり/ }).check();
  await expect(count(page)).toHaveText(`${both}件`);
  expect(page.url()).toContain('res=4');
});

test('a match in the body text is shown as a snippet under the title', async ({ page }) => {
  await search(page).fill('戸籍証明書');
  const row = rows(page).filter({ hasText: 'No.2' });
  await expect(row.locator('.item-snippet')).toContainText('実績');
  await expect.poll(() => marked(page, '.item-row[data-no="2"] .item-snippet')).toEqual(['戸籍証明書']);
});

test('search folds half-width, full-width, hiragana and katakana, and highlights', async ({ page }) => {
  for (const variant of ['ﾏｲﾅﾝﾊﾞｰ', 'まいなんばー', 'マイナンバー']) {
    await search(page).fill(variant);
    await expect(count(page)).not.toHaveText('61件');
    await expect(rows(page).filter({ hasText: 'No.2' })).toHaveCount(1);
    await expect.poll(async () => (await marked(page, '.item-row:not([hidden])'))[0]).toBe('マイナンバー');
  }
  await search(page).fill('ＩＣＴ');
  const wide = await count(page).textContent();
  await search(page).fill('ict');
  await expect(count(page)).toHaveText(wide!);
  // Several words (full-width space) must all match.
  await search(page).fill('マイナンバー　コンビニ');
  await expect(rows(page)).toHaveCount(1);
  await search(page).fill('存在しない語句です');
  await expect(count(page)).toHaveText('0件');
  await expect(page.getByText('条件に合う取組項目はありません')).toBeVisible();
  await page.locator('.no-results').getByRole('button', { name: '条件をすべて解除' }).click();
  await expect(count(page)).toHaveText('61件');
  await expect(search(page)).toHaveValue('');
});

test('hiragana typed without converting finds the kanji, highlighted whole', async ({ page }) => {
  // 職員研修 is written in kanji only; its reading comes from the build's analyser.
  await search(page).fill('しょくいんけんしゅう');
  await expect(count(page)).not.toHaveText('0件');
  await expect(count(page)).not.toHaveText('61件');
  await expect.poll(() => marked(page, '.item-row:not([hidden])')).toContain('職員研修');
  // A place name read as the city reads it (武石 is たけし, not ぶせき).
  await search(page).fill('たけし');
  await expect(rows(page).filter({ hasText: 'No.44' })).toHaveCount(1);
  await expect.poll(async () => (await marked(page, '.item-row[data-no="44"]'))[0]).toBe('武石');
  // The item page marks the kanji too.
  await search(page).fill('こうみんかん');
  await rows(page).filter({ hasText: 'No.13' }).getByRole('link').click();
  await expect.poll(async () => (await marked(page, '.item-detail'))[0]).toBe('公民館');
});

test('nothing is searched while an IME is composing', async ({ page }) => {
  const box = search(page);
  await box.focus();
  // Input events as an IME sends them: the same event, composing or not.
  const type = (text: string, isComposing: boolean) =>
    box.evaluate((el: HTMLInputElement, [text, isComposing]) => {
      el.value = text;
      el.dispatchEvent(new InputEvent('input', { isComposing, data: text, bubbles: true }));
      // Whatever the input changed is on the page two frames later.
      return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }, [text, isComposing] as const);
  await box.evaluate((el) => el.dispatchEvent(new CompositionEvent('compositionstart', { data: '' })));
  await type('ふるさと', true);
  await expect(count(page)).toHaveText('61件');
  expect(page.url()).not.toContain('q=');
  await box.evaluate((el: HTMLInputElement) => {
    el.value = 'ふるさと納税';
    el.dispatchEvent(new CompositionEvent('compositionend', { data: 'ふるさと納税', bubbles: true }));
  });
  await expect(rows(page).filter({ hasText: 'No.21' })).toHaveCount(1);
  await expect(count(page)).not.toHaveText('61件');
  // The same input, not composing, is searched at once: the first one was
  // left alone because it was composing, not because it went unheard.
  await type('', false);
  await expect(count(page)).toHaveText('61件');
  await type('ふるさと', false);
  await expect(count(page)).not.toHaveText('61件');
  expect(page.url()).toContain('q=');
});

test('a copied URL reopens the same state, and back/forward work', async ({ page, context }) => {
  await facet(page, '分類').getByRole('checkbox', { name: /^\(3\) 時代に即した/ }).check();
  await expect(count(page)).toHaveText('12件');
  await search(page).fill('職員');
  const filtered = await count(page).textContent();
  const url = page.url();
  expect(url).toContain('cat=3');

  const other = await context.newPage();
  await other.goto(url);
  await expect(count(other)).toHaveText(filtered!);
  await expect(search(other)).toHaveValue('職員');
  await expect(facet(other, '分類').getByRole('checkbox', { name: /^\(3\) 時代に即した/ })).toBeChecked();
  await other.close();

  await page.goBack();
  await expect(count(page)).toHaveText('61件');
  await page.goForward();
  await expect(count(page)).toHaveText(filtered!);
});

test('the detail view shows every field, plan against result, and moves between items', async ({ page }) => {
  await search(page).fill('マイナンバー');
  await rows(page).filter({ hasText: 'No.2' }).getByRole('link').click();
  const heading = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(heading).toContainText('マイナンバーカードの利用促進');
  for (const label of ['改革の概要', 'これまでの実績・課題', '課題解決のための取組内容・改革手段', '5年後の改革達成形態・成果目標（効果額）', '年度別の取組計画と実績']) {
    await expect(page.getByRole('heading', { level: 3, name: label })).toBeVisible();
  }
  await expect(page.getByText('7ページ')).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table.getByRole('row', { name: /^令和4年度/ })).toContainText('コンビニ交付による戸籍証明書');
  // Years without a reported result say so.
  await expect(table.getByRole('row', { name: new RegExp(`^${reportingYear}`) })).toContainText('実績の報告なし');
  await expect.poll(async () => (await marked(page, '.item-detail'))[0]).toBe('マイナンバー');
  await page.getByRole('link', { name: /次の項目/ }).click();
  await expect(heading).toContainText('ICTを活用した窓口改善');
  // The next item's link kept the search, for the way back to the list.
  expect(new URL(page.url()).search).toContain('q=');
  await page.goBack();
  await page.goBack();
  // Back on the list, as it was left.
  await expect(count(page)).not.toHaveText('61件');
  await expect(search(page)).toHaveValue('マイナンバー');
  await expect(rows(page).filter({ hasText: 'No.2' })).toHaveCount(1);
});

test('deep links open items under a sub-path, including the split results of item 25', async ({ page }) => {
  await page.goto('/reform/item/25/');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toContainText('水道料金・下水道使用料の収納率の維持向上');
  // A page opened from a link starts at the top; focus is not moved.
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).not.toBeFocused();
  await expect(page.getByRole('row', { name: /^令和3年度/ })).toContainText('水道料金 99.53%');
  await expect(page.getByRole('row', { name: /^令和3年度/ })).toContainText('下水道使用料 99.50%');
});

test('「スマートフォンで開く」 shows a QR code of exactly the current address', async ({ page }) => {
  await facet(page, '分類').getByRole('checkbox', { name: /^\(2\) 健全で持続可能な/ }).check();
  await expect(count(page)).toHaveText('29件');
  await page.getByRole('button', { name: 'スマートフォンで開く' }).click();
  const qr = page.getByRole('img', { name: /QRコード/ });
  await expect(qr).toBeVisible();
  // A real symbol: a square viewBox and a path with many dark modules.
  const d = await qr.locator('path').getAttribute('d');
  expect(d!.split('M').length).toBeGreaterThan(100);
  await expect(page.locator('.qr-url')).toHaveText(page.url());
  await expect(page.getByRole('button', { name: 'スマートフォンで開く' })).toHaveAttribute('aria-expanded', 'true');
});

test('where the browser offers no clipboard (plain HTTP), copying says so and selects the address', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await page.goto('/?cat=2');
  await page.getByRole('button', { name: 'スマートフォンで開く' }).click();
  await page.getByRole('button', { name: 'アドレスをコピー' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'コピーできませんでした' })).toBeVisible();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(page.url());
});

test('the print layout keeps the filtered list and its SDG goals, and drops the controls', async ({ page }) => {
  await search(page).fill('公民館');
  const n = Number((await count(page).textContent())!.replace('件', ''));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('searchbox')).toBeHidden();
  await expect(rows(page)).toHaveCount(n);
  await expect(rows(page).first()).toBeVisible();
  await expect(rows(page).locator('.sdg-marks .sdg-badge').first()).toBeVisible();
  await expect(rows(page).getByRole('button').first()).toBeHidden();
});
