// /admin/settings: the dated settings grouped by key and the signatories by office, each with its
// validity periods and the one in force today marked. Every key and office has an anchor
// (#legalBasis.CRACOVIAE_MERENTI, #signatory-MAYOR) for pages that say "fill it in here".
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { PeriodTable } from "#app/components/settings";
import { todayIso } from "#app/domain/polish-dates";
import {
  OFFICE_DESCRIPTION,
  OFFICE_LABEL,
  OFFICES,
  overlappingPairs,
  periodState,
  periodText,
  SETTING_KEYS,
  SETTINGS,
  settingAnchor,
  signatoryAnchor,
  EMBLEM_ANCHOR,
  type Period,
} from "#app/domain/settings";
import { describeOffset } from "#app/domain/diploma-print";
import { printerProfiles } from "#app/models/diploma-desk.server";
import { listDatedSettings, listSignatories } from "#app/models/settings.server";
import { listEmblems } from "#app/models/emblem.server";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Ustawienia · Merenti" }];

function rowsOf<T extends Period & { id: string }>(rows: T[], today: string) {
  return rows.map((r) => ({ ...r, period: periodText(r), state: periodState(r, today) }));
}

function clashes(rows: (Period & { id: string })[]) {
  return overlappingPairs(rows).map(([a, b]) => `${periodText(a)} i ${periodText(b)}`);
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  const today = todayIso();
  const [settings, signatories, printers, emblems] = await Promise.all([listDatedSettings(), listSignatories(), printerProfiles(), listEmblems()]);
  const keys = [...SETTING_KEYS, ...new Set(settings.map((s) => s.key).filter((k) => !(SETTING_KEYS as readonly string[]).includes(k)))];
  return {
    today,
    settings: keys.map((key) => {
      const rows = settings.filter((s) => s.key === key).map((s) => ({ id: s.id, value: s.value, note: s.note, validFrom: s.validFrom, validTo: s.validTo }));
      const definition = (SETTINGS as Record<string, (typeof SETTINGS)[keyof typeof SETTINGS] | undefined>)[key];
      return {
        key,
        anchor: settingAnchor(key),
        known: Boolean(definition),
        label: definition?.label ?? key,
        description: definition?.description ?? "Ustawienie spoza listy znanych aplikacji (dodane inną drogą); można je zmienić lub usunąć.",
        rows: rowsOf(rows, today),
        clashes: clashes(rows),
      };
    }),
    offices: OFFICES.map((office) => {
      const rows = signatories
        .filter((s) => s.office === office)
        .map((s) => ({ id: s.id, fullName: s.fullName, titleLine: s.titleLine, validFrom: s.validFrom, validTo: s.validTo }));
      return {
        office,
        anchor: signatoryAnchor(office),
        label: OFFICE_LABEL[office],
        description: OFFICE_DESCRIPTION[office],
        rows: rowsOf(rows, today),
        clashes: clashes(rows),
      };
    }),
    printers: printers.map((p) => ({ id: p.id, name: p.name, offset: describeOffset(p.offsetXMm, p.offsetYMm), note: p.note })),
    emblems: rowsOf(
      emblems.map((e) => ({
        id: e.id,
        fileName: e.fileName,
        kind: e.mediaType === "image/png" ? "PNG" : "SVG",
        size: `${Math.max(1, Math.round(e.byteSize / 1024))} kB`,
        note: e.note,
        validFrom: e.validFrom,
        validTo: e.validTo,
      })),
      today,
    ),
  };
}

function Clashes({ clashes }: { clashes: string[] }) {
  if (!clashes.length) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p>Okresy nakładają się (zapisane poza tym ekranem): {clashes.join("; ")}. Popraw daty, aby w każdym dniu obowiązywała jedna wartość.</p>
    </div>
  );
}

function NoCurrent({ what }: { what: string }) {
  return <p className="alert alert--warn">{what}</p>;
}

export default function SettingsScreen() {
  const { settings, offices, printers, emblems } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Ustawienia</h1>
      <p className="lead">
        Brzmienie podstaw prawnych i klauzul oraz sygnatariusze są danymi z datami obowiązywania: dokument bierze wartość obowiązującą w swoim dniu (projekt
        uchwały: w dniu projektu, po podjęciu w dniu podjęcia; dyplom: w dniu nadania). W jednym dniu obowiązuje jedna wartość. Zmiana brzmienia od pewnej daty
        to nowa wartość, a nie poprawka starej: starsze dokumenty zachowują swoje brzmienie.
      </p>
      <p>
        Uroczystości: <Link to="/admin/venues">miejsca uroczystości</Link> · <Link to="/admin/calendar-feeds">adresy subskrypcji kalendarza uroczystości</Link>{" "}
        · Dokumenty: <Link to="/admin/name-lexicon">słownik odmiany nazw</Link>
      </p>
      <nav aria-labelledby="spis">
        <h2 id="spis" className="visually-hidden">
          Na tej stronie
        </h2>
        <ul>
          {settings.map((s) => (
            <li key={s.key}>
              <a href={`#${s.anchor}`}>{s.label}</a>
            </li>
          ))}
          {offices.map((o) => (
            <li key={o.office}>
              <a href={`#${o.anchor}`}>Sygnatariusz: {o.label}</a>
            </li>
          ))}
          <li>
            <a href={`#${EMBLEM_ANCHOR}`}>Herb na dyplomach</a>
          </li>
          <li>
            <a href="#printers">Drukarki dyplomów (blankiety)</a>
          </li>
        </ul>
      </nav>

      <h2 className="settings-group">Brzmienie dokumentów</h2>
      {settings.map((s) => {
        const titleId = `${s.anchor}-title`;
        const hasCurrent = s.rows.some((r) => r.state === "current");
        return (
          <section key={s.key} id={s.anchor} className="settings-section" aria-labelledby={titleId} tabIndex={-1}>
            <h3 id={titleId}>{s.label}</h3>
            <p className="field-hint">
              {s.description}{" "}
              <span className="nowrap">
                Klucz: <code>{s.key}</code>
              </span>
            </p>
            <Clashes clashes={s.clashes} />
            {hasCurrent ? null : (
              <NoCurrent what="Brak wartości obowiązującej dziś: dokumenty z dzisiejszą datą nie mogą być przygotowane, dopóki jej nie dodasz." />
            )}
            <PeriodTable
              caption={`${s.label}: wartości i okresy obowiązywania`}
              columns={[
                { label: "Treść", cell: (r) => r.value },
                { label: "Uwagi", cell: (r) => r.note || "—" },
              ]}
              rows={s.rows}
              editPath={(r) => `/admin/settings/values/${r.id}`}
              rowName={(r) => ` wartość ${r.period}`}
              empty="Nie ma jeszcze żadnej wartości."
            />
            {s.known ? (
              <p>
                <Link className="button button--secondary" to={`/admin/settings/values/new?key=${encodeURIComponent(s.key)}`}>
                  Dodaj wartość<span className="visually-hidden">: {s.label}</span>
                </Link>
              </p>
            ) : null}
          </section>
        );
      })}

      <h2 className="settings-group">Sygnatariusze</h2>
      <p>Kto pełnił urząd w danym dniu: jego imię i nazwisko oraz tytuł są drukowane pod podpisem zarządzeń, uchwał i dyplomów z tego dnia.</p>
      {offices.map((o) => {
        const titleId = `${o.anchor}-title`;
        const hasCurrent = o.rows.some((r) => r.state === "current");
        return (
          <section key={o.office} id={o.anchor} className="settings-section" aria-labelledby={titleId} tabIndex={-1}>
            <h3 id={titleId}>{o.label}</h3>
            <p className="field-hint">{o.description}</p>
            <Clashes clashes={o.clashes} />
            {hasCurrent ? null : (
              <NoCurrent what="Nikt nie jest wpisany na dziś: dokumentów z dzisiejszą datą nie będzie miał kto podpisać, dopóki nie dodasz osoby." />
            )}
            <PeriodTable
              caption={`${o.label}: osoby i okresy`}
              columns={[
                { label: "Imię i nazwisko", cell: (r) => r.fullName },
                { label: "Tytuł pod podpisem", cell: (r) => r.titleLine },
              ]}
              rows={o.rows}
              editPath={(r) => `/admin/settings/signatories/${r.id}`}
              rowName={(r) => `: ${r.fullName}`}
              empty="Nikt nie jest jeszcze wpisany."
            />
            <p>
              <Link className="button button--secondary" to={`/admin/settings/signatories/new?office=${o.office}`}>
                Dodaj osobę<span className="visually-hidden">: {o.label}</span>
              </Link>
            </p>
          </section>
        );
      })}

      <h2 className="settings-group">Druk dyplomów</h2>
      <section id={EMBLEM_ANCHOR} className="settings-section" aria-labelledby="herb-title" tabIndex={-1}>
        <h3 id="herb-title">Herb na dyplomach</h3>
        <p className="field-hint">
          Herb miasta nad nagłówkiem dyplomu drukowanego w całości na czystym papierze (PNG albo SVG). Dyplom bierze herb obowiązujący w dniu dyplomu; bez herbu
          drukuje się bez niego. Herb jest zastrzeżonym znakiem miasta: aplikacja go nie zawiera.
        </p>
        <PeriodTable
          caption="Herb na dyplomach: pliki i okresy"
          columns={[
            { label: "Plik", cell: (r) => `${r.fileName} (${r.kind}, ${r.size})` },
            { label: "Uwagi", cell: (r) => r.note || "—" },
          ]}
          rows={emblems}
          editPath={(r) => `/admin/settings/emblems/${r.id}`}
          rowName={(r) => `: herb ${r.period}`}
          empty="Nie wgrano herbu: dyplomy drukują się bez niego."
          changeable={false}
        />
        <p>
          <Link className="button button--secondary" to="/admin/settings/emblems/new">
            Wgraj herb
          </Link>
        </p>
      </section>
      <section id="printers" className="settings-section" aria-labelledby="printers-title" tabIndex={-1}>
        <h3 id="printers-title">Drukarki dyplomów (druk na blankietach)</h3>
        <p className="field-hint">
          Przy druku na gotowych blankietach tekst jest przesuwany o przesunięcie wybranej drukarki. Zmierz je na{" "}
          <a href="/diplomas/calibration" download>
            stronie kalibracyjnej
          </a>{" "}
          (PDF, poziomo;{" "}
          <a href="/diplomas/calibration?orientation=portrait" download>
            pionowo
          </a>
          ) wydrukowanej na tej drukarce.
        </p>
        {printers.length ? (
          <div className="table-wrap">
            <table className="data-table data-table--stack settings-table">
              <caption className="visually-hidden">Drukarki i ich przesunięcia</caption>
              <thead>
                <tr>
                  <th scope="col">Nazwa</th>
                  <th scope="col">Przesunięcie</th>
                  <th scope="col">Uwagi</th>
                  <th scope="col">Działania</th>
                </tr>
              </thead>
              <tbody>
                {printers.map((p) => (
                  <tr key={p.id}>
                    <td data-label="Nazwa">{p.name}</td>
                    <td data-label="Przesunięcie">{p.offset}</td>
                    <td data-label="Uwagi">{p.note || "—"}</td>
                    <td data-label="Działania" className="nowrap">
                      <Link to={`/admin/settings/printers/${p.id}`}>
                        Zmień<span className="visually-hidden">: {p.name}</span>
                      </Link>
                      <br />
                      <a href={`/diplomas/calibration?printer=${p.id}`} download>
                        Strona kalibracyjna<span className="visually-hidden">: {p.name}</span>
                      </a>
                      <br />
                      <Link to={`/admin/settings/printers/${p.id}/delete`}>
                        Usuń…<span className="visually-hidden">: {p.name}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty-state">Nie ma jeszcze żadnej drukarki: druk na blankietach odbywa się bez przesunięcia.</p>
        )}
        <p>
          <Link className="button button--secondary" to="/admin/settings/printers/new">
            Dodaj drukarkę
          </Link>
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
