// A worked example of the document markup: a draft Council resolution conferring the medal, with
// its justification on a second page. Fictional data. It shows template authors every tag in use
// and is what the document tests and the benchmark (bench/documents.ts) render.
import { compileDocumentTemplate } from "./template";

export const EXAMPLE_RESOLUTION_TEMPLATE = `<document title="Projekt uchwały w sprawie nadania Medalu &quot;Cracoviae Merenti&quot; {{candidate.dative}}"
          author="{{author}}" subject="{{subject}}">
  <header>
    <line>druk nr {{printNumber}}</line>
    <line>projekt Prezydenta Miasta Krakowa</line>
  </header>
  <title>UCHWAŁA NR ....................<br/>RADY MIASTA KRAKOWA<br/>z dnia ....................<br/>
    w sprawie nadania {{medalClassGenitive}} Medalu "Cracoviae Merenti" {{honorific}} {{candidate.dative}}</title>
  <p>{{legalBasis}} uchwala się, co następuje:</p>
  <section number="1">
    <p>Nadaje się {{honorific}} <b>{{candidate.dative}}</b> {{medalClassAccusative}} Medal "Cracoviae Merenti" w dowód uznania {{possessive}} szczególnych zasług dla Krakowa, w szczególności za:</p>
    <ol>
      {{#each merits}}
      <li>{{this}}</li>
      {{/each}}
    </ol>
  </section>
  <section number="2">
    <p>Wykonanie uchwały powierza się Prezydentowi Miasta Krakowa.</p>
  </section>
  <section number="3">
    <p>Uchwała wchodzi w życie z dniem podjęcia.</p>
  </section>
  <signature>
    <line>{{chair.office}}</line>
    <line/>
    <line>{{chair.name}}</line>
  </signature>
  <pagebreak/>
  <title>UZASADNIENIE</title>
  {{#each justification}}
  <p>{{this}}</p>
  {{/each}}
  <p align="right"><i>Sporządził(a): {{preparedBy}}, {{polishDate preparedOn}}</i></p>
</document>
`;

export type ExampleResolutionData = {
  author: string;
  subject: string;
  printNumber: string;
  medalClassGenitive: string;
  medalClassAccusative: string;
  honorific: string;
  possessive: string;
  candidate: { dative: string };
  legalBasis: string;
  merits: string[];
  chair: { office: string; name: string };
  justification: string[];
  preparedBy: string;
  preparedOn: string;
};

export const exampleResolutionTemplate = compileDocumentTemplate<ExampleResolutionData>(EXAMPLE_RESOLUTION_TEMPLATE, "example-resolution.hbs");

export function exampleResolutionData(): ExampleResolutionData {
  return {
    author: "Kancelaria Prezydenta Miasta Krakowa (KP-09)",
    subject: "Medal \"Cracoviae Merenti\"",
    printNumber: "1234",
    medalClassGenitive: "Srebrnego",
    medalClassAccusative: "Srebrny",
    honorific: "Panu",
    possessive: "Jego",
    candidate: { dative: "Draganowi Rajčiciowi" },
    legalBasis:
      "Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym oraz § 3 ust. 1 regulaminu Medalu \"Cracoviae Merenti\" stanowiącego załącznik do uchwały Rady Miasta Krakowa w sprawie ustanowienia Medalu \"Cracoviae Merenti\"",
    merits: [
      "wieloletnią pracę na rzecz ochrony zabytków Krakowa, odnowę Kopca Kościuszki i wystawę „Tadeusz Kościuszko – obywatel Krakowa”,",
      "popularyzację dziedzictwa Krakowa w Czechach, Słowacji i na Węgrzech (Brno, Žilina, Győr),",
      "współtworzenie programu „Kraków – miasto literatury” z Łucją Ćwiklińską-Śliwą.",
    ],
    chair: { office: "Przewodnicząca Rady Miasta Krakowa", name: "Łucja Ćwiklińska-Śliwa" },
    justification: [
      "Pan Dragan Rajčić od ponad trzydziestu lat związany jest z Krakowem. Jako konserwator zabytków kierował pracami przy odnowie Kopca Kościuszki, a w latach 1997–2002 nadzorował odbudowę jego umocnień po powodzi. Z jego inicjatywy powstał program edukacyjny „Kopiec i miasto”, w którym co roku uczestniczy kilka tysięcy uczniów krakowskich szkół.",
      "Jest autorem i współautorem kilkudziesięciu publikacji o architekturze obronnej Krakowa, wydanych w języku polskim, czeskim, słowackim i węgierskim. Jego przekłady przybliżyły czytelnikom w Brnie, Žilinie i Győrze historię Tadeusza Kościuszki i dzieje krakowskich fortyfikacji; za tę działalność otrzymał w 2019 r. nagrodę Miasta Brna.",
      "Od 2010 r. współpracuje z Urzędem Miasta Krakowa przy programie „Kraków – miasto literatury UNESCO”, w którym organizuje spotkania autorów z Europy Środkowej. Współtworzył cykl „Czytanie miasta” i międzynarodowe warsztaty przekładowe, a ich uczestnicy – tłumacze z Czech, Słowacji, Węgier, Chorwacji i Serbii, wśród nich Jiří Dvořák, Zuzana Šťastná i Ödön Szűcs – przełożyli na swoje języki kilkanaście książek o Krakowie.",
      "Pan Dragan Rajčić jest także fundatorem stypendium dla młodych konserwatorów, z którego skorzystało dotąd dwadzieścioro troje absolwentów krakowskich uczelni. Stypendyści pracowali m.in. przy konserwacji kamieniarki Bramy Floriańskiej, Barbakanu i murów obronnych przy ul. Pijarskiej.",
      "Kapituła Medalu \"Cracoviae Merenti\" na posiedzeniu w dniu 12 marca 2026 r. pozytywnie zaopiniowała wniosek o nadanie Panu Draganowi Rajčiciowi Srebrnego Medalu \"Cracoviae Merenti\". Mając powyższe na uwadze, podjęcie uchwały jest w pełni uzasadnione.",
    ],
    preparedBy: "Zofia Żółkiewska",
    preparedOn: "2026-03-20",
  };
}
