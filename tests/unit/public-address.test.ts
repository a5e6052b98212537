import { describe, expect, test } from "vitest";
import { publicAddressProblem } from "#app/domain/public-address";

describe("the public address printed on documents (issue 16, item 9)", () => {
  test.each([
    "http://localhost:3000",
    "http://127.0.0.1:3000",
    "http://[::1]:3000",
    "http://0.0.0.0",
    "http://merenti.local",
    "http://app.localhost",
    "",
    undefined,
    "nie-adres",
  ])("„%s” is refused, naming PUBLIC_BASE_URL", (url) => {
    expect(publicAddressProblem(url)).toMatch(/PUBLIC_BASE_URL/);
  });
  test.each(["https://merenti.krakow.pl", "https://rejestr.um.krakow.pl/merenti", "http://10.1.2.3:3000"])("„%s” is a public address", (url) => {
    expect(publicAddressProblem(url)).toBeNull();
  });
});
