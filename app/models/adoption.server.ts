// The Council adopted a resolution: the resolution recorded once per term and number, a raise of
// the term's limit where one was needed, and the conferral. Called from the ADOPTED step.
import type { Honour, MedalClass } from "#app/domain/honours";
import { checkLimit } from "#app/domain/limits";
import { formatPolishDate } from "#app/domain/polish-dates";
import { checkResolutionNumber, formatResolutionNumber, parseResolutionNumber, sessionOrderWarnings } from "#app/domain/resolution-number";
import { toRoman } from "#app/domain/roman";
import type { TransitionInput } from "#app/domain/transition-form";
import { db, type Tx } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { limitRules, newPublicId } from "./conferral.server";
import { councilTermOn } from "./council-term.server";
import { freezeDraftsOnAdoption } from "./draft.server";
import { refuse } from "./write.server";

export type LoadedNomination = {
  id: string;
  candidateId: string;
  isDemo: boolean;
  receivedDate: string;
};

/** The Council adopted the resolution: record it (once per term and number) and the conferral. */
export async function adopt(
  tx: Tx,
  n: LoadedNomination,
  honour: Honour,
  medalClass: MedalClass | null,
  input: TransitionInput,
  checkEligibility: () => Promise<void>,
  actor: { userId: string | null },
): Promise<string> {
  const adoptedOn = input.eventDate!;
  const parsed = parseResolutionNumber(input.actNumber);
  if (!parsed.ok) return refuse(parsed.message, "actNumber");
  const term = await councilTermOn(tx, adoptedOn);
  if (!term) return refuse("Data podjęcia uchwały nie mieści się w żadnej kadencji Rady. Sprawdź datę lub kadencje w ustawieniach.", "eventDate");
  const problems = checkResolutionNumber(parsed.value, adoptedOn, term);
  if (problems.length) return refuse(problems.join(" "), "actNumber");
  const number = formatResolutionNumber(parsed.value);
  await checkEligibility();
  if (!input.confirmWarnings) {
    const termResolutions = await tx.resolution.findMany({
      where: { councilTermId: term.id, number: { not: number } },
      select: { number: true, sessionNumber: true, adoptedOn: true },
    });
    const warnings = sessionOrderWarnings(parsed.value, adoptedOn, termResolutions);
    if (warnings.length) refuse(`${warnings.join(" ")} Jeśli numer jest właściwy, zaznacz potwierdzenie i zapisz ponownie.`, "confirmWarnings");
  }

  // One resolution may confer several honours (the Council sometimes adopts one for a session).
  const sameNumber = await tx.resolution.findUnique({ where: { councilTermId_number: { councilTermId: term.id, number } } });
  if (sameNumber && sameNumber.adoptedOn !== adoptedOn) {
    refuse(`Uchwała nr ${number} tej kadencji jest już zapisana z inną datą (${sameNumber.adoptedOn}).`, "actNumber");
  }
  const sameRunning = sameNumber
    ? null
    : await tx.resolution.findUnique({ where: { councilTermId_runningNumber: { councilTermId: term.id, runningNumber: parsed.value.running } } });
  if (sameRunning) refuse(`Numer kolejny ${parsed.value.running} jest już użyty w tej kadencji (uchwała nr ${sameRunning.number}).`, "actNumber");

  const already = await tx.conferral.count({
    where: { honour, medalClass, resolution: { councilTermId: term.id } },
  });
  const limit = checkLimit(await limitRules(tx), honour, medalClass, term.number, adoptedOn, already);
  // Over the limit only on a recorded resolution that raised this term's limit for this class.
  const raise = limit.kind === "exceeded" ? await limitRaiseFor(tx, term, honour, medalClass, adoptedOn, input, actor) : null;
  if (limit.kind === "exceeded" && !raise) refuse(limit.message, "limitRaiseNumber");
  if (raise && already + 1 > raise.maxCount) {
    refuse(`Uchwała nr ${raise.number} podniosła limit tej kadencji do ${raise.maxCount}; nadano już ${already}, to byłoby ${already + 1}.`, raiseField(input));
  }

  const resolution =
    sameNumber ??
    (await tx.resolution.create({
      data: {
        councilTermId: term.id,
        number,
        sessionNumber: parsed.value.session,
        runningNumber: parsed.value.running,
        adoptedOn,
        votesFor: input.votesFor ?? null,
        votesAgainst: input.votesAgainst ?? null,
        votesAbstained: input.votesAbstained ?? null,
      },
    }));
  await tx.conferral.create({
    data: {
      publicId: newPublicId(),
      nominationId: n.id,
      candidateId: n.candidateId,
      honour,
      medalClass: honour === "CRACOVIAE_MERENTI" ? medalClass : null,
      resolutionId: resolution.id,
      conferredOn: adoptedOn,
      limitOverrideText: raise ? raise.text : "",
      limitRaiseResolutionId: raise?.id ?? null,
      isDemo: n.isDemo,
    },
  });
  // The adopted text is final: its drafts are frozen at their last version.
  await freezeDraftsOnAdoption(tx, n.id, resolution.id);
  return `${number} z ${adoptedOn}`;
}

/** The field a limit refusal belongs to: the chosen resolution, or the one entered on the spot. */
const raiseField = (input: TransitionInput) => (input.limitRaiseResolutionId ? "limitRaiseResolutionId" : "limitRaiseNumber");

type TermRow = { id: string; number: number; startDate: string; endDate: string | null };

/**
 * The Council resolution raising this term's limit for this honour and class: one chosen from
 * the recorded LIMIT_RAISE resolutions, or one entered on the spot (recorded here with the
 * term-specific limit rule it sets, which the quota report then shows). Null when none was given.
 */
async function limitRaiseFor(
  tx: Tx,
  term: TermRow,
  honour: Honour,
  medalClass: MedalClass | null,
  adoptedOn: string,
  input: TransitionInput,
  actor: { userId: string | null },
) {
  const ruleOf = (resolutionId: string) => tx.limitRule.findFirst({ where: { setByResolutionId: resolutionId, councilTermId: term.id, honour, medalClass } });
  const ruleText = (number: string, date: string) =>
    `uchwała nr ${number} z dnia ${formatPolishDate(date)} (zwiększenie limitu w ${toRoman(term.number)} kadencji)`;
  const addRule = async (resolution: { id: string; number: string; adoptedOn: string }, maxCount: number) => {
    const rule = await tx.limitRule.create({
      data: {
        honour,
        medalClass,
        maxCount,
        validFrom: term.startDate,
        validTo: term.endDate,
        councilTermId: term.id,
        setByResolutionText: ruleText(resolution.number, resolution.adoptedOn),
        setByResolutionId: resolution.id,
      },
    });
    await recordAudit(tx, {
      userId: actor.userId,
      action: "CREATE",
      entityType: "LimitRule",
      entityId: rule.id,
      after: { resolution: resolution.number, honour, medalClass, maxCount, term: term.number },
    });
    return rule;
  };

  let resolution: { id: string; number: string; adoptedOn: string } | null = null;
  if (input.limitRaiseResolutionId) {
    resolution = await tx.resolution.findFirst({ where: { id: input.limitRaiseResolutionId, kind: "LIMIT_RAISE", councilTermId: term.id } });
    if (!resolution) return refuse(`Wybrana uchwała nie podnosi limitu ${toRoman(term.number)} kadencji Rady.`, "limitRaiseResolutionId");
  } else if (input.limitRaiseNumber && input.limitRaiseDate) {
    const parsed = parseResolutionNumber(input.limitRaiseNumber);
    if (!parsed.ok) return refuse(parsed.message, "limitRaiseNumber");
    const problems = checkResolutionNumber(parsed.value, input.limitRaiseDate, term);
    if (problems.length) return refuse(problems.join(" "), "limitRaiseNumber");
    const number = formatResolutionNumber(parsed.value);
    const known = await tx.resolution.findUnique({ where: { councilTermId_number: { councilTermId: term.id, number } } });
    if (known && known.kind !== "LIMIT_RAISE") return refuse(`Uchwała nr ${number} jest już zapisana i nie podnosi limitu.`, "limitRaiseNumber");
    resolution =
      known ??
      (await tx.resolution.create({
        data: {
          councilTermId: term.id,
          number,
          sessionNumber: parsed.value.session,
          runningNumber: parsed.value.running,
          adoptedOn: input.limitRaiseDate,
          kind: "LIMIT_RAISE",
          title: "w sprawie zwiększenia limitu nadań Medalu „Cracoviae Merenti”",
        },
      }));
  } else return null;

  if (resolution.adoptedOn > adoptedOn) {
    return refuse(
      `Uchwała nr ${resolution.number} z ${formatPolishDate(resolution.adoptedOn)} jest późniejsza niż ta uchwała (${formatPolishDate(adoptedOn)}): nie mogła podnieść jej limitu.`,
      raiseField(input),
    );
  }
  const rule = (await ruleOf(resolution.id)) ?? (input.limitRaiseMax ? await addRule(resolution, input.limitRaiseMax) : null);
  if (!rule) return refuse(`Podaj limit, który uchwała nr ${resolution.number} ustaliła dla tej klasy.`, "limitRaiseMax");
  return { id: resolution.id, number: resolution.number, maxCount: rule.maxCount, text: rule.setByResolutionText };
}

/** The recorded resolutions that raised a term's limit, for the adoption form's list. */
export async function limitRaiseResolutions() {
  const rows = await db().resolution.findMany({
    where: { kind: "LIMIT_RAISE" },
    orderBy: { adoptedOn: "desc" },
    include: { councilTerm: { select: { number: true } }, limitRules: { select: { honour: true, medalClass: true, maxCount: true } } },
  });
  return rows.map((r) => ({ id: r.id, number: r.number, adoptedOn: r.adoptedOn, term: r.councilTerm.number, rules: r.limitRules }));
}
