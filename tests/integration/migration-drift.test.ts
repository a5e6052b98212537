// The migrations and the schema must describe the same database: a migration forgotten after a
// schema change, or edited by hand, fails here.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterAll, expect, inject, test } from "vitest";
import { ROOT } from "../setup/template-db";

async function shape(client: Client) {
  const tables = await client.execute(
    // The trigram search indexes (FTS5 tables and their shadow tables) are outside Prisma's schema:
    // checked by the next tests.
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' AND name NOT LIKE 'NominationSearch%' AND name NOT LIKE 'CandidateSearch%' ORDER BY name",
  );
  const out: Record<string, unknown> = {};
  for (const row of tables.rows) {
    const table = String(row.name);
    const columns = await client.execute(`PRAGMA table_info("${table}")`);
    const indexes = await client.execute(`PRAGMA index_list("${table}")`);
    const indexShapes = [];
    for (const idx of indexes.rows) {
      const cols = await client.execute(`PRAGMA index_info("${String(idx.name)}")`);
      indexShapes.push({ name: idx.name, unique: idx.unique, columns: cols.rows.map((c) => c.name) });
    }
    const foreignKeys = await client.execute(`PRAGMA foreign_key_list("${table}")`);
    out[table] = {
      columns: columns.rows.map((c) => ({ name: c.name, type: c.type, notnull: c.notnull, default: c.dflt_value, pk: c.pk })),
      indexes: indexShapes.sort((a, b) => String(a.name).localeCompare(String(b.name))),
      foreignKeys: foreignKeys.rows.map((f) => ({ table: f.table, from: f.from, to: f.to, onDelete: f.on_delete })),
    };
  }
  return out;
}

/** Splits at the commas that are not inside parentheses. */
function topLevelItems(body: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "(") depth++;
    else if (body[i] === ")") depth--;
    else if (body[i] === "," && depth === 0) {
      items.push(body.slice(start, i));
      start = i + 1;
    }
  }
  return [...items, body.slice(start)];
}

/**
 * A CREATE statement as SQLite keeps it, with only spacing and quoting normalised: a column added
 * by ALTER TABLE is written differently from one in a fresh CREATE TABLE, but a partial index's
 * WHERE, a DESC, a CHECK or a foreign key's ON DELETE still differ. A table's items are sorted:
 * PRAGMA table_info (above) checks the column order.
 */
function normalisedSql(sql: string): string {
  const flat = sql
    .replace(/\s+/g, " ")
    .replace(/\s*([(),;=])\s*/g, "$1")
    .replaceAll('"', "")
    .trim();
  const table = /^(CREATE TABLE [^(]+)\((.*)\)$/i.exec(flat);
  return table ? `${table[1]}(${topLevelItems(table[2]!).sort().join(",")})` : flat;
}

async function statements(client: Client) {
  const rows = await client.execute(
    "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' AND name NOT LIKE 'NominationSearch%' AND name NOT LIKE 'CandidateSearch%' ORDER BY type, name",
  );
  return Object.fromEntries(rows.rows.map((r) => [`${String(r.type)} ${String(r.name)}`, normalisedSql(String(r.sql))]));
}

const dir = mkdtempSync(path.join(os.tmpdir(), "merenti-drift-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a database built from the migrations equals one built from the schema", async () => {
  const script = execFileSync(
    path.join(ROOT, "node_modules/.bin/prisma"),
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  const fromSchema = createClient({ url: `file:${path.join(dir, "schema.db")}` });
  await fromSchema.executeMultiple(script);
  const fromMigrations = createClient({ url: `file:${inject("templateDb")}` });

  const expected = await shape(fromSchema);
  const actual = await shape(fromMigrations);
  expect(Object.keys(actual).length).toBeGreaterThan(20);
  expect(actual).toEqual(expected);
  expect(await statements(fromMigrations)).toEqual(await statements(fromSchema));
  fromSchema.close();
  fromMigrations.close();
});

test("the migrations keep the name-search index and its triggers in step with nominations", async () => {
  copyFileSync(inject("templateDb"), path.join(dir, "search.db"));
  const db = createClient({ url: `file:${path.join(dir, "search.db")}` });
  const triggers = await db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Nomination' ORDER BY name");
  expect(triggers.rows.map((r) => r.name)).toEqual(["Nomination_search_ad", "Nomination_search_ai", "Nomination_search_au"]);

  await db.executeMultiple(`
    INSERT INTO "Candidate" (id, kind, displayName, sortName, foldedName, updatedAt) VALUES ('c1', 'PERSON', 'X', 'x', 'x', CURRENT_TIMESTAMP);
    INSERT INTO "Nomination" (id, honour, status, candidateId, receivedDate, searchText, sortName, updatedAt)
      VALUES ('n1', 'HONORIS_GRATIA', 'RECEIVED', 'c1', '2026-01-01', 'jan zolkiewski | fundacja', 'zolkiewski jan', CURRENT_TIMESTAMP);
  `);
  const find = async (term: string) =>
    (await db.execute({ sql: `SELECT nominationId FROM NominationSearch WHERE NominationSearch MATCH ?`, args: [`"${term}"`] })).rows.map(
      (r) => r.nominationId,
    );
  expect(await find("zolkiew")).toEqual(["n1"]);
  await db.execute(`UPDATE "Nomination" SET searchText = 'jan rajcic' WHERE id = 'n1'`);
  expect(await find("zolkiew")).toEqual([]);
  expect(await find("rajcic")).toEqual(["n1"]);
  await db.execute(`DELETE FROM "Nomination" WHERE id = 'n1'`);
  expect(await find("rajcic")).toEqual([]);
  db.close();
});

test("the migrations keep the public registry's name index and its triggers in step with candidates", async () => {
  copyFileSync(inject("templateDb"), path.join(dir, "candidate-search.db"));
  const db = createClient({ url: `file:${path.join(dir, "candidate-search.db")}` });
  const triggers = await db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Candidate' ORDER BY name");
  expect(triggers.rows.map((r) => r.name)).toEqual(["Candidate_search_ad", "Candidate_search_ai", "Candidate_search_au"]);

  await db.execute(
    `INSERT INTO "Candidate" (id, kind, displayName, sortName, foldedName, updatedAt) VALUES ('c1', 'PERSON', 'X', 'x', 'jan zolkiewski', CURRENT_TIMESTAMP)`,
  );
  const find = async (term: string) =>
    (await db.execute({ sql: `SELECT candidateId FROM CandidateSearch WHERE CandidateSearch MATCH ?`, args: [`"${term}"*`] })).rows.map((r) => r.candidateId);
  expect(await find("zolkiew")).toEqual(["c1"]);
  await db.execute(`UPDATE "Candidate" SET foldedName = 'goran rajcic' WHERE id = 'c1'`);
  expect(await find("zolkiew")).toEqual([]);
  expect(await find("rajcic")).toEqual(["c1"]);
  await db.execute(`DELETE FROM "Candidate" WHERE id = 'c1'`);
  expect(await find("rajcic")).toEqual([]);
  db.close();
});

test("the snapshot the next migration is diffed from is the schema itself", () => {
  // A schema change without its migration leaves the snapshot behind: npm run migration:create updates both.
  const snapshot = readFileSync(path.join(ROOT, "prisma/migrations/schema.snapshot.prisma"), "utf8");
  expect(snapshot, "prisma/migrations/schema.snapshot.prisma differs from prisma/schema.prisma: run npm run migration:create").toBe(
    readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8"),
  );
});

test("the normalised statements keep what a migration can get wrong", () => {
  expect(normalisedSql('CREATE TABLE "A" (\n  "id" TEXT NOT NULL PRIMARY KEY,\n  "b" TEXT\n)')).toBe(
    normalisedSql("CREATE TABLE A (b TEXT, id TEXT NOT NULL PRIMARY KEY)"),
  );
  expect(normalisedSql('CREATE INDEX "i" ON "A"("b" DESC)')).not.toBe(normalisedSql('CREATE INDEX "i" ON "A"("b")'));
  expect(normalisedSql('CREATE INDEX "i" ON "A"("b") WHERE "b" IS NOT NULL')).not.toBe(normalisedSql('CREATE INDEX "i" ON "A"("b")'));
  expect(normalisedSql('CREATE TABLE "A" ("b" TEXT, CONSTRAINT "f" FOREIGN KEY ("b") REFERENCES "B" ("id") ON DELETE CASCADE)')).not.toBe(
    normalisedSql('CREATE TABLE "A" ("b" TEXT, CONSTRAINT "f" FOREIGN KEY ("b") REFERENCES "B" ("id") ON DELETE SET NULL)'),
  );
  expect(normalisedSql('CREATE TABLE "A" ("b" INTEGER CHECK ("b" > 0))')).not.toBe(normalisedSql('CREATE TABLE "A" ("b" INTEGER)'));
});
