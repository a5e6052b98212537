// Dated settings (legal-basis lines, closing clauses, the medal's rules resolution) and
// signatories (who held the office of Mayor or Council Chair, from/to). Every write is one
// transaction with its audit event; a save names the version it started from and is refused
// when someone saved in between; two rows of one key (or one office) never overlap.
//
// Other modules read with settingOn / settingValueOn / settingsOn and signatoryOn: the row valid
// on a calendar day ("YYYY-MM-DD"), by the rule in app/domain/settings.ts (valueOn).
import { isValidIsoDate } from "#app/domain/polish-dates";
import {
  SETTING_KEYS,
  planDatedWrite,
  signatoryOn as signatoryOnRows,
  valueOn,
  type EditSettingInput,
  type EditSignatoryInput,
  type NewSettingInput,
  type NewSignatoryInput,
  type Office,
  type SettingKey,
} from "#app/domain/settings";
import type { DatedSetting, Signatory } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/utils/db.server";
import { changedFields, recordAudit } from "./audit.server";
import { expectWritten, isStaleWrite, versioned, type Actor, type NotFound } from "./write.server";

export type { DatedSetting, Signatory };

/** What a write answered. `closed` is the earlier row ended the day before a new one (closePrevious). */
export type WriteResult<T> =
  | { kind: "saved"; row: T; closed: T | null }
  | { kind: "overlap"; rows: T[] }
  | { kind: "conflict"; saved: T }
  | NotFound;

export type DeleteResult<T> = { kind: "deleted"; row: T } | { kind: "conflict"; saved: T } | NotFound;

function assertDate(date: string) {
  if (!isValidIsoDate(date)) throw new RangeError(`Oczekiwano daty RRRR-MM-DD, otrzymano: ${date}`);
}

// ---------------------------------------------------------------- reads for other modules

/** The DatedSetting row of `key` valid on `date` ("YYYY-MM-DD"), or null when none is. */
export async function settingOn(key: string, date: string, client: Tx = db()): Promise<DatedSetting | null> {
  assertDate(date);
  return valueOn(await client.datedSetting.findMany({ where: { key } }), key, date);
}

/** Just the text of settingOn, or null. */
export async function settingValueOn(key: string, date: string, client: Tx = db()): Promise<string | null> {
  return (await settingOn(key, date, client))?.value ?? null;
}

/** Every known key's row valid on `date` (one query), null where none is. */
export async function settingsOn(date: string, client: Tx = db()): Promise<Record<SettingKey, DatedSetting | null>> {
  assertDate(date);
  const rows = await client.datedSetting.findMany({ where: { key: { in: [...SETTING_KEYS] } } });
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, valueOn(rows, key, date)])) as Record<SettingKey, DatedSetting | null>;
}

/** Who held `office` (MAYOR | COUNCIL_CHAIR) on `date` ("YYYY-MM-DD"), or null when nobody is recorded. */
export async function signatoryOn(office: Office, date: string, client: Tx = db()): Promise<Signatory | null> {
  assertDate(date);
  return signatoryOnRows(await client.signatory.findMany({ where: { office } }), office, date);
}

// ---------------------------------------------------------------- lists

export function listDatedSettings(client: Tx = db()) {
  return client.datedSetting.findMany({ orderBy: [{ key: "asc" }, { validFrom: "asc" }] });
}

export function listSignatories(client: Tx = db()) {
  return client.signatory.findMany({ orderBy: [{ office: "asc" }, { validFrom: "asc" }] });
}

export function getDatedSetting(id: string, client: Tx = db()) {
  return client.datedSetting.findUnique({ where: { id } });
}

export function getSignatory(id: string, client: Tx = db()) {
  return client.signatory.findUnique({ where: { id } });
}

// ---------------------------------------------------------------- dated settings

const settingAudit = (s: Pick<DatedSetting, "key" | "value" | "validFrom" | "validTo" | "note">) => ({
  key: s.key,
  value: s.value,
  validFrom: s.validFrom,
  validTo: s.validTo,
  note: s.note,
});

/** Adds a value of a setting; with closePrevious, the value running on validFrom ends the day before. */
export async function createDatedSetting(input: NewSettingInput, actor: Actor, retried = false): Promise<WriteResult<DatedSetting>> {
  return db()
    .$transaction(async (tx): Promise<WriteResult<DatedSetting>> => {
      const rows = await tx.datedSetting.findMany({ where: { key: input.key } });
      const plan = planDatedWrite(rows, input, { closePrevious: input.closePrevious });
      if (plan.kind === "overlap") return plan;
      let closed: DatedSetting | null = null;
      if (plan.close) {
        const { row, validTo } = plan.close;
        expectWritten(await tx.datedSetting.updateMany(versioned(row.id, row.version, { validTo })));
        closed = await tx.datedSetting.findUniqueOrThrow({ where: { id: row.id } });
        await recordAudit(tx, {
          userId: actor.userId,
          action: "UPDATE",
          entityType: "DatedSetting",
          entityId: row.id,
          before: { key: row.key, validTo: row.validTo },
          after: { key: row.key, validTo },
          reason: `Zakończono obowiązywanie przy dodaniu nowej wartości od ${input.validFrom}.`,
        });
      }
      const row = await tx.datedSetting.create({
        data: { key: input.key, value: input.value, validFrom: input.validFrom, validTo: input.validTo, note: input.note },
      });
      await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: "DatedSetting", entityId: row.id, after: settingAudit(row) });
      return { kind: "saved", row, closed };
    })
    .catch(async (error: unknown) => {
      // The row to end changed under us: read everything again, once.
      if (!isStaleWrite(error) || retried) throw error;
      return createDatedSetting(input, actor, true);
    });
}

/** Changes a value, its period or its note (ending it = giving it a validTo). */
export async function updateDatedSetting(id: string, input: EditSettingInput, actor: Actor): Promise<WriteResult<DatedSetting>> {
  return db()
    .$transaction(async (tx): Promise<WriteResult<DatedSetting>> => {
      const current = await tx.datedSetting.findUnique({ where: { id } });
      if (!current) return { kind: "not-found" };
      if (current.version !== input.version) return { kind: "conflict", saved: current };
      const plan = planDatedWrite(await tx.datedSetting.findMany({ where: { key: current.key } }), input, { id });
      if (plan.kind === "overlap") return plan;
      const next = { value: input.value, validFrom: input.validFrom, validTo: input.validTo, note: input.note };
      const diff = changedFields(settingAudit(current), { key: current.key, ...next });
      if (diff.changed.length === 0) return { kind: "saved", row: current, closed: null };
      expectWritten(await tx.datedSetting.updateMany(versioned(id, input.version, next)));
      await recordAudit(tx, {
        userId: actor.userId,
        action: "UPDATE",
        entityType: "DatedSetting",
        entityId: id,
        before: { key: current.key, ...diff.before },
        after: { key: current.key, ...diff.after },
      });
      return { kind: "saved", row: await tx.datedSetting.findUniqueOrThrow({ where: { id } }), closed: null };
    })
    .catch(async (error: unknown) => {
      if (!isStaleWrite(error)) throw error;
      const saved = await getDatedSetting(id);
      return saved ? { kind: "conflict" as const, saved } : { kind: "not-found" as const };
    });
}

/** Removes a value; only after the user confirmed it (the screen's confirmation step). */
export async function deleteDatedSetting(id: string, input: { version: number; confirmed: true }, actor: Actor): Promise<DeleteResult<DatedSetting>> {
  return db().$transaction(async (tx): Promise<DeleteResult<DatedSetting>> => {
    const current = await tx.datedSetting.findUnique({ where: { id } });
    if (!current) return { kind: "not-found" };
    if (current.version !== input.version) return { kind: "conflict", saved: current };
    const removed = await tx.datedSetting.deleteMany({ where: { id, version: input.version } });
    if (removed.count === 0) return { kind: "conflict", saved: current };
    await recordAudit(tx, { userId: actor.userId, action: "DELETE", entityType: "DatedSetting", entityId: id, before: settingAudit(current) });
    return { kind: "deleted", row: current };
  });
}

// ---------------------------------------------------------------- signatories

const signatoryAudit = (s: Pick<Signatory, "office" | "fullName" | "titleLine" | "validFrom" | "validTo">) => ({
  office: s.office,
  fullName: s.fullName,
  titleLine: s.titleLine,
  validFrom: s.validFrom,
  validTo: s.validTo,
});

/** Records who holds an office from a date; with closePrevious, the previous holder's period ends the day before. */
export async function createSignatory(input: NewSignatoryInput, actor: Actor, retried = false): Promise<WriteResult<Signatory>> {
  return db()
    .$transaction(async (tx): Promise<WriteResult<Signatory>> => {
      const rows = await tx.signatory.findMany({ where: { office: input.office } });
      const plan = planDatedWrite(rows, input, { closePrevious: input.closePrevious });
      if (plan.kind === "overlap") return plan;
      let closed: Signatory | null = null;
      if (plan.close) {
        const { row, validTo } = plan.close;
        expectWritten(await tx.signatory.updateMany(versioned(row.id, row.version, { validTo })));
        closed = await tx.signatory.findUniqueOrThrow({ where: { id: row.id } });
        await recordAudit(tx, {
          userId: actor.userId,
          action: "UPDATE",
          entityType: "Signatory",
          entityId: row.id,
          before: { office: row.office, fullName: row.fullName, validTo: row.validTo },
          after: { office: row.office, fullName: row.fullName, validTo },
          reason: `Zakończono okres przy dodaniu następcy od ${input.validFrom}.`,
        });
      }
      const row = await tx.signatory.create({
        data: { office: input.office, fullName: input.fullName, titleLine: input.titleLine, validFrom: input.validFrom, validTo: input.validTo },
      });
      await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: "Signatory", entityId: row.id, after: signatoryAudit(row) });
      return { kind: "saved", row, closed };
    })
    .catch(async (error: unknown) => {
      if (!isStaleWrite(error) || retried) throw error;
      return createSignatory(input, actor, true);
    });
}

/** Changes a signatory's name, title line or period (ending it = giving it a validTo). */
export async function updateSignatory(id: string, input: EditSignatoryInput, actor: Actor): Promise<WriteResult<Signatory>> {
  return db()
    .$transaction(async (tx): Promise<WriteResult<Signatory>> => {
      const current = await tx.signatory.findUnique({ where: { id } });
      if (!current) return { kind: "not-found" };
      if (current.version !== input.version) return { kind: "conflict", saved: current };
      const plan = planDatedWrite(await tx.signatory.findMany({ where: { office: current.office } }), input, { id });
      if (plan.kind === "overlap") return plan;
      const next = { fullName: input.fullName, titleLine: input.titleLine, validFrom: input.validFrom, validTo: input.validTo };
      const diff = changedFields(signatoryAudit(current), { office: current.office, ...next });
      if (diff.changed.length === 0) return { kind: "saved", row: current, closed: null };
      expectWritten(await tx.signatory.updateMany(versioned(id, input.version, next)));
      await recordAudit(tx, {
        userId: actor.userId,
        action: "UPDATE",
        entityType: "Signatory",
        entityId: id,
        before: { office: current.office, ...diff.before },
        after: { office: current.office, ...diff.after },
      });
      return { kind: "saved", row: await tx.signatory.findUniqueOrThrow({ where: { id } }), closed: null };
    })
    .catch(async (error: unknown) => {
      if (!isStaleWrite(error)) throw error;
      const saved = await getSignatory(id);
      return saved ? { kind: "conflict" as const, saved } : { kind: "not-found" as const };
    });
}

/** Removes a signatory; only after the user confirmed it. */
export async function deleteSignatory(id: string, input: { version: number; confirmed: true }, actor: Actor): Promise<DeleteResult<Signatory>> {
  return db().$transaction(async (tx): Promise<DeleteResult<Signatory>> => {
    const current = await tx.signatory.findUnique({ where: { id } });
    if (!current) return { kind: "not-found" };
    if (current.version !== input.version) return { kind: "conflict", saved: current };
    const removed = await tx.signatory.deleteMany({ where: { id, version: input.version } });
    if (removed.count === 0) return { kind: "conflict", saved: current };
    await recordAudit(tx, { userId: actor.userId, action: "DELETE", entityType: "Signatory", entityId: id, before: signatoryAudit(current) });
    return { kind: "deleted", row: current };
  });
}
