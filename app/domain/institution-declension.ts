// Genitive and dative of an institution's name: the head noun and the adjectives agreeing with it
// (before it and right after it) change; the rest stays as written: a prepositional phrase
// („w Krakowie”, „pod Baranami”), „im. …”, a genitive complement („Miasta Krakowa”), a quoted
// name, a number („nr 1”), an acronym and a legal form (SA, sp. z o.o.). A head noun neither the
// table below nor the lexicon knows is reported, and the name is left for a person to decline.
import { inCaseOf, type LexiconGender, type NameLexicon } from "./name-lexicon";
import { feminineAdjective, worstSource, type FormsSource } from "./person-declension";

export type HeadGender = "MASCULINE" | "FEMININE" | "NEUTER" | "PLURAL";
export type HeadNoun = { nominative: string; gender: HeadGender; genitive: string; dative: string };

// nominative|genitive|dative, grouped by gender. Neuter nouns in -um do not decline in the singular.
const HEADS_BY_GENDER: Record<HeadGender, string> = {
  MASCULINE: `Instytut|Instytutu|Instytutowi Ośrodek|Ośrodka|Ośrodkowi Urząd|Urzędu|Urzędowi Związek|Związku|Związkowi
    Dom|Domu|Domowi Chór|Chóru|Chórowi Teatr|Teatru|Teatrowi Klub|Klubu|Klubowi Zespół|Zespołu|Zespołowi Szpital|Szpitala|Szpitalowi
    Uniwersytet|Uniwersytetu|Uniwersytetowi Zakład|Zakładu|Zakładowi Klasztor|Klasztoru|Klasztorowi Zakon|Zakonu|Zakonowi
    Kościół|Kościoła|Kościołowi Krzyż|Krzyża|Krzyżowi Powiat|Powiatu|Powiatowi Alarm|Alarmu|Alarmowi Przegląd|Przeglądu|Przeglądowi Kurier|Kuriera|Kurierowi Głos|Głosu|Głosowi Rocznik|Rocznika|Rocznikowi Antykwariat|Antykwariatu|Antykwariatowi Szwadron|Szwadronu|Szwadronowi Legion|Legionu|Legionowi Konwent|Konwentu|Konwentowi Kabaret|Kabaretu|Kabaretowi Festiwal|Festiwalu|Festiwalowi
    Komitet|Komitetu|Komitetowi Bank|Banku|Bankowi Cech|Cechu|Cechowi Tygodnik|Tygodnika|Tygodnikowi Dziennik|Dziennika|Dziennikowi
    Miesięcznik|Miesięcznika|Miesięcznikowi Kwartalnik|Kwartalnika|Kwartalnikowi Magazyn|Magazynu|Magazynowi
    Hufiec|Hufca|Hufcowi Pułk|Pułku|Pułkowi Batalion|Batalionu|Batalionowi Oddział|Oddziału|Oddziałowi Wydział|Wydziału|Wydziałowi
    Departament|Departamentu|Departamentowi Sąd|Sądu|Sądowi Trybunał|Trybunału|Trybunałowi Konsulat|Konsulatu|Konsulatowi
    Hotel|Hotelu|Hotelowi Browar|Browaru|Browarowi Kombinat|Kombinatu|Kombinatowi Park|Parku|Parkowi Ogród|Ogrodu|Ogrodowi
    Zarząd|Zarządu|Zarządowi Sejmik|Sejmiku|Sejmikowi Senat|Senatu|Senatowi Kongres|Kongresu|Kongresowi Salon|Salonu|Salonowi
    Cmentarz|Cmentarza|Cmentarzowi Kopiec|Kopca|Kopcowi Fundusz|Funduszu|Funduszowi Kwartet|Kwartetu|Kwartetowi
    Kwintet|Kwintetu|Kwintetowi Balet|Baletu|Baletowi Skansen|Skansenu|Skansenowi Ruch|Ruchu|Ruchowi Żłobek|Żłobka|Żłobkowi
    Pałac|Pałacu|Pałacowi Zamek|Zamku|Zamkowi Konkurs|Konkursu|Konkursowi Samorząd|Samorządu|Samorządowi Komisariat|Komisariatu|Komisariatowi
    Posterunek|Posterunku|Posterunkowi Koncern|Koncernu|Koncernowi Holding|Holdingu|Holdingowi Dwór|Dworu|Dworowi
    Krąg|Kręgu|Kręgowi Gabinet|Gabinetu|Gabinetowi Warsztat|Warsztatu|Warsztatowi Cyrk|Cyrku|Cyrkowi Bunkier|Bunkra|Bunkrowi
    Rektorat|Rektoratu|Rektoratowi Sztab|Sztabu|Sztabowi Inspektorat|Inspektoratu|Inspektoratowi Kolektyw|Kolektywu|Kolektywowi
    Zbór|Zboru|Zborowi Kapitał|Kapitału|Kapitałowi Ratusz|Ratusza|Ratuszowi Sanepid|Sanepidu|Sanepidowi Kurs|Kursu|Kursowi
    Teatrzyk|Teatrzyku|Teatrzykowi Parlament|Parlamentu|Parlamentowi Sojusz|Sojuszu|Sojuszowi Areopag|Areopagu|Areopagowi
    Rezerwat|Rezerwatu|Rezerwatowi Aeroklub|Aeroklubu|Aeroklubowi Kompleks|Kompleksu|Kompleksowi`,
  FEMININE: `Opera|Opery|Operze Jama|Jamy|Jamie Dzielnica|Dzielnicy|Dzielnicy Operetka|Operetki|Operetce Cukrownia|Cukrowni|Cukrowni Eskadra|Eskadry|Eskadrze Akcja|Akcji|Akcji Szkoła|Szkoły|Szkole Kuria|Kurii|Kurii Parafia|Parafii|Parafii Orkiestra|Orkiestry|Orkiestrze
    Spółdzielnia|Spółdzielni|Spółdzielni Galeria|Galerii|Galerii Fundacja|Fundacji|Fundacji Akademia|Akademii|Akademii
    Biblioteka|Biblioteki|Bibliotece Filharmonia|Filharmonii|Filharmonii Politechnika|Politechniki|Politechnice
    Izba|Izby|Izbie Kapela|Kapeli|Kapeli Kapituła|Kapituły|Kapitule Rada|Rady|Radzie Komenda|Komendy|Komendzie
    Straż|Straży|Straży Policja|Policji|Policji Piwnica|Piwnicy|Piwnicy Kongregacja|Kongregacji|Kongregacji
    Archidiecezja|Archidiecezji|Archidiecezji Diecezja|Diecezji|Diecezji Prowincja|Prowincji|Prowincji Bazylika|Bazyliki|Bazylice
    Katedra|Katedry|Katedrze Kopalnia|Kopalni|Kopalni Huta|Huty|Hucie Telewizja|Telewizji|Telewizji Redakcja|Redakcji|Redakcji
    Gazeta|Gazety|Gazecie Agencja|Agencji|Agencji Kancelaria|Kancelarii|Kancelarii Firma|Firmy|Firmie Spółka|Spółki|Spółce
    Klinika|Kliniki|Klinice Poradnia|Poradni|Poradni Apteka|Apteki|Aptece Oficyna|Oficyny|Oficynie Grupa|Grupy|Grupie
    Federacja|Federacji|Federacji Liga|Ligi|Lidze Unia|Unii|Unii Wspólnota|Wspólnoty|Wspólnocie Kompania|Kompanii|Kompanii
    Loża|Loży|Loży Kaplica|Kaplicy|Kaplicy Świątynia|Świątyni|Świątyni Uczelnia|Uczelni|Uczelni Placówka|Placówki|Placówce
    Inspekcja|Inspekcji|Inspekcji Dyrekcja|Dyrekcji|Dyrekcji Prokuratura|Prokuratury|Prokuraturze Gmina|Gminy|Gminie
    Stacja|Stacji|Stacji Misja|Misji|Misji Jednostka|Jednostki|Jednostce Brygada|Brygady|Brygadzie Dywizja|Dywizji|Dywizji
    Estrada|Estrady|Estradzie Scena|Sceny|Scenie Wytwórnia|Wytwórni|Wytwórni Mennica|Mennicy|Mennicy
    Drukarnia|Drukarni|Drukarni Księgarnia|Księgarni|Księgarni Kawiarnia|Kawiarni|Kawiarni Cukiernia|Cukierni|Cukierni
    Restauracja|Restauracji|Restauracji Pracownia|Pracowni|Pracowni Bursa|Bursy|Bursie Komisja|Komisji|Komisji
    Kasa|Kasy|Kasie Rodzina|Rodziny|Rodzinie Kampania|Kampanii|Kampanii Inicjatywa|Inicjatywy|Inicjatywie
    Fabryka|Fabryki|Fabryce Hala|Hali|Hali Arena|Areny|Arenie Sieć|Sieci|Sieci Społeczność|Społeczności|Społeczności
    Caritas|Caritas|Caritas Chorągiew|Chorągwi|Chorągwi Kolegiata|Kolegiaty|Kolegiacie Organizacja|Organizacji|Organizacji
    Konfederacja|Konfederacji|Konfederacji Rozgłośnia|Rozgłośni|Rozgłośni Administracja|Administracji|Administracji
    Kolej|Kolei|Kolei Delegatura|Delegatury|Delegaturze Ambasada|Ambasady|Ambasadzie Reprezentacja|Reprezentacji|Reprezentacji
    Drużyna|Drużyny|Drużynie Sekcja|Sekcji|Sekcji Archikonfraternia|Archikonfraterni|Archikonfraterni Konfraternia|Konfraterni|Konfraterni
    Lecznica|Lecznicy|Lecznicy Przychodnia|Przychodni|Przychodni Mleczarnia|Mleczarni|Mleczarni Piekarnia|Piekarni|Piekarni
    Kolonia|Kolonii|Kolonii Świetlica|Świetlicy|Świetlicy Winnica|Winnicy|Winnicy Stocznia|Stoczni|Stoczni
    Elektrownia|Elektrowni|Elektrowni Ciepłownia|Ciepłowni|Ciepłowni Gazownia|Gazowni|Gazowni`,
  NEUTER: `Liceum|Liceum|Liceum Województwo|Województwa|Województwu Arcybractwo|Arcybractwa|Arcybractwu Osiedle|Osiedla|Osiedlu Zjednoczenie|Zjednoczenia|Zjednoczeniu Echo|Echa|Echu Trio|Tria|Triu Centrum|Centrum|Centrum Kolegium|Kolegium|Kolegium Muzeum|Muzeum|Muzeum Gimnazjum|Gimnazjum|Gimnazjum
    Konserwatorium|Konserwatorium|Konserwatorium Studium|Studium|Studium Laboratorium|Laboratorium|Laboratorium
    Archiwum|Archiwum|Archiwum Seminarium|Seminarium|Seminarium Sanktuarium|Sanktuarium|Sanktuarium Technikum|Technikum|Technikum
    Oratorium|Oratorium|Oratorium Prezydium|Prezydium|Prezydium Kuratorium|Kuratorium|Kuratorium Hospicjum|Hospicjum|Hospicjum
    Sanatorium|Sanatorium|Sanatorium Obserwatorium|Obserwatorium|Obserwatorium Forum|Forum|Forum Collegium|Collegium|Collegium
    Audytorium|Audytorium|Audytorium Akwarium|Akwarium|Akwarium Przedszkole|Przedszkola|Przedszkolu Wydawnictwo|Wydawnictwa|Wydawnictwu
    Stowarzyszenie|Stowarzyszenia|Stowarzyszeniu Towarzystwo|Towarzystwa|Towarzystwu Zgromadzenie|Zgromadzenia|Zgromadzeniu
    Bractwo|Bractwa|Bractwu Opactwo|Opactwa|Opactwu Starostwo|Starostwa|Starostwu Ministerstwo|Ministerstwa|Ministerstwu
    Przedsiębiorstwo|Przedsiębiorstwa|Przedsiębiorstwu Schronisko|Schroniska|Schronisku Radio|Radia|Radiu
    Pogotowie|Pogotowia|Pogotowiu Zrzeszenie|Zrzeszenia|Zrzeszeniu Porozumienie|Porozumienia|Porozumieniu
    Duszpasterstwo|Duszpasterstwa|Duszpasterstwu Ognisko|Ogniska|Ognisku Koło|Koła|Kołu Biuro|Biura|Biuru
    Kino|Kina|Kinu Studio|Studia|Studiu Nadleśnictwo|Nadleśnictwa|Nadleśnictwu Miasto|Miasta|Miastu Zgrupowanie|Zgrupowania|Zgrupowaniu
    Wojsko|Wojska|Wojsku Sympozjum|Sympozjum|Sympozjum Dzieło|Dzieła|Dziełu Konsorcjum|Konsorcjum|Konsorcjum
    Ambulatorium|Ambulatorium|Ambulatorium Lotnisko|Lotniska|Lotnisku Zoo|Zoo|Zoo Planetarium|Planetarium|Planetarium
    Gospodarstwo|Gospodarstwa|Gospodarstwu Przedstawicielstwo|Przedstawicielstwa|Przedstawicielstwu Zakonnictwo|Zakonnictwa|Zakonnictwu
    Harcerstwo|Harcerstwa|Harcerstwu Ossolineum|Ossolineum|Ossolineum Ignatianum|Ignatianum|Ignatianum`,
  PLURAL: `Zakłady|Zakładów|Zakładom Warsztaty|Warsztatów|Warsztatom Siostry|Sióstr|Siostrom Ojcowie|Ojców|Ojcom
    Bracia|Braci|Braciom Księża|Księży|Księżom Szkoły|Szkół|Szkołom Zbiory|Zbiorów|Zbiorom Koleje|Kolei|Kolejom
    Linie|Linii|Liniom Wodociągi|Wodociągów|Wodociągom Targi|Targów|Targom Huty|Hut|Hutom Kopalnie|Kopalń|Kopalniom
    Tramwaje|Tramwajów|Tramwajom Dni|Dni|Dniom Spotkania|Spotkań|Spotkaniom Hufce|Hufców|Hufcom Zespoły|Zespołów|Zespołom
    Wydawnictwa|Wydawnictw|Wydawnictwom Ogrody|Ogrodów|Ogrodom Pracownie|Pracowni|Pracowniom Archiwa|Archiwów|Archiwom
    Muzea|Muzeów|Muzeom Stowarzyszenia|Stowarzyszeń|Stowarzyszeniom`,
};

/** The head nouns the rules know (at least a hundred), by their lower-case nominative. */
export const HEAD_NOUNS: ReadonlyMap<string, HeadNoun> = new Map(
  (Object.entries(HEADS_BY_GENDER) as [HeadGender, string][]).flatMap(([gender, list]) =>
    list
      .split(/\s+/)
      .filter(Boolean)
      .map((triple) => {
        const [nominative = "", genitive = "", dative = ""] = triple.split("|");
        return [nominative.toLocaleLowerCase("pl"), { nominative, gender, genitive, dative }] as const;
      }),
  ),
);

// ------------------------------------------------------------------ adjectives

/** Genitives that look like adjectives after a head noun: „Fundacja Jacka Kuronia”, „Rada Miasta Krakowa”. */
const NOT_ADJECTIVES = new Set([
  "jacka",
  "michała",
  "rafała",
  "krakowa",
  "tarnowa",
  "rzeszowa",
  "lwowa",
  "kijowa",
  "chorzowa",
  "tygodnia",
  "dnia",
  "głowa",
  "sowa",
  "budowa",
  "odnowa",
  "mowa",
  "umowa",
  "krowa",
  "dąbrowa",
  "połowa",
  "osnowa",
  "budowy",
  "odnowy",
  "rozbudowy",
  "przebudowy",
  "zabudowy",
  "mowy",
  "umowy",
  "rozmowy",
  "głowy",
  "połowy",
  "rzeczy",
  "dąbrowy",
  "ochrony",
  "obrony",
  "strony",
  "korony",
  "ochrona",
  "obrona",
  "korona",
]);
/** Adjectives whose endings are shared with nouns, listed in the masculine. */
const LISTED_STEMS = new Set([
  "wielk",
  "krótk",
  "lekk",
  "miękk",
  "słodk",
  "gładk",
  "rzadk",
  "drug",
  "dług",
  "ubog",
  "star",
  "dobr",
  "chor",
  "młod",
  "tward",
  "mał",
  "cał",
  "żyw",
  "boż",
  "duż",
  "niż",
]);

/** Nominative adjective of the given gender (and number), recognised by its ending. */
export function isAdjective(word: string, gender: HeadGender): boolean {
  const low = (word.split("-").at(-1) ?? word).toLocaleLowerCase("pl");
  if (!low || NOT_ADJECTIVES.has(low) || !/^\p{L}+$/u.test(low) || /^\p{Lu}{2,}$/u.test(word)) return false;
  if (!(gender === "MASCULINE" ? /[yi]$/ : gender === "FEMININE" ? /a$/ : /e$/).test(low)) return false;
  // The -i- of soft and k/g stems belongs to the ending: Krakowsk-i, Krakowsk-ie, Wschodn-ia.
  const soft = gender === "MASCULINE" ? low.endsWith("i") : /i[ae]$/.test(low);
  const stem = low.slice(0, soft && gender !== "MASCULINE" ? -2 : -1);
  if (soft) return /(sk|ck|dzk|[dt]n)$/.test(stem) || LISTED_STEMS.has(stem);
  if (/(sk|ck|dzk)$/.test(stem)) return gender === "FEMININE"; // Krakowska (the others end in -i, -ie)
  if (/[oe]w$/.test(stem)) return stem.length > 2; // Narodowy, Nowa
  if (/([^aąeęioóuyn]|nn)n$/.test(stem)) return true; // Publiczny, Kameralna, Mięsne, Rodzinny
  if (/on$/.test(stem)) return stem.length >= 5; // Zjednoczona, not Wrona
  if (/(ąc|ęc)$/.test(stem)) return true; // Ogólnokształcące, Dziecięcy
  if (/cz$/.test(stem)) return stem !== "rzecz"; // Hutnicza, Rolniczy
  if (/(ższ|wsz|rsz|ksz|jsz|psz|lsz|ńsz)$/.test(stem)) return true; // Wyższa, Pierwszy
  if (/(ał|ił|rł)$/.test(stem)) return true; // Biały, Dojrzała
  if (/(ęt|ąt|ot|yt)$/.test(stem)) return true; // Święty, Złota
  return LISTED_STEMS.has(stem);
}

/** Genitive and dative of an adjective agreeing with a head noun of this gender (Górniczo-Hutnicza: the last part). */
export function adjectiveForms(word: string, gender: HeadGender): { genitive: string; dative: string } {
  const dash = word.lastIndexOf("-");
  const prefix = word.slice(0, dash + 1);
  const adj = word.slice(dash + 1);
  const withPrefix = (genitive: string, dative: string) => ({ genitive: prefix + genitive, dative: prefix + dative });
  if (gender === "FEMININE") {
    const f = feminineAdjective(adj);
    return withPrefix(f.genitive, f.dative);
  }
  // Narodowy → Narodow-, Polski → Polski-; Narodowe → Narodow-, Krakowskie → Krakowski-.
  const stem = gender === "MASCULINE" ? adj.replace(/y$/i, "") : adj.slice(0, -1);
  if (gender === "PLURAL") return /i$/i.test(stem) ? withPrefix(`${stem}ch`, `${stem}m`) : withPrefix(`${stem}ych`, `${stem}ym`);
  return withPrefix(`${stem}ego`, `${stem}emu`);
}

// ------------------------------------------------------------------ the name

const PREPOSITIONS = new Set([
  "w",
  "we",
  "na",
  "pod",
  "przy",
  "z",
  "ze",
  "nad",
  "dla",
  "do",
  "od",
  "u",
  "o",
  "po",
  "przed",
  "za",
  "obok",
  "ku",
  "i",
  "oraz",
  "lub",
  "a",
  "wraz",
  "imienia",
  "im.",
  "pw.",
  "p.w.",
  "nr",
  "nr.",
  "sp.",
  "sa",
  "s.a.",
  "s.c.",
  "sp.j.",
  "sp.k.",
  "spółka",
]);

/** Where the tail of unchanged words begins: a preposition, „im.”, a number, a quote, an acronym, a dash. */
export function isTailStart(word: string): boolean {
  const low = word.toLocaleLowerCase("pl");
  return (
    PREPOSITIONS.has(low) ||
    /^[„"«»'(\-–—,;:/&+]/.test(word) ||
    /\d/.test(word) ||
    (/^\p{Lu}{2,}$/u.test(word.replace(/[.-]/g, "")) && !ROMAN.test(word)) ||
    /\.$/.test(word)
  );
}

const ROMAN = /^[IVXLCDM]+\.?$/;
const PERSONAL_PLURAL = new Set(["siostry", "ojcowie", "bracia", "księża"]);

/** Latin or other foreign names that stay as they are: Capella Cracoviensis, Collegium Medicum. */
const FOREIGN = /(ensis|orum|arum|um|us|ae|is|tas|qu|ph|th|ll|tt|cc|ss|ff|v|x|w$)/i;

export type InstitutionDeclension = {
  genitive: string;
  dative: string;
  source: FormsSource;
  /** The head noun as written, or null when none was recognised. */
  head: string | null;
  headIndex: number | null;
  headGender: HeadGender | null;
  note: string | null;
};

const LEXICON_GENDER: Record<LexiconGender, HeadGender> = { MASCULINE: "MASCULINE", FEMININE: "FEMININE", NEUTER: "NEUTER", PLURAL: "PLURAL" };

function findHead(word: string, lexicon: NameLexicon): (HeadNoun & { source: FormsSource }) | null {
  const bare = word.replace(/[,;:]$/, "");
  const learned = lexicon.find("INSTITUTION_HEAD", bare, null);
  if (learned) {
    return {
      nominative: bare,
      gender: learned.gender ? LEXICON_GENDER[learned.gender] : "MASCULINE",
      genitive: inCaseOf(bare, learned.genitive),
      dative: inCaseOf(bare, learned.dative),
      source: "lexicon",
    };
  }
  const known = HEAD_NOUNS.get(bare.toLocaleLowerCase("pl"));
  return known ? { ...known, genitive: inCaseOf(bare, known.genitive), dative: inCaseOf(bare, known.dative), source: "rule" } : null;
}

/** Splits trailing punctuation off a word: „Krakowska,” declines as „Krakowska” and keeps its comma. */
const splitPunctuation = (word: string) => {
  const m = /^(.*?)([,;:]*)$/.exec(word)!;
  return { core: m[1]!, punctuation: m[2]! };
};

/** The genitive and dative of an institution's name. */
export function declineInstitution(name: string, lexicon: NameLexicon): InstitutionDeclension {
  const parts = name.trim().split(/(\s+)/);
  const wordIndexes = parts.map((p, i) => (/\s/.test(p) || p === "" ? -1 : i)).filter((i) => i >= 0);
  const unchanged = (source: FormsSource, note: string | null): InstitutionDeclension => ({
    genitive: name.trim(),
    dative: name.trim(),
    source,
    head: null,
    headIndex: null,
    headGender: null,
    note,
  });
  if (wordIndexes.length === 0) return unchanged("rule", null);

  let at = 0;
  let head: ReturnType<typeof findHead> = null;
  const before: number[] = [];
  for (; at < wordIndexes.length; at++) {
    const word = parts[wordIndexes[at]!]!;
    if (ROMAN.test(word) || /^\d+\.?$/.test(word)) continue; // I Liceum, 2. Pułk
    head = findHead(word, lexicon);
    if (head) break;
    if ((["MASCULINE", "FEMININE", "NEUTER"] as const).some((g) => isAdjective(splitPunctuation(word).core, g))) {
      before.push(wordIndexes[at]!);
      continue;
    }
    break;
  }
  if (!head) {
    const words = wordIndexes.map((i) => parts[i]!);
    if (words.every((w) => isTailStart(w) || ROMAN.test(w))) return unchanged("rule", "skrót lub numer: bez odmiany");
    if (words.some((w) => !isTailStart(w) && FOREIGN.test(w)) && !/[ąćęłńóśźż]/i.test(words.join(" "))) {
      return unchanged("rule", "nazwa obca lub łacińska: bez odmiany");
    }
    const first = words.find((w) => !isTailStart(w) && !ROMAN.test(w) && !before.includes(wordIndexes[words.indexOf(w)]!)) ?? words[0]!;
    return {
      ...unchanged("unknown", `Nieznany rzeczownik „${first}”: podaj formy ręcznie (zapamiętam je po potwierdzeniu).`),
      head: first,
      headIndex: wordIndexes[words.indexOf(first)]!,
    };
  }

  const headIndex = wordIndexes[at]!;
  const genitive = [...parts];
  const dative = [...parts];
  const sources: FormsSource[] = [head.source];
  const setForms = (i: number, f: { genitive: string; dative: string }, punctuation: string) => {
    genitive[i] = f.genitive + punctuation;
    dative[i] = f.dative + punctuation;
  };
  const headWord = splitPunctuation(parts[headIndex]!);
  setForms(headIndex, head, headWord.punctuation);
  for (const i of before) {
    const { core, punctuation } = splitPunctuation(parts[i]!);
    if (!isAdjective(core, head.gender)) sources.push("guess"); // an adjective of another gender before the head
    setForms(i, adjectiveForms(core, head.gender), punctuation);
  }
  // Adjectives right after the head agree with it; the first word that is not one ends the phrase.
  if (!headWord.punctuation) {
    for (let k = at + 1; k < wordIndexes.length; k++) {
      const i = wordIndexes[k]!;
      const { core, punctuation } = splitPunctuation(parts[i]!);
      const next = wordIndexes[k + 1] === undefined ? "" : parts[wordIndexes[k + 1]!]!;
      // Coordinated adjectives: Chór Chłopięcy i Męski → Chórowi Chłopięcemu i Męskiemu.
      if ((core === "i" || core === "oraz") && isAdjective(splitPunctuation(next).core, head.gender)) continue;
      if (isTailStart(core) || !isAdjective(core, head.gender)) {
        // Siostry Prezentki, Ojcowie Dominikanie: the noun in apposition declines too, and no rule knows how.
        if (PERSONAL_PLURAL.has(head.nominative.toLocaleLowerCase("pl")) && k === at + 1 && /^\p{Lu}\p{Ll}/u.test(core)) sources.push("guess");
        break;
      }
      setForms(i, adjectiveForms(core, head.gender), punctuation);
      if (punctuation) break;
    }
  }
  return {
    genitive: genitive.join(""),
    dative: dative.join(""),
    source: worstSource(sources),
    head: headWord.core,
    headIndex,
    headGender: head.gender,
    note: null,
  };
}
