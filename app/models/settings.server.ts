// Dated settings (legal-basis lines, closing clauses, the medal's rules resolution) and
// signatories (who held the office of Mayor or Council Chair, from/to). Their writes are the
// generic ones of dated-periods.server.ts (version-checked, audited, never overlapping).
//
// Other modules read with settingOn / settingValueOn / settingsOn and signatoryOn: the row valid
// on a calendar day ("YYYY-MM-DD"), by the rule in app/domain/settings.ts (valueOn).
import { isValidIsoDate } from "#app/domain/polish-dates";
import {
  SETTING_KEYS,
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
import { createPeriod, deletePeriod, updatePeriod, type DeleteResult, type PeriodStore, type WriteResult } from "./dated-periods.server";
import { versioned, type Actor } from "./write.server";

export type { DatedSetting, Signatory };

export type { DeleteResult, WriteResult } from "./dated-periods.server";

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

/** The letterhead of the letters to applicants valid on `date`, or null when a part of it is not set. */
export async function letterSenderOn(date: string, client: Tx = db()): Promise<{ office: string; address: string } | null> {
  const [office, address] = await Promise.all([settingValueOn("letters.senderOffice", date, client), settingValueOn("letters.senderAddress", date, client)]);
  return office && address ? { office, address } : null;
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

// ---------------------------------------------------------------- writes (dated-periods.server.ts)

type SettingFields = Pick<DatedSetting, "value" | "validFrom" | "validTo" | "note">;

const settings: PeriodStore<DatedSetting, SettingFields & { key: string }, SettingFields> = {
  entityType: "DatedSetting",
  find: (tx, id) => tx.datedSetting.findUnique({ where: { id } }),
  group: (tx, of) => tx.datedSetting.findMany({ where: { key: of.key } }),
  create: (tx, data) => tx.datedSetting.create({ data }),
  update: (tx, id, version, data) => tx.datedSetting.updateMany(versioned(id, version, data)),
  remove: (tx, id, version) => tx.datedSetting.deleteMany({ where: { id, version } }),
  audit: (s) => ({ key: s.key, value: s.value, validFrom: s.validFrom, validTo: s.validTo, note: s.note }),
  identity: (s) => ({ key: s.key }),
  fields: (s) => ({ value: s.value, validFrom: s.validFrom, validTo: s.validTo, note: s.note }),
  closeReason: (validFrom) => `Zakończono obowiązywanie przy dodaniu nowej wartości od ${validFrom}.`,
};

type SignatoryFields = Pick<Signatory, "fullName" | "titleLine" | "validFrom" | "validTo">;

const signatories: PeriodStore<Signatory, SignatoryFields & { office: string }, SignatoryFields> = {
  entityType: "Signatory",
  find: (tx, id) => tx.signatory.findUnique({ where: { id } }),
  group: (tx, of) => tx.signatory.findMany({ where: { office: of.office } }),
  create: (tx, data) => tx.signatory.create({ data }),
  update: (tx, id, version, data) => tx.signatory.updateMany(versioned(id, version, data)),
  remove: (tx, id, version) => tx.signatory.deleteMany({ where: { id, version } }),
  audit: (s) => ({ office: s.office, fullName: s.fullName, titleLine: s.titleLine, validFrom: s.validFrom, validTo: s.validTo }),
  identity: (s) => ({ office: s.office, fullName: s.fullName }),
  fields: (s) => ({ fullName: s.fullName, titleLine: s.titleLine, validFrom: s.validFrom, validTo: s.validTo }),
  closeReason: (validFrom) => `Zakończono okres przy dodaniu następcy od ${validFrom}.`,
};

/** Adds a value of a setting; with closePrevious, the value running on validFrom ends the day before. */
export function createDatedSetting(input: NewSettingInput, actor: Actor): Promise<WriteResult<DatedSetting>> {
  const { key, value, validFrom, validTo, note } = input;
  return createPeriod(settings, { key, value, validFrom, validTo, note }, input, actor);
}

/** Changes a value, its period or its note (ending it = giving it a validTo). */
export function updateDatedSetting(id: string, input: EditSettingInput, actor: Actor): Promise<WriteResult<DatedSetting>> {
  const { value, validFrom, validTo, note } = input;
  return updatePeriod(settings, id, input.version, { value, validFrom, validTo, note }, actor);
}

/** Removes a value; only after the user confirmed it (the screen's confirmation step). */
export function deleteDatedSetting(id: string, input: { version: number; confirmed: true }, actor: Actor): Promise<DeleteResult<DatedSetting>> {
  return deletePeriod(settings, id, input.version, actor);
}

/** Records who holds an office from a date; with closePrevious, the previous holder's period ends the day before. */
export function createSignatory(input: NewSignatoryInput, actor: Actor): Promise<WriteResult<Signatory>> {
  const { office, fullName, titleLine, validFrom, validTo } = input;
  return createPeriod(signatories, { office, fullName, titleLine, validFrom, validTo }, input, actor);
}

/** Changes a signatory's name, title line or period (ending it = giving it a validTo). */
export function updateSignatory(id: string, input: EditSignatoryInput, actor: Actor): Promise<WriteResult<Signatory>> {
  const { fullName, titleLine, validFrom, validTo } = input;
  return updatePeriod(signatories, id, input.version, { fullName, titleLine, validFrom, validTo }, actor);
}

/** Removes a signatory; only after the user confirmed it. */
export function deleteSignatory(id: string, input: { version: number; confirmed: true }, actor: Actor): Promise<DeleteResult<Signatory>> {
  return deletePeriod(signatories, id, input.version, actor);
}
