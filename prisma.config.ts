import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { defineConfig } from "prisma/config";

export const DEFAULT_DATABASE_URL = "file:./prisma/data/app.db";

// Prisma fails with a bare "External error id#0" when the database folder is missing.
function ensureFolderFor(url: string) {
  if (!url.startsWith("file:")) return;
  const file = url.slice("file:".length);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(path.dirname(fileURLToPath(import.meta.url)), "prisma/schema.prisma"),
  async adapter() {
    const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
    ensureFolderFor(url);
    return new PrismaLibSQL({ url });
  },
});
