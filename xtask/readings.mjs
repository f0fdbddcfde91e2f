// Generates data/readings.json: the katakana reading of every kanji word in
// the dataset's searchable text, so that a search typed in kana without
// conversion (まどぐち) finds the kanji (窓口).
//
//   node xtask/readings.mjs <root>          write <root>/data/readings.json
//   node xtask/readings.mjs <root> --check  exit 1 if the committed file is stale
//
// The readings come from kuromoji, whose dictionary (IPADIC) ships inside the
// npm package, so this runs offline after `npm ci`. Only the readings the
// data needs are written, never the dictionary.
//
// The app uses the file like this: in each field's NFKC-normalised text it
// takes, at each position, the longest surface in `words` that starts there
// and puts its reading in place of it (other characters stay as they are);
// a query term in kana matches if it is in that reading text.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const check = args.includes('--check');
const root = args.find((a) => !a.startsWith('--'));
if (!root) {
  console.error('usage: node xtask/readings.mjs <root> [--check]');
  process.exit(2);
}

// Load kuromoji and its dictionary from the project's own node_modules, so
// the pinned version in package-lock.json is the one used.
const require = createRequire(path.resolve(root, 'package.json'));
const kuromoji = require('kuromoji');
const version = require('kuromoji/package.json').version;
const dicPath = path.resolve(root, 'node_modules/kuromoji/dict');

const dataset = JSON.parse(fs.readFileSync(path.join(root, 'data/action-program.json'), 'utf8'));
const overrides = JSON.parse(fs.readFileSync(path.join(root, 'data/reading-overrides.json'), 'utf8')).words;
const outFile = path.join(root, 'data/readings.json');

// A word needs a reading only if it has a kanji: kana already folds to the
// query's katakana. ヶ counts because it sits inside names (番所ヶ原).
const KANJI = /[\u3400-\u4DBF\u4E00-\u9FFF々〆ヶ]/u;
const KATAKANA = /^[\u30A1-\u30FC]+$/u;

// The searchable fields, as model::search::SearchIndex indexes them (the
// item number aside: it has no kanji). Each string is tokenized on its own
// because the index never matches across fields.
function searchableTexts(item) {
  return [
    item.title,
    item.toc_title,
    item.pillar.name,
    item.category.name,
    ...item.bureaus,
    ...item.sections,
    ...item.overview,
    ...item.current_status,
    ...item.measures,
    ...item.target_state,
    ...(item.toc_sections ?? []),
    ...item.general_plan.flatMap((p) => [p.ref, p.title]),
    ...item.smart_city.map((s) => s.title),
    ...item.years.flatMap((y) => [...(y.plan ?? []), ...(y.result ?? [])]),
  ]
    .filter((s) => typeof s === 'string')
    // The app matches surfaces in NFKC text (search::fold normalises first),
    // so tokenize that: surfaces then have the form the app sees.
    .map((s) => s.normalize('NFKC'));
}

// Code point order, as Rust sorts strings (JavaScript's default compares
// UTF-16 units, which differs beyond the BMP).
const byCodePoint = (a, b) => {
  const x = [...a].map((c) => c.codePointAt(0));
  const y = [...b].map((c) => c.codePointAt(0));
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
};

for (const [surface, reading] of Object.entries(overrides)) {
  if (!KANJI.test(surface) || surface.normalize('NFKC') !== surface || !KATAKANA.test(reading)) {
    console.error(`reading-overrides.json: bad entry ${surface}: ${reading}`);
    process.exit(1);
  }
}

kuromoji.builder({ dicPath }).build((err, tokenizer) => {
  if (err) throw err;
  const texts = dataset.items.flatMap(searchableTexts);

  // surface -> (reading -> count); a Map keeps first-seen order for ties.
  const seen = new Map();
  const unknown = new Map();
  for (const text of texts) {
    for (const token of tokenizer.tokenize(text)) {
      const surface = token.surface_form;
      if (!KANJI.test(surface)) continue;
      const reading = token.reading;
      // Unknown words get no reading (undefined or '*'): reported, not guessed.
      if (!reading || reading === '*') {
        unknown.set(surface, (unknown.get(surface) ?? 0) + 1);
        continue;
      }
      if (!seen.has(surface)) seen.set(surface, new Map());
      const counts = seen.get(surface);
      counts.set(reading, (counts.get(reading) ?? 0) + 1);
    }
  }

  // One reading per surface, as the app cannot tell contexts apart: the most
  // frequent (ties: first seen); the overrides win over kuromoji.
  const words = new Map();
  for (const [surface, counts] of seen) {
    let best = null;
    for (const [reading, n] of counts) if (best === null || n > counts.get(best)) best = reading;
    words.set(surface, best);
  }
  for (const [surface, reading] of Object.entries(overrides)) words.set(surface, reading);

  // Keep only the words the app's longest-match actually picks: a surface
  // always inside a longer one (令 in 令和) or absent from the data (an
  // override for a place not mentioned yet) is never used. Dropping unused
  // words does not change which words are picked elsewhere.
  const maxLen = Math.max(...[...words.keys()].map((w) => [...w].length));
  const used = new Set();
  const bare = new Map(); // kanji left without a reading
  for (const text of texts) {
    const chars = [...text];
    for (let i = 0; i < chars.length; ) {
      let match = null;
      for (let n = Math.min(maxLen, chars.length - i); n > 0 && !match; n--) {
        const candidate = chars.slice(i, i + n).join('');
        if (words.has(candidate)) match = candidate;
      }
      if (match) {
        used.add(match);
        i += [...match].length;
      } else {
        if (KANJI.test(chars[i])) bare.set(chars[i], (bare.get(chars[i]) ?? 0) + 1);
        i += 1;
      }
    }
  }

  const kept = [...used].sort(byCodePoint);
  const output = {
    about:
      'Katakana readings of the kanji words in data/action-program.json, for searching in kana, generated by xtask/readings.mjs with the kuromoji morphological analyser and data/reading-overrides.json (do not edit by hand).',
    analyser: `kuromoji ${version} (IPADIC)`,
    words: Object.fromEntries(kept.map((w) => [w, words.get(w)])),
  };
  const json = JSON.stringify(output, null, 2) + '\n';

  const conflicts = kept.filter((w) => seen.get(w)?.size > 1);
  const list = (m) => [...m].map(([w, n]) => `${w}×${n}`).join(' ') || 'none';
  console.log(`${kept.length} words, ${Buffer.byteLength(json)} bytes`);
  console.log(`unknown to kuromoji: ${list(unknown)}`);
  console.log(`kanji left without a reading: ${list(bare)}`);
  console.log(
    `conflicts: ${
      conflicts
        .map((w) => {
          const readings = [...seen.get(w)].map(([r, n]) => `${r}×${n}`).join('/');
          return `${w} ${readings} → ${words.get(w)}${w in overrides ? ' (override)' : ''}`;
        })
        .join(', ') || 'none'
    }`,
  );

  if (check) {
    const committed = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : null;
    if (committed !== json) {
      console.error('data/readings.json is missing or stale: run `node xtask/readings.mjs .` and commit it');
      process.exit(1);
    }
    console.log('data/readings.json is up to date');
  } else {
    fs.writeFileSync(outFile, json);
  }
});
