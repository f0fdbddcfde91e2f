// `node tests/serve-site.mjs DIR PORT`: a built site served as a plain static
// host serves it, in a process of its own: the end-to-end tests' host
// (playwright.config.ts) and the yearly-cycle test's, which has to outlive a
// blocking rebuild of the app. The server is tests/static-server.mjs; this
// file only starts it (the specs load that one with require(), where
// `import.meta` cannot be).

import { serveStatic } from './static-server.mjs';

const [root, port] = process.argv.slice(2);
if (!root || !port) {
  console.error('usage: node tests/serve-site.mjs DIR PORT');
  process.exit(2);
}
const { origin, close } = await serveStatic(root, { port: Number(port) });
console.log(`serving ${root} at ${origin}/`);
process.once('SIGINT', close);
process.once('SIGTERM', close);
