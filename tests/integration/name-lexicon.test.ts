// The lexicon of confirmed name forms (issue 17): a person's correction is kept and used next
// time; an administrator edits and exports it; an import re-suggests forms nobody confirmed.
import { beforeAll, describe, expect, test } from "vitest";
import { REQUIRED_COLUMNS } from "#app/domain/historical-csv";
import { applyImport } from "#app/models/historical-import.server";
import { resuggestNameForms } from "#app/models/candidate.server";
import { action as editCandidate, loader as editLoader } from "#app/routes/candidates.$id.edit";
import { action as lexiconAction, loader as lexiconLoader } from "#app/routes/admin.name-lexicon._index";
import { action as entryAction } from "#app/routes/admin.name-lexicon.$id";
import { loader as lexiconCsv } from "#app/routes/admin.name-lexicon[.csv]";
import { action as createAction } from "#app/routes/nominations.new";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, personNomination, signInAs } from "./helpers";

async function newCandidate(givenNames: string, surname: string) {
  const answer = await callAction(createAction, "/nominations/new", personNomination({ "candidate.givenNames": givenNames, "candidate.surname": surname }));
  const nomination = await db().nomination.findUniqueOrThrow({ where: { id: answer.location!.split("/").pop()! }, include: { candidate: true } });
  return nomination.candidate;
}

const editFields = (c: { version: number; givenNames: string; surname: string }, forms: { genitive: string; dative: string }, confirm = true) => ({
  version: String(c.version),
  "candidate.candidateKind": "PERSON",
  "candidate.givenNames": c.givenNames,
  "candidate.surname": c.surname,
  "candidate.grammaticalGender": "MASCULINE",
  "candidate.birthYear": "1950",
  nameNominative: `${c.givenNames} ${c.surname}`,
  nameGenitive: forms.genitive,
  nameDative: forms.dative,
  ...(confirm ? { confirmNameForms: "on" } : {}),
});

describe("the lexicon of confirmed name forms", () => {
  beforeAll(async () => {
    await signInAs(["KP09_SPECIALIST", "ADMIN"]);
  });

  test("a confirmed correction is kept and the next suggestion for the word uses it", async () => {
    const first = await newCandidate("Bolesław", "Wróbelek");
    expect(first).toMatchObject({ nameGenitive: "Bolesława Wróbelka", nameFormsSource: "rule" });
    const page = await callLoader<{ suggestion: { source: string; genitive: string } }>(editLoader, `/candidates/${first.id}/edit`, { id: first.id });
    expect(page.data!.suggestion).toMatchObject({ source: "rule", genitive: "Bolesława Wróbelka" });

    // The office writes this family's name keeping its -e-.
    const saved = await callAction(
      editCandidate,
      `/candidates/${first.id}/edit`,
      editFields(first, { genitive: "Bolesława Wróbeleka", dative: "Bolesławowi Wróbelekowi" }),
      { id: first.id },
    );
    expect(saved.status).toBe(302);
    const entry = await db().nameLexiconEntry.findFirstOrThrow({ where: { key: "wróbelek" } });
    expect(entry).toMatchObject({
      kind: "SURNAME",
      gender: "MASCULINE",
      genitive: "Wróbeleka",
      dative: "Wróbelekowi",
      origin: "CONFIRMED",
      candidateId: first.id,
    });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: first.id, action: "UPDATE" }, orderBy: { at: "desc" } });
    expect(JSON.parse(audit.after!).learnedWords).toEqual(["Wróbelek: Wróbeleka, Wróbelekowi"]);

    const second = await newCandidate("Jan", "Wróbelek");
    expect(second).toMatchObject({ nameGenitive: "Jana Wróbeleka", nameDative: "Janowi Wróbelekowi", nameFormsSource: "lexicon" });
  });

  test("saving forms without confirming teaches nothing, and marks them as a person's", async () => {
    const c = await newCandidate("Piotr", "Kotełek");
    await callAction(editCandidate, `/candidates/${c.id}/edit`, editFields(c, { genitive: "Piotra Kotełeka", dative: "Piotrowi Kotełekowi" }, false), {
      id: c.id,
    });
    expect(await db().nameLexiconEntry.count({ where: { key: "kotełek" } })).toBe(0);
    expect((await db().candidate.findUniqueOrThrow({ where: { id: c.id } })).nameFormsSource).toBe("person");
  });

  test("an administrator adds, changes, exports and deletes entries", async () => {
    const bad = await callAction<{ result: { error: Record<string, string[]> } }>(lexiconAction, "/admin/name-lexicon", {
      kind: "SURNAME",
      nominative: "Dwa słowa",
      genitive: "",
      dative: "x",
    });
    expect(bad.status).toBe(400);
    expect(bad.data!.result.error.nominative).toEqual(["Jedno słowo (bez spacji)."]);
    expect(bad.data!.result.error.genitive).toEqual(["Podaj dopełniacz."]);

    const added = await callAction(lexiconAction, "/admin/name-lexicon", {
      kind: "INSTITUTION_HEAD",
      nominative: "Cricotekarnia",
      gender: "FEMININE",
      genitive: "Cricotekarni",
      dative: "Cricotekarni",
    });
    expect(added.location).toBe("/admin/name-lexicon");
    const twice = await callAction(lexiconAction, "/admin/name-lexicon", {
      kind: "INSTITUTION_HEAD",
      nominative: "cricotekarnia",
      gender: "FEMININE",
      genitive: "a",
      dative: "b",
    });
    expect(twice.status).toBe(400);

    const list = await callLoader<{ entries: { id: string; nominative: string }[] }>(lexiconLoader, "/admin/name-lexicon?q=cricotekarnia");
    expect(list.data!.entries.map((e) => e.nominative)).toEqual(["Cricotekarnia"]);
    const id = list.data!.entries[0]!.id;
    const saved = await callAction(
      entryAction,
      `/admin/name-lexicon/${id}`,
      { kind: "INSTITUTION_HEAD", nominative: "Cricotekarnia", gender: "FEMININE", genitive: "Cricotekarni", dative: "Cricotekarni!", version: "1" },
      { id },
    );
    expect(saved.location).toBe("/admin/name-lexicon");
    expect((await db().nameLexiconEntry.findUniqueOrThrow({ where: { id } })).dative).toBe("Cricotekarni!");

    const text = (await callLoader<string>(lexiconCsv, "/admin/name-lexicon.csv")).data!;
    expect(text).toContain("rodzaj;mianownik;rodzaj_gramatyczny;dopelniacz;celownik");
    expect(text).toContain("INSTITUTION_HEAD;Cricotekarnia;FEMININE;Cricotekarni;Cricotekarni!");
    expect(text).toContain("SURNAME;Gołąb;MASCULINE;Gołębia;Gołębiowi"); // seeded

    await callAction(entryAction, `/admin/name-lexicon/${id}`, { intent: "delete" }, { id });
    expect(await db().nameLexiconEntry.count({ where: { id } })).toBe(0);
    const events = await db().auditEvent.findMany({ where: { entityType: "NameLexiconEntry", entityId: id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["CREATE", "UPDATE", "DELETE"]);
  });
});

describe("re-suggesting forms nobody confirmed", () => {
  const HEADER = REQUIRED_COLUMNS.join(";");
  const file = (...lines: string[]) => Buffer.from([HEADER, ...lines].join("\r\n"), "utf-8");

  test("the import suggests with the new rules and never overwrites a confirmed or typed form", async () => {
    // Four records already in the register, stored with the old suggestion („Pawelecowi”).
    const make = async (surname: string, extra: Record<string, unknown> = {}) => {
      const c = await newCandidate("Józef", surname);
      return db().candidate.update({
        where: { id: c.id },
        data: { nameGenitive: `Józefa ${surname}a`, nameDative: `Józefowi ${surname}owi`, nameFormsSource: null, ...extra },
      });
    };
    const plain = await make("Pawelec");
    const confirmed = await make("Szczygielec", { nameFormsConfirmedAt: new Date() });
    const typed = await make("Kowalec", { nameFormsSource: "person" });
    const audited = await make("Zawalec");
    await db().auditEvent.create({
      data: { action: "UPDATE", entityType: "Candidate", entityId: audited.id, after: JSON.stringify({ nameDative: "Józefowi Zawalecowi" }) },
    });

    const result = await applyImport(
      file(
        "HG;;;osoba;Józef;Pawelec;;M;;;;2015-05-05;;;",
        "HG;;;osoba;Józef;Szczygielec;;M;;;;2015-05-05;;;",
        "HG;;;osoba;Józef;Kowalec;;M;;;;2015-05-05;;;",
        "HG;;;osoba;Józef;Zawalec;;M;;;;2015-05-05;;;",
        "HG;;;osoba;Bartłomiej;Dudziniec;;M;;;;2015-05-05;;;",
      ),
      { userId: null },
    );
    expect(result.kind).toBe("applied");
    const get = (id: string) => db().candidate.findUniqueOrThrow({ where: { id } });
    expect(await get(plain.id)).toMatchObject({ nameGenitive: "Józefa Pawelca", nameDative: "Józefowi Pawelcowi", nameFormsSource: "rule" });
    expect((await get(confirmed.id)).nameGenitive).toBe("Józefa Szczygieleca");
    expect((await get(typed.id)).nameGenitive).toBe("Józefa Kowaleca");
    expect((await get(audited.id)).nameGenitive).toBe("Józefa Zawaleca");
    const created = await db().candidate.findFirstOrThrow({ where: { surname: "Dudziniec" } });
    expect(created).toMatchObject({ nameGenitive: "Bartłomieja Dudzińca", nameFormsSource: "rule", nameFormsConfirmedAt: null });

    // The one-off step for the whole register (npm run names:resuggest) finds nothing more to do.
    expect(await db().$transaction((tx) => resuggestNameForms(tx, "all"))).toBe(0);
  });
});

describe("two administrators correcting one entry", () => {
  beforeAll(async () => {
    await signInAs(["ADMIN"]);
  });

  test("the second save, made on the form as it was before the first, is refused and changes nothing", async () => {
    await callAction(lexiconAction, "/admin/name-lexicon", {
      kind: "SURNAME",
      nominative: "Wierzbiątek",
      gender: "MASCULINE",
      genitive: "Wierzbiątka",
      dative: "Wierzbiątkowi",
    });
    const entry = await db().nameLexiconEntry.findFirstOrThrow({ where: { key: "wierzbiątek" } });
    const fields = { kind: "SURNAME", nominative: "Wierzbiątek", gender: "MASCULINE", version: String(entry.version) };
    const first = await callAction(
      entryAction,
      `/admin/name-lexicon/${entry.id}`,
      { ...fields, genitive: "Wierzbiątka", dative: "Wierzbiątkowi!" },
      { id: entry.id },
    );
    expect(first.status).toBe(302);
    const second = await callAction<{ result: { error: Record<string, string[]> } }>(
      entryAction,
      `/admin/name-lexicon/${entry.id}`,
      { ...fields, genitive: "Wierzbiąteka", dative: "Wierzbiątekowi" },
      { id: entry.id },
    );
    expect(second.status).toBe(409);
    expect(second.data!.result.error[""]).toEqual([expect.stringMatching(/^Ktoś inny zmienił te dane w międzyczasie/)]);
    expect(await db().nameLexiconEntry.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({
      genitive: "Wierzbiątka",
      dative: "Wierzbiątkowi!",
      version: entry.version + 1,
    });
  });
});
