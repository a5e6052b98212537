// Debian's Chromium (apt-get install chromium), driven by playwright-core; see STACK.md,
// "Browser tests". Shared by the e2e global setup and tests/e2e/browser.ts.
export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
