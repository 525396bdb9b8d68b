import SchemaBuilder from "@pothos/core";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { GraphQLError } from "graphql";
import { mayAdminister } from "./auth/roles.js";
import type { GraphQLContext } from "./context.js";

/** The pothos schema builder: context type, scalars, and the auth scopes fields declare. */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  Scalars: {
    ID: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
    DateTime: { Input: Date; Output: Date };
    File: { Input: File; Output: never };
  };
  AuthScopes: {
    /** May validate photos and read published rulesets: anyone, unless reads require a token. */
    reader: boolean;
    /** Has any token. */
    authenticated: boolean;
    /** role admin or superadmin, whatever the region. */
    admin: boolean;
    superadmin: boolean;
    /** May edit rulesets of this region (admin whose regions cover it, or superadmin). */
    regionAdmin: string;
  };
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin],
  scopeAuth: {
    authScopes: (ctx) => ({
      reader: ctx.principal !== null || !ctx.requireTokenForReads,
      authenticated: ctx.principal !== null,
      admin: ctx.principal?.role === "admin" || ctx.principal?.role === "superadmin",
      superadmin: ctx.principal?.role === "superadmin",
      regionAdmin: (region) => mayAdminister(ctx.principal, region),
    }),
    // No token: UNAUTHENTICATED (send one); a token without the right: FORBIDDEN (another won't help).
    unauthorizedError: (_parent, ctx, info) =>
      ctx.principal
        ? new GraphQLError(`Token "${ctx.principal.name}" (${ctx.principal.role}${ctx.principal.regions.length ? ` of ${ctx.principal.regions.join(", ")}` : ""}) may not use ${info.parentType.name}.${info.fieldName} here.`, {
            extensions: { code: "FORBIDDEN" },
          })
        : new GraphQLError(`${info.parentType.name}.${info.fieldName} needs an API token: send "Authorization: Bearer <token>" (create one with \`photoaudit tokens create\`).`, {
            extensions: { code: "UNAUTHENTICATED" },
          }),
  },
});
