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

/** The registry's filter fields (search, honour, class, term, year, sort). */
export function RegistryFilterFields({
  query,
  terms,
  years,
  searchLabel,
}: {
  query: RegistryQuery;
  terms: number[];
  years: number[];
  searchLabel: string;
}) {
  return (
    <>
      <div className="field field--wide">
        <label htmlFor="q">{searchLabel}</label>
        <input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="np. rajcic" aria-describedby="q-hint" />
        <p className="field-hint" id="q-hint">
          Wielkość liter i znaki diakrytyczne nie mają znaczenia. Można też wpisać kod weryfikacyjny z dyplomu.
        </p>
      </div>
      <div className="field">
        <label htmlFor="honour">Wyróżnienie</label>
        <select id="honour" name="honour" defaultValue={query.honour ?? ""}>
          <option value="">wszystkie</option>
          {HONOURS.map((h) => (
            <option key={h} value={h}>
              {HONOUR_LABEL[h]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="medalClass">Klasa medalu</label>
        <select id="medalClass" name="medalClass" defaultValue={query.medalClass ?? ""}>
          <option value="">wszystkie</option>
          {MEDAL_CLASSES.map((c) => (
            <option key={c} value={c}>
              {MEDAL_CLASS_LABEL[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="term">Kadencja Rady</label>
        <select id="term" name="term" defaultValue={query.term ?? ""}>
          <option value="">wszystkie</option>
          {terms.map((n) => (
            <option key={n} value={n}>
              {toRoman(n)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="year">Rok nadania</label>
        <select id="year" name="year" defaultValue={query.year ?? ""}>
          <option value="">wszystkie</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sort">Sortuj według</label>
        <select id="sort" name="sort" defaultValue={query.sort}>
          {REGISTRY_SORTS.map((s) => (
            <option key={s} value={s}>
              {REGISTRY_SORT_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** "Wyniki 1–25 z 310." */
export function resultCountText(total: number, page: number, pageSize: number): string {
  if (total === 0) return "Brak wyników.";
  const first = (page - 1) * pageSize + 1;
  return first > total ? `Brak wyników na tej stronie (wszystkich: ${total}).` : `Wyniki ${first}–${Math.min(total, page * pageSize)} z ${total}.`;
}
