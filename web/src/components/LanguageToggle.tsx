import { useLanguage } from "../i18n/language";

export function LanguageToggle() {
  const { language, setLanguage, t } = useLanguage();
  const other = language === "th" ? "en" : "th";
  return (
    <button
      type="button"
      className="button small language-toggle"
      lang={other}
      aria-label={t("lang.switch_label")}
      onClick={() => setLanguage(other)}
    >
      {t("lang.switch")}
    </button>
  );
}
