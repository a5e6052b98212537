// Every route module, every role, GET and POST: allowed pairs get through (any answer but 403 or
// a trip to sign-in), forbidden pairs get 403 and change nothing, anonymous requests go to
// sign-in. The modules are read from app/routes itself, so a new route without a row here fails
// with its file's name.
//
// ADDING A ROUTE: add one entry to ROUTES below, keyed by the file name in app/routes. `get` and
// `post` each say who may: a permission, a list (any of them), "signed-in" or "public"; give a
// `post` exactly when the module exports an action, a `get` when it exports a loader. `path` and
// `params` build the request from the fixtures in `ids` (a made-up id is fine when the route
// checks the permission before it looks the record up: the allowed roles then get a 404).
import { readdirSync } from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_ROLES, type Permission } from "#app/domain/permissions";
import { action as createNomination } from "#app/routes/nominations.new";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, personNomination, signInAs, signOut, type Answer, type Fields } from "./helpers";

/** Who may: one permission, any of several, all of several, any signed-in user, or anyone. */
type Rule = Permission | Permission[] | { all: Permission[] } | "signed-in" | "public";
type Ids = { cm: string; hg: string; cmCandidate: string; hgCandidate: string; setting: string };
type Request = { path: (ids: Ids) => string; params?: (ids: Ids) => Record<string, string> };
type Case = Request & { name?: string; get?: Rule; post?: Rule; fields?: (ids: Ids) => Fields };
type Row = Case | Case[];

const MISSING = "brak-takiego-rekordu";
const WRITE_ANY: Permission[] = ["nomination:write:council", "nomination:write:hg"];
/** A loader that answers 405 to everyone: the route only takes POSTs. */
const POST_ONLY = "public";
const missing = (key: string) => () => ({ [key]: MISSING });
const at = (p: string) => () => p;

const ROUTES: Record<string, Row> = {
  "$.tsx": { path: at("/nie-ma-takiej-strony"), params: () => ({ "*": "nie-ma-takiej-strony" }), get: "public" },
  "_index.tsx": { path: at("/"), get: "signed-in" },
  "account.password.tsx": { path: at("/account/password"), get: "signed-in", post: "signed-in" },
  "admin.calendar-feeds.tsx": { path: at("/admin/calendar-feeds"), get: "settings:manage", post: "settings:manage" },
  "admin.name-lexicon.$id.tsx": { path: at(`/admin/name-lexicon/${MISSING}`), params: missing("id"), get: "settings:manage", post: "settings:manage" },
  // An empty entry: an allowed role gets the form's errors (400), a forbidden one 403.
  "admin.name-lexicon._index.tsx": { path: at("/admin/name-lexicon"), get: "settings:manage", post: "settings:manage", fields: () => ({ kind: "SURNAME" }) },
  "admin.name-lexicon[.csv].ts": { path: at("/admin/name-lexicon.csv"), get: "settings:manage" },
  "admin.retention._index.tsx": { path: at("/admin/retention"), get: "personal-data:manage", post: "personal-data:manage" },
  "admin.retention.anonymise.tsx": { path: at("/admin/retention/anonymise"), get: "personal-data:manage", post: "personal-data:manage" },
  "admin.settings._index.tsx": { path: at("/admin/settings"), get: "settings:manage" },
  "admin.settings.printers.$id._index.tsx": {
    path: at("/admin/settings/printers/new"),
    params: () => ({ id: "new" }),
    get: "settings:manage",
    post: "settings:manage",
  },
  "admin.settings.printers.$id.delete.tsx": {
    path: at(`/admin/settings/printers/${MISSING}/delete`),
    params: missing("id"),
    get: "settings:manage",
    post: "settings:manage",
  },
  "admin.settings.signatories.$id._index.tsx": {
    path: at(`/admin/settings/signatories/${MISSING}`),
    params: missing("id"),
    get: "settings:manage",
    post: "settings:manage",
  },
  "admin.settings.signatories.$id.delete.tsx": {
    path: at(`/admin/settings/signatories/${MISSING}/delete`),
    params: missing("id"),
    get: "settings:manage",
    post: "settings:manage",
  },
  "admin.settings.emblems.$id.delete.tsx": {
    path: at(`/admin/settings/emblems/${MISSING}/delete`),
    params: missing("id"),
    get: "settings:manage",
    post: "settings:manage",
  },
  "admin.settings.emblems.new.tsx": { path: at("/admin/settings/emblems/new"), get: "settings:manage", post: "settings:manage" },
  "admin.settings.signatories.new.tsx": { path: at("/admin/settings/signatories/new?office=MAYOR"), get: "settings:manage", post: "settings:manage" },
  "admin.settings.values.$id._index.tsx": {
    path: (ids) => `/admin/settings/values/${ids.setting}`,
    params: (ids) => ({ id: ids.setting }),
    get: "settings:manage",
    post: "settings:manage",
    // A stale version: an allowed role gets 409 and nothing changes.
    fields: () => ({ value: "Zmienione przez test uprawnień.", validFrom: "1990-06-08", version: "999" }),
  },
  "admin.settings.values.$id.delete.tsx": {
    path: (ids) => `/admin/settings/values/${ids.setting}/delete`,
    params: (ids) => ({ id: ids.setting }),
    get: "settings:manage",
    post: "settings:manage",
    fields: () => ({ version: "999" }),
  },
  "admin.settings.values.new.tsx": { path: at("/admin/settings/values/new?key=clause.execution"), get: "settings:manage", post: "settings:manage" },
  "admin.users.$id.tsx": { path: at(`/admin/users/${MISSING}`), params: missing("id"), get: "user:manage", post: "user:manage" },
  "admin.users._index.tsx": { path: at("/admin/users"), get: "user:manage" },
  "admin.users.new.tsx": { path: at("/admin/users/new"), get: "user:manage", post: "user:manage" },
  "admin.venues.$id.tsx": { path: at(`/admin/venues/${MISSING}`), params: missing("id"), get: "settings:manage", post: "settings:manage" },
  "admin.venues._index.tsx": { path: at("/admin/venues"), get: "settings:manage", post: "settings:manage" },
  "audit.tsx": { path: at("/audit"), get: "audit:read" },
  "board.$honour.tsx": { path: at("/board/HONORIS_GRATIA"), params: () => ({ honour: "HONORIS_GRATIA" }), get: "nomination:read" },
  "board._index.tsx": { path: at("/board"), get: "nomination:read" },
  "calendar.$token.ts": { path: at(`/calendar/${MISSING}`), params: missing("token"), get: "public" },
  "candidates.$id._index.tsx": { path: (ids) => `/candidates/${ids.cmCandidate}`, params: (ids) => ({ id: ids.cmCandidate }), get: "nomination:read" },
  // Editing a candidate follows the honours they have: KP-04 (Honoris Gratia only) may not touch
  // the name forms of a medal candidate, printed on resolutions and diplomas.
  "candidates.$id.edit.tsx": [
    {
      name: "medal candidate",
      path: (ids) => `/candidates/${ids.cmCandidate}/edit`,
      params: (ids) => ({ id: ids.cmCandidate }),
      get: "nomination:write:council",
      post: "nomination:write:council",
      fields: candidateEdit,
    },
    {
      name: "Honoris Gratia candidate",
      path: (ids) => `/candidates/${ids.hgCandidate}/edit`,
      params: (ids) => ({ id: ids.hgCandidate }),
      get: "nomination:write:hg",
      post: "nomination:write:hg",
      fields: candidateEdit,
    },
  ],
  "candidates.$id.export.ts": {
    path: (ids) => `/candidates/${ids.cmCandidate}/export`,
    params: (ids) => ({ id: ids.cmCandidate }),
    get: "personal-data:manage",
  },
  "ceremonies.$id._index.tsx": { path: at(`/ceremonies/${MISSING}`), params: missing("id"), get: "ceremony:schedule", post: "ceremony:schedule" },
  "ceremonies.$id.calendar[.ics].ts": { path: at(`/ceremonies/${MISSING}/calendar.ics`), params: missing("id"), get: "ceremony:schedule" },
  "ceremonies.$id.edit.tsx": { path: at(`/ceremonies/${MISSING}/edit`), params: missing("id"), get: "ceremony:schedule", post: "ceremony:schedule" },
  "ceremonies.$id.handover-list[.pdf].ts": { path: at(`/ceremonies/${MISSING}/handover-list.pdf`), params: missing("id"), get: "ceremony:schedule" },
  "ceremonies.$id.invitations[.csv].ts": { path: at(`/ceremonies/${MISSING}/invitations.csv`), params: missing("id"), get: "ceremony:schedule" },
  "ceremonies.$id.programme.tsx": { path: at(`/ceremonies/${MISSING}/programme`), params: missing("id"), get: "ceremony:schedule", post: "ceremony:schedule" },
  "ceremonies.$id.programme[.pdf].ts": { path: at(`/ceremonies/${MISSING}/programme.pdf`), params: missing("id"), get: "ceremony:schedule" },
  "ceremonies._index.tsx": { path: at("/ceremonies"), get: "ceremony:schedule" },
  "ceremonies.new.tsx": { path: at("/ceremonies/new"), get: "ceremony:schedule", post: "ceremony:schedule" },
  "conferrals.$id.diploma.print.ts": { path: at(`/conferrals/${MISSING}/diploma/print`), params: missing("id"), get: POST_ONLY, post: "diploma:print" },
  "conferrals.$id.diploma.tsx": [
    { path: at(`/conferrals/${MISSING}/diploma`), params: missing("id"), get: ["diploma:text", "diploma:print"] },
    {
      name: "confirming the text",
      path: at(`/conferrals/${MISSING}/diploma`),
      params: missing("id"),
      post: "diploma:text",
      fields: () => ({ intent: "confirm", diplomaId: MISSING, hash: "x" }),
    },
  ],
  "conferrals.$id.diploma.preview.ts": { path: at(`/conferrals/${MISSING}/diploma/preview`), params: missing("id"), get: ["diploma:text", "diploma:print"] },
  "conferrals._index.tsx": { path: at("/conferrals"), get: "laureate:read" },
  "conferrals.export.ts": { path: at("/conferrals/export"), get: "laureate:read" },
  "diplomas._index.tsx": { path: at("/diplomas"), get: ["diploma:text", "diploma:print"] },
  "diplomas.batch.ts": { path: at("/diplomas/batch"), get: POST_ONLY, post: "diploma:print" },
  "diplomas.calibration.ts": { path: at("/diplomas/calibration"), get: ["diploma:print", "settings:manage"] },
  "drafts.$id.download.ts": { path: at(`/drafts/${MISSING}/download`), params: missing("id"), get: "resolution:draft" },
  "drafts.$id.tsx": { path: at(`/drafts/${MISSING}`), params: missing("id"), get: "resolution:draft", post: "resolution:draft" },
  "drafts._index.tsx": { path: at("/drafts"), get: "resolution:draft" },
  "hg.$id.tsx": { path: (ids) => `/hg/${ids.hg}`, params: (ids) => ({ id: ids.hg }), get: "nomination:read" },
  "hg._index.tsx": { path: at("/hg"), get: "nomination:read" },
  "hg.bulk.tsx": { path: at("/hg/bulk"), get: "hg:decide", post: "hg:decide" },
  "hg.decisions.$id.tsx": { path: at(`/hg/decisions/${MISSING}`), params: missing("id"), get: "nomination:read" },
  "hg.decisions.$id_.download.ts": { path: at(`/hg/decisions/${MISSING}/download`), params: missing("id"), get: "nomination:read" },
  "hg.decisions._index.tsx": { path: at("/hg/decisions"), get: "nomination:read" },
  "hg.export.ts": { path: at("/hg/export"), get: "nomination:read" },
  "hg.handover.tsx": { path: at("/hg/handover"), get: "ceremony:schedule", post: "ceremony:schedule" },
  "hg.new.tsx": { path: at("/hg/new"), get: "nomination:write:hg", post: "nomination:write:hg" },
  "hg.refusals.tsx": { path: at("/hg/refusals"), get: "nomination:read" },
  "hg.refusals_.letters.ts": { path: at("/hg/refusals/letters?format=pdf"), get: "nomination:read" },
  "hg.stats.tsx": { path: at("/hg/stats"), get: "nomination:read" },
  "hg.stats_.export.ts": { path: at("/hg/stats/export"), get: "nomination:read" },
  "hg.stock.tsx": { path: at("/hg/stock"), get: "nomination:read", post: "nomination:write:hg" },
  "import._index.tsx": { path: at("/import"), get: "settings:manage", post: "settings:manage" },
  "import.export.ts": { path: at("/import/export"), get: "laureate:read" },
  // No such dry run: an allowed role gets 404.
  "import.$id.errors[.csv].ts": {
    path: at("/import/00000000-0000-4000-8000-000000000000/errors.csv"),
    params: () => ({ id: "00000000-0000-4000-8000-000000000000" }),
    get: "settings:manage",
  },
  "login.tsx": { path: at("/login"), get: "public", post: "public" },
  "logout.tsx": { path: at("/logout"), get: "public", post: "public" },
  "nominations.$id._index.tsx": { path: (ids) => `/nominations/${ids.cm}`, params: (ids) => ({ id: ids.cm }), get: "nomination:read" },
  // An upload without a file: an allowed role gets the form's error (400), a forbidden one 403.
  "nominations.$id.attachments._index.tsx": [
    {
      name: "medal",
      path: (ids) => `/nominations/${ids.cm}/attachments`,
      params: (ids) => ({ id: ids.cm }),
      get: "nomination:read",
      post: "nomination:write:council",
      fields: () => ({ kind: "CV" }),
    },
    {
      name: "Honoris Gratia",
      path: (ids) => `/nominations/${ids.hg}/attachments`,
      params: (ids) => ({ id: ids.hg }),
      get: "nomination:read",
      post: "nomination:write:hg",
      fields: () => ({ kind: "CV" }),
    },
  ],
  "nominations.$id.attachments.$attachmentId.download.ts": {
    path: (ids) => `/nominations/${ids.cm}/attachments/${MISSING}/download`,
    params: (ids) => ({ id: ids.cm, attachmentId: MISSING }),
    get: "nomination:read",
  },
  "nominations.$id.attachments.$attachmentId.delete.tsx": [
    {
      name: "medal",
      path: (ids) => `/nominations/${ids.cm}/attachments/${MISSING}/delete`,
      params: (ids) => ({ id: ids.cm, attachmentId: MISSING }),
      get: "nomination:write:council",
      post: "nomination:write:council",
    },
    {
      name: "Honoris Gratia",
      path: (ids) => `/nominations/${ids.hg}/attachments/${MISSING}/delete`,
      params: (ids) => ({ id: ids.hg, attachmentId: MISSING }),
      get: "nomination:write:hg",
      post: "nomination:write:hg",
    },
  ],
  // A version nobody saw: an allowed role gets 409 (nothing written), a forbidden one 403.
  "nominations.$id.assignee.tsx": [
    {
      name: "medal",
      path: (ids) => `/nominations/${ids.cm}/assignee`,
      params: (ids) => ({ id: ids.cm }),
      post: "nomination:write:council",
      fields: () => ({ version: "999999", assigneeId: "" }),
    },
    {
      name: "Honoris Gratia",
      path: (ids) => `/nominations/${ids.hg}/assignee`,
      params: (ids) => ({ id: ids.hg }),
      post: "nomination:write:hg",
      fields: () => ({ version: "999999", assigneeId: "" }),
    },
  ],
  "nominations.$id.drafts.tsx": {
    path: (ids) => `/nominations/${ids.cm}/drafts`,
    params: (ids) => ({ id: ids.cm }),
    get: "resolution:draft",
    post: "resolution:draft",
  },
  "nominations.$id.edit.tsx": [
    {
      name: "medal",
      path: (ids) => `/nominations/${ids.cm}/edit`,
      params: (ids) => ({ id: ids.cm }),
      get: "nomination:write:council",
      post: "nomination:write:council",
      fields: () => nominationEdit("CRACOVIAE_MERENTI"),
    },
    {
      name: "Honoris Gratia",
      path: (ids) => `/nominations/${ids.hg}/edit`,
      params: (ids) => ({ id: ids.hg }),
      get: "nomination:write:hg",
      post: "nomination:write:hg",
      fields: () => nominationEdit("HONORIS_GRATIA"),
    },
  ],
  // A step page loads only for those who may take the step; allowed roles may find the step
  // unavailable in the nomination's state (409/422), never 403.
  "nominations.$id.step.$to.tsx": [
    ...(["COMPLETION_REQUESTED", "WITHDRAWN"] as const).map((to) => step("cm", to, "nomination:transition:council")),
    step("cm", "NUMBER_ASSIGNED", "conferral:number"),
    step("cm", "DIPLOMA_PRINTED", "diploma:print"),
    step("hg", "VERIFIED", "hg:decide"),
  ],
  "nominations._index.tsx": { path: at("/nominations"), get: "nomination:read" },
  "nominations.export.ts": { path: at("/nominations/export"), get: "nomination:read" },
  "nominations.new.tsx": [
    { path: at("/nominations/new"), get: WRITE_ANY },
    {
      name: "medal",
      path: at("/nominations/new"),
      post: "nomination:write:council",
      fields: () => personNomination({ "candidate.surname": `Macierz${Math.random()}`, "candidate.birthYear": undefined }),
    },
    {
      name: "Honoris Gratia",
      path: at("/nominations/new"),
      post: "nomination:write:hg",
      fields: () =>
        personNomination({
          honour: "HONORIS_GRATIA",
          requestedClass: undefined,
          "candidate.surname": `Macierz${Math.random()}`,
          "candidate.birthYear": undefined,
        }),
    },
  ],
  "rejestr.$publicId.tsx": { path: at(`/rejestr/${MISSING}`), params: missing("publicId"), get: "public" },
  "rejestr._index.tsx": { path: at("/rejestr"), get: "public" },
  "rejestr[.csv].ts": { path: at("/rejestr.csv"), get: "public" },
  "rejestr[.json].ts": { path: at("/rejestr.json"), get: "public" },
  "reports.$report.csv.ts": [
    { path: at("/reports/numbers/csv"), params: () => ({ report: "numbers" }), get: "laureate:read" },
    { name: "statuses", path: at("/reports/statuses/csv"), params: () => ({ report: "statuses" }), get: { all: ["laureate:read", "nomination:read"] } },
  ],
  "reports.$report.tsx": [
    { path: at("/reports/quota"), params: () => ({ report: "quota" }), get: "laureate:read" },
    { name: "statuses", path: at("/reports/statuses"), params: () => ({ report: "statuses" }), get: { all: ["laureate:read", "nomination:read"] } },
  ],
  "reports._index.tsx": { path: at("/reports"), get: "laureate:read" },
  "sitemap[.xml].ts": { path: at("/sitemap.xml"), get: "public" },
};

function candidateEdit(): Fields {
  // A stale version: an allowed role is refused with 409 (a conflict), never 403, and nothing changes.
  return {
    version: "999",
    "candidate.candidateKind": "PERSON",
    "candidate.givenNames": "Bolesław",
    "candidate.surname": "Zmieniony",
    "candidate.grammaticalGender": "MASCULINE",
  };
}

function nominationEdit(honour: "CRACOVIAE_MERENTI" | "HONORIS_GRATIA"): Fields {
  // A stale version, as above.
  return {
    version: "999",
    honour,
    requestedClass: honour === "CRACOVIAE_MERENTI" ? "SILVER" : undefined,
    receivedDate: "2025-03-10",
    merits: "Zmienione przez test uprawnień",
    "nominators[0].kind": "ORGANIZATION",
    "nominators[0].name": "Wnioskodawca",
  };
}

function step(nomination: "cm" | "hg", to: string, rule: Permission): Case {
  return {
    name: `${nomination} → ${to}`,
    path: (ids) => `/nominations/${ids[nomination]}/step/${to}`,
    params: (ids) => ({ id: ids[nomination], to }),
    get: rule,
    post: rule,
    fields: () => ({ version: "999", reason: "Test uprawnień." }),
  };
}

function allows(permissions: readonly string[], rule: Rule): boolean {
  if (rule === "public" || rule === "signed-in") return true;
  if (Array.isArray(rule)) return rule.some((p) => permissions.includes(p));
  if (typeof rule === "object") return rule.all.every((p) => permissions.includes(p));
  return permissions.includes(rule);
}

type Module = { loader?: (args: LoaderFunctionArgs) => Promise<unknown>; action?: (args: ActionFunctionArgs) => Promise<unknown> };

const ROUTES_DIR = path.resolve("app/routes");
const routeFiles = readdirSync(ROUTES_DIR)
  .filter((f) => /\.tsx?$/.test(f))
  .sort();
const modules = new Map<string, Module>();

let ids: Ids;

beforeAll(async () => {
  for (const file of routeFiles) modules.set(file, (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as Module);
  await signInAs(["KP09_SPECIALIST", "KP04_CLERK"]);
  const cm = await callAction(createNomination, "/nominations/new", personNomination({ "candidate.surname": "Medalowy" }));
  const hg = await callAction(
    createNomination,
    "/nominations/new",
    personNomination({ "candidate.surname": "Odznakowy", honour: "HONORIS_GRATIA", requestedClass: undefined }),
  );
  const cmId = cm.location!.split("/").pop()!;
  const hgId = hg.location!.split("/").pop()!;
  const cmCandidate = (await db().nomination.findUniqueOrThrow({ where: { id: cmId } })).candidateId;
  const hgCandidate = (await db().nomination.findUniqueOrThrow({ where: { id: hgId } })).candidateId;
  const setting = (await db().datedSetting.findFirstOrThrow({ where: { key: "clause.execution" } })).id;
  ids = { cm: cmId, hg: hgId, cmCandidate, hgCandidate, setting };
}, 120_000);

const casesOf = (row: Row) => (Array.isArray(row) ? row : [row]);

test("every route module in app/routes has a row in ROUTES, with GET and POST rules matching its loader and action", async () => {
  const problems: string[] = [];
  for (const file of routeFiles) {
    const row = ROUTES[file];
    if (!row) {
      problems.push(`app/routes/${file} has no row in the permission matrix: add it to ROUTES in tests/integration/permission-matrix.test.ts`);
      continue;
    }
    const mod = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as Module;
    const cases = casesOf(row);
    if (mod.loader && !cases.some((c) => c.get)) problems.push(`app/routes/${file} exports a loader but its row has no GET rule`);
    if (!mod.loader && cases.some((c) => c.get)) problems.push(`app/routes/${file} has a GET rule but no loader`);
    if (mod.action && !cases.some((c) => c.post)) problems.push(`app/routes/${file} exports an action but its row has no POST rule`);
    if (!mod.action && cases.some((c) => c.post)) problems.push(`app/routes/${file} has a POST rule but no action`);
  }
  for (const file of Object.keys(ROUTES)) if (!routeFiles.includes(file)) problems.push(`ROUTES names app/routes/${file}, which does not exist`);
  expect(problems, problems.join("\n")).toEqual([]);
});

async function snapshot() {
  const [nominations, candidates, audit, users, settings, sessions] = await Promise.all([
    db().nomination.findMany({ select: { id: true, version: true, status: true }, orderBy: { id: "asc" } }),
    db().candidate.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" } }),
    db().auditEvent.count(),
    db().user.count(),
    db().datedSetting.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" } }),
    db().session.count(),
  ]);
  return { nominations, candidates, audit, users, settings, sessions };
}

type Call = { file: string; label: string; method: "GET" | "POST"; rule: Rule; run: () => Promise<Answer<unknown>> };

function calls(): Call[] {
  const out: Call[] = [];
  for (const [file, row] of Object.entries(ROUTES)) {
    const mod = modules.get(file);
    if (!mod) continue;
    for (const c of casesOf(row)) {
      const label = `${file}${c.name ? ` (${c.name})` : ""}`;
      if (c.get && mod.loader) out.push({ file, label, method: "GET", rule: c.get, run: () => callLoader(mod.loader!, c.path(ids), c.params?.(ids) ?? {}) });
      if (c.post && mod.action)
        out.push({ file, label, method: "POST", rule: c.post, run: () => callAction(mod.action!, c.path(ids), c.fields?.(ids) ?? {}, c.params?.(ids) ?? {}) });
    }
  }
  return out;
}

const ROLES = DEFAULT_ROLES.map((r) => [r.key, r.permissions] as const);

describe.each(ROLES)("role %s", (roleKey, permissions) => {
  test("every route: allowed or 403, and a refused POST changes nothing", { timeout: 600_000 }, async () => {
    await signInAs(roleKey);
    const wrong: string[] = [];
    for (const call of calls()) {
      const before = call.method === "POST" ? await snapshot() : null;
      const answer = await call.run();
      const what = `${call.method} ${call.label}`;
      if (allows(permissions, call.rule)) {
        if (answer.status === 403) wrong.push(`${what}: refused (403), should be allowed`);
        if (call.rule !== "public" && /^\/login/.test(answer.location ?? "")) wrong.push(`${what}: sent to sign-in, should be allowed`);
      } else {
        if (answer.status !== 403) wrong.push(`${what}: answered ${answer.status}, should be refused with 403`);
        else if (!String(answer.data).startsWith("Brak uprawnienia: ")) wrong.push(`${what}: 403 without the Polish „Brak uprawnienia” message`);
        if (before) {
          const after = await snapshot();
          if (JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${what}: refused, but the database changed`);
        }
      }
      // A sign-out or a password change may end this role's session: start again.
      if (call.file === "logout.tsx" || call.file === "account.password.tsx") await signInAs(roleKey);
    }
    expect(wrong, wrong.join("\n")).toEqual([]);
  });
});

describe("anonymous", () => {
  test("every route but the public ones goes to sign-in and changes nothing", { timeout: 600_000 }, async () => {
    signOut();
    const wrong: string[] = [];
    for (const call of calls()) {
      const before = call.method === "POST" ? await snapshot() : null;
      const answer = await call.run();
      const what = `${call.method} ${call.label}`;
      if (call.rule === "public") {
        if (answer.status === 403 || /^\/login\?/.test(answer.location ?? "")) wrong.push(`${what}: public, but refused`);
        continue;
      }
      if (answer.status !== 302 || !/^\/login\?redirectTo=/.test(answer.location ?? ""))
        wrong.push(`${what}: answered ${answer.status} ${answer.location ?? ""}, should go to sign-in`);
      if (before && JSON.stringify(await snapshot()) !== JSON.stringify(before)) wrong.push(`${what}: the database changed`);
    }
    expect(wrong, wrong.join("\n")).toEqual([]);
  });
});
