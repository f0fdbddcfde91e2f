// Makes the prerendered page interactive: loads the app's wasm, then hydrates
// the page's islands (`<leptos-island>`) where they stand, one per task, and
// tells the app they are all hydrated. trunk's default loader is an inline
// script, which the page's Content-Security-Policy forbids; Trunk.toml's
// pattern_script points here.
// The asset paths are relative to the page (item pages live two folders
// down), while a module's import() resolves against this script: resolve first.
const script = document.querySelector('script[data-wasm]');
const page = (path) => new URL(path, document.baseURI).href;
// The page is readable before the app runs: its files are requested only
// after the prerendered page has been painted, so they never compete with it
// for the network or the main thread (Trunk.toml asks trunk for no preload
// links, for the same reason). A hidden tab paints nothing: it starts at once.
function painted() {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
// A new task, so the browser can paint and answer input in between. A
// message to a channel of its own rather than a timer: timers are clamped.
const nextTask = () => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(null);
});
// Fetches and starts a bundle: its `main` provides the services every
// island shares.
const load = async (js, wasm) => {
  const app = await import(page(js));
  await app.default({ module_or_path: page(wasm) });
  return app;
};
// Each island's hydration and the start that follows are Performance
// measures (`hydrate NAME`, `islands hydrated`), which the benchmark reads.
const measured = (name, work) => {
  const start = performance.now();
  work();
  performance.measure(name, { start, end: performance.now() });
};
const hydrate = async (app) => {
  for (const island of document.querySelectorAll('leptos-island')) {
    const name = island.dataset.component;
    const hydrateIsland = app[name];
    if (!hydrateIsland) throw new Error(`the app has no island ${name}`);
    measured(`hydrate ${name.replace(/_\d+$/, '')}`, () => hydrateIsland(island));
    await nextTask();
  }
  measured('islands hydrated', () => app.islands_hydrated());
};

// Two bundles: the citizen app, and the same app with the staff tools
// (drafts, editor, import/export), which only staff mode loads, so citizens
// never download staff code. Staff mode is a device setting the app keeps in
// localStorage; this is `Settings::staff_tools_shown` (model/src/stored.rs);
// switching it on in the citizen app reloads the page into the staff bundle.
function storedSettings() {
  try {
    return JSON.parse(localStorage.getItem('ueda-reform.settings'))?.data ?? {};
  } catch {
    return {}; // storage disabled or unreadable: the app reports it
  }
}
const settings = storedSettings();
const staffModeOn = () => settings.staff_mode === true && settings.kiosk !== true;

// The text size chosen on this device, before the page is painted, so a
// reader of large text never sees the page reflow once the app starts
// (`TextSizeControl` keeps it in step from then on).
if (['large', 'extralarge'].includes(settings.text_size)) {
  document.documentElement.dataset.textSize = settings.text_size;
}

await painted();

// Which bundle runs is shown on <html data-bundle> (for tests and support).
let app = null;
if (staffModeOn() && script.dataset.staffJs) {
  try {
    app = await load(script.dataset.staffJs, script.dataset.staffWasm);
    document.documentElement.dataset.bundle = 'staff';
  } catch (error) {
    // Offline before the staff bundle was ever fetched, or a broken
    // download: the citizen app starts instead and says so.
    console.error('the staff tools did not load:', error);
    document.documentElement.dataset.staffBundle = 'failed';
  }
}
try {
  if (!app) {
    app = await load(script.dataset.js, script.dataset.wasm);
    document.documentElement.dataset.bundle = 'citizen';
  }
  await hydrate(app);
} catch (error) {
  console.error('the app did not start:', error);
  startFailed();
}

// The app did not start (a broken download, a browser too old for
// WebAssembly): the prerendered content stays readable, and the visitor is
// told why the controls stay disabled and what to do. The app's language
// tables are in the wasm that failed, so this one message lives here, in
// both languages.
function startFailed() {
  const ja = '検索や絞り込みなどの機能を読み込めませんでした。ページを再読み込みしてください。直らない場合は、ブラウザを最新版に更新してください。内容はこのまま読めます。';
  const en = 'The search, filters and other features could not be loaded. Reload the page; if that does not help, update your browser. The content can still be read.';
  const box = document.createElement('div');
  box.className = 'start-failed';
  box.setAttribute('role', 'alert');
  for (const [lang, text] of [['ja', ja], ['en', en]]) {
    const p = document.createElement('p');
    p.lang = lang;
    p.textContent = text;
    box.append(p);
  }
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = '再読み込み / Reload';
  reload.addEventListener('click', () => window.location.reload());
  box.append(reload);
  document.body.prepend(box);
  document.documentElement.dataset.app = 'failed';
}

// Offline support. A new version found by the service worker waits until the
// user chooses to reload (the app shows 「新しいバージョンがあります」); the app
// and this script talk through two window events and one attribute (the
// attribute covers an update found before the app listened).
if ('serviceWorker' in navigator) {
  const announce = () => {
    document.documentElement.dataset.updateAvailable = 'true';
    window.dispatchEvent(new Event('ueda-reform:update-available'));
  };
  // Set when the user chose the update: only then does a change of
  // controller reload the page (not on the first install, and not when this
  // site's worker takes over from another one whose scope covers the page,
  // such as a copy of the site at the host's root).
  let applying = false;
  // This script sits at the site root, whichever page loaded it.
  const workerUrl = new URL('sw.js', import.meta.url);
  navigator.serviceWorker.register(workerUrl, { scope: new URL('./', import.meta.url).href }).then((registration) => {
    // A new version is one that waits behind an active version of this same
    // registration; the page's controller may belong to another.
    if (registration.waiting && registration.active) announce();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      const isUpdate = registration.active !== null;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && isUpdate) announce();
      });
    });
    window.addEventListener('ueda-reform:apply-update', () => {
      applying = true;
      registration.waiting?.postMessage({ type: 'SKIP_WAITING' });
    });
    window.addEventListener('ueda-reform:check-update', () => registration.update());
    // Tablets stay open for days: look for a new version every half hour.
    setInterval(() => registration.update(), 30 * 60 * 1000);
  }).catch((error) => console.warn('service worker not registered:', error));
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (applying && !reloading) {
      reloading = true;
      window.location.reload();
    }
  });
}
