// Every action of issue 19 item 2 confirms itself with a toast in the session (not the URL), with
// a link back to where the user came from; „fill it in here” links return to the task (item 3).
import { beforeAll, describe, expect, test } from "vitest";
import { action as editCandidate, loader as candidateLoader } from "#app/routes/candidates.$id.edit";
import { action as createAction } from "#app/routes/nominations.new";
import { action as stepAction, loader as stepLoader } from "#app/routes/nominations.$id.step.$to";
import { loader as rootLoader } from "#app/root";
import { createToastHeaders } from "#app/utils/toast.server";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, personNomination, signInAs } from "./helpers";

async function newNomination(surname: string) {
  const answer = await callAction(createAction, "/nominations/new", personNomination({ "candidate.surname": surname }));
  expect(answer.status).toBe(302);
  return db().nomination.findUniqueOrThrow({ where: { id: answer.location!.split("/").pop()! } });
}

beforeAll(async () => {
  await signInAs(["KP09_SPECIALIST", "KP04_CLERK"]);
});

describe("toasts", () => {
  test("a new nomination: the toast says so and links back to the list (or to where the form was opened from)", async () => {
    const plain = await callAction(createAction, "/nominations/new", personNomination({ "candidate.surname": "Tostowy" }));
    expect(plain.location).toMatch(/^\/nominations\/[^/?]+$/);
    expect(plain.toast).toMatchObject({
      type: "success",
      title: "Zarejestrowano nowy wniosek.",
      link: { href: "/nominations", label: "Wróć do listy wniosków" },
    });
    const fromBoard = await callAction(
      createAction,
      `/nominations/new?returnTo=${encodeURIComponent("/board/CRACOVIAE_MERENTI")}`,
      personNomination({ "candidate.surname": "Tablicowy" }),
    );
    expect(fromBoard.toast!.link).toEqual({ href: "/board/CRACOVIAE_MERENTI", label: "Wróć do tablicy" });
  });

  test("a workflow step: the toast names the step and the new status; from the board it links back to the board", async () => {
    const n = await newNomination("Krokowy");
    const answer = await callAction(
      stepAction,
      `/nominations/${n.id}/step/FORMALLY_COMPLETE?returnTo=%2Fboard%2FCRACOVIAE_MERENTI`,
      { version: String(n.version) },
      { id: n.id, to: "FORMALLY_COMPLETE" },
    );
    expect(answer.location).toBe(`/nominations/${n.id}`);
    expect(answer.toast).toMatchObject({
      title: "Zapisano krok „Potwierdź kompletność formalną”.",
      description: expect.stringContaining("wniosek ma teraz stan „kompletny formalnie”") as unknown,
      link: { href: "/board/CRACOVIAE_MERENTI", label: "Wróć do tablicy" },
    });
    // A refused step sets no toast.
    const stale = await callAction(
      stepAction,
      `/nominations/${n.id}/step/OPINION_POSITIVE`,
      { version: String(n.version), eventDate: "2026-01-01", opinionClass: "SILVER" },
      { id: n.id, to: "OPINION_POSITIVE" },
    );
    expect(stale.status).toBe(409);
    expect(stale.toast).toBeNull();
  });

  test("an off-site returnTo is ignored: the cancel link and the toast's link stay on this site", async () => {
    const n = await newNomination("Bezpieczny");
    const evil = encodeURIComponent("//evil.example/phish");
    const page = await callLoader<{ returnTo: string }>(stepLoader, `/nominations/${n.id}/step/FORMALLY_COMPLETE?returnTo=${evil}`, {
      id: n.id,
      to: "FORMALLY_COMPLETE",
    });
    expect(page.data!.returnTo).toBe(`/nominations/${n.id}`);
    const answer = await callAction(
      stepAction,
      `/nominations/${n.id}/step/FORMALLY_COMPLETE?returnTo=${evil}`,
      { version: String(n.version) },
      { id: n.id, to: "FORMALLY_COMPLETE" },
    );
    expect(answer.toast!.link!.href).toBe("/board/CRACOVIAE_MERENTI");
  });

  test("root's loader shows the toast once and clears it", async () => {
    const headers = await createToastHeaders({ title: "Zapisano." });
    const cookie = headers.get("Set-Cookie")!.split(";")[0]!;
    const first = (await rootLoader({ request: new Request("http://localhost/", { headers: { Cookie: cookie } }), params: {}, context: {} })) as unknown as {
      data: { toast: { title: string } | null };
      init: { headers: Headers } | null;
    };
    expect(first.data.toast?.title).toBe("Zapisano.");
    expect(new Headers(first.init!.headers).get("Set-Cookie")).toMatch(/__merenti_toast=;.*Expires=Thu, 01 Jan 1970/);
    // A forged cookie (no valid signature) carries nothing.
    const forged = (await rootLoader({
      request: new Request("http://localhost/", { headers: { Cookie: "__merenti_toast=eyJ0b2FzdCI6eyJ0aXRsZSI6IngifX0%3D" } }),
      params: {},
      context: {},
    })) as unknown as { data: { toast: unknown } };
    expect(forged.data.toast).toBeNull();
  });
});

describe("returnTo from a „fill it in here” link", () => {
  test("confirming name forms from a draft's missing-data list returns to the draft page", async () => {
    const n = await newNomination("Powrotny");
    const draftsPage = `/nominations/${n.id}/drafts`;
    const loaded = await callLoader<{ returnTo: string }>(candidateLoader, `/candidates/${n.candidateId}/edit?returnTo=${encodeURIComponent(draftsPage)}`, {
      id: n.candidateId,
    });
    expect(loaded.data!.returnTo).toBe(draftsPage);
    const saved = await callAction(
      editCandidate,
      `/candidates/${n.candidateId}/edit?returnTo=${encodeURIComponent(draftsPage)}`,
      {
        version: "1",
        "candidate.candidateKind": "PERSON",
        "candidate.givenNames": "Bolesław",
        "candidate.surname": "Powrotny",
        "candidate.grammaticalGender": "MASCULINE",
        nameNominative: "Bolesław Powrotny",
        nameGenitive: "Bolesława Powrotnego",
        nameDative: "Bolesławowi Powrotnemu",
        confirmNameForms: "on",
      },
      { id: n.candidateId },
    );
    expect(saved.location).toBe(draftsPage);
    expect(saved.toast).toMatchObject({ title: "Zapisano dane kandydata.", link: { href: `/candidates/${n.candidateId}` } });
    expect((await db().candidate.findUniqueOrThrow({ where: { id: n.candidateId } })).nameFormsConfirmedAt).not.toBeNull();
  });

  test("without returnTo (or with an off-site one) the save returns to the candidate", async () => {
    const n = await newNomination("Domowy");
    const saved = await callAction(
      editCandidate,
      `/candidates/${n.candidateId}/edit?returnTo=https%3A%2F%2Fevil.example`,
      {
        version: "1",
        "candidate.candidateKind": "PERSON",
        "candidate.givenNames": "Jan",
        "candidate.surname": "Domowy",
        "candidate.grammaticalGender": "MASCULINE",
      },
      { id: n.candidateId },
    );
    expect(saved.location).toBe(`/candidates/${n.candidateId}`);
    expect(saved.toast!.link).toBeUndefined();
  });
});
