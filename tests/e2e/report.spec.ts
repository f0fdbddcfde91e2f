import { test, expect, staffMode, downloadFrom, reportItem, type Page } from './fixtures';
import { edition, nextEdition, olderEdition, reportingYear } from './edition';
import { resave, zipBomb, XLSX, CSV_UTF8, CSV_SHIFT_JIS } from './spreadsheet';
import { parse } from 'csv-parse/sync';

// A section's yearly report: the section chosen once, its items with the
// year's fields, progress, and the report sent as a workbook, CSV or JSON
// that comes back after a real spreadsheet (LibreOffice) saved it.

const IMPORT_LABEL = '書き出したファイル（JSON・Excel・CSV）を読み込む';

async function openReport(page: Page, section = '行政管理課') {
  await staffMode(page, '/workbench/');
  await expect(page.getByRole('heading', { name: '課所の報告', level: 2 })).toBeVisible();
  await page.getByLabel('担当課所').selectOption(section);
}

async function enterResult(page: Page, no: number, text: string) {
  await reportItem(page, no).getByRole('textbox', { name: `${reportingYear}の実績` }).fill(text);
  await expect(page.getByRole('status').filter({ hasText: '下書き保存済み' })).toBeVisible();
  await expect(reportItem(page, no).getByText('入力済み', { exact: true })).toBeVisible();
}

function toCsv(rows: string[][]): string {
  return rows.map((row) => row.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join('\r\n') + '\r\n';
}

async function storage(page: Page) {
  return page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
}

async function importFile(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel(IMPORT_LABEL).setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
}

test('a section chooses itself once, enters the year\'s results and sees its progress', async ({ page }) => {
  await openReport(page);
  await expect(page.locator('.report-item')).toHaveCount(20);
  await expect(page.getByText('20項目中0項目入力済み')).toBeVisible();
  // A shared item says who else reports on it.
  await expect(reportItem(page, 1)).toContainText('情報システム課、会計課、スポーツ推進課と共同で担当');
  // The year's published plan stands above the result; later plans can be revised.
  await expect(reportItem(page, 1)).toContainText(`${reportingYear}の取組計画（公表されている内容）`);
  await expect(reportItem(page, 1).getByRole('textbox', { name: '令和6年度の取組計画' })).toBeVisible();
  await enterResult(page, 1, '電子申請 120手続\n利用率 35%');
  await expect(page.getByText('20項目中1項目入力済み')).toBeVisible();

  // Remembered on the device; the draft is the same draft as on the item page.
  await page.reload();
  await expect(page.getByLabel('担当課所')).toHaveValue('行政管理課');
  await expect(reportItem(page, 1).getByRole('textbox', { name: `${reportingYear}の実績` })).toHaveValue('電子申請 120手続\n利用率 35%');
  await reportItem(page, 1).getByRole('link', { name: 'この項目のすべての欄を編集' }).click();
  await expect(page.getByRole('textbox', { name: `${reportingYear}の実績` })).toHaveValue('電子申請 120手続\n利用率 35%');

  // The year is a setting: 令和6年度 asks for that year's result.
  await page.goto('/workbench/');
  await page.getByLabel('報告する年度').selectOption('6');
  await expect(reportItem(page, 1).getByRole('textbox', { name: '令和6年度の実績' })).toBeVisible();
  await expect(page.getByText('20項目中0項目入力済み')).toBeVisible();
  await expect(page.getByRole('link', { name: '課所の報告' })).toHaveAttribute('aria-current', 'page');
});

test('the workbook, re-saved by a real spreadsheet, imports back with no change; an edited cell is a draft of that field', async ({ page, browser }) => {
  await openReport(page);
  await enterResult(page, 1, '電子申請 120手続');
  const workbook = await downloadFrom(page, 'Excel（.xlsx）で書き出す');
  expect(workbook.name).toMatch(new RegExp(String.raw`^${reportingYear}報告_行政管理課_\d{8}-\d{4}\.xlsx$`));
  expect(workbook.bytes.subarray(0, 2).toString()).toBe('PK');

  // Opened and saved again by LibreOffice, as Excel would: nothing changes.
  const resaved = resave(workbook.name, workbook.bytes, XLSX, 'xlsx');
  const before = await storage(page);
  await importFile(page, 'resaved.xlsx', resaved);
  const preview = page.getByRole('region', { name: '読み込む内容の確認' });
  await expect(preview).toContainText('1件の変更');
  await expect(preview.locator('.conflict')).toHaveCount(0);
  await preview.getByRole('button', { name: '読み込む', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '読み込みました' })).toBeVisible();
  expect(await storage(page)).toBe(before);

  // A clerk edits one cell (報告内容 of item 4's result) and saves: in a
  // fresh browser it is exactly one draft, of that field.
  const csv = resave(workbook.name, workbook.bytes, CSV_UTF8, 'csv').toString('utf8');
  // Item 4's row: 公表されている内容 and 報告内容 are both empty (no 令和5年度 result yet).
  const edited = csv.replace(new RegExp(String.raw`^(4,years\.${nextEdition.year}\.result,${edition.label},行政管理課,${reportingYear},[^\n]*?,${reportingYear}の実績,,)(,)`, 'm'), '$1研修 2回$2');
  expect(edited).not.toBe(csv);
  const editedBook = resave('edited.csv', Buffer.from(edited), XLSX, 'xlsx');
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openReport(other);
  await importFile(other, 'edited.xlsx', editedBook);
  const otherPreview = other.getByRole('region', { name: '読み込む内容の確認' });
  await expect(otherPreview).toContainText('2件の変更');
  await otherPreview.getByRole('button', { name: '読み込む', exact: true }).click();
  await expect(reportItem(other, 4).getByRole('textbox', { name: `${reportingYear}の実績` })).toHaveValue('研修 2回');
  await expect(reportItem(other, 1).getByRole('textbox', { name: `${reportingYear}の実績` })).toHaveValue('電子申請 120手続');
  const drafts = await other.evaluate(() => JSON.parse(localStorage.getItem('ueda-reform.drafts')!).data.items);
  expect(Object.keys(drafts).sort()).toEqual(['1', '4']);
  expect(Object.keys(drafts['4'])).toEqual([`years.${nextEdition.year}.result`]);
  await fresh.close();
});

test('a workbook with its columns reordered imports back with no change', async ({ page }) => {
  await openReport(page);
  await enterResult(page, 1, '電子申請 120手続, 利用率 "35%"\n窓口は2か所');
  const csv = await downloadFrom(page, 'CSV（Excel用）で書き出す');
  const rows = parse(csv.bytes, { bom: true });
  expect(rows[0]).toEqual(['項目番号', '欄', '対象版', '課所', '報告年度', '取組項目名', '欄の名称', '公表されている内容', '報告内容', '編集日時']);
  // The clerk moved 報告内容 to the front and 項目番号 to the end; a spreadsheet saved it as a workbook.
  const order = [8, 1, 2, 3, 4, 5, 6, 7, 9, 0];
  const book = resave('reordered.csv', Buffer.from('\uFEFF' + toCsv(rows.map((row) => order.map((i) => row[i])))), XLSX, 'xlsx');
  const before = await storage(page);
  await importFile(page, 'reordered.xlsx', book);
  const preview = page.getByRole('region', { name: '読み込む内容の確認' });
  await expect(preview).toContainText('1件の変更');
  await expect(preview).toContainText('利用率 "35%"');
  await preview.getByRole('button', { name: '読み込む', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '読み込みました' })).toBeVisible();
  expect(await storage(page)).toBe(before);
});

test('CSV saved as Shift_JIS by a spreadsheet imports back with no change', async ({ page }) => {
  await openReport(page);
  await enterResult(page, 2, '窓口 3か所で実施\n=集計は別紙');
  const csv = await downloadFrom(page, 'CSV（Excel用）で書き出す');
  expect(csv.name).toMatch(new RegExp(String.raw`^${reportingYear}報告_行政管理課_\d{8}-\d{4}\.csv$`));
  // Japanese Excel's default CSV: Shift_JIS (Windows-31J), no BOM.
  const sjis = resave(csv.name, csv.bytes, CSV_SHIFT_JIS, 'csv');
  expect(sjis.includes(Buffer.from('項目番号'))).toBe(false);
  const before = await storage(page);
  await importFile(page, 'shift_jis.csv', sjis);
  const preview = page.getByRole('region', { name: '読み込む内容の確認' });
  await expect(preview).toContainText('1件の変更');
  await expect(preview).toContainText('=集計は別紙');
  await preview.getByRole('button', { name: '読み込む', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '読み込みました' })).toBeVisible();
  expect(await storage(page)).toBe(before);
});

for (const language of ['ja', 'en'] as const) {
  test(`bad files are refused with a clear message and change nothing (${language})`, async ({ page }) => {
    await openReport(page);
    await enterResult(page, 1, '電子申請 120手続');
    const json = (await downloadFrom(page, 'JSONで書き出す')).bytes.toString('utf8');
    const csv = (await downloadFrom(page, 'CSV（Excel用）で書き出す')).bytes.toString('utf8');
    if (language === 'en') {
      await page.getByRole('link', { name: 'Switch to English' }).click();
      await expect(page.getByRole('heading', { name: 'Section report', level: 2 })).toBeVisible();
    }
    const label = language === 'ja' ? IMPORT_LABEL : 'Import an exported file (JSON, Excel or CSV)';
    const header = csv.split('\r\n')[0];
    const rows = csv.split('\r\n');
    const cases: [string, Buffer, RegExp, RegExp][] = [
      ['other-edition.json', Buffer.from(json.replace(`"edition": "${edition.label}"`, `"edition": "${nextEdition.label}"`)), new RegExp(`「${nextEdition.label}」の版`), new RegExp(`edition “${nextEdition.label}”`)],
      ['newer.json', Buffer.from(json.replace('"format_version": 1', '"format_version": 9')), /新しいバージョン/, /newer version/],
      ['other-edition.csv', Buffer.from(csv.replaceAll(edition.label, olderEdition.label)), new RegExp(`「${olderEdition.label}」の版`), new RegExp(`edition “${olderEdition.label}”`)],
      ['renamed.csv', Buffer.from(csv.replace(header, header.replace('報告内容', '報告'))), /「報告内容」/, /“報告内容”/],
      ['missing.csv', Buffer.from(csv.replace(/^[^,\r\n]*,/gm, '')), /「項目番号」/, /“項目番号”/],
      ['unknown-item.csv', Buffer.from([rows[0], rows[1].replace(/^1,/, '99,'), ...rows.slice(2)].join('\r\n')), /2行目の項目番号 99/, /row 2, item number 99/],
      // The same two as workbooks saved by a spreadsheet.
      ['renamed.xlsx', resave('renamed.csv', Buffer.from(csv.replace(header, header.replace('報告内容', '報告'))), XLSX, 'xlsx'), /「報告内容」/, /“報告内容”/],
      ['missing.xlsx', resave('missing.csv', Buffer.from(csv.replace(/^[^,\r\n]*,/gm, '')), XLSX, 'xlsx'), /「項目番号」/, /“項目番号”/],
      ['broken.xlsx', Buffer.from('PK\u0003\u0004 not really a workbook'), /Excel のブック/, /Excel workbook/],
      ['huge.xlsx', Buffer.alloc(20 * 1024 * 1024, 0x41), /大きすぎて/, /too large/],
      // About 100 kB that would inflate to 100 MiB: refused from the zip's
      // directory, before inflating (the message gives the size the
      // directory declares; its sheet of spaces, inflated, holds no text).
      ['bomb.xlsx', zipBomb(100 * 1024 * 1024), /ブックの中身が大きすぎて.*104857600バイト/, /workbook's contents are too large.*104857600 bytes/],
    ];
    const before = await storage(page);
    for (const [name, buffer, ja, en] of cases) {
      await page.getByLabel(label).setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
      await expect(page.getByRole('alert').filter({ hasText: language === 'ja' ? ja : en })).toBeVisible();
      await expect(page.getByRole('region', { name: language === 'ja' ? '読み込む内容の確認' : /Review/ })).toHaveCount(0);
      expect(await storage(page), name).toBe(before);
    }
  });
}

test('the citizen bundle offers staff mode for the section report', async ({ page }) => {
  await page.goto('/workbench/');
  await expect(page.getByRole('heading', { name: '課所の報告', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: '職員モードにする' }).click();
  await page.waitForSelector('html[data-bundle="staff"][data-app="ready"]', { state: 'attached' });
  await expect(page.getByLabel('担当課所')).toBeVisible();
});
