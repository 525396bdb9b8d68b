/** Exit codes of the photoaudit command. */
export const EXIT = {
  /** Every photo passed. */
  ok: 0,
  /** At least one photo needs review or is rejected. */
  notCompliant: 1,
  /** Bad usage, or a file could not be read or decoded. */
  usageOrUnreadable: 2,
} as const;

/** A mistake in how the command was called; printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
