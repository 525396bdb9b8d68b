import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { RulesetProblem } from "./errors.js";

/** Path of the published JSON Schema for rulesets (packages/rules/ruleset.schema.json), for editors and `$schema`. */
export const RULESET_SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), "..", "ruleset.schema.json");

let schema: Record<string, unknown> | undefined;
let validate: ValidateFunction | undefined;

/** The ruleset JSON Schema as an object, read once. */
export function rulesetSchema(): Record<string, unknown> {
  schema ??= JSON.parse(readFileSync(RULESET_SCHEMA_PATH, "utf8")) as Record<string, unknown>;
  return schema;
}

/** Checks a document against the published schema; every violation becomes a problem at its JSON Pointer path. */
export function schemaProblems(doc: unknown): RulesetProblem[] {
  // strictRequired is off because the schema's `if` branches name properties defined elsewhere.
  validate ??= new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false }).compile(rulesetSchema());
  if (validate(doc)) return [];
  return (validate.errors ?? []).flatMap(describeSchemaError);
}

const CONDITION_KEYS = ["all", "any", "not"];
const ONE_CONDITION = "must have exactly one of all, any or not (a single fact comparison goes inside one of them)";
const quote = (values: unknown) => (values as unknown[]).map((v) => JSON.stringify(v)).join(", ");
const typeOf = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/** One ajv error as a problem a ruleset author can act on; wrapper errors (if/then, propertyNames) are dropped. */
function describeSchemaError(error: ErrorObject): RulesetProblem[] {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "if":
    case "propertyNames":
      return [];
    case "required":
      return [{ path: `${at}/${String(params.missingProperty)}`, message: "is required" }];
    case "additionalProperties":
      return [{ path: `${at}/${String(params.additionalProperty)}`, message: "is not a known field here: remove it or check its spelling" }];
    case "enum":
      if (error.propertyName !== undefined && JSON.stringify(params.allowedValues) === JSON.stringify(CONDITION_KEYS)) {
        return [{ path: at, message: ONE_CONDITION }];
      }
      if (error.propertyName !== undefined) {
        return [{ path: `${at}/${error.propertyName}`, message: `is not a known field here (allowed: ${quote(params.allowedValues)})` }];
      }
      return [{ path: at, message: `must be one of ${quote(params.allowedValues)} (got ${JSON.stringify(error.data)})` }];
    case "type":
      return [{ path: at, message: `must be ${String(params.type).replace(",", " or ")} (got ${typeOf(error.data)})` }];
    case "minProperties":
    case "maxProperties":
      // Only condition objects limit their number of properties.
      return [{ path: at, message: ONE_CONDITION }];
    case "minItems":
      return [{ path: at, message: `must have at least ${String(params.limit)} item(s)` }];
    case "minLength":
      return [{ path: at, message: "must not be empty" }];
    default:
      return [{ path: at, message: error.message ?? `fails schema keyword ${error.keyword}` }];
  }
}
