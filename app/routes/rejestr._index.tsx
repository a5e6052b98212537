// The public registry of laureates: no sign-in; only public conferrals and only public fields.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { DemoMark } from "#app/components/labels";
import { Pagination } from "#app/components/pagination";
import { actText, conferredHonourText, RegistryFilterFields } from "#app/components/registry";
import { formatShortDate } from "#app/domain/polish-dates";
import { isFiltered, parseRegistryQuery, REGISTRY_PAGE_SIZE, registrySearchParams } from "#app/domain/registry";
import { resultCountText } from "#app/domain/result-count";
import { listCouncilTermNumbers } from "#app/models/council-term.server";
import { listConferralYears, listPublicConferrals, publicIdForVerificationCode, searchWordsOf } from "#app/models/registry.server";
import { env } from "#app/utils/env.server";
import { PUBLIC_CACHE_CONTROL } from "#app/utils/http";

export const handle = { publicPage: true };

// Public data, the same for everyone: browsers and proxies keep it briefly (PUBLIC_CACHE_CONTROL).
export const headers = () => ({ "Cache-Control": PUBLIC_CACHE_CONTROL });

const DESCRIPTION =
  "Publiczny rejestr laureatów wyróżnień Stołecznego Królewskiego Miasta Krakowa: Medalu „Cracoviae Merenti”, Honorowego Obywatelstwa i Odznaki „Honoris Gratia”.";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const title = data?.query.q ? `„${data.query.q}” – rejestr wyróżnień Krakowa` : "Rejestr wyróżnień Miasta Krakowa";
  return [
    { title },
    { name: "description", content: DESCRIPTION },
    { property: "og:title", content: title },
    { property: "og:description", content: DESCRIPTION },
    { property: "og:type", content: "website" },
    { property: "og:locale", content: "pl_PL" },
    ...(data
      ? [
          { property: "og:url", content: data.canonical },
          { tagName: "link", rel: "canonical", href: data.canonical },
        ]
      : []),
  ];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = parseRegistryQuery(url.searchParams, "public");
  // A diploma's verification code typed into the search box leads straight to its entry.
  const byCode = await publicIdForVerificationCode(query.q);
  if (byCode) throw redirect(`/rejestr/${encodeURIComponent(byCode)}`);
  const [{ total, rows }, terms, years] = await Promise.all([listPublicConferrals(query), listCouncilTermNumbers(), listConferralYears()]);
  return {
    query,
    total,
    rows: rows.map((r) => ({
      publicId: r.publicId,
      name: r.candidate.displayName,
      honour: conferredHonourText(r),
      act: actText(r),
      conferredOn: r.conferredOn,
      isDemo: r.isDemo,
    })),
    terms,
    years,
    /** The search had nothing to search by (only single letters or punctuation). */
    searchIgnored: Boolean(query.q?.trim()) && searchWordsOf(query.q).length === 0,
    canonical: `${env().PUBLIC_BASE_URL.replace(/\/+$/, "")}/rejestr`,
  };
}

export default function PublicRegistry() {
  const { query, total, rows, terms, years, searchIgnored } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const filtered = isFiltered(query);
  const pages = Math.max(1, Math.ceil(total / REGISTRY_PAGE_SIZE));
  const filter = registrySearchParams(query).toString();
  const withFilter = (path: string) => (filter ? `${path}?${filter}` : path);

  return (
    <>
      <h1>Rejestr wyróżnień Miasta Krakowa</h1>
      <p className="lead">
        Laureaci Medalu „Cracoviae Merenti”, Honorowi Obywatele Stołecznego Królewskiego Miasta Krakowa i wyróżnieni Odznaką „Honoris Gratia”: kto, jakie
        wyróżnienie, na podstawie jakiego aktu i kiedy.
      </p>

      <Form method="get" className="filters no-print" role="search" aria-label="Szukaj w rejestrze">
        <RegistryFilterFields query={query} terms={terms} years={years} searchLabel="Imię i nazwisko, nazwa lub kod z dyplomu" />
        <div className="filters__actions">
          <button type="submit">Szukaj</button>
          {filtered ? <Link to="/rejestr">Wyczyść filtry</Link> : null}
        </div>
      </Form>

      <p className="result-count" role="status" aria-live="polite">
        {navigation.state === "loading"
          ? "Wczytywanie…"
          : `${searchIgnored ? "Wpisz co najmniej dwie litery imienia, nazwiska lub nazwy. " : ""}${resultCountText(total, query.page, REGISTRY_PAGE_SIZE)}`}
      </p>

      {rows.length === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <>
              <p>Nikt w rejestrze nie pasuje do wybranych kryteriów.</p>
              <p>Sprawdź pisownię albo wpisz tylko część nazwiska.</p>
              <p>
                <Link to="/rejestr">Pokaż cały rejestr</Link>
              </p>
            </>
          ) : (
            <p>Rejestr nie zawiera jeszcze żadnych wyróżnień.</p>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table data-table--stack">
            <caption className="visually-hidden">Wyróżnieni</caption>
            <thead>
              <tr>
                <th scope="col">Wyróżniony</th>
                <th scope="col">Wyróżnienie</th>
                <th scope="col">Akt nadania</th>
                <th scope="col">Data nadania</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.publicId}>
                  <td data-label="Wyróżniony">
                    <Link to={`/rejestr/${encodeURIComponent(r.publicId)}`}>{r.name}</Link> <DemoMark isDemo={r.isDemo} />
                  </td>
                  <td data-label="Wyróżnienie">{r.honour}</td>
                  <td data-label="Akt nadania">{r.act}</td>
                  <td data-label="Data nadania">
                    <time dateTime={r.conferredOn}>{formatShortDate(r.conferredOn)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={query.page} pages={pages} />
      <p className="no-print">
        Dane otwarte{filtered ? " (z wybranymi filtrami)" : ""}: <a href={withFilter("/rejestr.csv")}>pobierz CSV</a> ·{" "}
        <a href={withFilter("/rejestr.json")}>pobierz JSON</a>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
