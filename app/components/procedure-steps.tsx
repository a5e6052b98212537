// Where the case stands in its honour's procedure: an ordered list of the steps, the current one
// marked with aria-current="step", each with its date and what was recorded at it.
import { formatPolishDate } from "#app/domain/polish-dates";
import type { ProcedureStep } from "#app/domain/procedure";

const STATE_TEXT = { done: "krok wykonany", current: "obecny etap", todo: "krok przed sprawą" } as const;

export function ProcedureSteps({ steps }: { steps: ProcedureStep[] }) {
  return (
    <section aria-labelledby="przebieg" className="procedure">
      <h2 id="przebieg">Przebieg sprawy</h2>
      <ol className="procedure__steps">
        {steps.map((s) => (
          <li key={s.status} className={`procedure__step procedure__step--${s.state}`} aria-current={s.state === "current" ? "step" : undefined}>
            <span className="procedure__marker" aria-hidden="true">
              {s.state === "done" ? "✓" : s.state === "current" ? "●" : "○"}
            </span>
            <span className="procedure__body">
              <strong className="procedure__label">{s.label}</strong>
              <span className="visually-hidden"> ({STATE_TEXT[s.state]})</span>
              {s.on ? <span className="procedure__date">{formatPolishDate(s.on)}</span> : null}
              {s.facts.length ? (
                <ul className="procedure__facts">
                  {s.facts.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
