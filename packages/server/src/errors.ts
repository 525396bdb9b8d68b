/** Stable `extensions.code` values of the API; clients branch on these, never on messages. */
export type ApiErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_RULESET"
  | "BAD_PHOTO"
  | "BAD_REQUEST"
  | "PAYLOAD_TOO_LARGE"
  | "QUERY_TOO_DEEP"
  | "QUERY_TOO_COSTLY"
  | "SERVER_BUSY"
  | "DATA_DIR_LOCKED"
  | "INTERNAL_SERVER_ERROR";

/** Codes that reach clients unmasked in production; anything else becomes INTERNAL_SERVER_ERROR. */
export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set<string>([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "INVALID_RULESET",
  "BAD_PHOTO",
  "BAD_REQUEST",
  "PAYLOAD_TOO_LARGE",
  "QUERY_TOO_DEEP",
  "QUERY_TOO_COSTLY",
  "SERVER_BUSY",
  // Codes graphql-yoga itself gives to malformed requests.
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "PERSISTED_QUERY_NOT_FOUND",
]);

/**
 * An expected failure with a stable code and details for clients (`{code, ...details}` becomes the GraphQL
 * error's `extensions`, which graphql-js copies from the original error). Thrown by the store and services,
 * which know nothing of GraphQL.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ApiErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.details = details;
  }

  get extensions(): Record<string, unknown> {
    return { code: this.code, ...this.details };
  }
}
