// Turns an audit entry's before/after JSON into rows a person can read: one row
// per top-level field that differs (all fields for a create or a delete).
import type { JsonValue } from "../api/types";

export interface FieldChange {
  field: string;
  before: JsonValue | undefined; // undefined: the field did not exist
  after: JsonValue | undefined;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameJson(item, b[index]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!sameJson(a[key], b[key])) return false;
    return true;
  }
  return false;
}

export function fieldChanges(before: JsonValue, after: JsonValue): FieldChange[] {
  const beforeObject = isObject(before) ? before : before === null ? {} : null;
  const afterObject = isObject(after) ? after : after === null ? {} : null;
  if (beforeObject === null || afterObject === null) {
    // Not records: show the whole value as one change.
    return sameJson(before, after) ? [] : [{ field: "", before, after }];
  }
  const keys: string[] = [];
  for (const key of [...Object.keys(beforeObject), ...Object.keys(afterObject)]) {
    if (!keys.includes(key)) keys.push(key);
  }
  return keys
    .filter((key) => !sameJson(beforeObject[key], afterObject[key]))
    .map((key) => ({ field: key, before: beforeObject[key], after: afterObject[key] }));
}

// Short text for one value in the diff table.
export function displayValue(value: JsonValue | undefined): string {
  if (value === undefined) return "—";
  if (value === null) return "null";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
