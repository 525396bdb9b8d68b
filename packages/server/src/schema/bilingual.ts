import type { Bilingual } from "@photoaudit/core";
import { builder } from "../builder.js";

/** Text in Chinese and English, as every user-facing string of photoaudit is. */
export const BilingualType = builder.objectRef<Bilingual>("Bilingual").implement({
  description: "Text in Chinese (zh) and English (en).",
  fields: (t) => ({
    zh: t.exposeString("zh"),
    en: t.exposeString("en"),
  }),
});
