// Static file server for `cargo xtask bench`: the tests' static server
// (../static-server.mjs) with the build's precompressed files, as a CDN or a
// static host with precompression serves a site, so the benchmark's transfer
// sizes and load times are those of a real host, not of an uncompressed
// development server; and a record of every response it sent.
//
// Used in-process by harness.mjs; also runnable on its own to look at a build:
//   node tests/bench/serve.mjs DIR [PORT]

import { pathToFileURL } from 'node:url';
import { serveStatic } from '../static-server.mjs';

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

/// Serves `root` on 127.0.0.1:`port`. `onResponse`, if given, is told of
/// every response once sent: `{ url, status, encoding, bytes, service_worker }`,
/// `bytes` being the body as sent (compressed, if it was). Resolves to
/// `{ server, close }` once listening.
export async function serve(root, port, { onResponse } = {}) {
  const { server, close } = await serveStatic(root, {
    port,
    precompressed: true,
    onResponse:
      onResponse &&
      ((sent, request) =>
        onResponse({ url: request.url, ...sent, service_worker: byServiceWorker(request.headers) })),
  });
  return { server, close };
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
