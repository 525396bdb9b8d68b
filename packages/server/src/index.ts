export { startServer, type RunningServer, type StartOptions } from "./server.js";
export { defaultSettings, settingsFromEnv, DEFAULT_PORT, type ServerSettings } from "./config.js";
export { openStore, DEFAULT_DATA_DIR, SYSTEM_ACTOR, type Store, type StoreOptions } from "./store/openStore.js";
export { createToken, type CreatedToken } from "./auth/createToken.js";
export { ROLES, REGION_CODE, regionCovers, mayAdminister, type Principal, type Role } from "./auth/roles.js";
export { ApiError, type ApiErrorCode } from "./errors.js";
export { schema } from "./schema/index.js";
