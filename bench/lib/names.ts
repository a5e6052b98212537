// Vocabulary of the generated register: Polish given names, surnames, organisations and merits.
// Fictional combinations of common names; nothing here describes a real laureate.

export const MALE_GIVEN = [
  "Jan", "Andrzej", "Piotr", "Krzysztof", "Stanisław", "Tomasz", "Paweł", "Józef", "Marcin", "Marek",
  "Michał", "Grzegorz", "Jerzy", "Tadeusz", "Adam", "Łukasz", "Zbigniew", "Ryszard", "Dariusz", "Henryk",
  "Mariusz", "Kazimierz", "Wojciech", "Robert", "Mateusz", "Marian", "Rafał", "Jacek", "Janusz", "Mirosław",
  "Maciej", "Sławomir", "Jarosław", "Kamil", "Wiesław", "Roman", "Władysław", "Jakub", "Artur", "Zdzisław",
  "Edward", "Mieczysław", "Przemysław", "Czesław", "Leszek", "Bogusław", "Bolesław", "Zygmunt", "Ignacy", "Witold",
] as const;

export const FEMALE_GIVEN = [
  "Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna", "Elżbieta", "Zofia",
  "Joanna", "Magdalena", "Teresa", "Danuta", "Monika", "Jadwiga", "Aleksandra", "Halina", "Irena", "Beata",
  "Marta", "Dorota", "Janina", "Grażyna", "Jolanta", "Iwona", "Bożena", "Urszula", "Renata", "Justyna",
  "Łucja", "Wiesława", "Żaneta", "Zdzisława", "Bronisława", "Stanisława", "Hanna", "Genowefa", "Kinga", "Ludmiła",
] as const;

/** Masculine forms; -ski/-cki/-dzki surnames take -ska/-cka/-dzka for women (feminineOf). */
export const SURNAMES = [
  "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak",
  "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Nowakowski", "Pawłowski",
  "Michalski", "Zając", "Król", "Wieczorek", "Jabłoński", "Wróbel", "Majewski", "Olszewski", "Stępień", "Malinowski",
  "Jaworski", "Adamczyk", "Dudek", "Nowicki", "Pawlak", "Górski", "Witkowski", "Walczak", "Sikora", "Baran",
  "Rutkowski", "Michalak", "Szewczyk", "Ostrowski", "Tomaszewski", "Pietrzak", "Marciniak", "Wróblewski", "Zalewski", "Jakubowski",
  "Jasiński", "Zawadzki", "Sadowski", "Bąk", "Chmielewski", "Włodarczyk", "Borkowski", "Czarnecki", "Sawicki", "Sokołowski",
  "Urbański", "Kubiak", "Maciejewski", "Szczepański", "Kucharski", "Wilk", "Kalinowski", "Lis", "Mazurek", "Wysocki",
  "Kaźmierczak", "Wasilewski", "Sobczak", "Czerwiński", "Andrzejewski", "Cieślak", "Głowacki", "Zakrzewski", "Kołodziej", "Sikorski",
  "Gałązka", "Ziółkowski", "Ćwikliński", "Śliwiński", "Łukasiewicz", "Źrałek", "Bieńkowski", "Kuśmierczyk", "Świątek", "Łuczak",
  "Gęsiarz", "Dziedzic", "Ślęzak", "Żak", "Pająk", "Gwóźdź", "Szczęsny", "Skórski", "Nędza", "Wąsowicz",
] as const;

/** The surname the search scenario looks for (without diacritics: "zolkiewski"). */
export const SEARCHED_SURNAME = "Żółkiewski";

export function feminineOf(surname: string): string {
  return surname.replace(/(sk|ck|dzk)i$/, "$1a");
}

export const PERSON_TITLES = [
  "", "", "", "prof. dr hab.", "dr", "dr hab.", "inż.", "mgr", "ks. prał.", "lekarz", "architekt", "kompozytor", "pisarz",
  "artysta malarz", "aktor", "dyrygent", "historyk sztuki", "społecznik",
] as const;

export const CITIES = [
  "Kraków", "Kraków", "Kraków", "Kraków", "Kraków", "Kraków", "Kraków", "Wieliczka", "Niepołomice", "Skawina",
  "Warszawa", "Tarnów", "Nowy Sącz", "Zakopane", "Wrocław", "Lwów", "Wiedeń", "Nowy Jork", "Bochnia", "Myślenice",
] as const;

export const ORG_KINDS = [
  "Stowarzyszenie", "Fundacja", "Towarzystwo", "Klub Sportowy", "Chór", "Teatr", "Bractwo", "Muzeum", "Zespół Pieśni i Tańca",
  "Polskie Towarzystwo", "Krakowskie Towarzystwo", "Ochotnicza Straż Pożarna",
] as const;

export const ORG_OBJECTS = [
  "Przyjaciół Kazimierza", "Miłośników Podgórza", "Ochrony Zabytków Nowej Huty", "Rozwoju Dzielnicy Dębniki",
  "Pomocy Dzieciom „Świetlik”", "Kultury Żydowskiej", "im. św. Jadwigi Królowej", "Miłośników Zwierzyńca",
  "Ratownictwa Wodnego na Wiśle", "Artystów Plastyków", "Seniorów z Bieżanowa", "„Łączy nas Kraków”",
  "Gospodarczych Inicjatyw Małopolski", "Opieki nad Grobami Zasłużonych", "Muzyki Dawnej „Cantus Cracoviensis”",
  "Przyjaciół Salwatora", "Historii Płaszowa", "Edukacji Ekologicznej „Zielone Błonia”", "Sportów Wodnych „Żagiel”",
  "Pamięci Ofiar Wojny", "Wspierania Hospicjów", "Rzemiosła Artystycznego", "Świętej Cecylii", "Miłośników Ziemi Krakowskiej",
] as const;

export const MERITS_SENTENCES = [
  "Od ponad trzydziestu lat prowadzi działalność społeczną na rzecz mieszkańców Krakowa.",
  "Inicjator i współorganizator wielu wydarzeń kulturalnych, w tym festiwali muzyki dawnej i koncertów charytatywnych.",
  "Zasłużony dla ochrony dziedzictwa kulturowego miasta, autor licznych publikacji o historii Kazimierza i Podgórza.",
  "Współtwórca programów edukacyjnych dla dzieci i młodzieży z dzielnic Nowa Huta, Bieżanów-Prokocim i Dębniki.",
  "Przez wiele lat kierował zespołem, który przywrócił świetność zabytkowym kamienicom przy ulicy Floriańskiej.",
  "Jego praca naukowa przyczyniła się do rozwoju krakowskiej medycyny i opieki nad osobami starszymi.",
  "Organizatorka pomocy dla rodzin dotkniętych powodzią w 1997 roku i koordynatorka wolontariatu w szpitalach.",
  "Laureat wielu nagród artystycznych, promuje imię Krakowa na scenach Europy i świata.",
  "Wieloletni trener młodzieży, wychował kilkudziesięciu reprezentantów Polski w sportach wodnych.",
  "Fundator stypendiów dla uzdolnionych uczniów krakowskich szkół artystycznych.",
  "Działa na rzecz pojednania polsko-żydowskiego oraz pamięci o mieszkańcach dawnego Krakowa.",
  "Współzałożyciel instytucji, która od lat wspiera hospicja i domy opieki w Małopolsce.",
  "Autor projektów architektonicznych wyróżnionych w konkursach miejskich i krajowych.",
  "Jego zaangażowanie w rozwój samorządu lokalnego po 1990 roku jest powszechnie doceniane.",
  "Nieprzerwanie od dekad dokumentuje życie miasta w fotografii i filmie.",
  "Wnioskodawca podkreśla skromność kandydata i jego wyjątkową życzliwość wobec ludzi.",
] as const;
