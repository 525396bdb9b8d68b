import { lexicographicSortSchema, type GraphQLSchema } from "graphql";
import { builder } from "../builder.js";
import "./scalars.js";
import "./bilingual.js";
import "./report.js";
import "./catalogue.js";
import "./ruleset.js";
import "./audit.js";
import "./rulesetAdmin.js";
import "./validation.js";
import "./viewer.js";

builder.queryType({ description: "Reading: rulesets, their versions, facts, plugins and the audit log." });
builder.mutationType({ description: "Validating photos, and administering rulesets (every change audited)." });

/** The photoaudit GraphQL schema. */
export const schema: GraphQLSchema = lexicographicSortSchema(builder.toSchema());
