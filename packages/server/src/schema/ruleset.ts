import type { ResolvedRule } from "@photoaudit/rules";
import { builder } from "../builder.js";
import type { RulesetRecord, RulesetVersionRecord } from "../store/rulesetStore.js";
import { BilingualType } from "./bilingual.js";
import { SeverityEnum } from "./report.js";

/** A version seen together with its ruleset, which decides its status. */
export interface VersionView {
  ruleset: RulesetRecord;
  version: RulesetVersionRecord;
}

export const VersionStatusEnum = builder.enumType("VersionStatus", {
  values: {
    PUBLISHED: { value: "published", description: "The live version: validations use it." },
    DRAFT: { value: "draft", description: "Saved but never published; visible to the region's admins only." },
    RETIRED: { value: "retired", description: "Was published, since replaced; a rollback can make it live again." },
  } as const,
});

const ResolvedRuleType = builder.objectRef<ResolvedRule>("ResolvedRule").implement({
  description: "A rule after inheritance, with the ruleset it comes from.",
  fields: (t) => ({
    id: t.exposeID("id"),
    requirement: t.exposeString("requirement"),
    severity: t.field({ type: SeverityEnum, resolve: (r) => r.severity }),
    conditions: t.field({ type: "JSON", resolve: (r) => r.conditions }),
    message: t.field({ type: BilingualType, resolve: (r) => r.message }),
    origin: t.exposeID("origin", { description: "The ruleset that first defined the rule." }),
    overriddenBy: t.field({ type: "JSON", description: "Descendant rulesets that changed it, with the fields each set.", resolve: (r) => r.overriddenBy }),
  }),
});

/** One immutable version of a ruleset. */
export const RulesetVersionType = builder.objectRef<VersionView>("RulesetVersion").implement({
  description: "One immutable version of a ruleset document.",
  fields: (t) => ({
    id: t.id({ resolve: (v) => v.version.rulesetId }),
    version: t.int({ resolve: (v) => v.version.version }),
    status: t.field({ type: VersionStatusEnum, resolve: (v, _args, ctx) => ctx.rulesets.statusOf(v.ruleset, v.version) }),
    region: t.string({ resolve: (v) => v.ruleset.region }),
    name: t.field({ type: BilingualType, resolve: (v) => v.version.document.name }),
    extends: t.id({ nullable: true, resolve: (v) => v.version.document.extends ?? null }),
    document: t.field({ type: "JSON", description: "The document as written (what saveRulesetDraft takes).", resolve: (v) => v.version.document }),
    rules: t.field({
      type: [ResolvedRuleType],
      description: "The rules that run, inheritance applied (ancestors at their published versions).",
      resolve: async (v, _args, ctx) => (await ctx.rulesets.resolve(v.version)).rules,
    }),
    comment: t.string({ resolve: (v) => v.version.comment }),
    createdBy: t.string({ resolve: (v) => v.version.createdBy }),
    createdAt: t.field({ type: "DateTime", resolve: (v) => v.version.createdAt }),
    firstPublishedAt: t.field({ type: "DateTime", nullable: true, resolve: (v) => v.version.firstPublishedAt }),
  }),
});

/** A ruleset: its region and which version is live. */
export const RulesetType = builder.objectRef<RulesetRecord>("Ruleset").implement({
  description: "A region's ruleset, with its versions.",
  fields: (t) => ({
    id: t.exposeID("id"),
    region: t.exposeString("region"),
    builtin: t.exposeBoolean("builtin", { description: "Shipped with photoaudit and seeded on first start." }),
    latestVersion: t.exposeInt("latestVersion", { description: "The newest version; pass it as expectedVersion when saving a draft." }),
    publishedVersion: t.exposeInt("publishedVersion", { nullable: true }),
    archivedAt: t.field({ type: "DateTime", nullable: true, resolve: (r) => r.archivedAt }),
    createdAt: t.field({ type: "DateTime", resolve: (r) => r.createdAt }),
    published: t.field({
      type: RulesetVersionType,
      nullable: true,
      description: "The live version; null until one is published.",
      resolve: async (r, _args, ctx) => (r.publishedVersion === null ? null : { ruleset: r, version: await ctx.rulesets.version(r.id, r.publishedVersion) }),
    }),
    versions: t.field({
      type: [RulesetVersionType],
      description: "Every version, newest first, drafts included (the region's admins only).",
      authScopes: (r) => ({ regionAdmin: r.region }),
      resolve: async (r, _args, ctx) => (await ctx.rulesets.versions(r.id)).map((version) => ({ ruleset: r, version })),
    }),
  }),
});

builder.queryFields((t) => ({
  rulesets: t.field({
    type: [RulesetType],
    description: "Every ruleset, ordered by id.",
    authScopes: { reader: true },
    args: { includeArchived: t.arg.boolean({ defaultValue: false }) },
    resolve: (_root, args, ctx) => ctx.rulesets.list(args.includeArchived ?? false),
  }),
  ruleset: t.field({
    type: RulesetVersionType,
    description: "One version of a ruleset: the published one unless `version` is given. Drafts are for the region's admins.",
    args: { id: t.arg.id({ required: true }), version: t.arg.int() },
    authScopes: (_root, args, ctx) => ctx.rulesets.readScope(String(args.id), args.version),
    resolve: async (_root, args, ctx) => {
      const version = await ctx.rulesets.version(String(args.id), args.version);
      return { ruleset: await ctx.rulesets.get(String(args.id)), version };
    },
  }),
}));
