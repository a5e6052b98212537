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
import * as clock from "#app/domain/clock";
import { CSRF_REJECTION_MESSAGE, isStateChangeAllowed } from "#app/utils/csrf.server";
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from "#app/utils/db.server";
import { parseEnv } from "#app/utils/env.server";
import { databaseChangeCounter, PageCache, pageCacheKey } from "#app/utils/page-cache.server";
import { sessionIdOfCookie } from "#app/utils/session.server";
import { refusalBeforeSignIn } from "#app/utils/sign-in-gate.server";
import { getToast } from "#app/utils/toast.server";

process.env.NODE_ENV ??= "production";
const env = parseEnv(process.env);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

installGlobals({ nativeFetch: true });
const build = answeringBusyWith503((await import(pathToFileURL(path.join(root, "build/server/index.js")).href)) as ServerBuild);

/**
 * The build with every loader and action answering 503 „Baza danych jest zajęta” (the route's
 * error boundary shows it) when the database stayed busy (isDatabaseBusy): another process holds
 * SQLite's write lock. The write was not applied; the user may simply try again.
 */
type BusyContext = { onDatabaseBusy?: () => void };

function answeringBusyWith503(original: ServerBuild): ServerBuild {
  type Handler = (args: unknown) => Promise<unknown>;
  const guard = (handler: Handler | undefined): Handler | undefined =>
    handler &&
    (async (args) => {
      try {
        return await handler(args);
      } catch (error) {
        if (!isDatabaseBusy(error)) throw error;
        // Remix does not pass a thrown response's headers on to the page: the server sets it.
        (args as { context?: BusyContext }).context?.onDatabaseBusy?.();
        throw new globalThis.Response(DATABASE_BUSY_MESSAGE, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "2" } });
      }
    });
  const routes = Object.fromEntries(
    Object.entries(original.routes).map(([id, route]) => {
      const module = route.module as { loader?: Handler; action?: Handler };
      return [id, { ...route, module: { ...route.module, loader: guard(module.loader), action: guard(module.action) } }];
    }),
  ) as ServerBuild["routes"];
  return { ...original, routes };
}

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
  // No page of ours uses these browser features, and no other site's window may script ours.
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  next();
});

// Every request has a time limit: one that has not been answered by then gets a 503 (or, when
// its answer had begun, its connection closed), so nothing waits, or holds a slot, forever.
const REQUEST_TIME_LIMIT_MS = 60_000;
app.use((_req: Request, res: Response, next: NextFunction) => {
  const timer = setTimeout(() => {
    if (res.headersSent) return res.destroy();
    res.status(503).set("Retry-After", "5").type("text/plain; charset=utf-8").send("Serwer nie zdążył odpowiedzieć. Spróbuj ponownie za chwilę.");
  }, REQUEST_TIME_LIMIT_MS);
  res.once("close", () => clearTimeout(timer));
  next();
});

app.use(compression());

// Static files, as remix-serve serves them: fingerprinted Vite assets for a year, the rest of
// build/client (public/ copied at build time) and public/ itself for an hour.
app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "build/client"), { maxAge: "1h" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

app.use(logRequest);

// A sign-in attempt from an address over its limit is refused here, before the app: the login
// action's count and message, without the app's request path (issue 15, item 5).
app.use((req: Request, res: Response, next: NextFunction) => {
  const search = req.originalUrl.slice(req.path.length);
  refusalBeforeSignIn({ method: req.method, path: req.path, search, clientAddress: req.ip }, clock.now().getTime()).then((refusal) => {
    if (!refusal) return next();
    if (res.destroyed) return;
    res.status(refusal.status).set(refusal.headers).send(refusal.body);
  }, next);
});

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
// them; staff pages never wait here. A slot is released on every way a request ends (answered,
// client gone, error, time limit); a waiting request whose client has left leaves the line; a
// line of PUBLIC_QUEUE_LIMIT is full, and a request that waited PUBLIC_QUEUE_WAIT_MS gives up:
// both are answered 503 with Retry-After.
const PUBLIC_CONCURRENCY = 4;
const PUBLIC_QUEUE_LIMIT = 200;
const PUBLIC_QUEUE_WAIT_MS = 10_000;
let publicActive = 0;
const publicWaiting: { grant: () => void }[] = [];

/**
 * A rendering slot for a public page: its release function once it is this request's turn, or
 * null when the line is full, the wait too long, or the client left (`signal`) before its turn.
 */
function acquirePublicSlot(signal: AbortSignal): Promise<(() => void) | null> {
  if (signal.aborted) return Promise.resolve(null);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    publicActive--;
    publicWaiting.shift()?.grant();
  };
  if (publicActive < PUBLIC_CONCURRENCY) {
    publicActive++;
    return Promise.resolve(release);
  }
  if (publicWaiting.length >= PUBLIC_QUEUE_LIMIT) return Promise.resolve(null);
  return new Promise((resolve) => {
    const leave = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", leave);
      const at = publicWaiting.indexOf(waiter);
      if (at !== -1) publicWaiting.splice(at, 1);
      resolve(null);
    };
    const waiter = {
      grant: () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", leave);
        publicActive++;
        resolve(release);
      },
    };
    const timer = setTimeout(leave, PUBLIC_QUEUE_WAIT_MS);
    signal.addEventListener("abort", leave, { once: true });
    publicWaiting.push(waiter);
  });
}

/**
 * Aborted when the client goes away before its answer has been sent, also when it left while
 * the request passed the middleware before (the static files' look-ups): then no "close" comes.
 */
function clientGone(res: Response): AbortSignal {
  const controller = new AbortController();
  if (res.closed || !res.socket || res.socket.destroyed) controller.abort();
  else
    res.once("close", () => {
      if (!res.writableFinished) controller.abort();
    });
  return controller.signal;
}

function sendOverloaded(res: Response) {
  if (res.headersSent || res.destroyed) return;
  res.status(503).set("Retry-After", "5").type("text/plain; charset=utf-8").send("Rejestr jest chwilowo przeciążony. Spróbuj ponownie za chwilę.");
}

// Rendered public pages are kept for PUBLIC_CACHE_TTL_MS (app/utils/page-cache.server.ts) and
// forgotten as soon as the database changes, whichever process wrote. Visitors' GET requests use
// it: a request whose cookies carry no validly signed session or toast of ours gets the page a
// visitor without cookies gets (other services on the city's domain set cookies of their own,
// and a forged session cookie changes nothing), rendered without its cookies. A signed-in member
// of staff always gets a fresh page; a response that sets a cookie, is not a 200, or carries its
// request's CSP nonce (public pages send no script, so none does) is never kept or shared.
const PUBLIC_CACHE_TTL_MS = 30_000;
const pageCache = new PageCache({
  ttlMs: PUBLIC_CACHE_TTL_MS,
  maxEntries: 2000,
  maxBytes: 64 * 1024 * 1024,
  changeCounter: databaseChangeCounter(env.DATABASE_URL),
});
const renderPage = createWebRequestHandler(build, process.env.NODE_ENV);

app.use("/rejestr", (req: Request, res: Response, next: NextFunction) => {
  const gone = clientGone(res);
  isVisitor(req.get("cookie")).then(
    (visitor) => servePublic(req, res, next, gone, req.method === "GET" && visitor ? pageCacheKey(req.originalUrl) : null),
    next,
  );
});

/** Whether the cookies carry nothing of ours that changes a page: no valid session, no valid toast. */
async function isVisitor(cookie: string | undefined): Promise<boolean> {
  if (!cookie || !cookie.includes("__merenti_")) return true;
  if (await sessionIdOfCookie(cookie)) return false;
  return (await getToast(new globalThis.Request("http://localhost/", { headers: { cookie } }))).toast === null;
}

function servePublic(req: Request, res: Response, next: NextFunction, gone: AbortSignal, key: string | null) {
  if (key === null) {
    // Not cacheable: the app's own handler, within the limit.
    acquirePublicSlot(gone).then((release) => {
      if (!release) return sendOverloaded(res);
      if (gone.aborted) return release();
      res.once("close", release);
      next();
    }, next);
    return;
  }
  const nonce = res.locals.cspNonce as string;
  pageCache
    .fetch(key, async () => {
      // Other requests may share this rendering: it goes on when this client leaves.
      const release = await acquirePublicSlot(new AbortController().signal);
      if (!release) throw new Overloaded();
      try {
        const requestHeaders = webHeadersOf(req);
        requestHeaders.delete("cookie");
        const response = await renderPage(
          new globalThis.Request(`${req.protocol}://${requestHost(req) ?? "localhost"}${req.originalUrl}`, { headers: requestHeaders }),
          { cspNonce: nonce },
        );
        const body = await response.text();
        const headers = [...response.headers].filter(([name]) => name !== "set-cookie" && name !== "content-length");
        const shareable = response.status === 200 && !response.headers.has("set-cookie") && !body.includes(nonce);
        return { page: { status: response.status, headers, body }, shareable };
      } finally {
        release();
      }
    })
    .then(({ page, source }) => {
      if (res.headersSent || res.destroyed) return;
      res.status(page.status);
      for (const [name, value] of page.headers) res.setHeader(name, value);
      res.setHeader("X-Page-Cache", source);
      res.send(page.body);
    })
    .catch((error: unknown) => (error instanceof Overloaded ? sendOverloaded(res) : next(error)));
}

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
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientAddress: req.ip,
      onDatabaseBusy: () => res.setHeader("Retry-After", "2"),
    }),
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
