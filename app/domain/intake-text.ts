// What the intake forms accept as a person's name and as a case reference (issue 18: a laureate
// named „1960 Kraków” with the case reference „ów Krakowskich (test)ów” was saved).

/** Letters of any script, spaces, hyphens, apostrophes and periods: what a name is made of. */
const USUAL_NAME = /^[\p{L}\p{M} '’.-]*$/u;

export type NameCheck = { refuse: string | null; ask: string | null };

/** A person's name: it must contain letters and no digits; other characters are asked about. */
export function checkPersonName(text: string): NameCheck {
  if (!text) return { refuse: null, ask: null };
  if (/\p{Nd}/u.test(text)) return { refuse: "Imię i nazwisko nie mogą zawierać cyfr.", ask: null };
  if (!/\p{L}/u.test(text)) return { refuse: "Imię i nazwisko muszą zawierać litery.", ask: null };
  if (USUAL_NAME.test(text)) return { refuse: null, ask: null };
  const odd = [...new Set([...text].filter((ch) => !USUAL_NAME.test(ch)))].map((ch) => `„${ch}”`).join(", ");
  return { refuse: null, ask: `Nietypowe znaki w imieniu lub nazwisku: ${odd}. Jeśli są właściwe, zaznacz potwierdzenie i zapisz ponownie.` };
}

/** The office's case reference pattern by default (a dated setting may replace it): <nr> and <rrrr> stand for numbers. */
export const DEFAULT_HG_CASE_REFERENCE_PATTERN = "KP-04.0012.<nr>.<rrrr>";

/** Checks a case reference against the pattern; "" (not given) passes. Null: it matches. */
export function caseReferenceProblem(reference: string, pattern: string): string | null {
  if (!reference) return null;
  const source = pattern
    .split(/(<nr>|<rrrr>)/)
    .map((part) => (part === "<nr>" ? "\\d{1,7}" : part === "<rrrr>" ? "\\d{4}" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  if (new RegExp(`^${source}$`).test(reference)) return null;
  return `Znak sprawy ma postać ${pattern.replace("<nr>", "numer").replace("<rrrr>", "rok")} (np. ${pattern.replace("<nr>", "15").replace("<rrrr>", "2026")}).`;
}
