// Dated settings and signatories (/admin/settings/...) through the real loaders and actions on a
// real SQLite file: the reference wording, adding a value (and ending the previous one), the
// overlap refusal in Polish, concurrent edits, deletion only after confirmation, the audit rows,
// permissions, and the reads other modules use (settingOn / signatoryOn) on their boundaries.
import { beforeEach, describe, expect, test } from "vitest";
import { SETTING_KEYS } from "#app/domain/settings";
import { createSignatory, settingOn, settingsOn, settingValueOn, signatoryOn } from "#app/models/settings.server";
import { loader as indexLoader } from "#app/routes/admin.settings._index";
import { action as deleteSignatoryAction } from "#app/routes/admin.settings.signatories.$id.delete";
import { action as editSignatoryAction, loader as editSignatoryLoader } from "#app/routes/admin.settings.signatories.$id._index";
import { action as newSignatoryAction, loader as newSignatoryLoader } from "#app/routes/admin.settings.signatories.new";
import { action as deleteValueAction, loader as deleteValueLoader } from "#app/routes/admin.settings.values.$id.delete";
import { action as editValueAction, loader as editValueLoader } from "#app/routes/admin.settings.values.$id._index";
import { action as newValueAction, loader as newValueLoader } from "#app/routes/admin.settings.values.new";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, signInAs, type Fields } from "./helpers";
import { todayIso } from "#app/domain/polish-dates";

type Reply = {
  result: { status?: string; error?: Record<string, string[] | null> };
  version?: number;
  conflict?: { changes: { label: string; saved: string; yours: string }[] } | null;
};

let admin: { userId: string };

beforeEach(async () => {
  admin = await signInAs("ADMIN");
});

const rowsOf = (key: string) => db().datedSetting.findMany({ where: { key }, orderBy: { validFrom: "asc" } });
const auditOf = (entityType: string, entityId: string) => db().auditEvent.findMany({ where: { entityType, entityId }, orderBy: { at: "asc" } });

function newValue(fields: Fields) {
  return callAction<Reply>(newValueAction, "/admin/settings/values/new", fields);
}
function editValue(id: string, fields: Fields) {
  return callAction<Reply>(editValueAction, `/admin/settings/values/${id}`, fields, { id });
}
function newSignatory(fields: Fields) {
  return callAction<Reply>(newSignatoryAction, "/admin/settings/signatories/new", fields);
}

describe("reference data", () => {
  test("every known key has a value in force today, each marked for the Legal Office; no signatory is seeded", async () => {
    const today = todayIso();
    const now = await settingsOn(today);
    for (const key of SETTING_KEYS) {
      expect(now[key], key).not.toBeNull();
      expect(now[key]!.note).toContain("Brzmienie do weryfikacji przez Biuro Prawne");
    }
    expect(now["legalBasis.CRACOVIAE_MERENTI"]!.value).toMatch(/uchwala się, co następuje:$/);
    expect(now["legalBasis.HONORARY_CITIZENSHIP"]!.value).toMatch(/uchwala się, co następuje:$/);
    expect(now["legalBasis.ORDINANCE"]!.value).toMatch(/zarządza się, co następuje:$/);
    expect(now["clause.execution"]!.value).toBe("Wykonanie uchwały powierza się Prezydentowi Miasta Krakowa.");
    expect(now["clause.entryIntoForce"]!.value).toBe("Uchwała wchodzi w życie z dniem podjęcia.");
    expect(await db().signatory.count()).toBe(0);
  });

  test("settingOn takes the row whose period contains the day, both ends included", async () => {
    expect(await settingValueOn("rules.CRACOVIAE_MERENTI", "1992-06-11")).toBeNull();
    expect(await settingValueOn("rules.CRACOVIAE_MERENTI", "1992-06-12")).toMatch(/^uchwała nr LIV\/370\/92/);
    expect(await settingValueOn("rules.CRACOVIAE_MERENTI", "2018-04-24")).toMatch(/^uchwała nr LIV\/370\/92/);
    expect(await settingValueOn("rules.CRACOVIAE_MERENTI", "2018-04-25")).toBe("uchwała nr C/2603/18 Rady Miasta Krakowa z dnia 25 kwietnia 2018 r.");
    expect((await settingOn("legalBasis.HONORARY_CITIZENSHIP", "2017-06-13"))!.value).not.toContain("LXXXV/1836/17");
    expect((await settingOn("legalBasis.HONORARY_CITIZENSHIP", "2017-06-14"))!.value).toContain("LXXXV/1836/17");
    expect(await settingOn("clause.execution", "1990-06-07")).toBeNull();
    expect(await settingOn("no.such.key", "2020-01-01")).toBeNull();
    await expect(settingOn("clause.execution", "2020-02-30")).rejects.toThrow(RangeError);
  });
});

describe("adding a value", () => {
  test("with „end the previous one”: the open value ends the day before, both writes audited by the admin", async () => {
    const [before] = await rowsOf("clause.entryIntoForce");
    const answer = await newValue({
      key: "clause.entryIntoForce",
      value: "Uchwała wchodzi w życie z dniem podjęcia\n i podlega ogłoszeniu.",
      validFrom: "2030-01-01",
      note: "Nowe brzmienie (test).",
      closePrevious: "on",
    });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/admin/settings#clause.entryIntoForce");
    expect(answer.toast).toMatchObject({ type: "success", title: "Dodano nową wartość; dotychczasowa obowiązuje do dnia poprzedniego." });
    const rows = await rowsOf("clause.entryIntoForce");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: before!.id, validTo: "2029-12-31", version: before!.version + 1 });
    expect(rows[1]).toMatchObject({
      value: "Uchwała wchodzi w życie z dniem podjęcia i podlega ogłoszeniu.",
      validFrom: "2030-01-01",
      validTo: null,
      note: "Nowe brzmienie (test).",
    });
    expect(await settingValueOn("clause.entryIntoForce", "2029-12-31")).toBe("Uchwała wchodzi w życie z dniem podjęcia.");
    expect(await settingValueOn("clause.entryIntoForce", "2030-01-01")).toBe("Uchwała wchodzi w życie z dniem podjęcia i podlega ogłoszeniu.");

    const [created] = await auditOf("DatedSetting", rows[1]!.id);
    expect(created).toMatchObject({ action: "CREATE", userId: admin.userId, before: null });
    expect(JSON.parse(created!.after!)).toEqual({
      key: "clause.entryIntoForce",
      value: rows[1]!.value,
      validFrom: "2030-01-01",
      validTo: null,
      note: "Nowe brzmienie (test).",
    });
    const [ended] = await auditOf("DatedSetting", before!.id);
    expect(ended).toMatchObject({ action: "UPDATE", userId: admin.userId });
    expect(JSON.parse(ended!.before!)).toEqual({ key: "clause.entryIntoForce", validTo: null });
    expect(JSON.parse(ended!.after!)).toEqual({ key: "clause.entryIntoForce", validTo: "2029-12-31" });
  });

  test("an overlapping period is refused in Polish next to the date, and nothing is written", async () => {
    const auditBefore = await db().auditEvent.count();
    const rowsBefore = await rowsOf("clause.execution");
    const inside = await newValue({
      key: "clause.execution",
      value: "Wykonanie uchwały powierza się Sekretarzowi.",
      validFrom: "2000-01-01",
      validTo: "2000-12-31",
    });
    expect(inside.status).toBe(400);
    expect(inside.data!.result.error!.validFrom).toEqual([
      "Ten okres nakłada się na inną wartość tego ustawienia (obowiązującą od 08.06.1990). W danym dniu może obowiązywać tylko jedna wartość: zmień daty albo najpierw zakończ tamtą wartość.",
    ]);

    // Ending the earlier value does not help when the new one runs into the next: the end date is marked.
    const intoNext = await newValue({
      key: "rules.CRACOVIAE_MERENTI",
      value: "uchwała nr X/1/10",
      validFrom: "2010-01-01",
      validTo: "2019-01-01",
      closePrevious: "on",
    });
    expect(intoNext.status).toBe(400);
    expect(intoNext.data!.result.error!.validTo![0]).toMatch(/^Ten okres nakłada się na inną wartość tego ustawienia \(obowiązującą od 25\.04\.2018\)/);
    expect(intoNext.data!.result.error!.validFrom).toBeFalsy();

    expect(await rowsOf("clause.execution")).toEqual(rowsBefore);
    expect((await rowsOf("rules.CRACOVIAE_MERENTI")).map((r) => r.validTo)).toEqual(["2018-04-24", null]);
    expect(await db().auditEvent.count()).toBe(auditBefore);
  });

  test("field errors are Polish and the typed input comes back", async () => {
    const answer = await newValue({ key: "legalBasis.ORDINANCE", value: "Na podstawie art. 30 ustawy", validFrom: "2026-02-30", validTo: "" });
    expect(answer.status).toBe(400);
    expect(answer.data!.result.error).toMatchObject({
      value: ["Ta treść jest wstawiana do dokumentu jako całe zdanie: musi kończyć się słowami „zarządza się, co następuje:”."],
      validFrom: ["Taka data nie istnieje (oczekiwany format RRRR-MM-DD)."],
    });
    expect((answer.data!.result as { initialValue?: Record<string, unknown> }).initialValue).toMatchObject({ value: "Na podstawie art. 30 ustawy" });
  });

  test("an unknown key is 404 on the form and its action", async () => {
    expect((await callLoader(newValueLoader, "/admin/settings/values/new?key=nie.ma")).status).toBe(404);
    expect((await newValue({ key: "nie.ma", value: "x", validFrom: "2020-01-01" })).status).toBe(404);
    expect((await callLoader(newValueLoader, "/admin/settings/values/new?key=clause.execution")).status).toBe(200);
  });
});

describe("editing and ending a value", () => {
  test("a save names its version: a stale one is refused with the differences, the saved row untouched", async () => {
    const [row] = await rowsOf("legalBasis.ORDINANCE");
    const page = await callLoader<{ row: { version: number; state: string } }>(editValueLoader, `/admin/settings/values/${row!.id}`, { id: row!.id });
    expect(page.data!.row).toMatchObject({ version: row!.version, state: "current" });

    const fields = { value: row!.value, validFrom: row!.validFrom, note: "Sprawdzone przez pierwszą osobę.", version: String(row!.version) };
    expect((await editValue(row!.id, fields)).status).toBe(302);
    const second = await editValue(row!.id, { ...fields, note: "Druga osoba nie widziała zmiany." });
    expect(second.status).toBe(409);
    expect(second.data!.result.error![""]![0]).toMatch(/^Ktoś inny zmienił tę wartość/);
    expect(second.data!.version).toBe(row!.version + 1);
    expect(second.data!.conflict!.changes).toEqual([{ label: "Uwagi", saved: "Sprawdzone przez pierwszą osobę.", yours: "Druga osoba nie widziała zmiany." }]);
    expect((await db().datedSetting.findUniqueOrThrow({ where: { id: row!.id } })).note).toBe("Sprawdzone przez pierwszą osobę.");

    // Saving again with the version the conflict showed is a deliberate overwrite.
    expect((await editValue(row!.id, { ...fields, note: "Druga osoba nie widziała zmiany.", version: String(second.data!.version) })).status).toBe(302);
    const events = await auditOf("DatedSetting", row!.id);
    expect(events.map((e) => e.action)).toEqual(["UPDATE", "UPDATE"]);
    expect(JSON.parse(events[0]!.before!)).toEqual({ key: "legalBasis.ORDINANCE", note: row!.note });
    expect(JSON.parse(events[0]!.after!)).toEqual({ key: "legalBasis.ORDINANCE", note: "Sprawdzone przez pierwszą osobę." });
  });

  test("ending a value gives it a last day; moving its start into another period is refused", async () => {
    const [first, second] = await rowsOf("legalBasis.HONORARY_CITIZENSHIP");
    const overlap = await editValue(second!.id, { value: second!.value, validFrom: "2017-01-01", version: String(second!.version) });
    expect(overlap.status).toBe(400);
    expect(overlap.data!.result.error!.validFrom![0]).toContain("od 08.06.1990 do 13.06.2017");

    const end = await editValue(second!.id, {
      value: second!.value,
      validFrom: second!.validFrom,
      validTo: "2040-12-31",
      note: second!.note,
      version: String(second!.version),
    });
    expect(end.status).toBe(302);
    expect(end.location).toBe("/admin/settings#legalBasis.HONORARY_CITIZENSHIP");
    expect(end.toast).toMatchObject({ title: "Zapisano zmiany wartości." });
    expect(await settingOn("legalBasis.HONORARY_CITIZENSHIP", "2040-12-31")).toMatchObject({ id: second!.id });
    expect(await settingOn("legalBasis.HONORARY_CITIZENSHIP", "2041-01-01")).toBeNull();
    expect(await settingOn("legalBasis.HONORARY_CITIZENSHIP", "2017-06-13")).toMatchObject({ id: first!.id });
  });

  test("an unknown id is 404", async () => {
    expect((await callLoader(editValueLoader, "/admin/settings/values/nie-ma", { id: "nie-ma" })).status).toBe(404);
    expect((await editValue("nie-ma", { value: "x", validFrom: "2020-01-01", version: "1" })).status).toBe(404);
  });
});

describe("deleting a value", () => {
  test("only with the confirmation ticked and the current version; audited with what was removed", async () => {
    const created = await newValue({
      key: "clause.execution",
      value: "Wykonanie uchwały powierza się Prezydentowi Miasta Krakowa (do usunięcia).",
      validFrom: "2050-01-01",
      closePrevious: "on",
    });
    expect(created.status).toBe(302);
    const row = (await rowsOf("clause.execution")).find((r) => r.validFrom === "2050-01-01")!;
    const path = `/admin/settings/values/${row.id}/delete`;
    expect((await callLoader(deleteValueLoader, path, { id: row.id })).status).toBe(200);

    const unconfirmed = await callAction<Reply>(deleteValueAction, path, { version: String(row.version) }, { id: row.id });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data!.result.error!.confirm).toEqual(["Zaznacz pole potwierdzenia, aby usunąć."]);
    const stale = await callAction<Reply>(deleteValueAction, path, { version: String(row.version + 5), confirm: "on" }, { id: row.id });
    expect(stale.status).toBe(409);
    expect(stale.data!.version).toBe(row.version);
    expect(await db().datedSetting.findUnique({ where: { id: row.id } })).not.toBeNull();

    const done = await callAction<Reply>(deleteValueAction, path, { version: String(row.version), confirm: "on" }, { id: row.id });
    expect(done.status).toBe(302);
    expect(done.location).toBe("/admin/settings#clause.execution");
    expect(done.toast).toMatchObject({ title: "Usunięto wartość." });
    expect(await db().datedSetting.findUnique({ where: { id: row.id } })).toBeNull();
    const events = await auditOf("DatedSetting", row.id);
    expect(events.map((e) => e.action)).toEqual(["CREATE", "DELETE"]);
    expect(JSON.parse(events[1]!.before!)).toMatchObject({ key: "clause.execution", validFrom: "2050-01-01" });
    expect(events[1]!.userId).toBe(admin.userId);
    expect((await callAction(deleteValueAction, path, { version: String(row.version), confirm: "on" }, { id: row.id })).status).toBe(404);
  });
});

describe("signatories", () => {
  test("a Mayor, then a successor ending the predecessor's period; signatoryOn on the handover boundary", async () => {
    const first = await newSignatory({ office: "MAYOR", fullName: "Jan Testowy", titleLine: "Prezydent Miasta Krakowa", validFrom: "2018-11-21" });
    expect(first.status).toBe(302);
    expect(first.location).toBe("/admin/settings#signatory-MAYOR");
    expect(first.toast).toMatchObject({ title: "Dodano sygnatariusza." });
    const successor = await newSignatory({
      office: "MAYOR",
      fullName: "Ewa Następczyni",
      titleLine: "Prezydent Miasta Krakowa",
      validFrom: "2024-05-07",
      closePrevious: "on",
    });
    expect(successor.status).toBe(302);
    expect(successor.toast).toMatchObject({ title: "Dodano sygnatariusza; okres poprzednika kończy się dzień wcześniej." });

    expect(await signatoryOn("MAYOR", "2018-11-20")).toBeNull();
    expect((await signatoryOn("MAYOR", "2018-11-21"))!.fullName).toBe("Jan Testowy");
    expect((await signatoryOn("MAYOR", "2024-05-06"))!).toMatchObject({ fullName: "Jan Testowy", validTo: "2024-05-06" });
    expect((await signatoryOn("MAYOR", "2024-05-07"))!.fullName).toBe("Ewa Następczyni");
    expect(await signatoryOn("COUNCIL_CHAIR", "2024-05-07")).toBeNull();

    const jan = (await db().signatory.findFirstOrThrow({ where: { fullName: "Jan Testowy" } }))!;
    const events = await auditOf("Signatory", jan.id);
    expect(events.map((e) => [e.action, e.userId])).toEqual([
      ["CREATE", admin.userId],
      ["UPDATE", admin.userId],
    ]);
    expect(JSON.parse(events[1]!.after!)).toEqual({ office: "MAYOR", fullName: "Jan Testowy", validTo: "2024-05-06" });
  });

  test("two holders of one office on the same day are refused, naming the other person", async () => {
    await createSignatory(
      {
        office: "COUNCIL_CHAIR",
        fullName: "Anna Przewodnicząca",
        titleLine: "Przewodnicząca Rady Miasta Krakowa",
        validFrom: "2030-05-07",
        validTo: null,
        closePrevious: false,
      },
      { userId: null },
    );
    const clash = await newSignatory({
      office: "COUNCIL_CHAIR",
      fullName: "Bogdan Drugi",
      titleLine: "Przewodniczący Rady Miasta Krakowa",
      validFrom: "2029-01-01",
      validTo: "2030-05-07",
    });
    expect(clash.status).toBe(400);
    expect(clash.data!.result.error!.validTo).toEqual([
      "Ten okres nakłada się na okres innej osoby na tym stanowisku (Anna Przewodnicząca, od 07.05.2030). W danym dniu urząd pełni jedna osoba: zmień daty albo najpierw zakończ tamten okres.",
    ]);
    const fine = await newSignatory({
      office: "COUNCIL_CHAIR",
      fullName: "Bogdan Drugi",
      titleLine: "Przewodniczący Rady Miasta Krakowa",
      validFrom: "2029-01-01",
      validTo: "2030-05-06",
    });
    expect(fine.status).toBe(302);
    expect((await signatoryOn("COUNCIL_CHAIR", "2030-05-06"))!.fullName).toBe("Bogdan Drugi");
    expect((await signatoryOn("COUNCIL_CHAIR", "2030-05-07"))!.fullName).toBe("Anna Przewodnicząca");
  });

  test("edit with version check, and delete after confirmation", async () => {
    await createSignatory(
      {
        office: "COUNCIL_CHAIR",
        fullName: "Cezary Literówka",
        titleLine: "Przewodniczący Rady Miasta Krakowa",
        validFrom: "2060-01-01",
        validTo: null,
        closePrevious: true,
      },
      { userId: null },
    );
    const row = await db().signatory.findFirstOrThrow({ where: { fullName: "Cezary Literówka" } });
    expect((await callLoader(editSignatoryLoader, `/admin/settings/signatories/${row.id}`, { id: row.id })).status).toBe(200);
    const fields = { fullName: "Cezary Poprawiony", titleLine: row.titleLine, validFrom: row.validFrom, version: String(row.version) };
    expect((await callAction(editSignatoryAction, `/admin/settings/signatories/${row.id}`, fields, { id: row.id })).status).toBe(302);
    const stale = await callAction<Reply>(editSignatoryAction, `/admin/settings/signatories/${row.id}`, { ...fields, fullName: "Inna Wersja" }, { id: row.id });
    expect(stale.status).toBe(409);
    expect(stale.data!.conflict!.changes).toEqual([{ label: "Imię i nazwisko", saved: "Cezary Poprawiony", yours: "Inna Wersja" }]);

    const path = `/admin/settings/signatories/${row.id}/delete`;
    expect((await callAction<Reply>(deleteSignatoryAction, path, { version: String(row.version + 1) }, { id: row.id })).status).toBe(400);
    expect((await callAction(deleteSignatoryAction, path, { version: String(row.version + 1), confirm: "on" }, { id: row.id })).status).toBe(302);
    expect(await db().signatory.findUnique({ where: { id: row.id } })).toBeNull();
    expect((await auditOf("Signatory", row.id)).map((e) => e.action)).toEqual(["CREATE", "UPDATE", "DELETE"]);
  });
});

describe("the screen", () => {
  test("lists every key and office under its anchor, with the value in force today marked", async () => {
    type Screen = {
      settings: { key: string; anchor: string; label: string; rows: { state: string; value: string }[]; clashes: string[] }[];
      offices: { office: string; anchor: string; rows: { state: string }[] }[];
    };
    const page = await callLoader<Screen>(indexLoader, "/admin/settings");
    expect(page.status).toBe(200);
    expect(page.data!.settings.map((s) => s.anchor)).toEqual(expect.arrayContaining([...SETTING_KEYS]));
    expect(page.data!.offices.map((o) => o.anchor)).toEqual(["signatory-MAYOR", "signatory-COUNCIL_CHAIR"]);
    const rules = page.data!.settings.find((s) => s.key === "rules.CRACOVIAE_MERENTI")!;
    expect(rules.rows.map((r) => r.state)).toEqual(["past", "current"]);
    expect(rules.clashes).toEqual([]);
  });
});

describe("permissions", () => {
  test.each(["KP09_SPECIALIST", "READER"])("%s gets 403 on every settings page and action, and changes nothing", async (role) => {
    const row = (await rowsOf("clause.execution"))[0]!;
    // Written directly: this test is about who may reach the pages, not about periods.
    const { id: sid } = await db().signatory.create({
      data: { office: "MAYOR", fullName: `Ktoś ${role}`, titleLine: "Prezydent Miasta Krakowa", validFrom: "1900-01-01", validTo: "1900-12-31" },
    });
    await signInAs(role);
    const counts = async () => ({ settings: await db().datedSetting.count(), signatories: await db().signatory.count(), audit: await db().auditEvent.count() });
    const before = await counts();
    const answers = [
      await callLoader(indexLoader, "/admin/settings"),
      await callLoader(newValueLoader, "/admin/settings/values/new?key=clause.execution"),
      await callLoader(editValueLoader, `/admin/settings/values/${row.id}`, { id: row.id }),
      await callLoader(deleteValueLoader, `/admin/settings/values/${row.id}/delete`, { id: row.id }),
      await callLoader(newSignatoryLoader, "/admin/settings/signatories/new?office=MAYOR"),
      await callLoader(editSignatoryLoader, `/admin/settings/signatories/${sid}`, { id: sid }),
      await newValue({ key: "clause.execution", value: "Przejęte.", validFrom: "2091-01-01", closePrevious: "on" }),
      await editValue(row.id, { value: "Przejęte.", validFrom: row.validFrom, version: String(row.version) }),
      await callAction(deleteValueAction, `/admin/settings/values/${row.id}/delete`, { version: String(row.version), confirm: "on" }, { id: row.id }),
      await newSignatory({ office: "MAYOR", fullName: "Przejęty", titleLine: "Prezydent", validFrom: "2092-01-01" }),
      await callAction(
        editSignatoryAction,
        `/admin/settings/signatories/${sid}`,
        { fullName: "X", titleLine: "Y", validFrom: "2090-01-01", version: "1" },
        { id: sid },
      ),
      await callAction(deleteSignatoryAction, `/admin/settings/signatories/${sid}/delete`, { version: "1", confirm: "on" }, { id: sid }),
    ];
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 403));
    expect(String(answers[0]!.data)).toBe("Brak uprawnienia: ustawienia: sygnatariusze, limity, kadencje, szablony.");
    expect(await counts()).toEqual(before);
  });
});
