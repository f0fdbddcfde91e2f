import { test, expect, visitOnline, type Page } from './fixtures';
import type { Response } from '@playwright/test';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from '../static-server.mjs';

// A community-centre tablet set up for offline use, on Wi-Fi that misbehaves:
// a captive portal answers every request with its own login page, the host
// answers 503, or the connection never answers. The app and its items still
// open from what the service worker keeps, without waiting for the network:
// the host is not asked for them at all. (How long a load takes is the
// bench's business.)

type Network = 'normal' | 'portal' | '503' | 'silent';

const PORTAL_PAGE =
  '<!doctype html><html lang="en"><head><title>Free Wi-Fi</title></head>' +
  '<body><h1>Welcome to Free Wi-Fi</h1><form><button>Accept and connect</button></form></body></html>';

/** How the host's network behaves now. */
let network: Network = 'normal';
/** The paths the host was asked for, in order. */
let asked: string[] = [];

/** The network in front of the built site: notes what the host is asked
 *  for and, when it misbehaves, answers in the site's place (or never). */
function misbehave(request: IncomingMessage, response: ServerResponse): boolean {
  asked.push(new URL(request.url ?? '/', 'http://host').pathname);
  switch (network) {
    case 'normal':
      return false;
    case 'silent':
      return true; // never answers
    case '503':
      response.writeHead(503, { 'Content-Type': 'text/plain' });
      response.end('Service Unavailable');
      return true;
    case 'portal':
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(PORTAL_PAGE);
      return true;
  }
}

const count = (page: Page) => page.getByRole('status').filter({ hasText: /件$/ });
const itemHeading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 });


/** Opens `url` and waits for `shown`, checking that the page and every file
 *  it loads were answered by the service worker and that the host was not
 *  asked for any of them: nothing waited on the network. (The browser's own
 *  check for a new service worker may still ask for `sw.js`, in the
 *  background.) */
async function openKept(page: Page, url: string, shown: () => Promise<void>) {
  asked = [];
  const fromNetwork: string[] = [];
  const onResponse = (response: Response) => {
    if (!response.fromServiceWorker()) fromNetwork.push(response.url());
  };
  page.on('response', onResponse);
  await page.goto(url);
  await shown();
  page.off('response', onResponse);
  expect(fromNetwork).toEqual([]);
  expect(asked.filter((path) => !path.endsWith('/sw.js'))).toEqual([]);
}

let host: StaticServer;
let origin: string;

test.beforeAll(async () => {
  host = await serveStatic(process.env.E2E_SITE ?? join('target', 'site'), { intercept: misbehave });
  origin = host.origin;
});

test.afterAll(async () => {
  await host.close();
});

test.afterEach(() => {
  network = 'normal';
});

const misbehaviours: [Network, string][] = [
  ['portal', "a captive portal's login page (200, foreign HTML)"],
  ['503', '503 Service Unavailable'],
  ['silent', 'a connection that never answers'],
];

for (const [misbehaviour, what] of misbehaviours) {
  test(`a page load answered by ${what} still shows the app and an item, without waiting for it`, async ({ page }) => {
    await visitOnline(page, `${origin}/reform/`);
    // An item page read online is kept as it is.
    await page.goto(`${origin}/reform/item/40/`);
    await expect(itemHeading(page)).toContainText('No.40');

    network = misbehaviour;
    await openKept(page, `${origin}/reform/?cat=2`, async () => {
      await expect(count(page)).toHaveText('29件');
    });
    await expect(page.getByText('Welcome to Free Wi-Fi')).toHaveCount(0);

    // An item page never opened before: kept since the first visit too.
    await openKept(page, `${origin}/reform/item/17/`, async () => {
      await expect(itemHeading(page)).toContainText('No.17');
    });
    expect(new URL(page.url()).pathname).toBe('/reform/item/17/');

    // The kept item page, at its own address.
    await openKept(page, `${origin}/reform/item/40/`, async () => {
      await expect(itemHeading(page)).toContainText('No.40');
    });
    expect(new URL(page.url()).pathname).toBe('/reform/item/40/');
    await expect(page.getByRole('button', { name: /^No\.40「.*」をブックマーク$/ })).toBeEnabled();
  });
}
