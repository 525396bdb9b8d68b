import { backgroundPlugin } from "./backgroundPlugin.js";
import { colourPlugin } from "./colourPlugin.js";
import { exifPlugin } from "./exifPlugin.js";
import { exposurePlugin } from "./exposurePlugin.js";
import { facePlugin } from "./facePlugin.js";
import { filePlugin } from "./filePlugin.js";
import { lightingPlugin } from "./lightingPlugin.js";
import { retouchPlugin } from "./retouchPlugin.js";
import { sharpnessPlugin } from "./sharpnessPlugin.js";
import type { FactDefinition, OperatorDefinition, PhotoPlugin } from "./types.js";

/** The plugins every deployment has. */
export const BUILTIN_PLUGINS: readonly PhotoPlugin[] = [
  filePlugin,
  exifPlugin,
  facePlugin,
  colourPlugin,
  backgroundPlugin,
  exposurePlugin,
  sharpnessPlugin,
  lightingPlugin,
  retouchPlugin,
];

/** Plugins by name, and their facts and operators by id; duplicate ids are refused. */
export class PluginRegistry {
  readonly plugins: PhotoPlugin[] = [];
  readonly facts = new Map<string, FactDefinition>();
  readonly operators = new Map<string, OperatorDefinition>();
  private readonly factOwner = new Map<string, string>();

  constructor(plugins: readonly PhotoPlugin[] = BUILTIN_PLUGINS) {
    for (const plugin of plugins) this.add(plugin);
  }

  /** Adds a plugin; throws when one of its facts or operators is already registered by another plugin. */
  add(plugin: PhotoPlugin): this {
    if (this.plugins.some((p) => p.name === plugin.name)) throw new Error(`Plugin "${plugin.name}" is registered twice`);
    for (const fact of plugin.facts) {
      const owner = this.factOwner.get(fact.id);
      if (owner) throw new Error(`Fact "${fact.id}" of plugin "${plugin.name}" is already provided by "${owner}"`);
    }
    for (const operator of plugin.operators ?? []) {
      if (this.operators.has(operator.name)) throw new Error(`Operator "${operator.name}" of plugin "${plugin.name}" is already registered`);
    }
    this.plugins.push(plugin);
    for (const fact of plugin.facts) {
      this.facts.set(fact.id, fact);
      this.factOwner.set(fact.id, plugin.name);
    }
    for (const operator of plugin.operators ?? []) this.operators.set(operator.name, operator);
    return this;
  }

  /** Name of the plugin providing a fact. */
  ownerOf(factId: string): string | undefined {
    return this.factOwner.get(factId);
  }
}
