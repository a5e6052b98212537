// A small in-process cache of rendered public pages (the registry at /rejestr), used by the
// production server (scripts/server.ts). The pages are the same for everyone; keeping them here
// spares the one event loop from rendering the same search again for every visitor.
//
// Freshness: an entry lives at most ttlMs, and before every lookup the cache reads the
// database's change counter (databaseChangeCounter): a commit by any connection of any process
// (a staff write, the command-line import, a retention run from cron) changes it, which starts a
// new generation and empties the cache; a page whose rendering began before that is not stored.
//
// Bounded: at most maxEntries pages and maxBytes of HTML; the least recently used go first.
// Concurrent requests for a page that is being rendered wait for that one rendering.

import { createClient, type Client } from "@libsql/client";

export type CachedPage = {
  status: number;
  headers: [string, string][];
  body: string;
};

export type PageCacheOptions = {
  ttlMs: number;
  maxEntries: number;
  maxBytes: number;
  now?: () => number;
  /** The database's change counter: when it moves, every stored page is forgotten. */
  changeCounter?: () => Promise<unknown>;
};

type Entry = { page: CachedPage; expiresAt: number; bytes: number };

/** What the renderer hands back: the page and whether it may be kept and shared. */
export type Rendered = { page: CachedPage; shareable: boolean };

export class PageCache {
  private entries = new Map<string, Entry>();
  private pending = new Map<string, Promise<Rendered>>();
  private bytes = 0;
  private generation = 0;
  private lastCounter: unknown;
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** A write may have changed public data: forget every page, and any rendering under way. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.pending.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** A fresh stored page, or undefined. */
  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.remove(key);
      return undefined;
    }
    // Map order is the LRU order: a hit moves the page to the end.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.page;
  }

  /**
   * The page for key: stored, being rendered by another request (then shared when shareable),
   * or rendered now by `render`; `source` says which.
   */
  async fetch(key: string, render: () => Promise<Rendered>): Promise<{ page: CachedPage; source: "hit" | "shared" | "miss" }> {
    if (this.options.changeCounter) {
      const counter = await this.options.changeCounter();
      if (counter !== this.lastCounter) {
        this.lastCounter = counter;
        this.invalidate();
      }
    }
    const stored = this.get(key);
    if (stored) return { page: stored, source: "hit" };
    const running = this.pending.get(key);
    if (running) {
      const shared = await running;
      if (shared.shareable) return { page: shared.page, source: "shared" };
      return { page: (await render()).page, source: "miss" };
    }
    const generation = this.generation;
    const rendering = render();
    this.pending.set(key, rendering);
    try {
      const rendered = await rendering;
      if (rendered.shareable && generation === this.generation) this.store(key, rendered.page);
      return { page: rendered.page, source: "miss" };
    } finally {
      if (this.pending.get(key) === rendering) this.pending.delete(key);
    }
  }

  private store(key: string, page: CachedPage): void {
    const bytes = Buffer.byteLength(page.body) + key.length;
    if (bytes > this.options.maxBytes) return;
    this.remove(key);
    this.entries.set(key, { page, expiresAt: this.now() + this.options.ttlMs, bytes });
    this.bytes += bytes;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/**
 * The cache key of a public page's URL: the path and its parameters, decoded, without empty
 * ones (an empty filter field of the GET form means no filter), in a fixed order; null when the
 * address is too long to be worth keeping. The page rendered for one spelling of the address
 * differs from another's only in the order of the parameters its pagination links repeat.
 */
export function pageCacheKey(pathAndQuery: string): string | null {
  if (pathAndQuery.length > 1000) return null;
  let url: URL;
  try {
    url = new URL(pathAndQuery, "http://cache.invalid");
  } catch {
    return null;
  }
  const params = new URLSearchParams([...url.searchParams].filter(([, v]) => v !== ""));
  params.sort();
  const qs = params.toString();
  return qs ? `${url.pathname}?${qs}` : url.pathname;
}

/**
 * SQLite's change counter for one database file (PRAGMA data_version) on a connection of its
 * own that never writes: it changes whenever any other connection, of this process or another,
 * commits. Null for a database that is not a local file (then only the TTL applies).
 */
export function databaseChangeCounter(databaseUrl: string): (() => Promise<unknown>) | undefined {
  if (!databaseUrl.startsWith("file:")) return undefined;
  let client: Client | undefined;
  return async () => {
    client ??= createClient({ url: databaseUrl });
    const result = await client.execute("PRAGMA data_version");
    return result.rows[0]?.[0];
  };
}
