// Issue 15, item 5: 20 connections posting wrong passwords to /login (no account needed) raised a
// staff page from a 21 ms median to 6.5 s. A staff page's latency is measured here during such a
// flood, with a generous bound (a shared test machine is no benchmark: the real figure comes from
// `npm run bench -- sign-in-flood`).
import { beforeAll, expect, test } from "vitest";
import { MAX_SIGN_INS_PER_ADDRESS } from "#app/models/user.server";
import { action as loginAction } from "#app/routes/login";
import { loader as nominationList } from "#app/routes/nominations._index";
import { settle, signInAs } from "#tests/integration/helpers";

const FLOOD_CONNECTIONS = 20;
/** The flood lasts this long, and each connection makes at least `minAttempts` attempts. */
const FLOOD_MS = 4000;
/** Generous: the test machine is shared; the benchmark holds the real target (p95 ≤ 200 ms). */
const PAGE_P95_BOUND_MS = 3000;

let staffCookie: string;
beforeAll(async () => {
  staffCookie = (await signInAs("KP09_SPECIALIST")).cookie;
});

/** Runs the flood while timing the staff page; the page's times and the flood's statuses. */
async function floodWhileMeasuring(addressOf: (connection: number) => string, minAttempts: number) {
  const statuses: number[] = [];
  const until = performance.now() + FLOOD_MS;
  let attempt = 0;
  let floodDone = false;
  const connection = async (c: number) => {
    for (let mine = 0; performance.now() < until || mine < minAttempts; mine++) {
      const body = new URLSearchParams({ email: `zalew-${c}-${attempt++}@test.example`, password: "zle-haslo" });
      const request = new Request("http://localhost/login", { method: "POST", body });
      statuses.push((await settle(() => loginAction({ request, params: {}, context: { clientAddress: addressOf(c) } }))).status);
    }
  };
  const pageTimes: number[] = [];
  const measure = async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    while (!floodDone) {
      const started = performance.now();
      const page = await settle(() =>
        nominationList({ request: new Request("http://localhost/nominations", { headers: { Cookie: staffCookie } }), params: {}, context: {} }),
      );
      expect(page.status).toBe(200);
      pageTimes.push(performance.now() - started);
      // A staff member clicking, not a tight loop: the local database answers synchronously, so
      // without a pause this loop would never let the flood's callbacks run.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const flood = Promise.all(Array.from({ length: FLOOD_CONNECTIONS }, (_, c) => connection(c))).then(() => (floodDone = true));
  await Promise.all([flood, measure()]);
  pageTimes.sort((a, b) => a - b);
  return { statuses, p95: pageTimes[Math.floor(pageTimes.length * 0.95)]!, median: pageTimes[Math.floor(pageTimes.length / 2)]! };
}

test("a flood from one address is answered 429 without hashing, and staff pages stay fast", { timeout: 120_000 }, async () => {
  const { statuses, p95, median } = await floodWhileMeasuring(() => "198.51.100.20", 3);
  console.log(`flood from one address: ${statuses.length} attempts, staff page median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`);
  expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_SIGN_INS_PER_ADDRESS);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(statuses.length - MAX_SIGN_INS_PER_ADDRESS);
  expect(p95).toBeLessThan(PAGE_P95_BOUND_MS);
});

test("a flood from many addresses waits for its password hashes, and staff pages stay usable", { timeout: 120_000 }, async () => {
  const { statuses, p95, median } = await floodWhileMeasuring((c) => `198.51.100.${100 + c}`, 1);
  console.log(`flood from ${FLOOD_CONNECTIONS} addresses: ${statuses.length} attempts, staff page median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`);
  expect(statuses.every((s) => s === 401 || s === 429 || s === 503)).toBe(true);
  expect(p95).toBeLessThan(PAGE_P95_BOUND_MS);
});
