import { describe, expect, it } from "vitest";
import { bearerToken, generateToken, hashToken } from "./apiTokens.js";
import { mayAdminister, regionCovers, type Principal } from "./roles.js";

const admin = (...regions: string[]): Principal => ({ tokenId: "tok_1", name: "a", role: "admin", regions });

describe("regionCovers", () => {
  it.each([
    ["CN-SD", "CN-SD", true],
    ["CN", "CN-SD", true],
    ["CN", "CN", true],
    ["CN-SD", "CN", false],
    ["CN-SD", "CN-GD", false],
    ["CN-S", "CN-SD", false],
    ["CN", "CNX", false],
    ["INT", "CN", false],
  ])("%s covers %s: %s", (granted, region, expected) => {
    expect(regionCovers(granted, region)).toBe(expected);
  });
});

describe("mayAdminister", () => {
  it("lets an admin edit only its regions, a superadmin everything, a client and nobody nothing", () => {
    expect(mayAdminister(admin("CN-SD", "CN-GD"), "CN-GD")).toBe(true);
    expect(mayAdminister(admin("CN-SD"), "CN-GD")).toBe(false);
    expect(mayAdminister({ ...admin(), role: "superadmin" }, "INT")).toBe(true);
    expect(mayAdminister({ ...admin("CN"), role: "client" }, "CN")).toBe(false);
    expect(mayAdminister(null, "CN")).toBe(false);
  });
});

describe("API tokens", () => {
  it("are random, prefixed, and stored only as a SHA-256 hash", () => {
    const a = generateToken();
    const b = generateToken();
    expect(a.token).toMatch(/^pat_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("are read from a Bearer header; a malformed header is told apart from none", () => {
    expect(bearerToken("Bearer pat_x")).toBe("pat_x");
    expect(bearerToken("bearer  pat_x ")).toBe("pat_x");
    expect(bearerToken(null)).toBeNull();
    expect(bearerToken("Basic dXNlcg==")).toBeUndefined();
    expect(bearerToken("Bearer a b")).toBeUndefined();
  });
});
