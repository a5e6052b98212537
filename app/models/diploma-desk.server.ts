// The printing desk (/diplomas): the conferrals whose diplomas are to be printed (or were), with
// each one's state checked the way a batch checks it, and the printer profiles to choose from.
import type { Honour, MedalClass } from "#app/domain/honours";
import { HONOUR_LABEL, MEDAL_CLASS_LABEL } from "#app/domain/honours";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/utils/db.server";
import { diplomaPdf, FULL_PRINT } from "#app/documents/diploma-pdf.server";
import { checkBatch } from "./diploma-batch.server";
import { diplomaFor } from "./diploma.server";
import { emblemsByDate } from "./emblem.server";

import { DESK_PAGE_SIZE, type DeskState } from "#app/domain/diploma-print";
import { diplomaFileName } from "#app/domain/diploma";

export type DeskFilter = { ceremonyId: string | null; honour: Honour | null; state: DeskState; page: number };

export type DeskRow = {
  conferralId: string;
  name: string;
  honour: string;
  number: number | null;
  /** The position on the ceremony's list (hand-over order), when filtered by a ceremony. */
  position: number | null;
  ready: boolean;
  /** A diploma text exists, so its PDF can be previewed. */
  canPreview: boolean;
  problems: string[];
  prints: number;
};

const printed: Prisma.ConferralWhereInput = { diplomas: { some: { prints: { some: {} } } } };

export async function diplomaDesk(filter: DeskFilter) {
  const where: Prisma.ConferralWhereInput = {
    isHistorical: false,
    anonymizedAt: null,
    ...(filter.honour ? { honour: filter.honour } : {}),
    ...(filter.ceremonyId ? { ceremonies: { some: { ceremonyId: filter.ceremonyId } } } : {}),
    ...(filter.state === "todo" ? { NOT: printed } : filter.state === "printed" ? printed : {}),
  };
  const select = {
    id: true,
    honour: true,
    medalClass: true,
    number: true,
    candidate: { select: { displayName: true } },
    diplomas: { select: { _count: { select: { prints: true } } } },
    ceremonies: filter.ceremonyId ? { where: { ceremonyId: filter.ceremonyId }, select: { position: true } } : undefined,
  } satisfies Prisma.ConferralSelect;
  const [total, found] = await Promise.all([
    db().conferral.count({ where }),
    // A ceremony's list is short and printed whole; otherwise a page, newest conferrals first.
    filter.ceremonyId
      ? db().conferral.findMany({ where, select })
      : db().conferral.findMany({
          where,
          select,
          orderBy: [{ conferredOn: "desc" }, { honour: "asc" }, { number: "asc" }, { id: "asc" }],
          skip: (filter.page - 1) * DESK_PAGE_SIZE,
          take: DESK_PAGE_SIZE,
        }),
  ]);
  const position = (c: (typeof found)[number]) => c.ceremonies?.[0]?.position ?? null;
  const rows = filter.ceremonyId ? [...found].sort((a, b) => (position(a) ?? 0) - (position(b) ?? 0)) : found;
  const check = await checkBatch(
    rows.map((c) => c.id),
    { ceremonyId: filter.ceremonyId, reprintReason: null },
  );
  const problems = new Map(check.problems.map((p) => [p.conferralId, p.problems]));
  return {
    total,
    pages: filter.ceremonyId ? 1 : Math.max(1, Math.ceil(total / DESK_PAGE_SIZE)),
    rows: rows.map((c): DeskRow => ({
      conferralId: c.id,
      name: c.candidate.displayName,
      honour: c.medalClass ? `${HONOUR_LABEL[c.honour as Honour]}, ${MEDAL_CLASS_LABEL[c.medalClass as MedalClass]}` : HONOUR_LABEL[c.honour as Honour],
      number: c.number,
      position: position(c),
      ready: !problems.has(c.id),
      canPreview: c.diplomas.length > 0,
      problems: problems.get(c.id) ?? [],
      prints: c.diplomas[0]?._count.prints ?? 0,
    })),
  };
}

export function ceremoniesForDesk() {
  return db().ceremony.findMany({
    where: { status: { not: "CANCELLED" } },
    orderBy: [{ date: "desc" }, { startTime: "asc" }],
    take: 200,
    select: { id: true, title: true, date: true },
  });
}

export function printerProfiles() {
  return db().printerProfile.findMany({ orderBy: { name: "asc" } });
}

/**
 * The diploma as it would print (full print on plain paper), to read on screen before printing:
 * nothing is logged as printed. Null when there is no diploma to show yet (data missing).
 */
export async function diplomaPreview(conferralId: string): Promise<{ pdf: Buffer; fileName: string } | null> {
  const state = await diplomaFor(conferralId);
  if (!state?.doc || !state.diploma) return null;
  const setup = { ...FULL_PRINT, medalClass: state.inputs.medalClass, emblem: (await emblemsByDate())(state.inputs.date) };
  return {
    pdf: await diplomaPdf(state.doc, state.publicUrl, setup),
    fileName: `podglad-${diplomaFileName(state.inputs.candidate.nameNominative, state.diploma.verificationCode)}`,
  };
}
