export const SERVER_PACKAGE = "@photoaudit/server";
