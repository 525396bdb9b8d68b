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
  glasses: boolean | null;
  headwear: boolean | null;
  retouched: boolean | null;
}

/**
 * A requirement a corpus label can confirm: the rules that judge it (all must pass) and whether the labels say
 * the photo meets it (null: no label).
 */
export interface LabelledRequirement {
  requirement: string;
  /** Rule ids that judge it; empty means every rule of that requirement in the report. */
  rules: readonly string[];
  compliant(labels: PhotoLabels): boolean | null;
}

const LIGHT_BACKGROUNDS = new Set(["white", "light"]);

/** The cn-national rules with a corpus label to judge them by. Pixel windows of the 358x441 layout have no label. */
export const LABELLED_REQUIREMENTS: readonly LabelledRequirement[] = [
  { requirement: "colour", rules: ["colour.notGreyscale"], compliant: (l) => l.colour },
  { requirement: "background", rules: ["background.light", "background.plain"], compliant: (l) => LIGHT_BACKGROUNDS.has(l.background) },
  { requirement: "single-face", rules: ["face.single"], compliant: (l) => l.faces === 1 },
  { requirement: "face-size", rules: ["face.fillsFrame"], compliant: (l) => (l.faces >= 1 ? l.faceFillsFrame : null) },
  { requirement: "pose", rules: ["pose.frontal"], compliant: (l) => l.frontal },
  { requirement: "eyes-open", rules: ["eyes.open"], compliant: (l) => l.eyesOpen },
  { requirement: "mouth-closed", rules: ["mouth.closed"], compliant: (l) => l.mouthClosed },
  { requirement: "expression", rules: ["expression.natural"], compliant: (l) => l.neutralExpression },
  { requirement: "retouch", rules: ["retouch.skinTexture", "retouch.software"], compliant: (l) => (l.retouched === null ? null : !l.retouched) },
];

/** Requirements only the synthetic set labels (by its transformations): every rule of the requirement counts. */
export const SYNTHETIC_ONLY_REQUIREMENTS: readonly LabelledRequirement[] = ["sharpness", "exposure", "format", "dimensions", "resolution", "file-size"].map(
  (requirement) => ({ requirement, rules: [], compliant: () => null }),
);

/** One judged sample: a report and whether the photo should pass each requirement (absent: not labelled). */
export interface JudgedSample {
  report: Report;
  expected: Partial<Record<string, boolean>>;
}

/** Confusion counts of one requirement: a pass on a compliant photo is a true accept. */
export interface Confusion {
  requirement: string;
  labelled: number;
  trueAccept: number;
  falseReject: number;
  trueReject: number;
  falseAccept: number;
  notAssessed: number;
  accuracy: number;
  /** Share of photos that meet the requirement which the rules failed or could not assess. */
  falseRejectRate: number;
  /** Share of photos that miss the requirement which the rules passed. */
  falseAcceptRate: number;
  /** Files judged wrong, for a person to look at. */
  wrong: string[];
}

/** Whether the report passes a requirement: every judging rule passed ("not_assessed" when one could not be assessed). */
export function requirementOutcome(report: Report, judged: LabelledRequirement): "pass" | "fail" | "not_assessed" | null {
  const results = report.results.filter((r) => (judged.rules.length ? judged.rules.includes(r.rule) : r.requirement === judged.requirement));
  if (results.length === 0) return null;
  if (results.some((r) => r.status === "fail")) return "fail";
  if (results.some((r) => r.status === "not_assessed")) return "not_assessed";
  return "pass";
}

/** Expected outcomes of each labelled requirement for a corpus photo. */
export function expectationsFromLabels(labels: PhotoLabels, requirements = LABELLED_REQUIREMENTS): Partial<Record<string, boolean>> {
  const expected: Partial<Record<string, boolean>> = {};
  for (const { requirement, compliant } of requirements) {
    const value = compliant(labels);
    if (value !== null) expected[requirement] = value;
  }
  return expected;
}

/** Scores each requirement over judged samples; a requirement that was not assessed counts as a reject. */
export function scoreRequirements(samples: readonly JudgedSample[], requirements = LABELLED_REQUIREMENTS): Confusion[] {
  return requirements.map((judged) => {
    const { requirement } = judged;
    const c = { requirement, labelled: 0, trueAccept: 0, falseReject: 0, trueReject: 0, falseAccept: 0, notAssessed: 0, wrong: [] as string[] };
    for (const { report, expected } of samples) {
      const shouldPass = expected[requirement];
      const outcome = requirementOutcome(report, judged);
      if (shouldPass === undefined || outcome === null) continue;
      c.labelled++;
      const passed = outcome === "pass";
      if (outcome === "not_assessed") c.notAssessed++;
      if (shouldPass && passed) c.trueAccept++;
      else if (shouldPass) c.falseReject++;
      else if (!passed) c.trueReject++;
      else c.falseAccept++;
      if (shouldPass !== passed) c.wrong.push(`${report.file} (${outcome}, should ${shouldPass ? "pass" : "fail"})`);
    }
    const meets = c.trueAccept + c.falseReject;
    const misses = c.trueReject + c.falseAccept;
    return {
      ...c,
      accuracy: c.labelled ? (c.trueAccept + c.trueReject) / c.labelled : 0,
      falseRejectRate: meets ? c.falseReject / meets : 0,
      falseAcceptRate: misses ? c.falseAccept / misses : 0,
    };
  });
}
