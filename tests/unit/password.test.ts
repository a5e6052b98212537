import { describe, expect, test } from "vitest";
import { hashPassword, verifyPassword } from "#app/utils/password.server";

describe("password hashing (scrypt)", () => {
  test("a hash verifies its password only, and salts differ", async () => {
    const a = await hashPassword("Zażółć gęślą jaźń 2026");
    const b = await hashPassword("Zażółć gęślą jaźń 2026");
    expect(a).toMatch(/^scrypt\$65536\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("Zażółć gęślą jaźń 2026", a)).toBe(true);
    expect(await verifyPassword("Zazolc gesla jazn 2026", a)).toBe(false);
    expect(await verifyPassword("", a)).toBe(false);
  });

  test("composed and decomposed Polish letters are the same password", async () => {
    const hash = await hashPassword("Łódź-ś".normalize("NFC"));
    expect(await verifyPassword("Łódź-ś".normalize("NFD"), hash)).toBe(true);
  });

  test("a malformed stored hash never verifies", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$1$2$3$4$5")).toBe(false);
  });
});
