import { describe, expect, test } from "vitest";
import {
  diplomaSourceHash,
  diplomaTemplateData,
  isVerificationCode,
  missingForDiploma,
  newVerificationCode,
  publicRegistryUrl,
  reprintReasonText,
  VERIFICATION_ALPHABET,
  VERIFICATION_CODE_LENGTH,
  type DiplomaInputs,
} from "#app/domain/diploma";

const base: DiplomaInputs = {
  conferralId: "c1",
  nominationId: "n1",
  honour: "CRACOVIAE_MERENTI",
  medalClass: "SILVER",
  number: 12,
  candidate: {
    id: "k1",
    kind: "PERSON",
    gender: "MASCULINE",
    nameNominative: "Bolesław Rajčić",
    nameDative: "Bolesławowi Rajčiciowi",
    nameFormsConfirmed: true,
  },
  act: { kind: "RESOLUTION", number: "XLI/1001/26", date: "2026-03-11" },
  date: "2026-06-05",
  mayor: { fullName: "Jan Testowy", titleLine: "Prezydent Miasta Krakowa" },
  councilChair: { fullName: "Anna Przewodnicząca", titleLine: "Przewodnicząca Rady Miasta Krakowa" },
};

describe("sourceHash", () => {
  test("stable for the same data, different when a name form, class, number, act, date or signatory changes", () => {
    const h = diplomaSourceHash(base);
    expect(diplomaSourceHash(structuredClone(base))).toBe(h);
    const variants: DiplomaInputs[] = [
      { ...base, candidate: { ...base.candidate, nameDative: "Bolesławowi Rajčićowi" } },
      { ...base, candidate: { ...base.candidate, gender: "FEMININE" } },
      { ...base, medalClass: "GOLD" },
      { ...base, number: 13 },
      { ...base, act: { kind: "RESOLUTION", number: "XLI/1002/26", date: "2026-03-11" } },
      { ...base, date: "2026-06-06" },
      { ...base, mayor: { fullName: "Inny Prezydent", titleLine: "Prezydent Miasta Krakowa" } },
      { ...base, councilChair: null },
    ];
    for (const v of variants) expect(diplomaSourceHash(v)).not.toBe(h);
  });

  test("Honoris Gratia ignores the Council Chair, who does not sign it", () => {
    const hg: DiplomaInputs = { ...base, honour: "HONORIS_GRATIA", medalClass: null };
    expect(diplomaSourceHash({ ...hg, councilChair: null })).toBe(diplomaSourceHash(hg));
  });
});

describe("verification code", () => {
  test("8 characters from an alphabet without 0, O, 1, I, L", () => {
    expect(VERIFICATION_CODE_LENGTH).toBe(8);
    expect(VERIFICATION_ALPHABET).not.toMatch(/[0O1IL]/);
    const codes = new Set(Array.from({ length: 500 }, () => newVerificationCode()));
    expect(codes.size).toBe(500);
    for (const c of codes) expect(isVerificationCode(c)).toBe(true);
  });

  test("bytes beyond the last full alphabet cycle are skipped (no bias)", () => {
    const bytes = [255, 254, 253, 252, 251, 250, 249, 248, 0, 1, 2, 3, 4, 5, 6, 7];
    expect(newVerificationCode(() => Uint8Array.from(bytes))).toBe(VERIFICATION_ALPHABET.slice(0, 8));
  });

  test("the public address is made in one place", () => {
    expect(publicRegistryUrl("https://merenti.krakow.pl/", "abc123")).toBe("https://merenti.krakow.pl/rejestr/abc123");
  });
});

describe("missing data", () => {
  test("nothing missing for complete data", () => {
    expect(missingForDiploma(base)).toEqual([]);
  });

  test("not conferred, unconfirmed name forms and no signatories, each with a link", () => {
    const missing = missingForDiploma({ ...base, act: null, candidate: { ...base.candidate, nameFormsConfirmed: false }, mayor: null, councilChair: null });
    expect(missing).toEqual([
      { message: "Wyróżnienie nie zostało jeszcze nadane: brak uchwały Rady Miasta Krakowa.", href: "/nominations/n1" },
      { message: "Formy nazwy laureata (dopełniacz, celownik) nie są potwierdzone.", href: "/candidates/k1/edit" },
      {
        message: "Brak Przewodniczącego Rady Miasta Krakowa (sygnatariusza) na dzień dyplomu (5 czerwca 2026\u00a0r.).",
        href: "/admin/settings#signatory-COUNCIL_CHAIR",
      },
      { message: "Brak Prezydenta Miasta Krakowa (sygnatariusza) na dzień dyplomu (5 czerwca 2026\u00a0r.).", href: "/admin/settings#signatory-MAYOR" },
    ]);
  });

  test("without a hand-over date or a planned ceremony the diploma asks for its date (issue 16, item 7)", () => {
    const missing = missingForDiploma({ ...base, date: null, mayor: null, councilChair: null });
    expect(missing.map((m) => m.message)).toEqual([
      "Brak daty dyplomu: dyplom nosi datę wręczenia. Zaplanuj wręczenie na uroczystości albo zapisz datę wręczenia.",
    ]);
  });

  test("a woman is „laureatka”; a person without a grammatical gender is not called either", () => {
    const woman = { ...base.candidate, gender: "FEMININE" as const, nameFormsConfirmed: false };
    expect(missingForDiploma({ ...base, candidate: woman }).map((m) => m.message)).toEqual([
      "Formy nazwy laureatki (dopełniacz, celownik) nie są potwierdzone.",
    ]);
    expect(missingForDiploma({ ...base, candidate: { ...woman, nameDative: "" } }).map((m) => m.message)).toEqual(["Brak formy nazwy laureatki w celowniku."]);
    expect(missingForDiploma({ ...base, candidate: { ...base.candidate, gender: null, nameDative: "" } }).map((m) => m.message)).toEqual([
      "Brak formy nazwy laureata w celowniku.",
      "Brak rodzaju gramatycznego (Pan / Pani).",
    ]);
  });

  test("Honoris Gratia needs only the Mayor", () => {
    expect(
      missingForDiploma({
        ...base,
        honour: "HONORIS_GRATIA",
        medalClass: null,
        act: { kind: "ORDINANCE", number: "12/2026", date: "2026-02-01" },
        councilChair: null,
      }),
    ).toEqual([]);
  });
});

describe("template data", () => {
  const code = { verificationCode: "ABCDEFGH", publicUrl: "http://x/rejestr/p" };
  test("a man: Panu, Jego, the medal with class and number, the resolution, both signatories", () => {
    const d = diplomaTemplateData(base, code);
    expect(d.honoree.dativeFull).toBe("Panu Bolesławowi Rajčiciowi");
    expect(d.honourLine).toBe("Srebrny Medal „Cracoviae Merenti” nr 12");
    expect(d.actLine).toBe("uchwałą nr XLI/1001/26 z dnia 11 marca 2026\u00a0r.");
    expect(d.dedication).toBe("w dowód uznania Jego szczególnych zasług dla Stołecznego Królewskiego Miasta Krakowa");
    expect(d.placeAndDate).toBe("Kraków, 5 czerwca 2026\u00a0r.");
    expect(d.signatories.map((s) => s.fullName)).toEqual(["Anna Przewodnicząca", "Jan Testowy"]);
  });
  test("a woman's Honorary Citizenship; an organisation without Pan/Pani and possessive", () => {
    const woman = diplomaTemplateData(
      {
        ...base,
        honour: "HONORARY_CITIZENSHIP",
        medalClass: null,
        number: null,
        candidate: { ...base.candidate, gender: "FEMININE", nameDative: "Łucji Rajčić" },
      },
      code,
    );
    expect(woman.citizenTitle).toBe("Honorowa Obywatelka Stołecznego Królewskiego Miasta Krakowa");
    expect(woman.honoree.dativeFull).toBe("Pani Łucji Rajčić");
    expect(woman.dedication).toContain("uznania Jej szczególnych");
    const org = diplomaTemplateData(
      { ...base, candidate: { ...base.candidate, kind: "ORGANIZATION", gender: null, nameDative: "Okręgowej Izbie Lekarskiej" } },
      code,
    );
    expect(org.honoree.dativeFull).toBe("Okręgowej Izbie Lekarskiej");
    expect(org.dedication).toBe("w dowód uznania szczególnych zasług dla Stołecznego Królewskiego Miasta Krakowa");
  });
  test("reprint reasons", () => {
    expect(reprintReasonText("LOST", "")).toBe("LOST");
    expect(reprintReasonText("OTHER", "  zalany kawą ")).toBe("zalany kawą");
    expect(reprintReasonText("BOGUS", "")).toBe("");
    expect(reprintReasonText(undefined, "x")).toBe("");
  });
});
