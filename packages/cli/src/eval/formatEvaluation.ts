import type { Confusion } from "./labelledRules.js";
import type { EvaluationResult } from "./runEvaluation.js";

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

/** One markdown table of confusion counts and rates per requirement. */
function table(title: string, scores: Confusion[]): string {
  const header = "| requirement | photos | pass/compliant | fail/compliant | fail/non-compliant | pass/non-compliant | not assessed | accuracy | false reject | false accept |";
  const rows = scores.map(
    (c) =>
      `| ${c.requirement} | ${c.labelled} | ${c.trueAccept} | ${c.falseReject} | ${c.trueReject} | ${c.falseAccept} | ${c.notAssessed} | ${pct(c.accuracy)} | ${pct(c.falseRejectRate)} | ${pct(c.falseAcceptRate)} |`,
  );
  return [`### ${title}`, "", header, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}

/** The evaluation as markdown: both tables and what they were measured on. */
export function formatEvaluation(result: EvaluationResult): string {
  return [
    `Ruleset ${result.ruleset.id} v${result.ruleset.version}; ${result.photos.corpus} corpus photos, ${result.photos.synthetic} synthetic; median ${result.medianMs.toFixed(0)} ms per photo; ${(result.durationMs / 1000).toFixed(1)} s in all.`,
    "",
    table("Labelled corpus", result.corpus),
    "",
    table("Synthetic set (labels from the transformation)", result.synthetic),
    "",
    "False reject: share of photos meeting the requirement that the rules failed or could not assess. False accept: share of photos missing it that the rules passed.",
  ].join("\n");
}
