import { useLanguage } from "../i18n/language";

export function Loading() {
  const { t } = useLanguage();
  return (
    <p className="loading" role="status">
      {t("common.loading")}
    </p>
  );
}
