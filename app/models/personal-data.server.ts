// The right of access (RODO art. 15): everything the register holds about one candidate, as one
// JSON document. Reading it is itself recorded (action EXPORT), without the data.
import { EXPORT_FORMAT, EXPORT_NOTE } from "#app/domain/personal-data-export";
import { storedFileBase64, storedFileExists } from "#app/utils/attachment-files.server";
import { db } from "#app/utils/db.server";
import * as clock from "#app/domain/clock";
import { type Actor } from "./write.server";

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function exportCandidateData(candidateId: string, actor: Actor, now: Date = clock.now()) {
  const candidate = await db().candidate.findUnique({
    where: { id: candidateId },
    include: {
      nominations: {
        orderBy: [{ receivedDate: "asc" }, { id: "asc" }],
        include: {
          nominators: { orderBy: { position: "asc" } },
          attachments: { orderBy: { createdAt: "asc" } },
          hgApplication: true,
          councilTerm: { select: { number: true } },
        },
      },
      conferrals: {
        orderBy: [{ conferredOn: "asc" }, { id: "asc" }],
        include: {
          resolution: { select: { number: true, adoptedOn: true, title: true } },
          ordinance: { select: { number: true, issuedOn: true, title: true } },
        },
      },
    },
  });
  if (!candidate) return null;

  const { nominations, conferrals, ...candidateFields } = candidate;
  const about: [string, string[]][] = [
    ["Candidate", [candidate.id]],
    ["Nomination", nominations.map((n) => n.id)],
    ["Nominator", nominations.flatMap((n) => n.nominators.map((x) => x.id))],
    ["Attachment", nominations.flatMap((n) => n.attachments.map((x) => x.id))],
    ["HonorisGratiaApplication", [...new Set(nominations.map((n) => n.hgApplicationId).filter((id): id is string => id !== null))]],
    ["Conferral", conferrals.map((c) => c.id)],
  ];
  const events = await db().auditEvent.findMany({
    where: { OR: about.filter(([, ids]) => ids.length > 0).map(([entityType, ids]) => ({ entityType, entityId: { in: ids } })) },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, at: true, action: true, entityType: true, entityId: true, fromStatus: true, toStatus: true, before: true, after: true, reason: true },
  });

  const document = {
    format: EXPORT_FORMAT,
    generatedAt: now.toISOString(),
    note: EXPORT_NOTE,
    candidate: candidateFields,
    nominations: nominations.map(({ searchText: _searchText, sortName: _sortName, creationToken: _token, councilTerm, attachments, ...n }) => ({
      ...n,
      councilTermNumber: councilTerm?.number ?? null,
      // Uploaded files go with their content (base64), or say that the file is missing on disk.
      attachments: attachments.map((a) => (a.sha256 ? { ...a, contentBase64: storedFileBase64(a.sha256), fileMissing: !storedFileExists(a.sha256) } : a)),
    })),
    conferrals,
    // Who on the staff did what is the office's own record, not the candidate's data: left out.
    auditEvents: events.map((e) => ({ ...e, before: parseJson(e.before), after: parseJson(e.after) })),
  };

  await db().auditEvent.create({
    data: {
      at: now,
      userId: actor.userId,
      action: "EXPORT",
      entityType: "Candidate",
      entityId: candidate.id,
      after: JSON.stringify({ nominations: nominations.length, conferrals: conferrals.length, auditEvents: events.length }),
      reason: "Eksport danych osobowych (art. 15 RODO)",
    },
  });
  return { document, displayName: candidate.displayName };
}
