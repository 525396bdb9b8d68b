import type { Report, RuleResult } from "@photoaudit/rules";
import { builder } from "../builder.js";
import { BilingualType } from "./bilingual.js";

export const VerdictEnum = builder.enumType("Verdict", {
  description: "reject: a reject-severity rule failed; review: a review rule failed or a rule could not be assessed; pass: every rule passed.",
  values: { PASS: { value: "pass" }, REVIEW: { value: "review" }, REJECT: { value: "reject" } } as const,
});

export const RuleStatusEnum = builder.enumType("RuleStatus", {
  values: {
    PASS: { value: "pass" },
    FAIL: { value: "fail" },
    NOT_ASSESSED: { value: "not_assessed", description: "A fact the rule needs could not be measured (no face, no EXIF date); never a pass." },
  } as const,
});

export const SeverityEnum = builder.enumType("Severity", {
  values: { REJECT: { value: "reject" }, REVIEW: { value: "review" } } as const,
});

const RuleResultType = builder.objectRef<RuleResult>("RuleResult").implement({
  description: "One rule's outcome on the photo.",
  fields: (t) => ({
    rule: t.exposeString("rule"),
    requirement: t.exposeString("requirement"),
    status: t.field({ type: RuleStatusEnum, resolve: (r) => r.status }),
    severity: t.field({ type: SeverityEnum, resolve: (r) => r.severity }),
    measured: t.field({ type: "JSON", nullable: true, description: "The fact value the rule read (an object keyed by fact id when it reads several); null when unavailable.", resolve: (r) => r.measured ?? null }),
    expected: t.field({ type: "JSON", description: "The condition the value had to meet.", resolve: (r) => r.expected }),
    message: t.field({ type: BilingualType, resolve: (r) => r.message }),
  }),
});

const RulesetRefType = builder.objectRef<{ id: string; version: number }>("RulesetRef").implement({
  fields: (t) => ({ id: t.exposeID("id"), version: t.exposeInt("version") }),
});

const TimingsType = builder.objectRef<Report["timings"]>("Timings").implement({
  description: "Milliseconds spent on the photo.",
  fields: (t) => ({
    totalMs: t.exposeFloat("totalMs"),
    decodeMs: t.float({ nullable: true, resolve: (r) => r.decodeMs ?? null }),
    rulesMs: t.float({ nullable: true, resolve: (r) => r.rulesMs ?? null }),
    steps: t.field({ type: "JSON", description: "Every timing the checker recorded, by name (faces, kernels, ...).", resolve: (r) => r }),
  }),
});

/** The report of one photo: the same document `photoaudit check --json` prints. */
export const ReportType = builder.objectRef<Report>("Report").implement({
  description: "The outcome of checking one photo: the same report as `photoaudit check --json`.",
  fields: (t) => ({
    file: t.exposeString("file"),
    ruleset: t.field({ type: RulesetRefType, resolve: (r) => r.ruleset }),
    verdict: t.field({ type: VerdictEnum, resolve: (r) => r.verdict as "pass" | "review" | "reject" }),
    results: t.field({ type: [RuleResultType], resolve: (r) => r.results }),
    facts: t.field({ type: "JSON", description: "Every fact measured, by id (null when it could not be measured).", resolve: (r) => r.facts }),
    timings: t.field({ type: TimingsType, resolve: (r) => r.timings }),
  }),
});
