// Browser half of `cargo xtask bench`: serves the built site, drives Debian's
// Chromium with Playwright and writes raw measurements as JSON. The xtask
// builds the app, starts this script, then turns the samples into the report.
//
// Usage: node tests/bench/harness.mjs CONFIG.json
//
// CONFIG: { "site": "target/bench/site", "port": 8123, "base": "http://127.0.0.1:8123",
//           "app": "/app/", "limit": "/limit/", "item": "/app/item/17/",
//           "limit_item": "/limit/item/17/", "frozen": "/limit/frozen/",
//           "bench": "/bench/", "synthetic": "/bench/synthetic/{n}/",
//           "runs": 12, "lighthouse_runs": 3,
//           "throttle": 4, "sizes": [61, 1000, 10000], "search_plan": { "61": {...} },
//           "out": "target/bench/browser.json", "chromium": "/usr/bin/chromium" }
//
// The site is served by serve.mjs, in this process, as a host with
// precompressed files serves it (brotli to a browser that accepts it).
//
// Everything that is timed is timed inside the page with performance.now()
// (milliseconds since navigation start); node only starts things and collects
// the figures, so the DevTools round trips are not part of any figure. The
// script never fails on a slow figure: timeouts and errors are recorded in
// `errors` and the remaining measurements go on. When it is done, everything
// it opened is closed (browser, server, timers), so node exits at once.

import { readFileSync, writeFileSync } from 'node:fs';
import chromiumFlags from '../chromium.cjs';
import { chromium } from '@playwright/test';
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serve } from './serve.mjs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const errors = [];
const begun = Date.now();
const log = (text) => console.log(`bench: [${Math.round((Date.now() - begun) / 1000)} s] ${text}`);
// Tablet-sized, landscape.
const VIEWPORT = { width: 1024, height: 768 };
// A phone, portrait (the first-screen target).
const PHONE = { width: 390, height: 844 };

/// Runs in every page before its own scripts (CDP-injected, so the page's CSP
/// does not apply). Records the wasm instantiation and the moments the
/// page's content is painted and the app is ready, exposes the wasm memory,
/// and can time search/filter operations.
///
/// `options.target` is what the load waits for: `list` (the result count and
/// first rows painted: the prerendered list, or the limit's), `item` (an item
/// page's heading and year table painted) or `app` (the islands are hydrated
/// and the page is live, `html[data-app="ready"]`, and its list is painted: on
/// a synthetic page, N items, hydrated from N generated ones). `options.interact`:
/// then, once the app is ready, click the first facet option and wait until
/// the answer is painted.
function instrument(options) {
  const now = () => performance.now();
  const bench = (window.__bench = { options, marks: {}, memory: null, slots: {} });

  // trunk's loader (public/boot.js) does not expose the wasm exports, so the
  // instantiation is observed here: its timing and the linear memory.
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) {
      const start = now();
      if (bench.marks.wasm_start === undefined) bench.marks.wasm_start = start;
      return original.apply(WebAssembly, args).then((result) => {
        bench.marks.wasm_ready = now();
        const instance = result instanceof WebAssembly.Instance ? result : result && result.instance;
        const memory = instance && instance.exports && instance.exports.memory;
        if (memory instanceof WebAssembly.Memory) bench.memory = memory;
        return result;
      });
    };
  }

  // Long animation frames (over 50 ms) tell, for the slow operations, how
  // much of a frame went to script (before rendering starts) and how much to
  // rendering (style, layout, paint).
  bench.frames = [];
  try {
    new PerformanceObserver((list) => bench.frames.push(...list.getEntries())).observe({
      type: 'long-animation-frame',
      buffered: true,
    });
  } catch {
    // Not supported: the split is reported as missing.
  }

  // Resolves after the next frame has been produced: a task posted from a
  // requestAnimationFrame callback runs after that frame's style, layout and paint.
  bench.nextFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(now());
        channel.port2.postMessage(null);
      }),
    );

  const rows = document.getElementsByClassName('item-row');
  const countText = () => {
    const element = document.querySelector('.result-count');
    return element ? element.textContent : null;
  };
  const count = () => {
    // 「61件」 (or "61 items" in English): the first number.
    const match = /\d[\d,]*/.exec(countText() ?? '');
    return match ? Number(match[0].replaceAll(',', '')) : null;
  };
  const facetBoxes = (headingId) => {
    const heading = document.getElementById(headingId);
    const section = heading && heading.closest('section.facet');
    return section ? [...section.querySelectorAll('input[type=checkbox]')] : [];
  };

  // Waits until `condition()` holds, re-checking on every DOM change. Of the
  // attributes only the app's ready flag is watched, so that style and class
  // changes cost the page nothing.
  const domCondition = (condition) =>
    new Promise((resolve) => {
      if (condition()) return resolve(now());
      const observer = new MutationObserver(() => {
        if (condition()) {
          observer.disconnect();
          resolve(now());
        }
      });
      observer.observe(document, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['data-app'],
      });
    });

  // The list is shown when the result count and the first screenful of rows
  // are in the DOM.
  const listShown = () => {
    const expected = count();
    return expected !== null && (expected === 0 || rows.length >= Math.min(expected, 10));
  };
  // An item page is shown when its heading and a row of its year table are.
  const itemShown = () =>
    document.querySelector('main h2') !== null && document.querySelector('main table.year-table tbody tr') !== null;
  // Set by the app (src/services.rs) once every island is hydrated and live.
  const appReady = () => document.documentElement?.dataset.app === 'ready';

  // Recorded whenever it happens, whatever the load waits for first.
  const ready = options.interact || options.target === 'app' ? domCondition(appReady) : null;
  ready?.then((time) => {
    bench.marks.app_ready = time;
  });

  const collect = () => {
    const measure = performance.getEntriesByName('data-load', 'measure')[0];
    const navigation = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      marks: bench.marks,
      data_load: measure ? { start: measure.startTime, duration: measure.duration } : null,
      response_end: navigation ? navigation.responseEnd : null,
      dom_content_loaded: navigation ? navigation.domContentLoadedEventEnd : null,
      first_contentful_paint: fcp ? fcp.startTime : null,
      resources: performance.getEntriesByType('resource').map((r) => ({
        name: r.name,
        start: r.startTime,
        response_end: r.responseEnd,
        encoded_body_size: r.encodedBodySize,
      })),
      count: count(),
      rows: rows.length,
      wasm_memory: bench.memory ? bench.memory.buffer.byteLength : null,
    };
  };

  const shown = {
    list: async () => {
      bench.marks.list_dom = await domCondition(listShown);
      bench.marks.list_visible = await bench.nextFrame();
    },
    item: async () => {
      bench.marks.item_dom = await domCondition(itemShown);
      bench.marks.item_visible = await bench.nextFrame();
    },
    app: async () => {
      await ready;
      await domCondition(listShown);
      bench.marks.app_ready_painted = await bench.nextFrame();
    },
  };
  bench.done = shown[options.target]().then(async () => {
    if (options.interact) {
      // Interactive: the facet options are disabled in the prerendered copy;
      // once the app is ready and one is enabled, it is clicked, and the app
      // has answered when the count changed and the frame showing it has
      // been produced.
      await ready;
      const enabled = () => facetBoxes('facet-category').find((b) => !b.disabled);
      await domCondition(() => enabled() !== undefined);
      const before = countText();
      bench.marks.click = now();
      enabled().click();
      await domCondition(() => countText() !== before);
      bench.marks.interactive = await bench.nextFrame();
    }
    return collect();
  });

  // Runs `act` and times it to the frame produced after the last DOM change
  // it caused (see `bench.run`).
  const measure = async (act) => {
    let changed = false;
    const observer = new MutationObserver(() => {
      changed = true;
    });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
    const start = now();
    act();
    // Wait for frames until two in a row bring no DOM change.
    let end = null;
    let quiet = 0;
    for (let frames = 0; quiet < 2 && frames < 600; frames++) {
      const t = await bench.nextFrame();
      if (changed) {
        changed = false;
        end = t;
        quiet = 0;
      } else {
        if (end === null) end = t;
        quiet += 1;
      }
    }
    observer.disconnect();
    // Long-animation-frame entries are delivered after their frame.
    await new Promise((resolve) => setTimeout(resolve, 20));
    let script = 0;
    let render = 0;
    for (const frame of bench.frames) {
      const finish = frame.startTime + frame.duration;
      if (finish <= start || frame.startTime > end) continue;
      const renderStart = frame.renderStart > 0 ? frame.renderStart : finish;
      script += renderStart - Math.max(frame.startTime, start);
      render += finish - renderStart;
    }
    return { ms: end - start, script_ms: script, render_ms: render, count: count(), rows: rows.length };
  };

  // One search or filter operation, timed from the input event (or click) to
  // the frame produced after the last DOM change it caused. `script_ms` and
  // `render_ms` split the long animation frames in that interval: before
  // rendering started (event handlers and Leptos's effects: filtering and DOM
  // updates) and rendering (style, layout, paint); frames under 50 ms are
  // not reported by the browser, so fast operations have zeros.
  bench.run = async (op) => {
    let act;
    if (op.kind === 'text') {
      const input = document.getElementById('search-input');
      if (!input) return { skipped: 'no #search-input' };
      act = () => {
        input.value = op.text;
        input.dispatchEvent(
          new InputEvent('input', { bubbles: true, inputType: 'insertText', data: op.text }),
        );
      };
    } else {
      const boxes = facetBoxes(op.facet);
      let index;
      if (op.kind === 'on') {
        index = boxes.findIndex((b, i) => i >= (op.from ?? 0) && !b.disabled && !b.checked);
        if (index < 0) return { skipped: `no enabled option in ${op.facet}` };
        bench.slots[op.slot] = index;
      } else {
        index = bench.slots[op.slot];
        if (index === undefined || !boxes[index] || !boxes[index].checked) {
          return { skipped: `nothing to clear in ${op.facet}` };
        }
      }
      act = () => boxes[index].click();
    }
    return measure(act);
  };

  // The interaction limits: the app's list frozen as static HTML (its
  // prerendered page without scripts) and a minimal script making DOM
  // changes for each operation the app ran. `snapshot` records, after an
  // operation in the app, what operations change: each row's visibility,
  // link, title and sections (marked up, if the app marks them) and snippet;
  // each category block's visibility; each facet option's state and count;
  // the result count; and the blocks that come and go (active filters, "no
  // results"). `replay` makes the changes from one snapshot to the next on
  // the frozen page, timed as `run` times the app: no filtering, no
  // framework, nothing but the DOM. Two limits:
  // - `least`: only what any implementation must do: the rows whose
  //   `hidden` flips, the category blocks' `hidden`, each facet option's
  //   checked, disabled and count, and the result count (text written into
  //   the existing text node);
  // - `full`: every change the app made, snippets and blocks included.
  const OPTIONAL_BLOCKS = ['.active-filters', '.no-results'];
  const blocks = () => [...document.querySelectorAll('.category-block')];
  const facetOptions = () => [...document.querySelectorAll('.facet-option')];
  bench.snapshot = () => ({
    rows: [...rows].map((row) => {
      const title = row.querySelector('.item-title');
      return [
        row.hidden,
        title?.getAttribute('href') ?? '',
        title?.innerHTML ?? '',
        row.querySelector('.item-sections [lang]')?.innerHTML ?? '',
        row.querySelector('.item-snippet')?.outerHTML ?? null,
      ];
    }),
    blocks: blocks().map((block) => block.hidden),
    options: facetOptions().map((li) => {
      const input = li.querySelector('input');
      return [li.className, !!input?.checked, !!input?.disabled, li.querySelector('.option-count')?.textContent ?? ''];
    }),
    count: countText(),
    optional: OPTIONAL_BLOCKS.map((selector) => document.querySelector(selector)?.outerHTML ?? null),
  });
  // Sets an element's text: in its one text node when it has one (what a
  // runtime that touches only what changes does), else as textContent.
  const setText = (element, text) => {
    const node = element.firstChild;
    if (node && node === element.lastChild && node.nodeType === Node.TEXT_NODE) node.data = text;
    else element.textContent = text;
  };
  // The changes from `before` to `after`, as functions that make them; with
  // `least`, only those any implementation must make.
  const changes = (before, after, least) => {
    const out = [];
    if (after.rows.length !== rows.length || after.options.length !== facetOptions().length) {
      throw new Error(
        `the frozen page has ${rows.length} rows and ${facetOptions().length} facet options, the app ${after.rows.length} and ${after.options.length}`,
      );
    }
    after.rows.forEach(([hidden, href, title, sections, snippet], i) => {
      const row = rows[i];
      const [oldHidden, oldHref, oldTitle, oldSections, oldSnippet] = before.rows[i];
      if (oldHidden !== hidden) out.push(() => (row.hidden = hidden));
      if (least) return;
      const link = row.querySelector('.item-title');
      if (oldHref !== href) out.push(() => link.setAttribute('href', href));
      if (oldTitle !== title) out.push(() => (link.innerHTML = title));
      if (oldSections !== sections) {
        const element = row.querySelector('.item-sections [lang]');
        out.push(() => (element.innerHTML = sections));
      }
      if (oldSnippet !== snippet) {
        out.push(() => {
          row.querySelector('.item-snippet')?.remove();
          // The app puts a row's snippet right after its sections.
          if (snippet !== null) row.querySelector('.item-sections').insertAdjacentHTML('afterend', snippet);
        });
      }
    });
    const blockElements = blocks();
    after.blocks.forEach((hidden, i) => {
      if (before.blocks[i] !== hidden && blockElements[i]) out.push(() => (blockElements[i].hidden = hidden));
    });
    const optionElements = facetOptions();
    after.options.forEach(([className, checked, disabled, countLabel], i) => {
      const li = optionElements[i];
      const [oldClass, oldChecked, oldDisabled, oldCount] = before.options[i];
      const input = li.querySelector('input');
      if (!least && oldClass !== className) out.push(() => (li.className = className));
      if (oldChecked !== checked) out.push(() => (input.checked = checked));
      if (oldDisabled !== disabled) out.push(() => (input.disabled = disabled));
      if (oldCount !== countLabel) {
        const label = li.querySelector('.option-count');
        out.push(() => (least ? setText(label, countLabel) : (label.textContent = countLabel)));
      }
    });
    if (before.count !== after.count) {
      const element = document.querySelector('.result-count');
      out.push(() => (least ? setText(element, after.count) : (element.textContent = after.count)));
    }
    if (least) return out;
    OPTIONAL_BLOCKS.forEach((selector, i) => {
      if (before.optional[i] === after.optional[i]) return;
      out.push(() => {
        document.querySelector(selector)?.remove();
        if (after.optional[i] !== null) {
          // Before the next block that follows it in the app.
          const next = [...OPTIONAL_BLOCKS.slice(i + 1), '.results .category-block']
            .map((later) => document.querySelector(later))
            .find(Boolean);
          next.insertAdjacentHTML('beforebegin', after.optional[i]);
        }
      });
    });
    return out;
  };
  // Brings the frozen page to the app's state `snapshot`, untimed: all of
  // it, whichever limit is then replayed.
  bench.sync = (snapshot) => {
    for (const change of changes(bench.snapshot(), snapshot, false)) change();
    bench.current = snapshot;
  };
  bench.replay = async (snapshot, least) => {
    const todo = changes(bench.current, snapshot, least);
    bench.current = snapshot;
    return measure(() => {
      for (const change of todo) change();
    });
  };
}

/// `promise`, or an error after `ms`; the timer is cleared either way, so a
/// finished run leaves no timer keeping node alive.
async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/// A fresh browser context (empty HTTP and code caches, no service worker)
/// with one page, instrumented for `options` (see `instrument`) and throttled.
async function openPage(browser, throttle, options) {
  // Service workers are allowed: the app's precaching is part of a first visit.
  const context = await browser.newContext({ locale: 'ja-JP', viewport: VIEWPORT });
  await context.addInitScript(instrument, options);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { context, page, cdp };
}

/// A cold load of `path`, waiting for what `options` names. With `visit`,
/// the load also waits until the service worker has installed (precached),
/// so that the server's record of the first visit is complete.
async function coldLoad(browser, path, { timeout, visit, ...options }) {
  const { context, page } = await openPage(browser, config.throttle, options);
  try {
    await withTimeout(page.goto(config.base + path, { waitUntil: 'commit' }), timeout, `loading ${path}`);
    const sample = await withTimeout(page.evaluate(() => window.__bench.done), timeout, `waiting for ${path}`);
    if (visit) {
      visit.service_worker = await page.evaluate(async () => {
        if (!('serviceWorker' in navigator)) return 'unsupported';
        // boot.js registers the worker once the app has started.
        for (let i = 0; i < 50 && !(await navigator.serviceWorker.getRegistration()); i++) {
          await new Promise((r) => setTimeout(r, 100));
        }
        if (!(await navigator.serviceWorker.getRegistration())) return 'none';
        const timeout = new Promise((r) => setTimeout(() => r('timeout'), 60_000));
        return Promise.race([navigator.serviceWorker.ready.then((r) => r.active?.state ?? 'ready'), timeout]);
      });
      await page.waitForTimeout(500);
    }
    return sample;
  } finally {
    await context.close();
  }
}

async function heapFigures(page, cdp) {
  // The harness's own records are not the app's memory.
  await page.evaluate(() => {
    window.__bench.frames.length = 0;
  });
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters').catch(() => ({}));
  const wasm = await page.evaluate(() => (window.__bench.memory ? window.__bench.memory.buffer.byteLength : null));
  return {
    js_heap_used: heap.usedSize,
    js_heap_total: heap.totalSize,
    wasm_memory: wasm,
    dom_nodes: dom.nodes ?? null,
    event_listeners: dom.jsEventListeners ?? null,
  };
}

/// The fixed set of operations, in order, from the unfiltered list back to it.
/// Text operations type a whole value at once (as an IME commit does); facet
/// operations click a checkbox: `on` picks the first enabled unchecked option
/// at or after position `from`, `off` clears the option that `slot` picked.
const OPERATIONS = [
  { kind: 'text', label: 'マイナンバー (katakana)', text: 'マイナンバー' },
  { kind: 'text', label: 'まいなんばー (hiragana variant)', text: 'まいなんばー' },
  { kind: 'text', label: 'ﾏｲﾅﾝﾊﾞｰ (half-width variant)', text: 'ﾏｲﾅﾝﾊﾞｰ' },
  { kind: 'text', label: 'clear', text: '' },
  { kind: 'text', label: '窓口', text: '窓口' },
  { kind: 'text', label: '窓口 申請 (two words)', text: '窓口 申請' },
  { kind: 'text', label: '窓口　申請　オンライン (three words, U+3000)', text: '窓口　申請　オンライン' },
  { kind: 'text', label: 'clear', text: '' },
  { kind: 'text', label: '公共施設', text: '公共施設' },
  { kind: 'text', label: 'ＩＣＴ (full-width)', text: 'ＩＣＴ' },
  { kind: 'text', label: 'ict 活用 (two words)', text: 'ict 活用' },
  { kind: 'text', label: '見直し (common word)', text: '見直し' },
  { kind: 'text', label: 'けんとう (hiragana of 検討 katakana)', text: 'けんとう' },
  { kind: 'text', label: '該当なしの語 (no match)', text: '該当なしの語' },
  { kind: 'text', label: 'clear', text: '' },
  { kind: 'on', label: 'category: first pillar', facet: 'facet-category', slot: 'category', from: 0 },
  { kind: 'on', label: 'bureau: largest', facet: 'facet-bureau', slot: 'bureau', from: 0 },
  { kind: 'on', label: 'section: first enabled', facet: 'facet-section', slot: 'section1', from: 0 },
  { kind: 'on', label: 'section: second enabled (OR)', facet: 'facet-section', slot: 'section2', from: 1 },
  { kind: 'on', label: 'SDG: first enabled', facet: 'facet-sdg', slot: 'sdg', from: 0 },
  { kind: 'on', label: 'result: first year', facet: 'facet-result', slot: 'result', from: 0 },
  { kind: 'text', label: '推進 with five facets', text: '推進' },
  { kind: 'text', label: 'clear (facets stay)', text: '' },
  { kind: 'off', label: 'result: off', facet: 'facet-result', slot: 'result' },
  { kind: 'off', label: 'SDG: off', facet: 'facet-sdg', slot: 'sdg' },
  { kind: 'off', label: 'section: second off', facet: 'facet-section', slot: 'section2' },
  { kind: 'off', label: 'section: first off', facet: 'facet-section', slot: 'section1' },
  { kind: 'off', label: 'bureau: off', facet: 'facet-bureau', slot: 'bureau' },
  { kind: 'off', label: 'category: off (full list again)', facet: 'facet-category', slot: 'category' },
];

/// Search and filter latency on one dataset size, bounded by rounds and time:
/// no operation starts after `budgetMs`, and one that takes longer than
/// `opTimeoutMs` is recorded at that time (`timed_out`, a lower bound) and
/// ends the size, since the page is still busy.
///
/// With `snapshots` (an array), what each operation left in the DOM is
/// pushed to it, after the state at start, for the interaction limit.
async function searchRun(browser, size, { rounds, budgetMs, opTimeoutMs, snapshots }) {
  // The real items on the bench build's list; N generated ones on the list
  // the build wrote for them (`synthetic/N/`, hydrated with the same items).
  const path = size === 61 ? config.bench : config.synthetic.replace('{n}', String(size));
  const result = { path, planned: rounds * OPERATIONS.length, load: null, memory_after_load: null, ops: [], notes: [] };
  const { context, page, cdp } = await openPage(browser, config.throttle, { target: 'app' });
  const snapshot = async (op) => {
    if (snapshots) snapshots.push({ ...op, state: await page.evaluate(() => window.__bench.snapshot()) });
  };
  // A page that does not hydrate (a mismatch, a panic) says so in the console.
  const problem = (text) => {
    result.notes.push(text);
    errors.push(`search ${size}: ${text}`);
  };
  page.on('console', (message) => {
    // Failed requests are told apart below, with their address.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problem(`console error: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problem(`page error: ${error.message ?? error}`));
  page.on('response', (response) => {
    // A synthetic list's first tap writes the list's address, the site
    // root's (`bench/?…`), into the history; the browser then asks for the
    // page's icon again from there, two folders above its own. Only the
    // bench's pages lie below the root like that.
    const icon = response.request().resourceType() === 'other' && response.url().endsWith('/favicon.svg');
    if (response.status() >= 400 && !icon) problem(`${response.status()} for ${response.url()}`);
  });
  try {
    await page.goto(config.base + path, { waitUntil: 'commit' });
    result.load = await withTimeout(page.evaluate(() => window.__bench.done), 180_000, `loading ${path}`);
    if (result.load.count !== size) problem(`the list counts ${result.load.count} items, not ${size}`);
    result.memory_after_load = await heapFigures(page, cdp);
    await snapshot({ label: 'start' });
    const started = Date.now();
    outer: for (let round = 0; round < rounds; round++) {
      for (const op of OPERATIONS) {
        if (Date.now() - started > budgetMs) {
          result.notes.push(`time budget of ${budgetMs / 1000} s reached in round ${round + 1}`);
          break outer;
        }
        try {
          const measured = await withTimeout(
            page.evaluate((o) => window.__bench.run(o), op),
            opTimeoutMs,
            `${op.label} at ${size} items`,
          );
          result.ops.push({ round, kind: op.kind, label: op.label, ...measured });
          if (!measured.skipped) await snapshot({ round, kind: op.kind, label: op.label });
        } catch (error) {
          result.ops.push({ round, kind: op.kind, label: op.label, ms: opTimeoutMs, timed_out: true });
          result.notes.push(String(error.message ?? error));
          break outer;
        }
      }
    }
  } catch (error) {
    result.notes.push(String(error.message ?? error));
    errors.push(`search ${size}: ${error.message ?? error}`);
  } finally {
    await context.close();
  }
  return result;
}

/// An interaction limit (see `instrument`): the frozen list page, brought to
/// the app's state at start, then each operation's DOM changes replayed and
/// timed, in the order the app made them: all of them, or with `least` only
/// those any implementation must make. Each limit on a page of its own.
async function interactionLimitRun(browser, snapshots, least) {
  const result = { path: config.frozen, least, planned: snapshots.length - 1, ops: [], notes: [] };
  if (snapshots.length < 2) {
    result.notes.push('no operations of the app to replay');
    return result;
  }
  const { context, page } = await openPage(browser, config.throttle, { target: 'list' });
  try {
    await page.goto(config.base + config.frozen, { waitUntil: 'commit' });
    await withTimeout(page.evaluate(() => window.__bench.done), 60_000, `loading ${config.frozen}`);
    await page.evaluate((state) => window.__bench.sync(state), snapshots[0].state);
    for (const { state, ...op } of snapshots.slice(1)) {
      const measured = await withTimeout(
        page.evaluate(([s, l]) => window.__bench.replay(s, l), [state, least]),
        60_000,
        `replaying ${op.label}`,
      );
      result.ops.push({ ...op, ...measured });
    }
  } catch (error) {
    result.notes.push(String(error.message ?? error));
    errors.push(`interaction limit (${least ? 'least work' : 'full replay'}): ${error.message ?? error}`);
  } finally {
    await context.close();
  }
  return result;
}

/// The first screen of a phone (390×844 CSS px, touch, as Playwright's
/// iPhone 13 profile): how many item rows lie entirely within it, on the
/// citizen's list once it is live (fonts loaded), and whether the search box
/// does. Layout does not depend on the CPU: not throttled.
async function phoneRun(browser) {
  const context = await browser.newContext({
    locale: 'ja-JP',
    viewport: PHONE,
    screen: PHONE,
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  await context.addInitScript(instrument, { target: 'list' });
  const page = await context.newPage();
  try {
    await page.goto(config.base + config.app, { waitUntil: 'commit' });
    await withTimeout(page.evaluate(() => window.__bench.done), 60_000, 'loading the list on a phone');
    await page
      .waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 30_000 })
      .catch(() => errors.push('phone: the app did not become ready; the prerendered list is measured'));
    return await page.evaluate(async () => {
      await document.fonts.ready;
      await window.__bench.nextFrame();
      const [width, height] = [window.innerWidth, window.innerHeight];
      const within = (element) => {
        const r = element.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= height && r.right <= width;
      };
      const rows = [...document.querySelectorAll('.item-row')].filter((row) => !row.hidden);
      const first = rows[0]?.getBoundingClientRect();
      const search = document.getElementById('search-input');
      return {
        viewport: { width, height },
        items_on_first_screen: rows.filter(within).length,
        first_item_top: first ? first.top : null,
        first_item_height: first ? first.height : null,
        search_box_on_first_screen: search ? within(search) : false,
        ready: document.documentElement.dataset.app === 'ready',
      };
    });
  } finally {
    await context.close();
  }
}

/// JS heap and wasm memory after load and after 100 facet changes (real data,
/// production build). Not throttled: throttling changes time, not memory.
async function memoryRun(browser) {
  const { context, page, cdp } = await openPage(browser, 1, { target: 'app' });
  try {
    await page.goto(config.base + config.app, { waitUntil: 'commit' });
    await withTimeout(page.evaluate(() => window.__bench.done), 60_000, 'loading the app');
    const afterLoad = await heapFigures(page, cdp);
    const cycle = [
      { kind: 'on', facet: 'facet-category', slot: 'a', from: 0 },
      { kind: 'on', facet: 'facet-sdg', slot: 'b', from: 0 },
      { kind: 'on', facet: 'facet-section', slot: 'c', from: 0 },
      { kind: 'off', facet: 'facet-sdg', slot: 'b' },
      { kind: 'off', facet: 'facet-section', slot: 'c' },
      { kind: 'off', facet: 'facet-category', slot: 'a' },
      { kind: 'on', facet: 'facet-bureau', slot: 'd', from: 1 },
      { kind: 'on', facet: 'facet-category', slot: 'e', from: 1 },
      { kind: 'off', facet: 'facet-category', slot: 'e' },
      { kind: 'off', facet: 'facet-bureau', slot: 'd' },
    ];
    let changes = 0;
    for (let attempt = 0; changes < 100 && attempt < 300; attempt++) {
      const op = cycle[attempt % cycle.length];
      const measured = await withTimeout(page.evaluate((o) => window.__bench.run(o), op), 60_000, 'filter change');
      if (!measured.skipped) changes += 1;
    }
    const afterFilters = await heapFigures(page, cdp);
    return { after_load: afterLoad, after_filters: afterFilters, filter_changes: changes };
  } finally {
    await context.close();
  }
}

/// Lighthouse's performance and accessibility audits of the app's list with
/// its mobile defaults (a mid-range phone on slow 4G, CPU 4× slower,
/// simulated), the site served with brotli as a CDN would; each run in a
/// fresh browser.
async function lighthouseRun() {
  const chrome = await launchChrome({
    chromePath: config.chromium,
    chromeFlags: ['--headless=new', ...chromiumFlags.args],
    logLevel: 'silent',
  });
  try {
    const { lhr } = await lighthouse(config.base + config.app, {
      port: chrome.port,
      onlyCategories: ['performance', 'accessibility'],
      logLevel: 'error',
      output: 'json',
    });
    const audit = (id) => lhr.audits[id]?.numericValue ?? null;
    // What keeps accessibility below 1: the failing audits' ids.
    const failing = (lhr.categories.accessibility?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
      .map((ref) => ref.id);
    return {
      score: lhr.categories.performance?.score ?? null,
      accessibility: lhr.categories.accessibility?.score ?? null,
      accessibility_failing: failing,
      fcp_ms: audit('first-contentful-paint'),
      lcp_ms: audit('largest-contentful-paint'),
      tbt_ms: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      speed_index_ms: audit('speed-index'),
      max_potential_fid_ms: audit('max-potential-fid'),
      dom_elements: audit('dom-size'),
      runtime_error: lhr.runtimeError?.message ?? null,
    };
  } finally {
    await chrome.kill();
  }
}

/// The cold loads that are compared, each against its limit; a round loads
/// each once, in this order, so app and limit see the same conditions.
const COLD_LOADS = [
  { name: 'app', path: () => config.app, target: 'list', interact: true },
  { name: 'limit', path: () => config.limit, target: 'list' },
  { name: 'item_app', path: () => config.item, target: 'item' },
  { name: 'item_limit', path: () => config.limit_item, target: 'item' },
];

async function main() {
  const output = {
    chromium: null,
    throttle: config.throttle,
    viewport: VIEWPORT,
    runs: config.runs,
    // Every response of the first visit, as the server sent it: the page's
    // own and its service worker's (see serve.mjs's `byServiceWorker`).
    first_visit: { served: [], service_worker: null },
    loads: Object.fromEntries(COLD_LOADS.map(({ name }) => [name, []])),
    memory: null,
    search: {},
    // The interaction limits at 61 items: least work, and every change replayed.
    search_limit_least: null,
    search_limit: null,
    phone: null,
    lighthouse: [],
    errors,
  };
  // Where the server records its responses, during the first visit only.
  let served = null;
  const server = await serve(config.site, config.port, { onResponse: (entry) => served?.push(entry) });
  let browser = null;
  try {
    browser = await chromium.launch({
      executablePath: config.chromium,
      headless: true,
      args: chromiumFlags.args,
    });
    output.chromium = browser.version();
    const timeout = 60_000;
    // One load of each first, not counted: the app's records what a first
    // visit transfers; all of them warm the server and the OS file cache,
    // not the browser.
    log('first visit (not counted)');
    served = [];
    await coldLoad(browser, config.app, { target: 'list', interact: true, timeout, visit: output.first_visit });
    output.first_visit.served = served;
    served = null;
    for (const { path, target } of COLD_LOADS.slice(1)) {
      await coldLoad(browser, path(), { target, timeout });
    }
    for (let run = 0; run < config.runs; run++) {
      for (const { name, path, target, interact } of COLD_LOADS) {
        try {
          output.loads[name].push(await coldLoad(browser, path(), { target, interact, timeout }));
        } catch (error) {
          errors.push(`cold load ${name} #${run + 1}: ${error.message ?? error}`);
        }
      }
      const last = (name, mark) => output.loads[name].at(-1)?.marks?.[mark]?.toFixed(0);
      log(
        `cold load ${run + 1}/${config.runs}: list ${last('app', 'list_visible')} ms ` +
          `(limit ${last('limit', 'list_visible')} ms), interactive ${last('app', 'interactive')} ms, ` +
          `item ${last('item_app', 'item_visible')} ms (limit ${last('item_limit', 'item_visible')} ms)`,
      );
    }

    for (let run = 0; run < config.lighthouse_runs; run++) {
      try {
        const audit = await withTimeout(lighthouseRun(), 180_000, 'Lighthouse');
        output.lighthouse.push(audit);
        log(
          `Lighthouse ${run + 1}/${config.lighthouse_runs}: performance ${audit.score}, ` +
            `LCP ${audit.lcp_ms?.toFixed(0)} ms, TBT ${audit.tbt_ms?.toFixed(0)} ms, accessibility ${audit.accessibility}`,
        );
      } catch (error) {
        errors.push(`Lighthouse #${run + 1}: ${error.message ?? error}`);
      }
    }

    log('the first screen of a phone (390×844, touch)');
    try {
      output.phone = await phoneRun(browser);
    } catch (error) {
      errors.push(`phone: ${error.message ?? error}`);
    }

    log('memory after load and after 100 filter changes');
    try {
      output.memory = await memoryRun(browser);
    } catch (error) {
      errors.push(`memory: ${error.message ?? error}`);
    }

    for (const size of config.sizes) {
      const plan = config.search_plan?.[String(size)] ?? { rounds: 1, budget_s: 60, op_timeout_s: 60 };
      log(`search and filter latency, ${size} items (up to ${plan.rounds} rounds, ${plan.budget_s} s)`);
      const snapshots = size === 61 ? [] : null;
      output.search[String(size)] = await searchRun(browser, size, {
        rounds: plan.rounds,
        budgetMs: plan.budget_s * 1000,
        opTimeoutMs: (plan.op_timeout_s ?? 60) * 1000,
        snapshots,
      });
      if (snapshots) {
        log(`interaction limits: the ${snapshots.length - 1} operations replayed on the frozen list, least work`);
        output.search_limit_least = await interactionLimitRun(browser, snapshots, true);
        log('interaction limits: every DOM change the app made');
        output.search_limit = await interactionLimitRun(browser, snapshots, false);
      }
    }
  } finally {
    await browser?.close();
    await server.close();
    writeFileSync(config.out, JSON.stringify(output, null, 1));
  }
  log('done');
  if (errors.length) log(`${errors.length} problem(s), recorded in the report: ${errors.join('; ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
