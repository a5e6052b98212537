// A hash of everything the app's build is made from: `npm start` and the tests rebuild only
// when it changes.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        hash
          .update(full)
          .update(String(statSync(full).size))
          .update(readFileSync(full));
    }
  };
  for (const dir of ["app", "public", "templates"]) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ["package-lock.json", "vite.config.ts", "remix.config.js"]) hash.update(readFileSync(path.join(root, file)));
  return hash.digest("hex");
}
