import { builder } from "../builder.js";
import { ReportType } from "./report.js";

builder.mutationFields((t) => ({
  validatePhoto: t.field({
    type: ReportType,
    description: "Checks an uploaded photo against the published version of a ruleset. A photo that cannot be read gives BAD_PHOTO with extensions.photoErrorCode.",
    args: { photo: t.arg({ type: "File", required: true }), rulesetId: t.arg.id({ required: true }) },
    authScopes: { reader: true },
    resolve: (_root, args, ctx) => ctx.validation.validate(args.photo, String(args.rulesetId)),
  }),
  testRuleset: t.field({
    type: ReportType,
    description: "Checks an uploaded photo against an unsaved ruleset document (its parents at their published versions); nothing is stored.",
    args: { draft: t.arg({ type: "JSON", required: true }), photo: t.arg({ type: "File", required: true }) },
    authScopes: { admin: true },
    resolve: async (_root, args, ctx) => ctx.validation.test(args.photo, (await ctx.rulesets.prepareTestDraft(args.draft)).chain),
  }),
}));
