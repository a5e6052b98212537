// Roman numerals, as the Council writes session and term numbers (1..3999).

const TABLE: Array<[number, string]> = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) {
    throw new RangeError(`Liczby ${n} nie można zapisać cyframi rzymskimi (zakres 1–3999).`);
  }
  let rest = n;
  let out = "";
  for (const [value, symbol] of TABLE) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

const CANONICAL = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** Parses a canonical Roman numeral; returns null for anything else ("IIII", "IC", ""). */
export function fromRoman(text: string): number | null {
  const s = text.trim().toUpperCase();
  if (s === "" || !CANONICAL.test(s)) return null;
  let total = 0;
  let i = 0;
  for (const [value, symbol] of TABLE) {
    while (s.startsWith(symbol, i)) {
      total += value;
      i += symbol.length;
    }
  }
  return total;
}
