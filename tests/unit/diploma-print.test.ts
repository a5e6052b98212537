// The printing rules: printer offsets as typed in the form, their description, the order of a
// batch, the cover sheet's lines.
import QRCode from "qrcode";
import { describe, expect, test } from "vitest";
import { pdfRectOperators, qrCode, qrRects } from "#app/documents/qr";
import {
  batchCoverData,
  batchFileName,
  batchOrder,
  calibrationData,
  describeOffset,
  EditPrinterForm,
  formatMm,
  NewPrinterForm,
  printerLogText,
} from "#app/domain/diploma-print";

describe("printer offsets", () => {
  const parse = (x: string, y = "0") => NewPrinterForm.safeParse({ name: "Pokój 12", offsetXMm: x, offsetYMm: y });

  test("accept millimetres with a comma or a dot, signed, one decimal at most", () => {
    expect(parse("1,5").data?.offsetXMm).toBe(1.5);
    expect(parse("-2").data?.offsetXMm).toBe(-2);
    expect(parse("+0.5").data?.offsetXMm).toBe(0.5);
    expect(parse("−3").data?.offsetXMm).toBe(-3);
    expect(parse(" 30 ").data?.offsetXMm).toBe(30);
  });

  test("refuse text, two decimals, units and more than 30 mm", () => {
    for (const bad of ["abc", "1,25", "2 mm", "", "30,1", "-31", "1e1"]) expect(parse(bad).success, bad).toBe(false);
    expect(EditPrinterForm.safeParse({ name: "A", offsetXMm: "0", offsetYMm: "0" }).success).toBe(false);
    expect(EditPrinterForm.safeParse({ name: "A", offsetXMm: "0", offsetYMm: "0", version: "2" }).data?.version).toBe(2);
  });

  test("are described in words for the log and the lists", () => {
    expect(describeOffset(1.5, -2)).toBe("w prawo 1,5 mm, w górę 2 mm");
    expect(describeOffset(-0.5, 3)).toBe("w lewo 0,5 mm, w dół 3 mm");
    expect(describeOffset(0, 0)).toBe("bez przesunięcia");
    expect(formatMm(-2)).toBe("−2");
    expect(printerLogText({ name: "HP", offsetXMm: 0, offsetYMm: 1 })).toBe("HP (w dół 1 mm)");
    expect(printerLogText(null)).toBe("");
  });
});

describe("batch order", () => {
  test("a ceremony's positions decide; conferrals not on its list go last, in the order given; duplicates dropped", () => {
    const positions = new Map([
      ["c", 1],
      ["a", 4],
      ["b", 2],
    ]);
    expect(batchOrder(["a", "x", "b", "c", "a"], positions)).toEqual([
      { conferralId: "c", position: 1 },
      { conferralId: "b", position: 2 },
      { conferralId: "a", position: 3 },
      { conferralId: "x", position: 4 },
    ]);
  });

  test("without a ceremony, the order given", () => {
    expect(batchOrder(["b", "a"], null).map((e) => e.conferralId)).toEqual(["b", "a"]);
  });
});

describe("cover sheet", () => {
  const entry = (position: number) => ({
    position,
    name: `Laureat ${position}`,
    honourLine: "Srebrny Medal „Cracoviae Merenti”",
    number: position === 2 ? null : 10 + position,
  });
  test("names the ceremony, counts the diplomas in Polish, lists each with its number or a dash", () => {
    const data = batchCoverData({
      ceremony: { title: "Gala", date: "2026-06-05" },
      entries: [1, 2, 3].map(entry),
      mode: "PREPRINTED",
      printer: "HP (w dół 1 mm)",
      printedBy: "Anna",
      printedAt: "5.06.2026 10:00",
    });
    expect(data.title).toBe("Gala, 5 czerwca 2026\u00a0r.");
    expect(data.countLine).toBe("3\u00a0dyplomy w kolejności wręczania");
    expect(data.entries.map((e) => e.number)).toEqual(["11", "—", "13"]);
    expect(data.modeLine).toBe("Tryb wydruku: sam tekst na gotowym blankiecie; drukarka: HP (w dół 1 mm).");
    const count = (n: number) =>
      batchCoverData({ ceremony: null, entries: Array.from({ length: n }, (_, i) => entry(i + 1)), mode: "FULL", printer: "", printedBy: "", printedAt: "" })
        .countLine;
    expect([1, 5, 12, 22, 300].map((n) => count(n).split(" w ")[0])).toEqual([
      "1\u00a0dyplom",
      "5\u00a0dyplomów",
      "12\u00a0dyplomów",
      "22\u00a0dyplomy",
      "300\u00a0dyplomów",
    ]);
  });

  test("file names and the calibration page's words", () => {
    expect(batchFileName("2026-06-05-Gala „Złota”", 12)).toBe("dyplomy-2026-06-05-Gala-Złota-12.pdf");
    expect(calibrationData(null, "portrait")).toMatchObject({ printer: "bez przesunięcia", orientationLabel: "pionowo" });
    expect(calibrationData({ name: "HP", offsetXMm: 2, offsetYMm: 0 }, "landscape")).toMatchObject({ printer: "drukarka HP", offset: "w prawo 2 mm" });
  });
});

describe("QR code runs", () => {
  test("the fixed encoding carries the address: byte mode, level M, mask 2, the version the address needs", () => {
    const url = "https://merenti.krakow.pl/rejestr/k7qx2mhd9p";
    const code = qrCode(url);
    expect(code.maskPattern).toBe(2);
    expect(code.segments.map((s) => [s.mode.id, s.data])).toEqual([["Byte", new TextEncoder().encode(url)]]);
    // Fixing the mask and the segment does not make the code bigger than the searched encoding.
    expect(code.version).toBe(QRCode.create(url, { errorCorrectionLevel: "M" }).version);
  });

  test("rectangles cover exactly the dark modules of the code, without overlaps, merging repeated runs downwards", () => {
    for (const url of ["https://merenti.krakow.pl/rejestr/k7qx2mhd9p", "https://rejestr.example/r/0000000000", "http://localhost:5173/rejestr/zzzzzzzzzz"]) {
      const { modules } = QRCode.create([{ data: new TextEncoder().encode(url), mode: "byte" }], { errorCorrectionLevel: "M", maskPattern: 2 });
      const { size, rects } = qrRects(url);
      expect(size).toBe(modules.size);
      const drawn = new Set<string>();
      let runs = 0;
      for (const r of rects) {
        expect(r.w).toBeGreaterThan(0);
        expect(r.h).toBeGreaterThan(0);
        for (let y = r.y; y < r.y + r.h; y++)
          for (let x = r.x; x < r.x + r.w; x++) {
            expect(drawn.has(`${y},${x}`)).toBe(false);
            drawn.add(`${y},${x}`);
          }
      }
      for (let y = 0; y < size; y++)
        for (let x = 0; x < size; x++) {
          expect(drawn.has(`${y},${x}`)).toBe(Boolean(modules.get(y, x)));
          if (modules.get(y, x) && !(x > 0 && modules.get(y, x - 1))) runs++;
        }
      // The finder patterns alone repeat runs down several rows.
      expect(rects.length).toBeLessThan(runs);
    }
  });
});

describe("QR rectangles as PDF operators", () => {
  test("one line per rectangle, its numbers in modules, 1 to 3 digits", () => {
    const ops = new TextDecoder().decode(
      pdfRectOperators([
        { x: 0, y: 7, w: 12, h: 1 },
        { x: 176, y: 100, w: 1, h: 99 },
      ]),
    );
    expect(ops).toBe("0 7 12 1 re\n176 100 1 99 re\n");
    const { rects } = qrRects("https://merenti.krakow.pl/rejestr/k7qx2mhd9p");
    expect(new TextDecoder().decode(pdfRectOperators(rects))).toBe(rects.map((r) => `${r.x} ${r.y} ${r.w} ${r.h} re\n`).join(""));
  });
});
