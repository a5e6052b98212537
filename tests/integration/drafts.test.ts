// Drafting on a real SQLite copy with the real templates and renderers: the text of the PDF
// (pdftotext) and of the DOCX, versions, freezing on adoption, and what is missing.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { action as draftAction, loader as draftLoader } from "#app/routes/drafts.$id";
import { loader as download } from "#app/routes/drafts.$id.download";
import { action as createDraftAction, loader as nominationDrafts } from "#app/routes/nominations.$id.drafts";
import { action as createNomination } from "#app/routes/nominations.new";
import { action as stepAction } from "#app/routes/nominations.$id.step.$to";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, personNomination, signInAs, type Fields } from "./helpers";
import * as clock from "#app/domain/clock";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "merenti-drafts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdfText(buffer: ArrayBuffer): Promise<string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, Buffer.from(buffer));
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
  return flat(stdout);
}
function docxText(buffer: ArrayBuffer): string {
  const xml = strFromU8(unzipSync(new Uint8Array(buffer))["word/document.xml"]!);
  return flat([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(" "));
}
/** Lines joined, all spaces (also non-breaking) as one, page numbers dropped. */
const flat = (text: string) =>
  text
    .replace(/Strona \d+ z \d+/g, " ")
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/ ([.,])/g, "$1")
    .trim();

async function setUpSettings() {
  const rows = [
    ["legalBasis.CRACOVIAE_MERENTI", "Na podstawie art. 18 ust. 1 ustawy o samorządzie gminnym uchwala się, co następuje:"],
    ["legalBasis.HONORARY_CITIZENSHIP", "Na podstawie art. 18 ust. 2 pkt 14 ustawy o samorządzie gminnym uchwala się, co następuje:"],
    ["legalBasis.ORDINANCE", "Na podstawie art. 30 ust. 2 pkt 1 ustawy o samorządzie gminnym zarządza się, co następuje:"],
    ["clause.execution", "Wykonanie uchwały powierza się Prezydentowi Miasta Krakowa."],
    ["clause.entryIntoForce", "Uchwała wchodzi w życie z dniem podjęcia."],
  ];
  for (const [key, value] of rows) {
    await db().datedSetting.deleteMany({ where: { key } });
    await db().datedSetting.create({ data: { key: key!, value: value!, validFrom: "1990-06-08" } });
  }
  await db().signatory.deleteMany({ where: { office: "MAYOR" } });
  await db().signatory.create({ data: { office: "MAYOR", fullName: "Jan Testowy", titleLine: "Prezydent Miasta Krakowa", validFrom: "2024-05-07" } });
}

async function nomination(fields: Fields, forms: { genitive: string; dative: string }) {
  const created = await callAction(createNomination, "/nominations/new", personNomination({ "candidate.birthYear": undefined, ...fields }));
  const id = created.location!.split("/").pop()!;
  const n = await db().nomination.findUniqueOrThrow({ where: { id } });
  await db().candidate.update({
    where: { id: n.candidateId },
    data: { nameGenitive: forms.genitive, nameDative: forms.dative, nameFormsConfirmedAt: clock.now() },
  });
  return id;
}

async function newDraft(nominationId: string) {
  const answer = await callAction(createDraftAction, `/nominations/${nominationId}/drafts`, {}, { id: nominationId });
  expect(answer.status).toBe(302);
  return answer.location!.split("/").pop()!;
}

async function documents(draftId: string, document: string) {
  const get = async (format: string) => {
    const res = await download({
      request: new Request(`http://localhost/drafts/${draftId}/download?document=${document}&format=${format}`, { headers: { Cookie: cookie } }),
      params: { id: draftId },
      context: {},
    });
    expect(res.status).toBe(200);
    return { res, body: await res.arrayBuffer() };
  };
  const pdf = await get("pdf");
  const docx = await get("docx");
  return { pdf: await pdfText(pdf.body), docx: docxText(docx.body), disposition: pdf.res.headers.get("Content-Disposition")! };
}

let cookie = "";
beforeAll(async () => {
  cookie = (await signInAs("KP09_SPECIALIST")).cookie;
  await setUpSettings();
});

describe("generated documents", () => {
  test("Cracoviae Merenti for a man: resolution, justification and ordinance, PDF and DOCX agree", async () => {
    const id = await nomination(
      {
        "candidate.givenNames": "Bolesław",
        "candidate.surname": "Żółkiewski",
        requestedClass: "SILVER",
        caseReference: "KP-09.0012.7.2026",
        merits: "Pierwszy akapit zasług.\n\nDrugi akapit: założył chór w Krakowie.",
      },
      { genitive: "Bolesława Żółkiewskiego", dative: "Bolesławowi Żółkiewskiemu" },
    );
    const draftId = await newDraft(id);
    const resolution = await documents(draftId, "RESOLUTION");
    for (const text of [resolution.pdf, resolution.docx]) {
      expect(text).toContain("druk nr …………… projekt Prezydenta Miasta Krakowa");
      expect(text).toContain("UCHWAŁA NR …………… RADY MIASTA KRAKOWA z dnia ……………");
      expect(text).toContain("w sprawie przyznania Srebrnego Medalu „Cracoviae Merenti” Panu Bolesławowi Żółkiewskiemu");
      expect(text).toContain("Na podstawie art. 18 ust. 1 ustawy o samorządzie gminnym uchwala się, co następuje:");
      expect(text).toContain(
        "§ 1. W uznaniu szczególnych zasług dla Stołecznego Królewskiego Miasta Krakowa przyznaje się Srebrny Medal „Cracoviae Merenti” Panu Bolesławowi Żółkiewskiemu.",
      );
      expect(text).toContain("§ 3. Uchwała wchodzi w życie z dniem podjęcia.");
    }
    expect(resolution.disposition).toContain("projekt-uchwaly-KP-09.0012.7.2026.pdf");

    const justification = await documents(draftId, "JUSTIFICATION");
    for (const text of [justification.pdf, justification.docx]) {
      expect(text).toMatch(/^UZASADNIENIE Komisja Medalu „Cracoviae Merenti” pozytywnie zaopiniowała wniosek w sprawie przyznania Srebrnego Medalu/);
      expect(text).toContain("Drugi akapit: założył chór w Krakowie.");
    }
    const ordinance = await documents(draftId, "ORDINANCE");
    for (const text of [ordinance.pdf, ordinance.docx]) {
      expect(text).toContain("ZARZĄDZENIE NR …………… PREZYDENTA MIASTA KRAKOWA");
      expect(text).toContain("§ 2. Wykonanie zarządzenia powierza się Sekretarzowi Miasta Krakowa.");
      expect(text).toContain("Prezydent Miasta Krakowa Jan Testowy");
    }
  });

  // Issue 16: the title in the genitive without quotes, the form of address, the same in § 1.
  test.each([
    {
      who: "CM to a man",
      fields: { "candidate.givenNames": "Bolesław", "candidate.surname": "Zbrojny" },
      forms: { genitive: "Bolesława Zbrojnego", dative: "Bolesławowi Zbrojnemu" },
      title: "w sprawie przyznania Srebrnego Medalu „Cracoviae Merenti” Panu Bolesławowi Zbrojnemu",
      section:
        "§ 1. W uznaniu szczególnych zasług dla Stołecznego Królewskiego Miasta Krakowa przyznaje się Srebrny Medal „Cracoviae Merenti” Panu Bolesławowi Zbrojnemu.",
    },
    {
      who: "CM to a woman",
      fields: { "candidate.givenNames": "Jadwiga", "candidate.surname": "Zbrojna", "candidate.grammaticalGender": "FEMININE", requestedClass: "BRONZE" },
      forms: { genitive: "Jadwigi Zbrojnej", dative: "Jadwidze Zbrojnej" },
      title: "w sprawie przyznania Brązowego Medalu „Cracoviae Merenti” Pani Jadwidze Zbrojnej",
      section: "przyznaje się Brązowy Medal „Cracoviae Merenti” Pani Jadwidze Zbrojnej.",
    },
    {
      who: "CM to an institution",
      fields: { "candidate.candidateKind": "ORGANIZATION", "candidate.organizationName": "Okręgowa Izba Lekarska w Krakowie", requestedClass: "GOLD" },
      forms: { genitive: "Okręgowej Izby Lekarskiej w Krakowie", dative: "Okręgowej Izbie Lekarskiej w Krakowie" },
      title: "w sprawie przyznania Złotego Medalu „Cracoviae Merenti” Okręgowej Izbie Lekarskiej w Krakowie",
      section: "przyznaje się Złoty Medal „Cracoviae Merenti” Okręgowej Izbie Lekarskiej w Krakowie.",
    },
    {
      who: "HC to a man with an academic title",
      fields: {
        honour: "HONORARY_CITIZENSHIP",
        requestedClass: undefined,
        "candidate.givenNames": "Krzysztof",
        "candidate.surname": "Pendecki",
        "candidate.title": "prof. dr hab.",
        "nominators[0].kind": "MAYOR",
        "nominators[0].name": "Prezydent Miasta Krakowa",
      },
      forms: { genitive: "Krzysztofa Pendeckiego", dative: "Krzysztofowi Pendeckiemu" },
      title: "w sprawie nadania tytułu Honorowego Obywatela Stołecznego Królewskiego Miasta Krakowa Profesorowi Krzysztofowi Pendeckiemu",
      section:
        "§ 1. Nadaje się tytuł Honorowego Obywatela Stołecznego Królewskiego Miasta Krakowa Profesorowi Krzysztofowi Pendeckiemu w dowód uznania Jego szczególnych zasług dla Krakowa.",
    },
    {
      who: "HC to a woman (with č and ł)",
      fields: {
        honour: "HONORARY_CITIZENSHIP",
        requestedClass: undefined,
        "candidate.givenNames": "Łucja",
        "candidate.surname": "Rajčić",
        "candidate.grammaticalGender": "FEMININE",
        "nominators[0].kind": "MAYOR",
        "nominators[0].name": "Prezydent Miasta Krakowa",
      },
      forms: { genitive: "Łucji Rajčić", dative: "Łucji Rajčić" },
      title: "w sprawie nadania tytułu Honorowej Obywatelki Stołecznego Królewskiego Miasta Krakowa Pani Łucji Rajčić",
      section:
        "§ 1. Nadaje się tytuł Honorowej Obywatelki Stołecznego Królewskiego Miasta Krakowa Pani Łucji Rajčić w dowód uznania Jej szczególnych zasług dla Krakowa.",
    },
  ])("the title and § 1: $who", async ({ fields, forms, title, section }) => {
    const id = await nomination(fields, forms);
    const { pdf, docx } = await documents(await newDraft(id), "RESOLUTION");
    for (const text of [pdf, docx]) {
      expect(text).toContain(title);
      expect(text).toContain(section);
      expect(text).not.toContain("„Honorow");
    }
  });

  test("a draft is refused while the name forms are unconfirmed or a setting is missing, saying where to fill it in", async () => {
    const created = await callAction(createNomination, "/nominations/new", personNomination({ "candidate.surname": "Niepotwierdzony" }));
    const id = created.location!.split("/").pop()!;
    const page = await callLoader<{ missing: { message: string; href: string }[] }>(nominationDrafts, `/nominations/${id}/drafts`, { id });
    expect(page.data!.missing.map((m) => m.message)).toEqual(["Formy nazwy kandydata (dopełniacz, celownik) nie są potwierdzone."]);
    await db().datedSetting.deleteMany({ where: { key: "clause.execution" } });
    const refused = await callAction<{ missing: { message: string; href: string }[] }>(createDraftAction, `/nominations/${id}/drafts`, {}, { id });
    expect(refused.status).toBe(422);
    expect(refused.data!.missing).toContainEqual({ message: "Brak klauzuli wykonawczej uchwały.", href: "/admin/settings#clause.execution" });
    expect(await db().resolutionDraft.count({ where: { nominations: { some: { nominationId: id } } } })).toBe(0);
    await setUpSettings();
  });
});

describe("versions", () => {
  test("each save is a version with author; a stale save is refused; an old version can be restored and compared", async () => {
    const id = await nomination({ "candidate.surname": "Wersjonowany" }, { genitive: "Bolesława Wersjonowanego", dative: "Bolesławowi Wersjonowanemu" });
    const draftId = await newDraft(id);
    const save = (fields: Fields) => callAction<{ result: { error?: Record<string, string[]> } }>(draftAction, `/drafts/${draftId}`, fields, { id: draftId });
    const content = { printNumber: "1234", mover: "Komisja Medalu wnioskuje.", merits: "Nowy opis zasług." };
    expect((await save({ intent: "save", baseVersion: "1", ...content })).status).toBe(302);
    const stale = await save({ intent: "save", baseVersion: "1", ...content, merits: "Inny opis" });
    expect(stale.status).toBe(409);
    expect(stale.data!.result.error![""]![0]).toMatch(/^Ktoś zapisał wersję 2/);
    expect((await save({ intent: "restore", version: "1", baseVersion: "2" })).status).toBe(302);
    const versions = await db().resolutionDraftVersion.findMany({ where: { draftId }, orderBy: { number: "asc" } });
    expect(versions.map((v) => v.number)).toEqual([1, 2, 3]);
    expect(JSON.parse(versions[2]!.content)).toEqual(JSON.parse(versions[0]!.content));
    expect(versions.every((v) => v.authorId)).toBe(true);

    const page = await callLoader<{ diff: { parts: { value: string; added?: boolean; removed?: boolean }[] } }>(draftLoader, `/drafts/${draftId}?from=2&to=3`, {
      id: draftId,
    });
    const parts = page.data!.diff.parts;
    expect(
      parts
        .filter((p) => p.removed)
        .map((p) => p.value)
        .join(" "),
    ).toContain("Nowy");
    expect(
      parts
        .filter((p) => p.added)
        .map((p) => p.value)
        .join(""),
    ).toContain("Zasługi");
  });

  test("adopting the resolution freezes the draft at its last version", async () => {
    const id = await nomination(
      { "candidate.surname": "Zamrożony", requestedClass: "BRONZE" },
      { genitive: "Bolesława Zamrożonego", dative: "Bolesławowi Zamrożonemu" },
    );
    const draftId = await newDraft(id);
    await signInAs(["KP09_SPECIALIST"]);
    const step = async (to: string, fields: Fields = {}) => {
      const { version } = await db().nomination.findUniqueOrThrow({ where: { id } });
      return callAction(stepAction, `/nominations/${id}/step/${to}`, { version: String(version), ...fields }, { id, to });
    };
    await step("FORMALLY_COMPLETE");
    await step("OPINION_POSITIVE", { eventDate: "2026-02-02", opinionClass: "BRONZE" });
    await step("DRAFT_PREPARED");
    await step("FORWARDED", { eventDate: "2026-02-10", actNumber: "77/2026" });
    expect((await db().resolutionDraft.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("FORWARDED");
    expect((await step("ADOPTED", { eventDate: "2026-03-11", actNumber: "XLVI/1888/26" })).status).toBe(302);
    const frozen = await db().resolutionDraft.findUniqueOrThrow({ where: { id: draftId } });
    expect(frozen.status).toBe("ADOPTED");
    expect(frozen.frozenVersionId).not.toBeNull();
    const refused = await callAction(
      draftAction,
      `/drafts/${draftId}`,
      { intent: "save", baseVersion: "1", printNumber: "", mover: "x", merits: "y" },
      { id: draftId },
    );
    expect(refused.status).toBe(409);
    const { pdf } = await documents(draftId, "RESOLUTION");
    expect(pdf).toContain("UCHWAŁA NR XLVI/1888/26 RADY MIASTA KRAKOWA z dnia 11 marca 2026 r.");
  });

  test("one resolution for several medal laureates of the same class", async () => {
    const step = async (id: string, to: string, fields: Fields = {}) => {
      const { version } = await db().nomination.findUniqueOrThrow({ where: { id } });
      return callAction(stepAction, `/nominations/${id}/step/${to}`, { version: String(version), ...fields }, { id, to });
    };
    const positive = async (surname: string, dative: string, medalClass: string) => {
      const id = await nomination(
        { "candidate.surname": surname, requestedClass: medalClass, merits: `Zasługi: ${surname}.` },
        { genitive: `Bolesława ${surname}`, dative },
      );
      await step(id, "FORMALLY_COMPLETE");
      await step(id, "OPINION_POSITIVE", { eventDate: "2026-02-02", opinionClass: medalClass });
      return id;
    };
    const first = await positive("Pierwszak", "Bolesławowi Pierwszakowi", "SILVER");
    const second = await positive("Drugak", "Bolesławowi Drugakowi", "SILVER");
    const gold = await positive("Złotak", "Bolesławowi Złotakowi", "BRONZE");
    const draftId = await newDraft(first);

    const page = await callLoader<{ joinable: { id: string }[] }>(draftLoader, `/drafts/${draftId}`, { id: draftId });
    const joinable = page.data!.joinable.map((j) => j.id);
    expect(joinable).toContain(second);
    expect(joinable).not.toContain(gold);
    const refused = await callAction<{ result: { error: Record<string, string[]> } }>(
      draftAction,
      `/drafts/${draftId}`,
      { intent: "join", nominationId: gold },
      { id: draftId },
    );
    expect(refused.status).toBe(422);
    expect(refused.data!.result.error.nominationId![0]).toMatch(/tej samej klasy/);

    expect((await callAction(draftAction, `/drafts/${draftId}`, { intent: "join", nominationId: second }, { id: draftId })).status).toBe(302);
    const { pdf, docx } = await documents(draftId, "RESOLUTION");
    for (const text of [pdf, docx]) {
      expect(text).toContain("w sprawie przyznania Srebrnych Medali „Cracoviae Merenti”");
      expect(text).toContain("przyznaje się Srebrne Medale „Cracoviae Merenti”: 1) Panu Bolesławowi Pierwszakowi, 2) Panu Bolesławowi Drugakowi.");
    }
    const justification = await documents(draftId, "JUSTIFICATION");
    expect(justification.pdf).toContain("Zasługi: Drugak.");
  });

  test("KP-04 cannot open drafts", async () => {
    await signInAs("KP04_CLERK");
    const draft = await db().resolutionDraft.findFirstOrThrow();
    expect((await callLoader(draftLoader, `/drafts/${draft.id}`, { id: draft.id })).status).toBe(403);
    await signInAs("KP09_SPECIALIST");
  });
});
