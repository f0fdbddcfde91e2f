import { test, expect, visitOnline, type Page } from './fixtures';
import type { Response } from '@playwright/test';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { Socket } from 'node:net';

// A community-centre tablet set up for offline use, on Wi-Fi that misbehaves:
// a captive portal answers every request with its own login page, the host
// answers 503, or the connection never answers. The app and its items still
// open from what the service worker keeps, without waiting for the network:
// the host is not asked for them at all. (How long a load takes is the
// bench's business.)

type Network = 'normal' | 'portal' | '503' | 'silent';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
};

const PORTAL_PAGE =
  '<!doctype html><html lang="en"><head><title>Free Wi-Fi</title></head>' +
  '<body><h1>Welcome to Free Wi-Fi</h1><form><button>Accept and connect</button></form></body></html>';

/// The built site, served by a host whose network can be switched to misbehave.
class Host {
  network: Network = 'normal';
  /** The paths the host was asked for, in order. */
  asked: string[] = [];
  private server: Server;
  private sockets = new Set<Socket>();
  private root = resolve(process.env.E2E_SITE ?? join('target', 'site'));

  constructor() {
    this.server = createServer((request, response) => this.answer(request.url ?? '/', response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return `http://127.0.0.1:${address.port}`;
  }

  async stop() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((done) => this.server.close(done));
  }

  private answer(url: string, response: ServerResponse) {
    this.asked.push(new URL(url, 'http://host').pathname);
    switch (this.network) {
      case 'silent':
        return; // never answers
      case '503':
        response.writeHead(503, { 'Content-Type': 'text/plain' });
        return response.end('Service Unavailable');
      case 'portal':
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        return response.end(PORTAL_PAGE);
    }
    const pathname = decodeURIComponent(new URL(url, 'http://host').pathname);
    let file = resolve(join(this.root, pathname));
    if (file !== this.root && !file.startsWith(this.root + sep)) return this.notFound(response);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': size,
        'Cache-Control': 'no-cache',
      });
      createReadStream(file).pipe(response);
    } catch {
      this.notFound(response);
    }
  }

  private notFound(response: ServerResponse) {
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('not found');
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
  host.asked = [];
  const fromNetwork: string[] = [];
  const onResponse = (response: Response) => {
    if (!response.fromServiceWorker()) fromNetwork.push(response.url());
  };
  page.on('response', onResponse);
  await page.goto(url);
  await shown();
  page.off('response', onResponse);
  expect(fromNetwork).toEqual([]);
  expect(host.asked.filter((path) => !path.endsWith('/sw.js'))).toEqual([]);
}

let host: Host;
let origin: string;

test.beforeAll(async () => {
  host = new Host();
  origin = await host.start();
});

test.afterAll(async () => {
  await host.stop();
});

test.afterEach(() => {
  host.network = 'normal';
});

const misbehaviours: [Network, string][] = [
  ['portal', "a captive portal's login page (200, foreign HTML)"],
  ['503', '503 Service Unavailable'],
  ['silent', 'a connection that never answers'],
];

for (const [network, what] of misbehaviours) {
  test(`a page load answered by ${what} still shows the app and an item, without waiting for it`, async ({ page }) => {
    await visitOnline(page, `${origin}/reform/`);
    // An item page read online is kept as it is.
    await page.goto(`${origin}/reform/item/40/`);
    await expect(itemHeading(page)).toContainText('No.40');

    host.network = network;
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
