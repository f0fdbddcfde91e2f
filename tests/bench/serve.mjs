// Static file server for `cargo xtask bench`: serves a built site the way a
// CDN or a static host with precompression does (nginx `brotli_static` /
// `gzip_static`, GitLab Pages), so the benchmark's transfer sizes and load
// times are those of a real host, not of an uncompressed development server.
//
// - The build writes `NAME.br` and `NAME.gz` beside each compressible file;
//   the server sends the `.br` when the request's Accept-Encoding allows br,
//   else the `.gz` when it allows gzip, else the file itself, with
//   `Content-Encoding` and `Vary: Accept-Encoding`.
// - A path ending in `/` serves that folder's index.html; a folder named
//   without the trailing slash is redirected to it (relative links in the page
//   resolve against the slash), so a site works at `/` or under any sub-path.
// - ETag and Last-Modified, answered with 304: the service worker revalidates
//   the files the page has just loaded (`cache: 'no-cache'`), as on a real host.
// - Bound to 127.0.0.1 only.
//
// Used in-process by harness.mjs; also runnable on its own to look at a build:
//   node tests/bench/serve.mjs DIR [PORT]

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/// The encodings an Accept-Encoding header allows (`q=0` refuses one; `*`
/// allows those not named).
export function acceptedEncodings(header) {
  const named = new Map();
  for (const part of (header ?? '').split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    named.set(token, q === undefined ? 1 : Number(q.slice(2)));
  }
  const allows = (name) => (named.has(name) ? named.get(name) > 0 : (named.get('*') ?? 0) > 0);
  return { br: allows('br'), gzip: allows('gzip') };
}

async function fileStat(path) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/// Picks what to send for `path` (an existing file): the precompressed
/// variant the client accepts, best first.
async function representation(path, acceptEncoding) {
  const accepted = acceptedEncodings(acceptEncoding);
  for (const [encoding, suffix] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ]) {
    if (!accepted[encoding]) continue;
    const info = await fileStat(path + suffix);
    if (info?.isFile()) return { file: path + suffix, info, encoding };
  }
  return { file: path, info: await fileStat(path), encoding: null };
}

const text = (status, body, headers = {}) => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
  body,
});

/// What to answer `request` with, for the site in `base` (an absolute path):
/// `{ status, headers, body }` for short texts, `{ status, headers, file,
/// size, encoding }` for a file.
async function answer(base, request) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return text(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
  }
  const url = new URL(request.url, 'http://localhost');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return text(400, 'bad path\n');
  }
  const path = resolve(join(base, pathname));
  if (pathname.includes('\0') || (path !== base && !path.startsWith(base + sep))) {
    return text(404, 'not found\n');
  }
  let file = path;
  let info = await fileStat(file);
  if (info?.isDirectory()) {
    // Relative links in the folder's page resolve against the slash.
    if (!url.pathname.endsWith('/')) return text(301, '', { Location: `${url.pathname}/${url.search}` });
    file = join(path, 'index.html');
    info = await fileStat(file);
  }
  if (!info?.isFile()) return text(404, 'not found\n');

  const chosen = await representation(file, request.headers['accept-encoding']);
  const headers = {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    // Always revalidated, as static hosts commonly answer (the file names of
    // the code are hashed, the pages' are not).
    'Cache-Control': 'no-cache',
    // One representation per encoding, so the ETag names it.
    ETag: `"${chosen.info.size.toString(16)}-${Math.floor(chosen.info.mtimeMs).toString(16)}-${chosen.encoding ?? 'identity'}"`,
    'Last-Modified': chosen.info.mtime.toUTCString(),
    Vary: 'Accept-Encoding',
  };
  if (chosen.encoding) headers['Content-Encoding'] = chosen.encoding;
  const ifNoneMatch = request.headers['if-none-match'];
  const notModified = ifNoneMatch
    ? ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === headers.ETag)
    : Math.floor(chosen.info.mtimeMs / 1000) * 1000 <= Date.parse(request.headers['if-modified-since'] ?? '');
  if (notModified) return { status: 304, headers, body: '' };
  return { status: 200, headers, file: chosen.file, size: chosen.info.size, encoding: chosen.encoding };
}

/// Whether a service worker made `request`: its script's own fetch says so
/// (`Sec-Fetch-Dest: serviceworker`), and its fetch() calls carry the
/// worker's script as referrer, where a page's requests carry the page (or,
/// from a stylesheet, the stylesheet). The app has no other worker.
export function byServiceWorker(headers) {
  if (headers['sec-fetch-dest'] === 'serviceworker') return true;
  try {
    return /\.m?js$/.test(new URL(headers.referer ?? '').pathname);
  } catch {
    return false;
  }
}

/// The request handler for the site in `root`. `onResponse`, if given, is
/// told of every response once sent: `{ url, status, encoding, bytes,
/// service_worker }`, `bytes` being the body as sent (compressed, if it was).
export function handler(root, onResponse) {
  const base = resolve(root);
  return async (request, response) => {
    let reply;
    try {
      reply = await answer(base, request);
    } catch (error) {
      reply = text(500, `${error}\n`);
    }
    const head = request.method === 'HEAD';
    const bytes = head ? 0 : reply.file ? reply.size : Buffer.byteLength(reply.body);
    response.on('finish', () =>
      onResponse?.({
        url: request.url,
        status: reply.status,
        encoding: reply.encoding ?? null,
        bytes,
        service_worker: byServiceWorker(request.headers),
      }),
    );
    const length = reply.file ? reply.size : Buffer.byteLength(reply.body);
    response.writeHead(reply.status, reply.status === 304 ? reply.headers : { ...reply.headers, 'Content-Length': length });
    if (head || !reply.file) return response.end(head ? undefined : reply.body);
    createReadStream(reply.file)
      .on('error', () => response.destroy())
      .pipe(response);
  };
}

/// Serves `root` on 127.0.0.1:`port` (`onResponse`: see `handler`). Resolves
/// to `{ server, close }` once listening; `close()` also ends the open
/// connections (idle keep-alive ones would keep node running for their timeout).
export function serve(root, port, { onResponse } = {}) {
  const server = createServer(handler(root, onResponse));
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const close = () =>
        new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
      resolvePromise({ server, close });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [root, port = '8123'] = process.argv.slice(2);
  if (!root) {
    console.error('usage: node tests/bench/serve.mjs DIR [PORT]');
    process.exit(2);
  }
  const { close } = await serve(root, Number(port));
  console.log(`serving ${root} at http://127.0.0.1:${port}/ (Ctrl-C stops)`);
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}
