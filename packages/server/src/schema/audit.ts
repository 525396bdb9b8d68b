import { builder } from "../builder.js";
import { jsonDiff, type JsonChange } from "../services/jsonDiff.js";
import type { AuditRecord } from "../store/rulesetStore.js";

const AuditActionEnum = builder.enumType("AuditAction", {
  values: {
    SEED: { value: "seed", description: "A built-in ruleset stored on first start." },
    CREATE: { value: "create" },
    SAVE_DRAFT: { value: "save_draft" },
    PUBLISH: { value: "publish" },
    ROLLBACK: { value: "rollback" },
    ARCHIVE: { value: "archive" },
  } as const,
});

const ActorType = builder.objectRef<AuditRecord["actor"]>("Actor").implement({
  description: "Who made a change: the API token's id and name (tokenId null for the server itself).",
  fields: (t) => ({
    tokenId: t.exposeID("tokenId", { nullable: true }),
    name: t.exposeString("name"),
  }),
});

const JsonChangeType = builder.objectRef<JsonChange>("JsonChange").implement({
  description: "One changed value, at its JSON Pointer path; before absent when added, after absent when removed.",
  fields: (t) => ({
    path: t.exposeString("path"),
    before: t.field({ type: "JSON", nullable: true, resolve: (c) => c.before ?? null }),
    after: t.field({ type: "JSON", nullable: true, resolve: (c) => c.after ?? null }),
  }),
});

const AuditEntryType = builder.objectRef<AuditRecord>("AuditEntry").implement({
  description: "One change to a ruleset: who, when, what and why.",
  fields: (t) => ({
    id: t.id({ resolve: (e) => String(e.id) }),
    rulesetId: t.exposeID("rulesetId"),
    action: t.field({ type: AuditActionEnum, resolve: (e) => e.action }),
    version: t.exposeInt("version", { nullable: true, description: "The version saved, published or rolled back to." }),
    previousVersion: t.exposeInt("previousVersion", { nullable: true, description: "The version it replaced (the draft it was based on, or the version live before)." }),
    actor: t.field({ type: ActorType, resolve: (e) => e.actor }),
    at: t.field({ type: "DateTime", resolve: (e) => e.at }),
    comment: t.exposeString("comment", { description: "Why, as the author said." }),
    before: t.field({ type: "JSON", nullable: true, description: "The document before the change.", resolve: (e) => e.before }),
    after: t.field({ type: "JSON", nullable: true, description: "The document after the change.", resolve: (e) => e.after }),
    changes: t.field({ type: [JsonChangeType], description: "What changed between before and after.", resolve: (e) => (e.before && e.after ? jsonDiff(e.before, e.after) : []) }),
  }),
});

builder.queryFields((t) => ({
  auditLog: t.field({
    type: [AuditEntryType],
    description: "The changes to one ruleset, newest first (the region's admins).",
    args: { rulesetId: t.arg.id({ required: true }), limit: t.arg.int({ defaultValue: 100 }) },
    authScopes: async (_root, args, ctx) => ({ regionAdmin: await ctx.rulesets.regionOf(String(args.rulesetId)) }),
    resolve: (_root, args, ctx) => ctx.rulesets.auditLog(String(args.rulesetId), args.limit ?? 100),
  }),
}));
