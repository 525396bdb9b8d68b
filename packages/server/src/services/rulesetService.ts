import type { PluginRegistry } from "@photoaudit/core";
import { resolveRuleset, resolveRulesetDocument, RulesetError, type ResolvedRuleset, type RulesetDocument, type RulesetProblem } from "@photoaudit/rules";
import { ApiError } from "../errors.js";
import type { Principal } from "../auth/roles.js";
import type { Store } from "../store/openStore.js";
import type { Actor, AuditRecord, RulesetRecord, RulesetVersionRecord } from "../store/rulesetStore.js";

/** Where a version stands: live, a draft never published, or published once and since replaced. */
export type VersionStatus = "published" | "draft" | "retired";

/** The actor the audit log records for a token. */
export const actorOf = (principal: Principal): Actor => ({ tokenId: principal.tokenId, name: principal.name });

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Ruleset administration: every draft is validated exactly as a ruleset file is (schema, fact catalogue,
 * inheritance against the published parents) before it is stored, and a publish is refused when it would
 * break a published ruleset that extends it. The store makes each change atomic and audited.
 */
export class RulesetService {
  constructor(
    private readonly store: Store,
    private readonly registry: PluginRegistry,
  ) {}

  /** Every ruleset, ordered by id. */
  list(includeArchived = false): Promise<RulesetRecord[]> {
    return this.store.rulesets.list({ includeArchived });
  }

  /** One ruleset; NOT_FOUND when there is none. */
  async get(id: string): Promise<RulesetRecord> {
    const record = await this.store.rulesets.get(id);
    if (!record) throw new ApiError("NOT_FOUND", `No ruleset "${id}". List them with the rulesets query.`, { rulesetId: id });
    return record;
  }

  /** One version (the published one when `version` is absent); NOT_FOUND when missing. */
  async version(id: string, version?: number | null): Promise<RulesetVersionRecord> {
    const record = await this.get(id);
    const wanted = version ?? record.publishedVersion;
    if (wanted === null) throw new ApiError("NOT_FOUND", `Ruleset "${id}" has no published version yet; ask for a version number.`, { rulesetId: id });
    const found = await this.store.rulesets.version(id, wanted);
    if (!found) throw new ApiError("NOT_FOUND", `Ruleset "${id}" has no version ${wanted} (latest: ${record.latestVersion}).`, { rulesetId: id, version: wanted });
    return found;
  }

  /** Every version of a ruleset, newest first. */
  versions(id: string): Promise<RulesetVersionRecord[]> {
    return this.store.rulesets.versions(id);
  }

  /** The status of a version within its ruleset. */
  statusOf(record: RulesetRecord, version: RulesetVersionRecord): VersionStatus {
    if (record.publishedVersion === version.version) return "published";
    return version.firstPublishedAt ? "retired" : "draft";
  }

  /**
   * Who may read a version: published and retired versions are public (the `reader` scope), drafts only
   * their region's admins. Used by the schema's authScopes.
   */
  async readScope(id: string, version?: number | null): Promise<{ reader: true } | { regionAdmin: string }> {
    const record = await this.get(id);
    if (version === undefined || version === null || version === record.publishedVersion) return { reader: true };
    const found = await this.store.rulesets.version(id, version);
    return found?.firstPublishedAt ? { reader: true } : { regionAdmin: record.region };
  }

  /** The region of a stored ruleset (for authScopes); NOT_FOUND when there is none. */
  async regionOf(id: string): Promise<string> {
    return (await this.get(id)).region;
  }

  /** A version's rules after inheritance, its ancestors taken at their published versions. */
  async resolve(version: RulesetVersionRecord): Promise<ResolvedRuleset> {
    const published = await this.store.rulesets.publishedDocuments();
    return resolveRulesetDocument(version.document, this.registry, (id) => published.get(id));
  }

  /** Creates a ruleset from a document; its first version (1) is a draft until published. */
  async create(input: unknown, principal: Principal, comment: string): Promise<RulesetVersionRecord> {
    const doc = this.draftDocument(input, { version: 1 });
    await this.validateDraft(doc);
    return this.store.rulesets.create(doc, actorOf(principal), requireComment(comment));
  }

  /** Saves `input` as the next version of `id` if the latest is still `expectedVersion`; else CONFLICT. */
  async saveDraft(id: string, input: unknown, expectedVersion: number, principal: Principal, comment: string): Promise<RulesetVersionRecord> {
    const record = await this.get(id);
    const doc = this.draftDocument(input, { id, version: expectedVersion + 1, region: record.region });
    await this.validateDraft(doc);
    return this.store.rulesets.saveDraft(id, doc, expectedVersion, actorOf(principal), requireComment(comment));
  }

  /** Makes `version` live: validations use it from the next request on. */
  publish(id: string, version: number, principal: Principal, comment: string): Promise<RulesetRecord> {
    return this.store.rulesets.publish(id, version, actorOf(principal), requireComment(comment), (rulesetId, doc, published) => this.checkPublish(rulesetId, doc, published));
  }

  /** Makes an earlier, previously published version live again. */
  rollback(id: string, toVersion: number, principal: Principal, comment: string): Promise<RulesetRecord> {
    return this.store.rulesets.publish(id, toVersion, actorOf(principal), requireComment(comment), (rulesetId, doc, published) => this.checkPublish(rulesetId, doc, published), "rollback");
  }

  /** Archives a ruleset, unless a live ruleset still extends it (CONFLICT). */
  archive(id: string, principal: Principal, comment: string): Promise<RulesetRecord> {
    return this.store.rulesets.archive(id, actorOf(principal), requireComment(comment), (published) => {
      const children = [...published.values()].filter((doc) => doc.extends === id).map((doc) => doc.id);
      if (children.length) throw new ApiError("CONFLICT", `Ruleset "${id}" cannot be archived: ${children.join(", ")} extend${children.length === 1 ? "s" : ""} it. Archive or re-parent them first.`, { rulesetId: id, children });
    });
  }

  /** The changes to one ruleset, newest first. */
  auditLog(id: string, limit: number): Promise<AuditRecord[]> {
    return this.store.rulesets.auditLog(id, Math.max(1, Math.min(limit, 1000)));
  }

  /** Validates an unsaved draft against the published parents; returns it ready to check photos with. */
  async prepareTestDraft(input: unknown): Promise<{ doc: RulesetDocument; chain: RulesetDocument[] }> {
    const doc = this.draftDocument(input, {});
    const published = await this.validateDraft(doc);
    const chain = [doc];
    for (let parent = doc.extends; typeof parent === "string"; parent = published.get(parent)?.extends) {
      const found = published.get(parent);
      if (!found) break;
      chain.push(found);
    }
    return { doc, chain };
  }

  /**
   * The document to store: a JSON object with `version` (and `id`, `region` where they are fixed) set by the
   * server, so a client cannot forge version numbers or move a ruleset to another region.
   */
  private draftDocument(input: unknown, fixed: { id?: string; version?: number; region?: string }): RulesetDocument {
    if (!isRecord(input)) throw invalidDraft(fixed.id ?? "(draft)", [{ path: "", message: "must be a JSON object (a ruleset document)" }]);
    const problems: RulesetProblem[] = [];
    if (fixed.id !== undefined && input.id !== undefined && input.id !== fixed.id) problems.push({ path: "/id", message: `is "${String(input.id)}", but this is ruleset "${fixed.id}"` });
    if (fixed.region !== undefined && input.region !== undefined && input.region !== fixed.region) problems.push({ path: "/region", message: `is "${String(input.region)}", but ruleset "${fixed.id}" belongs to ${fixed.region}; a ruleset cannot change region (create a new one)` });
    if (problems.length) throw invalidDraft(fixed.id ?? String(input.id), problems);
    const doc = { ...input, ...(fixed.id ? { id: fixed.id } : {}), ...(fixed.region ? { region: fixed.region } : {}) } as Record<string, unknown>;
    if (fixed.version !== undefined) doc.version = fixed.version;
    else if (doc.version === undefined) doc.version = 1;
    delete doc.$schema;
    return doc as unknown as RulesetDocument;
  }

  /** Validates a draft as a ruleset file would be, ancestors at their published versions; returns those. */
  private async validateDraft(doc: RulesetDocument): Promise<Map<string, RulesetDocument>> {
    const published = await this.store.rulesets.publishedDocuments();
    try {
      resolveRulesetDocument(doc, this.registry, (id) => published.get(id));
    } catch (error) {
      throw asInvalid(error, doc.id);
    }
    return published;
  }

  /** Refuses a publish whose document, or any live ruleset that inherits from it, would not resolve. */
  private checkPublish(rulesetId: string, doc: RulesetDocument, published: Map<string, RulesetDocument>): void {
    const lookup = (id: string) => published.get(id);
    try {
      resolveRuleset(rulesetId, lookup, { registry: this.registry });
    } catch (error) {
      throw asInvalid(error, rulesetId);
    }
    const problems: RulesetProblem[] = [];
    for (const other of published.values()) {
      if (other.id === rulesetId || !inherits(other, rulesetId, published)) continue;
      try {
        resolveRuleset(other.id, lookup, { registry: this.registry });
      } catch (error) {
        if (!(error instanceof RulesetError)) throw error;
        problems.push(...(error.problems.length ? error.problems : [{ ruleset: other.id, path: "", message: error.message }]));
      }
    }
    if (problems.length) {
      throw new ApiError("INVALID_RULESET", `Publishing ${rulesetId} v${doc.version} would break rulesets that extend it; fix them or this version first.`, { rulesetId, problems });
    }
  }
}

/** True when `doc` extends `ancestor`, directly or through its published parents. */
function inherits(doc: RulesetDocument, ancestor: string, published: Map<string, RulesetDocument>): boolean {
  const seen = new Set<string>();
  for (let parent = doc.extends; typeof parent === "string" && !seen.has(parent); parent = published.get(parent)?.extends) {
    if (parent === ancestor) return true;
    seen.add(parent);
  }
  return false;
}

function requireComment(comment: string): string {
  const trimmed = comment.trim();
  if (!trimmed) throw new ApiError("BAD_REQUEST", "Every ruleset change needs a comment saying why (it goes into the audit log).", { argument: "comment" });
  if (trimmed.length > 2000) throw new ApiError("BAD_REQUEST", `The comment is ${trimmed.length} characters; keep it under 2000.`, { argument: "comment" });
  return trimmed;
}

function invalidDraft(id: string, problems: RulesetProblem[]): ApiError {
  return new ApiError("INVALID_RULESET", `Ruleset "${id}" has ${problems.length} problem${problems.length === 1 ? "" : "s"}; fix each one at its JSON path.`, { rulesetId: id, problems });
}

/** A RulesetError from validation as INVALID_RULESET: a missing parent or a cycle is a problem of the draft's `extends`. */
function asInvalid(error: unknown, id: string): unknown {
  if (!(error instanceof RulesetError)) return error;
  const problems = error.problems.length ? error.problems : [{ ruleset: id, path: "/extends", message: error.message.split("\n")[0] }];
  return new ApiError("INVALID_RULESET", error.message.split("\n")[0], { rulesetId: id, rulesetErrorCode: error.code, problems });
}
