// Helpers for the browser tests: Debian's Chromium driven by playwright-core, the address of the
// test file's own server (tests/setup/e2e-file.ts), page visits that wait for hydration, and axe-core
// accessibility checks (WCAG 2.0/2.1 A and AA) that fail with a readable list.
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, inject } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../setup/chromium";

export { CHROMIUM_ARGS, CHROMIUM_PATH };

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The address of the built app under test (no trailing slash). */
export function baseURL(): string {
  return process.env.E2E_BASE_URL ?? "";
}

/** The SQLite file of this test file's server (to check what a request wrote, or did not). */
export function databaseFile(): string {
  return process.env.E2E_DATABASE_FILE ?? "";
}

/** False when the global setup found no Chromium on a dev machine (the tests are then skipped). */
export const browserAvailable = !inject("chromiumMissing");

/** `describe` for browser tests: skipped when Chromium is missing (the global setup says so). */
export const describeInBrowser = describe.skipIf(!browserAvailable);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * One browser for a test file: launched before its tests, closed after them. Call at the top
 * level (or in a describe) and use `session.newPage()` inside tests; pages last one test.
 */
/** Demo accounts seeded with demo data (prisma/seed/demo.ts); one password for all. */
export const DEMO_USERS = {
  kp09: "kp09@merenti.example",
  kp04: "kp04@merenti.example",
  protocol: "protokol@merenti.example",
  printing: "druk@merenti.example",
  reader: "odczyt@merenti.example",
  admin: "admin@merenti.example",
} as const;
export const DEMO_PASSWORD = "Merenti-demo-2026";

/** Signs in through the real form and waits for the page it leads to. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Adres e-mail").fill(email);
  await page.getByLabel("Hasło").fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.getByRole("button", { name: "Zaloguj się" }).click()]);
}

export function useBrowser() {
  const session = {
    browser: undefined as Browser | undefined,
    contexts: [] as BrowserContext[],
    /**
     * A page in a fresh context (own cookies and storage) with Polish locale and the app's
     * baseURL, signed in as the given demo user unless `signedInAs` is null.
     */
    async newPage(options: BrowserContextOptions & { signedInAs?: string | null } = {}): Promise<TrackedPage> {
      const { signedInAs = DEMO_USERS.kp09, ...contextOptions } = options;
      if (!session.browser) throw new Error("Browser not launched: call useBrowser() outside the test, at describe level.");
      const context = await session.browser.newContext({
        baseURL: baseURL(),
        locale: "pl-PL",
        timezoneId: "Europe/Warsaw",
        viewport: { width: 1280, height: 900 },
        ...contextOptions,
      });
      context.setDefaultTimeout(10_000);
      session.contexts.push(context);
      const page = track(await context.newPage(), options.javaScriptEnabled !== false);
      if (signedInAs) await signIn(page, signedInAs);
      return page;
    },
  };
  beforeAll(async () => {
    if (browserAvailable) session.browser = await launchBrowser();
  });
  // Each test's pages (and their contexts) are closed when it ends.
  afterEach(async () => {
    for (const c of session.contexts.splice(0)) await c.close().catch(() => undefined);
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  return session;
}

/** A page that remembers uncaught exceptions and console errors, so visits can fail on them. */
export type TrackedPage = Page & { problems: string[]; javaScriptEnabled: boolean };

function track(page: Page, javaScriptEnabled: boolean): TrackedPage {
  const tracked = page as TrackedPage;
  tracked.problems = [];
  tracked.javaScriptEnabled = javaScriptEnabled;
  page.on("pageerror", (error) => tracked.problems.push(`uncaught exception: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    // The document itself answering 4xx (a 404 page, a form posted with errors) is logged by
    // Chromium as a failed resource load; that is the response under test, not an error. Any
    // other failed load (a script, a stylesheet, a data request) is reported.
    const documentAnswer = message.location().url === page.url() && /^Failed to load resource: the server responded with a status of 4\d\d/.test(text);
    if (documentAnswer) return;
    // Chromium reports what the Content-Security-Policy blocked ("Executing inline script
    // violates the following Content Security Policy directive…", older versions "Refused to
    // …") as console errors: each one fails the visit.
    const cspViolation = /Content Security Policy/i.test(text);
    tracked.problems.push(`${cspViolation ? "CSP violation" : "console error"}: ${text}`);
  });
  return tracked;
}

/** Fails if the page logged a script error or threw since the last check. */
export function expectNoPageErrors(page: TrackedPage) {
  const problems = page.problems.splice(0);
  if (problems.length) throw new Error(`The page reported errors:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
}

/**
 * Waits until React has hydrated the document (Remix renders the whole <html>), so event
 * handlers, client-side validation and client navigation work. With JavaScript disabled there
 * is nothing to wait for.
 */
export async function waitForHydration(page: TrackedPage) {
  if (!page.javaScriptEnabled) return;
  await page.waitForFunction(() => {
    const last = document.querySelector("footer");
    return last !== null && Object.keys(last).some((k) => k.startsWith("__reactProps$"));
  });
  // Hydration runs in a transition: let the commit and effects finish.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

export type VisitOptions = {
  /** Expected HTTP status of the document (default 200). */
  status?: number;
  /** Run axe on the page after loading it (default true). */
  axe?: boolean;
};

/** Opens a path of the app, checks its status, waits for hydration, and checks accessibility. */
export async function visit(page: TrackedPage, path: string, { status = 200, axe = true }: VisitOptions = {}) {
  const response = await page.goto(path, { waitUntil: "load" });
  if (!response) throw new Error(`No response for ${path}`);
  if (response.status() !== status) {
    throw new Error(`GET ${path}: expected HTTP ${status}, got ${response.status()}`);
  }
  await waitForHydration(page);
  if (axe) await expectNoAxeViolations(page);
  expectNoPageErrors(page);
  return response;
}

type AxeNode = { target: unknown[]; failureSummary?: string };
type AxeViolation = { id: string; impact?: string | null; help: string; helpUrl: string; nodes: AxeNode[] };

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
function axeScript(): string {
  axeSource ??= (require("axe-core") as { source: string }).source;
  return axeSource;
}

/** Formats axe violations as "rule (impact): help" with the offending elements' selectors. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, "\n        ")}` : "";
          return `      ${n.target.map((t) => (Array.isArray(t) ? t.join(" >>> ") : String(t))).join(", ")}${summary}`;
        })
        .join("\n");
      return `  - ${v.id} (${v.impact ?? "n/a"}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join("\n");
}

/**
 * Runs axe-core on the current state of the page (WCAG 2.0/2.1 A and AA rules) and throws with
 * every violation listed. Call it again after the page changes (errors shown, client navigation).
 * `exclude` takes CSS selectors of regions to leave out (use sparingly, with a reason).
 */
export async function expectNoAxeViolations(page: Page, { exclude = [] as string[] } = {}) {
  const violations = (page as Partial<TrackedPage>).javaScriptEnabled === false ? await axeOnCopy(page, exclude) : await runAxe(page, exclude);
  if (violations.length) {
    throw new Error(`Accessibility violations (axe, ${AXE_TAGS.join(", ")}) on ${page.url()}:\n${formatViolations(violations)}`);
  }
}

async function runAxe(page: Page, exclude: string[]): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
  // govern (an inline <script> tag would be refused, as it should be).
  if (!loaded) await page.evaluate(axeScript());
  return page.evaluate(
    async ({ tags, exclude }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
      const context = exclude.length ? { include: [document], exclude: exclude.map((s) => [s]) } : document;
      const result = await axe.run(context, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }));
    },
    { tags: AXE_TAGS, exclude },
  );
}

/**
 * axe needs timers, which Chromium does not run in a page with JavaScript disabled. So the page's
 * current DOM (form values included, scripts removed) is served at the same address to a fresh
 * JavaScript-enabled page with the same viewport, where the app's CSS loads as usual.
 */
async function axeOnCopy(page: Page, exclude: string[]): Promise<AxeViolation[]> {
  const html = await page.evaluate(() => {
    for (const el of document.querySelectorAll("input")) {
      if (el.type === "checkbox" || el.type === "radio") el.toggleAttribute("checked", el.checked);
      else el.setAttribute("value", el.value);
    }
    for (const el of document.querySelectorAll("textarea")) el.textContent = el.value;
    for (const el of document.querySelectorAll("option")) el.toggleAttribute("selected", el.selected);
    return "<!DOCTYPE html>" + document.documentElement.outerHTML;
  });
  const browser = page.context().browser();
  if (!browser) throw new Error("The page has no browser");
  const context = await browser.newContext({ viewport: page.viewportSize(), locale: "pl-PL" });
  try {
    const copy = await context.newPage();
    const address = page.url();
    await copy.route(
      (url) => url.href === address,
      (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html.replace(/<script\b[\s\S]*?<\/script>/gi, "") }),
    );
    await copy.goto(address, { waitUntil: "load" });
    return await runAxe(copy, exclude);
  } finally {
    await context.close();
  }
}

/** The focused element's outline, to check that keyboard focus is visible. */
export async function focusOutline(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.getAttribute("aria-label") ?? (el as HTMLElement).innerText ?? "").trim().slice(0, 60),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      focusVisible: el.matches(":focus-visible"),
    };
  });
}

/** The accessible label of the focused element: its <label>, aria-label or text. */
export async function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "";
    const labelled = (el as HTMLInputElement).labels?.[0];
    const text = el.getAttribute("aria-label") ?? labelled?.textContent ?? el.innerText ?? "";
    return text
      .replace(/\s+/g, " ")
      .replace(/\s*\*$/, "")
      .trim();
  });
}

/**
 * Presses Tab until the focused element's label starts with `label` (at most `max` presses),
 * checking on the way that every focused element shows a focus outline.
 */
export async function tabTo(page: Page, label: string | RegExp, { max = 40, shift = false } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? "Shift+Tab" : "Tab");
    const outline = await focusOutline(page);
    const current = await focusedLabel(page);
    seen.push(current);
    if (outline && (outline.outlineStyle === "none" || !(outline.outlineWidth > 0))) {
      throw new Error(`No visible focus indicator on <${outline.tag}> "${current}" (outline: ${outline.outlineStyle} ${outline.outlineWidth}px)`);
    }
    if (typeof label === "string" ? current.startsWith(label) : label.test(current)) return;
  }
  throw new Error(`Tab never reached "${String(label)}" in ${max} presses; focus went through: ${seen.map((s) => `"${s}"`).join(", ")}`);
}
