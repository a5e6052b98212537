// A ceremony's programme (issue 16, item 11): the points stored as ProgrammeItem rows, edited as
// one form, printed by templates/ceremony-programme.hbs. Until a list is saved the programme is
// suggested from the usual order (app/domain/programme.ts), worded for the office holders on the
// ceremony's date. A programme kept from before as document markup (Ceremony.programme) still
// prints as it was, and the form starts from its points; saving the list replaces it.
import type { Document, ListItem } from "#app/documents/blocks";
import { parseMarkup } from "#app/documents/markup";
import { projectTemplate } from "#app/documents/templates.server";
import { SESSION_KINDS, type CeremonyKind } from "#app/domain/ceremony";
import { suggestedProgramme, type ProgrammeRow } from "#app/domain/programme";
import { db, type Tx } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { bump, lockCeremony, type ceremonyPage, type CeremonyWrite } from "./ceremony.server";
import { signatoryOn } from "./settings.server";
import { runWrite, type Actor } from "./write.server";

type CeremonyPage = NonNullable<Awaited<ReturnType<typeof ceremonyPage>>>;

/** Where the programme shown comes from: saved points, the markup kept from before, or the suggestion. */
export type ProgrammeSource = "saved" | "legacy" | "suggested";
export type Programme = { rows: ProgrammeRow[]; source: ProgrammeSource; legacy: Document | null };

function itemText(item: ListItem): string {
  const own = item.runs.map((r) => r.text).join("");
  const nested = item.list?.items.map(itemText) ?? [];
  return (nested.length ? `${own} ${nested.join("; ")}` : own).replace(/\u00a0/g, " ").trim();
}

/** The points of a programme kept as markup: each point of its lists a row, nested points joined into their parent. */
export function rowsFromLegacyProgramme(doc: Document): ProgrammeRow[] {
  return doc.blocks.flatMap((b) => (b.kind === "list" ? b.items.map((item) => ({ time: "", text: itemText(item), speaker: "" })) : [])).filter((r) => r.text);
}

export async function programmeOf(page: CeremonyPage, client: Tx = db()): Promise<Programme> {
  const c = page.ceremony;
  const items = await client.programmeItem.findMany({
    where: { ceremonyId: c.id },
    orderBy: { position: "asc" },
    select: { time: true, text: true, speaker: true },
  });
  if (items.length) return { rows: items, source: "saved", legacy: null };
  if (c.programme.trim()) {
    const legacy = parseMarkup(c.programme, { source: "program uroczystości" });
    return { rows: rowsFromLegacyProgramme(legacy), source: "legacy", legacy };
  }
  const [chair, mayor] = await Promise.all([signatoryOn("COUNCIL_CHAIR", c.date, client), signatoryOn("MAYOR", c.date, client)]);
  const rows = suggestedProgramme(
    {
      isSession: SESSION_KINDS.includes(c.kind as CeremonyKind),
      startTime: c.startTime,
      laureates: page.laureates.map((l) => ({ name: l.name, honourText: l.honourText })),
    },
    chair,
    mayor,
  );
  return { rows, source: "suggested", legacy: null };
}

/** The programme to print: the kept markup as it was, else the points through the template. */
export function programmeDocument(page: CeremonyPage, programme: Programme): Document {
  if (programme.legacy) return programme.legacy;
  const c = page.ceremony;
  return projectTemplate<object>("ceremony-programme.hbs").render({
    title: c.title,
    date: c.date,
    startTime: c.startTime,
    venue: c.venue ? { name: c.venue.name, address: c.venue.address } : null,
    items: programme.rows,
  });
}

const lineOf = (r: ProgrammeRow) => [r.time, r.text, r.speaker && `– ${r.speaker}`].filter(Boolean).join(" ");

async function replaceItems(tx: Tx, ceremonyId: string, rows: readonly ProgrammeRow[]) {
  await tx.programmeItem.deleteMany({ where: { ceremonyId } });
  if (rows.length)
    await tx.programmeItem.createMany({ data: rows.map((r, position) => ({ ceremonyId, position, time: r.time, text: r.text, speaker: r.speaker })) });
}

/**
 * Saves the programme's points in the order sent (version-checked; only while the ceremony may
 * change); the markup kept from before is dropped, and the audit holds the points before and after.
 */
export function saveProgrammeItems(id: string, input: { version: number; items: readonly ProgrammeRow[] }, actor: Actor): Promise<CeremonyWrite> {
  return runWrite(async (tx) => {
    const { answer, ceremony } = await lockCeremony(tx, id, input.version, { editable: true });
    if (answer) return answer;
    const before = await tx.programmeItem.findMany({ where: { ceremonyId: id }, orderBy: { position: "asc" } });
    await replaceItems(tx, id, input.items);
    await bump(tx, id, input.version, { programme: "" });
    await recordAudit(tx, {
      userId: actor.userId,
      action: "UPDATE",
      entityType: "Ceremony",
      entityId: id,
      before: { programme: before.length ? before.map(lineOf).join("\n") : ceremony.programme },
      after: { programme: input.items.map(lineOf).join("\n") },
    });
    return { kind: "saved", id };
  });
}

/** Goes back to the suggested programme: the saved points (and any kept markup) are removed. */
export function resetProgramme(id: string, input: { version: number }, actor: Actor): Promise<CeremonyWrite> {
  return runWrite(async (tx) => {
    const { answer, ceremony } = await lockCeremony(tx, id, input.version, { editable: true });
    if (answer) return answer;
    const before = await tx.programmeItem.findMany({ where: { ceremonyId: id }, orderBy: { position: "asc" } });
    await replaceItems(tx, id, []);
    await bump(tx, id, input.version, { programme: "" });
    await recordAudit(tx, {
      userId: actor.userId,
      action: "UPDATE",
      entityType: "Ceremony",
      entityId: id,
      before: { programme: before.length ? before.map(lineOf).join("\n") : ceremony.programme },
      after: { programme: "" },
      reason: "Przywrócono program proponowany.",
    });
    return { kind: "saved", id };
  });
}
