// The registry load run's requests: what the public does at /rejestr, spread wide enough that a
// cache of rendered pages cannot answer everything from a handful of entries. Surnames in every
// spelling people type (folded, with diacritics, feminine, a prefix), further pages, name order,
// filters by honour, class, term and year, and permalinks as from diplomas' QR codes.
// Deterministic (one seed) and shuffled, so consecutive requests of a connection differ.
import { foldText } from "#app/domain/search-text";
import { rngOf } from "./dataset";
import { feminineOf, SURNAMES } from "./names";

const SEED = 10_000_11;

export function registryLoadPaths(publicIds: readonly string[], extraTerms: readonly string[]): string[] {
  const rng = rngOf(SEED);
  const paths = new Set<string>();
  const q = (term: string, rest = "") => `/rejestr?q=${encodeURIComponent(term)}${rest}`;
  for (const term of extraTerms) paths.add(q(term));
  for (const [i, surname] of SURNAMES.entries()) {
    paths.add(q(foldText(surname)));
    if (i % 2 === 0) paths.add(q(surname));
    if (i % 3 === 0) paths.add(q(feminineOf(surname)));
    if (i % 4 === 0) paths.add(q(foldText(surname).slice(0, 3)));
    if (i % 5 === 0) paths.add(q(foldText(surname), "&page=2"));
    if (i % 7 === 0) paths.add(q(foldText(surname), "&sort=name-asc"));
  }
  for (const honour of ["CRACOVIAE_MERENTI", "HONORARY_CITIZENSHIP", "HONORIS_GRATIA"]) {
    paths.add(`/rejestr?honour=${honour}`);
    paths.add(`/rejestr?honour=${honour}&sort=name-asc`);
    for (let k = 0; k < 6; k++) paths.add(`/rejestr?honour=${honour}&year=${rng.int(1991, 2026)}`);
  }
  for (const medalClass of ["GOLD", "SILVER", "BRONZE"]) paths.add(`/rejestr?honour=CRACOVIAE_MERENTI&medalClass=${medalClass}`);
  for (let term = 1; term <= 9; term++) paths.add(`/rejestr?term=${term}`);
  for (let k = 0; k < 20; k++) paths.add(`/rejestr?year=${rng.int(1991, 2026)}&page=${rng.int(1, 5)}`);
  for (let page = 1; page <= 20; page++) paths.add(page === 1 ? "/rejestr" : `/rejestr?page=${page}`);
  for (const id of publicIds.slice(0, 150)) paths.add(`/rejestr/${encodeURIComponent(id)}`);
  const out = [...paths];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
