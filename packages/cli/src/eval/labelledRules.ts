import type { Report } from "@photoaudit/rules";

/** Labels of one corpus photo, as in ../shared/corpus/manifest.json. */
export interface PhotoLabels {
  colour: boolean;
  background: string;
  faces: number;
  faceFillsFrame: boolean;
  frontal: boolean | null;
  eyesOpen: boolean | null;
  mouthClosed: boolean | null;
  neutralExpression: boolean | null;
  retouched: boolean | null;
  [other: string]: unknown;
}

/** A rule whose outcome a label can confirm: `compliant` says whether the photo should pass it (null: no label). */
export interface LabelledRule {
  requirement: string;
  rule: string;
  compliant(labels: PhotoLabels): boolean | null;
}

/** The cn-national rules with a corpus label to judge them by. */
export const LABELLED_RULES: readonly LabelledRule[] = [
  { requirement: "single-face", rule: "face.single", compliant: (l) => l.faces === 1 },
  { requirement: "face-size", rule: "face.fillsFrame", compliant: (l) => (l.faces >= 1 ? l.faceFillsFrame : null) },
  { requirement: "pose", rule: "pose.frontal", compliant: (l) => l.frontal },
  { requirement: "eyes-open", rule: "eyes.open", compliant: (l) => l.eyesOpen },
  { requirement: "mouth-closed", rule: "mouth.closed", compliant: (l) => l.mouthClosed },
  { requirement: "expression", rule: "expression.natural", compliant: (l) => l.neutralExpression },
];

/** Confusion counts of one rule against labels: a pass on a compliant photo is a true accept. */
export interface Confusion {
  requirement: string;
  rule: string;
  labelled: number;
  trueAccept: number;
  falseReject: number;
  trueReject: number;
  falseAccept: number;
  notAssessed: number;
  accuracy: number;
  /** Share of photos labelled compliant for this requirement that the rule failed or could not assess. */
  falseRejectRate: number;
  /** Share of photos labelled non-compliant that the rule passed. */
  falseAcceptRate: number;
  /** Files the rule got wrong, for a person to look at. */
  wrong: string[];
}

/** Scores each labelled rule over reports of labelled photos; a rule not assessed counts as wrong. */
export function scoreAgainstLabels(samples: { report: Report; labels: PhotoLabels }[], rules = LABELLED_RULES): Confusion[] {
  return rules.map(({ requirement, rule, compliant }) => {
    const c = { requirement, rule, labelled: 0, trueAccept: 0, falseReject: 0, trueReject: 0, falseAccept: 0, notAssessed: 0, wrong: [] as string[] };
    for (const { report, labels } of samples) {
      const expected = compliant(labels);
      const result = report.results.find((r) => r.rule === rule);
      if (expected === null || !result) continue;
      c.labelled++;
      const passed = result.status === "pass";
      if (result.status === "not_assessed") c.notAssessed++;
      if (expected && passed) c.trueAccept++;
      else if (expected) c.falseReject++;
      else if (!passed) c.trueReject++;
      else c.falseAccept++;
      if (expected !== passed) c.wrong.push(`${report.file} (${result.status}, labelled ${expected ? "compliant" : "non-compliant"})`);
    }
    const compliantCount = c.trueAccept + c.falseReject;
    const nonCompliant = c.trueReject + c.falseAccept;
    return {
      ...c,
      accuracy: c.labelled ? (c.trueAccept + c.trueReject) / c.labelled : 0,
      falseRejectRate: compliantCount ? c.falseReject / compliantCount : 0,
      falseAcceptRate: nonCompliant ? c.falseAccept / nonCompliant : 0,
    };
  });
}
