// The batch hand-over of Honoris Gratia badges end to end, through the real loaders and actions:
// three applications granted in bulk, assigned from the desk to a new gala, the ceremony's stock
// warning, their diplomas printed in hand-over order, all marked attending in one step, the
// ceremony held (all three handed over, badges and blanks issued from stock once, audited).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { todayIso } from "#app/domain/polish-dates";
import { stockLevels } from "#app/domain/honoris-gratia";
import { action as detailAction, loader as detailLoader } from "#app/routes/ceremonies.$id._index";
import { action as confirmAction, loader as diplomaLoader } from "#app/routes/conferrals.$id.diploma";
import { action as batchAction } from "#app/routes/diplomas.batch";
import { action as bulkAction } from "#app/routes/hg.bulk";
import { action as handoverAction, loader as handoverLoader } from "#app/routes/hg.handover";
import { action as intakeAction } from "#app/routes/hg.new";
import { action as stockAction } from "#app/routes/hg.stock";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, postRequest, signInAs } from "./helpers";
import * as clock from "#app/domain/clock";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "merenti-hg-handover-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const today = todayIso();

type HandoverPage = Awaited<ReturnType<typeof handoverLoader>>;
type HandoverReply = {
  result: { error?: Record<string, string[] | null> };
  summary: { id: string; created: boolean; added: { nominationId: string }[]; refused: { row: { nominationId: string }; reason: string }[] } | null;
};
type CeremonyPage = {
  ceremony: { version: number; status: string };
  findings: { code: string; severity: string; message: string }[];
  laureates: { conferralId: string; attendance: string }[];
};

const levels = async () => stockLevels(await db().stockMovement.findMany({ select: { item: true, quantity: true } }));

/** Sets what is left of an item to exactly `left`, through the stock desk. */
async function stockTo(item: "BADGE" | "DIPLOMA_BLANK", left: number) {
  const now = (await levels())[item].left;
  if (now === left) return;
  const fields = { item, direction: now < left ? "RECEIVED" : "ISSUED", quantity: String(Math.abs(left - now)), date: today };
  expect((await callAction(stockAction, "/hg/stock", fields)).status).toBe(302);
}

const ceremonyPage = async (id: string) => (await callLoader<CeremonyPage>(detailLoader, `/ceremonies/${id}`, { id })).data!;

const surnames = ["Handowska", "Przekazińska", "Wręczalska"];
let nominationIds: string[] = [];
let waitingId = "";
let conferralIds: string[] = [];

beforeAll(async () => {
  await signInAs("KP04_CLERK");
  for (const office of ["MAYOR", "COUNCIL_CHAIR"]) await db().signatory.deleteMany({ where: { office } });
  await db().signatory.createMany({
    data: [
      { office: "MAYOR", fullName: "Jan Testowy", titleLine: "Prezydent Miasta Krakowa", validFrom: "2024-05-07" },
      { office: "COUNCIL_CHAIR", fullName: "Anna Żurawska", titleLine: "Przewodnicząca Rady Miasta Krakowa", validFrom: "2024-05-07" },
    ],
  });
  // One letter proposing three laureates, then verified and granted in bulk.
  const fields: Record<string, string> = {
    creationToken: `handover-${Date.now()}`,
    channel: "PAPER",
    receivedDate: today,
    applicantKind: "ORGANIZATION",
    applicantName: "Fundacja Testowa",
    proposedEventName: "Gala Fundacji Testowej",
    proposedHandoverDate: today,
    merits: "Praca dla miasta.",
  };
  // A fourth laureate of the same letter stays „wpłynął”: not granted, it cannot go to a hand-over.
  [...surnames, "Czekalska"].forEach((surname, i) => {
    Object.assign(fields, {
      [`laureates[${i}].kind`]: "PERSON",
      [`laureates[${i}].givenNames`]: "Zofia",
      [`laureates[${i}].surname`]: surname,
      [`laureates[${i}].grammaticalGender`]: "FEMININE",
      [`laureates[${i}].city`]: "Kraków",
    });
  });
  expect((await callAction(intakeAction, "/hg/new", fields)).status).toBe(302);
  const nominations = await db().nomination.findMany({ where: { candidate: { surname: { in: [...surnames, "Czekalska"] } } }, include: { candidate: true } });
  nominationIds = surnames.map((s) => nominations.find((n) => n.candidate.surname === s)!.id);
  waitingId = nominations.find((n) => n.candidate.surname === "Czekalska")!.id;
  // The diploma speaks to the laureate in the dative: the name forms a clerk confirms on the candidate page.
  for (const n of nominations) {
    const dative = `Zofii ${n.candidate.surname.replace(/a$/, "iej")}`;
    await db().candidate.update({
      where: { id: n.candidateId },
      data: { nameNominative: `Zofia ${n.candidate.surname}`, nameGenitive: dative, nameDative: dative, nameFormsConfirmedAt: clock.now() },
    });
  }
  expect((await callAction(bulkAction, "/hg/bulk", { bulkAction: "verify", ids: nominationIds })).status).toBe(200);
  expect((await callAction(bulkAction, "/hg/bulk", { bulkAction: "grant", ids: nominationIds, actNumber: "4321/2026", eventDate: today })).status).toBe(200);
  const conferrals = await db().conferral.findMany({ where: { nominationId: { in: nominationIds } } });
  conferralIds = nominationIds.map((id) => conferrals.find((c) => c.nominationId === id)!.id);
});

describe("batch hand-over of Honoris Gratia badges", () => {
  test("grant → assign to a new gala from the desk → stock warning → diplomas printed in order → all attending → held: handed over, stock issued once", async () => {
    // The desk's selection: all three can go; an application not granted cannot (with the reason).
    const other = { id: waitingId };
    const preview = await callLoader<HandoverPage>(handoverLoader, `/hg/handover?${[...nominationIds, other.id].map((i) => `ids=${i}`).join("&")}`);
    expect(preview.data!.plan.eligible.map((r) => r.nominationId)).toEqual(nominationIds);
    // A new event starts from the one the letter proposed.
    expect(preview.data!.proposed).toEqual({ title: "Gala Fundacji Testowej", date: today });
    expect(preview.data!.plan.refused).toEqual([
      {
        row: expect.objectContaining({ nominationId: other.id }),
        reason: expect.stringMatching(/^ma status „wpłynął”: do wręczenia przekazać można tylko przyznaną odznakę/),
      },
    ]);

    // A new gala created in the same step; the new ceremony's fields are checked like the ceremony form.
    const gala = {
      target: "new",
      kind: "GALA",
      title: "Gala Honoris Gratia",
      date: today,
      startTime: "18:00",
      endTime: "20:00",
      organiser: "Fundacja Testowa",
    };
    const bad = await callAction<HandoverReply>(handoverAction, "/hg/handover", { ...gala, endTime: "17:00", ids: nominationIds });
    expect(bad.status).toBe(400);
    expect(bad.data!.result.error!.endTime).toEqual(["Godzina zakończenia musi być późniejsza niż godzina rozpoczęcia."]);
    const ceremoniesBefore = await db().ceremony.count();
    const assigned = await callAction<HandoverReply>(handoverAction, "/hg/handover", { ...gala, ids: [...nominationIds, other.id] });
    expect(assigned.status).toBe(200);
    const summary = assigned.data!.summary!;
    expect(summary.created).toBe(true);
    expect(summary.added.map((r) => r.nominationId)).toEqual(nominationIds);
    expect(summary.refused.map((r) => r.row.nominationId)).toEqual([other.id]);
    const ceremonyId = summary.id;
    const ceremony = await db().ceremony.findUniqueOrThrow({ where: { id: ceremonyId }, include: { laureates: { orderBy: { position: "asc" } } } });
    expect(ceremony).toMatchObject({ kind: "GALA", title: "Gala Honoris Gratia", date: today, status: "PLANNED" });
    expect(ceremony.laureates.map((l) => [l.conferralId, l.position, l.attendance])).toEqual(conferralIds.map((id, i) => [id, i + 1, "UNKNOWN"]));
    const added = await db().auditEvent.findMany({ where: { entityType: "Ceremony", entityId: ceremonyId } });
    expect(added.map((a) => a.action).sort()).toEqual(["CREATE", "UPDATE", "UPDATE", "UPDATE"]);

    // Planned once: assigning them again (to another new event) is refused with the reason, and nothing is created.
    const again = await callAction<HandoverReply>(handoverAction, "/hg/handover", { ...gala, title: "Druga gala", ids: nominationIds });
    expect(again.status).toBe(400);
    const errors = again.data!.result.error![""]!;
    expect(errors[0]).toBe("Żadnego z zaznaczonych laureatów nie można przekazać do wręczenia: nic nie zmieniono.");
    expect(errors[1]).toMatch(/^Zofia Handowska: już zaplanowano na inną uroczystość \(„Gala Honoris Gratia”/);
    expect(await db().ceremony.count()).toBe(ceremoniesBefore + 1);

    // Stock short by one badge: a warning with the other conflict checks; gone once a delivery is recorded.
    await stockTo("BADGE", 2);
    await stockTo("DIPLOMA_BLANK", 10);
    const short = (await ceremonyPage(ceremonyId)).findings.find((f) => f.code === "HG_STOCK_SHORT");
    expect(short).toEqual({ code: "HG_STOCK_SHORT", severity: "warning", message: expect.stringContaining("odznaki — potrzeba 3, zostało 2") });
    await stockTo("BADGE", 3);
    expect((await ceremonyPage(ceremonyId)).findings.map((f) => f.code)).not.toContain("HG_STOCK_SHORT");

    // Their diplomas: text confirmed, then one batch in hand-over order from the printing desk.
    for (const id of conferralIds) {
      const page = (await callLoader<{ diploma: { id: string; sourceHash: string } }>(diplomaLoader, `/conferrals/${id}/diploma`, { id })).data!;
      expect(
        (await callAction(confirmAction, `/conferrals/${id}/diploma`, { intent: "confirm", diplomaId: page.diploma.id, hash: page.diploma.sourceHash }, { id }))
          .status,
      ).toBe(302);
    }
    const batch = (await batchAction({
      request: postRequest("/diplomas/batch", { conferralId: [...conferralIds].reverse(), ceremonyId, mode: "PREPRINTED" }),
      params: {},
      context: {},
    })) as Response;
    expect(batch.status).toBe(200);
    expect(batch.headers.get("X-Diploma-Count")).toBe("3");
    const file = path.join(dir, "batch.pdf");
    writeFileSync(file, Buffer.from(await batch.arrayBuffer()));
    const text = (await run("pdftotext", ["-enc", "UTF-8", file, "-"])).stdout.replace(/[\s\u00a0]+/g, " ");
    expect(text).toContain("KOLEJNOŚĆ WRĘCZANIA Gala Honoris Gratia");
    // Posted in reverse, printed in the ceremony's order: the cover sheet, then the diplomas.
    const order = [
      "1. Zofia Handowska",
      "2. Zofia Przekazińska",
      "3. Zofia Wręczalska",
      "Pani Zofii Handowskiej",
      "Pani Zofii Przekazińskiej",
      "Pani Zofii Wręczalskiej",
    ].map((t) => text.indexOf(t));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    // Everyone attending in one step, audited once; a second time changes nothing and says why.
    let page = await ceremonyPage(ceremonyId);
    expect(
      (await callAction(detailAction, `/ceremonies/${ceremonyId}`, { intent: "attendAll", version: String(page.ceremony.version) }, { id: ceremonyId })).status,
    ).toBe(302);
    page = await ceremonyPage(ceremonyId);
    expect(page.laureates.map((l) => l.attendance)).toEqual(["ATTENDS", "ATTENDS", "ATTENDS"]);
    const marked = await db().auditEvent.findMany({ where: { entityType: "Ceremony", entityId: ceremonyId, after: { contains: "markedAttending" } } });
    expect(marked).toHaveLength(1);
    expect(JSON.parse(marked[0]!.after!).markedAttending).toEqual(surnames.map((s) => `Zofia ${s}`));
    const twice = await callAction<{ message: string }>(
      detailAction,
      `/ceremonies/${ceremonyId}`,
      { intent: "attendAll", version: String(page.ceremony.version) },
      { id: ceremonyId },
    );
    expect(twice.status).toBe(400);
    expect(twice.data!.message).toBe("Obecność jest już ustalona na całej liście: nic nie zmieniono.");

    // Held: all three handed over, one badge and one blank each issued from stock for this ceremony.
    const before = await levels();
    const held = await callAction(
      detailAction,
      `/ceremonies/${ceremonyId}`,
      { intent: "step", step: "HOLD", confirm: "on", version: String(page.ceremony.version) },
      { id: ceremonyId },
    );
    expect(held.location).toBe(`/ceremonies/${ceremonyId}`);
    expect(held.toast?.description).toContain("Wręczenia zapisane przy laureatach: 3.");
    const handed = await db().nomination.findMany({ where: { id: { in: nominationIds } }, include: { conferral: true } });
    for (const n of handed) expect(n).toMatchObject({ status: "HANDED_OVER", conferral: { handedOverOn: today, handoverPlace: "Gala Honoris Gratia" } });
    const movements = await db().stockMovement.findMany({ where: { ceremonyId }, orderBy: { item: "asc" } });
    expect(movements.map((m) => [m.item, m.quantity, m.date])).toEqual([
      ["BADGE", -3, today],
      ["DIPLOMA_BLANK", -3, today],
    ]);
    const after = await levels();
    expect(after.BADGE.left).toBe(before.BADGE.left - 3);
    expect(after.DIPLOMA_BLANK.left).toBe(before.DIPLOMA_BLANK.left - 3);
    expect(await db().auditEvent.count({ where: { entityType: "StockMovement", entityId: { in: movements.map((m) => m.id) }, action: "CREATE" } })).toBe(2);
    expect(await db().auditEvent.count({ where: { entityType: "Nomination", entityId: { in: nominationIds }, toStatus: "HANDED_OVER" } })).toBe(3);
    const holdEvent = await db().auditEvent.findFirstOrThrow({ where: { entityType: "Ceremony", entityId: ceremonyId, toStatus: "HELD" } });
    expect(JSON.parse(holdEvent.after!)).toMatchObject({ stockIssued: 3 });

    // Reopened with a reason and held again: nothing handed over twice, nothing issued twice.
    page = await ceremonyPage(ceremonyId);
    await callAction(
      detailAction,
      `/ceremonies/${ceremonyId}`,
      { intent: "step", step: "REOPEN", reason: "Poprawka listy gości", version: String(page.ceremony.version) },
      { id: ceremonyId },
    );
    page = await ceremonyPage(ceremonyId);
    expect(page.ceremony.status).toBe("CONFIRMED");
    const heldAgain = await callAction(
      detailAction,
      `/ceremonies/${ceremonyId}`,
      { intent: "step", step: "HOLD", confirm: "on", version: String(page.ceremony.version) },
      { id: ceremonyId },
    );
    expect(heldAgain.location).toBe(`/ceremonies/${ceremonyId}`);
    expect(heldAgain.toast?.description).toContain("Wręczenia zapisane przy laureatach: 0.");
    expect(await db().stockMovement.count({ where: { ceremonyId } })).toBe(2);
    expect((await levels()).BADGE.left).toBe(before.BADGE.left - 3);
  });

  test("an empty selection or a user without the permission changes nothing and says why", async () => {
    const empty = await callAction<HandoverReply>(handoverAction, "/hg/handover", {
      target: "new",
      kind: "GALA",
      title: "Gala pusta",
      date: today,
      startTime: "18:00",
      endTime: "20:00",
    });
    expect(empty.status).toBe(400);
    expect(empty.data!.result.error![""]).toEqual(["Nie zaznaczono żadnego wniosku: nic nie zmieniono."]);
    expect(await db().ceremony.count({ where: { title: "Gala pusta" } })).toBe(0);
    const noCeremony = await callAction<HandoverReply>(handoverAction, "/hg/handover", { target: "existing", ids: nominationIds });
    expect(noCeremony.data!.result.error!.ceremonyId).toEqual(["Wybierz uroczystość."]);
    await signInAs("READER");
    expect((await callAction(handoverAction, "/hg/handover", { target: "existing", ceremonyId: "x", ids: nominationIds })).status).toBe(403);
  });
});
