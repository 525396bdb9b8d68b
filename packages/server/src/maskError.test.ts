import { PhotoError } from "@photoaudit/core";
import { RulesetError } from "@photoaudit/rules";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { ApiError } from "./errors.js";
import { maskError } from "./maskError.js";

/** An error as graphql-js hands it to the mask: the resolver's error wrapped, its extensions copied. */
const fromResolver = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ["field"] });
const masked = (error: unknown, isDev = false) => maskError(error, "Unexpected error.", isDev) as GraphQLError;

describe("maskError", () => {
  it("lets known codes through with their details", () => {
    const error = masked(fromResolver(new ApiError("CONFLICT", "stale", { latestVersion: 3 })));
    expect(error.message).toBe("stale");
    expect(error.extensions).toEqual({ code: "CONFLICT", latestVersion: 3 });
  });

  it("maps typed errors of the other packages to their API codes", () => {
    expect(masked(fromResolver(new RulesetError("RULESET_NOT_FOUND", "No ruleset x"))).extensions.code).toBe("NOT_FOUND");
    const invalid = masked(fromResolver(new RulesetError("INVALID_RULESET", "bad", [{ path: "/rules/0", message: "m" }])));
    expect(invalid.extensions).toMatchObject({ code: "INVALID_RULESET", problems: [{ path: "/rules/0", message: "m" }] });
    expect(masked(fromResolver(new PhotoError("TOO_LARGE", "big"))).extensions).toEqual({ code: "BAD_PHOTO", photoErrorCode: "TOO_LARGE" });
  });

  it("masks anything else in production and keeps the path", () => {
    const error = masked(fromResolver(new Error("connection to 10.0.0.5 refused, password=...")));
    expect(error.message).toBe("Unexpected error.");
    expect(error.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
    expect(error.path).toEqual(["field"]);
  });

  it("shows the original message in development", () => {
    expect(masked(fromResolver(new Error("db down")), true).message).toBe("db down");
  });

  it("passes request errors (syntax, validation) through, with BAD_REQUEST when they have no code", () => {
    const error = masked(new GraphQLError('Cannot query field "x" on type "Query".'));
    expect(error.message).toContain("Cannot query field");
    expect(error.extensions.code).toBe("BAD_REQUEST");
    expect(masked(new GraphQLError("deep", { extensions: { code: "QUERY_TOO_DEEP" } })).extensions.code).toBe("QUERY_TOO_DEEP");
  });
});
