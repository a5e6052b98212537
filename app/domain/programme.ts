// A ceremony's programme as a list of points (issue 16, item 11): each with an optional time, what
// happens and who speaks, edited as a form and printed by templates/ceremony-programme.hbs. The
// first programme is suggested from the usual order of a ceremonial session (DOMAIN.md), worded
// for the Chair and the Mayor in office on the day („Przewodnicząca Rady” for a woman). Pure.
import { z } from "zod";
import { optionalLine, requiredText, RecordVersion } from "./form-fields";
import { councilChairTitle, mayorTitle, type OfficeHolder } from "./office-holders";
import "./zod-polish";

export type ProgrammeRow = { time: string; text: string; speaker: string };

export const MAX_PROGRAMME_ITEMS = 60;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const ProgrammeRowSchema = z.object({
  time: optionalLine(5).refine((v) => v === "" || TIME.test(v), { message: "Godzina w postaci GG:MM, np. 12:05 (albo pusta)." }),
  text: requiredText({ max: 500, multiline: false }, "Wpisz, co się dzieje w tym punkcie programu."),
  speaker: optionalLine(300),
});

/** The programme form: the points in their order (adding, removing and moving rows are the form's own list intents). */
export const ProgrammeFormSchema = z.object({
  version: RecordVersion,
  items: z
    .array(ProgrammeRowSchema, { error: "Program musi mieć co najmniej jeden punkt." })
    .min(1, "Program musi mieć co najmniej jeden punkt.")
    .max(MAX_PROGRAMME_ITEMS, `Najwyżej ${MAX_PROGRAMME_ITEMS} punktów programu.`),
});
export type ProgrammeFormInput = z.output<typeof ProgrammeFormSchema>;

/** Times, where given, must not go back: a point timed before an earlier one is refused next to its time. */
export function programmeTimeProblems(rows: readonly ProgrammeRow[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  let last = "";
  rows.forEach((row, index) => {
    if (!TIME.test(row.time)) return;
    if (last && row.time < last) problems.push({ index, message: `Godzina ${row.time} jest wcześniejsza niż w poprzednim punkcie (${last}).` });
    else last = row.time;
  });
  return problems;
}

export type ProgrammeCeremony = {
  isSession: boolean;
  startTime: string;
  laureates: readonly { name: string; honourText: string }[];
};

const named = (holder: OfficeHolder | null, title: string) => (holder ? `${holder.fullName}, ${title}` : title);

/**
 * The usual programme of a ceremony, worded for the office holders on its date: hejnał, opening
 * and the Chair's address (a session) or the opening, the Mayor's laudation, the hand-over in the
 * planned order, the laureates' words, the artistic part, closing.
 */
export function suggestedProgramme(c: ProgrammeCeremony, chair: OfficeHolder | null, mayor: OfficeHolder | null): ProgrammeRow[] {
  const chairTitle = councilChairTitle(chair);
  const mayorTitles = mayorTitle(mayor);
  const handOver = c.laureates.length
    ? `Wręczenie wyróżnień: ${c.laureates.map((l) => (l.honourText ? `${l.name} (${l.honourText})` : l.name)).join("; ")}`
    : "Wręczenie wyróżnień";
  const handedBy = c.isSession ? `${mayorTitles.nominative} i ${chairTitle.nominative}` : mayorTitles.nominative;
  return [
    { time: c.startTime, text: "Hejnał mariacki", speaker: "" },
    c.isSession
      ? { time: "", text: `Otwarcie uroczystej sesji Rady Miasta Krakowa i wystąpienie ${chairTitle.genitive}`, speaker: named(chair, chairTitle.nominative) }
      : { time: "", text: "Otwarcie uroczystości", speaker: "" },
    { time: "", text: `Laudacja ${mayorTitles.genitive}`, speaker: named(mayor, mayorTitles.nominative) },
    { time: "", text: handOver, speaker: handedBy },
    { time: "", text: "Wystąpienia laureatów", speaker: "" },
    { time: "", text: "Część artystyczna", speaker: "" },
    c.isSession
      ? { time: "", text: "Zamknięcie uroczystej sesji", speaker: named(chair, chairTitle.nominative) }
      : { time: "", text: "Zamknięcie uroczystości", speaker: "" },
  ];
}
