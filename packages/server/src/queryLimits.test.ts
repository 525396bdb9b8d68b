import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { queryLimitsRule } from "./queryLimits.js";

const schema = buildSchema(`
  type Query { node: Node, nodes: [Node!]! }
  type Node { id: ID!, child: Node, children: [Node!]! }
`);
const limits = { maxDepth: 4, maxCost: 50, listFactor: 10 };
const codes = (query: string) => validate(schema, parse(query), [queryLimitsRule(limits)]).map((e) => e.extensions.code);

describe("queryLimitsRule", () => {
  it.each([
    ["shallow", "{ node { id child { id } } }", []],
    ["at the depth limit", "{ node { child { child { id } } } }", []],
    ["one level too deep", "{ node { child { child { child { id } } } } }", ["QUERY_TOO_DEEP"]],
    ["too deep through a fragment", "query { node { ...F } } fragment F on Node { child { child { child { id } } } }", ["QUERY_TOO_DEEP"]],
    ["too deep through an inline fragment", "{ node { ... on Node { child { child { child { id } } } } } }", ["QUERY_TOO_DEEP"]],
    ["a list multiplies its children", "{ nodes { id child { id } } }", []],
    ["nested lists cost too much", "{ nodes { children { id } } }", ["QUERY_TOO_COSTLY"]],
    ["aliases add up", `{ ${Array.from({ length: 51 }, (_, i) => `a${i}: node { id }`).join(" ")} }`.replace(/node \{ id \}/g, "nodes { id }"), ["QUERY_TOO_COSTLY"]],
    ["introspection is exempt", "{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }", []],
  ])("%s", (_name, query, expected) => {
    expect(codes(query)).toEqual(expected);
  });
});
