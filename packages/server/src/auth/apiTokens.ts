import { createHash, randomBytes } from "node:crypto";

/** Prefix that makes a photoaudit token recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = "pat_";

/** A new secret token (256 random bits) and its id; only the hash is ever stored. */
export function generateToken(): { id: string; token: string; hash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { id: `tok_${randomBytes(6).toString("hex")}`, token, hash: hashToken(token) };
}

/** SHA-256 of a token: enough for high-entropy random secrets, which need no slow password hash. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The token of an `Authorization: Bearer <token>` header; null when there is no header, undefined when it is malformed. */
export function bearerToken(header: string | null): string | null | undefined {
  if (header === null || header.trim() === "") return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : undefined;
}
