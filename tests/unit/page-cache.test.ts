import { describe, expect, test } from "vitest";
import { PageCache, pageCacheKey, type Rendered } from "#app/utils/page-cache.server";

function pageOf(body: string, shareable = true): Rendered {
  return { page: { status: 200, headers: [["content-type", "text/html"]], body }, shareable };
}

function cacheAt(clock: { t: number }, options: Partial<{ ttlMs: number; maxEntries: number; maxBytes: number }> = {}) {
  return new PageCache({ ttlMs: 30_000, maxEntries: 100, maxBytes: 1_000_000, now: () => clock.t, ...options });
}

describe("page cache", () => {
  test("keeps a page until its TTL, then renders it again", async () => {
    const clock = { t: 0 };
    const cache = cacheAt(clock);
    let renders = 0;
    const render = async () => pageOf(`v${++renders}`);
    expect(await cache.fetch("/rejestr", render)).toMatchObject({ source: "miss", page: { body: "v1" } });
    clock.t = 29_999;
    expect(await cache.fetch("/rejestr", render)).toMatchObject({ source: "hit", page: { body: "v1" } });
    clock.t = 30_000;
    expect(await cache.fetch("/rejestr", render)).toMatchObject({ source: "miss", page: { body: "v2" } });
  });

  test("a write empties it", async () => {
    const cache = cacheAt({ t: 0 });
    let renders = 0;
    const render = async () => pageOf(`v${++renders}`);
    await cache.fetch("/rejestr?q=nowak", render);
    cache.invalidate();
    expect(cache.size).toBe(0);
    expect(await cache.fetch("/rejestr?q=nowak", render)).toMatchObject({ source: "miss", page: { body: "v2" } });
  });

  test("a page rendered while a write happened is served to its request but not kept", async () => {
    const cache = cacheAt({ t: 0 });
    let finish!: (r: Rendered) => void;
    const slow = cache.fetch("/rejestr", () => new Promise<Rendered>((resolve) => (finish = resolve)));
    cache.invalidate();
    finish(pageOf("before the write"));
    expect((await slow).page.body).toBe("before the write");
    expect(cache.get("/rejestr")).toBeUndefined();
    // A request after the write does not join the rendering begun before it.
    expect(await cache.fetch("/rejestr", async () => pageOf("after"))).toMatchObject({ source: "miss", page: { body: "after" } });
  });

  test("concurrent requests for one page share one rendering", async () => {
    const cache = cacheAt({ t: 0 });
    let renders = 0;
    let finish!: (r: Rendered) => void;
    const render = () => {
      renders++;
      return new Promise<Rendered>((resolve) => (finish = resolve));
    };
    const all = [cache.fetch("/rejestr?q=ko", render), cache.fetch("/rejestr?q=ko", render), cache.fetch("/rejestr?q=ko", render)];
    finish(pageOf("once"));
    const results = await Promise.all(all);
    expect(renders).toBe(1);
    expect(results.map((r) => r.source)).toEqual(["miss", "shared", "shared"]);
    expect(results.every((r) => r.page.body === "once")).toBe(true);
  });

  test("a page that may not be shared is neither kept nor handed to another request", async () => {
    const cache = cacheAt({ t: 0 });
    let finish!: (r: Rendered) => void;
    const leader = cache.fetch("/rejestr", () => new Promise<Rendered>((resolve) => (finish = resolve)));
    const follower = cache.fetch("/rejestr", async () => pageOf("its own", false));
    finish(pageOf("nonce-abc", false));
    expect((await leader).page.body).toBe("nonce-abc");
    expect((await follower).page.body).toBe("its own");
    expect(cache.size).toBe(0);
  });

  test("is bounded in entries and bytes, dropping the least recently used", async () => {
    const cache = cacheAt({ t: 0 }, { maxEntries: 2, maxBytes: 1_000 });
    await cache.fetch("a", async () => pageOf("1"));
    await cache.fetch("b", async () => pageOf("2"));
    cache.get("a");
    await cache.fetch("c", async () => pageOf("3"));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.body).toBe("1");
    await cache.fetch("big", async () => pageOf("x".repeat(996)));
    expect(cache.totalBytes).toBeLessThanOrEqual(1_000);
    expect(cache.get("big")?.body).toHaveLength(996);
    expect(cache.size).toBe(1);
    await cache.fetch("huge", async () => pageOf("x".repeat(2_000)));
    expect(cache.get("huge")).toBeUndefined();
  });

  test("a failed rendering is not kept", async () => {
    const cache = cacheAt({ t: 0 });
    await expect(cache.fetch("/rejestr", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.fetch("/rejestr", async () => pageOf("ok"))).toMatchObject({ source: "miss" });
  });
});

describe("page cache key", () => {
  test("one key for one page however its address is spelt", () => {
    expect(pageCacheKey("/rejestr?sort=name-asc&q=nowak")).toBe(pageCacheKey("/rejestr?q=nowak&sort=name-asc&honour=&year="));
    expect(pageCacheKey("/rejestr?q=Raj%C4%8Di%C4%87")).toBe(pageCacheKey("/rejestr?q=Rajčić"));
    expect(pageCacheKey("/rejestr?q=")).toBe("/rejestr");
  });

  test("different pages, different keys", () => {
    const keys = ["/rejestr", "/rejestr?q=nowak", "/rejestr?q=Nowak", "/rejestr?q=nowak&page=2", "/rejestr/abc"].map(pageCacheKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test("no key for an over-long address", () => {
    expect(pageCacheKey(`/rejestr?q=${"a".repeat(2000)}`)).toBeNull();
  });
});
