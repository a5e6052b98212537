// npm run db:seed: reference data always; demo data only into an empty register.
import { env } from "#app/utils/env.server";
import { db } from "#app/utils/db.server";
import { isDatabaseEmpty, seedDemoData, seedDemoUsers } from "./seed/demo";
import { seedReferenceData } from "./seed/reference";

export async function seed({ demo }: { demo: boolean }) {
  await seedReferenceData();
  if (demo && (await isDatabaseEmpty())) {
    await seedDemoUsers();
    const { created } = await seedDemoData();
    console.log(`Dodano dane demonstracyjne: ${created} fikcyjnych wniosków.`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await seed({ demo: env().SEED_DEMO_DATA });
  await db().$disconnect();
}
