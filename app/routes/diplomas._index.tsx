// /diplomas: the printing desk. The conferrals whose diplomas are to be printed (filter by
// ceremony: its laureates in hand-over order, ?ceremony=<id>; by honour; printed or not), each
// with its state checked as a batch checks it; select, choose the mode and printer, print one PDF.
// With JavaScript the batch is fetched in place (a progress message while it is built, the
// refusal's list shown here); without, the form posts and a refusal comes back with its message in
// a toast and the selection (?zaznaczone=…) checked again here.
import { pageOf } from "#app/domain/form-fields";
import { FilterSelect } from "#app/components/forms";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { PrintModeFields, ReprintReasonFields } from "#app/components/diploma-print";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Pagination } from "#app/components/pagination";
import { REPRINT_REASON_LABEL, REPRINT_REASONS } from "#app/domain/diploma";
import { NOUNS } from "#app/domain/counts";
import { DESK_PAGE_SIZE, DESK_STATES, describeOffset, type DeskState } from "#app/domain/diploma-print";
import { countOf } from "#app/domain/plural";
import { HONOUR_LABEL, HONOURS, type Honour } from "#app/domain/honours";
import { formatShortDate } from "#app/domain/polish-dates";
import { ceremoniesForDesk, diplomaDesk, printerProfiles } from "#app/models/diploma-desk.server";
import { checkBatch, type BatchProblem } from "#app/models/diploma-batch.server";
import { requireUserWithAnyPermission, userCan } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Druk dyplomów · Merenti" }];

const STATE_LABEL: Record<DeskState, string> = { todo: "jeszcze niedrukowane", printed: "już drukowane", all: "wszystkie" };

const NOTHING_SELECTED = "Zaznacz co najmniej jeden dyplom do wydruku.";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithAnyPermission(request, ["diploma:text", "diploma:print"]);
  const url = new URL(request.url);
  const ceremonyId = url.searchParams.get("ceremony") || null;
  const honourParam = url.searchParams.get("honour") ?? "";
  const honour = (HONOURS as readonly string[]).includes(honourParam) ? (honourParam as Honour) : null;
  const stateParam = url.searchParams.get("stan") ?? "";
  const state = (DESK_STATES as readonly string[]).includes(stateParam) ? (stateParam as DeskState) : "todo";
  const page = pageOf(url.searchParams);
  const [desk, ceremonies, printers] = await Promise.all([diplomaDesk({ ceremonyId, honour, state, page }), ceremoniesForDesk(), printerProfiles()]);
  // Without JavaScript a refused batch comes back here: its check is run again from the data.
  const selected = (url.searchParams.get("zaznaczone") ?? "").split(",").filter(Boolean).slice(0, 2000);
  const problems = selected.length ? (await checkBatch(selected, { ceremonyId, reprintReason: url.searchParams.get("powod") ? "podany" : "" })).problems : [];
  return {
    filter: { ceremonyId, honour, state, page },
    ceremony: ceremonies.find((c) => c.id === ceremonyId) ?? null,
    ceremonies,
    ...desk,
    printers: printers.map((p) => ({ id: p.id, name: p.name, offset: describeOffset(p.offsetXMm, p.offsetYMm) })),
    reprintReasons: REPRINT_REASONS.map((r) => ({ value: r, label: REPRINT_REASON_LABEL[r] })),
    canPrint: userCan(user, "diploma:print"),
    problems,
    selected,
  };
}

type Outcome =
  | { kind: "idle" }
  | { kind: "working"; count: number }
  | { kind: "done" }
  | { kind: "refused"; message: string; problems: BatchProblem[] }
  | { kind: "error"; message: string };

function fileNameOf(disposition: string | null): string {
  const utf8 = disposition?.match(/filename\*=UTF-8''([^;]+)/);
  return utf8 ? decodeURIComponent(utf8[1]!) : "dyplomy.pdf";
}

/** The refused diplomas, numbered once: by their position in the batch (the list's own numbers). */
function Problems({ problems }: { problems: BatchProblem[] }) {
  return (
    <ol className="refusal-list">
      {problems.map((p) => (
        <li key={p.conferralId} value={p.position}>
          {p.href ? <Link to={p.href}>{p.name}</Link> : p.name}: {p.problems.join(" ")}
        </li>
      ))}
    </ol>
  );
}

export default function DiplomaDesk() {
  const { filter, ceremony, ceremonies, rows, total, pages, printers, reprintReasons, canPrint, problems, selected } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const anyPrinted = rows.some((r) => r.prints > 0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = new FormData(form);
    const count = body.getAll("conferralId").length;
    if (count === 0) {
      setOutcome({ kind: "refused", message: NOTHING_SELECTED, problems: [] });
      return;
    }
    setOutcome({ kind: "working", count });
    try {
      const response = await fetch(form.action, { method: "POST", body, headers: { Accept: "application/json" } });
      if (response.ok && response.headers.get("Content-Type") === "application/pdf") {
        const fileName = fileNameOf(response.headers.get("Content-Disposition"));
        const url = URL.createObjectURL(await response.blob());
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        // The batch's toast („Wydrukowano: 2 dyplomy.”) comes with the reloaded data.
        setOutcome({ kind: "done" });
        revalidator.revalidate();
      } else if (response.headers.get("Content-Type")?.includes("application/json")) {
        const answer = (await response.json()) as { message: string; problems: BatchProblem[] };
        setOutcome({ kind: "refused", message: answer.message, problems: answer.problems });
      } else setOutcome({ kind: "error", message: `Wydruk się nie udał (błąd ${response.status}). Spróbuj ponownie.` });
    } catch {
      setOutcome({ kind: "error", message: "Brak połączenia z serwerem: wydruk się nie udał. Spróbuj ponownie." });
    }
  }

  function selectAllReady(checked: boolean) {
    formRef.current?.querySelectorAll<HTMLInputElement>("input[name=conferralId][data-ready=true]").forEach((box) => (box.checked = checked));
  }

  const working = outcome.kind === "working";
  return (
    <>
      <h1>Druk dyplomów</h1>
      <p className="lead">
        Dyplomy z zatwierdzonym tekstem można wydrukować razem, w jednym pliku PDF: najpierw strona z kolejnością wręczania, potem dyplomy w tej kolejności. Dla
        uroczystości kolejność to kolejność wręczania z jej listy laureatów.
      </p>
      <Form method="get" className="filters no-print" role="search" aria-label="Filtruj dyplomy">
        <div className="field">
          <label htmlFor="f-ceremony">Uroczystość</label>
          <select id="f-ceremony" name="ceremony" defaultValue={filter.ceremonyId ?? ""}>
            <option value="">wszystkie nadania</option>
            {ceremonies.map((c) => (
              <option key={c.id} value={c.id}>
                {formatShortDate(c.date)} {c.title}
              </option>
            ))}
          </select>
        </div>
        <FilterSelect id="f-honour" name="honour" label="Wyróżnienie" value={filter.honour} options={HONOURS} labels={HONOUR_LABEL} />
        <div className="field">
          <label htmlFor="f-state">Dyplomy</label>
          <select id="f-state" name="stan" defaultValue={filter.state}>
            {DESK_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit">Pokaż</button>
          <Link to="/diplomas">Wyczyść filtry</Link>
        </div>
      </Form>

      {problems.length && outcome.kind === "idle" ? (
        <div className="alert alert--error" role="alert">
          <p>Nie są gotowe do druku:</p>
          <Problems problems={problems} />
        </div>
      ) : null}

      <p className="result-count" role="status" aria-live="polite">
        {navigation.state === "loading"
          ? "Wczytywanie…"
          : total === 0
            ? "Brak dyplomów do pokazania."
            : `${ceremony ? `${ceremony.title}: ` : ""}${countOf(total, NOUNS.conferral)}.`}
      </p>

      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{filter.ceremonyId ? "Na liście tej uroczystości nie ma laureatów z tym filtrem." : "Nie ma nadań, których dyplomy pasują do filtru."}</p>
          <p>
            <Link to="/diplomas?stan=all">Pokaż wszystkie nadania</Link>
          </p>
        </div>
      ) : (
        <form method="post" action="/diplomas/batch" ref={formRef} onSubmit={submit} aria-describedby="batch-status">
          {filter.ceremonyId ? <input type="hidden" name="ceremonyId" value={filter.ceremonyId} /> : null}
          <div className="table-wrap">
            <table className="data-table data-table--stack">
              <caption className="visually-hidden">Dyplomy do druku{ceremony ? `: ${ceremony.title}` : ""}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    {canPrint ? (
                      <label className="choice">
                        <input type="checkbox" onChange={(e) => selectAllReady(e.currentTarget.checked)} /> Wszystkie gotowe
                      </label>
                    ) : (
                      "Lp."
                    )}
                  </th>
                  {filter.ceremonyId ? <th scope="col">Kolejność</th> : null}
                  <th scope="col">Laureat</th>
                  <th scope="col">Wyróżnienie</th>
                  <th scope="col">Nr</th>
                  <th scope="col">Stan dyplomu</th>
                  <th scope="col">Wydruki</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={r.conferralId}>
                    <td>
                      {canPrint ? (
                        // A diploma that is not ready cannot be chosen: its cell „Stan dyplomu” says why.
                        <label className="choice">
                          <input
                            type="checkbox"
                            name="conferralId"
                            value={r.conferralId}
                            data-ready={r.ready}
                            disabled={!r.ready}
                            aria-describedby={r.ready ? undefined : `stan-${r.conferralId}`}
                            defaultChecked={r.ready && selected.includes(r.conferralId)}
                          />
                          <span className="visually-hidden">Zaznacz: {r.name}</span>
                        </label>
                      ) : (
                        (filter.page - 1) * DESK_PAGE_SIZE + i + 1
                      )}
                    </td>
                    {filter.ceremonyId ? <td data-label="Kolejność">{r.position ?? "—"}</td> : null}
                    <td data-label="Laureat">
                      <Link to={`/conferrals/${r.conferralId}/diploma`}>{r.name}</Link>
                      {r.canPreview ? (
                        <>
                          {" · "}
                          <a href={`/conferrals/${r.conferralId}/diploma/preview`} target="_blank" rel="noreferrer">
                            Podgląd<span className="visually-hidden"> dyplomu (PDF, bez zapisu wydruku): {r.name}</span>
                          </a>
                        </>
                      ) : null}
                    </td>
                    <td data-label="Wyróżnienie">{r.honour}</td>
                    <td data-label="Nr">{r.number ?? "—"}</td>
                    <td data-label="Stan dyplomu" id={`stan-${r.conferralId}`}>
                      {r.ready ? <strong>gotowy do druku</strong> : r.problems.join(" ")}
                    </td>
                    <td data-label="Wydruki">{r.prints ? `${r.prints}×` : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={filter.page} pages={pages} />
          {canPrint ? (
            <div className="no-print">
              <PrintModeFields printers={printers} idPrefix="batch" />
              {anyPrinted || filter.state !== "todo" ? (
                <ReprintReasonFields reasons={reprintReasons} idPrefix="batch" legend="Ponowny wydruk: powód (dla dyplomów już drukowanych)" />
              ) : null}
              <div className="form-actions">
                <button type="submit" disabled={working} aria-describedby="batch-status">
                  {working ? "Przygotowywanie PDF…" : "Drukuj zaznaczone (jeden PDF)"}
                </button>
              </div>
            </div>
          ) : null}
          <div id="batch-status" role="status" aria-live="polite">
            {outcome.kind === "working" ? (
              <p className="alert alert--info">
                <progress aria-label="Przygotowywanie wydruku" /> Składanie pliku PDF: {countOf(outcome.count, NOUNS.diploma)} i strona z kolejnością wręczania.
                Przy kilkuset dyplomach trwa to chwilę; nie zamykaj strony.
              </p>
            ) : null}
          </div>
          {outcome.kind === "refused" || outcome.kind === "error" ? (
            <div className="alert alert--error" role="alert">
              <p>{outcome.message}</p>
              {outcome.kind === "refused" && outcome.problems.length ? <Problems problems={outcome.problems} /> : null}
            </div>
          ) : null}
        </form>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
