#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { runCheck } from "./commands/check.js";
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
  .option("-r, --ruleset <id>", "ruleset to check against", "cn-national")
  .option("--json", "print one JSON document {reports: [...]} instead of text")
  .option("--lang <zh|en>", "language of messages (default: from the locale)")
  .action(async (files: string[], options) => {
    process.exitCode = await runCheck(files, options);
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
