// The ceremony's documents: the hand-over list for protocol and the invitation rows for a mail
// merge (the programme is in ceremony-programme.server.ts).
import type { Document } from "#app/documents/blocks";
import { projectTemplate } from "#app/documents/templates.server";
import { ATTENDANCE_LABEL, ceremonyKindLabel, seatText } from "#app/domain/ceremony";
import { HONOUR_LABEL, type CandidateKind, type Gender } from "#app/domain/honours";
import { formatPolishDate } from "#app/domain/polish-dates";
import { honorific } from "#app/domain/polish-text";
import { db } from "#app/utils/db.server";
import type { ceremonyPage } from "./ceremony.server";

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
      handoverTime: l.handoverTime,
      seat: seatText(l),
      guestSeats: l.guestSeats,
    })),
  };
}

/** The seating and hand-over list for protocol (templates/ceremony-handover-list.hbs). */
export function handoverListDocument(page: CeremonyPage): Document {
  return projectTemplate<object>("ceremony-handover-list.hbs").render(templateData(page));
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
