import type { CheckerPool, Report, RulesetDocument } from "@photoaudit/rules";
import { ApiError } from "../errors.js";
import type { Store } from "../store/openStore.js";

/** An uploaded photo: what the GraphQL multipart request gives a resolver. */
export interface Upload {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Photo validation: reads the upload within its limit, checks it on the worker pool against the ruleset's
 * published version in the store (so a publish changes the very next validation), and turns a photo that
 * cannot be decoded into BAD_PHOTO with the decoder's code.
 */
export class ValidationService {
  constructor(
    private readonly store: Store,
    private readonly pool: CheckerPool,
    private readonly maxUploadBytes: number,
  ) {}

  /** Validates a photo against the published version of `rulesetId`. */
  async validate(photo: Upload, rulesetId: string): Promise<Report> {
    const published = await this.store.rulesets.publishedDocuments();
    const chain = publishedChain(rulesetId, published);
    return this.check(photo, rulesetId, chain);
  }

  /** Validates a photo against an unsaved ruleset and its published ancestors. */
  test(photo: Upload, chain: RulesetDocument[]): Promise<Report> {
    return this.check(photo, chain[0].id, chain);
  }

  private async check(photo: Upload, rulesetId: string, rulesets: RulesetDocument[]): Promise<Report> {
    if (photo.size > this.maxUploadBytes) {
      throw new ApiError("PAYLOAD_TOO_LARGE", `The photo is ${photo.size} bytes; the limit is ${this.maxUploadBytes}.`, { limitBytes: this.maxUploadBytes });
    }
    const bytes = new Uint8Array(await photo.arrayBuffer());
    const report = await this.pool.check(bytes, { file: photo.name || "upload", rulesetId, rulesets });
    if (report.verdict === "error" && report.error) {
      throw new ApiError("BAD_PHOTO", report.error.message, { photoErrorCode: report.error.code });
    }
    return report;
  }
}

/** The ruleset and its ancestors at their published versions; NOT_FOUND when it has no live version. */
function publishedChain(rulesetId: string, published: Map<string, RulesetDocument>): RulesetDocument[] {
  const self = published.get(rulesetId);
  if (!self) throw new ApiError("NOT_FOUND", `No published ruleset "${rulesetId}". List them with the rulesets query.`, { rulesetId });
  const chain = [self];
  for (let parent = self.extends; typeof parent === "string" && chain.length < 32; parent = published.get(parent)?.extends) {
    const doc = published.get(parent);
    if (!doc) break; // the resolver reports the missing parent with its chain
    chain.push(doc);
  }
  return chain;
}
