import { print } from './printout';
import { edition, nextEdition, olderEdition, reportingYear } from './edition';
import { test, expect, staffMode, downloadFrom, sectionReport, type Page, type Browser } from './fixtures';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The whole yearly cycle: two sections report their 令和5年度 results in
// their own browsers, the coordinating section compiles their files (a stale
// and a foreign file refused), `cargo xtask edition add` makes the compiled
// dataset the current edition, and the app rebuilt from it shows the new
// results on the item pages and in the list's 実績 facet. A device that used
// the site before keeps its bookmark and its draft across the change of
// edition, the draft flagged because the published text changed under it.
// The rebuilt site names the new edition everywhere, lists what changed
// (「今回の更新」 and the feed) and, published at the city's address, writes
// its canonical links, sitemap and robots file.

const root = resolve(__dirname, '..', '..');
/** The address the city publishes the rebuilt site at, set in its copy of data/site.json. */
const PUBLISHED = 'https://www.city.example.jp/reform/';
/** A section's report file, entered in its own browser. */
async function reportFile(browser: Browser, section: string, results: [number, string][], button: string) {
  const { context, page } = await sectionReport(browser, section, results);
  const file = await downloadFrom(page, button);
  await context.close();
  return file;
}

test('two sections report, the coordinator compiles, the edition is added, and the rebuilt app shows it', async ({ browser, page }) => {
  // Building the app again is most of this test's time.
  test.setTimeout(25 * 60_000);
  // The published site, served from a folder that the rebuilt site replaces later.
  const work = mkdtempSync(join(tmpdir(), 'cycle-'));
  const served = join(work, 'site');
  cpSync(join(root, 'target', 'site'), served, { recursive: true });
  const port = Number(process.env.E2E_CYCLE_PORT ?? 8093);
  const site = `http://127.0.0.1:${port}`;
  // Another server on the port would be tested instead of this site: fail at once.
  expect(await fetch(`${site}/`).then(() => `port ${port} is in use`, () => 'free')).toBe('free');
  // A process of its own: it keeps serving while this one waits for the rebuild.
  const server = spawn(process.execPath, [join(root, 'tests', 'serve-site.mjs'), served, String(port)], { stdio: 'ignore' });
  try {
    await expect.poll(async () => (await fetch(`${site}/`).catch(() => null))?.status ?? 0, { timeout: 10_000 }).toBe(200);
    // A device with a bookmark and a draft of a result that the sections will report.
    // (No service worker: this is about what the device stored, not about updating the app.)
    const device = await browser.newContext({ serviceWorkers: 'block' });
    const tablet = await device.newPage();
    await tablet.goto(`${site}/item/2/`);
    await tablet.getByRole('button', { name: /^No\.2「.*」をブックマーク$/ }).click();
    await staffMode(tablet, `${site}/item/1/`);
    await tablet.getByRole('textbox', { name: `${reportingYear}の実績` }).fill('電子申請 100手続（見込み）');
    await expect(tablet.getByRole('status').filter({ hasText: '下書き保存済み' })).toBeVisible();
    await cycle(browser, page, work, join(work, 'dist'));
    // The rebuilt site replaces the published one.
    rmSync(served, { recursive: true, force: true });
    cpSync(join(work, 'dist'), served, { recursive: true });
    await rebuiltSite(browser, site);

    // The device kept both; the draft is flagged, with what it was written against.
    await tablet.goto(`${site}/drafts/`);
    const draft = tablet.locator('.item-drafts').filter({ hasText: 'No.1 ' });
    await expect(draft.locator('.stale-note')).toHaveText('この下書きを始めた後に、公表されている内容が変わりました。下書きは残しています。');
    // Shown as a change against the new published text; kept as written.
    await expect(draft.locator('del, ins').first()).toBeVisible();
    expect(await tablet.evaluate(() => Object.values(localStorage).some((value) => value.includes('電子申請 100手続（見込み）')))).toBe(true);
    await expect(tablet.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: /ブックマーク/ })).toHaveText('ブックマーク（1件）');
    await device.close();
  } finally {
    server.kill();
    // The copy of the data and the rebuilt site are not needed after the test; CI machines are short of disk.
    rmSync(work, { recursive: true, force: true });
  }
});

/** The sections report, the coordinator compiles, the edition is added to a copy of the data, and the app is built from it into `dist`. */
async function cycle(browser: Browser, page: Page, work: string, dist: string) {
  const admin = await reportFile(browser, '行政管理課', [[1, '電子申請 120手続'], [2, '窓口の予約 45件']], 'JSONで書き出す');
  const general = await reportFile(browser, '総務課', [[8, '研修 2回']], 'Excel（.xlsx）で書き出す');
  const stale = Buffer.from(admin.bytes.toString('utf8').replace(`"edition": "${edition.label}"`, `"edition": "${olderEdition.label}"`));

  await staffMode(page, '/compile/');
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.getByLabel('報告のファイルを選ぶ（複数選択できます）').setInputFiles([
    { name: admin.name, mimeType: 'application/json', buffer: admin.bytes },
    { name: general.name, mimeType: 'application/octet-stream', buffer: general.bytes },
    { name: 'old-edition.json', mimeType: 'application/json', buffer: stale },
    { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('メモ,内容\r\n1,会議の記録\r\n') },
  ]);
  const refused = page.getByRole('alert').filter({ hasText: '取りまとめに使えません' });
  await expect(refused).toContainText('2件のファイル');
  await expect(refused).toContainText(`「${olderEdition.label}」の版`);
  await expect(refused).toContainText('「項目番号」');
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);
  await expect(page.getByText('49課所中2課所が提出済み、47課所が未提出です。')).toBeVisible();
  await expect(page.getByText(`${nextEdition.label}の版として、3件の欄を更新します。`)).toBeVisible();
  const compiled = await downloadFrom(page, '次の版のデータ（JSON）を書き出す');

  // The command adds it to a copy of the data, and the app is built from that copy.
  const data = join(work, 'data');
  cpSync(join(root, 'data'), data, { recursive: true });
  writeFileSync(join(work, compiled.name), compiled.bytes);
  const added = execFileSync('cargo', ['xtask', 'edition', 'add', join(work, compiled.name), '--data', data], { cwd: root, encoding: 'utf8', timeout: 10 * 60_000 });
  expect(added).toContain(`3 fields of 3 items changed since ${edition.label}`);
  expect(existsSync(join(data, 'editions', `${nextEdition.slug}.json`))).toBe(true);
  // The same file again is refused and adds nothing.
  expect(() => execFileSync('cargo', ['xtask', 'edition', 'add', join(work, compiled.name), '--data', data], { cwd: root, stdio: 'pipe', timeout: 10 * 60_000 })).toThrow(/not later/);

  // The city publishes at its own address: the build then writes what needs it.
  const settings = join(data, 'site.json');
  writeFileSync(settings, readFileSync(settings, 'utf8').replace('"site_url": ""', `"site_url": "${PUBLISHED}"`));

  execFileSync('trunk', ['build', '--release', '--dist', dist], {
    cwd: root,
    env: { ...process.env, UEDA_DATA_DIR: data },
    stdio: 'pipe',
    timeout: 20 * 60_000,
  });
}

/** What citizens see on the rebuilt site. */
async function rebuiltSite(browser: Browser, site: string) {
  const citizen = await browser.newContext();
  const visitor = await citizen.newPage();
  await visitor.goto(`${site}/item/1/`);
  await visitor.waitForSelector('html[data-app="ready"]', { state: 'attached' });
  await expect(visitor.getByRole('main')).toContainText('電子申請 120手続');
  // What this edition changed is said, and the new result marked, in the HTML the build wrote too.
  await expect(visitor.locator('.edition-changes')).toHaveText(`${edition.label}の版から変わった欄: ${reportingYear}の実績`);
  await expect(visitor.locator('.year-table tr').filter({ hasText: reportingYear }).locator('.change-mark')).toHaveText('新規');
  const html = await (await fetch(`${site}/item/1/`)).text();
  expect(html).toContain(`${edition.label}の版から変わった欄`);
  await visitor.goto(`${site}/item/8/`);
  await expect(visitor.getByRole('main')).toContainText('研修 2回');
  // The list's 実績 facet now has 令和5年度, with the three items.
  await visitor.goto(`${site}/`);
  await visitor.waitForSelector('html[data-app="ready"]', { state: 'attached' });
  const results = visitor.getByRole('group', { name: '実績', exact: true });
  await results.getByRole('checkbox', { name: new RegExp(`${reportingYear}の実績あり`) }).check();
  await expect(visitor.getByRole('status').filter({ hasText: /件$/ })).toHaveText('3件');
  // The about page dates the new edition.
  await visitor.goto(`${site}/about/`);
  await expect(visitor.getByRole('main')).toContainText(nextEdition.label);

  // The whole site names the new edition, from the data: the header, the tab,
  // the footer's source, the printout, and an indicator's note.
  const next = nextEdition.label;
  for (const path of ['/', '/item/17/', '/en/', '/overview/']) {
    await visitor.goto(`${site}${path}`);
    await expect(visitor.locator('.site-status')).toContainText(path.startsWith('/en/') ? `Reiwa ${nextEdition.year}` : `${next}の取組状況`);
    await expect(visitor.getByRole('contentinfo')).toContainText(path.startsWith('/en/') ? `fiscal Reiwa ${nextEdition.year}` : `${next}取組状況`);
  }
  await visitor.goto(`${site}/`);
  await expect(visitor).toHaveTitle(`第四次上田市行財政改革大綱 アクションプログラム（${next}取組状況）`);
  const printout = await print(visitor);
  expect(printout.text).toContain(`掲載内容：${next}の取組状況`);
  expect(printout.text).not.toContain(`${edition.label}の取組状況`);
  // The indicators were read from the previous edition: their figures still
  // apply and say so; the year table has this edition's results.
  await visitor.goto(`${site}/item/25/`);
  await expect(visitor.locator('.years')).toContainText(`実績は${nextEdition.label}時点で公表されている令和3〜${nextEdition.year}年度分です`);
  const card = visitor.locator('section.indicator').first();
  await expect(card).toContainText('99.41%');
  await expect(card).toContainText(`${edition.label}の版から読み取った数値です`);
  // The open data is named with the new edition.
  await visitor.goto(`${site}/about/#open-data`);
  for (const href of await visitor.locator('#open-data a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(new RegExp(`open-data/ueda-action-program-${nextEdition.slug}[-.]`));
  }
  // 「今回の更新」 lists what changed, before and after, linked to the items.
  await visitor.goto(`${site}/changes/`);
  const changes = visitor.getByRole('main');
  await expect(changes).toContainText(`${edition.label}の版から、この版（${nextEdition.label}）で変わった3項目の欄です`);
  const one = changes.getByRole('region', { name: /^No\.1 / });
  await expect(one.getByRole('heading', { level: 4 })).toContainText(`${reportingYear}の実績`);
  await expect(one.locator('.after')).toContainText('電子申請 120手続');
  await expect(one.getByRole('link', { name: /^No\.1 / })).toHaveAttribute('href', '../item/1/');
  await visitor.goto(`${site}/en/changes/`);
  await expect(visitor.getByRole('main')).toContainText(`changed since the edition of the end of Reiwa ${edition.year}`);
  await citizen.close();

  // The feed: one entry per edition, the new one listing the changed items.
  const feed = await (await fetch(`${site}/feed.xml`)).text();
  expect(feed.match(/<entry>/g)).toHaveLength(2);
  expect(feed).toContain(nextEdition.label);
  expect(feed).toContain(`${PUBLISHED}item/1/`);

  // With the site's address set: canonical and language links, the preview's
  // absolute address and image, and the files search engines read.
  const item = await (await fetch(`${site}/item/17/`)).text();
  expect(item).toContain(`<link rel="canonical" href="${PUBLISHED}item/17/">`);
  expect(item).toContain(`<link rel="alternate" hreflang="en" href="${PUBLISHED}en/item/17/">`);
  expect(item).toContain(`<meta property="og:url" content="${PUBLISHED}item/17/">`);
  expect(item).toContain(`<meta property="og:image" content="${PUBLISHED}item/17/card.png">`);
  const card17 = Buffer.from(await (await fetch(`${site}/item/17/card.png`)).arrayBuffer());
  expect([card17.readUInt32BE(16), card17.readUInt32BE(20)]).toEqual([1200, 630]);
  const sitemap = await (await fetch(`${site}/sitemap.xml`)).text();
  const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  // Every page but the staff pages (not for search engines), once each.
  expect(locations).toHaveLength(2 * (6 + 61));
  expect(new Set(locations).size).toBe(locations.length);
  expect(locations).toContain(`${PUBLISHED}en/item/61/`);
  expect(locations.some((l) => l.includes('drafts/'))).toBe(false);
  expect(await (await fetch(`${site}/robots.txt`)).text()).toContain(`Sitemap: ${PUBLISHED}sitemap.xml`);
}
