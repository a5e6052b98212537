import { describe, expect, test } from "vitest";
import { LaureateTableForm, planTableSave, tableOperation, type StoredLaureate } from "#app/domain/ceremony";

const stored: StoredLaureate[] = ["a", "b", "c"].map((id) => ({
  id,
  name: `Laureat ${id}`,
  attendance: "UNKNOWN",
  representedBy: "",
  guestsCount: 0,
  handedOverBy: "",
  handoverTime: "",
  seatRow: "",
  seat: "",
  guestSeats: "",
}));
const rows = (ids = ["a", "b", "c"]) =>
  ids.map((laureateId) => ({ laureateId, attendance: "UNKNOWN" as const, representedBy: "", guestsCount: 0, handedOverBy: "" }));

describe("the laureates' table", () => {
  test("saving unchanged rows changes nothing; the rows' order is the new order", () => {
    expect(planTableSave(stored, rows(), { kind: "save" })).toMatchObject({ kind: "planned", orderChanged: false, updates: [] });
    expect(planTableSave(stored, rows(["c", "a", "b"]), { kind: "save" })).toMatchObject({ order: ["c", "a", "b"], orderChanged: true });
  });

  test("bulk for all or for the ticked; a bulk attendance clears a representative", () => {
    const sent = rows();
    sent[1] = { ...sent[1]!, attendance: "REPRESENTED" as never, representedBy: "Anna Nowak" };
    const all = planTableSave(stored, sent, { kind: "bulk", scope: "all", attendance: "ATTENDS" });
    expect(all.kind === "planned" && all.updates.map((u) => [u.id, u.data.attendance, u.data.representedBy])).toEqual([
      ["a", "ATTENDS", ""],
      ["b", "ATTENDS", ""],
      ["c", "ATTENDS", ""],
    ]);
    const ticked = planTableSave(stored, rows(), { kind: "bulk", scope: "selected", attendance: "ABSENT" }, ["c", "zzz"]);
    expect(ticked.kind === "planned" && ticked.bulkNames).toEqual(["Laureat c"]);
  });

  test("seating and time: sent values change the row (audited as fields), fields not sent keep what was saved", () => {
    const seated = stored.map((l) => (l.id === "b" ? { ...l, seatRow: "3", seat: "12" } : l));
    const sent = rows().map((r) => (r.laureateId === "a" ? { ...r, handoverTime: "12:40", seatRow: "1", seat: "4", guestSeats: "rząd 5, miejsca 1–2" } : r));
    const plan = planTableSave(seated, sent, { kind: "save" });
    expect(plan.kind === "planned" && plan.updates.map((u) => [u.id, u.after])).toEqual([
      ["a", { handoverTime: "12:40", seatRow: "1", seat: "4", guestSeats: "rząd 5, miejsca 1–2" }],
    ]);
    const bad = LaureateTableForm.safeParse({
      version: 1,
      intent: "save",
      rows: [{ laureateId: "a", attendance: "UNKNOWN", guestsCount: 0, handoverTime: "24:00" }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ["rows", 0, "handoverTime"], message: "Godzina w postaci GG:MM, np. 12:40 (albo pusta)." });
  });

  test("a move, and a stale form (a row missing, added or doubled)", () => {
    expect(planTableSave(stored, rows(), { kind: "move", laureateId: "c", direction: "up" })).toMatchObject({ order: ["a", "c", "b"] });
    expect(planTableSave(stored, rows(["a", "b"]), { kind: "save" })).toEqual({ kind: "stale" });
    expect(planTableSave(stored, rows(["a", "b", "x"]), { kind: "save" })).toEqual({ kind: "stale" });
    expect(planTableSave(stored, rows(["a", "b", "b"]), { kind: "save" })).toEqual({ kind: "stale" });
  });

  test("the buttons' intents", () => {
    expect(tableOperation({ intent: "bulk:all", bulkAttendance: "ATTENDS" })).toEqual({ kind: "bulk", scope: "all", attendance: "ATTENDS" });
    expect(tableOperation({ intent: "move:abc:down", bulkAttendance: undefined })).toEqual({ kind: "move", laureateId: "abc", direction: "down" });
    expect(LaureateTableForm.safeParse({ version: "1", intent: "bulk:all" }).success).toBe(false);
    expect(LaureateTableForm.safeParse({ version: "1", intent: "drop tables" }).success).toBe(false);
  });
});
