// Debian's Chromium and the flags it needs here, shared by the end-to-end
// suite (playwright.config.ts) and the benchmark (tests/bench/harness.mjs).
// As root it needs --no-sandbox; the rest keep it from reaching the network
// (closed here) for updates, sync and field trials.
module.exports = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};
