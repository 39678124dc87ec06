// Marks rows that come from demo data so nobody mistakes them for official records.
import { useLanguage } from "../i18n/language";

export function DemoBadge({ demo }: { demo: boolean }) {
  const { t } = useLanguage();
  if (!demo) return null;
  return (
    <span className="badge badge-demo" title={t("common.demo_title")}>
      {t("common.demo")}
    </span>
  );
}
