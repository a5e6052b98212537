// The benchmark register: a temporary SQLite file under bench/.tmp/, migrated with the project's
// migrations, with the reference data, and filled with a large, deterministic, realistic set of
// nominations through raw multi-row INSERTs in a few big transactions (not Prisma per row).
//
// The database is built once per process and shared by every suite (the app's Prisma client is
// a process-wide singleton bound to DATABASE_URL, so there is one database per run anyway).
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createClient, type Client, type InStatement, type InValue } from "@libsql/client";
import { displayNameOf, foldedNameOf, sortNameOf, type CandidateNameInput } from "#app/domain/candidate";
import { numberSeriesOf, type Honour, type MedalClass, type NominatorKind } from "#app/domain/honours";
import { foldText } from "#app/domain/search-text";
import { CONFERRED_STATUSES, statusesOf, type Status } from "#app/domain/workflow";
import { CITIES, FEMALE_GIVEN, feminineOf, MALE_GIVEN, MERITS_SENTENCES, ORG_KINDS, ORG_OBJECTS, PERSON_TITLES, SEARCHED_SURNAME, SURNAMES } from "./names";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const BENCH_TMP = path.join(ROOT, "bench/.tmp");

/** Fixed so that every run builds the same register (the generator is seeded too). */
const FIRST_DAY = "1990-01-01";
const LAST_DAY = "2026-11-26";
/** Nominations received in the last two years may still be open; older ones are settled. */
const RECENT_FROM = "2024-11-26";
const SEED = 20261126;

export type Dataset = {
  file: string;
  url: string;
  nominations: number;
  counts: Record<string, number>;
  byHonour: Record<string, number>;
  byStatus: Record<string, number>;
  timings: { migrateMs: number; referenceMs: number; generateMs: number; insertMs: number; fillMs: number };
  sizeMb: number;
};

let building: Promise<Dataset> | undefined;

export function datasetSizeFromEnv(fallback = 100_000): number {
  const n = Number(process.env.BENCH_NOMINATIONS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The shared benchmark database; built on first call, then reused by later suites. */
export function benchDataset(): Promise<Dataset> {
  building ??= buildDataset(datasetSizeFromEnv());
  return building;
}

/** Closes the app's Prisma client if a suite used it, so the process can exit. */
export async function closeBenchDataset(): Promise<void> {
  if (!building) return;
  const { db } = await import("#app/utils/db.server");
  await db().$disconnect();
}

// ---------------------------------------------------------------- building

async function buildDataset(nominations: number): Promise<Dataset> {
  mkdirSync(BENCH_TMP, { recursive: true });
  const file = path.join(BENCH_TMP, "bench.db");
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  const url = `file:${file}`;
  // Before any app module reads the environment: env() and db() are read once and cached.
  process.env.DATABASE_URL = url;
  process.env.SEED_DEMO_DATA = "false";

  let t = performance.now();
  try {
    execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: "pipe",
    });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`prisma migrate deploy failed:\n${e.stdout?.toString() ?? ""}${e.stderr?.toString() ?? ""}`);
  }
  const migrateMs = performance.now() - t;

  t = performance.now();
  const { seedReferenceData } = await import("../../prisma/seed/reference");
  await seedReferenceData();
  const referenceMs = performance.now() - t;

  const client = createClient({ url });
  try {
    const fillStart = performance.now();
    const terms = (await client.execute(`SELECT id, number, startDate, endDate FROM "CouncilTerm" ORDER BY startDate DESC`)).rows.map((r) => ({
      id: String(r.id),
      number: Number(r.number),
      startDate: String(r.startDate),
      endDate: r.endDate === null ? null : String(r.endDate),
    }));
    const { searchTextOf } = await import("#app/models/candidate.server");
    const rows = generate(nominations, terms, searchTextOf);
    const generateMs = performance.now() - fillStart;

    t = performance.now();
    // Connection-level settings of the filling connection only; the app's connection keeps the defaults.
    await client.execute("PRAGMA synchronous = OFF");
    await client.execute("PRAGMA cache_size = -262144");
    await insertRows(client, "Candidate", CANDIDATE_COLUMNS, rows.candidates);
    await insertRows(client, "Nomination", NOMINATION_COLUMNS, rows.nominations);
    await insertRows(client, "Nominator", NOMINATOR_COLUMNS, rows.nominators);
    await insertRows(client, "Conferral", CONFERRAL_COLUMNS, rows.conferrals);
    const insertMs = performance.now() - t;
    const fillMs = performance.now() - fillStart;

    const counts: Record<string, number> = {};
    for (const table of ["CouncilTerm", "Candidate", "Nomination", "Nominator", "Conferral"]) {
      counts[table] = Number((await client.execute(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n);
    }
    const group = async (column: string) =>
      Object.fromEntries(
        (await client.execute(`SELECT "${column}" AS k, count(*) AS n FROM "Nomination" GROUP BY 1 ORDER BY 2 DESC`)).rows.map((r) => [
          String(r.k),
          Number(r.n),
        ]),
      );
    const byHonour = await group("honour");
    const byStatus = await group("status");
    return {
      file,
      url,
      nominations,
      counts,
      byHonour,
      byStatus,
      timings: { migrateMs, referenceMs, generateMs, insertMs, fillMs },
      sizeMb: statSync(file).size / 1024 / 1024,
    };
  } finally {
    client.close();
  }
}

// ---------------------------------------------------------------- raw inserts

const MAX_PARAMS = 32_000; // SQLite in libsql: SQLITE_MAX_VARIABLE_NUMBER = 32766

/** Multi-row INSERTs as large as the parameter limit allows, all in one write transaction. */
export async function insertRows(client: Client, table: string, columns: readonly string[], rows: InValue[][]) {
  if (rows.length === 0) return;
  const perStatement = Math.floor(MAX_PARAMS / columns.length);
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const statements: InStatement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    statements.push({ sql: head + Array(chunk.length).fill(tuple).join(", "), args: chunk.flat() });
  }
  await client.batch(statements, "write");
}

const CANDIDATE_COLUMNS = [
  "id",
  "kind",
  "givenNames",
  "surname",
  "organizationName",
  "shortName",
  "grammaticalGender",
  "birthYear",
  "deceased",
  "title",
  "city",
  "nameNominative",
  "displayName",
  "sortName",
  "foldedName",
  "createdAt",
  "updatedAt",
] as const;

const NOMINATION_COLUMNS = [
  "id",
  "honour",
  "requestedClass",
  "status",
  "candidateId",
  "councilTermId",
  "receivedDate",
  "roundYear",
  "caseReference",
  "merits",
  "opinion",
  "dueDate",
  "closingReason",
  "searchText",
  "sortName",
  "createdAt",
  "updatedAt",
] as const;

const NOMINATOR_COLUMNS = ["id", "nominationId", "kind", "name", "contact", "position"] as const;

const CONFERRAL_COLUMNS = [
  "id",
  "publicId",
  "nominationId",
  "candidateId",
  "honour",
  "medalClass",
  "numberSeries",
  "number",
  "conferredOn",
  "handedOverOn",
  "handoverPlace",
  "citation",
  "createdAt",
] as const;

// ---------------------------------------------------------------- generating

type Term = { id: string; number: number; startDate: string; endDate: string | null };
type SearchTextOf = (candidateFolded: string, shortName: string, nominators: { name: string }[]) => string;
type Candidate = { id: string; kind: "PERSON" | "ORGANIZATION"; foldedName: string; shortName: string; sortName: string };

/** mulberry32: small, fast, seeded; the register is the same on every run. */
export function rngOf(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const weighted = <T>(pairs: readonly (readonly [T, number])[]): T => {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1]![0];
  };
  const chance = (p: number) => next() < p;
  return { next, int, pick, weighted, chance };
}
type Rng = ReturnType<typeof rngOf>;

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => isoOf(dayOf(iso) + days);
const minIso = (a: string, b: string) => (a < b ? a : b);
function addOneMonth(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate(); // days in the next month
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}
const instantOf = (iso: string) => `${iso}T09:00:00.000+00:00`; // Prisma's DateTime text form

/** cuid-like ids: 25 characters, roughly increasing in creation order like Prisma's cuid(). */
function idMaker(rng: Rng) {
  let counter = 0;
  const base = Date.parse("2026-11-01T00:00:00Z");
  const rand = (n: number) => Array.from({ length: n }, () => "0123456789abcdefghijklmnopqrstuvwxyz"[Math.floor(rng.next() * 36)]).join("");
  return () => `c${(base + counter).toString(36)}${(counter++ % 1_679_616).toString(36).padStart(4, "0")}${rand(12)}`;
}

const FAILED_FINAL: readonly Status[] = ["OPINION_NEGATIVE", "REJECTED", "REFUSED", "WITHDRAWN", "CLOSED"];

/** Where nominations of one honour end up: old ones are settled, recent ones may be open. */
function statusModelOf(honour: Honour) {
  const all = statusesOf(honour);
  const conferred = all.filter((s) => CONFERRED_STATUSES.includes(s) || s === "CLOSED");
  const failed = all.filter((s) => FAILED_FINAL.includes(s));
  const open = all.filter((s) => !conferred.includes(s) && !failed.includes(s));
  const w = (s: Status, table: Partial<Record<Status, number>>, fallback: number) => [s, table[s] ?? fallback] as const;
  return {
    oldConferred: conferred.map((s) => w(s, { HANDED_OVER: 40, CLOSED: 50 }, 2)),
    oldOther: [
      ...failed.map((s) => w(s, { CLOSED: 40, WITHDRAWN: 25 }, 10)),
      ...open.map((s) => [s, 1] as const), // a few stale files
    ],
    recentConferred: conferred.map((s) => [s, 1] as const),
    recentOther: [...open.map((s) => [s, 3] as const), ...failed.map((s) => [s, 1] as const)],
  };
}

const AFTER_POSITIVE_OPINION: readonly Status[] = [
  "OPINION_POSITIVE",
  "DRAFT_PREPARED",
  "FORWARDED",
  "ADOPTED",
  "REJECTED",
  "NUMBER_ASSIGNED",
  "DIPLOMA_PRINTED",
  "HANDED_OVER",
];

const CLOSING_REASONS: Partial<Record<Status, string>> = {
  WITHDRAWN: "Wnioskodawca wycofał wniosek pismem.",
  REJECTED: "Rada Miasta Krakowa nie podjęła uchwały.",
  REFUSED: "Prezydent Miasta Krakowa odmówił nadania odznaki.",
  OPINION_NEGATIVE: "Negatywna opinia komisji.",
};

const NOMINATOR_KINDS_OF: Record<Honour, readonly (readonly [NominatorKind, number])[]> = {
  CRACOVIAE_MERENTI: [
    ["PERSON", 40],
    ["ORGANIZATION", 40],
    ["MAYOR", 10],
    ["MEDAL_COMMISSION", 10],
  ],
  HONORARY_CITIZENSHIP: [
    ["MAYOR", 30],
    ["COUNCIL_CHAIR", 20],
    ["COUNCILLORS", 30],
    ["RESIDENTS", 20],
  ],
  HONORIS_GRATIA: [
    ["PERSON", 40],
    ["ORGANIZATION", 60],
  ],
};

const CASE_PREFIX: Record<Honour, string> = {
  CRACOVIAE_MERENTI: "KP-09.0012",
  HONORARY_CITIZENSHIP: "KP-09.0013",
  HONORIS_GRATIA: "KP-04.0051",
};

function personName(rng: Rng) {
  const feminine = rng.chance(0.45);
  const given = feminine ? FEMALE_GIVEN : MALE_GIVEN;
  const givenNames = rng.chance(0.12) ? `${rng.pick(given)} ${rng.pick(given)}` : rng.pick(given);
  let surname: string = rng.chance(0.004) ? SEARCHED_SURNAME : rng.pick(SURNAMES);
  if (rng.chance(0.05)) surname = `${surname}-${rng.pick(SURNAMES)}`;
  if (feminine) surname = surname.split("-").map(feminineOf).join("-");
  return { givenNames, surname, feminine };
}

function organizationName(rng: Rng) {
  const name = `${rng.pick(ORG_KINDS)} ${rng.pick(ORG_OBJECTS)}${rng.chance(0.5) ? " w Krakowie" : ""}`;
  const shortName = name
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}]/gu, ""))
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
  return { name, shortName };
}

function nominatorName(rng: Rng, kind: NominatorKind): string {
  switch (kind) {
    case "PERSON": {
      const p = personName(rng);
      return `${p.givenNames} ${p.surname}`;
    }
    case "ORGANIZATION":
      return organizationName(rng).name;
    case "MAYOR":
      return "Prezydent Miasta Krakowa";
    case "COUNCIL_CHAIR":
      return "Przewodniczący Rady Miasta Krakowa";
    case "COUNCILLORS": {
      const p = personName(rng);
      return `Grupa radnych Miasta Krakowa (${rng.int(3, 12)} radnych), reprezentant: ${p.givenNames} ${p.surname}`;
    }
    case "RESIDENTS":
      return `Grupa mieszkańców Krakowa (${rng.int(300, 2500)} podpisów)`;
    case "MEDAL_COMMISSION":
      return "Komisja Medalu „Cracoviae Merenti”";
  }
}

function meritsOf(rng: Rng): string {
  const n = rng.int(2, 7);
  return Array.from({ length: n }, () => rng.pick(MERITS_SENTENCES)).join(" ");
}

function generate(count: number, terms: Term[], searchTextOf: SearchTextOf) {
  const rng = rngOf(SEED);
  const newId = idMaker(rng);
  const first = dayOf(FIRST_DAY);
  const span = dayOf(LAST_DAY) - first;
  const models = {
    CRACOVIAE_MERENTI: statusModelOf("CRACOVIAE_MERENTI"),
    HONORARY_CITIZENSHIP: statusModelOf("HONORARY_CITIZENSHIP"),
    HONORIS_GRATIA: statusModelOf("HONORIS_GRATIA"),
  };
  // terms sorted by startDate desc: the first match is the latest start, as councilTermOn().
  const termOn = (date: string) => terms.find((t) => t.startDate <= date && (t.endDate === null || t.endDate >= date));
  const caseSeq = new Map<string, number>();

  const candidates: InValue[][] = [];
  const known: Candidate[] = [];
  const nominations: InValue[][] = [];
  const nominators: InValue[][] = [];
  type ConferralDraft = {
    nominationId: string;
    candidateId: string;
    honour: Honour;
    medalClass: MedalClass | null;
    status: Status;
    conferredOn: string;
    handedOverOn: string | null;
  };
  const drafts: ConferralDraft[] = [];

  const newCandidate = (kind: "PERSON" | "ORGANIZATION", receivedDate: string): Candidate => {
    const id = newId();
    const created = instantOf(receivedDate);
    if (kind === "PERSON") {
      const p = personName(rng);
      const names: CandidateNameInput = { kind, givenNames: p.givenNames, surname: p.surname, organizationName: "" };
      const c = { id, kind, foldedName: foldedNameOf(names), shortName: "", sortName: sortNameOf(names) };
      const displayName = displayNameOf(names);
      candidates.push([
        id,
        kind,
        p.givenNames,
        p.surname,
        "",
        "",
        p.feminine ? "FEMININE" : "MASCULINE",
        Number(receivedDate.slice(0, 4)) - rng.int(30, 90),
        rng.chance(0.05) ? 1 : 0,
        rng.pick(PERSON_TITLES),
        rng.pick(CITIES),
        displayName,
        displayName,
        c.sortName,
        c.foldedName,
        created,
        created,
      ]);
      return c;
    }
    const o = organizationName(rng);
    const names: CandidateNameInput = { kind, givenNames: "", surname: "", organizationName: o.name };
    const c = { id, kind, foldedName: foldedNameOf(names), shortName: o.shortName, sortName: sortNameOf(names) };
    const displayName = displayNameOf(names);
    candidates.push([
      id,
      kind,
      "",
      "",
      o.name,
      o.shortName,
      null,
      null,
      0,
      "",
      rng.pick(CITIES),
      displayName,
      displayName,
      c.sortName,
      c.foldedName,
      created,
      created,
    ]);
    return c;
  };

  for (let i = 0; i < count; i++) {
    const honour = rng.weighted<Honour>([
      ["CRACOVIAE_MERENTI", 50],
      ["HONORIS_GRATIA", 35],
      ["HONORARY_CITIZENSHIP", 15],
    ]);
    const receivedDate = isoOf(first + rng.int(0, span));
    const year = Number(receivedDate.slice(0, 4));
    const recent = receivedDate >= RECENT_FROM;
    const conferred = rng.chance(1 / 3);
    const model = models[honour];
    const status = rng.weighted(recent ? (conferred ? model.recentConferred : model.recentOther) : conferred ? model.oldConferred : model.oldOther);

    // Honorary Citizenship is for persons; some candidates are nominated again (another honour or class).
    const kind = honour !== "HONORARY_CITIZENSHIP" && rng.chance(0.15) ? "ORGANIZATION" : "PERSON";
    let candidate: Candidate | undefined;
    if (known.length > 0 && rng.chance(0.08)) {
      const again = known[rng.int(0, known.length - 1)]!;
      if (again.kind === kind) candidate = again;
    }
    if (!candidate) {
      candidate = newCandidate(kind, receivedDate);
      known.push(candidate);
    }

    const id = newId();
    const requestedClass: MedalClass | null =
      honour === "CRACOVIAE_MERENTI"
        ? rng.weighted<MedalClass>([
            ["GOLD", 10],
            ["SILVER", 30],
            ["BRONZE", 60],
          ])
        : null;
    const nominatorKind = rng.weighted(NOMINATOR_KINDS_OF[honour]);
    const nominator = { kind: nominatorKind, name: nominatorName(rng, nominatorKind) };
    const seqKey = `${honour}/${year}`;
    const seq = (caseSeq.get(seqKey) ?? 0) + 1;
    caseSeq.set(seqKey, seq);
    const opinion =
      honour === "HONORIS_GRATIA"
        ? null
        : status === "OPINION_NEGATIVE"
          ? "NEGATIVE"
          : AFTER_POSITIVE_OPINION.includes(status) || (status === "CLOSED" && conferred)
            ? "POSITIVE"
            : null;
    const created = instantOf(receivedDate);
    nominations.push([
      id,
      honour,
      requestedClass,
      status,
      candidate.id,
      termOn(receivedDate)?.id ?? null,
      receivedDate,
      honour === "HONORARY_CITIZENSHIP" ? year : null,
      `${CASE_PREFIX[honour]}.${seq}.${year}`,
      meritsOf(rng),
      opinion,
      honour === "HONORIS_GRATIA" ? addOneMonth(receivedDate) : null,
      CLOSING_REASONS[status] ?? "",
      searchTextOf(candidate.foldedName, candidate.shortName, [nominator]),
      candidate.sortName,
      created,
      created,
    ]);
    nominators.push([newId(), id, nominator.kind, nominator.name, "", 0]);

    if (conferred) {
      const conferredOn = minIso(addDays(receivedDate, rng.int(60, 330)), LAST_DAY);
      const handedOver = status === "HANDED_OVER" || status === "CLOSED";
      drafts.push({
        nominationId: id,
        candidateId: candidate.id,
        honour,
        medalClass: requestedClass,
        status,
        conferredOn,
        handedOverOn: handedOver ? minIso(addDays(conferredOn, rng.int(7, 90)), LAST_DAY) : null,
      });
    }
  }

  // Medal and badge numbers run per series, for all time, in order of conferral.
  drafts.sort((a, b) => (a.conferredOn < b.conferredOn ? -1 : a.conferredOn > b.conferredOn ? 1 : 0));
  const nextNumber = new Map<string, number>();
  const conferrals = drafts.map((d, i): InValue[] => {
    const series = numberSeriesOf(d.honour, d.medalClass);
    const numbered = series !== null && !(d.honour === "CRACOVIAE_MERENTI" && d.status === "ADOPTED");
    let number: number | null = null;
    if (numbered) {
      number = (nextNumber.get(series) ?? 0) + 1;
      nextNumber.set(series, number);
    }
    return [
      newId(),
      `b${i.toString(36).padStart(5, "0")}${Math.floor(rng.next() * 36 ** 5)
        .toString(36)
        .padStart(5, "0")}`,
      d.nominationId,
      d.candidateId,
      d.honour,
      d.medalClass,
      numbered ? series : null,
      number,
      d.conferredOn,
      d.handedOverOn,
      d.handedOverOn ? "Sala Obrad Rady Miasta Krakowa" : "",
      "Za zasługi dla Krakowa.",
      instantOf(d.conferredOn),
    ];
  });

  return { candidates, nominations, nominators, conferrals };
}

/** How many rows of the register a search for `term` should find (for sanity checks). */
export async function countSearchMatches(file: string, term: string): Promise<number> {
  const client = createClient({ url: `file:${file}` });
  try {
    const r = await client.execute({ sql: `SELECT count(*) AS n FROM "Nomination" WHERE instr(searchText, ?) > 0`, args: [foldText(term)] });
    return Number(r.rows[0]!.n);
  } finally {
    client.close();
  }
}
