// Demo data for an empty database: clearly fictional people and organisations (isDemo, and
// "(postać fikcyjna)" in the city field), enough to show every status of every honour.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { numberSeriesOf, type Honour, type MedalClass } from "#app/domain/honours";
import { addDays } from "#app/domain/polish-dates";
import { toRoman } from "#app/domain/roman";
import type { CandidateInput } from "#app/domain/nomination-form";
import { statusesOf, type Status } from "#app/domain/workflow";
import { councilTermOn } from "#app/models/council-term.server";
import { createNomination, newCreationToken } from "#app/models/nomination.server";
import { createUser } from "#app/models/user.server";
import { applyImport } from "#app/models/historical-import.server";
import { db as getDb } from "#app/utils/db.server";
import { seedDemoSteps } from "./demo-steps";

const FICTIONAL = "(postać fikcyjna)";

type DemoCandidate = Partial<CandidateInput> & Pick<CandidateInput, "candidateKind">;

const PEOPLE: DemoCandidate[] = [
  { candidateKind: "PERSON", givenNames: "Zdzisław", surname: "Przykładowy", grammaticalGender: "MASCULINE", birthYear: 1948, title: "prof. dr hab." },
  { candidateKind: "PERSON", givenNames: "Jadwiga", surname: "Wzorcowa-Żółkiewska", grammaticalGender: "FEMININE", birthYear: 1955, title: "dr" },
  { candidateKind: "PERSON", givenNames: "Dragan", surname: "Rajčić", grammaticalGender: "MASCULINE", birthYear: 1961, title: "kompozytor" },
  { candidateKind: "PERSON", givenNames: "Łucja", surname: "Ćwiklińska-Śliwa", grammaticalGender: "FEMININE", birthYear: 1970, title: "lekarka" },
  { candidateKind: "PERSON", givenNames: "Grzegorz Ignacy", surname: "Źdźbło", grammaticalGender: "MASCULINE", birthYear: 1939, title: "artysta malarz" },
  { candidateKind: "PERSON", givenNames: "Małgorzata", surname: "Nowak-Fikcyjna", grammaticalGender: "FEMININE", birthYear: 1966, title: "społeczniczka" },
  { candidateKind: "PERSON", givenNames: "Søren", surname: "Ølgaard", grammaticalGender: "MASCULINE", birthYear: 1958, title: "tłumacz" },
  { candidateKind: "PERSON", givenNames: "Halina", surname: "Zmyślona", grammaticalGender: "FEMININE", birthYear: 1944, title: "aktorka" },
];

const ORGANIZATIONS: DemoCandidate[] = [
  { candidateKind: "ORGANIZATION", organizationName: "Fundacja Przykładowa „Sztuka dla Krakowa”", shortName: "Fundacja SdK" },
  { candidateKind: "ORGANIZATION", organizationName: "Towarzystwo Miłośników Fikcyjnego Podgórza", shortName: "TMFP" },
  { candidateKind: "ORGANIZATION", organizationName: "Zmyślony Chór Akademicki im. Świętej Cecylii", shortName: "Chór Cecylii" },
  { candidateKind: "ORGANIZATION", organizationName: "Stowarzyszenie Przyjaciół Wyimaginowanej Biblioteki Żeglugi Wiślanej", shortName: "SPWBŻW" },
];

/** Name forms (genitive, dative) as a person would confirm them; one is left unconfirmed on purpose. */
const NAME_FORMS: Record<string, [string, string] | undefined> = {
  "Zdzisław Przykładowy": ["Zdzisława Przykładowego", "Zdzisławowi Przykładowemu"],
  "Jadwiga Wzorcowa-Żółkiewska": ["Jadwigi Wzorcowej-Żółkiewskiej", "Jadwidze Wzorcowej-Żółkiewskiej"],
  "Dragan Rajčić": ["Dragana Rajčicia", "Draganowi Rajčiciowi"],
  "Łucja Ćwiklińska-Śliwa": ["Łucji Ćwiklińskiej-Śliwy", "Łucji Ćwiklińskiej-Śliwie"],
  "Grzegorz Ignacy Źdźbło": ["Grzegorza Ignacego Źdźbła", "Grzegorzowi Ignacemu Źdźbłu"],
  "Małgorzata Nowak-Fikcyjna": ["Małgorzaty Nowak-Fikcyjnej", "Małgorzacie Nowak-Fikcyjnej"],
  "Søren Ølgaard": ["Sørena Ølgaarda", "Sørenowi Ølgaardowi"],
  "Fundacja Przykładowa „Sztuka dla Krakowa”": ["Fundacji Przykładowej „Sztuka dla Krakowa”", "Fundacji Przykładowej „Sztuka dla Krakowa”"],
  "Towarzystwo Miłośników Fikcyjnego Podgórza": ["Towarzystwa Miłośników Fikcyjnego Podgórza", "Towarzystwu Miłośników Fikcyjnego Podgórza"],
  "Zmyślony Chór Akademicki im. Świętej Cecylii": [
    "Zmyślonego Chóru Akademickiego im. Świętej Cecylii",
    "Zmyślonemu Chórowi Akademickiemu im. Świętej Cecylii",
  ],
  "Stowarzyszenie Przyjaciół Wyimaginowanej Biblioteki Żeglugi Wiślanej": [
    "Stowarzyszenia Przyjaciół Wyimaginowanej Biblioteki Żeglugi Wiślanej",
    "Stowarzyszeniu Przyjaciół Wyimaginowanej Biblioteki Żeglugi Wiślanej",
  ],
};

function fullCandidate(c: DemoCandidate): CandidateInput {
  return {
    givenNames: "",
    surname: "",
    deceased: false,
    title: "",
    organizationName: "",
    shortName: "",
    ...c,
    city: `Kraków ${FICTIONAL}`,
  };
}

const NOMINATORS: Record<Honour, { kind: "PERSON" | "ORGANIZATION" | "MAYOR" | "COUNCIL_CHAIR" | "MEDAL_COMMISSION"; name: string }[]> = {
  CRACOVIAE_MERENTI: [
    { kind: "ORGANIZATION", name: "Fikcyjne Stowarzyszenie Kupców Krakowskich" },
    { kind: "MAYOR", name: "Prezydent Miasta Krakowa" },
  ],
  HONORARY_CITIZENSHIP: [
    { kind: "MAYOR", name: "Prezydent Miasta Krakowa" },
    { kind: "COUNCIL_CHAIR", name: "Przewodniczący Rady Miasta Krakowa" },
  ],
  HONORIS_GRATIA: [
    { kind: "ORGANIZATION", name: "Przykładowy Klub Sportowy „Wisła Fikcyjna”" },
    { kind: "PERSON", name: "Anna Wnioskodawczyni (fikcyjna)" },
  ],
};

const CONFERRED: Status[] = ["ADOPTED", "GRANTED", "NUMBER_ASSIGNED", "DIPLOMA_PRINTED", "HANDED_OVER", "CLOSED"];
const CLASSES: MedalClass[] = ["SILVER", "BRONZE", "GOLD"];

const handedOverOn = (i: number, today: Date) => isoDaysAgo(5 + i * 100, today);

function isoDaysAgo(days: number, today: Date): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - days));
  return d.toISOString().slice(0, 10);
}

/**
 * Fictional signatories, so demo drafts and diplomas have someone to sign them from the start of
 * term VIII; the real office holders are entered by an admin (reference data has none).
 */
export const DEMO_SIGNATORIES = [
  {
    office: "MAYOR",
    fullName: "Tadeusz Zmyślony (dane demonstracyjne)",
    titleLine: "Prezydent Miasta Krakowa",
    validFrom: "2018-11-21",
    validTo: "2024-05-06",
  },
  { office: "MAYOR", fullName: "Jan Przykładowy (dane demonstracyjne)", titleLine: "Prezydent Miasta Krakowa", validFrom: "2024-05-07", validTo: null },
  {
    office: "COUNCIL_CHAIR",
    fullName: "Bogdan Fikcyjny (dane demonstracyjne)",
    titleLine: "Przewodniczący Rady Miasta Krakowa",
    validFrom: "2018-11-21",
    validTo: "2024-04-30",
  },
  {
    office: "COUNCIL_CHAIR",
    fullName: "Anna Wzorcowa (dane demonstracyjne)",
    titleLine: "Przewodnicząca Rady Miasta Krakowa",
    validFrom: "2024-05-07",
    validTo: null,
  },
];

/** Only for an office with nobody recorded: never mixed with real office holders. */
async function seedDemoSignatories() {
  const db = getDb();
  for (const office of new Set(DEMO_SIGNATORIES.map((s) => s.office))) {
    if ((await db.signatory.count({ where: { office } })) > 0) continue;
    await db.signatory.createMany({ data: DEMO_SIGNATORIES.filter((s) => s.office === office) });
  }
}

/** A fictional printer profile for pre-printed diploma stock, when none is recorded. */
async function seedDemoPrinter() {
  const db = getDb();
  if ((await db.printerProfile.count()) > 0) return;
  await db.printerProfile.create({ data: { name: "Drukarka demonstracyjna (pokój 12)", offsetXMm: 1.5, offsetYMm: -1, note: "Dane demonstracyjne." } });
}

export async function seedDemoData(today = new Date()) {
  const db = getDb();
  await seedDemoSignatories();
  await seedDemoHistory();
  await seedDemoPrinter();
  const honours: Honour[] = ["CRACOVIAE_MERENTI", "HONORARY_CITIZENSHIP", "HONORIS_GRATIA"];
  let personIndex = 0;
  let orgIndex = 0;
  let runningResolution = 1;
  // Medal and badge numbers continue after the historical record's.
  const highest = await db.conferral.groupBy({ by: ["numberSeries"], _max: { number: true }, where: { numberSeries: { not: null } } });
  const nextNumber = new Map<string, number>(highest.map((h) => [h.numberSeries!, h._max.number ?? 0]));
  let created = 0;
  // Each fictional candidate exists once and collects nominations, as a real one would.
  const candidateIds = new Map<DemoCandidate, string>();

  for (const honour of honours) {
    const statuses = statusesOf(honour);
    for (const [i, status] of statuses.entries()) {
      // Honorary Citizenship is for living persons only; the other honours alternate.
      const useOrg = honour !== "HONORARY_CITIZENSHIP" && i % 3 === 2;
      const candidate = useOrg ? ORGANIZATIONS[orgIndex++ % ORGANIZATIONS.length]! : PEOPLE[personIndex++ % PEOPLE.length]!;
      const medalClass = honour === "CRACOVIAE_MERENTI" ? (useOrg && i % 2 === 0 ? "GOLD" : CLASSES[i % 2]!) : undefined;
      // Spread over several years, so the term and year filters have something to show.
      const receivedDate = isoDaysAgo(20 + i * 130, today);
      const result = await createNomination(
        {
          honour,
          requestedClass: medalClass,
          receivedDate,
          caseReference: `KP-09.0012.${i + 1}.${receivedDate.slice(0, 4)}`.replace("KP-09", honour === "HONORIS_GRATIA" ? "KP-04" : "KP-09"),
          merits: `Wieloletnia, przykładowa działalność na rzecz mieszkańców Krakowa — opis fikcyjny, wyłącznie do prezentacji aplikacji (${status}).`,
          attachments: "pismo przewodnie.pdf\nżyciorys kandydata.pdf",
          nominators: [{ ...NOMINATORS[honour][i % 2]!, contact: "" }],
          creationToken: newCreationToken(),
          candidateId: candidateIds.get(candidate),
          confirmNewCandidate: true,
          candidate: candidateIds.has(candidate) ? undefined : fullCandidate(candidate),
        },
        { userId: null },
      );
      if (result.kind !== "created") continue;
      created++;
      const saved = await db.nomination.findUniqueOrThrow({
        where: { id: result.id },
        select: { candidateId: true, candidate: { select: { displayName: true } } },
      });
      if (!candidateIds.has(candidate)) {
        const forms = NAME_FORMS[saved.candidate.displayName];
        if (forms) {
          await db.candidate.update({
            where: { id: saved.candidateId },
            data: { nameGenitive: forms[0], nameDative: forms[1], nameFormsConfirmedAt: new Date() },
          });
        }
      }
      candidateIds.set(candidate, saved.candidateId);
      const nomination = await db.nomination.update({
        where: { id: result.id },
        data: { status, isDemo: true, candidate: { update: { isDemo: true } } },
        include: { candidate: true },
      });

      let conferred: { on: string; handedOverOn: string | null; resolutionId: string | null } | null = null;
      if (CONFERRED.includes(status) && !(status === "CLOSED" && i % 2 === 1)) {
        let conferredOn = isoDaysAgo(10 + i * 120, today);
        // A resolution is adopted within a term: step out of the few days between two terms.
        while (honour !== "HONORIS_GRATIA" && !(await councilTermOn(db, conferredOn))) conferredOn = addDays(conferredOn, 7);
        let resolutionId: string | null = null;
        let ordinanceId: string | null = null;
        if (honour === "HONORIS_GRATIA") {
          const ordinance = await db.ordinance.create({
            data: {
              number: `${3000 + i}/${conferredOn.slice(0, 4)}`,
              issuedOn: conferredOn,
              kind: "HG_DECISION",
              title: "w sprawie nadania Odznaki „Honoris Gratia” (przykład)",
            },
          });
          ordinanceId = ordinance.id;
        } else {
          const term = (await councilTermOn(db, conferredOn))!;
          const running = runningResolution++;
          const session = 20 + running;
          const resolution = await db.resolution.create({
            data: {
              councilTermId: term.id,
              number: `${toRoman(session)}/${900 + running}/${conferredOn.slice(2, 4)}`,
              sessionNumber: session,
              runningNumber: 900 + running,
              adoptedOn: conferredOn,
              title: "uchwała przykładowa (dane demonstracyjne)",
            },
          });
          resolutionId = resolution.id;
        }
        const series = numberSeriesOf(honour, (medalClass ?? null) as MedalClass | null);
        const hasNumber = honour === "HONORIS_GRATIA" || (status !== "ADOPTED" && series !== null);
        let number: number | null = null;
        if (series && hasNumber) {
          number = (nextNumber.get(series) ?? 0) + 1;
          nextNumber.set(series, number);
        }
        await db.conferral.create({
          data: {
            // "ho" would be both Honorary Citizenship and Honoris Gratia: the badge is "hg".
            publicId: `demo-${honour === "HONORIS_GRATIA" ? "hg" : honour.toLowerCase().slice(0, 2)}-${i + 1}`,
            nominationId: nomination.id,
            candidateId: nomination.candidateId,
            honour,
            medalClass: medalClass ?? null,
            numberSeries: number ? series : null,
            number,
            resolutionId,
            ordinanceId,
            conferredOn,
            handedOverOn: ["HANDED_OVER", "CLOSED"].includes(status) ? handedOverOn(i, today) : null,
            handoverPlace: ["HANDED_OVER", "CLOSED"].includes(status) ? "Sala Obrad Rady Miasta Krakowa" : "",
            citation: "Za przykładowe zasługi dla Krakowa (dane demonstracyjne).",
            isDemo: true,
          },
        });
        conferred = { on: conferredOn, handedOverOn: ["HANDED_OVER", "CLOSED"].includes(status) ? handedOverOn(i, today) : null, resolutionId };
      }
      if (["WITHDRAWN", "REJECTED", "REFUSED", "OPINION_NEGATIVE"].includes(status)) {
        await db.nomination.update({ where: { id: nomination.id }, data: { closingReason: "Powód przykładowy (dane demonstracyjne)." } });
      }
      await seedDemoSteps(
        {
          id: nomination.id,
          honour,
          status,
          receivedDate,
          medalClass: medalClass as MedalClass | undefined,
          conferredOn: conferred?.on ?? null,
          handedOverOn: conferred?.handedOverOn ?? null,
          resolutionId: conferred?.resolutionId ?? null,
          index: i,
        },
        isoDaysAgo(1, today),
      );
    }
  }
  await seedDemoCeremony(today);
  return { created };
}

/** A planned City Day session (the next 5 June) with the demo laureates waiting for a hand-over. */
async function seedDemoCeremony(today: Date) {
  const db = getDb();
  const todayIso = today.toISOString().slice(0, 10);
  const year = todayIso.slice(5) <= "06-05" ? Number(todayIso.slice(0, 4)) : Number(todayIso.slice(0, 4)) + 1;
  const venue = await db.venue.findUnique({ where: { name: "Sala Obrad Rady Miasta Krakowa" } });
  const waiting = await db.conferral.findMany({
    where: {
      isDemo: true,
      handedOverOn: null,
      honour: { not: "HONORIS_GRATIA" },
      nomination: { status: { in: ["ADOPTED", "NUMBER_ASSIGNED", "DIPLOMA_PRINTED"] } },
    },
    orderBy: { conferredOn: "asc" },
    select: { id: true },
  });
  await db.ceremony.create({
    data: {
      kind: "CITY_DAY_SESSION",
      title: "Uroczysta sesja Rady Miasta Krakowa z okazji Święta Miasta (przykład)",
      date: `${year}-06-05`,
      startTime: "12:00",
      endTime: "14:00",
      venueId: venue?.id ?? null,
      organiser: "Kancelaria Rady Miasta i Dzielnic Krakowa",
      chancelleryContact: "Osoba przykładowa, tel. 12 000 00 00 (dane demonstracyjne)",
      isDemo: true,
      laureates: { create: waiting.map((c, i) => ({ conferralId: c.id, position: i + 1 })) },
    },
  });
}

/** A small fictional historical record (1992–2018), loaded through the CSV importer as staff would load theirs. */
export const DEMO_HISTORY_CSV = fileURLToPath(new URL("./demo-history.csv", import.meta.url));

async function seedDemoHistory() {
  const result = await applyImport(readFileSync(DEMO_HISTORY_CSV), { userId: null, fileName: "demo-history.csv", isDemo: true });
  if (result.kind !== "applied") throw new Error(`Demo history did not import: ${result.message}`);
}

/** Demo accounts, one per role; their password is printed in the README. */
export const DEMO_PASSWORD = "Merenti-demo-2026";
export const DEMO_USERS = [
  { email: "kp09@merenti.example", name: "Katarzyna Demonstracyjna (KP-09)", roleKeys: ["KP09_SPECIALIST"] },
  { email: "kp04@merenti.example", name: "Piotr Przykładowy (KP-04)", roleKeys: ["KP04_CLERK"] },
  { email: "protokol@merenti.example", name: "Ewa Protokolarna (KP-03)", roleKeys: ["PROTOCOL"] },
  { email: "druk@merenti.example", name: "Jan Drukarski", roleKeys: ["PRINTING"] },
  { email: "odczyt@merenti.example", name: "Anna Czytelniczka", roleKeys: ["READER"] },
  { email: "admin@merenti.example", name: "Administrator Demonstracyjny", roleKeys: ["ADMIN"] },
];

export async function seedDemoUsers() {
  for (const u of DEMO_USERS) {
    if (await getDb().user.findUnique({ where: { email: u.email } })) continue;
    await createUser({ ...u, password: DEMO_PASSWORD, isDemo: true }, { userId: null });
  }
}

export async function isDatabaseEmpty(): Promise<boolean> {
  return (await getDb().nomination.count()) === 0;
}
