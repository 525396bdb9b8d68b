import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPluginRegistry, loadPluginModule, pluginPathsFromEnv, PLUGINS_ENV } from "./loadPlugins.js";
import { PluginError } from "./pluginError.js";

const dir = mkdtempSync(join(tmpdir(), "photoaudit-plugins-"));
const write = (name: string, source: string) => {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
};

const regionPlugin = write(
  "region.mjs",
  `export default {
    name: "jinan-extra",
    version: "1.0.0",
    facts: [{ id: "jinan.aspect", unit: "ratio", type: "number", description: { zh: "宽高比", en: "aspect ratio" },
              compute: (ctx) => ctx.photo.width / ctx.photo.height }],
    operators: [{ name: "roughly", description: "within 1 %", factTypes: ["number"], evaluate: (f, v) => Math.abs(f - v) <= Math.abs(v) * 0.01 }],
  };`,
);

const failure = async (run: () => Promise<unknown>): Promise<PluginError> => {
  try {
    await run();
  } catch (error) {
    if (error instanceof PluginError) return error;
    throw error;
  }
  throw new Error("expected a PluginError");
};

describe("plugin modules from configuration", () => {
  it("adds a module's facts and operators to the built-in registry, from PHOTOAUDIT_PLUGINS", async () => {
    const registry = await createPluginRegistry({ env: { [PLUGINS_ENV]: ` ${regionPlugin} ,, ` } });
    expect(registry.facts.get("jinan.aspect")?.unit).toBe("ratio");
    expect(registry.ownerOf("jinan.aspect")).toBe("jinan-extra");
    expect(registry.operators.get("roughly")?.evaluate(0.812, 0.81)).toBe(true);
    expect(registry.facts.has("file.kilobytes")).toBe(true);
  });

  it("resolves relative paths against the working directory and reads named exports", async () => {
    write("named.mjs", `export const plugins = [{ name: "a", version: "1", facts: [] }, { name: "b", version: "1", facts: [] }];`);
    expect((await loadPluginModule("named.mjs", dir)).map((p) => p.name)).toEqual(["a", "b"]);
  });

  it("splits the environment variable on commas", () => {
    expect(pluginPathsFromEnv({ [PLUGINS_ENV]: "/a.js, ./b.mjs,," })).toEqual(["/a.js", "./b.mjs"]);
    expect(pluginPathsFromEnv({})).toEqual([]);
  });

  it.each<[string, string, string, RegExp]>([
    ["a missing file", "", "PLUGIN_NOT_FOUND", /does not exist .*Fix the path in PHOTOAUDIT_PLUGINS/],
    ["a module that throws on import", "throw new Error('boom');", "PLUGIN_LOAD_FAILED", /failed to load: boom/],
    ["a module with no plugin export", "export const x = 1;", "INVALID_PLUGIN", /exports no plugin/],
    [
      "a plugin of the wrong shape",
      `export default { name: "Bad Name", facts: [{ id: "nodot", unit: 1, type: "float", description: "x" }] };`,
      "INVALID_PLUGIN",
      /name: expected lower-case[\s\S]*version: expected[\s\S]*facts\[0\]\.id[\s\S]*facts\[0\]\.unit[\s\S]*facts\[0\]\.type[\s\S]*facts\[0\]\.description[\s\S]*facts\[0\]\.compute/,
    ],
    [
      "a plugin redefining a built-in fact",
      `export default { name: "dup", version: "1", facts: [{ id: "file.bytes", unit: "B", type: "integer", description: { zh: "x", en: "x" }, compute: () => 1 }] };`,
      "PLUGIN_CONFLICT",
      /conflicts with a registered plugin: Fact "file.bytes" of plugin "dup" is already provided by "file"/,
    ],
  ])("refuses %s with %s", async (name, source, code, message) => {
    const path = source ? write(`${name.replace(/\W+/g, "-")}.mjs`, source) : join(dir, "absent.mjs");
    const error = await failure(() => createPluginRegistry({ modules: [path] }));
    expect(error.code).toBe(code);
    expect(error.module).toBe(path);
    expect(error.message).toMatch(message);
  });
});
