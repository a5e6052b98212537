// Every role against every route that reads personal data or changes something: allowed pairs
// get through, forbidden pairs get 403 and change nothing, anonymous requests go to sign-in.
import { beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_ROLES, type Permission } from "#app/domain/permissions";
import { loader as dashboard } from "#app/routes/_index";
import { loader as board } from "#app/routes/board.$honour";
import { loader as boardIndex } from "#app/routes/board._index";
import { action as editCandidate, loader as candidateEditForm } from "#app/routes/candidates.$id.edit";
import { loader as candidatePage } from "#app/routes/candidates.$id._index";
import { action as editNomination, loader as nominationEditForm } from "#app/routes/nominations.$id.edit";
import { loader as nominationPage } from "#app/routes/nominations.$id._index";
import { loader as nominationList } from "#app/routes/nominations._index";
import { action as createNomination, loader as newNominationForm } from "#app/routes/nominations.new";
import { action as stepAction, loader as stepForm } from "#app/routes/nominations.$id.step.$to";
import { loader as settingsScreen } from "#app/routes/admin.settings._index";
import { loader as newSignatoryForm } from "#app/routes/admin.settings.signatories.new";
import { action as editSettingValue } from "#app/routes/admin.settings.values.$id._index";
import { loader as newSettingValueForm } from "#app/routes/admin.settings.values.new";
import { loader as printerForm } from "#app/routes/admin.settings.printers.$id._index";
import { action as addLexiconEntry, loader as lexiconScreen } from "#app/routes/admin.name-lexicon._index";
import { loader as lexiconCsv } from "#app/routes/admin.name-lexicon[.csv]";
import { loader as diplomaDesk } from "#app/routes/diplomas._index";
import { loader as calibrationPage } from "#app/routes/diplomas.calibration";
import { loader as diplomaPreview } from "#app/routes/conferrals.$id.diploma.preview";
import { loader as conferralList } from "#app/routes/conferrals._index";
import { loader as conferralExport } from "#app/routes/conferrals.export";
import { loader as nominationExport } from "#app/routes/nominations.export";
import { loader as reportPage } from "#app/routes/reports.$report";
import { loader as reportCsv } from "#app/routes/reports.$report.csv";
import { loader as hgRefusals } from "#app/routes/hg.refusals";
import { loader as hgRefusalLetters } from "#app/routes/hg.refusals_.letters";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, personNomination, signInAs, signOut, type Answer } from "./helpers";

type Ids = { cm: string; hg: string; candidate: string; setting: string };
let ids: Ids;

/** A rule: one permission, or any of several. */
type Rule = Permission | Permission[];
type Case = { name: string; rule: Rule; writes: boolean; call: () => Promise<Answer<unknown>> };

const WRITE_ANY: Permission[] = ["nomination:write:council", "nomination:write:hg"];

function editFields(honour: "CRACOVIAE_MERENTI" | "HONORIS_GRATIA") {
  return {
    version: "1",
    honour,
    requestedClass: honour === "CRACOVIAE_MERENTI" ? "SILVER" : undefined,
    receivedDate: "2025-03-10",
    merits: "Zmienione przez test uprawnień",
    "nominators[0].kind": "ORGANIZATION",
    "nominators[0].name": "Wnioskodawca",
  };
}

const cases = (): Case[] => [
  { name: "GET /nominations", rule: "nomination:read", writes: false, call: () => callLoader(nominationList, "/nominations") },
  { name: "GET /nominations/:id", rule: "nomination:read", writes: false, call: () => callLoader(nominationPage, `/nominations/${ids.cm}`, { id: ids.cm }) },
  { name: "GET /board/:honour", rule: "nomination:read", writes: false, call: () => callLoader(board, "/board/HONORIS_GRATIA", { honour: "HONORIS_GRATIA" }) },
  { name: "GET /board", rule: "nomination:read", writes: false, call: () => callLoader(boardIndex, "/board") },
  { name: "GET /candidates/:id", rule: "nomination:read", writes: false, call: () => callLoader(candidatePage, `/candidates/${ids.candidate}`, { id: ids.candidate }) },
  { name: "GET /nominations/new", rule: WRITE_ANY, writes: false, call: () => callLoader(newNominationForm, "/nominations/new") },
  {
    name: "POST /nominations/new (Cracoviae Merenti)",
    rule: "nomination:write:council",
    writes: true,
    call: () => callAction(createNomination, "/nominations/new", personNomination({ "candidate.surname": `Macierz${Math.random()}`, "candidate.birthYear": undefined })),
  },
  {
    name: "POST /nominations/new (Honoris Gratia)",
    rule: "nomination:write:hg",
    writes: true,
    call: () =>
      callAction(
        createNomination,
        "/nominations/new",
        personNomination({ honour: "HONORIS_GRATIA", requestedClass: undefined, "candidate.surname": `Macierz${Math.random()}`, "candidate.birthYear": undefined }),
      ),
  },
  { name: "GET /nominations/:cm/edit", rule: "nomination:write:council", writes: false, call: () => callLoader(nominationEditForm, `/nominations/${ids.cm}/edit`, { id: ids.cm }) },
  { name: "GET /nominations/:hg/edit", rule: "nomination:write:hg", writes: false, call: () => callLoader(nominationEditForm, `/nominations/${ids.hg}/edit`, { id: ids.hg }) },
  {
    name: "POST /nominations/:cm/edit",
    rule: "nomination:write:council",
    writes: true,
    call: () => callAction(editNomination, `/nominations/${ids.cm}/edit`, editFields("CRACOVIAE_MERENTI"), { id: ids.cm }),
  },
  {
    name: "POST /nominations/:hg/edit",
    rule: "nomination:write:hg",
    writes: true,
    call: () => callAction(editNomination, `/nominations/${ids.hg}/edit`, editFields("HONORIS_GRATIA"), { id: ids.hg }),
  },
  // Steps: allowed roles may find the step already taken by an earlier role (422), never 403.
  { name: "GET /nominations/:cm/step/WITHDRAWN", rule: "nomination:transition:council", writes: false, call: () => callLoader(stepForm, `/nominations/${ids.cm}/step/WITHDRAWN`, { id: ids.cm, to: "WITHDRAWN" }) },
  {
    name: "POST /nominations/:cm/step/COMPLETION_REQUESTED",
    rule: "nomination:transition:council",
    writes: false,
    call: () => callAction(stepAction, `/nominations/${ids.cm}/step/COMPLETION_REQUESTED`, { version: "1", reason: "Brak życiorysu." }, { id: ids.cm, to: "COMPLETION_REQUESTED" }),
  },
  {
    name: "POST /nominations/:hg/step/VERIFIED",
    rule: "hg:decide",
    writes: false,
    call: () => callAction(stepAction, `/nominations/${ids.hg}/step/VERIFIED`, { version: "1" }, { id: ids.hg, to: "VERIFIED" }),
  },
  { name: "GET /candidates/:id/edit", rule: WRITE_ANY, writes: false, call: () => callLoader(candidateEditForm, `/candidates/${ids.candidate}/edit`, { id: ids.candidate }) },
  {
    name: "POST /candidates/:id/edit",
    rule: WRITE_ANY,
    writes: true,
    call: () =>
      callAction(
        editCandidate,
        `/candidates/${ids.candidate}/edit`,
        {
          version: "999",
          "candidate.candidateKind": "PERSON",
          "candidate.givenNames": "Bolesław",
          "candidate.surname": "Zmieniony",
          "candidate.grammaticalGender": "MASCULINE",
        },
        { id: ids.candidate },
      ),
  },
  { name: "GET /admin/settings", rule: "settings:manage", writes: false, call: () => callLoader(settingsScreen, "/admin/settings") },
  { name: "GET /admin/settings/values/new", rule: "settings:manage", writes: false, call: () => callLoader(newSettingValueForm, "/admin/settings/values/new?key=clause.execution") },
  { name: "GET /admin/settings/signatories/new", rule: "settings:manage", writes: false, call: () => callLoader(newSignatoryForm, "/admin/settings/signatories/new?office=MAYOR") },
  { name: "GET /admin/settings/printers/new", rule: "settings:manage", writes: false, call: () => callLoader(printerForm, "/admin/settings/printers/new", { id: "new" }) },
  { name: "GET /admin/name-lexicon", rule: "settings:manage", writes: false, call: () => callLoader(lexiconScreen, "/admin/name-lexicon") },
  { name: "GET /admin/name-lexicon.csv", rule: "settings:manage", writes: false, call: () => callLoader(lexiconCsv, "/admin/name-lexicon.csv") },
  // An empty entry: an allowed role gets the form's errors (400), a forbidden one 403.
  { name: "POST /admin/name-lexicon", rule: "settings:manage", writes: false, call: () => callAction(addLexiconEntry, "/admin/name-lexicon", { kind: "SURNAME" }) },
  { name: "GET /diplomas", rule: ["diploma:text", "diploma:print"], writes: false, call: () => callLoader(diplomaDesk, "/diplomas") },
  { name: "GET /conferrals/:id/diploma/preview", rule: ["diploma:text", "diploma:print"], writes: false, call: () => callLoader(diplomaPreview, "/conferrals/no-such-id/diploma/preview", { id: "no-such-id" }) },
  { name: "GET /diplomas/calibration", rule: ["diploma:print", "settings:manage"], writes: false, call: () => callLoader(calibrationPage, "/diplomas/calibration") },
  {
    // A stale version: an allowed role is refused with 409 (a conflict), never 403, and nothing changes.
    name: "POST /admin/settings/values/:id",
    rule: "settings:manage",
    writes: true,
    call: () =>
      callAction(editSettingValue, `/admin/settings/values/${ids.setting}`, { value: "Zmienione przez test uprawnień.", validFrom: "1990-06-08", version: "999" }, { id: ids.setting }),
  },
  { name: "GET /nominations/export", rule: "nomination:read", writes: false, call: () => callLoader(nominationExport, "/nominations/export") },
  { name: "GET /conferrals", rule: "laureate:read", writes: false, call: () => callLoader(conferralList, "/conferrals") },
  { name: "GET /conferrals/export", rule: "laureate:read", writes: false, call: () => callLoader(conferralExport, "/conferrals/export") },
  { name: "GET /reports/quota", rule: "laureate:read", writes: false, call: () => callLoader(reportPage, "/reports/quota", { report: "quota" }) },
  { name: "GET /reports/numbers/csv", rule: "laureate:read", writes: false, call: () => callLoader(reportCsv, "/reports/numbers/csv", { report: "numbers" }) },
  { name: "GET /hg/refusals", rule: "nomination:read", writes: false, call: () => callLoader(hgRefusals, "/hg/refusals") },
  { name: "GET /hg/refusals/letters", rule: "nomination:read", writes: false, call: () => callLoader(hgRefusalLetters, "/hg/refusals/letters?format=pdf") },
];

const allows = (permissions: Permission[], rule: Rule) => (Array.isArray(rule) ? rule.some((p) => permissions.includes(p)) : permissions.includes(rule));

async function snapshot() {
  return {
    nominations: await db().nomination.count(),
    candidates: await db().candidate.count(),
    audit: await db().auditEvent.count(),
    versions: (await db().nomination.findMany({ select: { version: true }, orderBy: { id: "asc" } })).map((n) => n.version),
    candidateVersions: (await db().candidate.findMany({ select: { version: true }, orderBy: { id: "asc" } })).map((c) => c.version),
  };
}

beforeAll(async () => {
  await signInAs(["KP09_SPECIALIST", "KP04_CLERK"]);
  const cm = await callAction(createNomination, "/nominations/new", personNomination({ "candidate.surname": "Medalowy" }));
  const hg = await callAction(createNomination, "/nominations/new", personNomination({ "candidate.surname": "Odznakowy", honour: "HONORIS_GRATIA", requestedClass: undefined }));
  const cmId = cm.location!.split("/").pop()!;
  const hgId = hg.location!.split("/").pop()!;
  const candidate = (await db().nomination.findUniqueOrThrow({ where: { id: cmId } })).candidateId;
  const setting = (await db().datedSetting.findFirstOrThrow({ where: { key: "clause.execution" } })).id;
  ids = { cm: cmId, hg: hgId, candidate, setting };
});

describe.each(DEFAULT_ROLES.map((r) => [r.key, r.permissions] as const))("role %s", (roleKey, permissions) => {
  beforeAll(async () => {
    await signInAs(roleKey);
  });

  test.each(cases().map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    // Reset the edited nominations to version 1 so an allowed edit is a real, accepted write.
    if (c.writes) await db().nomination.updateMany({ where: { id: { in: [ids.cm, ids.hg] } }, data: { version: 1 } });
    const before = await snapshot();
    const answer = await c.call();
    if (allows(permissions, c.rule)) {
      expect(answer.status, `${roleKey} should be allowed: ${c.name}`).not.toBe(403);
      // An allowed write really happens (the candidate edit is a stale-version refusal: 409).
      if (c.writes) expect([302, 409]).toContain(answer.status);
      expect(answer.location ?? "").not.toMatch(/^\/login/);
    } else {
      expect(answer.status, `${roleKey} should be refused: ${c.name}`).toBe(403);
      expect(String(answer.data)).toMatch(/^Brak uprawnienia: /);
      const after = await snapshot();
      expect(after).toEqual(before);
    }
  });
});

test("the dashboard is open to every signed-in role", async () => {
  for (const role of DEFAULT_ROLES) {
    await signInAs(role.key);
    expect((await callLoader(dashboard, "/")).status).toBe(200);
  }
  signOut();
  expect((await callLoader(dashboard, "/")).location).toMatch(/^\/login/);
});

describe("anonymous", () => {
  beforeAll(() => signOut());

  test.each(cases().map((c) => [c.name, c] as const))("%s goes to sign-in and changes nothing", async (_name, c) => {
    const before = await snapshot();
    const answer = await c.call();
    expect(answer.status).toBe(302);
    expect(answer.location).toMatch(/^\/login\?redirectTo=/);
    expect(await snapshot()).toEqual(before);
  });
});
