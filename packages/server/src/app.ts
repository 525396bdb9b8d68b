import type { PluginRegistry } from "@photoaudit/core";
import { GraphQLError } from "graphql";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import { bearerToken, hashToken } from "./auth/apiTokens.js";
import type { Principal } from "./auth/roles.js";
import type { ServerSettings } from "./config.js";
import type { GraphQLContext } from "./context.js";
import { maskError } from "./maskError.js";
import { queryLimitsRule } from "./queryLimits.js";
import { schema } from "./schema/index.js";
import type { RulesetService } from "./services/rulesetService.js";
import type { ValidationService } from "./services/validationService.js";
import type { Store } from "./store/openStore.js";

export interface AppParts {
  store: Store;
  registry: PluginRegistry;
  rulesets: RulesetService;
  validation: ValidationService;
  settings: ServerSettings;
}

/** The verified principal of a request's bearer token; null without one, UNAUTHENTICATED for a bad one. */
async function principalOf(request: Request, store: Store): Promise<Principal | null> {
  const token = bearerToken(request.headers.get("authorization"));
  if (token === null) return null;
  const record = token === undefined ? undefined : await store.tokens.findActiveByHash(hashToken(token));
  if (!record) {
    throw new GraphQLError('The API token is malformed, unknown or revoked. Send "Authorization: Bearer <token>" with a token from `photoaudit tokens create`.', {
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
    });
  }
  return { tokenId: record.id, name: record.name, role: record.role, regions: record.regions };
}

/** The GraphQL endpoint (graphql-yoga): schema, per-request context with the caller, masked errors and query limits; GraphiQL on GET. */
export function createApp(parts: AppParts): YogaServerInstance<Record<string, unknown>, GraphQLContext> {
  const limitsRule = queryLimitsRule(parts.settings.queryLimits);
  const queryLimits: Plugin<GraphQLContext> = { onValidate: ({ addValidationRule }) => addValidationRule(limitsRule) };
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: { title: "photoaudit API" },
    landingPage: false,
    logging: parts.settings.logging ? "info" : false,
    maskedErrors: { maskError },
    context: async ({ request }) => ({
      principal: await principalOf(request, parts.store),
      requireTokenForReads: parts.settings.requireTokenForReads,
      registry: parts.registry,
      rulesets: parts.rulesets,
      validation: parts.validation,
    }),
    plugins: [queryLimits],
  });
}
