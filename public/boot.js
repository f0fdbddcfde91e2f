// Loads the app's wasm. trunk's default loader is an inline script, which the
// page's Content-Security-Policy forbids; Trunk.toml's pattern_script points here.
const script = document.querySelector('script[data-wasm]');
const { default: init } = await import(script.dataset.js);
await init({ module_or_path: script.dataset.wasm });
