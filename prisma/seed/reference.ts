// Reference data every installation needs (not demo): council terms, limits, venues, the
// default wording of dated settings.
// Idempotent: inserts only what is missing, never overwrites what staff edited.
import { DEFAULT_ROLES, PERMISSIONS, type Permission } from "#app/domain/permissions";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { seedLexicon } from "#app/models/name-lexicon.server";
import { db as getDb } from "#app/utils/db.server";

/** Name forms the declension rules do not reach (docs/declension.md); people add the rest by confirming. */
export const NAME_LEXICON_CSV = fileURLToPath(new URL("./name-lexicon.csv", import.meta.url));

/** Terms of the City Council. Dates of terms I-VII are partly uncertain (DOMAIN.md): editable. */
export const COUNCIL_TERMS = [
  { number: 1, startDate: "1990-06-08", endDate: "1994-06-30", datesUncertain: true, notes: "Początek: pierwsza sesja 8 czerwca 1990 r.; koniec przybliżony." },
  { number: 2, startDate: "1994-07-01", endDate: "1998-10-31", datesUncertain: true, notes: "Daty przybliżone." },
  { number: 3, startDate: "1998-11-01", endDate: "2002-10-31", datesUncertain: true, notes: "Daty przybliżone." },
  { number: 4, startDate: "2002-11-01", endDate: "2006-11-30", datesUncertain: true, notes: "Daty przybliżone." },
  { number: 5, startDate: "2006-12-01", endDate: "2010-11-30", datesUncertain: true, notes: "Daty przybliżone." },
  { number: 6, startDate: "2010-12-01", endDate: "2014-11-30", datesUncertain: true, notes: "Daty przybliżone." },
  { number: 7, startDate: "2014-12-01", endDate: "2018-11-16", datesUncertain: true, notes: "Początek przybliżony; koniec 16 listopada 2018 r." },
  { number: 8, startDate: "2018-11-21", endDate: "2024-04-30", datesUncertain: false, notes: "Przedłużona ustawowo do 30 kwietnia 2024 r." },
  { number: 9, startDate: "2024-05-07", endDate: null, datesUncertain: false, notes: "" },
];

const MEDAL_RULES = "regulamin Medalu „Cracoviae Merenti” (uchwała nr LIV/370/92 z dnia 12 czerwca 1992 r. z późn. zm.)";

export const LIMIT_RULES = [
  { honour: "CRACOVIAE_MERENTI", medalClass: "GOLD", maxCount: 1, validFrom: "1992-06-12", validTo: null, setByResolutionText: MEDAL_RULES },
  { honour: "CRACOVIAE_MERENTI", medalClass: "SILVER", maxCount: 3, validFrom: "1992-06-12", validTo: null, setByResolutionText: MEDAL_RULES },
  { honour: "CRACOVIAE_MERENTI", medalClass: "BRONZE", maxCount: 6, validFrom: "1998-01-01", validTo: null, setByResolutionText: MEDAL_RULES },
  {
    honour: "HONORARY_CITIZENSHIP",
    medalClass: null,
    maxCount: 4,
    validFrom: "2017-06-14",
    validTo: "2022-03-15",
    setByResolutionText: "uchwała nr LXXXV/1836/17 Rady Miasta Krakowa z dnia 14 czerwca 2017 r.",
  },
  {
    honour: "HONORARY_CITIZENSHIP",
    medalClass: null,
    maxCount: 5,
    validFrom: "2022-03-16",
    validTo: null,
    setByResolutionText: "uchwała Rady Miasta Krakowa z dnia 16 marca 2022 r. zmieniająca limit",
  },
];

export const VENUES = [
  { name: "Sala Obrad Rady Miasta Krakowa", address: "Plac Wszystkich Świętych 3-4, 31-004 Kraków", capacity: null },
  { name: "ICE Kraków Congress Centre", address: "ul. Marii Konopnickiej 17, 30-302 Kraków", capacity: null },
];

/**
 * Default wording of the dated settings (app/domain/settings.ts). The sources give no exact
 * wording: each row says so in its note, for the Legal Office to confirm or replace. Inserted
 * only for a key that has no rows, so nothing an admin entered is touched. Signatories are not
 * seeded: the real office holders are entered by an admin (demo data has fictional ones).
 */
const TO_VERIFY = "Brzmienie do weryfikacji przez Biuro Prawne";
export const DATED_SETTINGS: { key: string; value: string; validFrom: string; validTo: string | null; note: string }[] = [
  {
    key: "legalBasis.CRACOVIAE_MERENTI",
    value:
      "Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym {ustawa} oraz regulaminu Medalu „Cracoviae Merenti”, stanowiącego załącznik do {regulamin}, na wniosek Komisji Medalu „Cracoviae Merenti”, uchwala się, co następuje:",
    validFrom: "1992-06-12",
    validTo: null,
    note: `${TO_VERIFY}. {ustawa} i {regulamin}: ustawienia „Tekst jednolity ustawy” i „Obowiązująca uchwała w sprawie regulaminu Medalu” na dzień projektu.`,
  },
  {
    key: "legalBasis.HONORARY_CITIZENSHIP",
    value: "Na podstawie art. 18 ust. 2 pkt 14 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym {ustawa} uchwala się, co następuje:",
    validFrom: "1990-06-08",
    validTo: "2017-06-13",
    note: `${TO_VERIFY}. Nie uwzględnia wcześniejszych uchwał w sprawie zasad nadawania tytułu (XX/172/03, XXI/344/15).`,
  },
  {
    key: "legalBasis.HONORARY_CITIZENSHIP",
    value:
      "Na podstawie art. 18 ust. 2 pkt 14 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym {ustawa} oraz uchwały nr LXXXV/1836/17 Rady Miasta Krakowa z dnia 14 czerwca 2017 r. (z późn. zm.) uchwala się, co następuje:",
    validFrom: "2017-06-14",
    validTo: null,
    note: `${TO_VERIFY}. Od uchwały nr LXXXV/1836/17 z dnia 14 czerwca 2017 r. (zasady nadawania tytułu); przywołany przepis uchwały do uzupełnienia.`,
  },
  {
    key: "legalBasis.ORDINANCE",
    value: "Na podstawie art. 30 ust. 1 i ust. 2 pkt 1 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym {ustawa} zarządza się, co następuje:",
    validFrom: "1990-06-08",
    validTo: null,
    note: TO_VERIFY,
  },
  { key: "clause.execution", value: "Wykonanie uchwały powierza się Prezydentowi Miasta Krakowa.", validFrom: "1990-06-08", validTo: null, note: TO_VERIFY },
  { key: "clause.entryIntoForce", value: "Uchwała wchodzi w życie z dniem podjęcia.", validFrom: "1990-06-08", validTo: null, note: TO_VERIFY },
  {
    key: "rules.CRACOVIAE_MERENTI",
    value: "uchwała nr LIV/370/92 Rady Miasta Krakowa z dnia 12 czerwca 1992 r.",
    validFrom: "1992-06-12",
    validTo: "2018-04-24",
    note: `${TO_VERIFY}. Uchwała ustanawiająca medal; zmieniana wielokrotnie, kolejne zmiany można dopisać jako osobne okresy.`,
  },
  {
    key: "rules.CRACOVIAE_MERENTI",
    value: "uchwała nr C/2603/18 Rady Miasta Krakowa z dnia 25 kwietnia 2018 r.",
    validFrom: "2018-04-25",
    validTo: null,
    note: `${TO_VERIFY}. Ostatnia znana zmiana regulaminu; data wejścia w życie do sprawdzenia.`,
  },
  {
    key: "act.MUNICIPAL_SELF_GOVERNMENT",
    value: "(Dz. U. z 2024 r. poz. 1465, z późn. zm.)",
    validFrom: "1990-06-08",
    validTo: null,
    note: `${TO_VERIFY}. Tekst jednolity ogłoszony w 2024 r.; przy nowym obwieszczeniu dodaj nowy okres. Wcześniejsze teksty jednolite nie są wpisane.`,
  },
  {
    key: "ceremony.maxLaureatesPerSession",
    value: "10",
    validFrom: "1990-06-08",
    validTo: null,
    note: `${TO_VERIFY}. Wartość początkowa do ustalenia z Kancelarią Rady.`,
  },
  { key: "ceremony.diplomaDaysBefore", value: "14", validFrom: "1990-06-08", validTo: null, note: `${TO_VERIFY}. Wartość początkowa do ustalenia z KP-09.` },
  {
    key: "numbering.HONORIS_GRATIA",
    value: "{n}",
    validFrom: "2005-09-17",
    validTo: null,
    note: `${TO_VERIFY}. Format numeru odznaki nieznany ze źródeł: numer kolejny; zmień, gdy Kancelaria ustali inny (np. {n}/{rrrr}).`,
  },
  {
    key: "caseReference.HONORIS_GRATIA",
    value: "KP-04.0012.<nr>.<rrrr>",
    validFrom: "2005-09-17",
    validTo: null,
    note: `${TO_VERIFY}. Wzór znaku sprawy KP-04 (issue 18): wniosek ze znakiem innej postaci jest odrzucany.`,
  },
  {
    key: "letters.senderOffice",
    value: "Kancelaria Prezydenta Miasta Krakowa",
    validFrom: "2005-09-17",
    validTo: null,
    note: `${TO_VERIFY}. Nagłówek pism do wnioskodawców „Honoris Gratia”.`,
  },
  {
    key: "letters.senderAddress",
    value: "pl. Wszystkich Świętych 3-4, 31-004 Kraków",
    validFrom: "2005-09-17",
    validTo: null,
    note: `${TO_VERIFY}. Adres w nagłówku pism do wnioskodawców; do uzupełnienia o telefon i e-mail Kancelarii (po średniku).`,
  },
  {
    key: "attachments.maxSizeMb",
    value: "20",
    validFrom: "1990-06-08",
    validTo: null,
    note: `${TO_VERIFY}. Wartość początkowa; skan wielostronicowego wniosku w PDF ma zwykle kilka MB.`,
  },
];

export async function seedReferenceData() {
  const db = getDb();
  for (const term of COUNCIL_TERMS) {
    await db.councilTerm.upsert({ where: { number: term.number }, update: {}, create: term });
  }
  if ((await db.limitRule.count()) === 0) {
    await db.limitRule.createMany({ data: LIMIT_RULES });
  }
  for (const key of new Set(DATED_SETTINGS.map((s) => s.key))) {
    if ((await db.datedSetting.count({ where: { key } })) > 0) continue;
    await db.datedSetting.createMany({ data: DATED_SETTINGS.filter((s) => s.key === key) });
  }
  for (const venue of VENUES) {
    await db.venue.upsert({ where: { name: venue.name }, update: {}, create: venue });
  }
  await seedRolesAndPermissions();
  await seedLexicon(readFileSync(NAME_LEXICON_CSV, "utf8"));
  for (const policy of RETENTION_POLICIES) {
    await db.retentionPolicy.upsert({ where: { recordKind: policy.recordKind }, update: {}, create: policy });
  }
}

/** Permissions the code knows, and the default roles; an admin's later changes are kept. */
async function seedRolesAndPermissions() {
  const db = getDb();
  for (const [key, description] of Object.entries(PERMISSIONS)) {
    await db.permission.upsert({ where: { key }, update: { description }, create: { key, description } });
  }
  const permissions = await db.permission.findMany();
  const idOf = (key: Permission) => permissions.find((p) => p.key === key)!.id;
  for (const role of DEFAULT_ROLES) {
    if (await db.role.findUnique({ where: { key: role.key } })) continue;
    await db.role.create({
      data: { key: role.key, name: role.name, permissions: { create: role.permissions.map((p) => ({ permissionId: idOf(p) })) } },
    });
  }
}

/** Defaults to be confirmed by the data protection officer; editable. */
export const RETENTION_POLICIES = [
  {
    recordKind: "HG_REFUSED",
    months: 24,
    description: "Wnioski o Odznakę „Honoris Gratia”, w których odmówiono nadania",
  },
  { recordKind: "NOMINATION_WITHDRAWN", months: 24, description: "Wnioski wycofane" },
  {
    recordKind: "NOMINATION_UNSUCCESSFUL",
    months: 60,
    description: "Wnioski zakończone bez nadania (opinia negatywna, odrzucony projekt uchwały)",
  },
];
