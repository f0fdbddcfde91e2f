// Compressed sizes for `cargo xtask bench`: gzip at level 9 and brotli at
// quality 11 (window 2^22), the settings of a static host's precompression.
// Node's zlib is the reference C code, and fast; the xtask runs unoptimised.
//
// Usage: node tests/bench/compress.mjs FILE...
// Prints one JSON object: { "FILE": { "raw": n, "gzip": n, "brotli": n }, ... }

import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const sizes = {};
for (const file of process.argv.slice(2)) {
  const content = readFileSync(file);
  sizes[file] = {
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
    brotli: brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_LGWIN]: 22,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }).length,
  };
}
console.log(JSON.stringify(sizes));
