/** One difference between two JSON documents, at a JSON Pointer path. */
export interface JsonChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * The leaf-level changes from `before` to `after`: objects compare key by key, arrays index by index
 * (a value that changes type is reported whole). Absent `before`/`after` mean added/removed.
 */
export function jsonDiff(before: unknown, after: unknown, path = ""): JsonChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => {
      const at = `${path}/${escape(key)}`;
      if (!(key in after)) return [{ path: at, before: before[key] }];
      if (!(key in before)) return [{ path: at, after: after[key] }];
      return jsonDiff(before[key], after[key], at);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: JsonChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= after.length) changes.push({ path: `${path}/${i}`, before: before[i] });
      else if (i >= before.length) changes.push({ path: `${path}/${i}`, after: after[i] });
      else changes.push(...jsonDiff(before[i], after[i], `${path}/${i}`));
    }
    return changes;
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}
