import { printSchema } from "graphql";
import { expect, it } from "vitest";
import { schema } from "./index.js";

// The published contract: a change to it shows up as a diff of packages/server/schema.graphql in review.
it("matches the committed schema (packages/server/schema.graphql)", async () => {
  await expect(`${printSchema(schema)}\n`).toMatchFileSnapshot("../../schema.graphql");
});
