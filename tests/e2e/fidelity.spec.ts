import { test, expect } from './fixtures';
import { edition } from './edition';

// What the data says about itself: the document's introduction, what is
// known of the edition's date, how each correction was judged, and which
// SDG goals the source gives at all.

test('the about page quotes the introduction and dates the edition honestly', async ({ page }) => {
  await page.goto('/about/');
  const preface = page.locator('.preface blockquote');
  await expect(preface).toHaveAttribute('lang', 'ja');
  await expect(preface).toContainText('効果額');
  await expect(preface).toContainText('中間評価');
  const facts = page.locator('.edition-facts');
  await expect(facts.getByRole('definition').nth(0)).toHaveText('令和3年8月');
  await expect(facts.getByRole('definition').nth(1)).toHaveText(`${edition.label}`);
  await expect(facts.getByRole('definition').nth(2)).toContainText('原資料に記載なし');
  await expect(facts.getByRole('definition').nth(2)).toContainText('令和5年4月以降');
});

test('every correction shows its kind and certainty, counted by kind', async ({ page }) => {
  await page.goto('/about/');
  await expect(page.getByText(/^内訳：抽出時の読み取り誤り \d+件、原資料の誤記 \d+件、目次と表などの表記の選択 \d+件。このうち\d+件は/)).toBeVisible();
  await page.getByText(/修正の一覧（\d+件）を表示/).click();
  const row = page.getByRole('row').filter({ hasText: '向上了り' });
  await expect(row).toContainText('抽出時の読み取り誤り');
  await expect(row).toContainText('推測');
  await expect(page.getByRole('row').filter({ hasText: '民間経験経験者' }).first()).toContainText('原資料の誤記');
  await expect(page.getByRole('row').filter({ hasText: '丸子産業観光課' })).toContainText('表記の選択');
});

test('an item says whether its SDG icons were lost or the source gives none', async ({ page }) => {
  await page.goto('/item/1/');
  await expect(page.locator('.facts-sdgs')).toContainText('アイコンのみで示されていたと考えられる');
  await page.goto('/item/25/');
  await expect(page.locator('.facts-sdgs')).toContainText('SDGs欄は空欄で、アイコンの痕跡もありません');
  await page.goto('/item/20/');
  await expect(page.locator('.facts-sdgs')).toContainText('目標名の記載があります');
});

test('the sections of items 42 and 43 stay apart in the section facet', async ({ page }) => {
  await page.goto('/');
  const sections = page.getByRole('group', { name: '担当課', exact: true });
  await expect(sections.getByRole('checkbox', { name: /^丸子産業観光課/ })).toHaveCount(1);
  await expect(sections.getByRole('checkbox', { name: /^真田産業観光課/ })).toHaveCount(1);
  await expect(sections.getByRole('checkbox', { name: /^産業観光課/ })).toHaveCount(0);
});
