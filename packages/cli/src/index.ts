export { runCheck, type CheckCommandOptions } from "./commands/check.js";
export { formatReport } from "./formatReport.js";
export { EXIT, UsageError } from "./exitCodes.js";
