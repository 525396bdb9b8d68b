import type { RulesetDocument } from "@photoaudit/rules";
import { ApiError } from "../errors.js";
import { isUniqueViolation, type SqlClient, type SqlExecutor } from "./sqlClient.js";

/** Who made a change, as the audit log keeps it. */
export interface Actor {
  /** The API token's id; null for the server itself (seeding built-ins). */
  tokenId: string | null;
  name: string;
}

/** A ruleset as the store tracks it: its region, versions and which one is live. */
export interface RulesetRecord {
  id: string;
  region: string;
  builtin: boolean;
  latestVersion: number;
  /** The version validations use; null until one is published. */
  publishedVersion: number | null;
  createdAt: Date;
  archivedAt: Date | null;
}

/** One immutable version of a ruleset document. */
export interface RulesetVersionRecord {
  rulesetId: string;
  version: number;
  document: RulesetDocument;
  comment: string;
  createdBy: string;
  createdAt: Date;
  /** When this version first went live; null for a draft never published. */
  firstPublishedAt: Date | null;
}

export type AuditAction = "seed" | "create" | "save_draft" | "publish" | "rollback" | "archive";

/** One change to a ruleset: who, when, what (the documents before and after) and why. */
export interface AuditRecord {
  id: number;
  rulesetId: string;
  action: AuditAction;
  version: number | null;
  previousVersion: number | null;
  actor: Actor;
  at: Date;
  comment: string;
  before: RulesetDocument | null;
  after: RulesetDocument | null;
}

/** Checks a publish before it commits: the ruleset's new live document against every other live one; throws to refuse. */
export type PublishCheck = (rulesetId: string, document: RulesetDocument, published: Map<string, RulesetDocument>) => void;

const RULESET_COLUMNS = "id, region, builtin, latest_version, published_version, created_at, archived_at";
const VERSION_COLUMNS = "ruleset_id, version, document, comment, created_by, created_at, first_published_at";

const toRuleset = (r: Record<string, unknown>): RulesetRecord => ({
  id: r.id as string,
  region: r.region as string,
  builtin: r.builtin as boolean,
  latestVersion: r.latest_version as number,
  publishedVersion: (r.published_version as number | null) ?? null,
  createdAt: r.created_at as Date,
  archivedAt: (r.archived_at as Date | null) ?? null,
});

const toVersion = (r: Record<string, unknown>): RulesetVersionRecord => ({
  rulesetId: r.ruleset_id as string,
  version: r.version as number,
  document: r.document as RulesetDocument,
  comment: r.comment as string,
  createdBy: r.created_by as string,
  createdAt: r.created_at as Date,
  firstPublishedAt: (r.first_published_at as Date | null) ?? null,
});

const toAudit = (r: Record<string, unknown>): AuditRecord => ({
  id: r.id as number,
  rulesetId: r.ruleset_id as string,
  action: r.action as AuditAction,
  version: (r.version as number | null) ?? null,
  previousVersion: (r.previous_version as number | null) ?? null,
  actor: { tokenId: (r.actor_token_id as string | null) ?? null, name: r.actor_name as string },
  at: r.at as Date,
  comment: r.comment as string,
  before: (r.before_document as RulesetDocument | null) ?? null,
  after: (r.after_document as RulesetDocument | null) ?? null,
});

/**
 * Rulesets, their versions and the audit log, in SQL that runs on both PGlite and PostgreSQL. Every change
 * and its audit entry commit in one transaction, so a change is wholly there or wholly absent; the ruleset
 * row is locked first, so concurrent writers to one ruleset queue and a stale one gets CONFLICT.
 */
export class RulesetStore {
  private published?: { revision: number | null; documents: Map<string, RulesetDocument> };

  constructor(private readonly db: SqlClient) {}

  /** Every ruleset, archived ones only when asked, ordered by id. */
  async list(options: { includeArchived?: boolean } = {}): Promise<RulesetRecord[]> {
    const where = options.includeArchived ? "" : "WHERE archived_at IS NULL";
    return (await this.db.query(`SELECT ${RULESET_COLUMNS} FROM rulesets ${where} ORDER BY id`)).map(toRuleset);
  }

  /** One ruleset, or undefined. */
  async get(id: string): Promise<RulesetRecord | undefined> {
    const [row] = await this.db.query(`SELECT ${RULESET_COLUMNS} FROM rulesets WHERE id = $1`, [id]);
    return row ? toRuleset(row) : undefined;
  }

  /** One version of a ruleset, or undefined. */
  async version(id: string, version: number): Promise<RulesetVersionRecord | undefined> {
    const [row] = await this.db.query(`SELECT ${VERSION_COLUMNS} FROM ruleset_versions WHERE ruleset_id = $1 AND version = $2`, [id, version]);
    return row ? toVersion(row) : undefined;
  }

  /** Every version of a ruleset, newest first. */
  async versions(id: string): Promise<RulesetVersionRecord[]> {
    return (await this.db.query(`SELECT ${VERSION_COLUMNS} FROM ruleset_versions WHERE ruleset_id = $1 ORDER BY version DESC`, [id])).map(toVersion);
  }

  /**
   * The live document of every ruleset that has one and is not archived, by id. Outside a transaction the
   * documents are cached until the audit log grows: every change writes an audit entry in its own
   * transaction, so one indexed max(id) tells whether anything (on any replica) changed since.
   */
  async publishedDocuments(tx?: SqlExecutor): Promise<Map<string, RulesetDocument>> {
    if (tx) return loadPublished(tx);
    const [{ revision }] = await this.db.query<{ revision: number | null }>("SELECT max(id) AS revision FROM audit_log");
    if (!this.published || this.published.revision !== revision) this.published = { revision, documents: await loadPublished(this.db) };
    return new Map(this.published.documents);
  }

  /**
   * Stores a built-in ruleset as published version `doc.version` unless a ruleset of that id exists, which is
   * never overwritten: "seeded", "unchanged" (some stored version has this content), or "differs" (the shipped
   * file changed since; an admin decides whether to adopt it through a draft).
   */
  async seed(doc: RulesetDocument, actor: Actor, comment: string): Promise<"seeded" | "unchanged" | "differs"> {
    return this.db.transaction(async (tx) => {
      const inserted = await tx.query(
        "INSERT INTO rulesets (id, region, builtin, latest_version, published_version) VALUES ($1, $2, true, $3, $3) ON CONFLICT (id) DO NOTHING RETURNING id",
        [doc.id, doc.region, doc.version],
      );
      if (!inserted.length) {
        const stored = await tx.query<{ document: RulesetDocument }>("SELECT document FROM ruleset_versions WHERE ruleset_id = $1", [doc.id]);
        return stored.some((v) => sameContent(v.document, doc)) ? "unchanged" : "differs";
      }
      await tx.query(
        `INSERT INTO ruleset_versions (ruleset_id, version, document, comment, created_by, first_published_at) VALUES ($1, $2, $3::json, $4, $5, now())`,
        [doc.id, doc.version, JSON.stringify(doc), comment, actor.name],
      );
      await audit(tx, { rulesetId: doc.id, action: "seed", version: doc.version, previousVersion: null, actor, comment, before: null, after: doc });
      return "seeded";
    });
  }

  /** Creates a ruleset whose first version is an unpublished draft; CONFLICT when the id is taken. */
  async create(doc: RulesetDocument, actor: Actor, comment: string): Promise<RulesetVersionRecord> {
    try {
      return await this.db.transaction(async (tx) => {
        const inserted = await tx.query("INSERT INTO rulesets (id, region, latest_version) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id", [doc.id, doc.region, doc.version]);
        if (!inserted.length) throw new ApiError("CONFLICT", `A ruleset "${doc.id}" already exists; save a new draft of it with saveRulesetDraft, or pick another id.`, { rulesetId: doc.id });
        const version = await insertVersion(tx, doc, actor, comment);
        await audit(tx, { rulesetId: doc.id, action: "create", version: doc.version, previousVersion: null, actor, comment, before: null, after: doc });
        return version;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ApiError("CONFLICT", `A ruleset "${doc.id}" already exists.`, { rulesetId: doc.id });
      throw error;
    }
  }

  /**
   * Saves `doc` as the next version, provided the latest version is still `expectedVersion` (what the editor
   * started from); otherwise CONFLICT with the current latest version, and nothing is written.
   */
  async saveDraft(id: string, doc: RulesetDocument, expectedVersion: number, actor: Actor, comment: string): Promise<RulesetVersionRecord> {
    try {
      return await this.db.transaction(async (tx) => {
        const current = await lockRuleset(tx, id);
        if (current.archivedAt) throw new ApiError("CONFLICT", `Ruleset "${id}" is archived; it can no longer be edited.`, { rulesetId: id });
        if (current.latestVersion !== expectedVersion) {
          throw new ApiError("CONFLICT", `Ruleset "${id}" is at version ${current.latestVersion}, not ${expectedVersion}: someone saved in between. Reload version ${current.latestVersion}, reapply your edit and save again.`, {
            rulesetId: id,
            expectedVersion,
            latestVersion: current.latestVersion,
          });
        }
        const before = await versionIn(tx, id, expectedVersion);
        const saved = await insertVersion(tx, doc, actor, comment);
        await tx.query("UPDATE rulesets SET latest_version = $2 WHERE id = $1", [id, doc.version]);
        await audit(tx, { rulesetId: id, action: "save_draft", version: doc.version, previousVersion: expectedVersion, actor, comment, before: before?.document ?? null, after: doc });
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ApiError("CONFLICT", `Ruleset "${id}" version ${doc.version} was saved by someone else at the same time. Reload and save again.`, { rulesetId: id, expectedVersion });
      throw error;
    }
  }

  /** Makes `version` the live one (publish, or rollback to a version that was live before); `check` may refuse it. */
  async publish(id: string, version: number, actor: Actor, comment: string, check: PublishCheck, action: "publish" | "rollback" = "publish"): Promise<RulesetRecord> {
    return this.db.transaction(async (tx) => {
      const current = await lockRuleset(tx, id);
      if (current.archivedAt) throw new ApiError("CONFLICT", `Ruleset "${id}" is archived; it can no longer be published.`, { rulesetId: id });
      const target = await versionIn(tx, id, version);
      if (!target) throw new ApiError("NOT_FOUND", `Ruleset "${id}" has no version ${version} (latest: ${current.latestVersion}).`, { rulesetId: id, version });
      if (current.publishedVersion === version) throw new ApiError("CONFLICT", `Ruleset "${id}" version ${version} is already the published version.`, { rulesetId: id, version });
      if (action === "rollback") {
        if (current.publishedVersion === null || version > current.publishedVersion || !target.firstPublishedAt) {
          throw new ApiError("CONFLICT", `Ruleset "${id}" can only roll back to an earlier version that was published before (published now: ${current.publishedVersion ?? "none"}); use publishRuleset for version ${version}.`, { rulesetId: id, version });
        }
      }
      const published = await this.publishedDocuments(tx);
      published.set(id, target.document);
      check(id, target.document, published);
      const before = current.publishedVersion === null ? undefined : await versionIn(tx, id, current.publishedVersion);
      await tx.query("UPDATE rulesets SET published_version = $2 WHERE id = $1", [id, version]);
      await tx.query("UPDATE ruleset_versions SET first_published_at = coalesce(first_published_at, now()) WHERE ruleset_id = $1 AND version = $2", [id, version]);
      await audit(tx, { rulesetId: id, action, version, previousVersion: current.publishedVersion, actor, comment, before: before?.document ?? null, after: target.document });
      return { ...current, publishedVersion: version };
    });
  }

  /** Retires a ruleset: no longer listed or used for validation; its history stays. `check` may refuse it. */
  async archive(id: string, actor: Actor, comment: string, check: (published: Map<string, RulesetDocument>) => void): Promise<RulesetRecord> {
    return this.db.transaction(async (tx) => {
      const current = await lockRuleset(tx, id);
      if (current.archivedAt) throw new ApiError("CONFLICT", `Ruleset "${id}" is already archived.`, { rulesetId: id });
      const published = await this.publishedDocuments(tx);
      published.delete(id);
      check(published);
      const [row] = await tx.query(`UPDATE rulesets SET archived_at = now() WHERE id = $1 RETURNING ${RULESET_COLUMNS}`, [id]);
      await audit(tx, { rulesetId: id, action: "archive", version: current.publishedVersion, previousVersion: null, actor, comment, before: null, after: null });
      return toRuleset(row);
    });
  }

  /** The changes to one ruleset, newest first. */
  async auditLog(id: string, limit = 100): Promise<AuditRecord[]> {
    const rows = await this.db.query("SELECT * FROM audit_log WHERE ruleset_id = $1 ORDER BY id DESC LIMIT $2", [id, limit]);
    return rows.map(toAudit);
  }
}

/** Whether two documents say the same thing, whatever their version number and $schema. */
function sameContent(a: RulesetDocument, b: RulesetDocument): boolean {
  const strip = ({ version: _version, $schema: _schema, ...rest }: RulesetDocument) => JSON.stringify(rest);
  return strip(a) === strip(b);
}

async function loadPublished(tx: SqlExecutor): Promise<Map<string, RulesetDocument>> {
  const rows = await tx.query<{ id: string; document: RulesetDocument }>(
    `SELECT r.id, v.document FROM rulesets r JOIN ruleset_versions v ON v.ruleset_id = r.id AND v.version = r.published_version
     WHERE r.archived_at IS NULL`,
  );
  return new Map(rows.map((r) => [r.id, r.document]));
}

/** Locks the ruleset's row for the rest of the transaction; NOT_FOUND when it does not exist. */
async function lockRuleset(tx: SqlExecutor, id: string): Promise<RulesetRecord> {
  const [row] = await tx.query(`SELECT ${RULESET_COLUMNS} FROM rulesets WHERE id = $1 FOR UPDATE`, [id]);
  if (!row) throw new ApiError("NOT_FOUND", `No ruleset "${id}". List them with the rulesets query.`, { rulesetId: id });
  return toRuleset(row);
}

async function versionIn(tx: SqlExecutor, id: string, version: number): Promise<RulesetVersionRecord | undefined> {
  const [row] = await tx.query(`SELECT ${VERSION_COLUMNS} FROM ruleset_versions WHERE ruleset_id = $1 AND version = $2`, [id, version]);
  return row ? toVersion(row) : undefined;
}

async function insertVersion(tx: SqlExecutor, doc: RulesetDocument, actor: Actor, comment: string): Promise<RulesetVersionRecord> {
  const [row] = await tx.query(
    `INSERT INTO ruleset_versions (ruleset_id, version, document, comment, created_by) VALUES ($1, $2, $3::json, $4, $5) RETURNING ${VERSION_COLUMNS}`,
    [doc.id, doc.version, JSON.stringify(doc), comment, actor.name],
  );
  return toVersion(row);
}

async function audit(tx: SqlExecutor, entry: Omit<AuditRecord, "id" | "at">): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (ruleset_id, action, version, previous_version, actor_token_id, actor_name, comment, before_document, after_document)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::json, $9::json)`,
    [
      entry.rulesetId,
      entry.action,
      entry.version,
      entry.previousVersion,
      entry.actor.tokenId,
      entry.actor.name,
      entry.comment,
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
    ],
  );
}
