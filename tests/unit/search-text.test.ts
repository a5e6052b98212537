import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeLike, foldText } from "#app/domain/search-text";

describe("foldText", () => {
  it.each([
    ["Żółkiewski", "zolkiewski"],
    ["ŻÓŁKIEWSKI", "zolkiewski"],
    ["Rajčić", "rajcic"],
    ["Łódź", "lodz"],
    ["Søren Ølgaard", "soren olgaard"],
    ["Straße", "strasse"],
    ["ß", "ss"],
    ["ẞ", "ss"], // capital sharp s lower-cases to ß first
    ["Æsir Œuvre", "aesir oeuvre"],
    ["Þórr", "thorr"],
    ["Đorđević", "dordevic"],
    ["Ðóra", "dora"],
    ["Hałas Ħal", "halas hal"],
    ["Ğülşen Çelik", "gulsen celik"],
    ["Ángel Núñez", "angel nunez"],
    ["Kraków", "krakow"],
    ["Cracoviae Merenti", "cracoviae merenti"],
    ["zolkiewski", "zolkiewski"],
    ["Jan-Paweł O'Brien", "jan-pawel o'brien"],
    ["123 ABC", "123 abc"],
    ["", ""],
  ])("folds %j to %j", (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it("folds precomposed and decomposed spellings alike", () => {
    const precomposed = "\u017b\u00f3\u0142kiewski"; // Ż ó ł as single code points
    const decomposed = "Z\u0307o\u0301\u0142kiewski"; // Z + dot above, o + acute
    expect(precomposed).not.toBe(decomposed);
    expect(foldText(precomposed)).toBe("zolkiewski");
    expect(foldText(decomposed)).toBe("zolkiewski");
  });

  it.each([
    ["  Jan   Kowalski  ", "jan kowalski"],
    ["Jan\tKowalski", "jan kowalski"],
    ["Jan\n\r\nKowalski", "jan kowalski"],
    ["Jan\u00a0Kowalski", "jan kowalski"], // non-breaking space
    ["\u2003Jan \u3000 Kowalski\u2009", "jan kowalski"],
    ["   ", ""],
  ])("collapses and trims whitespace in %j", (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it("is idempotent on arbitrary text (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const once = foldText(s);
        expect(foldText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it("is idempotent on text made of Polish and other European letters (fast-check)", () => {
    const letters = [..."aąbcćdeęfghijklłmnńoóprsśtuwyzźżAĄBCĆDEĘFGHIJKLŁMNŃOÓPRSŚTUWYZŹŻčšžøØßẞæÆœŒþÞđĐðğşıİ  \t\n"];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...letters), maxLength: 40 }), (s) => {
        const once = foldText(s);
        expect(foldText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it("produces no upper-case letters, no combining marks and no leading, trailing or doubled whitespace (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const folded = foldText(s);
        expect(folded).toBe(folded.toLowerCase());
        expect(folded).not.toMatch(/\p{M}/u);
        expect(folded).toBe(folded.trim());
        expect(folded).not.toMatch(/\s\s/);
        expect(folded).not.toMatch(/[^\S ]/); // the only whitespace left is a plain space
      }),
      { numRuns: 2000 },
    );
  });

  it("is idempotent for every single code point", () => {
    const failures: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // lone surrogates are not text
      const s = `A${String.fromCodePoint(cp)}b`;
      const once = foldText(s);
      if (foldText(once) !== once) failures.push(cp.toString(16));
    }
    expect(failures).toEqual([]);
  });
});

describe("escapeLike", () => {
  it.each([
    ["zolkiewski", "zolkiewski"],
    ["100%", "100\\%"],
    ["a_b", "a\\_b"],
    ["C:\\dir", "C:\\\\dir"],
    ["%_\\", "\\%\\_\\\\"],
    ["%%", "\\%\\%"],
    ["", ""],
    ["Łódź [a-z] *?", "Łódź [a-z] *?"], // only LIKE's own wildcards and the escape character
  ])("escapes %j as %j", (input, expected) => {
    expect(escapeLike(input)).toBe(expected);
  });

  it("leaves no unescaped wildcard behind (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "%", "_", "\\", "ż") }), (s) => {
        const escaped = escapeLike(s);
        // Reading the escaped text as LIKE would (backslash escapes the next character) gives back s.
        let unescaped = "";
        for (let i = 0; i < escaped.length; i++) {
          const ch = escaped[i]!;
          if (ch === "\\") {
            const next = escaped[i + 1];
            expect(next === "\\" || next === "%" || next === "_").toBe(true);
            unescaped += next;
            i++;
          } else {
            expect(ch === "%" || ch === "_").toBe(false);
            unescaped += ch;
          }
        }
        expect(unescaped).toBe(s);
      }),
    );
  });
});
