import { ApiError } from "../errors.js";
import type { Role } from "../auth/roles.js";
import type { SqlClient } from "./sqlClient.js";

/** An API token as stored: never the secret, only its hash. */
export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  regions: string[];
  createdAt: Date;
  revokedAt: Date | null;
}

const toToken = (r: Record<string, unknown>): TokenRecord => ({
  id: r.id as string,
  name: r.name as string,
  role: r.role as Role,
  regions: r.regions as string[],
  createdAt: r.created_at as Date,
  revokedAt: (r.revoked_at as Date | null) ?? null,
});

/** API tokens by hash, for the bearer check on each request and the `photoaudit tokens` commands. */
export class TokenStore {
  constructor(private readonly db: SqlClient) {}

  /** Records a token by the hash of its secret. */
  async create(token: { id: string; name: string; role: Role; regions: string[]; hash: string }): Promise<TokenRecord> {
    const [row] = await this.db.query(
      "INSERT INTO api_tokens (id, name, role, regions, token_hash) VALUES ($1, $2, $3, $4::json, $5) RETURNING id, name, role, regions, created_at, revoked_at",
      [token.id, token.name, token.role, JSON.stringify(token.regions), token.hash],
    );
    return toToken(row);
  }

  /** The live (not revoked) token with this hash, or undefined. */
  async findActiveByHash(hash: string): Promise<TokenRecord | undefined> {
    const [row] = await this.db.query("SELECT id, name, role, regions, created_at, revoked_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL", [hash]);
    return row ? toToken(row) : undefined;
  }

  /** Every token, oldest first. */
  async list(): Promise<TokenRecord[]> {
    return (await this.db.query("SELECT id, name, role, regions, created_at, revoked_at FROM api_tokens ORDER BY created_at, id")).map(toToken);
  }

  /** Revokes a token by id; NOT_FOUND when there is none. */
  async revoke(id: string): Promise<TokenRecord> {
    const [row] = await this.db.query("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING id, name, role, regions, created_at, revoked_at", [id]);
    if (!row) throw new ApiError("NOT_FOUND", `No token "${id}". List them with \`photoaudit tokens list\`.`);
    return toToken(row);
  }
}
