import { describe, expect, it } from "vitest";
import { isStateChangeAllowed, type StateChangeRequest } from "#app/utils/csrf.server";

const OWN = { host: "merenti.krakow.pl", protocol: "https" } as const;
const post = (headers: Partial<StateChangeRequest>) => isStateChangeAllowed({ method: "POST", ...OWN, ...headers });

describe("isStateChangeAllowed", () => {
  it("lets GET, HEAD and OPTIONS through whatever their headers say", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get", "head", "options"]) {
      expect(isStateChangeAllowed({ method, ...OWN, origin: "https://evil.example", secFetchSite: "cross-site" })).toBe(true);
    }
  });

  it("checks every other method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post", "PROPFIND"]) {
      expect(isStateChangeAllowed({ method, ...OWN, origin: "https://evil.example" })).toBe(false);
      expect(isStateChangeAllowed({ method, ...OWN, origin: "https://merenti.krakow.pl" })).toBe(true);
    }
  });

  describe("with an Origin header", () => {
    it("allows exactly the server's own origin", () => {
      expect(post({ origin: "https://merenti.krakow.pl" })).toBe(true);
      expect(post({ origin: "https://MERENTI.krakow.pl" })).toBe(true);
    });

    it("treats the default port as no port, on both sides", () => {
      expect(post({ origin: "https://merenti.krakow.pl:443" })).toBe(true);
      expect(post({ origin: "https://merenti.krakow.pl", host: "merenti.krakow.pl:443" })).toBe(true);
      expect(isStateChangeAllowed({ method: "POST", host: "localhost:80", protocol: "http", origin: "http://localhost" })).toBe(true);
    });

    it("refuses another site, scheme, port or subdomain", () => {
      expect(post({ origin: "https://evil.example" })).toBe(false);
      expect(post({ origin: "http://merenti.krakow.pl" })).toBe(false);
      expect(post({ origin: "https://merenti.krakow.pl:8443" })).toBe(false);
      expect(post({ origin: "https://www.merenti.krakow.pl" })).toBe(false);
      expect(post({ origin: "https://krakow.pl" })).toBe(false);
      expect(post({ origin: "https://merenti.krakow.pl.evil.example" })).toBe(false);
    });

    it('refuses "null" and anything that is not an http(s) origin', () => {
      expect(post({ origin: "null" })).toBe(false);
      expect(post({ origin: "not a url" })).toBe(false);
      expect(post({ origin: "file://" })).toBe(false);
    });

    it("decides by Origin even when Referer says otherwise", () => {
      expect(post({ origin: "https://evil.example", referer: "https://merenti.krakow.pl/nominations/new" })).toBe(false);
      expect(post({ origin: "https://merenti.krakow.pl", referer: "https://evil.example/" })).toBe(true);
    });

    it("refuses when the server does not know its own host", () => {
      expect(post({ origin: "https://merenti.krakow.pl", host: undefined })).toBe(false);
      expect(post({ origin: "https://merenti.krakow.pl", host: "" })).toBe(false);
    });
  });

  describe("without Origin, by Referer", () => {
    it("allows a page of this server", () => {
      expect(post({ referer: "https://merenti.krakow.pl/nominations/new?x=1" })).toBe(true);
    });

    it("refuses another site or a malformed Referer", () => {
      expect(post({ referer: "https://evil.example/merenti.krakow.pl" })).toBe(false);
      expect(post({ referer: "http://merenti.krakow.pl/nominations/new" })).toBe(false);
      expect(post({ referer: "nonsense" })).toBe(false);
    });
  });

  describe("with neither Origin nor Referer", () => {
    it("allows a client that is not a browser (no Sec-Fetch-Site: curl, scripts)", () => {
      expect(post({})).toBe(true);
      expect(post({ origin: "", referer: "" })).toBe(true);
      expect(post({ origin: null, referer: null, secFetchSite: null })).toBe(true);
    });

    it('allows a browser that says "same-origin"', () => {
      expect(post({ secFetchSite: "same-origin" })).toBe(true);
    });

    it("refuses a browser that says the request came from elsewhere or from nowhere", () => {
      expect(post({ secFetchSite: "cross-site" })).toBe(false);
      expect(post({ secFetchSite: "same-site" })).toBe(false);
      expect(post({ secFetchSite: "none" })).toBe(false);
      expect(post({ secFetchSite: "something-new" })).toBe(false);
    });
  });

  it("refuses what the browser marks cross-site or same-site even with a matching Origin", () => {
    expect(post({ origin: "https://merenti.krakow.pl", secFetchSite: "cross-site" })).toBe(false);
    expect(post({ origin: "https://merenti.krakow.pl", secFetchSite: "same-site" })).toBe(false);
    expect(post({ origin: "https://merenti.krakow.pl", secFetchSite: "same-origin" })).toBe(true);
  });

  it('accepts the protocol with or without a colon ("https" or "https:")', () => {
    expect(post({ protocol: "https:", origin: "https://merenti.krakow.pl" })).toBe(true);
  });
});
