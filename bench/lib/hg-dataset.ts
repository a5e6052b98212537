// Honoris Gratia rows for the desk's benchmark, added to the shared benchmark database
// (bench/lib/dataset.ts): open applications with due dates around today (the deadline board)
// and batches of verified ones for the bulk grant. Raw multi-row INSERTs, deterministic.
import { randomUUID } from "node:crypto";
import { createClient, type Client, type InStatement, type InValue } from "@libsql/client";
import { displayNameOf, foldedNameOf, sortNameOf } from "#app/domain/candidate";
import { addDays } from "#app/domain/polish-dates";
import { foldText } from "#app/domain/search-text";
import { CITIES, FEMALE_GIVEN, feminineOf, MALE_GIVEN, SURNAMES } from "./names";

const MAX_PARAMS = 32_000;

async function insert(client: Client, table: string, columns: readonly string[], rows: InValue[][]) {
  const per = Math.floor(MAX_PARAMS / columns.length);
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const statements: InStatement[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    statements.push({ sql: head + Array(chunk.length).fill(tuple).join(", "), args: chunk.flat() });
  }
  await client.batch(statements, "write");
}

export type HgRowsSpec = { count: number; statuses: readonly string[]; today: string; caseReference: string; receivedDaysAgo: (i: number) => number };

/** Inserts `count` one-laureate applications; answers their nominations' ids. */
export async function addHgApplications(url: string, spec: HgRowsSpec): Promise<string[]> {
  const client = createClient({ url });
  const candidates: InValue[][] = [];
  const applications: InValue[][] = [];
  const nominations: InValue[][] = [];
  const nominators: InValue[][] = [];
  const ids: string[] = [];
  const stamp = `${spec.today}T09:00:00.000+00:00`;
  for (let i = 0; i < spec.count; i++) {
    const feminine = i % 2 === 1;
    const pool = feminine ? FEMALE_GIVEN : MALE_GIVEN;
    const givenNames = pool[i % pool.length]!;
    const base = SURNAMES[(i * 7) % SURNAMES.length]!;
    const names = { kind: "PERSON" as const, givenNames, surname: feminine ? feminineOf(base) : base, organizationName: "" };
    const candidateId = randomUUID();
    const applicationId = randomUUID();
    const nominationId = randomUUID();
    const received = addDays(spec.today, -spec.receivedDaysAgo(i));
    const applicant = `Stowarzyszenie nr ${i % 400}`;
    const channel = i % 3 === 0 ? "EPUAP" : "PAPER";
    candidates.push([
      candidateId,
      "PERSON",
      names.givenNames,
      names.surname,
      displayNameOf(names),
      displayNameOf(names),
      sortNameOf(names),
      foldedNameOf(names),
      CITIES[i % CITIES.length]!,
      stamp,
      stamp,
    ]);
    applications.push([
      applicationId,
      channel,
      channel === "EPUAP" ? `BENCH-${spec.caseReference}-${i}` : null,
      received,
      "ORGANIZATION",
      applicant,
      spec.caseReference,
    ]);
    nominations.push([
      nominationId,
      "HONORIS_GRATIA",
      spec.statuses[i % spec.statuses.length]!,
      candidateId,
      received,
      spec.caseReference,
      addDays(received, 30),
      applicationId,
      `${foldedNameOf(names)} | ${foldText(applicant)}`,
      sortNameOf(names),
      stamp,
      stamp,
    ]);
    nominators.push([randomUUID(), nominationId, "ORGANIZATION", applicant]);
    ids.push(nominationId);
  }
  try {
    await insert(
      client,
      "Candidate",
      ["id", "kind", "givenNames", "surname", "nameNominative", "displayName", "sortName", "foldedName", "city", "createdAt", "updatedAt"],
      candidates,
    );
    await insert(
      client,
      "HonorisGratiaApplication",
      ["id", "channel", "epuapSubmissionId", "receivedDate", "applicantKind", "applicantName", "caseReference"],
      applications,
    );
    await insert(
      client,
      "Nomination",
      [
        "id",
        "honour",
        "status",
        "candidateId",
        "receivedDate",
        "caseReference",
        "dueDate",
        "hgApplicationId",
        "searchText",
        "sortName",
        "createdAt",
        "updatedAt",
      ],
      nominations,
    );
    await insert(client, "Nominator", ["id", "nominationId", "kind", "name"], nominators);
  } finally {
    client.close();
  }
  return ids;
}
