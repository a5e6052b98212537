// The nomination page's step indicator (issue 19 item 4): each honour's procedure read from the
// workflow table, where a case stands in it, and what was recorded at each step.
import { describe, expect, test } from "vitest";
import { mainPath, pathTo, procedureSteps, stepDate, type Recorded } from "#app/domain/procedure";
import { allowedTransitions, statusesOf } from "#app/domain/workflow";
import { HONOURS } from "#app/domain/honours";

function recorded(overrides: Partial<Recorded>): Recorded {
  return {
    honour: "CRACOVIAE_MERENTI",
    status: "RECEIVED",
    receivedDate: "2026-01-10",
    dueDate: null,
    opinionDate: null,
    opinionClass: null,
    roundYear: null,
    closingReason: "",
    forwarding: null,
    resolution: null,
    decision: null,
    number: null,
    handedOverOn: null,
    handoverPlace: "",
    steps: [],
    ...overrides,
  };
}
const states = (r: Recorded) => procedureSteps(r).map((s) => `${s.status}:${s.state}`);

describe("the procedure of each honour", () => {
  test("the main road runs from the application to the hand-over", () => {
    expect(mainPath("CRACOVIAE_MERENTI")).toEqual([
      "RECEIVED",
      "FORMALLY_COMPLETE",
      "OPINION_POSITIVE",
      "DRAFT_PREPARED",
      "FORWARDED",
      "ADOPTED",
      "NUMBER_ASSIGNED",
      "DIPLOMA_PRINTED",
      "HANDED_OVER",
    ]);
    expect(mainPath("HONORARY_CITIZENSHIP")).toEqual(["RECEIVED", "FORMALLY_COMPLETE", "OPINION_POSITIVE", "DRAFT_PREPARED", "ADOPTED", "HANDED_OVER"]);
    expect(mainPath("HONORIS_GRATIA")).toEqual(["RECEIVED", "VERIFIED", "GRANTED", "HANDED_OVER"]);
  });

  test("every status of every honour has a path the workflow allows, step by step", () => {
    for (const honour of HONOURS) {
      for (const status of statusesOf(honour)) {
        const path = pathTo(honour, status);
        expect(path[0]).toBe("RECEIVED");
        expect(path.at(-1)).toBe(status);
        for (let i = 1; i < path.length; i++) expect(allowedTransitions(honour, path[i - 1]!).map((t) => t.to)).toContain(path[i]);
      }
    }
    expect(pathTo("CRACOVIAE_MERENTI", "REJECTED")).toEqual(["RECEIVED", "FORMALLY_COMPLETE", "OPINION_POSITIVE", "DRAFT_PREPARED", "FORWARDED", "REJECTED"]);
    expect(pathTo("HONORIS_GRATIA", "CLOSED")).toEqual(["RECEIVED", "VERIFIED", "REFUSED", "CLOSED"]);
  });
});

describe("the step indicator", () => {
  test("on the main road: the steps before are done, this one is current, the rest ahead", () => {
    expect(states(recorded({ status: "FORWARDED" }))).toEqual([
      "RECEIVED:done",
      "FORMALLY_COMPLETE:done",
      "OPINION_POSITIVE:done",
      "DRAFT_PREPARED:done",
      "FORWARDED:current",
      "ADOPTED:todo",
      "NUMBER_ASSIGNED:todo",
      "DIPLOMA_PRINTED:todo",
      "HANDED_OVER:todo",
    ]);
  });

  test("a detour that comes back shows the road ahead; an end without the honour stops where it left the road", () => {
    expect(states(recorded({ status: "COMPLETION_REQUESTED", steps: [{ to: "COMPLETION_REQUESTED", on: "2026-01-12" }] }))).toEqual([
      "RECEIVED:done",
      "COMPLETION_REQUESTED:current",
      ...mainPath("CRACOVIAE_MERENTI")
        .slice(1)
        .map((s) => `${s}:todo`),
    ]);
    expect(states(recorded({ honour: "HONORIS_GRATIA", status: "DECISION_PREPARED" }))).toEqual([
      "RECEIVED:done",
      "VERIFIED:done",
      "DECISION_PREPARED:current",
      "GRANTED:todo",
      "HANDED_OVER:todo",
    ]);
    const withdrawn = recorded({
      status: "WITHDRAWN",
      closingReason: "Wnioskodawca wycofał wniosek.",
      steps: [
        { to: "FORMALLY_COMPLETE", on: "2026-01-20" },
        { to: "OPINION_POSITIVE", on: "2026-02-01" },
        { to: "WITHDRAWN", on: "2026-02-10" },
      ],
    });
    expect(states(withdrawn)).toEqual(["RECEIVED:done", "FORMALLY_COMPLETE:done", "OPINION_POSITIVE:done", "WITHDRAWN:current"]);
    expect(procedureSteps(withdrawn).at(-1)).toMatchObject({ on: "2026-02-10", facts: ["Powód: Wnioskodawca wycofał wniosek."] });
    const refused = recorded({
      honour: "HONORIS_GRATIA",
      status: "CLOSED",
      steps: [
        { to: "VERIFIED", on: "2026-01-11" },
        { to: "REFUSED", on: "2026-01-20" },
        { to: "CLOSED", on: "2026-01-21" },
      ],
    });
    expect(states(refused)).toEqual(["RECEIVED:done", "VERIFIED:done", "REFUSED:done", "CLOSED:current"]);
  });

  test("each step says what was recorded: the opinion, the ordinance, the resolution and its votes, the number, the hand-over", () => {
    const steps = procedureSteps(
      recorded({
        status: "HANDED_OVER",
        opinionDate: "2026-02-03",
        opinionClass: "SILVER",
        forwarding: { number: "412/2026", issuedOn: "2026-02-20" },
        resolution: { number: "XL/901/26", adoptedOn: "2026-03-11", votesFor: 38, votesAgainst: 1, votesAbstained: 2 },
        number: "31",
        handedOverOn: "2026-06-05",
        handoverPlace: "Sala Obrad",
        steps: [{ to: "OPINION_POSITIVE", on: "2026-02-03" }],
      }),
    );
    const facts = Object.fromEntries(steps.map((s) => [s.status, s.facts]));
    expect(steps[0]).toMatchObject({ status: "RECEIVED", on: "2026-01-10", facts: [] });
    expect(facts.OPINION_POSITIVE).toEqual(["Opinia Komisji Medalu z dnia 3 lutego 2026\u00a0r.", "Klasa medalu w opinii: srebrny"]);
    expect(facts.FORWARDED).toEqual(["Zarządzenie Prezydenta nr 412/2026 z dnia 20 lutego 2026\u00a0r."]);
    expect(facts.ADOPTED).toEqual(["Uchwała nr XL/901/26 z dnia 11 marca 2026\u00a0r.", "Głosowanie: za 38, przeciw 1, wstrzymało się 2"]);
    expect(facts.NUMBER_ASSIGNED).toEqual(["Numer medalu: 31"]);
    expect(facts.HANDED_OVER).toEqual(["Wręczono 5 czerwca 2026\u00a0r., Sala Obrad"]);
    expect(steps.find((s) => s.status === "OPINION_POSITIVE")!.on).toBe("2026-02-03");
  });

  test("Honoris Gratia: the due date stands on the decision ahead; a grant shows its decision and badge number", () => {
    const open = procedureSteps(recorded({ honour: "HONORIS_GRATIA", status: "VERIFIED", dueDate: "2026-02-10" }));
    expect(open.find((s) => s.status === "VERIFIED")!.facts).toEqual([]);
    expect(open.find((s) => s.status === "GRANTED")!.facts).toEqual(["Termin decyzji: 10 lutego 2026\u00a0r."]);
    const granted = procedureSteps(
      recorded({
        honour: "HONORIS_GRATIA",
        status: "GRANTED",
        dueDate: "2026-02-10",
        decision: { number: "3001/2026", issuedOn: "2026-02-01" },
        number: "5531",
      }),
    );
    expect(granted.find((s) => s.status === "GRANTED")!.facts).toEqual([
      "Decyzja (zarządzenie) Prezydenta nr 3001/2026 z dnia 1 lutego 2026\u00a0r.",
      "Odznaka nr 5531",
    ]);
  });

  test("a step's date: the event date it recorded, else the day it was written", () => {
    expect(stepDate({ eventDate: "2026-01-05" }, "2026-01-09")).toBe("2026-01-05");
    expect(stepDate({ handedOverOn: "2026-06-05" }, "2026-06-06")).toBe("2026-06-05");
    expect(stepDate({}, "2026-01-09")).toBe("2026-01-09");
  });
});
