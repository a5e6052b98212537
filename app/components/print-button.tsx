/** Opens the browser's print dialog (the print stylesheet leaves out navigation and filters). */
export function PrintButton({ label = "Drukuj" }: { label?: string }) {
  return (
    <button type="button" className="button--secondary no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
