import type { PluginRegistry } from "@photoaudit/core";
import type { Principal } from "./auth/roles.js";
import type { RulesetService } from "./services/rulesetService.js";
import type { ValidationService } from "./services/validationService.js";

/** What resolvers reach: the caller, the services that hold the logic, and the request-wide settings. */
export interface GraphQLContext {
  /** The verified API token's identity; null for a request without a token. */
  principal: Principal | null;
  /** True when reading and validating need a token too (PHOTOAUDIT_REQUIRE_TOKEN). */
  requireTokenForReads: boolean;
  registry: PluginRegistry;
  rulesets: RulesetService;
  validation: ValidationService;
}
