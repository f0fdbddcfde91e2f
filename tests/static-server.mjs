// The one static file server of the tests: serves a built site as a static
// host does, for the end-to-end specs (which start it in-process, each with
// its own misbehaviour or 404 page) and for the benchmark (tests/bench/serve.mjs,
// with precompressed files and a record of what it sent).
//
// - A path ending in `/` serves that folder's index.html; a folder named
//   without the trailing slash is redirected to it (relative links in the page
//   resolve against the slash), so a site works at `/` or under any sub-path.
// - ETag and Last-Modified, answered with 304: the service worker revalidates
//   the files the page has just loaded (`cache: 'no-cache'`), as on a real host.
// - Optionally (`precompressed`), as a CDN or a static host with precompression
//   (nginx `brotli_static` / `gzip_static`, GitLab Pages) does: the build writes
//   `NAME.br` and `NAME.gz` beside each compressible file; the server sends the
//   `.br` when the request's Accept-Encoding allows br, else the `.gz` when it
//   allows gzip, else the file itself, with `Content-Encoding`.
// - Bound to 127.0.0.1 only.
//
// Plain JavaScript so that node runs it as it is (the bench) and Playwright's
// specs import it; its types are in static-server.d.mts. No top-level await:
// the specs load it with require().

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/** Content types by file extension, as a static host sends them. */
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
  // The feed and the sitemap: a host goes by the extension, not by what the XML is.
  '.xml': 'application/xml',
};

/** The encodings an Accept-Encoding header allows (`q=0` refuses one; `*`
 *  allows those not named). */
function acceptedEncodings(header) {
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

/** Picks what to send for `path` (an existing file): with `precompressed`,
 *  the precompressed variant the client accepts, best first. */
async function representation(path, acceptEncoding, precompressed) {
  const accepted = precompressed ? acceptedEncodings(acceptEncoding) : { br: false, gzip: false };
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

/** Whether a conditional request's copy, by its ETag or else its date, is still the file's. */
function notModified(requestHeaders, etag, info) {
  const ifNoneMatch = requestHeaders['if-none-match'];
  return ifNoneMatch
    ? ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
    : Math.floor(info.mtimeMs / 1000) * 1000 <= Date.parse(requestHeaders['if-modified-since'] ?? '');
}

const text = (status, body, headers = {}) => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
  body,
});

/** The file `pathname` names in the site in `base` (an absolute path), or
 *  null; `{ folder: true }` for a folder named without its trailing slash. */
async function lookUp(base, pathname) {
  const path = resolve(join(base, pathname));
  if (pathname.includes('\0') || (path !== base && !path.startsWith(base + sep))) return null;
  const info = await fileStat(path);
  if (info?.isDirectory()) {
    // Relative links in the folder's page resolve against the slash: redirected.
    if (!pathname.endsWith('/')) return { folder: true };
    const index = join(path, 'index.html');
    return (await fileStat(index))?.isFile() ? { file: index } : null;
  }
  return info?.isFile() ? { file: path } : null;
}

/** What to answer `request` with, for the site in `base` (an absolute path):
 *  `{ status, headers, body }` for short texts, `{ status, headers, file,
 *  size, encoding }` for a file. */
async function answer(base, request, { precompressed = false, notFound }) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return text(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return text(400, 'bad path\n');
  }
  let status = 200;
  let found = await lookUp(base, pathname);
  if (found?.folder) return text(301, '', { Location: `${url.pathname}/${url.search}` });
  if (!found && notFound) {
    // The site's own page for an address it does not have, as GitHub Pages serves 404.html.
    status = 404;
    found = await lookUp(base, notFound(pathname));
  }
  if (!found?.file) return text(404, 'not found\n');

  const chosen = await representation(found.file, request.headers['accept-encoding'], precompressed);
  const headers = {
    'Content-Type': TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    // Always revalidated, as static hosts commonly answer (the file names of
    // the code are hashed, the pages' are not).
    'Cache-Control': 'no-cache',
  };
  if (status === 200) {
    // One representation per encoding, so the ETag names it.
    headers.ETag = `"${chosen.info.size.toString(16)}-${Math.floor(chosen.info.mtimeMs).toString(16)}-${chosen.encoding ?? 'identity'}"`;
    headers['Last-Modified'] = chosen.info.mtime.toUTCString();
  }
  if (precompressed) {
    headers.Vary = 'Accept-Encoding';
    if (chosen.encoding) headers['Content-Encoding'] = chosen.encoding;
  }
  if (status === 200 && notModified(request.headers, headers.ETag, chosen.info)) return { status: 304, headers, body: '' };
  return { status, headers, file: chosen.file, size: chosen.info.size, encoding: chosen.encoding };
}

/** The request handler for the site in `root` (see `serveStatic` for the options). */
function handler(root, options) {
  const base = resolve(root);
  const { intercept, onResponse } = options;
  return async (request, response) => {
    if (intercept?.(request, response)) return;
    let reply;
    try {
      reply = await answer(base, request, options);
    } catch (error) {
      reply = text(500, `${error}\n`);
    }
    const head = request.method === 'HEAD';
    const length = reply.file ? reply.size : Buffer.byteLength(reply.body);
    response.on('finish', () =>
      onResponse?.({ status: reply.status, encoding: reply.encoding ?? null, bytes: head ? 0 : length }, request),
    );
    response.writeHead(reply.status, reply.status === 304 ? reply.headers : { ...reply.headers, 'Content-Length': length });
    if (head || !reply.file) return response.end(head ? undefined : reply.body);
    createReadStream(reply.file)
      .on('error', () => response.destroy())
      .pipe(response);
  };
}

/** Serves the site in `root` on 127.0.0.1; resolves once listening. */
export function serveStatic(root, options = {}) {
  const server = createServer(handler(root, options));
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address();
      // Also ends the open connections: idle keep-alive ones would keep node
      // running for their timeout, and a request left unanswered forever.
      const close = () =>
        new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
      resolvePromise({ server, origin: `http://127.0.0.1:${port}`, close });
    });
  });
}
