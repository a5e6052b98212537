// Pieces shared by the public registry (/rejestr) and the staff list of conferrals (/conferrals).
import { HONOUR_LABEL, HONOURS, MEDAL_CLASS_LABEL, MEDAL_CLASSES, type Honour, type MedalClass } from "#app/domain/honours";
import { formatPolishDate } from "#app/domain/polish-dates";
import { REGISTRY_SORT_LABEL, REGISTRY_SORTS, type RegistryQuery } from "#app/domain/registry";
import { toRoman } from "#app/domain/roman";

type Act = {
  resolution: { number: string; adoptedOn: string; councilTerm: { number: number } } | null;
  ordinance: { number: string; issuedOn: string } | null;
};

/** "Srebrny Medal „Cracoviae Merenti” nr 12", "Honorowe Obywatelstwo", "Odznaka „Honoris Gratia” nr 5310". */
export function conferredHonourText(c: { honour: string; medalClass: string | null; number: number | null }): string {
  const label = HONOUR_LABEL[c.honour as Honour] ?? c.honour;
  const cls = c.medalClass ? MEDAL_CLASS_LABEL[c.medalClass as MedalClass] : null;
  const base = cls ? `${label}, klasa: ${cls}` : label;
  return c.number ? `${base}, nr ${c.number}` : base;
}

/** The legal act in words: the Council's resolution (number, date, term) or the Mayor's decision. */
export function actText(c: Act): string {
  if (c.resolution) {
    return `uchwała Rady Miasta Krakowa nr ${c.resolution.number} z dnia ${formatPolishDate(c.resolution.adoptedOn)} (${toRoman(c.resolution.councilTerm.number)} kadencja)`;
  }
  if (c.ordinance) return `decyzja Prezydenta Miasta Krakowa: zarządzenie nr ${c.ordinance.number} z dnia ${formatPolishDate(c.ordinance.issuedOn)}`;
  return "—";
}

/** A filter's select: „wszystkie” (no filter) and the options. */
export function FilterSelect({
  name,
  label,
  value,
  options,
  all = "wszystkie",
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  options: readonly (readonly [string | number, string])[];
  all?: string | null;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value ?? ""}>
        {all === null ? null : <option value="">{all}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The registry's filter fields (search, honour, class, term, year, sort). */
export function RegistryFilterFields({ query, terms, years, searchLabel }: { query: RegistryQuery; terms: number[]; years: number[]; searchLabel: string }) {
  return (
    <>
      <div className="field field--wide">
        <label htmlFor="q">{searchLabel}</label>
        <input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="np. rajcic" aria-describedby="q-hint" />
        <p className="field-hint" id="q-hint">
          Początek imienia, nazwiska lub nazwy (co najmniej dwie litery); wielkość liter i znaki diakrytyczne nie mają znaczenia. Można też wpisać kod
          weryfikacyjny z dyplomu.
        </p>
      </div>
      <FilterSelect name="honour" label="Wyróżnienie" value={query.honour} options={HONOURS.map((h) => [h, HONOUR_LABEL[h]] as const)} />
      <FilterSelect name="medalClass" label="Klasa medalu" value={query.medalClass} options={MEDAL_CLASSES.map((c) => [c, MEDAL_CLASS_LABEL[c]] as const)} />
      <FilterSelect name="term" label="Kadencja Rady" value={query.term} options={terms.map((n) => [n, toRoman(n)] as const)} />
      <FilterSelect name="year" label="Rok nadania" value={query.year} options={years.map((y) => [y, String(y)] as const)} />
      <FilterSelect name="sort" label="Sortuj według" value={query.sort} all={null} options={REGISTRY_SORTS.map((s) => [s, REGISTRY_SORT_LABEL[s]] as const)} />
    </>
  );
}
