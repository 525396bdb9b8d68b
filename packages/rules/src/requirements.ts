/** The fixed list of requirements a rule can serve; reports group and clients filter by these. */
export const REQUIREMENTS = [
  "format",
  "dimensions",
  "resolution",
  "file-size",
  "colour",
  "background",
  "single-face",
  "face-size",
  "face-position",
  "pose",
  "eyes-open",
  "mouth-closed",
  "expression",
  "retouch",
  "recent",
  "sharpness",
  "exposure",
  "lighting",
] as const;

export type Requirement = (typeof REQUIREMENTS)[number];

/** Whether a string names one of the fixed requirements. */
export const isRequirement = (value: unknown): value is Requirement =>
  typeof value === "string" && (REQUIREMENTS as readonly string[]).includes(value);
