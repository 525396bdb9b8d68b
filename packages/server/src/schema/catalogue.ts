import type { FactDefinition, OperatorDefinition, PhotoPlugin } from "@photoaudit/core";
import { ENGINE_OPERATORS, PHOTO_OPERATORS } from "@photoaudit/rules";
import { builder } from "../builder.js";
import { BilingualType } from "./bilingual.js";

const FactType = builder.objectRef<FactDefinition & { plugin: string }>("Fact").implement({
  description: "A measurement rules can read, with its unit.",
  fields: (t) => ({
    id: t.exposeID("id"),
    unit: t.exposeString("unit", { description: '"px", "KB", "deg", "ratio", ... ("" for none)' }),
    type: t.exposeString("type", { description: "JSON type of the value: number, integer, boolean, string, array or object." }),
    description: t.field({ type: BilingualType, resolve: (f) => f.description }),
    plugin: t.exposeString("plugin"),
  }),
});

const OperatorType = builder.objectRef<{ name: string; description: string; plugin: string | null }>("Operator").implement({
  description: "A comparison a rule condition can use.",
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    plugin: t.exposeString("plugin", { nullable: true, description: "The plugin that adds it; null for the built-in ones." }),
  }),
});

const PluginType = builder.objectRef<PhotoPlugin>("Plugin").implement({
  description: "A bundle of facts (and operators) measuring one aspect of a photo.",
  fields: (t) => ({
    name: t.exposeString("name"),
    version: t.exposeString("version"),
    facts: t.field({ type: [FactType], resolve: (p) => p.facts.map((f) => ({ ...f, plugin: p.name })) }),
    operators: t.field({ type: [OperatorType], resolve: (p) => (p.operators ?? []).map((o: OperatorDefinition) => ({ name: o.name, description: o.description, plugin: p.name })) }),
  }),
});

builder.queryFields((t) => ({
  facts: t.field({
    type: [FactType],
    description: "Every fact rules can read, with unit, type and description.",
    authScopes: { reader: true },
    resolve: (_root, _args, ctx) => [...ctx.registry.facts.values()].map((f) => ({ ...f, plugin: ctx.registry.ownerOf(f.id) ?? "" })),
  }),
  plugins: t.field({
    type: [PluginType],
    description: "The measurement plugins of this deployment (built-in and PHOTOAUDIT_PLUGINS).",
    authScopes: { reader: true },
    resolve: (_root, _args, ctx) => ctx.registry.plugins,
  }),
  operators: t.field({
    type: [OperatorType],
    description: "Every operator rule conditions can use.",
    authScopes: { reader: true },
    resolve: (_root, _args, ctx) => [
      ...Object.entries(ENGINE_OPERATORS).map(([name, o]) => ({ name, description: o.description, plugin: null })),
      ...PHOTO_OPERATORS.map((o) => ({ name: o.name, description: o.description, plugin: null })),
      ...[...ctx.registry.operators.values()].map((o) => ({ name: o.name, description: o.description, plugin: ctx.registry.plugins.find((p) => p.operators?.includes(o))?.name ?? null })),
    ],
  }),
}));
