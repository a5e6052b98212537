// Issue 16, item 9: with the public address left local (PUBLIC_BASE_URL's default), a real
// diploma, batch or calendar link is refused with a message naming the variable; demo data prints.
// This file's process sees a local address (the other integration files get a public one).
process.env.PUBLIC_BASE_URL = "http://localhost:3000";

import { beforeAll, describe, expect, test } from "vitest";
import { loader as pageLoader, action as pageAction } from "#app/routes/conferrals.$id.diploma";
import { action as printAction } from "#app/routes/conferrals.$id.diploma.print";
import { loader as icsLoader } from "#app/routes/ceremonies.$id.calendar[.ics]";
import { checkBatch } from "#app/models/diploma-batch.server";
import { newPublicId } from "#app/models/conferral.server";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, postRequest, signInAs, toastOfHeaders } from "./helpers";

type Page = { diploma: { id: string; sourceHash: string } | null; missing: unknown[]; publicAddressProblem: string | null; refusal: string | null };

let cookie = "";
beforeAll(async () => {
  cookie = (await signInAs("KP09_SPECIALIST")).cookie;
  if (!(await db().signatory.count({ where: { office: "MAYOR", validTo: null } }))) {
    await db().signatory.create({ data: { office: "MAYOR", fullName: "Jan Testowy", titleLine: "Prezydent Miasta Krakowa", validFrom: "2024-05-07" } });
  }
});

async function badge(isDemo: boolean) {
  const candidate = await db().candidate.create({
    data: {
      kind: "PERSON",
      givenNames: "Anna",
      surname: "Adresowa",
      grammaticalGender: "FEMININE",
      nameNominative: "Anna Adresowa",
      nameGenitive: "Anny Adresowej",
      nameDative: "Annie Adresowej",
      nameFormsConfirmedAt: new Date(),
      displayName: "Adresowa Anna",
      sortName: "adresowa anna",
      foldedName: "anna adresowa",
      isDemo,
    },
  });
  const ordinance = await db().ordinance.create({ data: { number: `${Math.floor(Math.random() * 1e6)}/2026`, issuedOn: "2026-02-02", kind: "HG_DECISION" } });
  const c = await db().conferral.create({
    data: {
      publicId: newPublicId(),
      candidateId: candidate.id,
      honour: "HONORIS_GRATIA",
      numberSeries: "HG",
      number: 700000 + Math.floor(Math.random() * 1e5),
      ordinanceId: ordinance.id,
      conferredOn: "2026-02-02",
      handedOverOn: "2026-06-05",
      isDemo,
    },
  });
  const page = (await callLoader<Page>(pageLoader, `/conferrals/${c.id}/diploma`, { id: c.id })).data!;
  await callAction(pageAction, `/conferrals/${c.id}/diploma`, { intent: "confirm", diplomaId: page.diploma!.id, hash: page.diploma!.sourceHash }, { id: c.id });
  return { id: c.id, diplomaId: page.diploma!.id };
}

const print = (c: { id: string; diplomaId: string }) =>
  printAction({
    request: postRequest(`/conferrals/${c.id}/diploma/print`, { diplomaId: c.diplomaId }),
    params: { id: c.id },
    context: {},
  }) as Promise<Response>;

describe("a local public address", () => {
  test("a real diploma is not printed: the page and the refusal say to set PUBLIC_BASE_URL; nothing is logged", async () => {
    const c = await badge(false);
    const page = (await callLoader<Page>(pageLoader, `/conferrals/${c.id}/diploma`, { id: c.id })).data!;
    expect(page.publicAddressProblem).toMatch(/PUBLIC_BASE_URL to „http:\/\/localhost:3000”.*ustawić zmienną środowiskową PUBLIC_BASE_URL/);
    const res = await print(c);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/conferrals/${c.id}/diploma`);
    expect((await toastOfHeaders(res.headers))!.title).toMatch(/PUBLIC_BASE_URL/);
    expect(await db().diplomaPrint.count({ where: { diplomaId: c.diplomaId } })).toBe(0);
    const batch = await checkBatch([c.id], { reprintReason: null });
    expect(batch.problems[0]!.problems.join(" ")).toMatch(/PUBLIC_BASE_URL/);
  });

  test("demo data still prints", async () => {
    const res = await print(await badge(true));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
  });

  test("a real ceremony's calendar file is refused with the same message", async () => {
    const ceremony = await db().ceremony.create({
      data: { kind: "GALA", title: "Gala (test adresu)", date: "2026-06-05", startTime: "18:00", endTime: "20:00" },
    });
    const get = () =>
      icsLoader({
        request: new Request(`http://localhost/ceremonies/${ceremony.id}/calendar.ics`, { headers: { Cookie: cookie } }),
        params: { id: ceremony.id },
        context: {},
      });
    const refused = await get().then(
      () => null,
      (e: unknown) => e as Response,
    );
    expect(refused?.status).toBe(409);
    expect(await refused!.text()).toMatch(/PUBLIC_BASE_URL/);
  });
});
