#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { runCheck } from "./commands/check.js";
import { runEval } from "./commands/eval.js";
import { runRulesFacts, runRulesList, runRulesShow, runRulesValidate } from "./commands/rules.js";
import { runServe } from "./commands/serve.js";
import { runTokensCreate, runTokensList, runTokensRevoke } from "./commands/tokens.js";
import { EXIT, UsageError } from "./exitCodes.js";

const program = new Command()
  .name("photoaudit")
  .description("Checks ID photos against a region's ruleset (default: the national social security card spec).")
  .exitOverride()
  .showHelpAfterError();

program
  .command("check")
  .description("check photos; exit 0 if all pass, 1 if any needs review or is rejected, 2 on bad usage or unreadable files")
  .argument("<file...>", "photo files (JPEG, PNG, WebP, ...)")
  .option("-r, --ruleset <id|file.json>", "ruleset id, or a ruleset file, to check against", "cn-national")
  .option("--json", "print one JSON document {reports: [...]} instead of text")
  .option("--lang <zh|en>", "language of messages (default: from the locale)")
  .option("--annotate <dir>", "write <dir>/<name>.annotated.png with face boxes, landmarks and failing rules")
  .option("--workers <n>", "worker threads (default: one per core from 8 files on, else 1)")
  .action(async (files: string[], options) => {
    process.exitCode = await runCheck(files, options);
  });

const rules = program.command("rules").description("list, show, validate rulesets and the facts they can use (extra plugins: PHOTOAUDIT_PLUGINS=a.js,b.js)");
rules
  .command("list")
  .description("list the built-in rulesets")
  .option("--json", "print JSON")
  .option("--lang <zh|en>", "language of names")
  .action(async (options) => {
    process.exitCode = await runRulesList(options);
  });
rules
  .command("show")
  .description("show a ruleset with inheritance applied, and where each rule comes from")
  .argument("<id|file.json>", "ruleset id or ruleset file")
  .option("--json", "print the resolved ruleset as JSON")
  .option("--lang <zh|en>", "language of messages")
  .action(async (ref: string, options) => {
    process.exitCode = await runRulesShow(ref, options);
  });
rules
  .command("validate")
  .description("check a ruleset file against the schema, the fact catalogue and its parents; exit 0 valid, 2 invalid")
  .argument("<file.json>", "ruleset file")
  .option("--json", "print {valid, problems} as JSON")
  .action(async (file: string, options) => {
    process.exitCode = await runRulesValidate(file, options);
  });
rules
  .command("facts")
  .description("list the facts rules can read (with units and descriptions) and the operators")
  .option("--json", "print JSON")
  .option("--lang <zh|en>", "language of descriptions")
  .action(async (options) => {
    process.exitCode = await runRulesFacts(options);
  });

program
  .command("eval")
  .description("score every requirement against the labelled corpus and a synthetic set derived from it; exit 1 below a floor in eval/floors.json")
  .option("--corpus <dir>", "labelled corpus folder with manifest.json (default: ../shared/corpus or $PHOTOAUDIT_CORPUS)")
  .option("-r, --ruleset <id>", "ruleset to evaluate", "cn-national")
  .option("--limit <n>", "only the first n corpus photos (a smoke run; floors are not applied)")
  .option("--no-synthetic", "skip the synthetic set")
  .option("--out <dir>", "where results.json, results.md and derived/ go (default: eval/)")
  .option("--floors <file>", "floors file (default: eval/floors.json)")
  .action(async (options) => {
    process.exitCode = await runEval(options);
  });

program
  .command("serve")
  .description("start the GraphQL API (GraphiQL and POST on /graphql, health on /health); env PORT, PHOTOAUDIT_DATA, DATABASE_URL")
  .option("-p, --port <n>", "port to listen on (default $PORT or 4000)")
  .option("--data <dir>", "data folder of the embedded store (default $PHOTOAUDIT_DATA or ~/.photoaudit/data); DATABASE_URL selects PostgreSQL instead")
  .option("--host <address>", "interface to listen on (default all)")
  .action(async (options) => {
    await runServe(options);
  });

const tokens = program.command("tokens").description("API tokens for the server: client, admin of regions, superadmin (stored hashed)");
const collect = (value: string, previous: string[] = []) => [...previous, value];
tokens
  .command("create")
  .description("create a token and print it once")
  .requiredOption("--role <role>", "client (validate, read), admin (edit its regions' rulesets) or superadmin")
  .option("--region <code>", "region an admin may edit, e.g. CN-SD (repeatable; CN covers every CN-* region)", collect)
  .option("--name <name>", "who holds it, for the audit log (default: role and regions)")
  .option("--data <dir>", "data folder of the embedded store (default $PHOTOAUDIT_DATA or ~/.photoaudit/data)")
  .option("--json", "print {token, id, name, role, regions} as JSON")
  .action(async (options) => {
    process.exitCode = await runTokensCreate(options);
  });
tokens
  .command("list")
  .description("list tokens (never their secrets)")
  .option("--data <dir>", "data folder of the embedded store")
  .option("--json", "print JSON")
  .action(async (options) => {
    process.exitCode = await runTokensList(options);
  });
tokens
  .command("revoke")
  .description("revoke a token by id")
  .argument("<id>", "token id (tok_...)")
  .option("--data <dir>", "data folder of the embedded store")
  .action(async (id: string, options) => {
    process.exitCode = await runTokensRevoke(id, options);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usageOrUnreadable;
  } else if (error instanceof UsageError || (error instanceof Error && "code" in error && typeof error.code === "string")) {
    process.stderr.write(`photoaudit: ${error.message}\n`);
    process.exitCode = EXIT.usageOrUnreadable;
  } else {
    throw error;
  }
}
