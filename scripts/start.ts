// npm start: validate the environment, build if the sources changed, migrate, seed an empty
// database, then serve the built app with scripts/server.ts (which prints the address).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { publicAddressProblem } from "#app/domain/public-address";
import { parseEnv } from "#app/utils/env.server";
import { migrate } from "./migrate";
import { sourceFingerprint } from "./source-fingerprint";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// A local .env (see .env.example) is optional; real environment variables win over it.
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
const env = parseEnv(process.env);
const publicAddress = publicAddressProblem(process.env.PUBLIC_BASE_URL);
if (publicAddress) console.warn(`UWAGA: ${publicAddress}`);

const stamp = path.join(root, "build/.source-fingerprint");
const fingerprint = sourceFingerprint(root);
if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== fingerprint) {
  console.log("Budowanie aplikacji…");
  execFileSync(path.join(root, "node_modules/.bin/remix"), ["vite:build"], { cwd: root, stdio: "inherit" });
  writeFileSync(stamp, fingerprint);
}

migrate(env.DATABASE_URL);
const { seed } = await import("../prisma/seed");
await seed({ demo: env.SEED_DEMO_DATA });

// A process of its own: the server runs in production mode, apart from the seed's database client.
const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/server.ts")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PORT: String(env.PORT), NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
