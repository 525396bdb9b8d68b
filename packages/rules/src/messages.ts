import type { Bilingual } from "@photoaudit/core";

/** Renders a value for a message: numbers rounded to what a person reads, ranges as "a-b". */
export function formatValue(value: unknown, unit = ""): string {
  const suffix = unit && unit !== "ratio" && unit !== "probability" && unit !== "" ? ` ${unit}` : "";
  if (value === null || value === undefined) return "?";
  if (typeof value === "number") return `${Number.isInteger(value) ? value : Number(value.toPrecision(3))}${suffix}`;
  if (Array.isArray(value)) {
    if (value.length === 2 && value.every((v) => typeof v === "number")) return `${formatValue(value[0])}-${formatValue(value[1])}${suffix}`;
    return value.map((v) => formatValue(v)).join(", ");
  }
  if (typeof value === "object") return JSON.stringify(value);
  return `${String(value)}${suffix}`;
}

/** A {name} placeholder in a rule message. */
const PLACEHOLDER = /\{([\w.-]+)\}/g;

/** Distinct placeholder names in a message, both languages. */
export function placeholderNames(message: Bilingual): string[] {
  return [...new Set([...`${message.zh}\n${message.en}`.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** Replaces {name} placeholders in both languages; unknown placeholders are left as written. */
export function fillMessage(message: Bilingual, values: Record<string, string>): Bilingual {
  const fill = (text: string) => text.replace(PLACEHOLDER, (whole, key: string) => values[key] ?? whole);
  return { zh: fill(message.zh), en: fill(message.en) };
}
