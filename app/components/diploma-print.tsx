// The print options shared by one diploma's page and the printing desk: the mode (full design or
// text on pre-printed stock), the printer whose offsets apply, and the reprint reason.
import { PRINT_MODE_LABEL, PRINT_MODES } from "#app/domain/diploma-print";

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
        Przesunięcie dotyczy tylko druku na blankiecie. Drukarki i ich przesunięcia ustawia administrator w ustawieniach (strona kalibracyjna
        pomaga je zmierzyć).
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
