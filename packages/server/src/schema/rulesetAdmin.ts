import type { Principal } from "../auth/roles.js";
import { builder } from "../builder.js";
import type { GraphQLContext } from "../context.js";
import { ApiError } from "../errors.js";
import { RulesetType, RulesetVersionType } from "./ruleset.js";

/** The caller of a field whose authScopes already demanded a token. */
function caller(ctx: GraphQLContext): Principal {
  if (!ctx.principal) throw new ApiError("UNAUTHENTICATED", "This operation needs an API token.");
  return ctx.principal;
}

/** The region a submitted document claims, for the scope check; validation reports a missing or bad one. */
const claimedRegion = (document: unknown): string | undefined => {
  const region = document !== null && typeof document === "object" ? (document as { region?: unknown }).region : undefined;
  return typeof region === "string" ? region : undefined;
};


builder.mutationFields((t) => ({
  createRuleset: t.field({
    type: RulesetVersionType,
    description: "Creates a ruleset from a document (validated like a ruleset file); version 1 is a draft until published.",
    args: { document: t.arg({ type: "JSON", required: true }), comment: t.arg.string({ required: true, description: "Why: recorded in the audit log." }) },
    authScopes: (_root, args) => {
      const region = claimedRegion(args.document);
      return region === undefined ? { admin: true } : { regionAdmin: region };
    },
    resolve: async (_root, args, ctx) => {
      const version = await ctx.rulesets.create(args.document, caller(ctx), args.comment);
      return { ruleset: await ctx.rulesets.get(version.rulesetId), version };
    },
  }),
  saveRulesetDraft: t.field({
    type: RulesetVersionType,
    description: "Saves a new draft version. expectedVersion is the latest version the edit started from; if someone saved since, CONFLICT and nothing is written.",
    args: {
      id: t.arg.id({ required: true }),
      document: t.arg({ type: "JSON", required: true }),
      expectedVersion: t.arg.int({ required: true }),
      comment: t.arg.string({ required: true, description: "Why: recorded in the audit log." }),
    },
    authScopes: async (_root, args, ctx) => ({ regionAdmin: await ctx.rulesets.regionOf(String(args.id)) }),
    resolve: async (_root, args, ctx) => {
      const version = await ctx.rulesets.saveDraft(String(args.id), args.document, args.expectedVersion, caller(ctx), args.comment);
      return { ruleset: await ctx.rulesets.get(version.rulesetId), version };
    },
  }),
  publishRuleset: t.field({
    type: RulesetType,
    description: "Makes a version live; validations use it from the next request. Refused when it, or a live ruleset extending it, would not resolve.",
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }), comment: t.arg.string({ required: true, description: "Why: recorded in the audit log." }) },
    authScopes: async (_root, args, ctx) => ({ regionAdmin: await ctx.rulesets.regionOf(String(args.id)) }),
    resolve: (_root, args, ctx) => ctx.rulesets.publish(String(args.id), args.version, caller(ctx), args.comment),
  }),
  rollbackRuleset: t.field({
    type: RulesetType,
    description: "Makes an earlier, previously published version live again.",
    args: { id: t.arg.id({ required: true }), toVersion: t.arg.int({ required: true }), comment: t.arg.string({ required: true, description: "Why: recorded in the audit log." }) },
    authScopes: async (_root, args, ctx) => ({ regionAdmin: await ctx.rulesets.regionOf(String(args.id)) }),
    resolve: (_root, args, ctx) => ctx.rulesets.rollback(String(args.id), args.toVersion, caller(ctx), args.comment),
  }),
  archiveRuleset: t.field({
    type: RulesetType,
    description: "Retires a ruleset: hidden from lists and validation, history kept. Refused while a live ruleset extends it.",
    args: { id: t.arg.id({ required: true }), comment: t.arg.string({ required: true, description: "Why: recorded in the audit log." }) },
    authScopes: async (_root, args, ctx) => ({ regionAdmin: await ctx.rulesets.regionOf(String(args.id)) }),
    resolve: (_root, args, ctx) => ctx.rulesets.archive(String(args.id), caller(ctx), args.comment),
  }),
}));
