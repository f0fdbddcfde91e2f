import { test, expect, type Locator, type Page } from './fixtures';
import { edition, reportingYear } from './edition';

// The overview (「概要」): charts whose bars open the filtered list, their
// table alternatives, the sortable indicator table, the effect amounts, and
// each item's indicator chart with its outcome stated in words.

const main = (page: Page) => page.getByRole('main');
const chart = (page: Page, name: string) => main(page).getByRole('region', { name, exact: true });
const resultCount = (page: Page) => page.locator('.result-count');
// One year's row of an indicator chart (by its year label, not by any text
// that merely mentions the year).
const yearRow = (card: Locator, year: string) =>
  card.locator('li.indicator-year').filter({ has: card.page().locator('.year-name').getByText(year, { exact: true }) });

const CHARTS = [
  '柱・分類ごとの項目数',
  '担当部局ごとの項目数',
  '担当課所ごとの項目数',
  'SDGsの目標ごとの項目数',
  '年度ごとの実績の報告状況',
];

async function openOverview(page: Page, base = '/') {
  await page.goto(`${base}overview/`);
  await expect(main(page).getByRole('heading', { level: 2, name: '概要' })).toBeVisible();
}

test('the overview shows every chart with a table of the same numbers', async ({ page }) => {
  await openOverview(page);
  // Headings in order: the page's h2, then one h3 per chart or table.
  const headings = await main(page).locator('h2, h3').evaluateAll((els) =>
    els.map((e) => `${e.tagName}:${e.textContent}`),
  );
  expect(headings).toEqual([
    'H2:概要',
    ...CHARTS.map((c) => `H3:${c}`),
    'H3:数値目標と実績（指標）の一覧',
    'H3:効果額',
  ]);
  for (const name of CHARTS) {
    const region = chart(page, name);
    await expect(region.getByRole('list').first()).toBeVisible();
    // The bars are decoration; their figures are text.
    await expect(region.locator('svg.bar-svg').first()).toHaveAttribute('aria-hidden', 'true');
    await region.getByText('数値を表で見る').click();
    await expect(region.getByRole('table', { name })).toBeVisible();
  }
  const categories = chart(page, '柱・分類ごとの項目数').getByRole('table');
  await expect(categories.locator('tbody tr')).toHaveCount(16);
  await expect(categories.getByRole('row', { name: /^\(2\) 健全で持続可能な財政基盤への改革/ })).toContainText('29件');
  // SDG goals: how many items name the goal in the document and how many were estimated.
  const sdgs = chart(page, 'SDGsの目標ごとの項目数');
  await expect(sdgs).toContainText('推定');
  // The note tells the estimates from lost icons apart from those for empty cells.
  await expect(sdgs).toContainText('資料に目標名が文字で記載されているのは4項目だけです。41項目の目標は資料ではアイコンのみで示されていたと考えられ');
  await expect(sdgs).toContainText('16項目はSDGs欄が空欄で目標が示されていない');
  const goal11 = sdgs.getByRole('table').getByRole('row', { name: /^11 住み続けられるまちづくりを/ });
  await expect(goal11.getByRole('cell')).toHaveText(['3件', '29件', '32件']);
  await expect(sdgs.getByRole('link', { name: /住み続けられるまちづくりを\s*32件\s*資料に記載 3件・推定 29件/ })).toBeVisible();
  // Years without results are shown as such, not as links.
  const years = chart(page, '年度ごとの実績の報告状況');
  await expect(years.getByRole('link', { name: /令和3年度\s*61件／61件/ })).toBeVisible();
  await expect(years.getByRole('link', { name: new RegExp(reportingYear) })).toHaveCount(0);
  await expect(years.locator('.bar-list').getByText('まだ報告されていません')).toHaveCount(7 - edition.year);
});

test('the pillar (2) bar opens the list of its 29 items', async ({ page }) => {
  await openOverview(page);
  await chart(page, '柱・分類ごとの項目数')
    .getByRole('link', { name: /^\(2\) 健全で持続可能な財政基盤への改革\s*29件$/ })
    .click();
  await expect(resultCount(page)).toHaveText('29件');
  expect(new URL(page.url()).search).toBe('?cat=2');
  await expect(page.getByRole('heading', { level: 2, name: '取組項目' })).toBeVisible();
});

test('a category, a bureau and a section bar open the filtered list', async ({ page }) => {
  await openOverview(page);
  await chart(page, '柱・分類ごとの項目数').getByRole('link', { name: /^エ 公共施設マネジメントの推進\s*10件$/ }).click();
  await expect(resultCount(page)).toHaveText('10件');
  expect(page.url()).toContain(`cat=2-${encodeURIComponent('エ')}`);

  await openOverview(page);
  await chart(page, '担当部局ごとの項目数').getByRole('link', { name: /^総務部\s*30件$/ }).click();
  await expect(resultCount(page)).toHaveText('30件');
  expect(page.url()).toContain(`bureau=${encodeURIComponent('総務部')}`);

  await openOverview(page);
  await chart(page, '担当課所ごとの項目数').getByRole('link', { name: /^総務課\s*11件$/ }).click();
  await expect(resultCount(page)).toHaveText('11件');
  expect(page.url()).toContain(`sec=${encodeURIComponent('総務課')}`);
});

test('sections with a single item are behind a disclosure, still linked', async ({ page }) => {
  await openOverview(page);
  const sections = chart(page, '担当課所ごとの項目数');
  const dx = sections.getByRole('link', { name: /^DX推進課\s*1件$/ });
  await expect(dx).toBeHidden();
  await sections.getByText(/担当が1項目の課所（\d+課所）を表示/).click();
  await dx.click();
  await expect(resultCount(page)).toHaveText('1件');
  expect(page.url()).toContain(`sec=${encodeURIComponent('DX推進課')}`);
});

test('an SDG bar and a year bar open the filtered list', async ({ page }) => {
  await openOverview(page);
  await chart(page, 'SDGsの目標ごとの項目数').getByRole('link', { name: /^16\s*平和と公正をすべての人に\s*30件/ }).click();
  await expect(resultCount(page)).toHaveText('30件');
  expect(new URL(page.url()).search).toBe('?sdg=16');
  await expect(page.getByRole('group', { name: 'SDGs', exact: true }).getByRole('checkbox', { name: /^平和と公正/ })).toBeChecked();

  await openOverview(page);
  await chart(page, '年度ごとの実績の報告状況').getByRole('link', { name: /^令和4年度/ }).click();
  await expect(resultCount(page)).toHaveText('61件');
  expect(new URL(page.url()).search).toBe('?res=4');
});

test('chart links keep the sub-path the app is served under', async ({ page }) => {
  await openOverview(page, '/reform/');
  await chart(page, '柱・分類ごとの項目数').getByRole('link', { name: /^\(2\) 健全で持続可能な/ }).click();
  await expect(resultCount(page)).toHaveText('29件');
  expect(new URL(page.url()).pathname).toBe('/reform/');
});

test('the indicator table lists the latest status and sorts by status', async ({ page }) => {
  await openOverview(page);
  const table = main(page).getByRole('table', { name: '指標と最新の状態' });
  await expect(table.locator('tbody tr')).toHaveCount(34);
  const water = table.getByRole('row', { name: /水道料金の現年度分収納率/ });
  await expect(water.locator('.status')).toHaveText('達成');
  await expect(water.getByRole('link', { name: /^No\.25 / })).toBeVisible();
  const furusato = table.getByRole('row', { name: /ふるさと寄附金額（個人版）の前年度比/ });
  await expect(furusato.locator('.status')).toHaveText('未達成');
  await expect(furusato).toContainText('約11.8%減');
  await expect(main(page)).toContainText('34指標の最新の状態：達成 5、未達成 3、比較できない 5、実績なし 5、数値目標なし 16');

  const header = (name: string) => table.getByRole('columnheader', { name: new RegExp(`^${name}`) });
  await expect(header('項目')).toHaveAttribute('aria-sort', 'ascending');
  const firstStatus = table.locator('tbody tr').first().locator('.status');
  await expect(firstStatus).toHaveText('数値目標なし'); // item 1

  await header('状態').getByRole('button').click();
  await expect(header('状態')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header('項目')).not.toHaveAttribute('aria-sort', /.*/);
  await expect(firstStatus).toHaveText('達成');
  const statuses = await table.locator('tbody .status').allTextContents();
  expect(statuses.slice(0, 5)).toEqual(Array(5).fill('達成'));
  expect(statuses.slice(5, 8)).toEqual(Array(3).fill('未達成'));
  await expect(main(page).getByRole('status').filter({ hasText: '並べ替え' })).toHaveText('状態の昇順で並べ替えました');

  await header('状態').getByRole('button').click();
  await expect(header('状態')).toHaveAttribute('aria-sort', 'descending');
  await expect(firstStatus).toHaveText('数値目標なし');
  await expect(table.locator('tbody tr').last().locator('.status')).toHaveText('達成');

  await header('指標').getByRole('button').click();
  await expect(header('指標')).toHaveAttribute('aria-sort', 'ascending');

  // Each row links to its item.
  await table.getByRole('row', { name: /水道料金の現年度分収納率/ }).getByRole('link').click();
  expect(new URL(page.url()).pathname).toMatch(/\/item\/25\/$/);
  await expect(main(page).getByRole('heading', { level: 2 })).toContainText('No.25');
});

test('the effect amounts are listed with links to their items', async ({ page }) => {
  await openOverview(page);
  const table = main(page).getByRole('table', { name: '効果額の一覧' });
  await expect(table.locator('tbody tr')).toHaveCount(11);
  const row = table.getByRole('row', { name: /669億円/ });
  await expect(row).toContainText('令和3年度');
  await row.getByRole('link', { name: /^No\.18 / }).click();
  expect(new URL(page.url()).pathname).toMatch(/\/item\/18\/$/);
  // Item 18 has an effect amount but no indicator: only the effect section.
  await expect(main(page).getByRole('heading', { level: 3, name: '効果額', exact: true })).toBeVisible();
  await expect(main(page).getByRole('heading', { name: '数値目標と実績', exact: true })).toHaveCount(0);
  await expect(main(page).getByRole('region', { name: '効果額', exact: true })).toContainText('669億円');
});

test('an item states met and not met in words, with the source wording', async ({ page }) => {
  await page.goto('/item/25/');
  const indicators = main(page).getByRole('region', { name: '数値目標と実績', exact: true });
  const water = indicators.getByRole('region', { name: '水道料金の現年度分収納率' });
  const r3 = yearRow(water, '令和3年度');
  await expect(r3).toContainText('目標：99%以上');
  await expect(r3).toContainText('実績：99.53%');
  await expect(r3.locator('.status')).toHaveText('達成');
  await expect(yearRow(water, reportingYear).locator('.status')).toHaveText('実績なし');
  await expect(water.locator('svg').first()).toHaveAttribute('aria-hidden', 'true');
  const quote = water.getByText('「99.53%」', { exact: false });
  await expect(quote).toBeHidden();
  await water.getByText('出典の記載').click();
  await expect(water.locator('.sources')).toContainText('令和3年度の実績 99.53%');

  await page.goto('/item/21/');
  const furusato = main(page).getByRole('region', { name: 'ふるさと寄附金額（個人版）の前年度比' });
  await expect(yearRow(furusato, '令和4年度').locator('.status')).toHaveText('未達成');
  await expect(main(page).getByRole('region', { name: '効果額', exact: true })).toContainText('437,153千円');
});

test('an item explains why a result cannot be compared', async ({ page }) => {
  await page.goto('/item/2/');
  const card = main(page).getByRole('region', { name: 'マイナンバーカード交付率' });
  const r3 = yearRow(card, '令和3年度');
  await expect(r3.locator('.status')).toHaveText('比較できない');
  await expect(r3).toContainText('この年度の目標はない（目標は令和7年度）');
  const portal = main(page).getByRole('region', { name: 'マイナポータルでの申請の拡充（事務数）' });
  await expect(yearRow(portal, '令和4年度')).toContainText('単位・基準が異なる');
});

test('an item without indicators or effect amounts shows neither section', async ({ page }) => {
  await page.goto('/item/4/');
  await expect(main(page).getByRole('heading', { level: 2 })).toContainText('No.4');
  await expect(main(page).getByRole('heading', { name: '数値目標と実績', exact: true })).toHaveCount(0);
  await expect(main(page).getByRole('heading', { name: '効果額', exact: true })).toHaveCount(0);
});

test('links and buttons are large enough to touch and reachable by keyboard', async ({ page }) => {
  await openOverview(page);
  const targets = main(page).locator('a.bar-row:visible, .sort-button, .col-item a, details > summary');
  const n = await targets.count();
  expect(n).toBeGreaterThan(40);
  for (let i = 0; i < n; i++) {
    const box = await targets.nth(i).boundingBox();
    expect(box!.height, await targets.nth(i).textContent() ?? '').toBeGreaterThanOrEqual(44);
  }
  const first = chart(page, '柱・分類ごとの項目数').getByRole('link').first();
  await first.focus();
  await expect(first).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(chart(page, '柱・分類ごとの項目数').getByRole('link').nth(1)).toBeFocused();
  const outline = await chart(page, '柱・分類ごとの項目数')
    .getByRole('link')
    .nth(1)
    .evaluate((e) => getComputedStyle(e).outlineStyle);
  expect(outline).toBe('solid');
});

for (const url of ['/overview/', '/item/2/', '/item/21/']) {
  test(`no horizontal page scrolling at 360 px: ${url}`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(url);
    await expect(main(page).getByRole('heading', { level: 2 })).toBeVisible();
    await expect(main(page).getByRole('heading', { level: 3 }).first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });
}
