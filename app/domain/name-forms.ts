// Suggested genitive and dative forms of Polish personal names. Only a suggestion: a person
// confirms or corrects it on the candidate's page before a document prints it. The rules cover
// the common patterns; an organisation's name is suggested unchanged (it needs a person anyway).
import type { CandidateKind, Gender } from "./honours";

type Forms = { genitive: string; dative: string };

/** Dative of a noun ending in -a after a hard consonant: Jadwiga → Jadwidze, Agnieszka → Agnieszce. */
const HARD_A_DATIVE: [RegExp, string][] = [
  [/ga$/, "dze"],
  [/ka$/, "ce"],
  [/cha$/, "sze"],
  [/ra$/, "rze"],
  [/ła$/, "le"],
  [/sta$/, "ście"],
  [/zda$/, "ździe"],
  [/ta$/, "cie"],
  [/da$/, "dzie"],
  [/sna$/, "śnie"],
  [/zna$/, "źnie"],
];

/** A noun ending in -a (most feminine given names; Kuba; Kościuszko as "Kościuszka"). */
function nounInA(word: string): Forms {
  if (/[ij]a$/.test(word)) return { genitive: word.replace(/a$/, "i"), dative: word.replace(/a$/, "i") }; // Maria, Łucja
  if (/l[a]$/.test(word)) return { genitive: word.replace(/a$/, "i"), dative: word.replace(/a$/, "i") }; // Ola
  if (/(cz|sz|rz|ż|c|dz)a$/.test(word)) return { genitive: word.replace(/a$/, "y"), dative: word.replace(/a$/, "y") }; // Kasza-like stems
  const genitive = word.replace(/a$/, /[kg]a$/.test(word) ? "i" : "y");
  for (const [pattern, ending] of HARD_A_DATIVE) if (pattern.test(word)) return { genitive, dative: word.replace(pattern, ending) };
  return { genitive, dative: word.replace(/a$/, "ie") }; // Anna → Annie, Ewa → Ewie
}

function feminine(word: string, isSurname: boolean): Forms {
  // Adjectival surnames: Kowalska, Nowacka, Zawadzka → -iej; Wzorcowa, Zmyślona → -ej.
  if (isSurname && /(sk|ck|dzk)a$/.test(word)) return { genitive: word.replace(/a$/, "iej"), dative: word.replace(/a$/, "iej") };
  if (isSurname && /(ow|on|an|en|in|yn)a$/.test(word)) return { genitive: word.replace(/a$/, "ej"), dative: word.replace(/a$/, "ej") };
  if (/a$/.test(word)) return nounInA(word);
  return { genitive: word, dative: word }; // Nowak, Rajčić: feminine names ending in a consonant do not decline
}

function masculine(word: string): Forms {
  if (/i$/.test(word)) return { genitive: `${word}ego`, dative: `${word}emu` }; // Kowalski, Antoni
  if (/y$/.test(word)) return { genitive: word.replace(/y$/, "ego"), dative: word.replace(/y$/, "emu") }; // Przykładowy, Ignacy, Jerzy
  if (/a$/.test(word)) return nounInA(word); // Kuba, Zaręba
  if (/o$/.test(word)) return nounInA(word.replace(/o$/, "a")); // Kościuszko → Kościuszki, Kościuszce
  if (/ek$/.test(word) && word.length > 4) {
    const stem = word.replace(/ek$/, "k"); // Marek → Marka
    return { genitive: `${stem}a`, dative: `${stem}owi` };
  }
  if (/eł$/.test(word)) return { genitive: word.replace(/eł$/, "ła"), dative: word.replace(/eł$/, "łowi") }; // Paweł
  const soft: [RegExp, string][] = [
    [/ć$/, "ci"],
    [/ś$/, "si"],
    [/ń$/, "ni"],
    [/ź$/, "zi"],
  ];
  for (const [pattern, stem] of soft) {
    if (pattern.test(word)) return { genitive: word.replace(pattern, `${stem}a`), dative: word.replace(pattern, `${stem}owi`) }; // Rajčić → Rajčicia
  }
  if (/\p{L}$/u.test(word)) return { genitive: `${word}a`, dative: `${word}owi` }; // Jan, Bolesław, Ølgaard
  return { genitive: word, dative: word };
}

/** Suggested forms of a person's given names and surname; hyphenated surnames decline part by part. */
export function suggestPersonForms(givenNames: string, surname: string, gender: Gender | null): Forms {
  const declineWord = (word: string, isSurname: boolean, which: keyof Forms) =>
    word
      .split("-")
      .map((part) => (part ? (gender === "FEMININE" ? feminine(part, isSurname) : masculine(part))[which] : part))
      .join("-");
  const given = givenNames.trim().split(/\s+/).filter(Boolean);
  const sur = surname.trim().split(/\s+/).filter(Boolean);
  const forms = (which: keyof Forms) => [...given.map((w) => declineWord(w, false, which)), ...sur.map((w) => declineWord(w, true, which))].join(" ");
  return { genitive: forms("genitive"), dative: forms("dative") };
}

export function suggestForms(input: { kind: CandidateKind; givenNames: string; surname: string; organizationName: string; gender: Gender | null }): Forms {
  if (input.kind === "ORGANIZATION") return { genitive: input.organizationName, dative: input.organizationName };
  return suggestPersonForms(input.givenNames, input.surname, input.gender);
}
