// The production HTTP server: Express with the built Remix app (build/server/index.js), its
// static files, compression, security headers with a per-request CSP nonce, and the CSRF check.
// `npm start` runs it after building and migrating; it can also run alone once the app is
// built: NODE_ENV=production tsx scripts/server.ts. Decisions: docs/decisions/003-http-security.md.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { createRequestHandler as createWebRequestHandler, installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { CSRF_REJECTION_MESSAGE, isStateChangeAllowed } from "#app/utils/csrf.server";
import { parseEnv } from "#app/utils/env.server";
import { PageCache, pageCacheKey } from "#app/utils/page-cache.server";
import { sessionIdOfCookie } from "#app/utils/session.server";

process.env.NODE_ENV ??= "production";
const env = parseEnv(process.env);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

installGlobals({ nativeFetch: true });
const build = (await import(pathToFileURL(path.join(root, "build/server/index.js")).href)) as ServerBuild;

/** The Content-Security-Policy of every response; the nonce changes with each request. */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", env.TRUST_PROXY);

// Security headers on every response, static files and errors included.
app.use((req: Request, res: Response, next: NextFunction) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  // Only over HTTPS (req.secure honours X-Forwarded-Proto from a trusted proxy): a browser
  // ignores it over HTTP anyway. No includeSubDomains: other services share the city's domain.
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  next();
});

app.use(compression());

// Static files, as remix-serve serves them: fingerprinted Vite assets for a year, the rest of
// build/client (public/ copied at build time) and public/ itself for an hour.
app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "build/client"), { maxAge: "1h" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

app.use(logRequest);

// CSRF: state-changing requests must come from this server's own pages.
app.use((req: Request, res: Response, next: NextFunction) => {
  const allowed = isStateChangeAllowed({
    method: req.method,
    origin: req.get("origin"),
    referer: req.get("referer"),
    secFetchSite: req.get("sec-fetch-site"),
    host: requestHost(req),
    protocol: req.protocol,
  });
  if (allowed) return next();
  res
    .status(403)
    .type("html")
    .send(
      `<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><title>Żądanie odrzucone (403)</title></head>` +
        `<body><p>${CSRF_REJECTION_MESSAGE}</p></body></html>`,
    );
});

// The public registry runs at most PUBLIC_CONCURRENCY renderings at a time; the others wait
// here for their turn. The app runs on one event loop (and SQLite queries run synchronously on
// it), so without this a flood of public searches would put every staff request behind all of
// them; staff pages never wait here. A queue longer than PUBLIC_QUEUE_LIMIT is answered 503.
const PUBLIC_CONCURRENCY = 4;
const PUBLIC_QUEUE_LIMIT = 1000;
let publicActive = 0;
const publicWaiting: (() => void)[] = [];

/** A rendering slot for a public page: true once it is this request's turn, false when the queue is full. */
function acquirePublicSlot(): Promise<boolean> {
  if (publicActive < PUBLIC_CONCURRENCY) {
    publicActive++;
    return Promise.resolve(true);
  }
  if (publicWaiting.length >= PUBLIC_QUEUE_LIMIT) return Promise.resolve(false);
  return new Promise((resolve) =>
    publicWaiting.push(() => {
      publicActive++;
      resolve(true);
    }),
  );
}

function releasePublicSlot() {
  publicActive--;
  publicWaiting.shift()?.();
}

function sendOverloaded(res: Response) {
  res.status(503).set("Retry-After", "5").type("text/plain; charset=utf-8").send("Rejestr jest chwilowo przeciążony. Spróbuj ponownie za chwilę.");
}

// Rendered public pages are kept for PUBLIC_CACHE_TTL_MS (app/utils/page-cache.server.ts); a
// write by a signed-in member of staff empties the cache. Only GET requests without cookies use it: a
// signed-in member of staff always gets a fresh page, and a response that sets a cookie, is not
// a 200, or carries its request's CSP nonce (public pages send no script, so none does) is
// never kept or shared.
const PUBLIC_CACHE_TTL_MS = 30_000;
const pageCache = new PageCache({ ttlMs: PUBLIC_CACHE_TTL_MS, maxEntries: 2000, maxBytes: 64 * 1024 * 1024 });
const renderPage = createWebRequestHandler(build, process.env.NODE_ENV);

app.use((req: Request, res: Response, next: NextFunction) => {
  if (req.method === "GET" || req.method === "HEAD" || !req.get("cookie")) return next();
  // Only staff writes change the registry: a signed-in non-GET empties the cache when it succeeds (< 400) or its client leaves.
  sessionIdOfCookie(req.get("cookie")).then((sessionId) => {
    if (sessionId) {
      res.on("finish", () => {
        if (res.statusCode < 400) pageCache.invalidate();
      });
      res.on("close", () => {
        if (!res.writableFinished) pageCache.invalidate();
      });
    }
    next();
  }, next);
});

app.use("/rejestr", (req: Request, res: Response, next: NextFunction) => {
  const key = req.method === "GET" && !req.get("cookie") ? pageCacheKey(req.originalUrl) : null;
  if (key === null) {
    // Not cacheable: the app's own handler, within the limit.
    void acquirePublicSlot().then((ok) => {
      if (!ok) return sendOverloaded(res);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        releasePublicSlot();
      };
      res.on("finish", release);
      res.on("close", release);
      next();
    });
    return;
  }
  const nonce = res.locals.cspNonce as string;
  pageCache
    .fetch(key, async () => {
      if (!(await acquirePublicSlot())) throw new Overloaded();
      try {
        const response = await renderPage(new globalThis.Request(`${req.protocol}://${requestHost(req) ?? "localhost"}${req.originalUrl}`, { headers: webHeadersOf(req) }), { cspNonce: nonce });
        const body = await response.text();
        const headers = [...response.headers].filter(([name]) => name !== "set-cookie" && name !== "content-length");
        const shareable = response.status === 200 && !response.headers.has("set-cookie") && !body.includes(nonce);
        return { page: { status: response.status, headers, body }, shareable };
      } finally {
        releasePublicSlot();
      }
    })
    .then(({ page, source }) => {
      res.status(page.status);
      for (const [name, value] of page.headers) res.setHeader(name, value);
      res.setHeader("X-Page-Cache", source);
      res.send(page.body);
    })
    .catch((error: unknown) => (error instanceof Overloaded ? sendOverloaded(res) : next(error)));
});

class Overloaded extends Error {}

function webHeadersOf(req: Request): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientAddress: req.ip }),
  }),
);

/** The host the client addressed: X-Forwarded-Host only when the proxy that sent it is trusted. */
function requestHost(req: Request): string | undefined {
  const trust = app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean;
  const forwarded = req.get("x-forwarded-host");
  if (forwarded && trust(req.socket.remoteAddress, 0)) return forwarded.split(",")[0]!.trim();
  return req.get("host");
}

/** One line per request to the app, like remix-serve's: method, path, status, time. */
function logRequest(req: Request, res: Response, next: NextFunction) {
  const start = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(`${req.method} ${req.originalUrl} ${res.statusCode} - ${ms.toFixed(1)} ms`);
  });
  next();
}

const onListen = () => console.log(`Merenti: http://${env.HOST ?? "localhost"}:${env.PORT}`);
const server = env.HOST ? app.listen(env.PORT, env.HOST, onListen) : app.listen(env.PORT, onListen);
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close((error) => {
      if (error) console.error(error);
      process.exit(0);
    });
    // Keep-alive connections would hold close() open: let them go.
    server.closeAllConnections();
  });
}
