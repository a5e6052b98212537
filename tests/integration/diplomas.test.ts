// Diplomas on a real SQLite copy with the real templates and renderer: the printed PDF's text
// (pdftotext), confirmation and staleness, reprints with a reason, permissions.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { action as pageAction, loader as pageLoader } from "#app/routes/conferrals.$id.diploma";
import { action as printAction, loader as printLoader } from "#app/routes/conferrals.$id.diploma.print";
import { newPublicId } from "#app/models/workflow.server";
import { parseMarkup } from "#app/documents/markup";
import { renderPdf } from "#app/documents/pdf.server";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, postRequest, resumeSession, signInAs } from "./helpers";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "merenti-diplomas-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdfText(buffer: ArrayBuffer): Promise<{ text: string; info: string; images: string }> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, Buffer.from(buffer));
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
  const info = (await run("pdfinfo", [file])).stdout;
  const images = (await run("pdfimages", ["-list", file])).stdout;
  return { text: stdout.replace(/[\s\u00a0]+/g, " ").trim(), info, images };
}

type Page = {
  missing: { message: string; href: string }[];
  diploma: { id: string; sourceHash: string; confirmed: boolean; stale: boolean; verificationCode: string } | null;
  prints: { reason: string }[];
  refusal: string | null;
};

let seq = 0;
async function conferral(options: { honour?: string; surname?: string; dative?: string; gender?: string; confirmed?: boolean } = {}) {
  seq++;
  const term = await db().councilTerm.findFirstOrThrow({ orderBy: { number: "desc" } });
  const given = "Bolesław";
  const surname = options.surname ?? "Rajčić";
  const candidate = await db().candidate.create({
    data: {
      kind: "PERSON",
      givenNames: given,
      surname,
      grammaticalGender: options.gender ?? "MASCULINE",
      nameNominative: `${given} ${surname}`,
      nameGenitive: `Bolesława ${surname}a`,
      nameDative: options.dative ?? `Bolesławowi ${surname}owi`,
      nameFormsConfirmedAt: options.confirmed === false ? null : new Date(),
      displayName: `${surname} ${given}`,
      sortName: `${surname} ${given}`.toLowerCase(),
      foldedName: `${given} ${surname}`.toLowerCase(),
    },
  });
  const honour = options.honour ?? "CRACOVIAE_MERENTI";
  const act =
    honour === "HONORIS_GRATIA"
      ? { ordinanceId: (await db().ordinance.create({ data: { number: `${100 + seq}/2026`, issuedOn: "2026-02-02", kind: "HG_DECISION" } })).id }
      : {
          resolutionId: (
            await db().resolution.create({ data: { councilTermId: term.id, number: `XLI/${1000 + seq}/26`, sessionNumber: 41, runningNumber: 1000 + seq, adoptedOn: "2026-03-11" } })
          ).id,
        };
  const c = await db().conferral.create({
    data: {
      publicId: newPublicId(),
      candidateId: candidate.id,
      honour,
      medalClass: honour === "CRACOVIAE_MERENTI" ? "SILVER" : null,
      numberSeries: honour === "CRACOVIAE_MERENTI" ? "CM_SILVER" : honour === "HONORIS_GRATIA" ? "HG" : null,
      number: honour === "HONORARY_CITIZENSHIP" ? null : 900 + seq,
      conferredOn: "2026-03-11",
      handedOverOn: "2026-06-05",
      ...act,
    },
  });
  return { id: c.id, candidateId: candidate.id, number: 900 + seq, resolution: `XLI/${1000 + seq}/26` };
}

const page = (id: string, query = "") => callLoader<Page>(pageLoader, `/conferrals/${id}/diploma${query}`, { id });
const confirm = async (id: string) => {
  const p = (await page(id)).data!;
  return callAction<{ error?: string }>(pageAction, `/conferrals/${id}/diploma`, { intent: "confirm", diplomaId: p.diploma!.id, hash: p.diploma!.sourceHash }, { id });
};
async function print(id: string, fields: Record<string, string> = {}) {
  const p = (await page(id)).data!;
  const res = (await printAction({ request: postRequest(`/conferrals/${id}/diploma/print`, { diplomaId: p.diploma!.id, ...fields }), params: { id }, context: {} })) as Response;
  return res;
}

let cookie = "";
beforeAll(async () => {
  cookie = (await signInAs("KP09_SPECIALIST")).cookie;
  for (const office of ["MAYOR", "COUNCIL_CHAIR"]) await db().signatory.deleteMany({ where: { office } });
  await db().signatory.createMany({
    data: [
      { office: "MAYOR", fullName: "Jan Testowy", titleLine: "Prezydent Miasta Krakowa", validFrom: "2024-05-07" },
      { office: "COUNCIL_CHAIR", fullName: "Anna Żurawska", titleLine: "Przewodnicząca Rady Miasta Krakowa", validFrom: "2024-05-07" },
    ],
  });
});

describe("printing a diploma", () => {
  test("the confirmed text prints: dative name with č and ł, class and number, resolution, Polish date, signatories, QR and border", async () => {
    const c = await conferral();
    const before = await page(c.id);
    expect(before.data!.missing).toEqual([]);
    expect(before.data!.diploma!.confirmed).toBe(false);

    const refused = await print(c.id);
    expect(refused.status).toBe(303);
    expect(refused.headers.get("Location")).toBe(`/conferrals/${c.id}/diploma?blad=NOT_CONFIRMED`);
    expect(await db().diplomaPrint.count({ where: { diplomaId: before.data!.diploma!.id } })).toBe(0);
    expect((await page(c.id, "?blad=NOT_CONFIRMED")).data!.refusal).toMatch(/nie został zatwierdzony/);

    expect((await confirm(c.id)).status).toBe(302);
    const res = await print(c.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("dyplom-Bolesław-Rajčić-")}`);
    const { text, info, images } = await pdfText(await res.arrayBuffer());
    // The QR code: one image on the page (the border is vector drawing).
    expect(images.split("\n").filter((l) => /^\s*1\s+\d+\s+image\s/.test(l))).toHaveLength(1);
    expect(text).toContain("Panu Bolesławowi Rajčićowi");
    expect(text).toContain(`Srebrny Medal „Cracoviae Merenti” nr ${c.number}`);
    expect(text).toContain(`uchwałą nr ${c.resolution} Rady Miasta Krakowa z dnia 11 marca 2026 r.`);
    expect(text).toContain("w dowód uznania Jego szczególnych zasług dla Stołecznego Królewskiego Miasta Krakowa");
    expect(text).toContain("Kraków, 5 czerwca 2026 r.");
    expect(text).toContain("Przewodnicząca Rady Miasta Krakowa Anna Żurawska");
    expect(text).toContain("Prezydent Miasta Krakowa Jan Testowy");
    expect(text).toContain(`Kod weryfikacyjny: ${before.data!.diploma!.verificationCode}`);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Title:\s+Dyplom: Srebrny Medal „Cracoviae Merenti” nr \d+, Bolesław Rajčić/);
    expect(info).toMatch(/Author:\s+Rada Miasta Krakowa/);

    const prints = await db().diplomaPrint.findMany({ where: { diplomaId: before.data!.diploma!.id } });
    expect(prints).toHaveLength(1);
    expect(prints[0]).toMatchObject({ mode: "FULL", reason: "", textHash: before.data!.diploma!.sourceHash });
    expect(await db().auditEvent.count({ where: { entityType: "Diploma", action: "PRINT" } })).toBeGreaterThan(0);
  });

  test("a name form changed after confirmation makes it stale: printing is refused until confirmed again", async () => {
    const c = await conferral({ surname: "Kowalczyk", dative: "Bolesławowi Kowalczyku" });
    await page(c.id);
    expect((await confirm(c.id)).status).toBe(302);
    await db().candidate.update({ where: { id: c.candidateId }, data: { nameDative: "Bolesławowi Kowalczykowi" } });
    const stale = await page(c.id);
    expect(stale.data!.diploma).toMatchObject({ stale: true, confirmed: false });
    const refused = await print(c.id);
    expect(refused.headers.get("Location")).toBe(`/conferrals/${c.id}/diploma?blad=STALE`);
    expect((await confirm(c.id)).status).toBe(302);
    const res = await print(c.id);
    expect(res.status).toBe(200);
    expect((await pdfText(await res.arrayBuffer())).text).toContain("Panu Bolesławowi Kowalczykowi");
  });

  test("a name with a letter the font lacks is refused before printing, and no print is logged", async () => {
    const c = await conferral({ surname: "Li", dative: "Bolesławowi Li 李" });
    await page(c.id);
    expect((await confirm(c.id)).status).toBe(302);
    const refused = await print(c.id);
    expect(refused.headers.get("Location")).toBe(`/conferrals/${c.id}/diploma?blad=GLYPHS`);
    expect(await db().diplomaPrint.count({ where: { diploma: { conferralId: c.id } } })).toBe(0);
    expect((await page(c.id, "?blad=GLYPHS")).data!.refusal).toMatch(/znak, którego nie ma w czcionce/);
  });

  test("confirming a text that changed meanwhile is refused", async () => {
    const c = await conferral({ surname: "Zmienny" });
    const p = (await page(c.id)).data!;
    await db().candidate.update({ where: { id: c.candidateId }, data: { nameDative: "Bolesławowi Zmiennemu" } });
    await page(c.id);
    const answer = await callAction<{ error: string }>(pageAction, `/conferrals/${c.id}/diploma`, { intent: "confirm", diplomaId: p.diploma!.id, hash: p.diploma!.sourceHash }, { id: c.id });
    expect(answer.status).toBe(409);
  });

  test("a reprint needs a reason, and the reason is logged", async () => {
    const c = await conferral({ surname: "Łęcki", dative: "Bolesławowi Łęckiemu" });
    await page(c.id);
    await confirm(c.id);
    expect((await print(c.id)).status).toBe(200);
    const noReason = await print(c.id);
    expect(noReason.headers.get("Location")).toBe(`/conferrals/${c.id}/diploma?blad=REASON_REQUIRED`);
    expect((await print(c.id, { reason: "SPOILED" })).status).toBe(200);
    expect((await print(c.id, { reason: "OTHER", reasonText: "zalany kawą" })).status).toBe(200);
    const p = (await page(c.id)).data!;
    expect(p.prints.map((x) => x.reason)).toEqual(["zalany kawą", "zniszczony lub źle wydrukowany egzemplarz", ""]);
  });

  test("a woman's Honorary Citizenship and a Honoris Gratia signed by the Mayor only", async () => {
    const hc = await conferral({ honour: "HONORARY_CITIZENSHIP", surname: "Nowak", gender: "FEMININE", dative: "Łucji Nowak" });
    await page(hc.id);
    await confirm(hc.id);
    const hcText = (await pdfText(await (await print(hc.id)).arrayBuffer())).text;
    expect(hcText).toContain("Pani Łucji Nowak");
    expect(hcText).toContain("„Honorowa Obywatelka Stołecznego Królewskiego Miasta Krakowa”");
    expect(hcText).toContain("w dowód uznania Jej szczególnych zasług");

    const hg = await conferral({ honour: "HONORIS_GRATIA", surname: "Wiśniewski" });
    await page(hg.id);
    await confirm(hg.id);
    const hgText = (await pdfText(await (await print(hg.id)).arrayBuffer())).text;
    expect(hgText).toContain(`Odznaka „Honoris Gratia” nr ${hg.number}`);
    expect(hgText).toContain("zarządzeniem nr");
    expect(hgText).toContain("Prezydent Miasta Krakowa Jan Testowy");
    expect(hgText).not.toContain("Anna Żurawska");
  });

  test("missing data is listed with links; GET on the print address never prints", async () => {
    const c = await conferral({ surname: "Niepotwierdzony", confirmed: false });
    const p = (await page(c.id)).data!;
    expect(p.diploma).toBeNull();
    expect(p.missing).toEqual([{ message: "Formy nazwy laureata (dopełniacz, celownik) nie są potwierdzone.", href: `/candidates/${c.candidateId}/edit` }]);
    const get = await callLoader(printLoader as never, `/conferrals/${c.id}/diploma/print`, { id: c.id });
    expect(get.status).toBe(405);
  });
});

describe("permissions", () => {
  test("a READER gets 403 on the page, the confirmation and the print", async () => {
    const c = await conferral({ surname: "Czytelnik" });
    await page(c.id);
    const diplomaId = (await db().diploma.findFirstOrThrow({ where: { conferralId: c.id } })).id;
    await signInAs("READER");
    expect((await page(c.id)).status).toBe(403);
    expect((await callAction(pageAction, `/conferrals/${c.id}/diploma`, { intent: "confirm", diplomaId, hash: "x" }, { id: c.id })).status).toBe(403);
    expect((await callAction(printAction, `/conferrals/${c.id}/diploma/print`, { diplomaId }, { id: c.id })).status).toBe(403);
    resumeSession(cookie);
  });

  test("printing staff (diploma:print only) see the text and print, but cannot confirm it", async () => {
    const c = await conferral({ surname: "Drukowany" });
    await page(c.id);
    await confirm(c.id);
    const diplomaId = (await db().diploma.findFirstOrThrow({ where: { conferralId: c.id } })).id;
    await signInAs("PRINTING");
    const view = await callLoader<Page & { canConfirm: boolean; canPrint: boolean }>(pageLoader, `/conferrals/${c.id}/diploma`, { id: c.id });
    expect(view.status).toBe(200);
    expect(view.data).toMatchObject({ canConfirm: false, canPrint: true });
    expect((await callAction(pageAction, `/conferrals/${c.id}/diploma`, { intent: "confirm", diplomaId, hash: "x" }, { id: c.id })).status).toBe(403);
    expect((await print(c.id)).status).toBe(200);
    resumeSession(cookie);
  });
});

describe("renderPdf's decorate hook", () => {
  test("runs once after the text with every page buffered; without it the text is the same", async () => {
    const doc = parseMarkup('<document title="Próba"><p>Pierwsza strona.</p><pagebreak/><p>Druga strona.</p></document>');
    const pages: number[] = [];
    const decorated = await renderPdf(doc, {
      decorate: (pdf) => {
        const { start, count } = pdf.bufferedPageRange();
        pages.push(count);
        pdf.switchToPage(start);
        pdf.rect(10, 10, 50, 50).stroke();
      },
    });
    expect(pages).toEqual([2]);
    const plain = await renderPdf(doc);
    const a = await pdfText(new Uint8Array(decorated).buffer);
    const b = await pdfText(new Uint8Array(plain).buffer);
    expect(a.text).toBe(b.text);
    expect(decorated.length).toBeGreaterThan(plain.length);
  });
});
