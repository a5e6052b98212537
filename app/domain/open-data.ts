// The public registry as open data: the same public fields as /rejestr, as CSV and JSON rows, a
// schema.org JSON-LD description of each permalink, and the sitemap of the permalinks.
import { HONOUR_LABEL, MEDAL_CLASS_LABEL, type Honour, type MedalClass } from "./honours";
import { toRoman } from "./roman";

/** What open data says of one public conferral (the public page's fields, nothing more). */
export type OpenDataInput = {
  publicId: string;
  honour: string;
  medalClass: string | null;
  number: number | null;
  conferredOn: string;
  handedOverOn: string | null;
  candidate: { displayName: string; nameNominative: string; kind: string };
  resolution: { number: string; adoptedOn: string; councilTerm: { number: number }; bipUrl?: string | null } | null;
  ordinance: { number: string; issuedOn: string; bipUrl?: string | null } | null;
};

/** The CSV's and the JSON's fields, in order (JSON keys are the same names). */
export const OPEN_DATA_COLUMNS = [
  "nazwa",
  "rodzaj",
  "wyroznienie",
  "klasa",
  "numer",
  "akt",
  "akt_numer",
  "akt_data",
  "kadencja_rady",
  "akt_bip",
  "data_nadania",
  "data_wreczenia",
  "adres",
] as const;
export type OpenDataRecord = Record<(typeof OPEN_DATA_COLUMNS)[number], string | number | null>;

export function openDataRecord(c: OpenDataInput, permalink: string): OpenDataRecord {
  const act = c.resolution ? "uchwała Rady Miasta Krakowa" : c.ordinance ? "zarządzenie Prezydenta Miasta Krakowa" : null;
  return {
    nazwa: c.candidate.nameNominative || c.candidate.displayName,
    rodzaj: c.candidate.kind === "ORGANIZATION" ? "instytucja" : "osoba",
    wyroznienie: HONOUR_LABEL[c.honour as Honour] ?? c.honour,
    klasa: c.medalClass ? (MEDAL_CLASS_LABEL[c.medalClass as MedalClass] ?? c.medalClass) : null,
    numer: c.number,
    akt: act,
    akt_numer: c.resolution?.number ?? c.ordinance?.number ?? null,
    akt_data: c.resolution?.adoptedOn ?? c.ordinance?.issuedOn ?? null,
    kadencja_rady: c.resolution ? toRoman(c.resolution.councilTerm.number) : null,
    akt_bip: c.resolution?.bipUrl ?? c.ordinance?.bipUrl ?? null,
    data_nadania: c.conferredOn,
    data_wreczenia: c.handedOverOn,
    adres: permalink,
  };
}

export function openDataCsvRow(r: OpenDataRecord): (string | number | null)[] {
  return OPEN_DATA_COLUMNS.map((k) => r[k]);
}

/** The award in words, as schema.org's `award` text: „Srebrny Medal „Cracoviae Merenti” nr 12”. */
function awardName(c: OpenDataInput): string {
  const honour = HONOUR_LABEL[c.honour as Honour] ?? c.honour;
  const cls = c.medalClass ? `, klasa: ${MEDAL_CLASS_LABEL[c.medalClass as MedalClass] ?? c.medalClass}` : "";
  return `${honour}${cls}${c.number ? `, nr ${c.number}` : ""}`;
}

/**
 * schema.org JSON-LD for a permalink: a Person or an Organization with its award (the text) and
 * the award as a credential (schema.org's way to give it a date and who granted it).
 */
export function conferralJsonLd(c: OpenDataInput, permalink: string) {
  const granter = c.resolution ? "Rada Miasta Krakowa" : "Prezydent Miasta Krakowa";
  return {
    "@context": "https://schema.org",
    "@type": c.candidate.kind === "ORGANIZATION" ? "Organization" : "Person",
    "@id": permalink,
    name: c.candidate.nameNominative || c.candidate.displayName,
    url: permalink,
    award: `${awardName(c)} (${c.conferredOn})`,
    hasCredential: {
      "@type": "EducationalOccupationalCredential",
      name: awardName(c),
      credentialCategory: "wyróżnienie honorowe",
      dateCreated: c.conferredOn,
      recognizedBy: {
        "@type": "GovernmentOrganization",
        name: granter,
        address: { "@type": "PostalAddress", addressLocality: "Kraków", addressCountry: "PL" },
      },
      ...(c.resolution?.bipUrl || c.ordinance?.bipUrl ? { sameAs: c.resolution?.bipUrl ?? c.ordinance?.bipUrl } : {}),
    },
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped, so no text can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** sitemaps.org XML: each address with the date it last changed (YYYY-MM-DD) when known. */
export function sitemapXml(entries: readonly { loc: string; lastmod?: string | null }[]): string {
  const urls = entries.map((e) => `<url><loc>${xmlEscape(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ""}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}
