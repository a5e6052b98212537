import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { mayOpen, permissionsToOpen } from "#app/domain/link-permissions";
import { DEFAULT_ROLES } from "#app/domain/permissions";

const role = (key: string) => DEFAULT_ROLES.find((r) => r.key === key)!.permissions;

describe("which links a user may follow", () => {
  test("each guarded address asks for what its route's loader checks", () => {
    const cases: Array<[string, string]> = [
      ["/admin/settings#signatory-MAYOR", "app/routes/admin.settings._index.tsx"],
      ["/candidates/abc", "app/routes/candidates.$id._index.tsx"],
      ["/nominations?honour=CRACOVIAE_MERENTI&status=RECEIVED", "app/routes/nominations._index.tsx"],
      ["/nominations/abc", "app/routes/nominations.$id._index.tsx"],
      ["/hg/new", "app/routes/hg.new.tsx"],
      ["/hg?status=open", "app/routes/hg._index.tsx"],
      ["/diplomas?ceremony=abc", "app/routes/diplomas._index.tsx"],
      ["/conferrals/abc/diploma", "app/routes/conferrals.$id.diploma.tsx"],
      ["/ceremonies", "app/routes/ceremonies._index.tsx"],
      ["/ceremonies/abc", "app/routes/ceremonies.$id._index.tsx"],
    ];
    for (const [href, file] of cases) {
      const loader = readFileSync(file, "utf8").split("export async function loader")[1]!.split("\n}\n")[0]!;
      const checked = [...loader.matchAll(/requireUserWith(?:Any)?Permissions?\(request, (\[[^\]]*\]|"[^"]*")/g)].map(
        (m) => JSON.parse(m[1]!) as string | string[],
      );
      expect(checked, `${file} checks one permission set`).toHaveLength(1);
      expect([...permissionsToOpen(href)].sort(), href).toEqual([checked[0]!].flat().sort());
    }
  });

  test("roles follow only the links their permissions open", () => {
    expect(mayOpen("/nominations/abc", role("PRINTING"))).toBe(false);
    expect(mayOpen("/conferrals/abc/diploma", role("PRINTING"))).toBe(true);
    expect(mayOpen("/admin/settings#signatory-MAYOR", role("KP04_CLERK"))).toBe(false);
    expect(mayOpen("/admin/settings#signatory-MAYOR", role("ADMIN"))).toBe(true);
    expect(mayOpen("/hg/new", role("KP09_SPECIALIST"))).toBe(false);
    expect(mayOpen("/hg/new", role("KP04_CLERK"))).toBe(true);
    expect(mayOpen("/diplomas?ceremony=abc", role("PROTOCOL"))).toBe(false);
    expect(mayOpen("/candidates/abc/edit", role("KP04_CLERK"))).toBe(true);
    expect(mayOpen("/candidates/abc/edit", role("READER"))).toBe(false);
    // The audit log names ceremonies to an administrator, who does not plan them.
    expect(mayOpen("/ceremonies/abc", role("ADMIN"))).toBe(false);
    expect(mayOpen("/ceremonies/abc", role("PROTOCOL"))).toBe(true);
    // Unlisted addresses (the public registry, reports) are not hidden.
    expect(mayOpen("/rejestr/abc", [])).toBe(true);
    expect(mayOpen("/hgx", [])).toBe(true);
  });
});
