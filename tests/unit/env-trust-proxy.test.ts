import { describe, expect, it } from "vitest";
import { parseEnv as parseProcessEnv } from "#app/utils/env.server";

const parseEnv = (vars: Record<string, string>) => parseProcessEnv(vars as NodeJS.ProcessEnv);

describe("TRUST_PROXY and HOST in the environment", () => {
  it("trusts no proxy unless told", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
  });

  it("reads true, a hop count, or a list of addresses and subnets as Express does", () => {
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: "loopback" }).TRUST_PROXY).toBe("loopback");
    expect(parseEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8, fd00::1" }).TRUST_PROXY).toBe("loopback, 10.0.0.0/8, fd00::1");
  });

  it("stops at start-up with a Polish message on anything else", () => {
    for (const value of ["yes", "proxy.example", "10.0.0.0/8/1", "loopback,"]) {
      expect(() => parseEnv({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY musi być/);
    }
  });

  it("treats an empty HOST as unset", () => {
    expect(parseEnv({ HOST: "" }).HOST).toBeUndefined();
    expect(parseEnv({ HOST: "127.0.0.1" }).HOST).toBe("127.0.0.1");
  });
});
