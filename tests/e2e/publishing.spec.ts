import { test, expect } from './fixtures';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { serveStatic } from '../static-server.mjs';

// The site as a city publishes it: every page the build writes carries its
// link preview, and a host that serves the site's 404.html for an address it
// does not have (as GitHub Pages does) shows a page whose links work, at the
// host's root and under a sub-path.

const site = resolve(process.env.E2E_SITE ?? join('target', 'site'));
const dataset = JSON.parse(readFileSync('data/action-program.json', 'utf8'));

/** Every page the build wrote (the copy served at the root, not the one under /reform/). */
function pages(dir = site): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dir === site && entry.name === 'reform' ? [] : pages(path);
    return entry.name === 'index.html' ? [path] : [];
  });
}

/** The `<meta property|name=… content=…>` values of a page, by property. */
function metadata(html: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [, key, value] of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)) {
    found.set(key, [...(found.get(key) ?? []), value.replaceAll('&amp;', '&').replaceAll('&quot;', '"')]);
  }
  return found;
}

/** A PNG's size, from its header. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('every page the build writes carries its share preview; item pages their own title and summary', () => {
  const written = pages();
  // 2 languages × (9 pages + 61 items)
  expect(written.length).toBe(140);
  for (const file of written) {
    const page = relative(site, file).split(sep).join('/');
    const meta = metadata(readFileSync(file, 'utf8'));
    for (const key of ['og:title', 'og:description', 'og:type', 'og:site_name', 'og:locale', 'og:locale:alternate', 'twitter:card']) {
      expect(meta.get(key)?.[0]?.trim(), `${page}: ${key}`).toBeTruthy();
    }
    expect(meta.get('og:locale')![0]).toBe(page.startsWith('en/') ? 'en_GB' : 'ja_JP');
    const item = /(?:^|\/)item\/(\d+)\/index\.html$/.exec(page);
    if (item) {
      const data = dataset.items.find((i: { no: number }) => i.no === Number(item[1]));
      expect(meta.get('og:type')![0]).toBe('article');
      expect(meta.get('og:title')![0]).toContain(data.title);
      expect(meta.get('og:description')![0]).toBe(data.overview.join('').replace(/[ \t\n\r]+/g, ' ').trim());
    } else {
      expect(meta.get('og:type')![0]).toBe('website');
    }
  }
  // The card the previews show once the site's address is set.
  expect(pngSize(join(site, 'share-card.png'))).toEqual([1200, 630]);
});

/** The built site on a host that answers a missing address with the site's 404.html. */
const pagesHost = () =>
  serveStatic(site, {
    // As a project site: the copy under /reform/ has its own 404 page.
    notFound: (path) => (path.startsWith('/reform/') ? 'reform/404.html' : '404.html'),
  });

for (const [root, missing] of [['/', '/no-such-page'], ['/', '/item/999/'], ['/reform/', '/reform/en/nothing/here'], ['/reform/', '/reform/item/999/']]) {
  test(`a missing address shows the site's own 404 page, whose links work: ${missing}`, async ({ page }) => {
    const host = await pagesHost();
    const { origin } = host;
    try {
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && !message.text().includes('404') && errors.push(message.text()));
      const response = await page.goto(`${origin}${missing}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
      await expect(page.getByRole('heading', { level: 2, name: 'Page not found' })).toBeVisible();
      // Styled: the stylesheet was found from wherever the address pointed.
      expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(29, 78, 137)');
      expect(errors).toEqual([]);
      // A search from the page opens the list with it.
      await page.getByRole('searchbox', { name: 'キーワードで検索' }).fill('窓口');
      await page.getByRole('button', { name: '検索', exact: true }).click();
      await expect(page).toHaveURL(`${origin}${root}?q=%E7%AA%93%E5%8F%A3`);
      await expect(page.getByRole('status').filter({ hasText: /件$/ })).not.toHaveText('61件');
      // And its way back to the list, in English too.
      await page.goto(`${origin}${missing}`);
      await page.getByRole('link', { name: 'Back to the list' }).click();
      await expect(page).toHaveURL(`${origin}${root}en/`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    } finally {
      await host.close();
    }
  });
}
