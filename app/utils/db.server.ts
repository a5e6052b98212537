// The one Prisma client of the process, on SQLite through the libsql driver.
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient, type Prisma } from "#app/generated/prisma/client.ts";
import { env } from "./env.server";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

export function createPrismaClient(url: string, authToken?: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaLibSQL({ url, authToken }) });
}

const globalForDb = globalThis as unknown as { __merentiDb?: PrismaClient };

/** The shared client; created on first use so tests can point DATABASE_URL first. */
export function db(): PrismaClient {
  if (!globalForDb.__merentiDb) {
    const e = env();
    globalForDb.__merentiDb = createPrismaClient(e.DATABASE_URL, e.DATABASE_AUTH_TOKEN);
  }
  return globalForDb.__merentiDb;
}
