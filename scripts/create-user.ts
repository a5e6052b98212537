// npm run user:create -- --email jan@krakow.example --name "Jan Kowalski" --role ADMIN [--role READER] [--password …]
// Without --password a strong random password is generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEFAULT_ROLES } from "#app/domain/permissions";
import { createUser } from "#app/models/user.server";
import { db } from "#app/utils/db.server";
import { migrate } from "./migrate";
import { seedReferenceData } from "../prisma/seed/reference";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", multiple: true }, password: { type: "string" } },
});
const input = z
  .object({
    email: z.email("Podaj poprawny adres e-mail (--email)."),
    name: z.string({ error: "Podaj imię i nazwisko (--name)." }).min(1, "Podaj imię i nazwisko (--name)."),
    role: z.array(z.string()).min(1, `Podaj co najmniej jedną rolę (--role): ${DEFAULT_ROLES.map((r) => r.key).join(", ")}.`),
    password: z.string().min(12, "Hasło musi mieć co najmniej 12 znaków.").optional(),
  })
  .safeParse({ ...values, role: values.role ?? [] });
if (!input.success) {
  for (const issue of input.error.issues) console.error(issue.message);
  process.exit(2);
}
migrate();
await seedReferenceData();
const password = input.data.password ?? randomBytes(12).toString("base64url");
const user = await createUser({ email: input.data.email, name: input.data.name, password, roleKeys: input.data.role }, { userId: null });
console.log(`Utworzono użytkownika ${user.email} (${input.data.role.join(", ")}).`);
if (!input.data.password) console.log(`Hasło (zapisz je teraz, nie zostanie pokazane ponownie): ${password}`);
await db().$disconnect();
