// Results of the list pages' searches (the registry's and the nominations' pages), kept while
// the database does not change: before every look-up the cache reads the database's change
// token (databaseChangeToken: SQLite's data_version, which moves on every commit by any
// connection of any process), and a new token forgets every result. A result that was being
// read when the token moved is kept under the old token only, so it is never served after
// the change. The same search asked again (many staff on the same name, a page reloaded, the
// load runs of issue 15) then costs a look-up instead of its SQL.
//
// What is kept is shared between requests: callers must not change a result they are given.
import { databaseChangeToken } from "./db.server";

const MAX_ENTRIES = 500;

let token: string | null = null;
const results = new Map<string, Promise<unknown>>();

/** `read()`'s result for `key`, read again only after a commit (or when not kept). */
export async function readCached<T>(key: string, read: () => Promise<T>): Promise<T> {
  // The benchmarks of the loaders themselves switch keeping off: they time the SQL, not a look-up.
  if (process.env.MERENTI_READ_CACHE === "off") return read();
  const current = await databaseChangeToken();
  if (current === null) return read();
  if (current !== token) {
    token = current;
    results.clear();
  }
  const kept = results.get(key);
  if (kept) {
    // Map order is the LRU order: a hit moves the result to the end.
    results.delete(key);
    results.set(key, kept);
    return kept as Promise<T>;
  }
  const reading = read();
  results.set(key, reading);
  // A failed read is not kept; a later request tries again.
  reading.catch(() => {
    if (results.get(key) === reading) results.delete(key);
  });
  for (const [oldest] of results) {
    if (results.size <= MAX_ENTRIES) break;
    results.delete(oldest);
  }
  return reading;
}
