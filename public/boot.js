// Loads the app's wasm. trunk's default loader is an inline script, which the
// page's Content-Security-Policy forbids; Trunk.toml's pattern_script points here.
// The asset paths are relative to the page (item pages live two folders
// down), while a module's import() resolves against this script: resolve first.
const script = document.querySelector('script[data-wasm]');
const page = (path) => new URL(path, document.baseURI).href;
const { default: init } = await import(page(script.dataset.js));
await init({ module_or_path: page(script.dataset.wasm) });

// Offline support. A new version found by the service worker waits until the
// user chooses to reload (the app shows 「新しいバージョンがあります」); the app
// and this script talk through two window events and one attribute (the
// attribute covers an update found before the app listened).
if ('serviceWorker' in navigator) {
  const announce = () => {
    document.documentElement.dataset.updateAvailable = 'true';
    window.dispatchEvent(new Event('ueda-reform:update-available'));
  };
  // This script sits at the site root, whichever page loaded it.
  const workerUrl = new URL('sw.js', import.meta.url);
  navigator.serviceWorker.register(workerUrl, { scope: new URL('./', import.meta.url).href }).then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) announce();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce();
      });
    });
    window.addEventListener('ueda-reform:apply-update', () => {
      registration.waiting?.postMessage({ type: 'SKIP_WAITING' });
    });
    window.addEventListener('ueda-reform:check-update', () => registration.update());
    // Tablets stay open for days: look for a new version every half hour.
    setInterval(() => registration.update(), 30 * 60 * 1000);
  }).catch((error) => console.warn('service worker not registered:', error));
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only reload when the user asked for the update (not on the first install).
    if (document.documentElement.dataset.updateAvailable === 'true' && !reloading) {
      reloading = true;
      window.location.reload();
    }
  });
}
