// Issue 15, fault 1: public requests whose clients leave while they wait for a rendering slot
// must not take the slot with them; a full line is answered 503 with Retry-After.
import { connect } from "node:net";
import { describe, expect, test } from "vitest";
import { startFaultServer } from "./helpers";

const server = await startFaultServer();

/** Sends a GET with a cookie (so the page cache is bypassed) and closes the socket after `closeAfterMs`. */
function abandonedRequest(path: string, closeAfterMs: number): Promise<void> {
  const { port } = new URL(server.baseURL);
  return new Promise((resolve) => {
    const socket = connect(Number(port), "127.0.0.1", () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: anything=1\r\nConnection: close\r\n\r\n`);
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
    const search = await timedGet("/rejestr?q=nowak&after=1", { Cookie: "anything=1" });
    expect(search.status).toBe(200);
    expect(search.ms).toBeLessThan(5_000);
    const anonymous = await timedGet("/rejestr?after=2");
    expect(anonymous.status).toBe(200);
    const html = await (await fetch(`${server.baseURL}/rejestr`)).text();
    const permalink = /href="(\/rejestr\/[^"?#]+)"/.exec(html)?.[1];
    expect(permalink).toBeDefined();
    expect((await timedGet(permalink!, { Cookie: "anything=1" })).status).toBe(200);
  });

  test("a flood longer than the waiting line gets 503 with Retry-After, and the server recovers", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 400 }, async (_, i) => {
        try {
          const res = await fetch(`${server.baseURL}/rejestr?q=nowak&flood=${i}`, { headers: { Cookie: "anything=1" }, signal: AbortSignal.timeout(60_000) });
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
    expect((await timedGet("/rejestr?q=nowak&after=3", { Cookie: "anything=1" })).status).toBe(200);
  });
});
