// Limits of conferrals per council term and class. A limit is data (LimitRule); exceeding it is
// never a silent block or a silent pass: the caller shows the counts and needs an override that
// names the Council resolution raising the limit.
import type { Honour, MedalClass } from "./honours";

export type LimitRule = {
  honour: Honour;
  medalClass: MedalClass | null;
  maxCount: number;
  validFrom: string;
  validTo: string | null;
  councilTermNumber: number | null;
  setByResolutionText: string;
};

export type LimitCheck =
  | { kind: "no-limit" }
  | { kind: "within"; limit: number; count: number; rule: LimitRule }
  | { kind: "exceeded"; limit: number; count: number; rule: LimitRule; message: string };

/** The rule in force on a date for a term: a term-specific rule wins over the general one. */
export function ruleInForce(rules: LimitRule[], honour: Honour, medalClass: MedalClass | null, termNumber: number, date: string) {
  const applicable = rules.filter(
    (r) =>
      r.honour === honour &&
      r.medalClass === medalClass &&
      r.validFrom <= date &&
      (r.validTo === null || r.validTo >= date) &&
      (r.councilTermNumber === null || r.councilTermNumber === termNumber),
  );
  const specific = applicable.filter((r) => r.councilTermNumber !== null);
  const pool = specific.length > 0 ? specific : applicable;
  return pool.sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0] ?? null;
}

/**
 * Would one more conferral exceed the limit? `alreadyConferred` counts the term's conferrals of
 * this honour and class so far.
 */
export function checkLimit(
  rules: LimitRule[],
  honour: Honour,
  medalClass: MedalClass | null,
  termNumber: number,
  date: string,
  alreadyConferred: number,
): LimitCheck {
  const rule = ruleInForce(rules, honour, medalClass, termNumber, date);
  if (!rule) return { kind: "no-limit" };
  const count = alreadyConferred + 1;
  if (count <= rule.maxCount) return { kind: "within", limit: rule.maxCount, count, rule };
  return {
    kind: "exceeded",
    limit: rule.maxCount,
    count,
    rule,
    message: `Limit w tej kadencji to ${rule.maxCount} (${rule.setByResolutionText}); nadano już ${alreadyConferred}, to byłoby ${count}. Aby kontynuować, wskaż uchwałę Rady Miasta podnoszącą limit.`,
  };
}
