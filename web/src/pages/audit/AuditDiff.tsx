// Before → after of one audit entry as a table of the fields that changed.
import type { JsonValue } from "../../api/types";
import { displayValue, fieldChanges } from "../../format/diff";
import { useLanguage } from "../../i18n/language";

export function AuditDiff({ before, after }: { before: JsonValue; after: JsonValue }) {
  const { t } = useLanguage();
  // Events such as signing in carry no record to compare.
  if (before === null && after === null) return null;
  const changes = fieldChanges(before, after);
  if (changes.length === 0) return <p className="muted">{t("audit.no_field_change")}</p>;
  return (
    <table className="table diff audit-diff">
      <thead>
        <tr>
          <th scope="col">{t("audit.field")}</th>
          <th scope="col">{t("audit.before")}</th>
          <th scope="col" aria-hidden="true"></th>
          <th scope="col">{t("audit.after")}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.field}>
            <th scope="row">
              <code>{change.field || "—"}</code>
            </th>
            <td className={change.before === undefined ? "diff-none" : "diff-before"}>
              {change.before !== undefined && <del>{displayValue(change.before)}</del>}
            </td>
            <td aria-hidden="true">→</td>
            <td className={change.after === undefined ? "diff-none" : "diff-after"}>
              {change.after !== undefined && <ins>{displayValue(change.after)}</ins>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
