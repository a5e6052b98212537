// A conferral's public page: the permalink printed on the diploma (QR code, publicRegistryUrl).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { DemoMark } from "#app/components/labels";
import { conferredHonourText } from "#app/components/registry";
import { publicRegistryUrl } from "#app/domain/diploma";
import { handoverState } from "#app/domain/registry";
import { HONOUR_LABEL, MEDAL_CLASS_LABEL, type Honour, type MedalClass } from "#app/domain/honours";
import { formatPolishDate } from "#app/domain/polish-dates";
import { toRoman } from "#app/domain/roman";
import { conferralJsonLd, jsonForScript } from "#app/domain/open-data";
import { getPublicConferral } from "#app/models/registry.server";
import { env } from "#app/utils/env.server";
import { PUBLIC_CACHE_CONTROL } from "#app/utils/http";
import { useNonce } from "#app/utils/nonce-provider";

export const handle = { publicPage: true };

// Public data, the same for everyone: browsers and proxies keep it briefly (PUBLIC_CACHE_CONTROL).
export const headers = () => ({ "Cache-Control": PUBLIC_CACHE_CONTROL });

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Nie znaleziono wpisu – rejestr wyróżnień Krakowa" }];
  const title = `${data.name}: ${data.honourTitle} – rejestr wyróżnień Krakowa`;
  // The date ends in „r.”, which closes the sentence: no second full stop.
  const description = `${data.name}: ${data.honour}, nadane ${formatPolishDate(data.conferredOn)} ${data.citation}`.trim();
  return [
    { title },
    { name: "description", content: description },
    { property: "og:title", content: `${data.name}: ${data.honourTitle}` },
    { property: "og:description", content: description },
    { property: "og:type", content: "article" },
    { property: "og:locale", content: "pl_PL" },
    { property: "og:url", content: data.canonical },
    { tagName: "link", rel: "canonical", href: data.canonical },
  ];
};

export async function loader({ params }: LoaderFunctionArgs) {
  const publicId = params.publicId ?? "";
  const c = publicId.length <= 64 ? await getPublicConferral(publicId) : null;
  if (!c) throw new Response("W rejestrze nie ma wpisu o tym adresie. Sprawdź adres albo wyszukaj laureata w rejestrze.", { status: 404 });
  const canonical = publicRegistryUrl(env().PUBLIC_BASE_URL, c.publicId);
  return {
    name: c.candidate.nameNominative || c.candidate.displayName,
    honourTitle: HONOUR_LABEL[c.honour as Honour],
    honour: conferredHonourText(c),
    medalClass: c.medalClass ? MEDAL_CLASS_LABEL[c.medalClass as MedalClass] : null,
    number: c.number,
    resolution: c.resolution
      ? { number: c.resolution.number, adoptedOn: c.resolution.adoptedOn, term: toRoman(c.resolution.councilTerm.number), bipUrl: c.resolution.bipUrl }
      : null,
    ordinance: c.ordinance,
    conferredOn: c.conferredOn,
    handedOverOn: c.handedOverOn,
    handoverPlace: c.handoverPlace,
    handover: handoverState(c),
    citation: c.citation,
    isDemo: c.isDemo,
    canonical,
    jsonLd: jsonForScript(conferralJsonLd(c, canonical)),
  };
}

export default function PublicConferral() {
  const d = useLoaderData<typeof loader>();
  const nonce = useNonce();
  return (
    <article className="registry-entry">
      {/* schema.org data for search engines (not run: a data block; the nonce still names it). */}
      <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: d.jsonLd }} />
      <p className="no-print">
        <Link to="/rejestr">‹ Rejestr wyróżnień</Link>
      </p>
      <h1>
        {d.name} <DemoMark isDemo={d.isDemo} />
      </h1>
      <p className="lead">{d.honour}</p>
      <dl className="details">
        <dt>Wyróżnienie</dt>
        <dd>{d.honourTitle}</dd>
        {d.medalClass ? (
          <>
            <dt>Klasa</dt>
            <dd>{d.medalClass}</dd>
          </>
        ) : null}
        {d.number ? (
          <>
            <dt>Numer</dt>
            <dd>{d.number}</dd>
          </>
        ) : null}
        {d.resolution ? (
          <>
            <dt>Uchwała Rady Miasta Krakowa</dt>
            <dd>
              nr {d.resolution.bipUrl ? <a href={d.resolution.bipUrl}>{d.resolution.number}</a> : d.resolution.number} z dnia{" "}
              <time dateTime={d.resolution.adoptedOn}>{formatPolishDate(d.resolution.adoptedOn)}</time>, {d.resolution.term} kadencja Rady
            </dd>
          </>
        ) : d.ordinance ? (
          <>
            <dt>Decyzja Prezydenta Miasta Krakowa</dt>
            <dd>
              zarządzenie nr {d.ordinance.bipUrl ? <a href={d.ordinance.bipUrl}>{d.ordinance.number}</a> : d.ordinance.number} z dnia{" "}
              <time dateTime={d.ordinance.issuedOn}>{formatPolishDate(d.ordinance.issuedOn)}</time>
            </dd>
          </>
        ) : null}
        <dt>Data nadania</dt>
        <dd>
          <time dateTime={d.conferredOn}>{formatPolishDate(d.conferredOn)}</time>
        </dd>
        <dt>Wręczenie</dt>
        <dd>
          {d.handedOverOn ? (
            <>
              <time dateTime={d.handedOverOn}>{formatPolishDate(d.handedOverOn)}</time>
              {d.handoverPlace ? `, ${d.handoverPlace}` : ""}
            </>
          ) : (
            d.handover.text
          )}
        </dd>
      </dl>
      {d.citation ? (
        <section aria-labelledby="citation">
          <h2 id="citation">Za co</h2>
          <p>{d.citation}</p>
        </section>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
