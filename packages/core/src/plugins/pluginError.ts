/** Stable codes for every way a configured plugin module can be refused. */
export type PluginErrorCode = "PLUGIN_NOT_FOUND" | "PLUGIN_LOAD_FAILED" | "INVALID_PLUGIN" | "PLUGIN_CONFLICT";

/** A plugin module that cannot be used: `code` is stable, `message` names the module and what to change. */
export class PluginError extends Error {
  readonly code: PluginErrorCode;
  /** The module path as configured. */
  readonly module: string;

  constructor(code: PluginErrorCode, module: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PluginError";
    this.code = code;
    this.module = module;
  }
}
