// The public registry's benchmark data: the shared benchmark register (bench/lib/dataset.ts,
// whose conferred nominations have conferrals) topped up with historical conferrals of new
// candidates until there are BENCH_CONFERRALS (default 100 000) conferrals, some of them
// with a diploma and its verification code. Deterministic, like the shared register.
import { createClient, type InValue } from "@libsql/client";
import { displayNameOf, foldedNameOf, sortNameOf, type CandidateNameInput } from "#app/domain/candidate";
import { VERIFICATION_ALPHABET } from "#app/domain/diploma";
import { benchDataset, insertRows, rngOf, type Dataset } from "./dataset";
import { FEMALE_GIVEN, feminineOf, MALE_GIVEN, SURNAMES } from "./names";

/** A surname with letters beyond Polish: "rajcic" must find it. */
export const FOREIGN_SURNAME = "Rajčić";
const SEED = 10_000_10;

export type RegistryDataset = Dataset & {
  conferrals: number;
  /** publicIds of public conferrals, for permalink requests. */
  samplePublicIds: string[];
  /** Verification codes of diplomas of public conferrals. */
  sampleCodes: string[];
};

export function conferralCountFromEnv(fallback = 100_000): number {
  const n = Number(process.env.BENCH_CONFERRALS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

let building: Promise<RegistryDataset> | undefined;

export function registryDataset(): Promise<RegistryDataset> {
  building ??= build(conferralCountFromEnv());
  return building;
}

const CANDIDATE_COLUMNS = [
  "id",
  "kind",
  "givenNames",
  "surname",
  "grammaticalGender",
  "nameNominative",
  "displayName",
  "sortName",
  "foldedName",
  "createdAt",
  "updatedAt",
] as const;
const CONFERRAL_COLUMNS = [
  "id",
  "publicId",
  "candidateId",
  "honour",
  "medalClass",
  "numberSeries",
  "number",
  "conferredOn",
  "handedOverOn",
  "handoverPlace",
  "citation",
  "isHistorical",
  "createdAt",
] as const;
const DIPLOMA_COLUMNS = ["id", "conferralId", "templateKey", "text", "sourceHash", "verificationCode", "createdAt", "updatedAt"] as const;

async function build(target: number): Promise<RegistryDataset> {
  const base = await benchDataset();
  const client = createClient({ url: base.url });
  try {
    const existing = Number((await client.execute(`SELECT count(*) AS n FROM "Conferral"`)).rows[0]!.n);
    const maxNumbers = new Map(
      (await client.execute(`SELECT "numberSeries" AS s, max("number") AS n FROM "Conferral" WHERE "numberSeries" IS NOT NULL GROUP BY 1`)).rows.map(
        (r) => [String(r.s), Number(r.n)] as const,
      ),
    );
    const rng = rngOf(SEED);
    const candidates: InValue[][] = [];
    const conferrals: InValue[][] = [];
    const diplomas: InValue[][] = [];
    const first = Date.parse("1990-06-08T00:00:00Z");
    const span = Date.parse("2026-11-01T00:00:00Z") - first;
    const created = "2026-11-26T09:00:00.000+00:00";
    const drafts: { conferredOn: string; honour: string; medalClass: string | null }[] = [];
    for (let i = existing; i < target; i++) {
      const honour = rng.weighted([
        ["HONORIS_GRATIA", 85],
        ["CRACOVIAE_MERENTI", 12],
        ["HONORARY_CITIZENSHIP", 3],
      ] as const);
      const medalClass =
        honour === "CRACOVIAE_MERENTI"
          ? rng.weighted([
              ["GOLD", 5],
              ["SILVER", 35],
              ["BRONZE", 60],
            ] as const)
          : null;
      drafts.push({ conferredOn: new Date(first + Math.floor(rng.next() * span)).toISOString().slice(0, 10), honour, medalClass });
    }
    // Numbers continue each series in order of conferral, after the shared register's highest.
    drafts.sort((a, b) => a.conferredOn.localeCompare(b.conferredOn));
    for (const [i, d] of drafts.entries()) {
      const feminine = rng.chance(0.45);
      const givenNames = rng.pick(feminine ? FEMALE_GIVEN : MALE_GIVEN);
      const masculine = rng.chance(0.002) ? FOREIGN_SURNAME : rng.pick(SURNAMES);
      const surname = feminine ? feminineOf(masculine) : masculine;
      const names: CandidateNameInput = { kind: "PERSON", givenNames, surname, organizationName: "" };
      const candidateId = `rc${i.toString(36).padStart(8, "0")}`;
      candidates.push([
        candidateId,
        "PERSON",
        givenNames,
        surname,
        feminine ? "FEMININE" : "MASCULINE",
        `${givenNames} ${surname}`,
        displayNameOf(names),
        sortNameOf(names),
        foldedNameOf(names),
        created,
        created,
      ]);
      const series = d.honour === "HONORIS_GRATIA" ? "HG" : d.medalClass ? `CM_${d.medalClass}` : null;
      let number: number | null = null;
      if (series) {
        number = (maxNumbers.get(series) ?? 0) + 1;
        maxNumbers.set(series, number);
      }
      const conferralId = `rf${i.toString(36).padStart(8, "0")}`;
      const handedOverOn = rng.chance(0.9) ? d.conferredOn : null;
      conferrals.push([
        conferralId,
        `h${i.toString(36).padStart(9, "0")}`,
        candidateId,
        d.honour,
        d.medalClass,
        series,
        number,
        d.conferredOn,
        handedOverOn,
        handedOverOn ? "Sala Obrad Rady Miasta Krakowa" : "",
        "Za zasługi dla Krakowa.",
        1,
        created,
      ]);
      if (i % 50 === 0) {
        const code = Array.from({ length: 8 }, () => VERIFICATION_ALPHABET[Math.floor(rng.next() * VERIFICATION_ALPHABET.length)]).join("");
        diplomas.push([`rd${i.toString(36).padStart(8, "0")}`, conferralId, "diploma-medal", "[]", "bench", code, created, created]);
      }
    }
    await client.execute("PRAGMA synchronous = OFF");
    await insertRows(client, "Candidate", CANDIDATE_COLUMNS, candidates);
    await insertRows(client, "Conferral", CONFERRAL_COLUMNS, conferrals);
    await insertRows(client, "Diploma", DIPLOMA_COLUMNS, diplomas);
    const total = Number((await client.execute(`SELECT count(*) AS n FROM "Conferral"`)).rows[0]!.n);
    const samplePublicIds = (await client.execute(`SELECT "publicId" FROM "Conferral" WHERE "nominationId" IS NULL ORDER BY "id" LIMIT 200`)).rows.map((r) =>
      String(r.publicId),
    );
    const sampleCodes = diplomas.slice(0, 50).map((d) => String(d[5]));
    return { ...base, conferrals: total, samplePublicIds, sampleCodes };
  } finally {
    client.close();
  }
}
