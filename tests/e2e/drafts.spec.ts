import { test, expect, staffMode, type Page } from './fixtures';
import { nextEdition, reportingYear } from './edition';

// City staff draft updates in the browser, keep them across reloads, review
// them, export them for submission and import them elsewhere.

const result5 = (page: Page) => page.getByRole('textbox', { name: `${reportingYear}の実績` });

async function draftResult(page: Page, text: string) {
  await result5(page).fill(text);
  await expect(page.getByRole('status').filter({ hasText: '下書き保存済み' })).toBeVisible();
}

test('staff mode says drafts stay on this device and is not security', async ({ page }) => {
  await staffMode(page);
  const note = page.getByRole('complementary', { name: '職員モード' });
  await expect(note).toContainText('この端末のこのブラウザにだけ保存');
  await expect(note).toContainText('セキュリティ機能');
  await expect(page.getByRole('heading', { name: 'この項目の下書きを編集' })).toBeVisible();
});

test('a drafted result survives a reload and is marked in the list and the drafts view', async ({ page }) => {
  await staffMode(page);
  await draftResult(page, '水道料金 99.60%\n下水道使用料 99.55%');
  await page.reload();
  await expect(result5(page)).toHaveValue('水道料金 99.60%\n下水道使用料 99.55%');
  // Reading the item with drafts applied shows the draft in the year table.
  await page.getByRole('checkbox', { name: '下書きを反映して表示' }).check();
  await expect(page.getByRole('row', { name: new RegExp(`^${reportingYear}`) })).toContainText('水道料金 99.60%');
  await page.goto('/');
  await expect(page.locator('.item-row[data-no="25"] .draft-badge')).toHaveText('下書きあり');
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: /下書き（1件）/ }).click();
  const item = page.getByRole('region', { name: /No\.25/ });
  await expect(item.getByRole('heading', { name: `${reportingYear}の実績` })).toBeVisible();
  await expect(item.locator('ins').first()).toContainText('水道料金 99.60%');
});

test('typing saves without waiting, even when the page is closed right away', async ({ page, context }) => {
  await staffMode(page);
  await result5(page).fill('すぐに閉じても残る');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto('/item/25/');
  await expect(result5(again)).toHaveValue('すぐに閉じても残る');
});

test('invalid SDG choices are impossible and goal edits are drafts too', async ({ page }) => {
  await staffMode(page, '/item/1/');
  const goals = page.getByRole('group', { name: 'SDGsの目標' }).last();
  await goals.getByRole('checkbox', { name: /質の高い教育/ }).check();
  await expect(page.getByRole('status').filter({ hasText: '下書き保存済み' })).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('ueda-reform.drafts')!));
  expect(JSON.stringify(stored)).toContain('sdgs.goals');
});

test('export downloads a JSON and a CSV with the change, formulas neutralised', async ({ page }) => {
  await staffMode(page);
  await draftResult(page, '=SUM(A1:A3)\n下水道使用料 99.55%');
  await page.goto('/drafts/');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSONで書き出す' }).click()]);
  expect(json.suggestedFilename()).toMatch(/^ueda-reform-drafts-\d{8}-\d{4}\.json$/);
  const exported = JSON.parse(Buffer.concat(await (await json.createReadStream()).toArray()).toString());
  expect(exported.format).toBe('ueda-reform-drafts');
  expect(exported.changes).toHaveLength(1);
  expect(exported.changes[0]).toMatchObject({ item: 25, field: `years.${nextEdition.year}.result`, draft: ['=SUM(A1:A3)', '下水道使用料 99.55%'] });
  expect(exported.changes[0].published).toBeNull();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV（Excel用）で書き出す' }).click()]);
  const text = Buffer.concat(await (await csv.createReadStream()).toArray()).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('項目番号');
  expect(text).toContain("'=SUM(A1:A3)");
  expect(text).not.toMatch(/(^|[,\n"])=SUM/);
});

test('import into a fresh profile reproduces the drafts; a malformed file changes nothing', async ({ page, browser }) => {
  await staffMode(page);
  await draftResult(page, '輸出入のテスト 1\n輸出入のテスト 2');
  await page.goto('/drafts/');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSONで書き出す' }).click()]);
  const file = Buffer.concat(await (await download.createReadStream()).toArray());

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await staffMode(other, '/drafts/');
  await expect(other.getByText('下書きはありません')).toBeVisible();
  const input = other.getByLabel('書き出したファイル（JSON・Excel・CSV）を読み込む');
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "something-else"}') });
  // A refused file is an alert, not a polite status.
  await expect(other.getByRole('alert')).toContainText('読み込めませんでした');
  await expect(other.getByText('下書きはありません')).toBeVisible();
  // A file over the limit is refused by its size, before it is read.
  await input.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 0x20) });
  await expect(other.getByRole('alert')).toContainText('ファイルが大きすぎて読み込めません');
  await expect(other.getByText('下書きはありません')).toBeVisible();
  await input.setInputFiles({ name: 'drafts.json', mimeType: 'application/json', buffer: file });
  await expect(other.getByRole('region', { name: '読み込む内容の確認' })).toContainText('1件の変更');
  await other.getByRole('button', { name: '読み込む', exact: true }).click();
  await expect(other.getByText(/読み込みました/)).toBeVisible();
  await other.goto('/item/25/');
  await expect(result5(other)).toHaveValue('輸出入のテスト 1\n輸出入のテスト 2');
  await fresh.close();
});

test('an import that conflicts with a local draft asks which to keep', async ({ page, browser }) => {
  await staffMode(page);
  await draftResult(page, 'ファイル側の内容');
  await page.goto('/drafts/');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSONで書き出す' }).click()]);
  const file = Buffer.concat(await (await download.createReadStream()).toArray());
  await staffMode(page);
  await draftResult(page, 'この端末の内容');
  await page.goto('/drafts/');
  await page.getByLabel('書き出したファイル（JSON・Excel・CSV）を読み込む').setInputFiles({ name: 'd.json', mimeType: 'application/json', buffer: file });
  const preview = page.getByRole('region', { name: '読み込む内容の確認' });
  await expect(preview).toContainText('1件は、この端末の下書きと内容が異なります');
  await preview.getByRole('button', { name: '読み込む', exact: true }).click();
  await expect(page.getByText('どちらを残すか選んでいない欄があります')).toBeVisible();
  await preview.getByRole('radio', { name: 'この端末の下書きを残す' }).check();
  await preview.getByRole('button', { name: '読み込む', exact: true }).click();
  await expect(page.getByText(/読み込みました/)).toBeVisible();
  await page.goto('/item/25/');
  await expect(result5(page)).toHaveValue('この端末の内容');
});

test('discarding asks first, then returns the field to the published text', async ({ page }) => {
  await staffMode(page);
  await draftResult(page, '破棄する予定');
  await page.getByRole('button', { name: 'この欄の下書きを破棄' }).click();
  await expect(page.getByRole('alertdialog')).toContainText(`「${reportingYear}の実績」の下書きを破棄`);
  await page.getByRole('alertdialog').getByRole('button', { name: 'キャンセル' }).click();
  await expect(result5(page)).toHaveValue('破棄する予定');
  await page.getByRole('button', { name: 'この欄の下書きを破棄' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '破棄する' }).click();
  await expect(result5(page)).toHaveValue('');
  const stored = await page.evaluate(() => localStorage.getItem('ueda-reform.drafts'));
  expect(stored).not.toContain('破棄する予定');
});

test('kiosk mode hides staff mode', async ({ page }) => {
  await page.goto('/?kiosk=1');
  await expect(page.getByRole('button', { name: '職員モード', exact: true })).toHaveCount(0);
  await page.goto('/?kiosk=0');
  await expect(page.getByRole('button', { name: '職員モード', exact: true })).toBeVisible();
});

test('stored drafts that cannot be read survive an edit of another field: backed up, announced, downloadable', async ({ page }) => {
  await staffMode(page);
  await draftResult(page, '最初の下書き');
  // Another tab, of a newer version, writes drafts this one cannot read
  // (a storage event only reaches other tabs: this one does not know yet).
  const unreadable = JSON.stringify({ version: 99, saved_at: 1, data: { future: true } });
  await page.evaluate((raw) => localStorage.setItem('ueda-reform.drafts', raw), unreadable);
  await page.getByRole('textbox', { name: '令和6年度の実績' }).fill('別の欄の下書き');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('保存されていた下書きを読み込めませんでした');
  const download = alert.getByRole('link', { name: '元のデータをダウンロード' });
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(Buffer.concat(await (await file.createReadStream()).toArray()).toString()).toBe(unreadable);
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('ueda-reform.backup.drafts.')).map((k) => localStorage.getItem(k)));
  expect(backups).toEqual([unreadable]);
  // This tab's drafts, the new edit included, are saved.
  await page.reload();
  await expect(result5(page)).toHaveValue('最初の下書き');
  await expect(page.getByRole('textbox', { name: '令和6年度の実績' })).toHaveValue('別の欄の下書き');
});
