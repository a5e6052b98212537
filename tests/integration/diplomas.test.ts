// Diplomas on a real SQLite copy with the real templates and renderer: the printed PDF's text
// (pdftotext), confirmation and staleness, reprints with a reason, permissions.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { action as pageAction, loader as pageLoader } from "#app/routes/conferrals.$id.diploma";
import { action as printAction, loader as printLoader } from "#app/routes/conferrals.$id.diploma.print";
import { action as batchAction } from "#app/routes/diplomas.batch";
import { loader as deskLoader } from "#app/routes/diplomas._index";
import { loader as nominationLoader } from "#app/routes/nominations.$id._index";
import { action as createNomination } from "#app/routes/nominations.new";
import { loader as calibrationLoader } from "#app/routes/diplomas.calibration";
import QRCode from "qrcode";
import { action as printerAction } from "#app/routes/admin.settings.printers.$id._index";
import { action as printerDeleteAction } from "#app/routes/admin.settings.printers.$id.delete";
import { MM } from "#app/documents/layout";
import { FULL_QR, STOCK_QR_SIZE } from "#app/documents/diploma-pdf.server";
import { newPublicId } from "#app/models/conferral.server";
import { parseMarkup } from "#app/documents/markup";
import { renderPdf } from "#app/documents/pdf.server";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, formData, personNomination, postRequest, resumeSession, settle, signInAs, toastOfHeaders, type Fields } from "./helpers";
import { action as emblemAction } from "#app/routes/admin.settings.emblems.new";
import * as clock from "#app/domain/clock";

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
async function conferral(options: { honour?: string; surname?: string; dative?: string; gender?: string; confirmed?: boolean; organisation?: string } = {}) {
  seq++;
  const term = await db().councilTerm.findFirstOrThrow({ orderBy: { number: "desc" } });
  const given = "Bolesław";
  const surname = options.surname ?? "Rajčić";
  const organisation = options.organisation
    ? {
        kind: "ORGANISATION",
        grammaticalGender: null,
        nameNominative: options.organisation,
        nameGenitive: options.organisation,
        nameDative: options.organisation,
        displayName: options.organisation,
      }
    : {};
  const candidate = await db().candidate.create({
    data: {
      kind: "PERSON",
      givenNames: given,
      surname,
      grammaticalGender: options.gender ?? "MASCULINE",
      nameNominative: `${given} ${surname}`,
      nameGenitive: `Bolesława ${surname}a`,
      nameDative: options.dative ?? `Bolesławowi ${surname}owi`,
      nameFormsConfirmedAt: options.confirmed === false ? null : clock.now(),
      displayName: `${surname} ${given}`,
      sortName: `${surname} ${given}`.toLowerCase(),
      foldedName: `${given} ${surname}`.toLowerCase(),
      ...organisation,
    },
  });
  const honour = options.honour ?? "CRACOVIAE_MERENTI";
  const act =
    honour === "HONORIS_GRATIA"
      ? { ordinanceId: (await db().ordinance.create({ data: { number: `${100 + seq}/2026`, issuedOn: "2026-02-02", kind: "HG_DECISION" } })).id }
      : {
          resolutionId: (
            await db().resolution.create({
              data: { councilTermId: term.id, number: `XLI/${1000 + seq}/26`, sessionNumber: 41, runningNumber: 1000 + seq, adoptedOn: "2026-03-11" },
            })
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
  return callAction<{ error?: string }>(
    pageAction,
    `/conferrals/${id}/diploma`,
    { intent: "confirm", diplomaId: p.diploma!.id, hash: p.diploma!.sourceHash },
    { id },
  );
};
async function print(id: string, fields: Record<string, string> = {}) {
  const p = (await page(id)).data!;
  const res = (await printAction({
    request: postRequest(`/conferrals/${id}/diploma/print`, { diplomaId: p.diploma!.id, ...fields }),
    params: { id },
    context: {},
  })) as Response;
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
    expect(refused.headers.get("Location")).toBe(`/conferrals/${c.id}/diploma`);
    expect((await toastOfHeaders(refused.headers))!).toMatchObject({ type: "error", title: expect.stringMatching(/nie został zatwierdzony/) as unknown });
    expect(await db().diplomaPrint.count({ where: { diplomaId: before.data!.diploma!.id } })).toBe(0);

    expect((await confirm(c.id)).status).toBe(302);
    const res = await print(c.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("dyplom-Bolesław-Rajčić-")}`);
    const { text, info, images } = await pdfText(await res.arrayBuffer());
    // The border and the QR code are vector drawing: no raster image at all.
    expect(images.split("\n").filter((l) => /^\s*1\s+\d+\s+image\s/.test(l))).toHaveLength(0);
    expect(text).toContain("Panu Bolesławowi Rajčićowi");
    expect(text).toContain(`Srebrny Medal „Cracoviae Merenti” nr ${c.number}`);
    // Issue 16: the Council is named once, above the act line.
    expect(text).toContain(`uchwałą nr ${c.resolution} z dnia 11 marca 2026 r.`);
    expect(text).not.toMatch(/uchwałą nr \S+ Rady Miasta Krakowa/);
    expect(text).toContain("w dowód uznania Jego szczególnych zasług dla Stołecznego Królewskiego Miasta Krakowa");
    expect(text).toContain("Kraków, 5 czerwca 2026 r.");
    // Side by side: the two offices on one line, the two names below them.
    expect(text).toContain("Przewodnicząca Rady Miasta Krakowa Prezydent Miasta Krakowa Anna Żurawska Jan Testowy");
    expect(text).toContain(`Kod weryfikacyjny: ${before.data!.diploma!.verificationCode}`);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Title:\s+Dyplom: Srebrny Medal „Cracoviae Merenti” nr \d+, Bolesław Rajčić/);
    expect(info).toMatch(/Author:\s+Rada Miasta Krakowa/);

    const prints = await db().diplomaPrint.findMany({ where: { diplomaId: before.data!.diploma!.id } });
    expect(prints).toHaveLength(1);
    expect(prints[0]).toMatchObject({ mode: "FULL", reason: "", textHash: before.data!.diploma!.sourceHash });
    expect(await db().auditEvent.count({ where: { entityType: "Diploma", action: "PRINT", entityId: before.data!.diploma!.id } })).toBe(1);
  });

  test("a name form changed after confirmation makes it stale: printing is refused until confirmed again", async () => {
    const c = await conferral({ surname: "Kowalczyk", dative: "Bolesławowi Kowalczyku" });
    await page(c.id);
    expect((await confirm(c.id)).status).toBe(302);
    await db().candidate.update({ where: { id: c.candidateId }, data: { nameDative: "Bolesławowi Kowalczykowi" } });
    const stale = await page(c.id);
    expect(stale.data!.diploma).toMatchObject({ stale: true, confirmed: false });
    const refused = await print(c.id);
    expect(refused.headers.get("Location")).toBe(`/conferrals/${c.id}/diploma`);
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
    expect(refused.headers.get("Location")).toBe(`/conferrals/${c.id}/diploma`);
    expect(await db().diplomaPrint.count({ where: { diploma: { conferralId: c.id } } })).toBe(0);
    expect((await toastOfHeaders(refused.headers))!.title).toMatch(/znak, którego nie ma w czcionce/);
  });

  test("confirming a text that changed meanwhile is refused", async () => {
    const c = await conferral({ surname: "Zmienny" });
    const p = (await page(c.id)).data!;
    await db().candidate.update({ where: { id: c.candidateId }, data: { nameDative: "Bolesławowi Zmiennemu" } });
    await page(c.id);
    const answer = await callAction<{ error: string }>(
      pageAction,
      `/conferrals/${c.id}/diploma`,
      { intent: "confirm", diplomaId: p.diploma!.id, hash: p.diploma!.sourceHash },
      { id: c.id },
    );
    expect(answer.status).toBe(409);
  });

  test("a reprint needs a reason, and the reason is logged", async () => {
    const c = await conferral({ surname: "Łęcki", dative: "Bolesławowi Łęckiemu" });
    await page(c.id);
    await confirm(c.id);
    expect((await print(c.id)).status).toBe(200);
    const noReason = await print(c.id);
    expect(noReason.headers.get("Location")).toBe(`/conferrals/${c.id}/diploma`);
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
    expect(hgText).toContain(`przyznaje Panu Bolesławowi Wiśniewskiowi Odznakę Honorową „Honoris Gratia” nr ${hg.number}`);
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

// ---------------------------------------------------------------- reading the printed pages

function pdfFile(pdf: ArrayBuffer | Buffer): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, Buffer.from(pdf as ArrayBuffer));
  return file;
}

async function pageTexts(pdf: ArrayBuffer | Buffer): Promise<string[]> {
  const file = pdfFile(pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec((await run("pdfinfo", [file])).stdout)![1]);
  const out: string[] = [];
  for (let p = 1; p <= pages; p++) {
    const { stdout } = await run("pdftotext", ["-enc", "UTF-8", "-f", String(p), "-l", String(p), file, "-"]);
    out.push(stdout.replace(/[\s\u00a0]+/g, " ").trim());
  }
  return out;
}

type Word = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };
/** The words of a page with their boxes in points (pdftotext -bbox), and the page's size. */
async function pageWords(pdf: ArrayBuffer | Buffer, page = 1): Promise<{ width: number; height: number; words: Word[] }> {
  const { stdout } = await run("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), pdfFile(pdf), "-"]);
  const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(stdout)!;
  const words = [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!,
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
  return { width: Number(size[1]), height: Number(size[2]), words };
}

const DPI = 144;
/** The page rasterised by pdftoppm; pixel(x, y) in points from the top left, as [r, g, b]. */
async function raster(pdf: ArrayBuffer | Buffer, page = 1) {
  const base = path.join(dir, Math.random().toString(36).slice(2));
  await run("pdftoppm", ["-r", String(DPI), "-f", String(page), "-l", String(page), "-singlefile", pdfFile(pdf), base]);
  const ppm = readFileSync(`${base}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString("latin1"))!;
  const width = Number(header[1]);
  const offset = header[0].length;
  return (x: number, y: number): [number, number, number] => {
    const i = offset + (Math.round((y * DPI) / 72) * width + Math.round((x * DPI) / 72)) * 3;
    return [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
  };
}

/**
 * Reads the QR code back from the printed page: samples the centre of every module of the
 * square of `size` points at (x, y) and compares it with the code of `text`. The QR's position is fixed
 * (left margin, above the bottom margin), so this checks what the paper will carry.
 */
async function qrOnPage(
  pdf: ArrayBuffer | Buffer,
  text: string,
  x: number,
  y: number,
  page = 1,
  size = STOCK_QR_SIZE,
): Promise<{ matching: number; total: number }> {
  const pixel = await raster(pdf, page);
  // The encoding the diplomas use (app/documents/qr.ts): one byte segment, level M, mask 2.
  const { modules } = QRCode.create([{ data: new TextEncoder().encode(text), mode: "byte" }], { errorCorrectionLevel: "M", maskPattern: 2 });
  const cell = size / modules.size;
  let matching = 0;
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      const [red] = pixel(x + (c + 0.5) * cell, y + (r + 0.5) * cell);
      if (red < 128 === Boolean(modules.get(r, c))) matching++;
    }
  }
  return { matching, total: modules.size * modules.size };
}

async function postBatch(fields: Fields, json = true): Promise<Response> {
  const request = new Request("http://localhost/diplomas/batch", {
    method: "POST",
    body: formData(fields),
    headers: { Cookie: cookie, ...(json ? { Accept: "application/json" } : {}) },
  });
  return (await batchAction({ request, params: {}, context: {} })) as Response;
}

async function readyConferral(options: Parameters<typeof conferral>[0] = {}) {
  const c = await conferral(options);
  await page(c.id);
  expect((await confirm(c.id)).status).toBe(302);
  const d = await db().diploma.findFirstOrThrow({ where: { conferralId: c.id }, include: { conferral: true } });
  return {
    ...c,
    diplomaId: d.id,
    publicUrl: `${(await import("#app/utils/env.server")).env().PUBLIC_BASE_URL.replace(/\/+$/, "")}/rejestr/${d.conferral.publicId}`,
  };
}

describe("batches", () => {
  test("a ceremony's batch: a cover sheet, then the diplomas in hand-over order, logged with one batchId", async () => {
    const first = await readyConferral({ surname: "Pierwszak" });
    const second = await readyConferral({ surname: "Drugak" });
    const third = await readyConferral({ surname: "Trzeciak" });
    const ceremony = await db().ceremony.create({
      data: {
        kind: "GALA",
        title: "Gala testowa",
        date: "2026-06-05",
        startTime: "18:00",
        endTime: "20:00",
        laureates: {
          create: [
            { conferralId: third.id, position: 1 },
            { conferralId: first.id, position: 2 },
            { conferralId: second.id, position: 5 },
          ],
        },
      },
    });
    const res = await postBatch({ conferralId: [first.id, second.id, third.id], ceremonyId: ceremony.id, mode: "FULL" });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("X-Diploma-Count")).toBe("3");
    // The batch confirms itself (the desk shows the toast when it reloads), with a link back to the ceremony.
    expect(await toastOfHeaders(res.headers)).toMatchObject({
      type: "success",
      title: "Wydrukowano: 3\u00a0dyplomy.",
      link: { href: `/ceremonies/${ceremony.id}`, label: "Wróć do uroczystości" },
    });
    const pdf = await res.arrayBuffer();
    const pages = await pageTexts(pdf);
    expect(pages).toHaveLength(4);
    const cover = pages[0]!;
    expect(cover).toContain("KOLEJNOŚĆ WRĘCZANIA Gala testowa, 5 czerwca 2026 r.");
    expect(cover).toContain("3 dyplomy w kolejności wręczania");
    expect(cover).toContain(`1. Trzeciak Bolesław: Srebrny Medal „Cracoviae Merenti”; nr medalu/odznaki: ${third.number}`);
    expect(cover.indexOf("1. Trzeciak")).toBeLessThan(cover.indexOf("2. Pierwszak"));
    expect(cover.indexOf("2. Pierwszak")).toBeLessThan(cover.indexOf("3. Drugak"));
    expect(cover).toMatch(/Wydrukował\(a\): Test KP09_SPECIALIST/);
    expect(pages[1]).toContain("Panu Bolesławowi Trzeciakowi");
    expect(pages[2]).toContain("Panu Bolesławowi Pierwszakowi");
    expect(pages[3]).toContain("Panu Bolesławowi Drugakowi");
    // Each diploma carries its own QR code: the third laureate's on page 2.
    const { height } = await pageWords(pdf, 2);
    const qr = await qrOnPage(pdf, third.publicUrl, FULL_QR.inset, height - FULL_QR.inset - FULL_QR.size, 2, FULL_QR.size);
    expect(qr.matching / qr.total).toBeGreaterThan(0.98);

    const prints = await db().diplomaPrint.findMany({
      where: { diplomaId: { in: [first.diplomaId, second.diplomaId, third.diplomaId] } },
      include: { diploma: true },
    });
    expect(prints).toHaveLength(3);
    expect(new Set(prints.map((p) => p.batchId)).size).toBe(1);
    expect(prints[0]!.batchId).toBeTruthy();
    for (const p of prints) expect(p).toMatchObject({ mode: "FULL", reason: "", textHash: p.diploma.sourceHash, printedById: expect.any(String) });
    expect(await db().auditEvent.count({ where: { entityType: "DiplomaBatch", entityId: prints[0]!.batchId! } })).toBe(1);

    // The desk lists the ceremony's laureates in hand-over order, printed once.
    const desk = await callLoader<{ rows: { conferralId: string; position: number; prints: number; ready: boolean }[] }>(
      deskLoader,
      `/diplomas?ceremony=${ceremony.id}&stan=all`,
    );
    expect(desk.data!.rows.map((r) => [r.conferralId, r.position, r.prints, r.ready])).toEqual([
      [third.id, 1, 1, true],
      [first.id, 2, 1, true],
      [second.id, 5, 1, true],
    ]);

    // A second batch of the same diplomas is a reprint: refused without a reason, then logged with it.
    const again = await postBatch({ conferralId: [first.id], mode: "FULL" });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { problems: { problems: string[] }[] }).problems[0]!.problems).toContain(
      "Dyplom był już drukowany: podaj powód ponownego wydruku.",
    );
    expect((await postBatch({ conferralId: [first.id], mode: "FULL", reason: "LOST" })).status).toBe(200);
    expect((await db().diplomaPrint.findMany({ where: { diplomaId: first.diplomaId }, orderBy: { printedAt: "asc" } })).map((p) => p.reason)).toEqual([
      "",
      "LOST",
    ]);
  });

  test("a batch with an unconfirmed diploma is refused with the list of what is missing, and nothing is logged", async () => {
    const ready = await readyConferral({ surname: "Gotowy" });
    const pending = await conferral({ surname: "Niezatwierdzony" });
    await page(pending.id);
    const noForms = await conferral({ surname: "Bezform", confirmed: false });
    const res = await postBatch({ conferralId: [ready.id, pending.id, noForms.id], mode: "FULL" });
    expect(res.status).toBe(409);
    const answer = (await res.json()) as { message: string; problems: { conferralId: string; name: string; problems: string[] }[] };
    expect(answer.message).toMatch(/Nic nie zostało wydrukowane/);
    expect(answer.problems).toEqual([
      expect.objectContaining({ conferralId: pending.id, name: "Niezatwierdzony Bolesław", problems: ["Tekst dyplomu nie jest zatwierdzony."] }),
      expect.objectContaining({ conferralId: noForms.id, problems: ["Formy nazwy laureata (dopełniacz, celownik) nie są potwierdzone."] }),
    ]);
    expect(await db().diplomaPrint.count({ where: { diploma: { conferralId: { in: [ready.id, pending.id] } } } })).toBe(0);

    // Without JavaScript: back to the desk, which checks the same selection again and lists it.
    const plain = await postBatch({ conferralId: [ready.id, pending.id], mode: "FULL" }, false);
    expect(plain.status).toBe(303);
    const location = plain.headers.get("Location")!;
    expect(location).toMatch(/^\/diplomas\?zaznaczone=/);
    // The message travels in the session, not the address.
    expect(await toastOfHeaders(plain.headers)).toMatchObject({ type: "error", title: expect.stringMatching(/^Nic nie zostało wydrukowane/) as unknown });
    const desk = await callLoader<{ problems: { conferralId: string }[] }>(deskLoader, location);
    expect(desk.data!.problems.map((p) => p.conferralId)).toEqual([pending.id]);
    expect(await db().diplomaPrint.count({ where: { diploma: { conferralId: ready.id } } })).toBe(0);
  });

  test("printing staff without diploma:print cannot print a batch", async () => {
    const c = await readyConferral({ surname: "Bezprawny" });
    await signInAs("READER");
    expect((await callAction(batchAction, "/diplomas/batch", { conferralId: [c.id] })).status).toBe(403);
    resumeSession(cookie);
  });
});

describe("pre-printed stock and calibration", () => {
  // The frame is the city's blue (#1d4f91).
  const BORDER_BLUE = ([r, g, b]: [number, number, number]) => b > 110 && r < 80 && g < 120;

  test("text only, shifted by the printer's offsets: no border, the words and the QR code move by exactly the offsets", async () => {
    const printer = await db().printerProfile.create({ data: { name: "Sala 12 HP", offsetXMm: 5, offsetYMm: -3 } });
    const c = await readyConferral({ surname: "Blankiecki" });
    const full = await (await print(c.id, { mode: "FULL" })).arrayBuffer();
    const unshifted = await (await print(c.id, { mode: "PREPRINTED", reason: "SPOILED" })).arrayBuffer();
    const preprinted = await print(c.id, { mode: "PREPRINTED", printerId: printer.id, reason: "SPOILED" });
    expect(preprinted.status).toBe(200);
    const stock = await preprinted.arrayBuffer();

    // The same words as the full design, placed by the stock's flow instead.
    expect((await pageWords(stock)).words.map((w) => w.text).sort()).toEqual((await pageWords(full)).words.map((w) => w.text).sort());
    const a = await pageWords(unshifted);
    const b = await pageWords(stock);
    expect(b.width).toBeGreaterThan(b.height); // landscape
    expect(b.words.map((w) => w.text)).toEqual(a.words.map((w) => w.text));
    const name = (words: Word[]) => words.find((w) => w.text === "Blankieckiemu" || w.text.startsWith("Blankieck"))!;
    expect(name(b.words).xMin - name(a.words).xMin).toBeCloseTo(5 * MM, 1);
    expect(name(b.words).yMin - name(a.words).yMin).toBeCloseTo(-3 * MM, 1);

    // The border (dark red, 18 pt from the edges) is printed in full mode only.
    const fullPixels = await raster(full);
    const stockPixels = await raster(stock);
    expect(BORDER_BLUE(fullPixels(18, b.height / 2))).toBe(true);
    expect(BORDER_BLUE(stockPixels(18, b.height / 2))).toBe(false);
    expect(stockPixels(18, b.height / 2)).toEqual([255, 255, 255]);
    // The QR code moved with the text.
    const qr = await qrOnPage(stock, c.publicUrl, 25 * MM + 5 * MM, b.height - 25 * MM - 62 - 3 * MM);
    expect(qr.matching / qr.total).toBeGreaterThan(0.98);

    const log = await db().diplomaPrint.findMany({ where: { diplomaId: c.diplomaId }, orderBy: { printedAt: "asc" } });
    expect(log.map((p) => [p.mode, p.printer, p.batchId])).toEqual([
      ["FULL", "", null],
      ["PREPRINTED", "", null],
      ["PREPRINTED", "Sala 12 HP (w prawo 5 mm, w górę 3 mm)", null],
    ]);
  });

  test("a batch on pre-printed stock: the cover sheet is not shifted, the diplomas are", async () => {
    const printer = await db().printerProfile.create({ data: { name: "Kancelaria Canon", offsetXMm: -2.5, offsetYMm: 4 } });
    const c = await readyConferral({ surname: "Partyjny" });
    const res = await postBatch({ conferralId: [c.id], mode: "PREPRINTED", printerId: printer.id });
    expect(res.status).toBe(200);
    const pdf = await res.arrayBuffer();
    expect((await pageTexts(pdf))[0]).toContain("Tryb wydruku: sam tekst na gotowym blankiecie; drukarka: Kancelaria Canon (w lewo 2,5 mm, w dół 4 mm).");
    const cover = await pageWords(pdf, 1);
    expect(cover.height).toBeGreaterThan(cover.width); // the cover is portrait
    const stock = await raster(pdf, 2);
    const { height } = await pageWords(pdf, 2);
    expect(stock(18, height / 2)).toEqual([255, 255, 255]);
    const qr = await qrOnPage(pdf, c.publicUrl, 25 * MM - 2.5 * MM, height - 25 * MM - 62 + 4 * MM, 2);
    expect(qr.matching / qr.total).toBeGreaterThan(0.98);
    expect(await db().diplomaPrint.findFirstOrThrow({ where: { diplomaId: c.diplomaId } })).toMatchObject({
      mode: "PREPRINTED",
      printer: "Kancelaria Canon (w lewo 2,5 mm, w dół 4 mm)",
    });
  });

  test("the calibration page: instructions, rulers and crosshairs 30 mm from the edges, shifted by the printer's offsets", async () => {
    const printer = await db().printerProfile.create({ data: { name: "Kalibrowana", offsetXMm: 5, offsetYMm: -3 } });
    const plainRes = await callLoader(calibrationLoader as never, "/diplomas/calibration");
    expect(plainRes.status).toBe(200);
    const get = (url: string) =>
      calibrationLoader({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), params: {}, context: {} }) as Promise<Response>;
    const plain = await (await get("/diplomas/calibration")).arrayBuffer();
    const shiftedRes = await get(`/diplomas/calibration?printer=${printer.id}&orientation=landscape`);
    expect(shiftedRes.headers.get("Content-Type")).toBe("application/pdf");
    const shifted = await shiftedRes.arrayBuffer();
    const text = (await pageTexts(shifted))[0]!;
    expect(text).toContain("STRONA KALIBRACYJNA");
    expect(text).toContain("drukarka Kalibrowana");
    expect(text).toContain("Zmierz linijką odległość środka każdego krzyżyka");
    expect(text).toContain("Zastosowane przesunięcie: w prawo 5 mm, w górę 3 mm.");
    const a = await pageWords(plain);
    const b = await pageWords(shifted);
    expect(a.width).toBeGreaterThan(a.height);
    // The labels beside the crosshairs ("30 mm") and a ruler's "100": where pdfkit put them.
    const labels = (w: { words: Word[] }) => w.words.filter((x) => x.text === "30").sort((p, q) => p.yMin - q.yMin || p.xMin - q.xMin);
    expect(labels(a)).toHaveLength(labels(b).length);
    const topLeft = labels(a).find((w) => Math.abs(w.xMin - 32.5 * MM) < 2)!;
    expect(topLeft).toBeDefined();
    const moved = labels(b).find((w) => Math.abs(w.xMin - 37.5 * MM) < 2)!;
    expect(moved.xMin - topLeft.xMin).toBeCloseTo(5 * MM, 1);
    expect(moved.yMin - topLeft.yMin).toBeCloseTo(-3 * MM, 1);
    // The crosshair's vertical line at exactly 30 mm from the left edge (unshifted page).
    const pixel = await raster(plain);
    const column = (x: number) => pixel(x, 30 * MM - 4 * MM)[0];
    expect(column(30 * MM)).toBeLessThan(200);
    expect(column(30 * MM + 1.5)).toBe(255);
    const portrait = await pageWords(await (await get("/diplomas/calibration?orientation=portrait")).arrayBuffer());
    expect(portrait.height).toBeGreaterThan(portrait.width);
  });
});

describe("landscape layout", () => {
  test("a very long organisation name stays inside the frame of a landscape diploma", async () => {
    const name =
      "Stowarzyszenie Przyjaciół Zabytkowych Cmentarzy, Kopców, Fortyfikacji i Ogrodów Stołecznego Królewskiego Miasta Krakowa imienia Tadeusza Kościuszki oraz Wszystkich Obrońców Miasta w Latach 1768–1945 z Siedzibą przy Ulicy Świętego Sebastiana";
    const c = await readyConferral({ organisation: name });
    const res = await print(c.id);
    expect(res.status).toBe(200);
    const pdf = await res.arrayBuffer();
    const { width, height, words } = await pageWords(pdf);
    expect(width).toBeGreaterThan(height);
    expect(await pageTexts(pdf)).toHaveLength(1);
    expect((await pageTexts(pdf))[0]).toContain("Sebastiana");
    // The frame's innermost line is 29 pt from the edges.
    for (const w of words) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(30);
      expect(w.xMax, w.text).toBeLessThanOrEqual(width - 30);
      expect(w.yMin, w.text).toBeGreaterThanOrEqual(30);
      expect(w.yMax, w.text).toBeLessThanOrEqual(height - 30);
    }
  });
});

describe("printer profiles in the settings", () => {
  test("validated offsets (comma decimals, at most 30 mm), unique names, stale edits refused, deletion confirmed", async () => {
    const admin = await signInAs("ADMIN");
    type Reply = { result: { error: Record<string, string[]> } };
    const bad = await callAction<Reply>(printerAction, "/admin/settings/printers/new", { name: "", offsetXMm: "abc", offsetYMm: "31" }, { id: "new" });
    expect(bad.status).toBe(400);
    expect(bad.data!.result.error).toMatchObject({
      name: ["Podaj nazwę drukarki."],
      offsetXMm: ["Podaj liczbę milimetrów, np. 1,5 albo -2 (najwyżej jedno miejsce po przecinku)."],
      offsetYMm: ["Przesunięcie może wynosić najwyżej 30 mm w każdą stronę; zmierz je ponownie na stronie kalibracyjnej."],
    });
    const created = await callAction(printerAction, "/admin/settings/printers/new", { name: "Pokój 12", offsetXMm: "1,5", offsetYMm: "-2" }, { id: "new" });
    expect(created.toast).toMatchObject({ title: "Dodano drukarkę." });
    expect(created.status).toBe(302);
    const row = await db().printerProfile.findUniqueOrThrow({ where: { name: "Pokój 12" } });
    expect(row).toMatchObject({ offsetXMm: 1.5, offsetYMm: -2, version: 1 });
    const taken = await callAction<Reply>(printerAction, "/admin/settings/printers/new", { name: "Pokój 12", offsetXMm: "0", offsetYMm: "0" }, { id: "new" });
    expect(taken.data!.result.error.name).toEqual(["Jest już drukarka o tej nazwie: wybierz inną nazwę."]);

    expect(
      (
        await callAction(
          printerAction,
          `/admin/settings/printers/${row.id}`,
          { name: "Pokój 12", offsetXMm: "2", offsetYMm: "-2", version: "1" },
          { id: row.id },
        )
      ).status,
    ).toBe(302);
    const stale = await callAction(
      printerAction,
      `/admin/settings/printers/${row.id}`,
      { name: "Pokój 12", offsetXMm: "9", offsetYMm: "9", version: "1" },
      { id: row.id },
    );
    expect(stale.status).toBe(409);
    expect(await db().printerProfile.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ offsetXMm: 2, version: 2 });

    expect((await callAction(printerDeleteAction, `/admin/settings/printers/${row.id}/delete`, { version: "2" }, { id: row.id })).status).toBe(400);
    const deleted = await callAction(printerDeleteAction, `/admin/settings/printers/${row.id}/delete`, { version: "2", confirm: "on" }, { id: row.id });
    expect(deleted).toMatchObject({ status: 302, location: "/admin/settings#printers", toast: { title: "Usunięto drukarkę." } });
    expect(await db().printerProfile.findUnique({ where: { id: row.id } })).toBeNull();
    expect(await db().auditEvent.count({ where: { entityType: "PrinterProfile", entityId: row.id } })).toBe(3);
    expect(admin.cookie).toBeTruthy();
    resumeSession(cookie);
  });
});

describe("the print log on the nomination page", () => {
  test("lists every print: when, who, mode and printer, single or batch, reason", async () => {
    const c = await readyConferral({ surname: "Wnioskowy" });
    const created = await callAction(createNomination, "/nominations/new", personNomination({ "candidate.surname": "Wnioskowy" }));
    const nomination = { id: created.location!.split("/").pop()! };
    await db().conferral.update({ where: { id: c.id }, data: { nominationId: nomination.id } });
    const printer = await db().printerProfile.create({ data: { name: "Wnioskowa drukarka", offsetXMm: 0, offsetYMm: 1 } });
    expect((await print(c.id)).status).toBe(200);
    expect((await postBatch({ conferralId: [c.id], mode: "PREPRINTED", printerId: printer.id, reason: "MISSPELT" })).status).toBe(200);
    type Row = { by: string; mode: string; printer: string; batch: boolean; reason: string };
    const view = await callLoader<{ diplomaPrints: Row[] }>(nominationLoader, `/nominations/${nomination.id}`, { id: nomination.id });
    expect(view.data!.diplomaPrints.map((p) => [p.mode, p.printer, p.batch, p.reason])).toEqual([
      ["PREPRINTED", "Wnioskowa drukarka (w dół 1 mm)", true, "błąd w tekście (poprawiony)"],
      ["FULL", "", false, ""],
    ]);
    expect(view.data!.diplomaPrints[0]!.by).toBe("Test KP09_SPECIALIST");
  });
});

/** A small PNG (an RGBA square, half transparent), encoded here: the test ships no image file. */
function png(size = 40): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.concat(
    Array.from({ length: size }, (_, y) =>
      Buffer.concat([Buffer.from([0]), ...Array.from({ length: size }, (_, x) => Buffer.from([29, 79, 145, x < size / 2 || y < size / 2 ? 255 : 0]))]),
    ),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("the city's emblem (issue 16, item 8)", () => {
  const upload = async (file: File, fields: Record<string, string> = {}) => {
    const body = formData({ validFrom: "2026-01-01", closePrevious: "on", ...fields });
    body.set("file", file);
    const request = new Request("http://localhost/admin/settings/emblems/new", { method: "POST", body, headers: { Cookie: admin } });
    return settle<{ result: { error?: Record<string, string[]> } }>(() => emblemAction({ request, params: {}, context: {} }));
  };
  let admin = "";

  test("a PNG uploaded from a date is printed above the heading of a diploma of that date; a wrong file is refused in Polish", async () => {
    admin = (await signInAs("ADMIN")).cookie;
    // A GIF named .png: refused by its content, and nothing is stored.
    const gif = await upload(new File([Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1")], "herb.png", { type: "image/png" }));
    expect(gif.status).toBe(400);
    expect(gif.data!.result.error!.file).toEqual([
      "Herb musi być obrazem PNG albo SVG: ten plik nie jest ani jednym, ani drugim (sprawdzamy zawartość pliku, nie jego nazwę).",
    ]);
    const script = await upload(
      new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="10" height="10"/></svg>'], "herb.svg"),
    );
    expect(script.data!.result.error!.file![0]).toMatch(/^Plik SVG zawiera tekst, skrypt, obraz albo odwołanie do innego pliku/);
    const broken = await upload(new File([new Uint8Array(png().subarray(0, 60))], "herb.png"));
    expect(broken.data!.result.error!.file).toEqual(["Pliku PNG nie da się odczytać: jest uszkodzony albo niepełny."]);
    expect(await db().emblem.count()).toBe(0);

    const saved = await upload(new File([new Uint8Array(png())], "herb-krakowa.png", { type: "image/png" }));
    expect(saved).toMatchObject({ status: 302, location: "/admin/settings#herb", toast: { title: "Wgrano herb." } });
    const row = await db().emblem.findFirstOrThrow();
    expect(row).toMatchObject({ mediaType: "image/png", fileName: "herb-krakowa.png", validFrom: "2026-01-01", validTo: null });
    expect(await db().auditEvent.count({ where: { entityType: "Emblem", entityId: row.id, action: "CREATE" } })).toBe(1);
    resumeSession(cookie);
    try {
      // The diploma of 5 June 2026 carries the image once (with its transparency as a soft mask).
      const c = await readyConferral({ surname: "Herbowy" });
      const { text, images } = await pdfText(await (await print(c.id)).arrayBuffer());
      const listed = images.split("\n").filter((l) => /^\s*1\s+\d+\s+(image|smask)\s/.test(l));
      expect(listed.map((l) => l.trim().split(/\s+/)[2])).toEqual(["image", "smask"]);
      expect(listed[0]!.trim().split(/\s+/).slice(3, 5)).toEqual(["40", "40"]);
      expect(text).toContain("Srebrny Medal „Cracoviae Merenti”");
      // Pre-printed stock carries its own design: no emblem there.
      const stock = await pdfText(await (await print(c.id, { mode: "PREPRINTED", reason: "SPOILED" })).arrayBuffer());
      expect(stock.images.split("\n").filter((l) => /^\s*1\s+\d+\s+image\s/.test(l))).toHaveLength(0);
      // A diploma dated before the emblem's first day has none.
      const before = await readyConferral({ surname: "Przedherbowy" });
      await db().conferral.update({ where: { id: before.id }, data: { handedOverOn: "2025-12-31" } });
      const page = (await callLoader<Page>(pageLoader, `/conferrals/${before.id}/diploma`, { id: before.id })).data!;
      await callAction(
        pageAction,
        `/conferrals/${before.id}/diploma`,
        { intent: "confirm", diplomaId: page.diploma!.id, hash: page.diploma!.sourceHash },
        { id: before.id },
      );
      const old = await pdfText(await (await print(before.id)).arrayBuffer());
      expect(old.images.split("\n").filter((l) => /^\s*1\s+\d+\s+image\s/.test(l))).toHaveLength(0);
    } finally {
      // Later tests (in any order) print without an emblem.
      await db().emblem.deleteMany();
    }
  });

  test("an SVG of shapes is accepted and drawn as vectors", async () => {
    admin = (await signInAs("ADMIN")).cookie;
    const svg =
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 120"><path d="M10 10 H90 V80 Q50 120 10 80 Z" fill="#d52b1e"/><use href="#x"/></svg>';
    const saved = await upload(new File([svg], "herb.svg", { type: "image/svg+xml" }), { validFrom: "2026-02-01" });
    resumeSession(cookie);
    try {
      expect(saved.status).toBe(302);
      expect(await db().emblem.findFirstOrThrow()).toMatchObject({ mediaType: "image/svg+xml", validFrom: "2026-02-01" });
      const c = await readyConferral({ surname: "Wektorowy" });
      const res = await print(c.id);
      expect(res.status).toBe(200);
      const { images } = await pdfText(await res.arrayBuffer());
      expect(images.split("\n").filter((l) => /^\s*1\s+\d+\s+image\s/.test(l))).toHaveLength(0);
    } finally {
      await db().emblem.deleteMany();
    }
  });
});
