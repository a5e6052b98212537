import { describe, expect, it } from "vitest";
import { HONOURS, type Honour } from "#app/domain/honours";
import {
  allowedTransitions,
  CONFERRED_STATUSES,
  FINAL_STATUSES,
  INITIAL_STATUS,
  STATUS_LABEL,
  STATUSES,
  statusesOf,
  transitionsOf,
  type Status,
} from "#app/domain/workflow";

const targets = (honour: Honour, from: Status): Status[] => allowedTransitions(honour, from).map((m) => m.to);

function reachableFrom(honour: Honour, start: Status): Set<Status> {
  const seen = new Set<Status>([start]);
  const queue: Status[] = [start];
  while (queue.length > 0) {
    const s = queue.shift()!;
    for (const m of allowedTransitions(honour, s)) {
      if (!seen.has(m.to)) {
        seen.add(m.to);
        queue.push(m.to);
      }
    }
  }
  return seen;
}

/** What each honour's workflow should look like, written out by hand from the domain brief. */
const EXPECTED: Record<Honour, { statuses: Status[]; withdrawableFrom: Status[]; path: Status[] }> = {
  CRACOVIAE_MERENTI: {
    statuses: [
      "RECEIVED",
      "COMPLETION_REQUESTED",
      "FORMALLY_COMPLETE",
      "OPINION_POSITIVE",
      "OPINION_NEGATIVE",
      "DRAFT_PREPARED",
      "FORWARDED",
      "ADOPTED",
      "REJECTED",
      "NUMBER_ASSIGNED",
      "DIPLOMA_PRINTED",
      "HANDED_OVER",
      "CLOSED",
      "WITHDRAWN",
    ],
    withdrawableFrom: ["RECEIVED", "COMPLETION_REQUESTED", "FORMALLY_COMPLETE", "OPINION_POSITIVE", "DRAFT_PREPARED", "FORWARDED"],
    path: [
      "RECEIVED",
      "COMPLETION_REQUESTED",
      "FORMALLY_COMPLETE",
      "OPINION_POSITIVE",
      "DRAFT_PREPARED",
      "FORWARDED",
      "ADOPTED",
      "NUMBER_ASSIGNED",
      "DIPLOMA_PRINTED",
      "HANDED_OVER",
      "CLOSED",
    ],
  },
  HONORARY_CITIZENSHIP: {
    statuses: [
      "RECEIVED",
      "COMPLETION_REQUESTED",
      "FORMALLY_COMPLETE",
      "OPINION_POSITIVE",
      "OPINION_NEGATIVE",
      "DRAFT_PREPARED",
      "ADOPTED",
      "REJECTED",
      "HANDED_OVER",
      "CLOSED",
      "WITHDRAWN",
    ],
    withdrawableFrom: ["RECEIVED", "COMPLETION_REQUESTED", "FORMALLY_COMPLETE", "OPINION_POSITIVE", "DRAFT_PREPARED"],
    path: ["RECEIVED", "FORMALLY_COMPLETE", "OPINION_POSITIVE", "DRAFT_PREPARED", "ADOPTED", "HANDED_OVER", "CLOSED"],
  },
  HONORIS_GRATIA: {
    statuses: ["RECEIVED", "VERIFIED", "DECISION_PREPARED", "GRANTED", "REFUSED", "HANDED_OVER", "CLOSED", "WITHDRAWN"],
    withdrawableFrom: ["RECEIVED", "VERIFIED", "DECISION_PREPARED"],
    path: ["RECEIVED", "VERIFIED", "GRANTED", "HANDED_OVER", "CLOSED"],
  },
};

/** Moves that must never be offered, whatever else changes in the table. */
const FORBIDDEN: Array<[Honour, Status, Status]> = [
  ["CRACOVIAE_MERENTI", "RECEIVED", "ADOPTED"],
  ["CRACOVIAE_MERENTI", "RECEIVED", "HANDED_OVER"],
  ["CRACOVIAE_MERENTI", "RECEIVED", "NUMBER_ASSIGNED"],
  ["CRACOVIAE_MERENTI", "FORMALLY_COMPLETE", "DRAFT_PREPARED"], // the Commission's opinion first
  ["CRACOVIAE_MERENTI", "OPINION_NEGATIVE", "DRAFT_PREPARED"],
  ["CRACOVIAE_MERENTI", "DRAFT_PREPARED", "ADOPTED"], // the Mayor forwards the draft first
  ["CRACOVIAE_MERENTI", "ADOPTED", "HANDED_OVER"], // the medal gets its number first
  ["CRACOVIAE_MERENTI", "ADOPTED", "WITHDRAWN"],
  ["CRACOVIAE_MERENTI", "REJECTED", "ADOPTED"],
  ["CRACOVIAE_MERENTI", "HANDED_OVER", "RECEIVED"],
  ["CRACOVIAE_MERENTI", "RECEIVED", "GRANTED"], // a Honoris Gratia status
  ["CRACOVIAE_MERENTI", "RECEIVED", "VERIFIED"],
  ["HONORARY_CITIZENSHIP", "RECEIVED", "ADOPTED"],
  ["HONORARY_CITIZENSHIP", "DRAFT_PREPARED", "FORWARDED"],
  ["HONORARY_CITIZENSHIP", "ADOPTED", "NUMBER_ASSIGNED"],
  ["HONORARY_CITIZENSHIP", "ADOPTED", "WITHDRAWN"],
  ["HONORARY_CITIZENSHIP", "HANDED_OVER", "WITHDRAWN"],
  ["HONORARY_CITIZENSHIP", "REJECTED", "ADOPTED"],
  ["HONORIS_GRATIA", "RECEIVED", "GRANTED"], // verification first
  ["HONORIS_GRATIA", "RECEIVED", "ADOPTED"],
  ["HONORIS_GRATIA", "GRANTED", "NUMBER_ASSIGNED"],
  ["HONORIS_GRATIA", "VERIFIED", "NUMBER_ASSIGNED"],
  ["HONORIS_GRATIA", "GRANTED", "WITHDRAWN"],
  ["HONORIS_GRATIA", "REFUSED", "GRANTED"],
  ["HONORIS_GRATIA", "REFUSED", "WITHDRAWN"],
  ["HONORIS_GRATIA", "VERIFIED", "FORWARDED"],
];

describe.each(HONOURS)("workflow of %s", (honour) => {
  const expected = EXPECTED[honour];
  const transitions = transitionsOf(honour);

  it("uses exactly the expected statuses, in the canonical order", () => {
    expect(statusesOf(honour)).toEqual(expected.statuses);
  });

  it("offers every transition of its table from that transition's status", () => {
    for (const m of transitions) {
      expect(allowedTransitions(honour, m.from)).toContainEqual(m);
    }
  });

  it("offers only transitions that start where the nomination is", () => {
    for (const s of STATUSES) {
      for (const m of allowedTransitions(honour, s)) expect(m.from).toBe(s);
    }
  });

  it("lists each move once, between statuses of its own honour, with a Polish label", () => {
    const keys = transitions.map((m) => `${m.from}->${m.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of transitions) {
      expect(expected.statuses).toContain(m.from);
      expect(expected.statuses).toContain(m.to);
      expect(m.from).not.toBe(m.to);
      expect(m.label.trim().length).toBeGreaterThan(0);
    }
  });

  it("offers nothing from a status that does not belong to it", () => {
    for (const s of STATUSES.filter((x) => !expected.statuses.includes(x))) {
      expect(allowedTransitions(honour, s)).toEqual([]);
    }
  });

  it("reaches every one of its statuses from RECEIVED", () => {
    expect(INITIAL_STATUS).toBe("RECEIVED");
    const reached = reachableFrom(honour, INITIAL_STATUS);
    for (const s of statusesOf(honour)) expect(reached, `${s} unreachable`).toContain(s);
  });

  it("can end every nomination: CLOSED or WITHDRAWN is reachable from each status", () => {
    for (const s of statusesOf(honour)) {
      const reached = reachableFrom(honour, s);
      expect(reached.has("CLOSED") || reached.has("WITHDRAWN"), `${s} is a dead end`).toBe(true);
    }
  });

  it.each(FINAL_STATUSES)("offers nothing after %s", (final) => {
    expect(allowedTransitions(honour, final)).toEqual([]);
  });

  it("leaves no non-final status without a way forward", () => {
    for (const s of statusesOf(honour).filter((x) => !FINAL_STATUSES.includes(x))) {
      expect(allowedTransitions(honour, s).length, `${s} has no move`).toBeGreaterThan(0);
    }
  });

  it("allows withdrawal from the open stages and only from them", () => {
    const withdrawable = statusesOf(honour).filter((s) => targets(honour, s).includes("WITHDRAWN"));
    expect(withdrawable).toEqual(expected.withdrawableFrom);
    for (const s of withdrawable) {
      expect(CONFERRED_STATUSES).not.toContain(s);
      expect(FINAL_STATUSES).not.toContain(s);
    }
    const withdrawal = transitions.find((m) => m.to === "WITHDRAWN");
    expect(withdrawal?.label).toBe("Wycofaj wniosek");
  });

  it("never withdraws once the honour is conferred, refused or closed", () => {
    for (const s of [...CONFERRED_STATUSES, ...FINAL_STATUSES, "OPINION_NEGATIVE", "REJECTED", "REFUSED"] as Status[]) {
      expect(targets(honour, s)).not.toContain("WITHDRAWN");
    }
  });

  it("walks the whole happy path one allowed step at a time", () => {
    for (let i = 1; i < expected.path.length; i++) {
      expect(targets(honour, expected.path[i - 1]!)).toContain(expected.path[i]);
    }
  });
});

describe("forbidden moves", () => {
  it.each(FORBIDDEN)("%s: %s → %s is not allowed", (honour, from, to) => {
    expect(targets(honour, from)).not.toContain(to);
    expect(transitionsOf(honour).some((m) => m.from === from && m.to === to)).toBe(false);
  });

  it.each(HONOURS)("%s: nothing at all after CLOSED or WITHDRAWN", (honour) => {
    expect(allowedTransitions(honour, "CLOSED")).toEqual([]);
    expect(allowedTransitions(honour, "WITHDRAWN")).toEqual([]);
  });

  it("Honoris Gratia never reaches NUMBER_ASSIGNED, FORWARDED or ADOPTED", () => {
    const reached = reachableFrom("HONORIS_GRATIA", "RECEIVED");
    for (const s of ["NUMBER_ASSIGNED", "DIPLOMA_PRINTED", "FORWARDED", "ADOPTED", "DRAFT_PREPARED"] as Status[]) {
      expect(reached).not.toContain(s);
      expect(statusesOf("HONORIS_GRATIA")).not.toContain(s);
    }
  });

  it("Honorary Citizenship has no FORWARDED and no medal number", () => {
    const reached = reachableFrom("HONORARY_CITIZENSHIP", "RECEIVED");
    for (const s of ["FORWARDED", "NUMBER_ASSIGNED", "GRANTED", "VERIFIED", "REFUSED"] as Status[]) {
      expect(reached).not.toContain(s);
      expect(statusesOf("HONORARY_CITIZENSHIP")).not.toContain(s);
    }
  });

  it("the Medal never uses the Mayor's decision statuses", () => {
    const reached = reachableFrom("CRACOVIAE_MERENTI", "RECEIVED");
    for (const s of ["VERIFIED", "GRANTED", "REFUSED"] as Status[]) expect(reached).not.toContain(s);
  });

  it("a Medal reaches NUMBER_ASSIGNED only through an adopted resolution", () => {
    const into = transitionsOf("CRACOVIAE_MERENTI").filter((m) => m.to === "NUMBER_ASSIGNED");
    expect(into.map((m) => m.from)).toEqual(["ADOPTED"]);
    const intoAdopted = transitionsOf("CRACOVIAE_MERENTI").filter((m) => m.to === "ADOPTED");
    expect(intoAdopted.map((m) => m.from)).toEqual(["FORWARDED"]);
  });
});

describe("STATUS_LABEL", () => {
  it.each(STATUSES)("has a Polish label for %s", (s) => {
    const label = STATUS_LABEL[s];
    expect(label.trim()).toBe(label);
    expect(label).not.toBe(s); // not the English code
    expect(label).toMatch(/^[a-ząćęłńóśźż][A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż ]*$/); // Polish words, starting lower-case as in the badges
  });

  it("labels every status and nothing else, each differently", () => {
    expect(Object.keys(STATUS_LABEL).sort()).toEqual([...STATUSES].sort());
    expect(new Set(Object.values(STATUS_LABEL)).size).toBe(STATUSES.length);
  });

  it.each([
    ["RECEIVED", "wpłynął"],
    ["WITHDRAWN", "wycofany"],
    ["CLOSED", "zamknięty"],
    ["HANDED_OVER", "wręczono"],
    ["NUMBER_ASSIGNED", "nadano numer medalu"],
  ] as Array<[Status, string]>)("%s is %j", (s, label) => {
    expect(STATUS_LABEL[s]).toBe(label);
  });
});
