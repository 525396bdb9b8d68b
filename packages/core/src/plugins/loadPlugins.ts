import { access } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { PluginError } from "./pluginError.js";
import { PluginRegistry } from "./registry.js";
import type { PhotoPlugin } from "./types.js";

/** Environment variable listing extra plugin modules, comma-separated: PHOTOAUDIT_PLUGINS=/opt/sd/plugin.js,./local.mjs */
export const PLUGINS_ENV = "PHOTOAUDIT_PLUGINS";

const FACT_TYPES = ["number", "integer", "boolean", "string", "array", "object"];
const PLUGIN_NAME = /^[a-z][a-z0-9-]*$/;
const FACT_ID = /^[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/;

/** Module paths named in PHOTOAUDIT_PLUGINS (empty entries ignored). */
export function pluginPathsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env[PLUGINS_ENV] ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Everything wrong with a value that should be a PhotoPlugin, as "where: what" lines; [] when it is fine. */
export function pluginShapeProblems(value: unknown): string[] {
  const problems: string[] = [];
  const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
  const bilingual = (v: unknown) => isRecord(v) && typeof v.zh === "string" && typeof v.en === "string";
  if (!isRecord(value)) return [`expected a plugin object {name, version, facts} but got ${Array.isArray(value) ? "an array" : typeof value}`];
  if (typeof value.name !== "string" || !PLUGIN_NAME.test(value.name)) problems.push(`name: expected lower-case words joined by "-" but got ${JSON.stringify(value.name)}`);
  if (typeof value.version !== "string" || !value.version) problems.push(`version: expected a string like "1.0.0" but got ${JSON.stringify(value.version)}`);
  if (!Array.isArray(value.facts)) {
    problems.push("facts: expected an array of fact definitions");
  } else {
    value.facts.forEach((fact: unknown, i) => {
      const at = `facts[${i}]`;
      if (!isRecord(fact)) return problems.push(`${at}: expected an object`);
      if (typeof fact.id !== "string" || !FACT_ID.test(fact.id)) problems.push(`${at}.id: expected a dotted id like "region.hairTopPx" but got ${JSON.stringify(fact.id)}`);
      if (typeof fact.unit !== "string") problems.push(`${at}.unit: expected a string ("px", "KB", "" for none)`);
      if (!FACT_TYPES.includes(fact.type as string)) problems.push(`${at}.type: expected one of ${FACT_TYPES.join(", ")} but got ${JSON.stringify(fact.type)}`);
      if (!bilingual(fact.description)) problems.push(`${at}.description: expected {zh, en} strings`);
      if (typeof fact.compute !== "function") problems.push(`${at}.compute: expected a function (ctx) => value`);
      if (fact.priority !== undefined && typeof fact.priority !== "number") problems.push(`${at}.priority: expected a number`);
    });
  }
  if (value.operators !== undefined) {
    if (!Array.isArray(value.operators)) problems.push("operators: expected an array of operator definitions");
    else
      value.operators.forEach((op: unknown, i) => {
        const at = `operators[${i}]`;
        if (!isRecord(op)) return problems.push(`${at}: expected an object`);
        if (typeof op.name !== "string" || !/^[A-Za-z][A-Za-z0-9]*$/.test(op.name)) problems.push(`${at}.name: expected a camelCase name but got ${JSON.stringify(op.name)}`);
        if (typeof op.description !== "string") problems.push(`${at}.description: expected a string`);
        if (typeof op.evaluate !== "function") problems.push(`${at}.evaluate: expected a function (factValue, expected) => boolean`);
        for (const hook of ["acceptsFact", "checkExpected"]) if (op[hook] !== undefined && typeof op[hook] !== "function") problems.push(`${at}.${hook}: expected a function`);
        if (op.factTypes !== undefined && !(Array.isArray(op.factTypes) && op.factTypes.every((t) => FACT_TYPES.includes(t)))) problems.push(`${at}.factTypes: expected an array of ${FACT_TYPES.join(", ")}`);
      });
  }
  return problems;
}

/**
 * Imports one plugin module (an ES module whose default export, or `plugin`/`plugins` export, is a PhotoPlugin
 * or an array of them) and checks each plugin's shape, so a broken deployment fails at start-up, not mid-check.
 */
export async function loadPluginModule(path: string, cwd = process.cwd()): Promise<PhotoPlugin[]> {
  const absolute = resolve(cwd, path);
  try {
    await access(absolute);
  } catch {
    throw new PluginError("PLUGIN_NOT_FOUND", path, `Plugin module ${path} does not exist (resolved to ${absolute}). Fix the path in ${PLUGINS_ENV}.`);
  }
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(absolute).href)) as Record<string, unknown>;
  } catch (error) {
    throw new PluginError("PLUGIN_LOAD_FAILED", path, `Plugin module ${path} failed to load: ${(error as Error)?.message ?? String(error)}. It must be an ES module (.js or .mjs) that imports cleanly.`, { cause: error });
  }
  const exported = module.default ?? module.plugins ?? module.plugin;
  if (exported === undefined) {
    throw new PluginError("INVALID_PLUGIN", path, `Plugin module ${path} exports no plugin. Export a PhotoPlugin {name, version, facts} (or an array of them) as default.`);
  }
  const plugins = Array.isArray(exported) ? exported : [exported];
  const problems = plugins.flatMap((p, i) => pluginShapeProblems(p).map((line) => (plugins.length > 1 ? `[${i}] ${line}` : line)));
  if (problems.length) {
    throw new PluginError("INVALID_PLUGIN", path, `Plugin module ${path} does not export a valid PhotoPlugin:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
  return plugins as PhotoPlugin[];
}

/** The built-in plugins plus the configured modules (`modules`, else PHOTOAUDIT_PLUGINS); conflicting ids are refused by module. */
export async function createPluginRegistry(options: { modules?: readonly string[]; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<PluginRegistry> {
  const registry = new PluginRegistry();
  for (const path of options.modules ?? pluginPathsFromEnv(options.env)) {
    for (const plugin of await loadPluginModule(path, options.cwd)) {
      try {
        registry.add(plugin);
      } catch (error) {
        throw new PluginError("PLUGIN_CONFLICT", path, `Plugin module ${path} conflicts with a registered plugin: ${(error as Error).message}. Rename the plugin, fact or operator.`);
      }
    }
  }
  return registry;
}
