// Issue 16, item 13: the letters to Honoris Gratia applicants. Through the real intake, bulk
// grant and download routes on a real database, read back with pdftotext: the applicant's postal
// address from the intake, one letter per applicant per decision naming all their laureates, the
// letterhead and place and date from the settings, a named signatory, PDF/A. From fictional data
// through the real templates and renderers: page numbers restart with each letter (PDF and DOCX)
// and the wording follows the Mayor's gender.
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, test } from "vitest";
import { hgDocument, hgRefusalLettersDocument, renderMade } from "#app/documents/honoris-gratia.server";
import type { LetterApplication } from "#app/domain/hg-letters";
import { refusalLetters } from "#app/domain/hg-refusal-letters";
import { addDays, formatPolishDate, todayIso } from "#app/domain/polish-dates";
import { hgDecisionData } from "#app/models/hg-decisions.server";
import { action as bulkAction } from "#app/routes/hg.bulk";
import { loader as decisionLoader } from "#app/routes/hg.decisions.$id";
import { loader as download } from "#app/routes/hg.decisions.$id_.download";
import { action as intakeAction } from "#app/routes/hg.new";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, signInAs, type Fields } from "./helpers";
import { expectArchivalPdf, flatText, pdfPages } from "./pdf-checks";

type Reply = { result: { error?: Record<string, string[] | null> } };
type BulkReply = { summary: { done: unknown[] } | null; ordinanceId: string | null };

const today = todayIso();
const received = addDays(today, -10);
const decided = addDays(today, -1);
let cookie = "";
let n = 0;

const FOUNDATION_ADDRESS = { applicantStreet: "ul. Floriańska 3/5", applicantPostalCode: "31-019", applicantCity: "Kraków" };

function intake(applicantName: string, surname: string, more: Fields = {}): Fields {
  n++;
  return {
    creationToken: `hg-letters-${Date.now()}-${n}`,
    channel: "PAPER",
    receivedDate: received,
    caseReference: `KP-04.0012.${700 + n}.2026`,
    applicantKind: "ORGANIZATION",
    applicantName,
    applicantContact: "sekretariat@example.org",
    "laureates[0].kind": "PERSON",
    "laureates[0].givenNames": "Halina",
    "laureates[0].surname": surname,
    "laureates[0].grammaticalGender": "FEMININE",
    "laureates[0].city": "Kraków",
    proposedEventName: "",
    ...more,
  };
}

async function apply(fields: Fields): Promise<string> {
  const answer = await callAction<Reply>(intakeAction, "/hg/new", fields);
  expect(answer.status, JSON.stringify(answer.data)).toBe(302);
  const id = new URL(answer.location!, "http://localhost").searchParams.get("after")!;
  return (await db().nomination.findFirstOrThrow({ where: { hgApplicationId: id } })).id;
}

let ordinanceId = "";

beforeAll(async () => {
  ({ cookie } = await signInAs("KP04_CLERK"));
  await db().signatory.deleteMany({ where: { office: "MAYOR" } });
  await db().signatory.create({ data: { office: "MAYOR", fullName: "Jan Testowy", titleLine: "Prezydent Miasta Krakowa", validFrom: "2024-05-07" } });
  // Two applications of one foundation (the second typed with other spacing and case) and one of a person.
  const ids = [
    await apply(intake("Fundacja Listowa im. Jana Pawła", "Pierwsza-Listowa", FOUNDATION_ADDRESS)),
    await apply(intake("Fundacja  listowa im. Jana Pawła", "Druga-Listowa", FOUNDATION_ADDRESS)),
    await apply(
      intake("Jan Osobny", "Trzecia-Listowa", {
        applicantKind: "PERSON",
        applicantStreet: "os. Centrum C 7/12",
        applicantPostalCode: "31-929",
        applicantCity: "Kraków",
      }),
    ),
  ];
  expect((await callAction<BulkReply>(bulkAction, "/hg/bulk", { bulkAction: "verify", ids })).data!.summary!.done).toHaveLength(3);
  const granted = await callAction<BulkReply>(bulkAction, "/hg/bulk", {
    bulkAction: "grant",
    ids,
    actNumber: `812/${decided.slice(0, 4)}`,
    eventDate: decided,
  });
  expect(granted.data!.summary!.done).toHaveLength(3);
  ordinanceId = granted.data!.ordinanceId!;
});

async function downloaded(document: "decision" | "letters", format: "pdf" | "docx"): Promise<Buffer> {
  const res = (await download({
    request: new Request(`http://localhost/hg/decisions/${ordinanceId}/download?document=${document}&format=${format}`, { headers: { Cookie: cookie } }),
    params: { id: ordinanceId },
    context: {},
  })) as Response;
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe("the intake records the applicant's postal address", () => {
  test("saved in its own columns; a wrong postal code or half an address is refused next to the field, nothing saved", async () => {
    const stored = await db().honorisGratiaApplication.findFirstOrThrow({ where: { applicantName: "Jan Osobny" } });
    expect(stored).toMatchObject({ applicantStreet: "os. Centrum C 7/12", applicantPostalCode: "31-929", applicantCity: "Kraków" });

    const before = await db().honorisGratiaApplication.count();
    const wrong = await callAction<Reply>(
      intakeAction,
      "/hg/new",
      intake("Ktoś Inny", "Błędna-Listowa", { applicantStreet: "ul. Długa 1", applicantPostalCode: "31004", applicantCity: "" }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data!.result.error!.applicantPostalCode).toEqual(["Kod pocztowy ma postać 00-000, np. 31-004."]);
    expect(wrong.data!.result.error!.applicantCity).toEqual(["Podaj miejscowość (albo zostaw cały adres pusty)."]);
    expect(await db().honorisGratiaApplication.count()).toBe(before);
  });
});

describe("letters about a grant", () => {
  test("one letter per applicant naming all their laureates; letterhead, place and date, address, a named signatory", async () => {
    const pages = await pdfPages(await downloaded("letters", "pdf"));
    const letters = pages.map(flatText);
    expect(letters).toHaveLength(2);
    const foundation = letters.find((l) => l.includes("Fundacja Listowa"))!;
    const person = letters.find((l) => l.includes("Jan Osobny"))!;
    expect(foundation).toContain("Halina Pierwsza-Listowa, odznaka nr");
    expect(foundation).toContain("Halina Druga-Listowa, odznaka nr");
    expect(foundation).not.toContain("Trzecia-Listowa");
    expect(person).toContain("Halina Trzecia-Listowa, odznaka nr");
    expect(foundation).toContain("w pismach, które wpłynęły");
    expect(person).toContain(`w piśmie, które wpłynęło ${formatPolishDate(received).replace(/\u00a0/g, " ")}`);
    for (const letter of [foundation, person]) {
      expect(letter.startsWith("Kancelaria Prezydenta Miasta Krakowa pl. Wszystkich Świętych 3-4 31-004 Kraków")).toBe(true);
      expect(letter).toContain(`Kraków, ${formatPolishDate(decided).replace(/\u00a0/g, " ")}`);
      // Signed by the Mayor by name, not by „the office”.
      expect(letter).toMatch(/Z wyrazami szacunku Prezydent Miasta Krakowa Jan Testowy$/);
    }
    expect(foundation).toContain("Fundacja Listowa im. Jana Pawła ul. Floriańska 3/5 31-019 Kraków");
    expect(foundation).toMatch(/znak sprawy: KP-04\.0012\.\d+\.2026, KP-04\.0012\.\d+\.2026/);
    expect(person).toContain("Jan Osobny os. Centrum C 7/12 31-929 Kraków");
  });

  test("the letters and the decision are PDF/A-2b, tagged, with their fonts embedded", async () => {
    await expectArchivalPdf(await downloaded("letters", "pdf"), "letters");
    await expectArchivalPdf(await downloaded("decision", "pdf"), "decision");
  });

  test("without the letterhead in the settings the letters are not made, and the page says where to set it", async () => {
    await db().datedSetting.deleteMany({ where: { key: "letters.senderAddress" } });
    const page = await callLoader<Awaited<ReturnType<typeof decisionLoader>>>(decisionLoader, `/hg/decisions/${ordinanceId}`, { id: ordinanceId });
    const letters = page.data!.documents.find((d) => d.document === "letters")!.made;
    expect(letters).toMatchObject({ kind: "missing", href: "/admin/settings#letters.senderOffice" });
    expect(hgDocument("letters", (await hgDecisionData(ordinanceId))!).kind).toBe("missing");
  });
});

describe("page numbers restart with each letter", () => {
  const application = (id: string, name: string): LetterApplication => ({
    id,
    applicantName: name,
    applicantContact: "",
    applicantStreet: "ul. Testowa 1",
    applicantPostalCode: "30-001",
    applicantCity: "Kraków",
    caseReference: `KP-04.0012.${id}.2026`,
    receivedDate: "2026-01-12",
  });
  const reason = "Wniosek nie wykazał szczególnych zasług dla Krakowa wymaganych regulaminem odznaki; opisane działania mają charakter lokalny i krótkotrwały.";
  const refused = (id: string, app: LetterApplication, why = reason) => ({
    id,
    candidateName: `Kandydat ${id}`,
    reason: why,
    refusedOn: "2026-03-02",
    caseReference: "",
    application: app,
  });
  // Three applicants: a short letter, a letter of two pages (many refusals, each its own reason), a short one.
  const { letters } = refusalLetters([
    refused("a1", application("a", "Akademia Krótkich Pism")),
    ...Array.from({ length: 16 }, (_, i) => refused(`b${i}`, application("b", "Bractwo Długich Pism"), `${reason} (${i + 1})`)),
    refused("c1", application("c", "Cech Krótkich Pism")),
  ]);
  const sender = { office: "Kancelaria Prezydenta Miasta Krakowa", address: "pl. Wszystkich Świętych 3-4, 31-004 Kraków" };

  test("PDF: „Strona 1 z 2”, „Strona 2 z 2” on the long letter only, never a count across the batch", async () => {
    const made = hgRefusalLettersDocument(letters, "2026-03-09", { fullName: "Anna Nowak", titleLine: "Prezydent Miasta Krakowa" }, sender);
    expect(made.kind).toBe("ok");
    const pages = await pdfPages(await renderMade(made as Extract<typeof made, { kind: "ok" }>, "pdf"));
    expect(pages).toHaveLength(4);
    const numbers = pages.map((p) => p.match(/Strona \d+ z \d+/g) ?? []);
    expect(numbers).toEqual([[], ["Strona 1 z 2"], ["Strona 2 z 2"], []]);
    expect(flatText(pages[1]!)).toContain("Bractwo Długich Pism");
    // The Mayor is a woman: „odmówiła”.
    expect(flatText(pages[0]!)).toContain("Prezydent Miasta Krakowa decyzją z dnia 2 marca 2026 r. odmówiła uwzględnienia Państwa wniosku");
  });

  test("DOCX: a section per letter, numbered from 1, counting the section's pages", async () => {
    const made = hgRefusalLettersDocument(letters, "2026-03-09", { fullName: "Jan Testowy", titleLine: "Prezydent Miasta Krakowa" }, sender);
    const files = unzipSync(new Uint8Array(await renderMade(made as Extract<typeof made, { kind: "ok" }>, "docx")));
    const xml = strFromU8(files["word/document.xml"]!);
    expect(xml.match(/<w:sectPr/g)).toHaveLength(3);
    expect(xml.match(/<w:pgNumType w:start="1"/g)).toHaveLength(3);
    const footers = Object.entries(files).filter(([name]) => /^word\/footer\d*\.xml$/.test(name));
    for (const [, footer] of footers) expect(strFromU8(footer)).toMatch(/Strona [\s\S]*PAGE[\s\S]* z [\s\S]*SECTIONPAGES/);
  });
});
