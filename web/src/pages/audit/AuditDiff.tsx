// Before → after of one audit entry: one row per field that changed, named as people
// know it (สถานะ, แก้ไขล่าสุดเมื่อ) with values as they read them (รอตรวจสอบ, 2 ธ.ค.
// 2569 03:30 น., names for codes), both given by the server.
import type { Schemas } from "../../api/types";
import { isMessageKey, useLanguage } from "../../i18n/language";

export type AuditChange = Schemas["AuditChange"];

export function AuditDiff({ changes, recorded }: { changes: AuditChange[]; recorded: boolean }) {
  const { t, language } = useLanguage();
  // Events such as signing in carry no record to compare.
  if (!recorded) return null;
  if (changes.length === 0) return <p className="muted">{t("audit.no_field_change")}</p>;
  const label = (change: AuditChange) => {
    const key = `field.${change.field}`;
    return language === "en" && isMessageKey(key) ? t(key) : change.label_th || change.field;
  };
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
          <tr key={change.field} data-field={change.field}>
            <th scope="row">{label(change)}</th>
            <td className={change.before === null ? "diff-none" : "diff-before"}>
              {change.before !== null && <del>{change.before_th || "—"}</del>}
            </td>
            <td aria-hidden="true">→</td>
            <td className={change.after === null ? "diff-none" : "diff-after"}>
              {change.after !== null && <ins>{change.after_th || "—"}</ins>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
