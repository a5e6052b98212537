// The stock of Honoris Gratia badges and diploma blanks: received, issued (per ceremony), left;
// recording a movement, and checking whether a planned batch fits in what is left.
import { enoughForLaureates } from "#app/domain/counts";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { HgNav } from "#app/components/hg";
import { useCan } from "#app/components/site-header";
import { batchShortfall, shortfallMessage, STOCK_ITEM_LABEL, STOCK_ITEMS, StockMovementForm, type StockItem } from "#app/domain/honoris-gratia";
import { formatShortDate, todayIso } from "#app/domain/polish-dates";
import { recordStockMovement, stockSummary } from "#app/models/hg-stock.server";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Odznaki i blankiety · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "nomination:read");
  const batch = Number(new URL(request.url).searchParams.get("batch"));
  const { levels, movements, ceremonies } = await stockSummary();
  const planned = Number.isInteger(batch) && batch > 0 ? { batch, message: shortfallMessage(batchShortfall(levels, batch)) } : null;
  return { levels: STOCK_ITEMS.map((i) => levels[i]), movements, ceremonies, planned, today: todayIso() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "nomination:write:hg");
  const submission = parseWithZod(await request.formData(), { schema: StockMovementForm });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const saved = await recordStockMovement(submission.value, { userId: user.id });
  if (saved.kind === "refused") return data({ result: submission.reply({ fieldErrors: { [saved.field]: [saved.message] } }) }, { status: 422 });
  return redirect("/hg/stock");
}

const noAria = { ariaAttributes: false } as const;

export default function HgStock() {
  const { levels, movements, ceremonies, planned, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const can = useCan();
  const [form, fields] = useForm<z.input<typeof StockMovementForm>>({
    id: "stock-movement",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StockMovementForm }),
    shouldValidate: "onSubmit",
    defaultValue: { item: "BADGE", direction: "RECEIVED", date: today },
  });
  return (
    <>
      <HgNav />
      <h1>Odznaki i blankiety dyplomów</h1>
      <table className="data-table">
        <caption>Stan magazynu</caption>
        <thead>
          <tr>
            <th scope="col">Pozycja</th>
            <th scope="col">Przyjęto</th>
            <th scope="col">Wydano</th>
            <th scope="col">Zostało</th>
          </tr>
        </thead>
        <tbody>
          {levels.map((l) => (
            <tr key={l.item}>
              <th scope="row">{STOCK_ITEM_LABEL[l.item]}</th>
              <td>{l.received}</td>
              <td>{l.issued}</td>
              <td>
                <strong>{l.left}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <Form method="get" className="filters no-print" aria-label="Sprawdź planowane wręczenie">
        <div className="field">
          <label htmlFor="batch">Planowana liczba laureatów</label>
          <input id="batch" name="batch" type="number" min={1} defaultValue={planned?.batch ?? ""} />
        </div>
        <div className="filters__actions">
          <button type="submit">Sprawdź, czy wystarczy</button>
        </div>
      </Form>
      {planned ? (
        <div className={`alert ${planned.message ? "alert--warn" : "alert--ok"}`} role="status">
          <p>{planned.message ?? enoughForLaureates(planned.batch)}</p>
        </div>
      ) : null}

      {can("nomination:write:hg") ? (
        <Form method="post" {...getFormProps(form)} aria-describedby={form.errors?.length ? form.errorId : undefined}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <fieldset>
            <legend>Zapisz przyjęcie lub wydanie</legend>
            <div className="grid-3">
              <Field id={fields.item.id} label="Pozycja" errors={fields.item.errors} required>
                {(aria) => (
                  <select {...getSelectProps(fields.item, noAria)} {...aria}>
                    {STOCK_ITEMS.map((i) => (
                      <option key={i} value={i}>
                        {STOCK_ITEM_LABEL[i]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={fields.direction.id} label="Ruch" errors={fields.direction.errors} required>
                {(aria) => (
                  <select {...getSelectProps(fields.direction, noAria)} {...aria}>
                    <option value="RECEIVED">przyjęcie</option>
                    <option value="ISSUED">wydanie</option>
                  </select>
                )}
              </Field>
              <Field id={fields.quantity.id} label="Liczba sztuk" errors={fields.quantity.errors} required>
                {(aria) => <input {...getInputProps(fields.quantity, { type: "number", ...noAria })} min={1} {...aria} />}
              </Field>
              <Field id={fields.date.id} label="Data" errors={fields.date.errors} required>
                {(aria) => <input {...getInputProps(fields.date, { type: "date", ...noAria })} {...aria} />}
              </Field>
              <Field id={fields.ceremonyId.id} label="Uroczystość (przy wydaniu)" errors={fields.ceremonyId.errors}>
                {(aria) => (
                  <select {...getSelectProps(fields.ceremonyId, noAria)} {...aria}>
                    <option value="">— brak —</option>
                    {ceremonies.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.title} ({formatShortDate(c.date)})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={fields.note.id} label="Uwagi" errors={fields.note.errors}>
                {(aria) => <input {...getInputProps(fields.note, { type: "text", ...noAria })} {...aria} />}
              </Field>
            </div>
            <button type="submit">Zapisz</button>
          </fieldset>
        </Form>
      ) : null}

      <h2>Historia</h2>
      {movements.length === 0 ? (
        <div className="empty-state">
          <p>Nie zapisano jeszcze żadnego przyjęcia ani wydania.</p>
        </div>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Data</th>
              <th scope="col">Pozycja</th>
              <th scope="col">Ilość</th>
              <th scope="col">Uroczystość</th>
              <th scope="col">Uwagi</th>
            </tr>
          </thead>
          <tbody>
            {movements.map((m) => (
              <tr key={m.id}>
                <td>
                  <time dateTime={m.date}>{formatShortDate(m.date)}</time>
                </td>
                <td>{STOCK_ITEM_LABEL[m.item as StockItem] ?? m.item}</td>
                <td>{m.quantity > 0 ? `+${m.quantity}` : m.quantity}</td>
                <td>{m.ceremony ? `${m.ceremony.title} (${formatShortDate(m.ceremony.date)})` : "—"}</td>
                <td>{m.note || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
