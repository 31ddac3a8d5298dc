// Debian's Chromium, as the tests and the benchmark run it: Playwright's own
// browser download is impossible on these machines, and a shared, offline
// machine wants no sandbox, GPU, QUIC or background traffic.
export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** @type {string[]} */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
