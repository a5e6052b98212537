// Attachments of a nomination on a real SQLite copy and a real attachments folder: upload
// (streamed, typed by content, size-limited by the setting), download with the read permission,
// deletion, a file missing on disk, backup/restore with the files, the RODO export and
// anonymisation.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Document, Packer, Paragraph } from "docx";
import { strToU8, zipSync } from "fflate";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { anonymise } from "#app/models/retention.server";
import { loader as nominationPage } from "#app/routes/nominations.$id._index";
import { action as deleteAction, loader as deletePage } from "#app/routes/nominations.$id.attachments.$attachmentId.delete";
import { loader as download } from "#app/routes/nominations.$id.attachments.$attachmentId.download";
import { action as upload, loader as attachmentsPage } from "#app/routes/nominations.$id.attachments._index";
import { loader as exportLoader } from "#app/routes/candidates.$id.export";
import { action as createAction } from "#app/routes/nominations.new";
import { attachmentsDir } from "#app/utils/attachment-files.server";
import { backupDatabase, restoreDatabase } from "#app/utils/backup.server";
import { db } from "#app/utils/db.server";
import * as clock from "#app/domain/clock";
import { callAction, callLoader, personNomination, resumeSession, settle, signInAs, signOut } from "./helpers";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");
/** The start of a Windows program: what a renamed .exe really is. */
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "latin1"), Buffer.alloc(200)]);
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const tmp = mkdtempSync(path.join(os.tmpdir(), "merenti-attachments-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let clerk: { userId: string; cookie: string };
beforeAll(async () => {
  clerk = await signInAs(["KP09_SPECIALIST"]);
});
afterEach(() => signOut());

async function nominate(surname = "Załącznikowy"): Promise<{ id: string; candidateId: string }> {
  resumeSession(clerk.cookie);
  const answer = await callAction(
    createAction,
    "/nominations/new",
    personNomination({
      "candidate.surname": `${surname}${Math.random()
        .toString(36)
        .slice(2, 7)
        .replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`,
      "candidate.birthYear": undefined,
    }),
  );
  expect(answer.status).toBe(302);
  const id = answer.location!.split("/").pop()!;
  return { id, candidateId: (await db().nomination.findUniqueOrThrow({ where: { id } })).candidateId };
}

type Reply = { errors: Record<string, string[] | undefined> };

/** A multipart POST as the browser sends the upload form. */
function send(
  nominationId: string,
  file: { bytes: Buffer; name: string; type?: string } | null,
  fields: Record<string, string> = { kind: "NOMINATION_LETTER" },
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "application/pdf" }));
  const request = new Request(`http://localhost/nominations/${nominationId}/attachments`, { method: "POST", body: form, headers: { Cookie: clerk.cookie } });
  return settle<Reply>(() => upload({ request, params: { id: nominationId }, context: {} }));
}

async function rawDownload(nominationId: string, attachmentId: string, cookie: string): Promise<Response> {
  try {
    return (await download({
      request: new Request(`http://localhost/x`, { headers: { Cookie: cookie } }),
      params: { id: nominationId, attachmentId },
      context: {},
    })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const storedFiles = () => (existsSync(attachmentsDir()) ? readdirSync(attachmentsDir()).filter((f) => !f.startsWith(".")) : []);
const incomingFiles = () => (existsSync(path.join(attachmentsDir(), ".incoming")) ? readdirSync(path.join(attachmentsDir(), ".incoming")) : []);

describe("upload", () => {
  test("a PDF is stored under its hash, listed on the nomination page and audited", async () => {
    const n = await nominate();
    const answer = await send(n.id, { bytes: PDF, name: "Wniosek Łódź „TPSP”.pdf" }, { kind: "NOMINATION_LETTER", description: "skan, s. 1–3" });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/nominations/${n.id}#zalaczniki`);
    expect(answer.toast?.title).toBe("Dodano załącznik „Wniosek Łódź „TPSP”.pdf”.");
    const row = await db().attachment.findFirstOrThrow({ where: { nominationId: n.id, sha256: { not: null } } });
    expect(row).toMatchObject({
      name: "Wniosek Łódź „TPSP”.pdf",
      sha256: sha(PDF),
      byteSize: PDF.length,
      mediaType: "application/pdf",
      kind: "NOMINATION_LETTER",
      description: "skan, s. 1–3",
    });
    expect(readFileSync(path.join(attachmentsDir(), sha(PDF)))).toEqual(PDF);
    expect(incomingFiles()).toEqual([]);

    resumeSession(clerk.cookie);
    const page = await callLoader<{ attachmentFiles: { name: string; onDisk: boolean }[]; nomination: { attachments: { sha256: string | null }[] } }>(
      nominationPage,
      `/nominations/${n.id}`,
      { id: n.id },
    );
    expect(page.data!.attachmentFiles).toEqual([expect.objectContaining({ name: "Wniosek Łódź „TPSP”.pdf", onDisk: true })]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityType: "Nomination", entityId: n.id, reason: "Dodano plik załącznika." } });
    expect(audit.userId).toBe(clerk.userId);
    expect(JSON.parse(audit.after!)).toEqual({ attachmentFile: `pismo z wnioskiem: Wniosek Łódź „TPSP”.pdf (PDF, ${PDF.length} B) — skan, s. 1–3` });
  });

  test("DOCX, ODT and PNG are accepted by their content; one content is stored once", async () => {
    const n = await nominate();
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Życiorys")] }] }));
    const odt = Buffer.from(
      zipSync({
        mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
        "content.xml": strToU8("<office:document-content/>"),
        "META-INF/manifest.xml": strToU8("<manifest/>"),
      }),
    );
    expect((await send(n.id, { bytes: docx, name: "cv.docx" }, { kind: "CV" })).status).toBe(302);
    expect((await send(n.id, { bytes: odt, name: "podpisy.odt" }, { kind: "SIGNATURES" })).status).toBe(302);
    expect((await send(n.id, { bytes: PNG, name: "skan.png" }, { kind: "OTHER" })).status).toBe(302);
    const other = await nominate("Drugi");
    expect((await send(other.id, { bytes: PNG, name: "ten-sam-skan.png" }, { kind: "OTHER" })).status).toBe(302);
    const rows = await db().attachment.findMany({ where: { nominationId: { in: [n.id, other.id] }, sha256: { not: null } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.mediaType)).toEqual([
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.oasis.opendocument.text",
      "image/png",
      "image/png",
    ]);
    expect(storedFiles().filter((f) => f === sha(PNG))).toHaveLength(1);
  });

  test("a wrong type (a program renamed .pdf, a plain zip named .docx) is refused next to the field, nothing kept", async () => {
    const n = await nominate();
    const before = storedFiles();
    const exe = await send(n.id, { bytes: EXE, name: "wniosek.pdf" });
    expect(exe.status).toBe(400);
    expect(exe.data!.errors.file).toEqual(["Tego rodzaju pliku nie można dołączyć (to plik EXE, bez względu na nazwę). Dozwolone: PDF, DOCX, ODT, JPEG, PNG."]);
    const zip = await send(n.id, { bytes: Buffer.from(zipSync({ "a.txt": strToU8("nie dokument") })), name: "cv.docx" });
    expect(zip.data!.errors.file![0]).toMatch(/^Tego rodzaju pliku nie można dołączyć \(to plik ZIP/);
    const text = await send(n.id, { bytes: Buffer.from("zwykły tekst"), name: "pismo.pdf" });
    expect(text.data!.errors.file![0]).toMatch(/^Tego rodzaju pliku nie można dołączyć\. Dozwolone/);
    expect(await db().attachment.count({ where: { nominationId: n.id, sha256: { not: null } } })).toBe(0);
    expect(storedFiles()).toEqual(before);
    expect(incomingFiles()).toEqual([]);
  });

  test("an oversized file is refused by the setting's limit while it streams; no file, no row", async () => {
    const n = await nominate();
    const setting = await db().datedSetting.findFirstOrThrow({ where: { key: "attachments.maxSizeMb" } });
    await db().datedSetting.update({ where: { id: setting.id }, data: { value: "1" } });
    try {
      const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]);
      const answer = await send(n.id, { bytes: big, name: "gruby.pdf" });
      expect(answer.status).toBe(400);
      expect(answer.data!.errors.file).toEqual(["Plik jest za duży: najwięcej 1 MB."]);
      expect(storedFiles()).not.toContain(sha(big));
      expect(incomingFiles()).toEqual([]);
      expect(await db().attachment.count({ where: { nominationId: n.id, sha256: { not: null } } })).toBe(0);
      // Just under the limit passes.
      expect((await send(n.id, { bytes: Buffer.concat([PDF, Buffer.alloc(1024 * 1024 - PDF.length)]), name: "w-sam-raz.pdf" })).status).toBe(302);
    } finally {
      await db().datedSetting.update({ where: { id: setting.id }, data: { value: setting.value } });
    }
  });

  test("no file, an empty file, no kind: Polish errors next to the fields", async () => {
    const n = await nominate();
    expect((await send(n.id, null)).data!.errors.file).toEqual(["Wybierz plik do przesłania."]);
    expect((await send(n.id, { bytes: Buffer.alloc(0), name: "pusty.pdf" })).data!.errors.file).toEqual(["Plik jest pusty."]);
    const noKind = await send(n.id, { bytes: PDF, name: "a.pdf" }, { kind: "" });
    expect(noKind.data!.errors.kind).toEqual(["Wybierz rodzaj załącznika."]);
    expect(incomingFiles()).toEqual([]);
  });

  test("KP-04 may not upload to a medal nomination (403)", async () => {
    const n = await nominate();
    const hg = await signInAs("KP04_CLERK");
    const form = new FormData();
    form.append("kind", "CV");
    form.append("file", new File([PDF], "a.pdf"));
    const request = new Request(`http://localhost/nominations/${n.id}/attachments`, { method: "POST", body: form, headers: { Cookie: hg.cookie } });
    expect((await settle(() => upload({ request, params: { id: n.id }, context: {} }))).status).toBe(403);
  });
});

describe("download", () => {
  test("who may read the nomination gets the file with its type and original name; PRINTING gets 403", async () => {
    const n = await nominate();
    await send(n.id, { bytes: PDF, name: "Pismo Łódź.pdf" });
    const row = await db().attachment.findFirstOrThrow({ where: { nominationId: n.id, sha256: { not: null } } });
    const reader = await signInAs("READER");
    const response = await rawDownload(n.id, row.id, reader.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="Pismo Lodz.pdf"; filename*=UTF-8''Pismo%20%C5%81%C3%B3d%C5%BA.pdf`);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF);

    const printing = await signInAs("PRINTING");
    expect((await rawDownload(n.id, row.id, printing.cookie)).status).toBe(403);
    // Another nomination's id in the path finds nothing.
    const other = await nominate("Inny");
    expect((await rawDownload(other.id, row.id, reader.cookie)).status).toBe(404);
  });

  test("a file missing on disk: the page marks it, the download says so in Polish (404, not 500)", async () => {
    const n = await nominate();
    const bytes = Buffer.from(`%PDF-1.4\n% jedyny w swoim rodzaju ${Math.random()}\n%%EOF\n`);
    await send(n.id, { bytes, name: "zaginiony.pdf" });
    const row = await db().attachment.findFirstOrThrow({ where: { nominationId: n.id, sha256: { not: null } } });
    rmSync(path.join(attachmentsDir(), sha(bytes)));
    const response = await rawDownload(n.id, row.id, clerk.cookie);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/^Pliku „zaginiony\.pdf” nie ma w folderze załączników na serwerze/);
    resumeSession(clerk.cookie);
    const page = await callLoader<{ attachmentFiles: { onDisk: boolean }[] }>(nominationPage, `/nominations/${n.id}`, { id: n.id });
    expect(page.data!.attachmentFiles.map((f) => f.onDisk)).toEqual([false]);
  });
});

describe("deletion", () => {
  test("asks first, is audited, and removes the file only when no other row has it", async () => {
    const bytes = Buffer.from(`%PDF-1.4\n% wspólny ${Math.random()}\n%%EOF\n`);
    const a = await nominate();
    const b = await nominate("Drugi");
    await send(a.id, { bytes, name: "wspólny.pdf" });
    await send(b.id, { bytes, name: "wspólny.pdf" });
    const rowA = await db().attachment.findFirstOrThrow({ where: { nominationId: a.id, sha256: { not: null } } });
    const rowB = await db().attachment.findFirstOrThrow({ where: { nominationId: b.id, sha256: { not: null } } });
    resumeSession(clerk.cookie);
    const confirm = await callLoader(deletePage, `/nominations/${a.id}/attachments/${rowA.id}/delete`, { id: a.id, attachmentId: rowA.id });
    expect(confirm.status).toBe(200);
    expect(await db().attachment.count({ where: { id: rowA.id } })).toBe(1);

    const first = await callAction(deleteAction, `/nominations/${a.id}/attachments/${rowA.id}/delete`, {}, { id: a.id, attachmentId: rowA.id });
    expect(first.status).toBe(302);
    expect(first.toast?.title).toBe("Usunięto załącznik „wspólny.pdf”.");
    expect(await db().attachment.count({ where: { id: rowA.id } })).toBe(0);
    expect(existsSync(path.join(attachmentsDir(), sha(bytes)))).toBe(true);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityType: "Nomination", entityId: a.id, reason: "Usunięto plik załącznika." } });
    expect(JSON.parse(audit.before!).attachmentFile).toMatch(/wspólny\.pdf/);

    await callAction(deleteAction, `/nominations/${b.id}/attachments/${rowB.id}/delete`, {}, { id: b.id, attachmentId: rowB.id });
    expect(existsSync(path.join(attachmentsDir(), sha(bytes)))).toBe(false);
  });

  test("editing the nomination keeps the uploaded files (the form lists only typed names)", async () => {
    const n = await nominate();
    await send(n.id, { bytes: PNG, name: "skan.png" }, { kind: "OTHER" });
    const { action: editAction } = await import("#app/routes/nominations.$id.edit");
    const current = await db().nomination.findUniqueOrThrow({ where: { id: n.id } });
    resumeSession(clerk.cookie);
    const fields = personNomination({ attachments: "pismo.pdf", version: String(current.version) });
    const answer = await callAction(editAction, `/nominations/${n.id}/edit`, fields, { id: n.id });
    expect(answer.status).toBe(302);
    expect(await db().attachment.findMany({ where: { nominationId: n.id }, select: { name: true }, orderBy: { name: "asc" } })).toEqual([
      { name: "pismo.pdf" },
      { name: "skan.png" },
    ]);
  });
});

describe("backup, restore, RODO", () => {
  test("npm run backup copies the files beside the database copy; restore puts them back", async () => {
    const n = await nominate();
    const bytes = Buffer.from(`%PDF-1.4\n% do kopii ${Math.random()}\n%%EOF\n`);
    await send(n.id, { bytes, name: "do-kopii.pdf" });
    const backup = await backupDatabase({ databaseUrl: process.env.DATABASE_URL!, dir: path.join(tmp, "backups"), attachmentsDir: attachmentsDir() });
    expect(backup.attachments.dir).toBe(backup.file.replace(/\.db$/, "-attachments"));
    // (A file another test removed from disk on purpose is reported missing, not copied.)
    expect(backup.attachments.missing).not.toContain(sha(bytes));
    expect(readFileSync(path.join(backup.attachments.dir, sha(bytes)))).toEqual(bytes);

    const target = path.join(tmp, "restored", "app.db");
    const restoredDir = path.join(tmp, "restored", "app-attachments");
    const restored = await restoreDatabase({ file: backup.file, databaseUrl: pathToFileURL(target).href });
    expect(restored.attachments.dir).toBe(restoredDir);
    expect(restored.attachments.missing).toEqual(backup.attachments.missing);
    expect(readFileSync(path.join(restoredDir, sha(bytes)))).toEqual(bytes);
    expect(restored.attachments.copied).toBe(restored.attachments.referenced - backup.attachments.missing.length);
  });

  test("the RODO export carries the files; anonymisation removes a file no other row has", async () => {
    const n = await nominate("Doanonimizacji");
    const mine = Buffer.from(`%PDF-1.4\n% tylko tego kandydata ${Math.random()}\n%%EOF\n`);
    await send(n.id, { bytes: mine, name: "życiorys Doanonimizacji.pdf" }, { kind: "CV" });
    await send(n.id, { bytes: PNG, name: "wspólny skan.png" }, { kind: "OTHER" });
    const keeper = await nominate("Zostaje");
    await send(keeper.id, { bytes: PNG, name: "wspólny skan.png" }, { kind: "OTHER" });

    const admin = await signInAs("ADMIN");
    resumeSession(admin.cookie);
    const exported = await callLoader<{ nominations: { attachments: { name: string; contentBase64?: string | null }[] }[] }>(
      exportLoader,
      `/candidates/${n.candidateId}/export`,
      { id: n.candidateId },
    );
    const files = exported.data!.nominations[0]!.attachments.filter((a) => a.contentBase64 !== undefined);
    expect(files.map((f) => Buffer.from(f.contentBase64!, "base64"))).toEqual([mine, PNG]);

    // Withdrawn long ago: due for anonymisation.
    const past = new Date(clock.now().getTime() - 12 * 365 * 24 * 3600 * 1000);
    await db().nomination.update({ where: { id: n.id }, data: { status: "WITHDRAWN" } });
    await db().auditEvent.create({
      data: { userId: clerk.userId, action: "TRANSITION", entityType: "Nomination", entityId: n.id, fromStatus: "RECEIVED", toStatus: "WITHDRAWN", at: past },
    });
    await db().auditEvent.updateMany({
      where: { entityType: "Nomination", entityId: n.id, NOT: { action: "TRANSITION" } },
      data: { at: new Date(past.getTime() - 1000) },
    });
    const result = await anonymise([n.id], { userId: admin.userId });
    expect(result.nominationIds).toEqual([n.id]);
    expect(existsSync(path.join(attachmentsDir(), sha(mine)))).toBe(false);
    expect(existsSync(path.join(attachmentsDir(), sha(PNG)))).toBe(true);
    const rows = await db().attachment.findMany({ where: { nominationId: n.id } });
    expect(rows.every((r) => r.sha256 === null && r.mediaType === null)).toBe(true);
    const events = await db().auditEvent.findMany({ where: { entityType: "Nomination", entityId: n.id } });
    expect(events.some((e) => `${e.before}${e.after}`.includes("Doanonimizacji"))).toBe(false);
  });
});

describe("the attachments page (without JavaScript)", () => {
  test("lists the files and the names typed on the form", async () => {
    const n = await nominate();
    await send(n.id, { bytes: PNG, name: "skan.png" }, { kind: "OTHER" });
    resumeSession(clerk.cookie);
    const page = await callLoader<{ files: { name: string }[]; names: { name: string }[]; maxBytes: number }>(
      attachmentsPage,
      `/nominations/${n.id}/attachments`,
      { id: n.id },
    );
    expect(page.data!.files.map((f) => f.name)).toEqual(["skan.png"]);
    expect(page.data!.names.map((f) => f.name)).toEqual(["pismo.pdf", "życiorys.pdf"]);
    expect(page.data!.maxBytes).toBe(20 * 1024 * 1024);
  });
});
