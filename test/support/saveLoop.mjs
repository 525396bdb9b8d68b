// Child process for the crash-safety test: saves draft after draft of cn-sd-jinan as fast as it can and
// prints "saved <version>" after each commit, until it is killed.
import { builtinRulesets } from "../../packages/rules/dist/index.js";
import { openStore } from "../../packages/server/dist/index.js";

const store = await openStore({ dataDir: process.env.SAVE_DATA_DIR, databaseUrl: process.env.SAVE_DATABASE_URL, schema: process.env.SAVE_SCHEMA });
const base = builtinRulesets().get("cn-sd-jinan");
const actor = { tokenId: null, name: "crash test" };
let version = (await store.rulesets.get("cn-sd-jinan")).latestVersion;
for (let i = 1; ; i++) {
  const doc = { ...structuredClone(base), version: version + 1 };
  doc.description = { ...(doc.description ?? { zh: "", en: "" }), en: `save ${i}: ${"x".repeat(2000)}` };
  const saved = await store.rulesets.saveDraft("cn-sd-jinan", doc, version, actor, `save ${i}`);
  version = saved.version;
  process.stdout.write(`saved ${version}\n`);
}
