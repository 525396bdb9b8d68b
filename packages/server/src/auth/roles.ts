/** What a token may do: `client` validates and reads; `admin` also edits its regions' rulesets; `superadmin` everything. */
export type Role = "client" | "admin" | "superadmin";

export const ROLES: readonly Role[] = ["client", "admin", "superadmin"];

/** A region code as rulesets use it: ISO 3166 country (`CN`), subdivision (`CN-SD`), or `INT`. */
export const REGION_CODE = /^([A-Z]{2}(-[A-Z0-9]{1,3})?|INT)$/;

/**
 * Whether a token's region covers a ruleset's region: the same code, or a subdivision of it by whole
 * hyphen-separated segments. `CN` covers `CN` and every `CN-*` (a national admin); `CN-SD` covers `CN-SD` only,
 * not `CN` (the national rulesets) nor `CN-GD`.
 */
export function regionCovers(granted: string, region: string): boolean {
  return region === granted || region.startsWith(`${granted}-`);
}

/** Who is calling: a verified API token's identity. */
export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
  /** Regions an admin may edit (empty for client and superadmin). */
  regions: string[];
}

/** Whether `principal` may edit rulesets of `region`. */
export function mayAdminister(principal: Principal | null, region: string): boolean {
  if (!principal) return false;
  if (principal.role === "superadmin") return true;
  return principal.role === "admin" && principal.regions.some((granted) => regionCovers(granted, region));
}
