import { ApiError } from "../errors.js";
import type { Store } from "../store/openStore.js";
import type { TokenRecord } from "../store/tokenStore.js";
import { generateToken } from "./apiTokens.js";
import { REGION_CODE, ROLES, type Role } from "./roles.js";

/** A new token: the secret (shown once, never stored) and its stored record. */
export interface CreatedToken {
  token: string;
  record: TokenRecord;
}

/** Creates an API token; an admin needs at least one region, client and superadmin take none. */
export async function createToken(store: Store, options: { role: string; regions?: string[]; name?: string }): Promise<CreatedToken> {
  const role = options.role as Role;
  if (!ROLES.includes(role)) throw new ApiError("BAD_REQUEST", `Unknown role "${options.role}"; use one of ${ROLES.join(", ")}.`);
  const regions = [...new Set((options.regions ?? []).map((r) => r.trim().toUpperCase()).filter(Boolean))];
  const bad = regions.filter((r) => !REGION_CODE.test(r));
  if (bad.length) throw new ApiError("BAD_REQUEST", `Not a region code: ${bad.join(", ")}. Use the codes rulesets use: CN, CN-SD, CN-GD, ... or INT.`);
  if (role === "admin" && !regions.length) throw new ApiError("BAD_REQUEST", "An admin token needs at least one --region (e.g. --region CN-SD).");
  if (role !== "admin" && regions.length) throw new ApiError("BAD_REQUEST", `A ${role} token takes no region (only admins are limited to regions).`);
  const { id, token, hash } = generateToken();
  const name = options.name?.trim() || (role === "admin" ? `admin ${regions.join(",")}` : role);
  const record = await store.tokens.create({ id, name, role, regions, hash });
  return { token, record };
}
