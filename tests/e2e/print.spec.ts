import { test, expect } from './fixtures';
import { edition, reportingYear } from './edition';
import { print, type Printout } from './printout';

// Printouts, read back from the PDF Chromium writes (pages and text from the
// PDF itself, via pdf.js): an item fits the source's one page where it can
// and never takes more than two; no control is printed; every printout says
// when it was printed, which edition it is and where the current version is.

function today(): string {
  const now = new Date();
  return `印刷日：${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
}

/** What every printout must carry and must not. */
function expectPrintout(printout: Printout, address: string) {
  expect(printout.text).toContain(today());
  expect(printout.text).toContain(`掲載内容：${edition.label}の取組状況`);
  expect(printout.text).toContain(`このページのアドレス：${address}`);
  expect(printout.text).toContain('最新の情報はWebページをご覧ください');
  // The controls: text size, language, staff mode, print and QR buttons.
  for (const control of ['文字の大きさ', 'English', '職員モード', 'を印刷', 'スマートフォンで開く', 'ブックマーク']) {
    expect(printout.text, `printed control: ${control}`).not.toContain(control);
  }
}

test('every item prints on at most two A4 pages, in the document\'s layout, with date, edition and address', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const distribution = new Map<number, number[]>();
  for (let no = 1; no <= 61; no++) {
    await page.goto(`/item/${no}/`);
    const printout = await print(page);
    distribution.set(printout.pages, [...(distribution.get(printout.pages) ?? []), no]);
    expect(printout.pages, `item ${no}`).toBeLessThanOrEqual(2);
    expectPrintout(printout, `${baseURL}/item/${no}/`);
    // The document's item table: header cells, then plan against result.
    for (const cell of ['改革の概要', '担当部局', 'これまでの実績・課題', '年度取組計画（数値目標）実績（効果額）', '令和7年度']) {
      expect(printout.text, `item ${no}: ${cell}`).toContain(cell);
    }
  }
  const summary = [...distribution.entries()]
    .sort(([a], [b]) => a - b)
    .map(([pages, items]) => `${pages} page(s): ${items.length} items (${items.join(', ')})`)
    .join('; ');
  console.log(`print distribution: ${summary}`);
  test.info().annotations.push({ type: 'print distribution', description: summary });
});

test('the list prints as a compact table of the items shown, without controls', async ({ page, baseURL }) => {
  await page.goto('/?cat=1');
  const printout = await print(page);
  expectPrintout(printout, `${baseURL}/?cat=1`);
  expect(printout.pages).toBe(1);
  expect(printout.text).toContain('No.1');
  // Filtered out: not printed.
  expect(printout.text).not.toContain('No.61');
  // All 61 items stay compact too.
  await page.goto('/');
  const all = await print(page);
  expect(all.pages).toBeLessThanOrEqual(6);
});

test('the drafts\' print of changes follows the same rules', async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    localStorage.setItem('ueda-reform.settings', JSON.stringify({ version: 1, saved_at: 1, data: { staff_mode: true } }));
    sessionStorage.setItem('seeded', '1');
  });
  await page.goto('/item/25/');
  await page.getByRole('textbox', { name: `${reportingYear}の実績` }).fill('印刷する下書き');
  await expect(page.getByRole('status').filter({ hasText: '下書き保存済み' })).toBeVisible();
  await page.goto('/drafts/');
  const printout = await print(page);
  expectPrintout(printout, `${baseURL}/drafts/`);
  expect(printout.text).toContain('印刷する下書き');
  expect(printout.pages).toBe(1);
});
