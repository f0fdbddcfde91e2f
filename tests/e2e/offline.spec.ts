import { test, expect, chromium, visitOnline, type Page } from './fixtures';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Community-centre tablets: one visit online, then everything offline.

const count = (page: Page) => page.getByRole('status').filter({ hasText: /件$/ });

/** A copy of the release build at its own sub-path, so it can be "re-released". */
function copyOfSite(name: string) {
  const site = process.env.E2E_SITE ?? join('target', 'site');
  const copy = join(site, name);
  rmSync(copy, { recursive: true, force: true });
  cpSync(join(site, 'reform'), copy, { recursive: true });
  return copy;
}

for (const base of ['/', '/reform/']) {
  test(`after one visit the app works offline at ${base}`, async ({ page, context }) => {
    await visitOnline(page, base);
    await context.setOffline(true);
    await page.reload();
    await expect(count(page)).toHaveText('61件');
    await expect(page.getByText('オフラインです')).toBeVisible();
    // A deep link to an item and a filtered URL open offline too.
    await page.goto(`${base}item/25/`);
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toContainText('水道料金');
    await page.goto(`${base}?cat=1&q=%E3%83%9E%E3%82%A4%E3%83%8A%E3%83%B3%E3%83%90%E3%83%BC`);
    await expect(count(page)).toHaveText('1件');
    // Bookmarks still work offline and persist.
    await page.getByRole('button', { name: /^No\.2「.*」をブックマーク$/ }).click();
    await page.reload();
    await expect(page.getByRole('button', { name: /^No\.2「.*」をブックマーク$/ })).toHaveAttribute('aria-pressed', 'true');
    await context.setOffline(false);
  });
}

test('Chromium considers the app installable (manifest and service worker)', async ({ baseURL }) => {
  // Incognito contexts (Playwright's default) are never installable: use a profile.
  const profile = mkdtempSync(join(tmpdir(), 'ueda-reform-profile-'));
  const config = test.info().project.use;
  const context = await chromium.launchPersistentContext(profile, { ...config.launchOptions, baseURL });
  const page = context.pages()[0] ?? (await context.newPage());
  await visitOnline(page, '/reform/');
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  expect(manifest.data).toContain('"display": "standalone"');
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test('a new release is announced and reloading picks it up; bookmarks survive', async ({ page, context }) => {
  const copy = copyOfSite('update');
  await visitOnline(page, '/update/');
  await page.getByRole('button', { name: /^No\.5「.*」をブックマーク$/ }).click();
  const release = () => page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[name=release]')?.content ?? '');
  expect(await release()).toBe('');

  // Release a change (the page gains a marker), then write the precache list
  // as the build does.
  const index = join(copy, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head><meta name="release" content="2">'));
  // The static server's Last-Modified has one-second resolution: make the
  // changed files (page and service worker) visible to revalidation even when
  // they change within the same second as the first visit.
  execFileSync('cargo', ['xtask', 'precache', copy], { stdio: 'inherit' });
  const later = new Date(Date.now() + 60_000);
  for (const changed of [index, join(copy, 'sw.js')]) utimesSync(changed, later, later);

  // Ask the service worker to look for the new version until it has it
  // installed (on a loaded machine the first check can come too early).
  const notice = page.getByText('新しいバージョンがあります');
  await expect(async () => {
    await page.evaluate(() => window.dispatchEvent(new Event('ueda-reform:check-update')));
    await expect(notice).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: '新しいバージョンに更新' }).click(),
  ]);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await release()).toBe('2');
  await expect(page.getByText('新しいバージョンがあります')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^No\.5「.*」をブックマーク$/ })).toHaveAttribute('aria-pressed', 'true');
  rmSync(copy, { recursive: true, force: true });
});

test('after a release, an online reload and then offline show one consistent version', async ({ page, context }) => {
  const copy = copyOfSite('consistent');
  await visitOnline(page, '/consistent/');
  // Which release the page and its unhashed loader (boot.js) come from.
  const versions = () =>
    page.evaluate(() => ({
      page: document.querySelector<HTMLMetaElement>('meta[name=release]')?.content ?? '1',
      loader: document.documentElement.dataset.loaderRelease ?? '1',
    }));
  expect(await versions()).toEqual({ page: '1', loader: '1' });

  // Release 2 changes the pages and the loader, as a real release does.
  const pages = [join(copy, 'index.html'), join(copy, 'item', '17', 'index.html')];
  const boot = join(copy, 'boot.js');
  for (const file of pages) writeFileSync(file, readFileSync(file, 'utf8').replace('<head>', '<head><meta name="release" content="2">'));
  writeFileSync(boot, `document.documentElement.dataset.loaderRelease = '2';\n${readFileSync(boot, 'utf8')}`);
  execFileSync('cargo', ['xtask', 'precache', copy], { stdio: 'inherit' });
  const later = new Date(Date.now() + 60_000);
  for (const changed of [...pages, boot, join(copy, 'sw.js')]) utimesSync(changed, later, later);

  // Online, a reload keeps the release in use (until the user chooses the new one) ...
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await versions()).toEqual({ page: '1', loader: '1' });
  // ... and so does the same tablet offline, on the list and on an item.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await versions()).toEqual({ page: '1', loader: '1' });
  await page.goto('/consistent/item/17/');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toContainText('No.17');
  expect(await versions()).toEqual({ page: '1', loader: '1' });
  await context.setOffline(false);

  // Choosing the update brings the whole new release.
  const notice = page.getByText('新しいバージョンがあります');
  await expect(async () => {
    await page.evaluate(() => window.dispatchEvent(new Event('ueda-reform:check-update')));
    await expect(notice).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '新しいバージョンに更新' }).click()]);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await versions()).toEqual({ page: '2', loader: '2' });
  rmSync(copy, { recursive: true, force: true });
});
