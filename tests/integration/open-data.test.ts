// The public registry as open data on a real SQLite copy: /rejestr.csv and /rejestr.json with the
// filter, the permalink's schema.org JSON-LD (parsed, its required fields checked), sitemap.xml,
// and the act's BIP address. Own records; nothing non-public leaks.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, test } from "vitest";
import { displayNameOf, foldedNameOf, sortNameOf } from "#app/domain/candidate";
import { OPEN_DATA_COLUMNS } from "#app/domain/open-data";
import { loader as registryCsv } from "#app/routes/rejestr[.csv]";
import { loader as registryJson } from "#app/routes/rejestr[.json]";
import { loader as registryEntry } from "#app/routes/rejestr.$publicId";
import { loader as sitemap } from "#app/routes/sitemap[.xml]";
import { db } from "#app/utils/db.server";
import { callLoader } from "./helpers";

const HIDDEN = "Ukryty-Otwarte-Dane";

async function candidate(kind: "PERSON" | "ORGANIZATION", given: string, surname: string) {
  const names =
    kind === "PERSON"
      ? { kind, givenNames: given, surname, organizationName: "" }
      : { kind, givenNames: "", surname: "", organizationName: `${given} ${surname}` };
  return db().candidate.create({
    data: {
      kind,
      givenNames: names.givenNames,
      surname: names.surname,
      organizationName: names.organizationName,
      nameNominative: `${given} ${surname}`,
      displayName: displayNameOf(names),
      sortName: sortNameOf(names),
      foldedName: foldedNameOf(names),
    },
  });
}

beforeAll(async () => {
  const term = await db().councilTerm.findUniqueOrThrow({ where: { number: 9 } });
  const resolution = await db().resolution.create({
    data: {
      councilTermId: term.id,
      number: "LXX/1900/26",
      sessionNumber: 70,
      runningNumber: 1900,
      adoptedOn: "2026-03-11",
      bipUrl: "https://www.bip.krakow.pl/?act=LXX-1900-26",
    },
  });
  const ordinance = await db().ordinance.create({ data: { number: "3999/2026", issuedOn: "2026-04-02", kind: "HG_DECISION" } });
  const person = await candidate("PERSON", "Otylia", "Otwartodanowa");
  await db().conferral.create({
    data: {
      publicId: "openPerson1",
      candidateId: person.id,
      honour: "CRACOVIAE_MERENTI",
      medalClass: "GOLD",
      numberSeries: "CM_GOLD",
      number: 77,
      resolutionId: resolution.id,
      conferredOn: "2026-03-11",
      isHistorical: true,
    },
  });
  const org = await candidate("ORGANIZATION", "Fundacja", "Otwartych Danych");
  await db().conferral.create({
    data: {
      publicId: "openOrg1",
      candidateId: org.id,
      honour: "HONORIS_GRATIA",
      numberSeries: "HG",
      number: 9001,
      ordinanceId: ordinance.id,
      conferredOn: "2026-04-02",
      isHistorical: true,
    },
  });
  // Never public: anonymised.
  const hidden = await candidate("PERSON", HIDDEN, "Anonim");
  await db().conferral.create({
    data: {
      publicId: "openHidden1",
      candidateId: hidden.id,
      honour: "HONORIS_GRATIA",
      numberSeries: "HG",
      number: 9002,
      ordinanceId: ordinance.id,
      conferredOn: "2026-04-02",
      isHistorical: true,
      anonymizedAt: new Date(),
    },
  });
});

/** The public loaders need no session: called directly, their Response as the browser gets it. */
async function get(loader: (args: LoaderFunctionArgs) => Promise<Response>, path: string): Promise<Response> {
  return loader({ request: new Request(`http://localhost${path}`), params: {}, context: {} });
}

describe("open data", () => {
  test("/rejestr.csv carries the filter, the public fields and nothing hidden", async () => {
    const all = await get(registryCsv, "/rejestr.csv?q=otwart");
    expect(all.status).toBe(200);
    const bytes = Buffer.from(await all.arrayBuffer());
    // UTF-8 with a BOM, as Polish Excel opens it (Response.text() would drop the BOM).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = bytes.subarray(3).toString("utf8");
    const records = parse(body, { delimiter: ";", columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual([...OPEN_DATA_COLUMNS]);
    expect(records.map((r) => r.nazwa).sort()).toEqual(["Fundacja Otwartych Danych", "Otylia Otwartodanowa"]);
    const medal = records.find((r) => r.nazwa === "Otylia Otwartodanowa")!;
    expect(medal).toMatchObject({
      rodzaj: "osoba",
      klasa: "złoty",
      numer: "77",
      akt_numer: "LXX/1900/26",
      akt_data: "2026-03-11",
      kadencja_rady: "IX",
      akt_bip: "https://www.bip.krakow.pl/?act=LXX-1900-26",
      data_nadania: "2026-03-11",
    });
    expect(medal.adres).toMatch(/\/rejestr\/openPerson1$/);
    expect(body).not.toContain(HIDDEN);

    const filtered = parse(await (await get(registryCsv, "/rejestr.csv?q=otwart&honour=HONORIS_GRATIA")).text(), { delimiter: ";", columns: true }) as Record<
      string,
      string
    >[];
    expect(filtered.map((r) => r.nazwa)).toEqual(["Fundacja Otwartych Danych"]);
    expect(filtered[0]!.rodzaj).toBe("instytucja");
  });

  test("/rejestr.json gives the same rows and says which filter made them", async () => {
    const response = await get(registryJson, "/rejestr.json?q=otwart&honour=CRACOVIAE_MERENTI");
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const json = (await response.json()) as { filtr: Record<string, string>; liczba: number; wyroznienia: Record<string, unknown>[] };
    expect(json.filtr).toEqual({ q: "otwart", honour: "CRACOVIAE_MERENTI" });
    expect(json.liczba).toBe(1);
    expect(json.wyroznienia[0]).toMatchObject({ nazwa: "Otylia Otwartodanowa", numer: 77, wyroznienie: "Medal „Cracoviae Merenti”" });
  });

  test("a permalink's JSON-LD is a Person or an Organization with its award and date", async () => {
    const person = (await callLoader(registryEntry, "/rejestr/openPerson1", { publicId: "openPerson1" })).data as {
      jsonLd: string;
      resolution: { bipUrl: string };
    };
    const ld = JSON.parse(person.jsonLd) as Record<string, unknown> & { hasCredential: Record<string, unknown> & { recognizedBy: { name: string } } };
    expect(ld["@context"]).toBe("https://schema.org");
    expect(ld["@type"]).toBe("Person");
    expect(ld.name).toBe("Otylia Otwartodanowa");
    expect(ld.url).toMatch(/\/rejestr\/openPerson1$/);
    expect(ld.award).toBe("Medal „Cracoviae Merenti”, klasa: złoty, nr 77 (2026-03-11)");
    expect(ld.hasCredential["@type"]).toBe("EducationalOccupationalCredential");
    expect(ld.hasCredential.dateCreated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ld.hasCredential.recognizedBy.name).toBe("Rada Miasta Krakowa");
    expect(ld.hasCredential.sameAs).toBe("https://www.bip.krakow.pl/?act=LXX-1900-26");
    expect(person.resolution.bipUrl).toBe("https://www.bip.krakow.pl/?act=LXX-1900-26");

    const org = (await callLoader(registryEntry, "/rejestr/openOrg1", { publicId: "openOrg1" })).data as { jsonLd: string };
    const orgLd = JSON.parse(org.jsonLd) as { "@type": string; hasCredential: { recognizedBy: { name: string }; sameAs?: string } };
    expect(orgLd["@type"]).toBe("Organization");
    expect(orgLd.hasCredential.recognizedBy.name).toBe("Prezydent Miasta Krakowa");
    expect(orgLd.hasCredential.sameAs).toBeUndefined();
  });

  test("sitemap.xml lists the public permalinks, not the hidden ones", async () => {
    const xml = await (await get(sitemap, "/sitemap.xml")).text();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toMatch(/<url><loc>[^<]*\/rejestr\/openPerson1<\/loc><lastmod>2026-03-11<\/lastmod><\/url>/);
    expect(xml).toMatch(/<loc>[^<]*\/rejestr\/openOrg1<\/loc>/);
    expect(xml).not.toContain("openHidden1");
  });
});
