// Moving a nomination through its honour's workflow. Every rule is decided in app/domain; this
// module loads what the rules need, writes the result and its audit event in one transaction.
import { numberSeriesOf, type Honour, type MedalClass } from "#app/domain/honours";
import { honoraryCitizenshipRound } from "#app/domain/deadlines";
import { CHRONOLOGY_CODES } from "#app/domain/eligibility";
import { checkOrdinanceNumber } from "#app/domain/resolution-number";
import { honoraryCitizenshipApplicantProblems, type TransitionInput } from "#app/domain/transition-form";
import { allowedTransitions, CONFERRED_STATUSES, STATUS_LABEL, type Status } from "#app/domain/workflow";
import { Prisma, type Nomination, type Ordinance } from "#app/generated/prisma/client.ts";
import { newRowId, sqlDateTime, type Tx } from "#app/utils/db.server";
import { adopt, type LoadedNomination } from "./adoption.server";
import { recordAudit } from "./audit.server";
import { assignNextNumber, newPublicId } from "./conferral.server";
import { eligibilityFindings, refusalMessage } from "./eligibility.server";
import { Refusal, refuse, runWrite, type Actor, type Conflict, type NotFound, type Refused } from "./write.server";

/** A completed step answers the number it gave (a badge's, on an HG grant), if any. */
export type TransitionResult = { kind: "done"; number?: number } | NotFound | Conflict | Refused;

export async function applyTransition(nominationId: string, to: Status, input: TransitionInput, actor: Actor): Promise<TransitionResult> {
  return runWrite((tx) => transitionIn(tx, nominationId, to, input, actor));
}

/**
 * What a batch of steps in one transaction reads once instead of once per row: the nominations
 * (loaded together up front) and the ordinance of the decision. What a step adds is kept only
 * when the step completes: a rolled-back row leaves the batch as it was before it.
 */
export class TransitionBatch {
  #nominations = new Map<string, Nomination>();
  #ordinances = new Map<string, Ordinance>();
  #staged: Map<string, Ordinance> | null = null;

  constructor(readonly tx: Tx) {}

  /** Loads the nominations the batch will step, in one statement; answers their versions. */
  async load(ids: readonly string[]): Promise<Map<string, number>> {
    for (const n of await this.tx.nomination.findMany({ where: { id: { in: [...ids] } } })) this.#nominations.set(n.id, n);
    return new Map([...this.#nominations.values()].map((n) => [n.id, n.version]));
  }

  /** The loaded row, once: a second step on the same nomination reads it afresh. */
  takeNomination(id: string): Nomination | undefined {
    const n = this.#nominations.get(id);
    this.#nominations.delete(id);
    return n;
  }

  ordinance(key: string): Ordinance | undefined {
    return this.#staged?.get(key) ?? this.#ordinances.get(key);
  }

  rememberOrdinance(key: string, ordinance: Ordinance) {
    (this.#staged ??= new Map()).set(key, ordinance);
  }

  /** The step completed: what it learned holds for the rest of the batch. */
  keepStep() {
    for (const [key, value] of this.#staged ?? []) this.#ordinances.set(key, value);
    this.#staged = null;
  }

  /** The step was rolled back: forget what it learned. */
  dropStep() {
    this.#staged = null;
  }
}

/**
 * The same step inside the batch's transaction, for bulk work: the row's writes sit behind a
 * savepoint, so a refused or failing row is rolled back alone and the batch goes on (and the
 * batch commits once instead of once per row).
 */
export async function applyTransitionInBatch(
  batch: TransitionBatch,
  nominationId: string,
  to: Status,
  input: TransitionInput,
  actor: Actor,
  /** Recorded with the step's audit event (e.g. the ceremony that handed the honour over). */
  context?: Record<string, unknown>,
): Promise<TransitionResult> {
  const { tx } = batch;
  await tx.$executeRawUnsafe("SAVEPOINT transition_step");
  let result: TransitionResult | undefined;
  try {
    result = await transitionIn(tx, nominationId, to, input, actor, { batch, context });
    if (result.kind !== "done") await tx.$executeRawUnsafe("ROLLBACK TO transition_step");
    return result;
  } catch (error) {
    await tx.$executeRawUnsafe("ROLLBACK TO transition_step");
    if (error instanceof Refusal) return error.answer;
    throw error;
  } finally {
    if (result?.kind === "done") batch.keepStep();
    else batch.dropStep();
    await tx.$executeRawUnsafe("RELEASE transition_step");
  }
}

async function transitionIn(
  tx: Tx,
  nominationId: string,
  to: Status,
  input: TransitionInput,
  actor: Actor,
  { batch, context, via = "form" }: { batch?: TransitionBatch; context?: Record<string, unknown>; via?: "form" | "print" } = {},
): Promise<TransitionResult> {
  const n = batch?.takeNomination(nominationId) ?? (await tx.nomination.findUnique({ where: { id: nominationId } }));
  if (!n) return { kind: "not-found" as const };
  // Only the steps after the conferral read it (a bulk decision saves the statement per row).
  const conferralOf = () => tx.conferral.findUnique({ where: { nominationId: n.id } });
  if (n.version !== input.version) return { kind: "conflict" as const };
  const honour = n.honour as Honour;
  const from = n.status as Status;
  const step = allowedTransitions(honour, from).find((t) => t.to === to);
  if (!step) {
    refuse(`Ten krok nie jest dostępny: wniosek ma teraz status „${STATUS_LABEL[from]}”. Odśwież stronę.`);
  }
  if (step?.byPrint && via !== "print") refuse(`Status „${STATUS_LABEL[to]}” ustawia zapisany wydruk dyplomu: wydrukuj dyplom na stronie dyplomu.`);
  const medalClass = ((input.opinionClass ?? n.opinionClass ?? n.requestedClass) as MedalClass | null) ?? null;
  // The adoption asks the rules once its number and term are known to be right (in adopt()).
  if (to !== "ADOPTED") await checkRules(tx, n, to, medalClass, input, conferralOf);
  // The columns the step sets (besides version and updatedAt); undefined ones are left as they are.
  const data: StepColumns = { status: to };
  const after: Record<string, unknown> = {};

  switch (to) {
    case "FORMALLY_COMPLETE": {
      if (honour === "HONORARY_CITIZENSHIP") {
        const problems = honoraryCitizenshipApplicantProblems({
          nominatorKinds: (await tx.nominator.findMany({ where: { nominationId: n.id }, select: { kind: true } })).map((x) => x.kind),
          receivedDate: n.receivedDate,
          councillorNames: input.councillorNames,
          residentSignatureCount: input.residentSignatureCount,
          signaturesCollectedFrom: input.signaturesCollectedFrom,
          signaturesCollectedTo: input.signaturesCollectedTo,
        });
        if (problems.length) refuse(problems.join(" "));
        const round = honoraryCitizenshipRound(n.receivedDate);
        // A late application moves to next year's round unless a reason keeps it in this one.
        data.roundYear = round.late && input.lateReason ? round.year - 1 : round.year;
        data.councillorNames = input.councillorNames;
        data.residentSignatureCount = input.residentSignatureCount ?? null;
        data.signaturesCollectedFrom = input.signaturesCollectedFrom ?? null;
        data.signaturesCollectedTo = input.signaturesCollectedTo ?? null;
        after.roundYear = data.roundYear;
        if (input.lateReason) after.lateReason = input.lateReason;
      }
      break;
    }
    case "OPINION_POSITIVE":
    case "OPINION_NEGATIVE":
      data.opinion = to === "OPINION_POSITIVE" ? "POSITIVE" : "NEGATIVE";
      data.opinionDate = input.eventDate;
      data.opinionClass = honour === "CRACOVIAE_MERENTI" && to === "OPINION_POSITIVE" ? input.opinionClass : null;
      after.opinionDate = input.eventDate;
      if (data.opinionClass) after.opinionClass = data.opinionClass;
      break;
    case "FORWARDED": {
      const ordinance = await recordOrdinance(tx, input.actNumber, input.eventDate!, "DRAFT_FORWARDING", batch);
      data.forwardedOn = input.eventDate;
      await tx.resolutionDraft.updateMany({
        where: { nominations: { some: { nominationId: n.id } }, frozenVersionId: null },
        data: { ordinanceId: ordinance.id, status: "FORWARDED" },
      });
      after.ordinance = `${ordinance.number} z ${ordinance.issuedOn}`;
      break;
    }
    case "ADOPTED":
      after.resolution = await adopt(tx, n, honour, medalClass, input, () => checkRules(tx, n, to, medalClass, input, conferralOf), actor);
      break;
    case "GRANTED": {
      const ordinance = await recordOrdinance(tx, input.actNumber, input.eventDate!, "HG_DECISION", batch);
      // The badge's number continues the one HG series (historical badges included), taken in the
      // conferral's own INSERT as assignNextNumber does: one statement under the write lock.
      const series = numberSeriesOf(honour, null)!;
      const [created] = await tx.$queryRaw<[{ number: number | bigint }]>`
        INSERT INTO "Conferral" ("id", "publicId", "nominationId", "candidateId", "honour", "ordinanceId", "conferredOn", "numberSeries", "number", "isDemo", "createdAt")
        VALUES (${newRowId()}, ${newPublicId()}, ${n.id}, ${n.candidateId}, ${honour}, ${ordinance.id}, ${input.eventDate!}, ${series},
                (SELECT COALESCE(MAX("number"), 0) + 1 FROM "Conferral" WHERE "numberSeries" = ${series}), ${n.isDemo}, ${sqlDateTime()})
        RETURNING "number"`;
      after.decision = `${ordinance.number} z ${ordinance.issuedOn}`;
      after.number = Number(created.number);
      break;
    }
    case "NUMBER_ASSIGNED": {
      const series = numberSeriesOf(honour, medalClass);
      const conferral = await conferralOf();
      if (!conferral || !series) refuse("Numer nadaje się medalowi z podjętą uchwałą.");
      after.number = await assignNextNumber(tx, conferral!.id, series!);
      break;
    }
    case "HANDED_OVER": {
      const conferral = await conferralOf();
      if (!conferral) refuse("Brak nadania: wręczyć można wyróżnienie z podjętą uchwałą lub decyzją.");
      await tx.conferral.update({
        where: { id: conferral!.id },
        data: { handedOverOn: input.eventDate, handoverPlace: input.handoverPlace, version: { increment: 1 } },
      });
      Object.assign(after, { handedOverOn: input.eventDate, handoverPlace: input.handoverPlace });
      break;
    }
    case "DIPLOMA_PRINTED":
      after.printedOn = input.eventDate;
      break;
  }
  if (["OPINION_NEGATIVE", "REJECTED", "REFUSED", "WITHDRAWN"].includes(to)) data.closingReason = input.reason;
  if (input.eventDate && !after.eventDate) after.eventDate = input.eventDate;
  Object.assign(after, context);

  const assignments = (Object.entries(data) as [keyof StepColumns, unknown][])
    .filter(([, value]) => value !== undefined)
    .map(([column, value]) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`);
  const written = await tx.$executeRaw`
    UPDATE "Nomination" SET ${Prisma.join(assignments)}, "version" = "version" + 1, "updatedAt" = ${sqlDateTime()}
     WHERE "id" = ${n.id} AND "version" = ${input.version}`;
  if (written === 0) return { kind: "conflict" as const };
  await recordAudit(tx, {
    userId: actor.userId,
    action: "TRANSITION",
    entityType: "Nomination",
    entityId: n.id,
    fromStatus: from,
    toStatus: to,
    after,
    reason: input.reason,
  });
  return { kind: "done" as const, number: typeof after.number === "number" ? after.number : undefined };
}

/** The Nomination columns a step may set (besides version and updatedAt); undefined ones are left as they are. */
type StepColumns = Partial<
  Pick<
    Nomination,
    | "status"
    | "roundYear"
    | "councillorNames"
    | "residentSignatureCount"
    | "signaturesCollectedFrom"
    | "signaturesCollectedTo"
    | "opinion"
    | "opinionDate"
    | "opinionClass"
    | "forwardedOn"
    | "closingReason"
  >
>;

const ORDINANCE_TITLE = {
  DRAFT_FORWARDING: "w sprawie przyjęcia i przekazania pod obrady Rady Miasta Krakowa projektu uchwały",
  HG_DECISION: "w sprawie nadania Odznaki „Honoris Gratia”",
} as const;

/** The Mayor's ordinance with this number and date: recorded once, shared by every nomination it covers. */
async function recordOrdinance(tx: Tx, text: string, issuedOn: string, kind: keyof typeof ORDINANCE_TITLE, batch?: TransitionBatch) {
  const checked = checkOrdinanceNumber(text, issuedOn);
  if (!checked.ok) return refuse(checked.message, "actNumber");
  const number = checked.value;
  const key = `${number}\u0000${issuedOn}`;
  const known = batch?.ordinance(key);
  if (known) return known;
  // A read first (not an upsert): an existing ordinance is only read.
  const ordinance =
    (await tx.ordinance.findUnique({ where: { number_issuedOn: { number, issuedOn } } })) ??
    (await tx.ordinance.create({ data: { number, issuedOn, kind, title: ORDINANCE_TITLE[kind] } }));
  batch?.rememberOrdinance(key, ordinance);
  return ordinance;
}

/** Steps that move a case towards the honour: the rules are asked again at each of them. */
const TOWARDS_HONOUR: readonly Status[] = [
  "FORMALLY_COMPLETE",
  "VERIFIED",
  "DECISION_PREPARED",
  "OPINION_POSITIVE",
  "DRAFT_PREPARED",
  "FORWARDED",
  "ADOPTED",
  "GRANTED",
  "NUMBER_ASSIGNED",
  "DIPLOMA_PRINTED",
  "HANDED_OVER",
];

/**
 * Asks the one eligibility function (app/domain/eligibility.ts) about the step, with the case's
 * dates as the step would leave them; a refusal stops the step. Steps that close a case without
 * the honour (a refusal, a rejection) answer only to the order of the dates.
 */
async function checkRules(
  tx: Tx,
  n: LoadedNomination & { honour: string; forwardedOn: string | null },
  to: Status,
  medalClass: MedalClass | null,
  input: TransitionInput,
  conferralOf: () => Promise<{ conferredOn: string } | null>,
) {
  const closing = to === "REFUSED" || to === "REJECTED";
  if (!closing && !TOWARDS_HONOUR.includes(to)) return;
  const honour = n.honour as Honour;
  const actStep = to === "ADOPTED" || to === "GRANTED" || to === "REFUSED";
  const conferral = !actStep && CONFERRED_STATUSES.includes(to) ? await conferralOf() : null;
  const findings = await eligibilityFindings(tx, {
    honour,
    medalClass: honour === "CRACOVIAE_MERENTI" ? medalClass : null,
    receivedDate: n.receivedDate,
    candidateId: n.candidateId,
    nominationId: n.id,
    actDate: actStep ? input.eventDate : (conferral?.conferredOn ?? null),
    forwardedOn: to === "FORWARDED" ? input.eventDate : n.forwardedOn,
    handedOverOn: to === "HANDED_OVER" ? input.eventDate : null,
  });
  const relevant = closing ? findings.filter((f) => (CHRONOLOGY_CODES as readonly string[]).includes(f.code)) : findings;
  const refusal = refusalMessage(relevant);
  if (!refusal) return;
  const dated = relevant.some(
    (f) => f.level === "refuse" && ((CHRONOLOGY_CODES as readonly string[]).includes(f.code) || f.code.endsWith("not-yet-established")),
  );
  refuse(refusal, dated && input.eventDate ? "eventDate" : undefined);
}

/**
 * A recorded print moves a nomination whose diploma was printed on to „dyplom wydrukowany” (only
 * Cracoviae Merenti has that status, after the medal's number): the same step as any other, in the
 * print's transaction, dated the day of the print.
 */
export async function recordDiplomaPrinted(tx: Tx, conferralIds: readonly string[], printedOn: string, actor: { userId: string | null }): Promise<void> {
  const nominations = await tx.nomination.findMany({
    where: { conferral: { id: { in: [...conferralIds] } }, status: "NUMBER_ASSIGNED" },
    select: { id: true, version: true },
  });
  for (const n of nominations) {
    const input: TransitionInput = {
      version: n.version,
      eventDate: printedOn,
      reason: "",
      actNumber: "",
      limitRaiseResolutionId: "",
      limitRaiseNumber: "",
      handoverPlace: "",
      councillorNames: "",
      lateReason: "",
    };
    const result = await transitionIn(tx, n.id, "DIPLOMA_PRINTED", input, actor, { via: "print" });
    if (result.kind !== "done") throw new Error(`Nie udało się zapisać statusu „dyplom wydrukowany” (${result.kind}).`);
  }
}
