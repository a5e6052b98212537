import { HONOUR_SHORT_LABEL, MEDAL_CLASS_LABEL, type Honour, type MedalClass } from "#app/domain/honours";
import { toRoman } from "#app/domain/roman";
import { STATUS_LABEL, type Status } from "#app/domain/workflow";

export function StatusBadge({ status }: { status: string }) {
  return <span className={`status status--${status.toLowerCase()}`}>{STATUS_LABEL[status as Status] ?? status}</span>;
}

export function honourText(honour: string, medalClass?: string | null): string {
  const base = HONOUR_SHORT_LABEL[honour as Honour] ?? honour;
  return medalClass ? `${base} (${MEDAL_CLASS_LABEL[medalClass as MedalClass] ?? medalClass})` : base;
}

export function termText(number: number | null | undefined): string {
  return number ? `${toRoman(number)} kadencja` : "—";
}

export function DemoMark({ isDemo }: { isDemo: boolean }) {
  if (!isDemo) return null;
  return (
    <span className="demo-mark" title="Dane demonstracyjne: osoba lub instytucja fikcyjna">
      fikcyjne
    </span>
  );
}
