// The print options shared by one diploma's page and the printing desk: the mode (full design or
// text on pre-printed stock), the printer whose offsets apply, and the reprint reason.
import { formatWarsawDateTime } from "#app/domain/audit-log";
import { PRINT_MODE_LABEL, PRINT_MODE_SHORT, PRINT_MODES } from "#app/domain/diploma-print";

export type PrinterOption = { id: string; name: string; offset: string };
export type ReasonOption = { value: string; label: string };

export function PrintModeFields({ printers, idPrefix }: { printers: PrinterOption[]; idPrefix: string }) {
  return (
    <fieldset>
      <legend>Sposób wydruku</legend>
      {PRINT_MODES.map((m) => (
        <label key={m} className="choice">
          <input type="radio" name="mode" value={m} defaultChecked={m === "FULL"} /> {PRINT_MODE_LABEL[m]}
        </label>
      ))}
      <label htmlFor={`${idPrefix}-printer`}>Drukarka (przesunięcie tekstu na blankiecie)</label>
      <select id={`${idPrefix}-printer`} name="printerId" defaultValue="" aria-describedby={`${idPrefix}-printer-hint`}>
        <option value="">bez przesunięcia</option>
        {printers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.offset})
          </option>
        ))}
      </select>
      <p id={`${idPrefix}-printer-hint`} className="field-hint">
        Przesunięcie dotyczy tylko druku na blankiecie. Drukarki i ich przesunięcia ustawia administrator w ustawieniach (strona kalibracyjna pomaga je
        zmierzyć).
      </p>
    </fieldset>
  );
}

export function ReprintReasonFields({ reasons, idPrefix, legend }: { reasons: ReasonOption[]; idPrefix: string; legend: string }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <label htmlFor={`${idPrefix}-reason`}>Powód</label>
      <select id={`${idPrefix}-reason`} name="reason" defaultValue="">
        <option value="">— wybierz —</option>
        {reasons.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${idPrefix}-reason-text`}>Opis (dla „inny powód”)</label>
      <input id={`${idPrefix}-reason-text`} name="reasonText" type="text" maxLength={500} />
    </fieldset>
  );
}

export type PrintLogRow = { id: string; at: string; by: string; mode: string; printer: string; batch: boolean; reason: string; current?: boolean };

/** The print log of a diploma: when, who, how (mode, printer), single or in a batch, why again. */
export function PrintLogTable({ prints, caption }: { prints: PrintLogRow[]; caption: string }) {
  const withText = prints.some((p) => p.current !== undefined);
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Kiedy</th>
            <th scope="col">Kto</th>
            <th scope="col">Tryb</th>
            <th scope="col">Wydruk</th>
            <th scope="col">Powód</th>
            {withText ? <th scope="col">Tekst</th> : null}
          </tr>
        </thead>
        <tbody>
          {prints.map((p) => (
            <tr key={p.id}>
              <td>{formatWarsawDateTime(new Date(p.at))}</td>
              <td>{p.by}</td>
              <td>
                {PRINT_MODE_SHORT[p.mode] ?? p.mode}
                {p.printer ? `, ${p.printer}` : ""}
              </td>
              <td>{p.batch ? "w partii" : "pojedynczy"}</td>
              <td>{p.reason || "—"}</td>
              {withText ? <td>{p.current ? "aktualny" : "wcześniejsza wersja"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
