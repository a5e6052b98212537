// Genitive and dative of people's names, word by word, after the Rada Języka Polskiego's advice on
// declining surnames: nouns in -a (and Polish surnames in -o) decline like feminine nouns with the
// consonant alternations of the dative; adjectival surnames like adjectives; masculine names ending
// in a consonant take -a/-owi, losing a mobile -e- (Dudek → Dudka, Pawelec → Pawelca); women's
// surnames ending in a consonant or -o do not decline. Pure: the lexicon comes in as an argument.
import { inCaseOf, type LexiconGender, type LexiconKind, type NameLexicon } from "./name-lexicon";

/** Where a suggested form comes from: a rule of grammar, a confirmed lexicon entry or a guess. */
export type FormsSource = "rule" | "lexicon" | "guess" | "unknown";

export type WordForms = {
  nominative: string;
  genitive: string;
  dative: string;
  source: FormsSource;
  /** Other forms Polish accepts (Dudeka beside Dudka); the first form is the one offices use. */
  alternative?: { genitive: string; dative: string };
  note?: string;
};

type Forms = { genitive: string; dative: string };
type Role = "given" | "surname";
export type PersonGender = "MASCULINE" | "FEMININE";

const VOWEL = "aąeęioóuyáàâäãåæéèêëíìîïòôöõøœúùûüýÿ";
const isVowel = (ch: string | undefined) => !!ch && VOWEL.includes(ch.toLocaleLowerCase("pl"));
const hasVowel = (s: string) => [...s].some(isVowel);
const cut = (word: string, n: number, ending: string) => word.slice(0, word.length - n) + ending;
const same = (form: string): Forms => ({ genitive: form, dative: form });

// ------------------------------------------------------------------ nouns in -a

/** Diminutives whose -nia is a soft ń (Ania → Ani), unlike learned names (Stefania → Stefanii). */
const SOFT_NIA = new Set([
  "ania",
  "hania",
  "sonia",
  "tonia",
  "bronia",
  "frania",
  "mania",
  "tania",
  "lonia",
  "dania",
  "kania",
  "zenia",
  "genia",
  "kinia",
  "ninia",
]);

/** The dative of a noun in -a after a hard consonant: the alternations of Polish. */
const HARD_DATIVE: [RegExp, number, string][] = [
  [/sta$/, 3, "ście"],
  [/zda$/, 3, "ździe"],
  [/sna$/, 3, "śnie"],
  [/zna$/, 3, "źnie"],
  [/sła$/, 3, "śle"],
  [/zła$/, 3, "źle"],
  [/ła$/, 2, "le"],
  [/ra$/, 2, "rze"],
  [/ta$/, 2, "cie"],
  [/da$/, 2, "dzie"],
  [/ka$/, 2, "ce"],
  [/ga$/, 2, "dze"],
  [/cha$/, 3, "sze"],
  [/ha$/, 2, "sze"],
];

/**
 * A noun ending in -a, as feminine names and nouns decline (also men's surnames in -a: Zaręba,
 * Wojtyła): Jadwiga → Jadwigi, Jadwidze; Maria → Marii; Zoja → Zoi; Ola → Oli; Wiesza → Wieszy.
 */
export function aNounForms(word: string): Forms {
  const low = word.toLocaleLowerCase("pl");
  if (new RegExp(`[${VOWEL}]ja$`).test(low)) return same(cut(word, 2, "i")); // Zoja → Zoi, Maja → Mai
  if (/ja$/.test(low)) return same(cut(word, 1, "i")); // Łucja → Łucji
  if (/(si|zi|ci|dzi)a$/.test(low)) return same(cut(word, 1, "")); // Kasia → Kasi
  if (/nia$/.test(low)) {
    if (!isVowel(low.at(-4)) || SOFT_NIA.has(low)) return same(cut(word, 1, "")); // Spółdzielnia → Spółdzielni
    return same(cut(word, 1, "i")); // Filharmonia → Filharmonii
  }
  if (/ia$/.test(low) || /[eo]a$/.test(low)) return same(cut(word, 1, "i")); // Julia → Julii
  if (/la$/.test(low)) return same(cut(word, 1, "i")); // Urszula → Urszuli
  if (/(c|cz|sz|rz|ż|dz|dż)a$/.test(low)) return same(cut(word, 1, "y")); // Piwnica → Piwnicy
  const genitive = cut(word, 1, /[kg]a$/.test(low) ? "i" : "y");
  for (const [pattern, n, ending] of HARD_DATIVE) if (pattern.test(low)) return { genitive, dative: cut(word, n, ending) };
  return { genitive, dative: cut(word, 1, "ie") }; // Anna → Annie, Zaręba → Zarębie
}

// ------------------------------------------------------------------ adjectives

/** Masculine adjective (Kowalski, Biały, Antoni): -ego, -emu. */
const masculineAdjective = (word: string): Forms =>
  /y$/i.test(word) ? { genitive: cut(word, 1, "ego"), dative: cut(word, 1, "emu") } : { genitive: `${word}ego`, dative: `${word}emu` };

/** Feminine adjective (Kowalska, Czarna, Wojtasowa): -iej after k and g, otherwise -ej. */
export const feminineAdjective = (word: string): Forms => {
  const form = /[kg]a$/i.test(word) ? cut(word, 1, "iej") : cut(word, 1, "ej");
  return same(form);
};

/** English -y read as [i] keeps its letter and takes an apostrophe: Kennedy'ego. */
const FOREIGN_Y = /(ly|[nr]ry|edy|ndy|ddy|tty|ssy|ppy|bby|mmy|ky|gy|phy|fy|vy|xy)$/;

/** Women's adjectival surnames beside nouns: Czarna, Wojtasowa, Biała, Zmyślona; not Sowa, Wrona, Góra. */
function isFeminineAdjectival(low: string): boolean {
  if (/(sk|ck|dzk)a$/.test(low)) return true;
  if (/(ówna|anka|ianka)$/.test(low)) return false; // Kossakówna, Cyganka: nouns
  const owa = /^(.+)[oe]wa$/.exec(low);
  if (owa) return owa[1]!.length >= 4 && !/[bdgtkp]r$/.test(owa[1]!); // Wojtasowa, not Sowa, Głowa, Dąbrowa
  const ona = /^(.+)ona$/.exec(low);
  if (ona) return ona[1]!.length >= 4; // Zmyślona, Czerwona; not Wrona, Korona
  if (/([^aąeęioóuyns]|nn)na$/.test(low)) return true; // Czarna, Wolna, Główna
  return /^.{1,3}ała$/.test(low); // Biała, Mała; not Pomykała
}

// ------------------------------------------------------------------ masculine consonant stems

/** Polish given names with a mobile -e- in -er: Aleksander → Aleksandra, Kacper → Kacpra. */
const GIVEN_MOBILE_ER = /(ander|ester|cper|sper)$/;
/** Slavic given names whose -el loses its -e-; Daniel, Marcel, Nigel keep it. */
const GIVEN_MOBILE_EL = new Set(["pavel", "karel"]);
/** Given names in -o with a stem in -on-: Bruno → Brunona. */
const ON_STEM = new Set(["bruno", "hugo", "iwo", "otto", "gwido", "kuno", "odo", "nero", "apollo", "ugo"]);
/** Italian and German -e read aloud: Dante → Dantego; English and French -e is silent: George'a. */
const SPOKEN_E = /(the|nte|ppe|ele|ore|are|one|ine|ede|ce)$/;

const SOFTEN: Record<string, string> = { s: "ś", c: "ć", z: "ź", n: "ń", dz: "dź" };

/** The consonant stem of a masculine name and whether it dropped a mobile -e-. */
function masculineStem(word: string, role: Role): { stem: string; full: string | null } {
  const low = word.toLocaleLowerCase("pl");
  const drop = (n: number, ending: string) => ({ stem: cut(word, n, ending), full: role === "surname" ? word : null });
  // -ek and -ec lose their -e-: Dudek → Dudk-, Stasiek → Staśk-, Pawelec → Pawelc-, Krawiec → Krawc-; Lec keeps it.
  const mobile = /^(.+)e([kc])$/.exec(low);
  if (mobile) {
    const [, body = "", consonant = ""] = mobile;
    const soft = /(dz|[sczn])i$/.exec(body);
    if (soft && hasVowel(body.slice(0, -soft[0].length))) return drop(soft[0].length + 2, `${SOFTEN[soft[1]!]}${consonant}`);
    if (consonant === "c" && /[^aąeęioóuy]i$/.test(body) && hasVowel(body.slice(0, -1))) return drop(3, "c"); // Krawiec, Niemiec
    if (consonant === "c" && /rz$/.test(body) && hasVowel(body.slice(0, -2))) return drop(4, "rc"); // Starzec → Starc-
    if (!isVowel(body.at(-1)) && hasVowel(body)) return drop(2, consonant);
  }
  // -eł: Paweł → Pawł-, Szczygieł → Szczygł-, Orzeł → Orł-.
  if (/[^aąeęioóuy]i?eł$/.test(low) && hasVowel(low.replace(/i?eł$/, ""))) return drop(/(i|rz)eł$/.test(low) ? 3 : 2, "ł"); // Orzeł → Orł-
  // -el after a consonant: Wróbel → Wróbl-, Hegel → Hegl-, Pavel → Pavl-; not Daniel, Marcel.
  if (/[bdfgkmpstvwzr]el$/.test(low) && hasVowel(low.slice(0, -2)) && (role === "surname" || GIVEN_MOBILE_EL.has(low))) return drop(2, "l");
  if (role === "given" && GIVEN_MOBILE_ER.test(low)) return { stem: cut(word, 2, "r"), full: null }; // Aleksander → Aleksandr-
  // Soft consonants spelt with an accent: Rajčić → Rajčici-, Łoś → Łosi-, Kuroń → Kuroni-.
  const accent = /(dź|[ćśźń])$/.exec(low);
  if (accent) return { stem: cut(word, accent[1]!.length, { dź: "dzi", ć: "ci", ś: "si", ź: "zi", ń: "ni" }[accent[1]!]!), full: null };
  // ó before the last consonant of a surname turns to o: Mróz → Mroz-, Sokół → Sokoł- (Mróza is accepted too).
  if (role === "surname" && /ó(ł|z|d|g|w|j|b|br)$/.test(low)) {
    const at = low.lastIndexOf("ó");
    return { stem: word.slice(0, at) + (word[at] === "Ó" ? "O" : "o") + word.slice(at + 1), full: word };
  }
  return { stem: word, full: null };
}

function consonantStem(word: string, role: Role): WordForms {
  const { stem, full } = masculineStem(word, role);
  const forms: WordForms = { nominative: word, genitive: `${stem}a`, dative: `${stem}owi`, source: "rule" };
  if (full) forms.alternative = { genitive: `${full}a`, dative: `${full}owi` };
  return forms;
}

/** A Polish surname in -o declines like a noun in -a (Kościuszko → Kościuszki, Kościuszce; Fredro → Fredry, Fredrze). */
const POLISH_O_SURNAME = /([^aąeęioóuy]k|ł|[bd]r|[^t]t|sz|cz|ch|ń|ck)o$/;

function masculineWord(word: string, role: Role): WordForms {
  const low = word.toLocaleLowerCase("pl");
  const rule = (f: Forms, extra: Partial<WordForms> = {}): WordForms => ({ nominative: word, ...f, source: "rule", ...extra });
  const guess = (f: Forms, note: string): WordForms => ({ nominative: word, ...f, source: "guess", note });
  if (/[ií]$/.test(low)) {
    if (isVowel(low.at(-2))) return guess({ genitive: `${word}a`, dative: `${word}owi` }, "zakończenie obce");
    if (/lli$/.test(low)) return rule({ genitive: cut(word, 1, "ego"), dative: cut(word, 1, "emu") }); // Bocelli → Bocellego
    return rule(masculineAdjective(word)); // Kowalski, Antoni, Verdi, Jiří
  }
  if (/y$/.test(low)) {
    if (isVowel(low.at(-2))) return rule({ genitive: `${word}a`, dative: `${word}owi` }); // Boy → Boya, Disney → Disneya
    if (FOREIGN_Y.test(low)) return rule({ genitive: `${word}'ego`, dative: `${word}'emu` }); // Kennedy'ego
    return rule(masculineAdjective(word)); // Biały → Białego, Jerzy → Jerzego
  }
  if (/a$/.test(low)) return rule(aNounForms(word)); // Zaręba, Kuba, Wojtyła
  if (/o$/.test(low)) {
    if (role === "given") {
      if (ON_STEM.has(low)) return rule({ genitive: `${word}na`, dative: `${word}nowi` }); // Bruno → Brunona
      return rule({ genitive: cut(word, 1, "a"), dative: cut(word, 1, "owi") }); // Mieszko → Mieszka, Mario → Maria
    }
    if (/eo$/.test(low)) return rule({ genitive: cut(word, 1, "a"), dative: cut(word, 1, "owi") }); // Leo → Lea
    if (POLISH_O_SURNAME.test(low) && !/(.)\1o$/.test(low)) {
      return rule(aNounForms(cut(word, 1, "a")), { alternative: { genitive: cut(word, 1, "a"), dative: cut(word, 1, "owi") } });
    }
    return guess({ genitive: cut(word, 1, "a"), dative: cut(word, 1, "owi") }, "obce nazwisko na -o"); // Picasso → Picassa
  }
  if (/e$/.test(low)) {
    if (/[ie]e$/.test(low) || !hasVowel(low.slice(0, -1))) return guess(same(word), "zakończenie obce");
    if (SPOKEN_E.test(low)) return guess({ genitive: `${word}go`, dative: `${word}mu` }, "obce -e wymawiane"); // Goethe → Goethego
    return guess({ genitive: `${word}'a`, dative: `${word}'owi` }, "obce nieme -e"); // George'a
  }
  if (/eau$/.test(low)) return rule({ genitive: `${word}'a`, dative: `${word}'owi` }); // Rousseau'a
  if (/[ae]u$/.test(low)) return rule({ genitive: `${word}a`, dative: `${word}owi` }); // Turnau → Turnaua
  if (new RegExp(`[${VOWEL}]$`).test(low)) return guess(same(word), "zakończenie obce"); // Nehru, José
  return consonantStem(word, role);
}

function feminineWord(word: string, role: Role): WordForms {
  const low = word.toLocaleLowerCase("pl");
  if (/a$/.test(low)) {
    if (role === "surname" && isFeminineAdjectival(low)) return { nominative: word, ...feminineAdjective(word), source: "rule" };
    return { nominative: word, ...aNounForms(word), source: "rule" };
  }
  // Women's names ending otherwise do not decline: Nowak, Gronkiewicz-Waltz, Kościuszko, Ingrid.
  return { nominative: word, ...same(word), source: "rule" };
}

// ------------------------------------------------------------------ words that stay

const ROMAN = /^[IVXLCDM]+\.?$/;
/** Lower-case particles of foreign surnames stay: van, von, de, da, di, du, del, della, der, den, la, le, ben, ibn, al. */
const PARTICLE = new Set([
  "van",
  "von",
  "de",
  "da",
  "di",
  "du",
  "del",
  "della",
  "der",
  "den",
  "la",
  "le",
  "ben",
  "bin",
  "ibn",
  "al",
  "el",
  "y",
  "dos",
  "das",
  "do",
  "zu",
  "vom",
  "ter",
  "ten",
  "ap",
  "mac",
  "d'",
]);

function unchangedWord(word: string): WordForms | null {
  if (ROMAN.test(word)) return { nominative: word, ...same(word), source: "rule", note: "liczebnik porządkowy" }; // Benedykt XVI
  if (PARTICLE.has(word) || /[.()„”"«»'’]/.test(word.replace(/'(ego|emu|a|owi)$/, "")) || /\d/.test(word))
    return { nominative: word, ...same(word), source: "rule" };
  return null;
}

function lexiconWord(word: string, kind: LexiconKind, gender: LexiconGender, lexicon: NameLexicon): WordForms | null {
  const entry = lexicon.find(kind, word, gender);
  return entry ? { nominative: word, genitive: inCaseOf(word, entry.genitive), dative: inCaseOf(word, entry.dative), source: "lexicon" } : null;
}

/** One word of a name (a hyphenated surname declines part by part: Boy-Żeleński → Boya-Żeleńskiego). */
export function declineNameWord(word: string, role: Role, gender: PersonGender, lexicon: NameLexicon): WordForms {
  const kind: LexiconKind = role === "given" ? "GIVEN_NAME" : "SURNAME";
  const whole = lexiconWord(word, kind, gender, lexicon) ?? unchangedWord(word);
  if (whole) return whole;
  if (word.includes("-")) {
    const parts = word
      .split("-")
      .map((part) => (part ? declineNameWord(part, role, gender, lexicon) : { nominative: "", ...same(""), source: "rule" as const }));
    const join = (pick: (p: WordForms) => string) => parts.map(pick).join("-");
    const combined: WordForms = {
      nominative: word,
      genitive: join((p) => p.genitive),
      dative: join((p) => p.dative),
      source: worstSource(parts.map((p) => p.source)),
    };
    if (parts.some((p) => p.alternative))
      combined.alternative = { genitive: join((p) => p.alternative?.genitive ?? p.genitive), dative: join((p) => p.alternative?.dative ?? p.dative) };
    const note = parts.find((p) => p.note)?.note;
    if (note) combined.note = note;
    return combined;
  }
  return gender === "FEMININE" ? feminineWord(word, role) : masculineWord(word, role);
}

/** Suggestions are as sure as their least sure word. */
export function worstSource(sources: FormsSource[]): FormsSource {
  for (const s of ["unknown", "guess", "lexicon"] as const) if (sources.includes(s)) return s;
  return "rule";
}

/** Masculine given names ending in -a (Kuba, Barnaba): the rest in -a are women's. */
const MASCULINE_IN_A = new Set(["kuba", "barnaba", "bonawentura", "kosma", "jarema", "zawisza", "sasza", "misza", "luca", "andrea", "nikita", "ilja"]);

/** The gender when the record does not say: from the first given name, else the surname. */
export function inferGender(givenNames: string, surname: string): { gender: PersonGender; sure: boolean } {
  const first = givenNames.trim().split(/\s+/)[0]?.toLocaleLowerCase("pl") ?? "";
  if (first) {
    if (/a$/.test(first)) return { gender: MASCULINE_IN_A.has(first) ? "MASCULINE" : "FEMININE", sure: true };
    return { gender: "MASCULINE", sure: true };
  }
  return { gender: /(sk|ck|dzk)a$/.test(surname.toLocaleLowerCase("pl")) ? "FEMININE" : "MASCULINE", sure: false };
}

export type PersonDeclension = {
  genitive: string;
  dative: string;
  source: FormsSource;
  words: WordForms[];
  alternative: { genitive: string; dative: string } | null;
};

/** The genitive and dative of a person's given names and surname. */
export function declinePerson(givenNames: string, surname: string, gender: PersonGender | null, lexicon: NameLexicon): PersonDeclension {
  const inferred = gender ? { gender, sure: true } : inferGender(givenNames, surname);
  const words = [
    ...givenNames
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => declineNameWord(w, "given", inferred.gender, lexicon)),
    ...surname
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => declineNameWord(w, "surname", inferred.gender, lexicon)),
  ];
  const join = (pick: (w: WordForms) => string) => words.map(pick).join(" ");
  const sources = words.map((w) => w.source);
  if (!inferred.sure) sources.push("guess");
  return {
    genitive: join((w) => w.genitive),
    dative: join((w) => w.dative),
    source: worstSource(sources),
    words,
    alternative: words.some((w) => w.alternative)
      ? { genitive: join((w) => w.alternative?.genitive ?? w.genitive), dative: join((w) => w.alternative?.dative ?? w.dative) }
      : null,
  };
}
