import { isPhotoError } from "@photoaudit/core";
import { CheckerPoolError, RulesetError } from "@photoaudit/rules";
import { GraphQLError } from "graphql";
import { PUBLIC_ERROR_CODES } from "./errors.js";

const originalOf = (error: unknown): unknown => (error instanceof GraphQLError && error.originalError ? originalOf(error.originalError) : error);

/**
 * Decides what a client sees of an error: known codes pass through with their extensions; typed errors of
 * the rules and core packages become their API codes; anything else is masked as INTERNAL_SERVER_ERROR
 * (with the original message only when `isDev`), so internals never leak in production.
 */
export function maskError(error: unknown, message: string, isDev = false): Error {
  const graphqlError = error instanceof GraphQLError ? error : undefined;
  const original = originalOf(error);
  const where = graphqlError ? { nodes: graphqlError.nodes, source: graphqlError.source, positions: graphqlError.positions, path: graphqlError.path } : {};
  if (original instanceof RulesetError) {
    const code = original.code === "RULESET_NOT_FOUND" ? "NOT_FOUND" : "INVALID_RULESET";
    return new GraphQLError(original.message.split("\n")[0], { ...where, extensions: { code, rulesetErrorCode: original.code, problems: original.problems } });
  }
  if (isPhotoError(original)) return new GraphQLError(original.message, { ...where, extensions: { code: "BAD_PHOTO", photoErrorCode: original.code } });
  if (original instanceof CheckerPoolError && original.code === "POOL_BUSY") return new GraphQLError(original.message, { ...where, extensions: { code: "SERVER_BUSY" } });
  const code = graphqlError?.extensions?.code;
  if (graphqlError && typeof code === "string" && PUBLIC_ERROR_CODES.has(code)) return graphqlError;
  // Parse, validation and variable errors have no original error; they describe the request, not the server.
  if (graphqlError && !graphqlError.originalError) {
    return code === undefined ? new GraphQLError(graphqlError.message, { ...where, extensions: { ...graphqlError.extensions, code: "BAD_REQUEST" } }) : graphqlError;
  }
  return new GraphQLError(isDev && original instanceof Error ? original.message : message, {
    ...where,
    extensions: { code: "INTERNAL_SERVER_ERROR", ...(isDev && original instanceof Error ? { stack: original.stack } : {}) },
  });
}
