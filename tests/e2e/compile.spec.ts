import { test, expect, appReady, staffMode, downloadFrom, sectionReport } from './fixtures';
import { edition, nextEdition, olderEdition, reportingYear } from './edition';
import AxeBuilder from '@axe-core/playwright';
import { print } from './printout';
import { resave, XLSX, CSV_UTF8, CSV_SHIFT_JIS } from './spreadsheet';

// The coordinating section compiles the sections' reports: many files at
// once (chosen or dropped), who sent what and who did not, conflicts decided
// one by one, edits outside a section's items flagged, stale and foreign
// files refused, and the next edition with its changelog written.

test('two sections report, the coordinator compiles them with a stale and a foreign file, and writes the next edition', async ({ browser, page }) => {
  // Three browser contexts, a 61-page printout and axe over all of it: about
  // 25 s on a warm machine, past 30 s on a fresh one.
  test.slow();
  // 行政管理課 reports items 1 and 4, and (from its drafts screen) also item 11, which is not its own.
  const admin = await sectionReport(browser, '行政管理課', [[1, '電子申請 120手続'], [4, '規程 3件']]);
  // An edit outside the section's items, made on the item page.
  await admin.page.goto('/item/11/');
  await admin.page.getByRole('textbox', { name: `${reportingYear}の実績` }).fill('他課の項目への記入');
  await expect(admin.page.getByRole('status').filter({ hasText: '下書き保存済み' })).toBeVisible();
  await admin.page.goto('/drafts/');
  const adminFile = await downloadFrom(admin.page, 'JSONで書き出す');
  // 総務課 reports item 4 (shared, with another text) and item 8, as a workbook.
  const general = await sectionReport(browser, '総務課', [[4, '規程 4件'], [8, '研修 2回']]);
  const generalFile = await downloadFrom(general.page, 'Excel（.xlsx）で書き出す');
  expect(generalFile.name).toMatch(new RegExp(`^${reportingYear}報告_総務課_`));
  const stale = Buffer.from(adminFile.bytes.toString('utf8').replace(`"edition": "${edition.label}"`, `"edition": "${olderEdition.label}"`));

  await staffMode(page, '/compile/');
  await expect(page.getByRole('heading', { name: '報告の取りまとめ', level: 2 })).toBeVisible();
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.getByLabel('報告のファイルを選ぶ（複数選択できます）').setInputFiles([
    { name: `${reportingYear}報告_行政管理課_20270420-0900.json`, mimeType: 'application/json', buffer: adminFile.bytes },
    { name: generalFile.name, mimeType: 'application/octet-stream', buffer: generalFile.bytes },
  ]);
  // The stale and the foreign file are dropped onto the box.
  await page.locator('.file-drop').evaluate((box, files) => {
    const transfer = new DataTransfer();
    for (const [name, text] of files) transfer.items.add(new File([text], name));
    box.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, [['stale.json', stale.toString('utf8')], ['other-app.json', '{"format":"someone-else","changes":[]}']] as [string, string][]);

  const refused = page.getByRole('alert').filter({ hasText: '取りまとめに使えません' });
  await expect(refused).toContainText('2件のファイル');
  await expect(refused).toContainText('stale.json');
  await expect(refused).toContainText(`「${olderEdition.label}」の版`);
  await expect(refused).toContainText('other-app.json');
  await expect(refused).toContainText('書き出しファイルではありません');

  await expect(page.getByText('49課所中2課所が提出済み、47課所が未提出です。')).toBeVisible();
  const sections = page.locator('.compile-sections');
  await expect(sections.getByRole('row', { name: /^行政管理課/ })).toContainText(`${reportingYear}報告_行政管理課_20270420-0900.json`);
  await expect(sections.getByRole('row', { name: /^市民課/ })).toContainText('未提出');

  // Item 11 is flagged and left out unless ticked.
  await expect(page.locator('.foreign-changes li')).toHaveCount(1);
  await expect(page.locator('.foreign-changes')).toContainText('No.11');

  // Item 4: the two files disagree; nothing can be written until it is decided.
  await expect(page.getByText('食い違う欄があと1件あります')).toBeVisible();
  await expect(page.getByRole('button', { name: '次の版のデータ（JSON）を書き出す' })).toBeDisabled();
  const conflict = page.getByRole('group', { name: /^No\.4 / });
  await conflict.getByRole('radio', { name: /総務課/ }).check();
  await expect(page.getByText(`${nextEdition.label}の版として、3件の欄を更新します。`)).toBeVisible();
  await expect(page.locator('.changelog tbody tr')).toHaveCount(3);
  await page.locator('.foreign-changes input').check();
  await expect(page.getByText(`${nextEdition.label}の版として、4件の欄を更新します。`)).toBeVisible();
  await page.locator('.foreign-changes input').uncheck();
  await expect(page.locator('.changelog tbody tr')).toHaveCount(3);
  // The whole review (refused files, sections, conflict, changelog) passes axe.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);

  const compiled = await downloadFrom(page, '次の版のデータ（JSON）を書き出す');
  expect(compiled.name).toBe(`action-program-${nextEdition.slug}.json`);
  const next = JSON.parse(compiled.bytes.toString('utf8'));
  expect(next.meta.status_as_of).toBe(`${nextEdition.label}`);
  expect(next.meta.version).toBe('2.1.0');
  expect(next.meta.edition_published).toMatch(/^令和\d+年\d+月\d+日$/);
  const result5 = (no: number) => next.items.find((i: { no: number }) => i.no === no).years.find((y: { year: number }) => y.year === nextEdition.year).result;
  expect(result5(1)).toEqual(['電子申請 120手続']);
  expect(result5(4)).toEqual(['規程 4件']);
  expect(result5(8)).toEqual(['研修 2回']);
  expect(result5(11)).toBeNull();
  const changelog = await downloadFrom(page, '変更履歴（CSV）を書き出す');
  const rows = changelog.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(rows[0]).toBe('項目番号,取組項目名,欄,欄の名称,変更前,変更後,ファイル');
  expect(rows).toHaveLength(4);
  expect(rows[2]).toContain(`規程 4件,${generalFile.name}`);

  // The next edition on paper, for proofreading: every item from a new A4
  // page under the edition's running head, in the document's table, changes marked.
  await page.getByRole('button', { name: '次の版を印刷用に表示' }).click();
  await expect(page.locator('.edition-page')).toHaveCount(61);
  await expect(page.getByRole('button', { name: '印刷用の表示を閉じる' })).toHaveAttribute('aria-expanded', 'true');
  const printed = await print(page);
  const head = new RegExp(String.raw`^第四次上田市行財政改革大綱アクションプログラム${nextEdition.label}取組状況（令和\d+年\d+月\d+日）`);
  const starts = printed.pageTexts.filter((text) => head.test(text)).map((text) => Number(text.match(/No\.(\d+)/)?.[1]));
  expect(starts).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
  expect(printed.pages).toBeLessThanOrEqual(2 * 61);
  const first = printed.pageTexts[0];
  for (const cell of ['改革の概要', '担当部局', '年度取組計画（数値目標）実績（効果額）', '新規電子申請120手続']) {
    expect(first, cell).toContain(cell);
  }
  // Nothing of the screen around it: no controls, no note naming the current edition.
  for (const other of ['報告の取りまとめ', '次の版を印刷', '掲載内容', '変更履歴']) {
    expect(printed.text, other).not.toContain(other);
  }
  const proof = await new AxeBuilder({ page }).include('.edition-print').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(proof.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  await page.getByRole('button', { name: '印刷用の表示を閉じる' }).click();
  await expect(page.locator('.edition-page')).toHaveCount(0);

  // Refused files changed nothing on the device.
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);
  await admin.context.close();
  await general.context.close();
});

test('reports renamed and saved again by a spreadsheet compile to their sections, as their contents say', async ({ browser, page }) => {
  test.slow();
  const admin = await sectionReport(browser, '行政管理課', [[1, '電子申請 120手続']]);
  const book = await downloadFrom(admin.page, 'Excel（.xlsx）で書き出す');
  await admin.context.close();
  const general = await sectionReport(browser, '総務課', [[8, '研修 2回']]);
  const csv = await downloadFrom(general.page, 'CSV（Excel用）で書き出す');
  await general.context.close();
  // Renamed as mail clients, shared folders and people do, then opened and
  // saved again by a spreadsheet: the workbook as a workbook and as CSV
  // (which keeps the sheet only), the CSV as Japanese Excel saves CSV
  // (Shift_JIS), under a name that says another section.
  const misnamed = `${reportingYear}報告_市民課_20270401-0900.csv`;
  const files = [
    { name: '報告書 (1).xlsx', buffer: resave('報告書 (1).xlsx', book.bytes, XLSX, 'xlsx') },
    { name: 'コピー ～ 報告.csv', buffer: resave('コピー ～ 報告.xlsx', book.bytes, CSV_UTF8, 'csv') },
    { name: misnamed, buffer: resave('総務課から.csv', csv.bytes, CSV_SHIFT_JIS, 'csv') },
  ].map((file) => ({ ...file, mimeType: 'application/octet-stream' }));
  expect(files[2].buffer.includes(Buffer.from('総務課'))).toBe(false);

  await staffMode(page, '/compile/');
  const chooser = page.getByLabel('報告のファイルを選ぶ（複数選択できます）');
  await chooser.setInputFiles(files);
  await expect(page.getByText('49課所中2課所が提出済み、47課所が未提出です。')).toBeVisible();
  const sections = page.locator('.compile-sections');
  await expect(sections.getByRole('row', { name: /^行政管理課/ })).toContainText('報告書 (1).xlsx');
  await expect(sections.getByRole('row', { name: /^行政管理課/ })).toContainText('コピー ～ 報告.csv');
  await expect(sections.getByRole('row', { name: /^総務課/ })).toContainText(misnamed);
  await expect(sections.getByRole('row', { name: /^市民課/ })).toContainText('未提出');
  // Nothing unassigned, nothing outside a section's items, nothing refused.
  await expect(page.locator('.foreign-changes')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The name that contradicts the contents is said, and the contents followed.
  await expect(page.locator('.name-notes')).toHaveText(`${misnamed}：ファイル名では市民課の${reportingYear}の報告ですが、中身は総務課の${reportingYear}の報告です。中身に従って取りまとめます。`);
  await expect(page.getByText(`${nextEdition.label}の版として、2件の欄を更新します。`)).toBeVisible();
  await expect(page.locator('.changelog tbody tr')).toHaveCount(2);

  // The same, in English.
  await page.getByRole('link', { name: 'Switch to English' }).click();
  await expect(page).toHaveURL(/\/en\/compile\/$/);
  await appReady(page);
  await page.getByLabel('Choose report files (several at once)').setInputFiles(files);
  await expect(page.locator('.name-notes')).toHaveText(`${misnamed}: its name says it is the report of 市民課 for FY Reiwa ${nextEdition.year}, but its contents are the report of 総務課 for FY Reiwa ${nextEdition.year}. It is compiled as its contents say.`);
  await expect(page.locator('.foreign-changes')).toHaveCount(0);
  await expect(page.locator('.changelog tbody tr')).toHaveCount(2);
});
