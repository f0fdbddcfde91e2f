import { test, expect, type Page } from './fixtures';
import { edition } from './edition';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

// Open data: the about page offers the dataset as files of the site (CSV
// for spreadsheets, JSON for programs), which a citizen downloads, a
// spreadsheet opens with its Japanese intact, and an offline tablet still serves.

const openData = (page: Page) => page.getByRole('region', { name: /データのダウンロード/ }).or(page.locator('#open-data'));

/// Downloads the file behind the link named `name` and returns its bytes.
async function download(page: Page, name: RegExp): Promise<{ bytes: Buffer; fileName: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    openData(page).getByRole('link', { name }).click(),
  ]);
  const path = await file.path();
  return { bytes: readFileSync(path), fileName: file.suggestedFilename() };
}

test('the footer links to the downloads, which name the edition', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'データのダウンロード' }).click();
  await expect(page).toHaveURL(/\/about\/#open-data$/);
  await expect(page.getByRole('heading', { name: 'データのダウンロード（オープンデータ）' })).toBeInViewport();
  const links = page.locator('#open-data a[download]');
  await expect(links).toHaveCount(8);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(new RegExp(String.raw`^\.\./open-data/ueda-action-program-${edition.slug}[-.]`));
  }
});

test('the CSV holds 61 items with every year, and opens in a spreadsheet with its Japanese intact', async ({ page }) => {
  // LibreOffice's first start in a fresh profile takes a while.
  test.setTimeout(150_000);
  await page.goto('/about/');
  const { bytes, fileName } = await download(page, /取組計画と実績（CSV）/);
  expect(fileName).toBe(`ueda-action-program-${edition.slug}-years.csv`);
  // UTF-8 with a byte order mark, as the national rules ask the encoding to be stated.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes, { bom: true });
  const [header, ...body] = rows;
  const col = (name: string) => header.indexOf(name);
  expect(header.slice(0, 2)).toEqual(['項目番号', '改革の柱']);
  expect(body).toHaveLength(61 * 5);
  const dataset = await (await page.request.get(`open-data/ueda-action-program-${edition.slug}.json`)).json();
  for (const item of dataset.items) {
    const own = body.filter((r) => r[col('項目番号')] === String(item.no));
    expect(own.map((r) => r[col('年度（西暦）')])).toEqual(['2021', '2022', '2023', '2024', '2025']);
    for (const year of item.years) {
      const row = own.find((r) => r[col('年度（和暦）')] === year.label)!;
      expect(row[col('取組計画（数値目標）')]).toBe(year.plan.join('\n'));
      expect(row[col('実績（効果額）')]).toBe((year.result ?? []).join('\n'));
      expect(row[col('実績の有無')]).toBe(year.result ? 'あり' : 'なし');
    }
  }

  // LibreOffice opens it as the file states it (UTF-8, comma, double
  // quotes: what its import dialog preselects for a file with a BOM; headless
  // it has no dialog, so the options are given) and writes it back as HTML.
  const dir = mkdtempSync(join(tmpdir(), 'open-data-'));
  writeFileSync(join(dir, fileName), bytes);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--infilter=CSV:44,34,76,1', '--convert-to', 'html', '--outdir', dir, join(dir, fileName)], { timeout: 120_000, stdio: 'pipe' });
  const html = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.html'))!), 'utf8');
  // The byte order mark is not part of the first header cell.
  expect(html).toMatch(/>項目番号</);
  expect(html).toContain('電子申請手続の利用促進');
  expect(html).toContain('取組計画（数値目標）');
  expect(html).toContain('令和4年度');
  expect(html).not.toContain('\uFFFD');
  expect((html.match(/<tr/g) ?? []).length).toBe(1 + 61 * 5);
});

test('the JSON holds 61 items with every year, and its schema and the other files come with it', async ({ page }) => {
  await page.goto('/about/');
  const { bytes, fileName } = await download(page, /データ全体（JSON）/);
  expect(fileName).toBe(`ueda-action-program-${edition.slug}.json`);
  const dataset = JSON.parse(bytes.toString('utf8'));
  expect(dataset.meta.status_as_of).toBe(`${edition.label}`);
  expect(dataset.items).toHaveLength(61);
  for (const item of dataset.items) {
    expect(item.years.map((y: { year: number }) => y.year)).toEqual([3, 4, 5, 6, 7]);
    for (const year of item.years) expect(year.plan.length).toBeGreaterThan(0);
    // Every item reports 令和3 and 令和4; later years are plans only.
    expect(item.years.filter((y: { result: unknown }) => y.result !== null).map((y: { year: number }) => y.year)).toEqual([3, 4]);
  }
  const schema = JSON.parse((await download(page, /JSONのスキーマ/)).bytes.toString('utf8'));
  expect(schema.title).toBe('Dataset');
  const corrections = parse((await download(page, /テキストの修正記録（CSV）/)).bytes, { bom: true });
  expect(corrections[0]).toContain('種類');
  expect(corrections.length - 1).toBe(JSON.parse((await download(page, /テキストの修正記録（JSON）/)).bytes.toString('utf8')).corrections.length);
  const indicators = parse((await download(page, /数値目標・実績・効果額（CSV）/)).bytes, { bom: true });
  expect(indicators.length).toBeGreaterThan(50);
});

test('the downloads work offline once the site has been opened', async ({ page, context }) => {
  await page.goto('/about/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  // The precache finishes after the page is interactive.
  await expect.poll(async () => page.evaluate(async () => {
    const names = await caches.keys();
    for (const name of names) {
      const cache = await caches.open(name);
      if ((await cache.keys()).some((r) => r.url.endsWith('-years.csv'))) return true;
    }
    return false;
  }), { timeout: 20_000 }).toBe(true);
  await context.setOffline(true);
  const { bytes } = await download(page, /取組計画と実績（CSV）/);
  expect(parse(bytes, { bom: true })).toHaveLength(1 + 61 * 5);
  await context.setOffline(false);
});
