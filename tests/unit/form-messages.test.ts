// A value over a field's limit is answered with the limit, not with the field's "fill it in"
// message: in zod 4 a schema's `error` option also words the checks that give no message of their own.
import { describe, expect, test } from "vitest";
import type { z } from "zod";
import { EditUserSchema, NewUserSchema } from "#app/domain/account-forms";
import { AssignSchema } from "#app/domain/assignee";
import { VenueForm } from "#app/domain/ceremony";
import { transitionSchema } from "#app/domain/transition-form";

function messages(result: z.ZodSafeParseResult<unknown>): Record<string, string[]> {
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

describe("messages for values over a limit", () => {
  test("a user's name over 200 characters", () => {
    const long = "Ż".repeat(201);
    expect(messages(NewUserSchema.safeParse({ email: "a@b.pl", name: long, password: "bardzo-dlugie-haslo-1", roleKeys: ["READER"] })).name).toEqual([
      "Najwyżej 200 znaków.",
    ]);
    expect(messages(EditUserSchema.safeParse({ name: long, version: 1 })).name).toEqual(["Najwyżej 200 znaków."]);
    expect(messages(NewUserSchema.safeParse({ email: "", name: "", password: "bardzo-dlugie-haslo-1", roleKeys: ["READER"] })).name).toEqual([
      "Podaj imię i nazwisko.",
    ]);
  });

  test("a venue's capacity over 100 000", () => {
    expect(messages(VenueForm.safeParse({ name: "Sala", capacity: "100001" })).capacity).toEqual(["Najwyżej 100 000 miejsc."]);
    expect(messages(VenueForm.safeParse({ name: "Sala", capacity: "abc" })).capacity).toEqual(["Podaj liczbę miejsc."]);
  });

  test("a vote count over 100 000", () => {
    const schema = transitionSchema("CRACOVIAE_MERENTI", "ADOPTED", "2026-11-26");
    const result = messages(schema.safeParse({ votesFor: "100001", version: "1" }));
    expect(result.votesFor).toEqual(["Najwyżej 100 000."]);
  });
});

describe("a form's record version", () => {
  // A hand-edited or truncated form (also without JavaScript) must not answer in zod's own words.
  test.each([["0"], ["abc"], [""], ["1.5"]])("version %j is refused in Polish, with what to do", (version) => {
    expect(messages(AssignSchema.safeParse({ version, assigneeId: "" })).version).toEqual([
      "Formularz nie zawiera wersji danych: odśwież stronę i spróbuj ponownie.",
    ]);
  });
});
