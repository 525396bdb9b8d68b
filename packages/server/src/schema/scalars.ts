import { GraphQLError, Kind, type ValueNode } from "graphql";
import { builder } from "../builder.js";

/** A JSON literal as a plain value (variables arrive parsed already). */
function literalValue(node: ValueNode, variables: Record<string, unknown> | null | undefined): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((v) => literalValue(v, variables));
    case Kind.OBJECT:
      // fromEntries defines own properties, so a "__proto__" key stays data and never sets a prototype.
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literalValue(f.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[node.name.value];
    default:
      throw new GraphQLError(`JSON cannot represent a ${node.kind} literal`, { extensions: { code: "BAD_USER_INPUT" } });
  }
}

builder.scalarType("JSON", {
  description: "Any JSON value: ruleset documents, measured facts, rule thresholds.",
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node, variables) => literalValue(node, variables),
});

builder.scalarType("DateTime", {
  description: "An instant as an ISO 8601 string in UTC, e.g. 2026-11-24T15:49:07.000Z.",
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value as string).toISOString()),
  parseValue: (value) => {
    const date = new Date(value as string);
    if (typeof value !== "string" || Number.isNaN(date.getTime())) throw new GraphQLError("Expected an ISO 8601 date-time string", { extensions: { code: "BAD_USER_INPUT" } });
    return date;
  },
});

builder.scalarType("File", {
  description: "An uploaded file (GraphQL multipart request spec); input only.",
  serialize: () => {
    throw new GraphQLError("File is an input-only scalar");
  },
  parseValue: (value) => {
    if (value === null || typeof value !== "object" || typeof (value as File).arrayBuffer !== "function") {
      throw new GraphQLError("Expected an uploaded file: send the request as multipart/form-data (GraphQL multipart request spec) with the file mapped to this variable.", { extensions: { code: "BAD_USER_INPUT" } });
    }
    return value as File;
  },
});
