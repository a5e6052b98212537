// /ceremonies/:id: one ceremony with its laureates in hand-over order (move up/down, attendance,
// guests, who hands over), the conflict checks, the status steps and the files for the chancellery.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { AuditTimeline } from "#app/components/audit-timeline";
import { CeremonyStatus, LaureateTable, LaureateTableReadOnly } from "#app/components/ceremony";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FilterSelect } from "#app/components/forms";
import { DemoMark, honourText } from "#app/components/labels";
import { useMayOpen } from "#app/components/permitted-link";
import {
  ATTENDANCE_LABEL,
  CEREMONY_FIELD_LABEL,
  CEREMONY_STEP,
  CEREMONY_STEPS,
  ceremonyKindLabel,
  ceremonyStatusLabel,
  isEditable,
  LaureateForm,
  LaureateTableForm,
  stepsFrom,
  TABLE_INTENT,
  tableOperation,
  type CeremonyStep,
} from "#app/domain/ceremony";
import { Honour, HONOUR_LABEL, HONOURS } from "#app/domain/honours";
import { timelineEntries } from "#app/domain/audit-log";
import { countOf } from "#app/domain/plural";
import { formatPolishDate } from "#app/domain/polish-dates";
import { auditTrailOf } from "#app/models/audit.server";
import {
  addLaureate,
  laureateCandidates,
  markAllAttending,
  moveLaureate,
  removeLaureate,
  saveLaureateTable,
  updateLaureate,
} from "#app/models/ceremony-laureates.server";
import { ceremonyPage, changeCeremonyStatus, CONFLICT_MESSAGE, type CeremonyWrite } from "#app/models/ceremony.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.ceremony.title} · Uroczystości · Merenti` : "Uroczystość · Merenti" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "ceremony:schedule");
  const page = await ceremonyPage(params.id!);
  invariantResponse(page, "Nie znaleziono uroczystości.", { status: 404 });
  const events = await auditTrailOf("Ceremony", page.ceremony.id);
  // Ceremony statuses have their own names (the shared timeline knows the nominations').
  const history = timelineEntries(events, CEREMONY_FIELD_LABEL).map((e, i) => ({
    ...e,
    toStatus: events[i]!.toStatus ? ceremonyStatusLabel(events[i]!.toStatus!) : null,
  }));
  const search = new URL(request.url).searchParams;
  const q = (search.get("q") ?? "").trim();
  const honour = Honour.safeParse(search.get("honour"));
  const searched = search.has("q") || search.has("honour");
  const candidates =
    searched && isEditable(page.ceremony.status) ? await laureateCandidates(page.ceremony.id, { q, honour: honour.success ? honour.data : null }) : [];
  const { ceremony: c } = page;
  return {
    ceremony: {
      id: c.id,
      kind: c.kind,
      title: c.title,
      date: c.date,
      startTime: c.startTime,
      endTime: c.endTime,
      status: c.status,
      organiser: c.organiser,
      chancelleryContact: c.chancelleryContact,
      notes: c.notes,
      cancellationReason: c.cancellationReason,
      programmeEdited: c.programme !== "",
      isDemo: c.isDemo,
      version: c.version,
      venue: c.venue ? { name: c.venue.name, address: c.venue.address, capacity: c.venue.capacity } : null,
    },
    laureates: page.laureates,
    findings: page.findings,
    steps: stepsFrom(c.status),
    history,
    searched,
    candidates: candidates.map((x) => ({
      id: x.id,
      name: x.candidate.nameNominative || x.candidate.displayName,
      honour: x.honour,
      medalClass: x.medalClass,
      conferredOn: x.conferredOn,
      status: x.nomination?.status ?? null,
      plannedFor: x.ceremonies.map((p) => `${p.ceremony.title}, ${formatPolishDate(p.ceremony.date)}`),
    })),
  };
}

const LAUREATE_FORMS = { one: "laureat", few: "laureaci", many: "laureatów" };

const Version = z.coerce.number().int().min(1);
const Intent = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("step"),
    step: z.enum(CEREMONY_STEPS),
    reason: z.string().trim().max(1000).optional().default(""),
    confirm: z.literal("on").optional(),
    version: Version,
  }),
  z.object({
    intent: z.literal("add"),
    conferralId: z.string().min(1),
    version: Version,
    search: z
      .string()
      .regex(/^(\?[^#]*)?$/)
      .optional()
      .default(""),
  }),
  z.object({ intent: z.literal("remove"), laureateId: z.string().min(1), version: Version }),
  z.object({ intent: z.literal("move"), laureateId: z.string().min(1), direction: z.enum(["up", "down"]), version: Version }),
  z.object({ intent: z.literal("attendAll"), version: Version }),
]);

type Answer = {
  intent: string;
  message?: string;
  problems?: string[];
  step?: CeremonyStep;
  laureateId?: string;
  direction?: "up" | "down";
  result?: ReturnType<Awaited<ReturnType<typeof parseLaureate>>["reply"]>;
  table?: SubmissionResult<string[]>;
};

function parseLaureate(formData: FormData) {
  return parseWithZod(formData, { schema: LaureateForm.and(z.object({ laureateId: z.string().min(1), version: Version })) });
}

function refusal(outcome: CeremonyWrite): { message: string; problems?: string[] } | null {
  if (outcome.kind === "conflict") return { message: CONFLICT_MESSAGE };
  if (outcome.kind === "refused") return { message: outcome.message, problems: outcome.problems };
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "ceremony:schedule");
  const id = params.id!;
  const actor = { userId: user.id };
  const formData = await request.formData();
  if (formData.get("intent") === "laureate") {
    const submission = parseLaureate(formData);
    const laureateId = String(formData.get("laureateId") ?? "");
    if (submission.status !== "success") return data<Answer>({ intent: "laureate", laureateId, result: submission.reply() }, { status: 400 });
    const outcome = await updateLaureate(id, submission.value, actor);
    invariantResponse(outcome.kind !== "not-found", "Nie znaleziono uroczystości.", { status: 404 });
    const refused = refusal(outcome);
    if (refused) return data<Answer>({ intent: "laureate", laureateId, result: submission.reply({ formErrors: [refused.message] }) }, { status: 400 });
    return data<Answer>({ intent: "laureate", laureateId, message: "Zapisano dane laureata.", result: submission.reply({ resetForm: false }) });
  }
  const intent = String(formData.get("intent") ?? "");
  if (TABLE_INTENT.test(intent)) {
    const submission = parseWithZod(formData, { schema: LaureateTableForm });
    if (submission.status !== "success") return data<Answer>({ intent: "table", table: submission.reply() }, { status: 400 });
    const op = tableOperation(submission.value);
    const outcome = await saveLaureateTable(id, submission.value, op, actor);
    invariantResponse(outcome.kind !== "not-found", "Nie znaleziono uroczystości.", { status: 404 });
    if (outcome.kind === "stale" || outcome.kind === "conflict") {
      return data<Answer>({ intent: "table", table: submission.reply({ formErrors: [CONFLICT_MESSAGE] }) }, { status: 409 });
    }
    const refused = refusal(outcome);
    if (refused) return data<Answer>({ intent: "table", table: submission.reply({ formErrors: [refused.message] }) }, { status: 400 });
    // A move keeps the page (and the keyboard focus on the moved laureate's button).
    if (op.kind === "move") return data<Answer>({ intent: "move", laureateId: op.laureateId, direction: op.direction });
    return redirectWithToast(`/ceremonies/${id}#laureaci`, {
      title:
        op.kind === "bulk"
          ? `Ustawiono obecność „${ATTENDANCE_LABEL[op.attendance]}”: ${countOf(outcome.bulk ?? 0, LAUREATE_FORMS)}.`
          : "Zapisano listę laureatów.",
      description: `Zmienione wiersze: ${outcome.changed ?? 0}.`,
      link: { href: "/ceremonies", label: "Wróć do listy uroczystości" },
    });
  }
  const parsed = Intent.safeParse(Object.fromEntries(formData));
  invariantResponse(parsed.success, "Nieprawidłowe żądanie.", { status: 400 });
  const v = parsed.data;
  // Holding writes every hand-over: it takes an explicit confirmation.
  if (v.intent === "step" && v.step === "HOLD" && !v.confirm) {
    return data<Answer>({ intent: "step", step: "HOLD", message: "Zaznacz potwierdzenie, że uroczystość się odbyła." }, { status: 400 });
  }
  const outcome =
    v.intent === "step"
      ? await changeCeremonyStatus(id, v.step, v, actor)
      : v.intent === "add"
        ? await addLaureate(id, v, actor)
        : v.intent === "remove"
          ? await removeLaureate(id, v, actor)
          : v.intent === "attendAll"
            ? await markAllAttending(id, v, actor)
            : await moveLaureate(id, v, actor);
  invariantResponse(outcome.kind !== "not-found", "Nie znaleziono uroczystości.", { status: 404 });
  const refused = refusal(outcome);
  if (refused)
    return data<Answer>({ intent: v.intent, step: v.intent === "step" ? v.step : undefined, ...refused }, { status: outcome.kind === "conflict" ? 409 : 400 });
  if (v.intent === "move") return data<Answer>({ intent: "move", laureateId: v.laureateId, direction: v.direction });
  if (v.intent === "step" && v.step === "HOLD") {
    const handedOver = outcome.kind === "saved" ? (outcome.handedOver ?? 0) : 0;
    return redirectWithToast(`/ceremonies/${id}`, {
      title: "Zapisano uroczystość jako odbytą.",
      description: `Wręczenia zapisane przy laureatach: ${handedOver}. Nieobecni czekają na kolejną uroczystość.`,
      link: { href: "/ceremonies", label: "Wróć do listy uroczystości" },
    });
  }
  // After adding, the search stays open so that the next laureate can be added at once.
  if (v.intent === "add") {
    return redirectWithToast(`/ceremonies/${id}${v.search}#dodaj`, {
      title: "Dodano laureata do uroczystości.",
      description: "Wyszukiwanie zostaje otwarte, by dodać kolejnych.",
      link: { href: `/ceremonies/${id}#laureaci`, label: "Przejdź do listy laureatów" },
    });
  }
  return redirect(`/ceremonies/${id}`);
}

export default function CeremonyView() {
  const { ceremony: c, laureates, findings, steps, searched, candidates, history } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const mayOpen = useMayOpen();
  const [searchParams] = useSearchParams();
  const editable = isEditable(c.status);
  const busy = navigation.state !== "idle";
  const removing = laureates.find((l) => l.id === searchParams.get("usun"));
  const table = answer?.intent === "table" && navigation.state === "idle" ? answer.table : undefined;

  const warnings = findings.filter((f) => f.severity === "warning");
  const notices = findings.filter((f) => f.severity === "notice");

  return (
    <>
      <div className="page-head">
        <h1>
          {c.title} <DemoMark isDemo={c.isDemo} />
        </h1>
        <div className="page-actions no-print">
          {editable ? <Link to={`/ceremonies/${c.id}/edit`}>Zmień dane</Link> : null}
          <Link to="/ceremonies">Wszystkie uroczystości</Link>
        </div>
      </div>

      <dl className="details">
        <dt>Stan</dt>
        <dd>
          <CeremonyStatus status={c.status} />
          {c.cancellationReason ? ` (powód: ${c.cancellationReason})` : null}
        </dd>
        <dt>Rodzaj</dt>
        <dd>{ceremonyKindLabel(c.kind)}</dd>
        <dt>Termin</dt>
        <dd>
          {formatPolishDate(c.date)}, godz. {c.startTime}–{c.endTime}
        </dd>
        <dt>Miejsce</dt>
        <dd>
          {c.venue
            ? `${c.venue.name}${c.venue.address ? `, ${c.venue.address}` : ""}${c.venue.capacity ? ` (miejsc: ${c.venue.capacity})` : ""}`
            : "nie ustalono"}
        </dd>
        <dt>Organizator</dt>
        <dd>{c.organiser || "—"}</dd>
        <dt>Kontakt w Kancelarii Rady</dt>
        <dd>{c.chancelleryContact || "—"}</dd>
        {c.notes ? (
          <>
            <dt>Uwagi</dt>
            <dd>{c.notes}</dd>
          </>
        ) : null}
      </dl>

      {warnings.length || notices.length ? (
        <section aria-labelledby="kontrola" className={warnings.length ? "alert alert--warn" : "alert alert--info"}>
          <h2 id="kontrola">Do sprawdzenia</h2>
          <ul>
            {warnings.map((f, i) => (
              <li key={`w${i}`}>
                <strong>Ostrzeżenie:</strong> {f.message}
              </li>
            ))}
            {notices.map((f, i) => (
              <li key={`n${i}`}>
                <strong>Uwaga:</strong> {f.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="dokumenty" className="no-print">
        <h2 id="dokumenty">Dokumenty i pliki</h2>
        <ul>
          <li>
            <Link to={`/ceremonies/${c.id}/programme`}>Program uroczystości</Link> {c.programmeEdited ? "(zmieniony ręcznie)" : "(z szablonu)"} ·{" "}
            <a href={`/ceremonies/${c.id}/programme.pdf`} download>
              pobierz PDF
            </a>
          </li>
          <li>
            <a href={`/ceremonies/${c.id}/handover-list.pdf`} download>
              Lista wręczeń i rozsadzenia dla protokołu (PDF)
            </a>
          </li>
          <li>
            <a href={`/ceremonies/${c.id}/invitations.csv`} download>
              Dane do zaproszeń (CSV do korespondencji seryjnej)
            </a>
          </li>
          <li>
            <a href={`/ceremonies/${c.id}/calendar.ics`} download>
              Wydarzenie do kalendarza Outlook (.ics)
            </a>
          </li>
          {mayOpen("/diplomas") ? (
            <li>
              <Link to={`/diplomas?ceremony=${c.id}`}>Druk dyplomów tej uroczystości</Link>
            </li>
          ) : null}
        </ul>
      </section>

      <section aria-labelledby="laureaci">
        <h2 id="laureaci">Laureaci w kolejności wręczania ({laureates.length})</h2>
        {answer && ["move", "remove", "add", "attendAll"].includes(answer.intent) && answer.message ? (
          <p className="alert alert--error" role="alert">
            {answer.message}
          </p>
        ) : null}
        {editable && removing ? (
          <Form method="post" className="alert alert--warn no-print" id="usun">
            <p>Usunąć {removing.name} z tej uroczystości? Laureat wróci do oczekujących na wręczenie; dane obecności i gości przepadną.</p>
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="laureateId" value={removing.id} />
            <input type="hidden" name="version" value={c.version} />
            <div className="form-actions">
              <button type="submit">Tak, usuń z uroczystości</button>
              <Link to={`/ceremonies/${c.id}#laureaci`}>Nie usuwaj</Link>
            </div>
          </Form>
        ) : null}
        {laureates.length === 0 ? (
          <p className="empty-state">Nie dodano jeszcze laureatów. {editable ? "Wyszukaj ich poniżej, w części „Dodaj laureata”." : ""}</p>
        ) : editable ? (
          <LaureateTable
            key={c.version}
            laureates={laureates}
            version={c.version}
            errors={table?.error ?? {}}
            sent={(table?.initialValue as { rows?: Record<string, string>[] } | undefined)?.rows}
            formError={table?.error?.[""]?.join(" ")}
            focusMoved={
              answer?.intent === "move" && answer.laureateId && answer.direction ? { laureateId: answer.laureateId, direction: answer.direction } : null
            }
          />
        ) : (
          <LaureateTableReadOnly laureates={laureates} />
        )}
      </section>

      {editable ? (
        <section aria-labelledby="dodaj" className="no-print">
          <h2 id="dodaj">Dodaj laureata</h2>
          <p className="muted">Laureaci z podjętą uchwałą albo przyznaną Odznaką „Honoris Gratia”, którym wyróżnienia jeszcze nie wręczono.</p>
          <Form method="get" className="filters" preventScrollReset>
            <div className="field">
              <label htmlFor="szukaj-q">Imię i nazwisko lub nazwa</label>
              <input id="szukaj-q" name="q" type="search" defaultValue={searchParams.get("q") ?? ""} />
            </div>
            <FilterSelect id="szukaj-honour" name="honour" label="Wyróżnienie" value={searchParams.get("honour")} options={HONOURS} labels={HONOUR_LABEL} />
            <div className="filters__actions">
              <button type="submit">Szukaj</button>
            </div>
          </Form>
          {searched ? (
            candidates.length === 0 ? (
              <p className="empty-state" role="status">
                Nie znaleziono laureatów czekających na wręczenie, pasujących do wyszukiwania.
              </p>
            ) : (
              <table className="data-table">
                <caption className="visually-hidden">Laureaci do dodania</caption>
                <thead>
                  <tr>
                    <th scope="col">Laureat</th>
                    <th scope="col">Wyróżnienie</th>
                    <th scope="col">Nadane</th>
                    <th scope="col">Zaplanowany na</th>
                    <th scope="col">
                      <span className="visually-hidden">Akcja</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {candidates.map((x) => (
                    <tr key={x.id}>
                      <td>{x.name}</td>
                      <td>{honourText(x.honour, x.medalClass)}</td>
                      <td className="nowrap">{formatPolishDate(x.conferredOn)}</td>
                      <td>{x.plannedFor.length ? x.plannedFor.join("; ") : "—"}</td>
                      <td>
                        <Form method="post">
                          <input type="hidden" name="intent" value="add" />
                          <input type="hidden" name="conferralId" value={x.id} />
                          <input type="hidden" name="search" value={`?${searchParams.toString()}`} />
                          <input type="hidden" name="version" value={c.version} />
                          <button type="submit" disabled={busy} aria-label={`Dodaj: ${x.name}`}>
                            Dodaj
                          </button>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          ) : null}
        </section>
      ) : null}

      {steps.length ? (
        <section aria-labelledby="stan" className="no-print">
          <h2 id="stan">Zmiana stanu uroczystości</h2>
          {steps.map((step) => (
            <StepForm key={step} step={step} version={c.version} answer={answer?.intent === "step" && answer.step === step ? answer : undefined} />
          ))}
        </section>
      ) : null}

      <AuditTimeline entries={history} />
    </>
  );
}

function StepForm({ step, version, answer }: { step: CeremonyStep; version: number; answer?: { message?: string; problems?: string[] } }) {
  const move = CEREMONY_STEP[step];
  const reasonId = `powod-${step}`;
  const errorId = `${reasonId}-error`;
  const form = (
    <Form method="post" className="card step-form">
      <input type="hidden" name="intent" value="step" />
      <input type="hidden" name="step" value={step} />
      <input type="hidden" name="version" value={version} />
      {answer?.message ? (
        <div id={errorId} className="alert alert--error" role="alert">
          <p>{answer.message}</p>
          {answer.problems?.length ? (
            <ul>
              {answer.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {step === "HOLD" ? (
        <p className="muted">
          Laureatom obecnym osobiście lub reprezentowanym zostanie zapisane wręczenie (data i miejsce uroczystości), a ich wnioski przejdą do stanu „wręczono”.
          Nieobecni pozostaną w oczekujących.
        </p>
      ) : null}
      {step === "HOLD" ? (
        <div className="choice">
          <input type="checkbox" id="potwierdz-HOLD" name="confirm" required aria-describedby={answer?.message ? errorId : undefined} />
          <label htmlFor="potwierdz-HOLD">Potwierdzam, że uroczystość się odbyła, a obecność laureatów jest zaznaczona zgodnie z przebiegiem.</label>
        </div>
      ) : null}
      {move.needsReason ? (
        <div className="field">
          <label htmlFor={reasonId}>
            Powód
            <span className="required" aria-hidden="true">
              {" "}
              *
            </span>
          </label>
          <textarea id={reasonId} name="reason" rows={2} required aria-describedby={answer?.message ? errorId : undefined} />
        </div>
      ) : null}
      <button type="submit" className={step === "CANCEL" ? "button--secondary" : undefined}>
        {move.label}
      </button>
    </Form>
  );
  // A step that asks for a reason or a confirmation opens its form from a button; it is open
  // again when the server refused it, to show why.
  if (!move.needsReason && step !== "HOLD") return form;
  return (
    <details className="step-details" open={Boolean(answer?.message)}>
      <summary className="button button--secondary">{move.label}…</summary>
      {form}
    </details>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
