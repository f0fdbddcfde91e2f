import { test, expect, staffMode, type Page, type Browser } from './fixtures';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The whole yearly cycle: two sections report their 令和5年度 results in
// their own browsers, the coordinating section compiles their files (a stale
// and a foreign file refused), `cargo xtask edition add` makes the compiled
// dataset the current edition, and the app rebuilt from it shows the new
// results on the item pages and in the list's 実績 facet.

const root = resolve(__dirname, '..', '..');
const reportItem = (page: Page, no: number) => page.getByRole('region', { name: new RegExp(`^No\\.${no} `) });

async function sectionReport(browser: Browser, section: string, results: [number, string][], button: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await staffMode(page, '/?view=workbench');
  await page.getByLabel('担当課所').selectOption(section);
  for (const [no, text] of results) {
    await reportItem(page, no).getByRole('textbox', { name: '令和5年度の実績' }).fill(text);
    await expect(reportItem(page, no).getByText('入力済み', { exact: true })).toBeVisible();
  }
  const file = await download(page, button);
  await context.close();
  return file;
}

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(await (await file.createReadStream()).toArray()) };
}

test('two sections report, the coordinator compiles, the edition is added, and the rebuilt app shows it', async ({ browser, page }) => {
  // Building the app again is most of this test's time.
  test.setTimeout(25 * 60_000);
  const admin = await sectionReport(browser, '行政管理課', [[1, '電子申請 120手続'], [2, '窓口の予約 45件']], 'JSONで書き出す');
  const general = await sectionReport(browser, '総務課', [[8, '研修 2回']], 'Excel（.xlsx）で書き出す');
  const stale = Buffer.from(admin.bytes.toString('utf8').replace('"edition": "令和4年度末"', '"edition": "令和3年度末"'));

  await staffMode(page, '/?view=compile');
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.getByLabel('報告のファイルを選ぶ（複数選択できます）').setInputFiles([
    { name: admin.name, mimeType: 'application/json', buffer: admin.bytes },
    { name: general.name, mimeType: 'application/octet-stream', buffer: general.bytes },
    { name: 'old-edition.json', mimeType: 'application/json', buffer: stale },
    { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('メモ,内容\r\n1,会議の記録\r\n') },
  ]);
  const refused = page.getByRole('alert').filter({ hasText: '取りまとめに使えません' });
  await expect(refused).toContainText('2件のファイル');
  await expect(refused).toContainText('「令和3年度末」の版');
  await expect(refused).toContainText('「項目番号」');
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);
  await expect(page.getByText('49課所中2課所が提出済み、47課所が未提出です。')).toBeVisible();
  await expect(page.getByText('令和5年度末の版として、3件の欄を更新します。')).toBeVisible();
  const edition = await download(page, '次の版のデータ（JSON）を書き出す');

  // The command adds it to a copy of the data, and the app is built from that copy.
  const work = mkdtempSync(join(tmpdir(), 'cycle-'));
  const data = join(work, 'data');
  cpSync(join(root, 'data'), data, { recursive: true });
  writeFileSync(join(work, edition.name), edition.bytes);
  const added = execFileSync('cargo', ['xtask', 'edition', 'add', join(work, edition.name), '--data', data], { cwd: root, encoding: 'utf8', timeout: 10 * 60_000 });
  expect(added).toContain('3 fields of 3 items changed since 令和4年度末');
  expect(existsSync(join(data, 'editions', 'r5-end.json'))).toBe(true);
  // The same file again is refused and adds nothing.
  expect(() => execFileSync('cargo', ['xtask', 'edition', 'add', join(work, edition.name), '--data', data], { cwd: root, stdio: 'pipe', timeout: 10 * 60_000 })).toThrow(/not later/);

  const dist = join(work, 'dist');
  execFileSync('trunk', ['build', '--release', '--dist', dist], {
    cwd: root,
    env: { ...process.env, UEDA_DATA_DIR: data },
    stdio: 'pipe',
    timeout: 20 * 60_000,
  });
  const port = 8093;
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dist], { stdio: 'ignore' });
  try {
    const site = `http://127.0.0.1:${port}`;
    const citizen = await browser.newContext();
    const visitor = await citizen.newPage();
    await expect.poll(async () => (await fetch(`${site}/`).catch(() => null))?.status ?? 0, { timeout: 10_000 }).toBe(200);
    await visitor.goto(`${site}/item/1/`);
    await visitor.waitForSelector('html[data-app="ready"]', { state: 'attached' });
    await expect(visitor.getByRole('main')).toContainText('電子申請 120手続');
    // What this edition changed is said, and the new result marked, in the HTML the build wrote too.
    await expect(visitor.locator('.edition-changes')).toHaveText('令和4年度末の版から変わった欄: 令和5年度の実績');
    await expect(visitor.locator('.year-table tr').filter({ hasText: '令和5年度' }).locator('.change-mark')).toHaveText('新規');
    const html = await (await fetch(`${site}/item/1/`)).text();
    expect(html).toContain('令和4年度末の版から変わった欄');
    await visitor.goto(`${site}/item/8/`);
    await expect(visitor.getByRole('main')).toContainText('研修 2回');
    // The list's 実績 facet now has 令和5年度, with the three items.
    await visitor.goto(`${site}/`);
    await visitor.waitForSelector('html[data-app="ready"]', { state: 'attached' });
    const results = visitor.getByRole('group', { name: '実績', exact: true });
    await results.getByRole('checkbox', { name: /令和5年度の実績あり/ }).check();
    await expect(visitor.getByRole('status').filter({ hasText: /件$/ })).toHaveText('3件');
    // The about page dates the new edition.
    await visitor.goto(`${site}/?view=about`);
    await expect(visitor.getByRole('main')).toContainText('令和5年度末');
    await citizen.close();
  } finally {
    server.kill();
    // The copy of the data and the rebuilt site are not needed after the test; CI machines are short of disk.
    rmSync(work, { recursive: true, force: true });
  }
});
