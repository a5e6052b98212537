// Applies the migrations in prisma/migrations to DATABASE_URL (the embedded file by default).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function migrate(databaseUrl?: string) {
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migrate();
  console.log("Migracje zastosowane.");
}
