// The diploma benchmark's rows: N laureates of one ceremony with confirmed diplomas, added to the
// shared benchmark database (bench/lib/dataset.ts) through the app's own code, so the batch reads
// exactly what production reads. Deterministic names with Polish and other Latin letters.
import { FEMALE_GIVEN, feminineOf, MALE_GIVEN, SURNAMES } from "./names";

export type DiplomaRows = { ceremonyId: string; conferralIds: string[]; userId: string; userName: string };

export async function buildDiplomaRows(count: number): Promise<DiplomaRows> {
  const { db } = await import("#app/utils/db.server");
  const { diplomaFor } = await import("#app/models/diploma.server");
  const { newPublicId } = await import("#app/models/conferral.server");
  const client = db();
  const date = "2026-06-05";
  // Bench signatories on the diploma date (the benchmark database has no real ones).
  for (const office of ["MAYOR", "COUNCIL_CHAIR"]) {
    await client.signatory.deleteMany({ where: { office } });
  }
  await client.signatory.createMany({
    data: [
      { office: "MAYOR", fullName: "Jan Przykładowy", titleLine: "Prezydent Miasta Krakowa", validFrom: "2024-05-07" },
      { office: "COUNCIL_CHAIR", fullName: "Anna Wzorcowa-Żółkiewska", titleLine: "Przewodnicząca Rady Miasta Krakowa", validFrom: "2024-05-07" },
    ],
  });
  const user = await client.user.create({ data: { email: `bench-diplomas-${Date.now()}@bench.example`, name: "Benchmark", passwordHash: "-" } });
  const term = await client.councilTerm.findFirstOrThrow({ orderBy: { number: "desc" } });
  const resolution = await client.resolution.create({
    data: { councilTermId: term.id, number: "XCIX/9999/26", sessionNumber: 99, runningNumber: 9999, adoptedOn: "2026-03-11" },
  });
  const ceremony = await client.ceremony.create({
    data: { kind: "COUNCIL_SESSION", title: "Uroczysta sesja (benchmark)", date, startTime: "12:00", endTime: "14:00" },
  });
  const classes = ["GOLD", "SILVER", "BRONZE"] as const;
  const conferralIds: string[] = [];
  const base = 50_000 + Math.floor(Date.now() % 10_000) * 10;
  for (let i = 0; i < count; i++) {
    const feminine = i % 2 === 1;
    const given = feminine ? FEMALE_GIVEN[i % FEMALE_GIVEN.length]! : MALE_GIVEN[i % MALE_GIVEN.length]!;
    const rawSurname = SURNAMES[(i * 7) % SURNAMES.length]!;
    const surname = feminine ? feminineOf(rawSurname) : rawSurname;
    const candidate = await client.candidate.create({
      data: {
        kind: "PERSON",
        givenNames: given,
        surname,
        grammaticalGender: feminine ? "FEMININE" : "MASCULINE",
        nameNominative: `${given} ${surname}`,
        nameGenitive: `${given} ${surname}`,
        // The dative as printed; the benchmark times the printing, not the declension.
        nameDative: `${given} ${surname}`,
        nameFormsConfirmedAt: new Date(),
        displayName: `${surname} ${given}`,
        sortName: `${surname} ${given}`.toLowerCase(),
        foldedName: `${given} ${surname}`.toLowerCase(),
      },
    });
    const medalClass = classes[i % 3]!;
    const conferral = await client.conferral.create({
      data: {
        publicId: newPublicId(),
        candidateId: candidate.id,
        honour: "CRACOVIAE_MERENTI",
        medalClass,
        numberSeries: `BENCH_${medalClass}`,
        // Fictional, as demo data: printed whatever PUBLIC_BASE_URL the bench runs with.
        isDemo: true,
        number: base + i,
        resolutionId: resolution.id,
        conferredOn: "2026-03-11",
        handedOverOn: date,
      },
    });
    await client.ceremonyLaureate.create({ data: { ceremonyId: ceremony.id, conferralId: conferral.id, position: count - i } });
    conferralIds.push(conferral.id);
  }
  // Diplomas through the app (text and sourceHash), then confirmed as a person would.
  for (const id of conferralIds) {
    const state = await diplomaFor(id);
    if (!state?.diploma) throw new Error(`no diploma for ${id}: ${state?.missing.map((m) => m.message).join("; ")}`);
    await client.diploma.update({
      where: { id: state.diploma.id },
      data: { confirmedHash: state.diploma.sourceHash, confirmedAt: new Date(), confirmedById: user.id },
    });
  }
  return { ceremonyId: ceremony.id, conferralIds, userId: user.id, userName: user.name };
}
