export type Language = "zh" | "en";

/** The language for human output: --lang, else the locale (zh_* gives Chinese), else English. */
export function pickLanguage(option?: string): Language {
  if (option === "zh" || option === "en") return option;
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
  return locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}
