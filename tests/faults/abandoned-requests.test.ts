// Issue 15, fault 1: public requests whose clients leave while they wait for a rendering slot
// must not take the slot with them; a full line is answered 503 with Retry-After.
import { connect } from "node:net";
import { describe, expect, test } from "vitest";
import { signIn, startFaultServer } from "./helpers";

const server = await startFaultServer();
// A signed-in request: the page cache never answers it, every one is rendered (a visitor's
// cookies, even a forged session, get the cached page).
const cookie = await signIn(server.baseURL);

/** Sends a signed-in GET (so the page cache is bypassed) and closes the socket after `closeAfterMs`. */
function abandonedRequest(path: string, closeAfterMs: number): Promise<void> {
  const { port } = new URL(server.baseURL);
  return new Promise((resolve) => {
    const socket = connect(Number(port), "127.0.0.1", () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`);
      setTimeout(() => socket.destroy(), closeAfterMs);
    });
    socket.on("error", () => undefined);
    socket.on("close", () => resolve());
  });
}

async function timedGet(path: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const res = await fetch(`${server.baseURL}${path}`, { headers, signal: AbortSignal.timeout(15_000) });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started, headers: res.headers };
}

describe("abandoned public requests", () => {
  test("100 searches whose clients leave after 20 ms leave the registry and the permalinks answering", async () => {
    await Promise.all(Array.from({ length: 100 }, (_, i) => abandonedRequest(`/rejestr?q=nowak&n=${i}`, 20)));
    // Let the server work through what it had begun.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const search = await timedGet("/rejestr?q=nowak&after=1", { Cookie: cookie });
    expect(search.status).toBe(200);
    expect(search.ms).toBeLessThan(5_000);
    const anonymous = await timedGet("/rejestr?after=2");
    expect(anonymous.status).toBe(200);
    const html = await (await fetch(`${server.baseURL}/rejestr`)).text();
    const permalink = /href="(\/rejestr\/[^"?#]+)"/.exec(html)?.[1];
    expect(permalink).toBeDefined();
    expect((await timedGet(permalink!, { Cookie: cookie })).status).toBe(200);
  });

  test("a flood longer than the waiting line gets 503 with Retry-After, and the server recovers", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 400 }, async (_, i) => {
        try {
          const res = await fetch(`${server.baseURL}/rejestr?q=nowak&flood=${i}`, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(60_000) });
          const body = await res.text();
          if (res.status === 503) {
            expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
            expect(body).toContain("Spróbuj ponownie");
          }
          return res.status;
        } catch {
          return 0;
        }
      }),
    );
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect((await timedGet("/rejestr?q=nowak&after=3", { Cookie: cookie })).status).toBe(200);
  });

  test("a visitor's cookies of other services, or a forged session, get the cached page; a signed-in request never does", async () => {
    const path = "/rejestr?q=nowak&cookies=1";
    await timedGet(path);
    const sources = async (headers: Record<string, string>) => (await timedGet(path, headers)).headers.get("x-page-cache");
    expect(await sources({})).toBe("hit");
    expect(await sources({ Cookie: "_ga=GA1.2.3; krakow_pl_zgoda=1" })).toBe("hit");
    expect(await sources({ Cookie: "__merenti_session=podrobiona.sesja" })).toBe("hit");
    expect(await sources({ Cookie: cookie })).toBeNull();
  });
});
