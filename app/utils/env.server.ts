// The environment, validated once at start-up: a wrong variable stops the app with a clear
// message instead of failing later in a request.
import { isIP } from "node:net";
import { z } from "zod";

/**
 * TRUST_PROXY, as Express's "trust proxy" setting: unset or "false" trusts no proxy (the
 * client's own address and protocol count); "true" trusts every hop; a number trusts that many
 * hops; otherwise a comma-separated list of addresses, subnets (CIDR) or the names loopback,
 * linklocal, uniquelocal.
 */
const TrustProxy = z
  .string()
  .trim()
  .optional()
  .refine(
    (v) =>
      v === undefined ||
      v === "" ||
      /^(true|false|\d+)$/.test(v) ||
      v.split(",").every((part) => {
        const entry = part.trim();
        if (["loopback", "linklocal", "uniquelocal"].includes(entry)) return true;
        const [address = "", prefix, ...rest] = entry.split("/");
        return rest.length === 0 && isIP(address) !== 0 && (prefix === undefined || /^\d{1,3}$/.test(prefix));
      }),
    "TRUST_PROXY musi być true, false, liczbą serwerów pośredniczących albo listą adresów IP/podsieci oddzielonych przecinkami.",
  )
  .transform((v): boolean | number | string => {
    if (v === undefined || v === "" || v === "false") return false;
    if (v === "true") return true;
    if (/^\d+$/.test(v)) return Number(v);
    return v;
  });

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:)/, "DATABASE_URL musi zaczynać się od file:, libsql: lub http(s):")
    .default("file:./prisma/data/app.db"),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /** The nominations' attached files; unset: `<database name>-attachments` beside a file database. */
  ATTACHMENTS_DIR: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  TRUST_PROXY: TrustProxy,
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET musi mieć co najmniej 32 znaki.").optional(),
  PUBLIC_BASE_URL: z.url("PUBLIC_BASE_URL musi być adresem URL.").default("http://localhost:3000"),
  SEED_DEMO_DATA: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Nieprawidłowe zmienne środowiskowe:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
