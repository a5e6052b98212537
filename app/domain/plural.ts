// Polish plurals through the platform's own rules (CLDR via Intl.PluralRules), so "1 wniosek,
// 2 wnioski, 5 wniosków, 22 wnioski" never depends on a hand-written modulo.
const rules = new Intl.PluralRules("pl");

/** The three Polish forms of a noun: one (1), few (2–4, 22–24…), many (5–21, 25…, 0). */
export type PluralForms = { one: string; few: string; many: string };

/** The form of a noun that goes with `count`; a fraction takes the "other" form, which Polish writes as the genitive singular. */
export function pluralForm(count: number, forms: PluralForms & { other?: string }): string {
  const category = rules.select(count);
  if (category === "one") return forms.one;
  if (category === "few") return forms.few;
  if (category === "other") return forms.other ?? forms.many;
  return forms.many;
}

/** "5 wniosków": the count and its noun, with a non-breaking space between them. */
export function countOf(count: number, forms: PluralForms & { other?: string }): string {
  return `${count.toLocaleString("pl-PL")}\u00a0${pluralForm(count, forms)}`;
}
