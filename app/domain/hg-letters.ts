// Letters to Honoris Gratia applicants (grants and refusals): who a letter goes to, from whom,
// and which laureates it names. One letter per applicant per decision: an applicant who sent
// several applications decided together gets one letter naming all of them. Pure.
import { foldText } from "./search-text";

/** The applicant's postal address as the intake records it (all three parts, or none). */
export type PostalAddress = { applicantStreet: string | null; applicantPostalCode: string | null; applicantCity: string | null };

/** An application a letter answers, with what the letter prints about it. */
export type LetterApplication = PostalAddress & {
  id: string;
  applicantName: string;
  applicantContact: string;
  caseReference: string;
  receivedDate: string;
};

const POSTAL_CODE = /^\d{2}-\d{3}$/;

/** What is wrong with a postal address typed at intake: a part missing, a code not „31-004”. */
export function postalAddressProblems(a: PostalAddress): { field: keyof PostalAddress; message: string }[] {
  const street = a.applicantStreet?.trim() ?? "";
  const code = a.applicantPostalCode?.trim() ?? "";
  const city = a.applicantCity?.trim() ?? "";
  if (!street && !code && !city) return [];
  const problems: { field: keyof PostalAddress; message: string }[] = [];
  if (!street) problems.push({ field: "applicantStreet", message: "Podaj ulicę i numer (albo zostaw cały adres pusty)." });
  if (!code) problems.push({ field: "applicantPostalCode", message: "Podaj kod pocztowy (albo zostaw cały adres pusty)." });
  else if (!POSTAL_CODE.test(code)) problems.push({ field: "applicantPostalCode", message: "Kod pocztowy ma postać 00-000, np. 31-004." });
  if (!city) problems.push({ field: "applicantCity", message: "Podaj miejscowość (albo zostaw cały adres pusty)." });
  return problems;
}

/** The address lines under the applicant's name: „ul. …”, „31-004 Kraków”; the contact when no address was recorded. */
export function recipientLines(a: PostalAddress & { applicantContact: string }): string[] {
  const street = a.applicantStreet?.trim() ?? "";
  const place = [a.applicantPostalCode?.trim(), a.applicantCity?.trim()].filter(Boolean).join(" ");
  if (street || place) return [street, place].filter(Boolean);
  return a.applicantContact.trim() ? [a.applicantContact.trim()] : [];
}

/** The sender's address setting cut into lines: before a postal code and at „;”. */
export function senderAddressLines(address: string): string[] {
  return address
    .split(/;\s*|,\s*(?=\d{2}-\d{3}\b)/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Who an application came from: the same name and address, ignoring case, diacritics and spacing. */
export function applicantKey(a: LetterApplication): string {
  return [a.applicantName, ...recipientLines(a)].map((part) => foldText(part).replace(/\s+/g, " ").trim()).join("|");
}

/**
 * Groups the items of one decision by applicant: one group per applicant, in first-seen order,
 * with the distinct applications it covers; items without an application have nobody to write to.
 */
export function byApplicant<T, A extends LetterApplication>(items: readonly T[], applicationOf: (item: T) => A | null): { applications: A[]; items: T[] }[] {
  const groups = new Map<string, { applications: A[]; items: T[] }>();
  for (const item of items) {
    const application = applicationOf(item);
    if (!application) continue;
    const key = applicantKey(application);
    const group = groups.get(key) ?? { applications: [], items: [] };
    if (!group.applications.some((a) => a.id === application.id)) group.applications.push(application);
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The case references of a letter's applications, as the header prints them („KP-04…, KP-04…”). */
export function caseReferencesOf(applications: readonly { caseReference: string }[], fallback = ""): string {
  const refs = [...new Set(applications.map((a) => a.caseReference.trim()).filter(Boolean))];
  return refs.length ? refs.join(", ") : fallback;
}
