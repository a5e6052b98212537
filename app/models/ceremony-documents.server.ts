// The ceremony's documents: the programme (generated or edited), the hand-over list for protocol
// and the invitation rows for a mail merge.
import type { Document } from "#app/documents/blocks";
import { parseMarkup } from "#app/documents/markup";
import { projectTemplate } from "#app/documents/templates.server";
import { ATTENDANCE_LABEL, ceremonyKindLabel } from "#app/domain/ceremony";
import { HONOUR_LABEL, type CandidateKind, type Gender } from "#app/domain/honours";
import { formatPolishDate } from "#app/domain/polish-dates";
import { honorific } from "#app/domain/polish-text";
import { db } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { bump, lockCeremony, type ceremonyPage, type CeremonyWrite } from "./ceremony.server";
import { runWrite, type Actor } from "./write.server";

type CeremonyPage = NonNullable<Awaited<ReturnType<typeof ceremonyPage>>>;

function templateData(page: CeremonyPage) {
  const { ceremony: c, laureates } = page;
  return {
    title: c.title,
    kindLabel: ceremonyKindLabel(c.kind),
    isSession: c.kind === "COUNCIL_SESSION" || c.kind === "CITY_DAY_SESSION",
    date: c.date,
    startTime: c.startTime,
    endTime: c.endTime,
    venue: c.venue ? { name: c.venue.name, address: c.venue.address } : null,
    laureates: laureates.map((l, i) => ({
      position: i + 1,
      name: l.name,
      honourText: l.honourText,
      attendance: ATTENDANCE_LABEL[l.attendance],
      representedBy: l.representedBy,
      guestsCount: l.guestsCount,
      handedOverBy: l.handedOverBy,
    })),
  };
}

/** The programme generated from templates/ceremony-programme.hbs, as markup (to edit and store). */
export function generatedProgramme(page: CeremonyPage): string {
  return projectTemplate<object>("ceremony-programme.hbs").markup(templateData(page)).trim() + "\n";
}

/** The programme to print: the stored (edited) markup, or the generated one when none is stored. */
export function programmeDocument(page: CeremonyPage): Document {
  const markup = page.ceremony.programme || generatedProgramme(page);
  return parseMarkup(markup, { source: "program uroczystości" });
}

/** The seating and hand-over list for protocol (templates/ceremony-handover-list.hbs). */
export function handoverListDocument(page: CeremonyPage): Document {
  return projectTemplate<object>("ceremony-handover-list.hbs").render(templateData(page));
}

/** Saves the edited programme markup ("" = back to the generated one); invalid markup is refused by the caller's check. */
export function saveProgramme(id: string, input: { programme: string; version: number }, actor: Actor): Promise<CeremonyWrite> {
  return runWrite(async (tx) => {
    const { answer, ceremony } = await lockCeremony(tx, id, input.version, { editable: true });
    if (answer) return answer;
    await bump(tx, id, input.version, { programme: input.programme });
    await recordAudit(tx, {
      userId: actor.userId,
      action: "UPDATE",
      entityType: "Ceremony",
      entityId: id,
      before: { programme: ceremony.programme },
      after: { programme: input.programme },
    });
    return { kind: "saved", id };
  });
}

export const INVITATION_HEADER = [
  "Lp.",
  "Laureat",
  "Zwrot (celownik)",
  "Laureat (celownik)",
  "Wyróżnienie",
  "Obecność",
  "Reprezentuje",
  "Liczba gości",
  "Uroczystość",
  "Data",
  "Godzina",
  "Miejsce",
  "Adres miejsca",
] as const;

/** One row per laureate, in the hand-over order: the data a mail merge of invitations needs. */
export function invitationRows(page: CeremonyPage, candidates: Map<string, { kind: string; grammaticalGender: string | null; nameDative: string }>) {
  const { ceremony: c } = page;
  return page.laureates.map((l, i) => {
    const cand = candidates.get(l.conferralId);
    return [
      i + 1,
      l.name,
      cand ? honorific({ kind: cand.kind as CandidateKind, gender: (cand.grammaticalGender as Gender | null) ?? null }, "dative") : "",
      cand?.nameDative ?? "",
      l.honourText || HONOUR_LABEL[l.honour],
      ATTENDANCE_LABEL[l.attendance],
      l.representedBy,
      l.guestsCount,
      c.title,
      formatPolishDate(c.date).replace(/\u00a0/g, " "),
      `${c.startTime}–${c.endTime}`,
      c.venue?.name ?? "",
      c.venue?.address ?? "",
    ];
  });
}

export async function invitationCandidates(page: CeremonyPage) {
  const rows = await db().conferral.findMany({
    where: { id: { in: page.laureates.map((l) => l.conferralId) } },
    select: { id: true, candidate: { select: { kind: true, grammaticalGender: true, nameDative: true } } },
  });
  return new Map(rows.map((r) => [r.id, r.candidate]));
}
