import { Link } from "react-router";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useLanguage } from "../i18n/language";

export function NotFoundPage() {
  const { t } = useLanguage();
  useDocumentTitle(t("error.not_found_page"));
  return (
    <>
      <h1>{t("error.not_found_page")}</h1>
      <p>
        <Link to="/">{t("error.back_home")}</Link>
      </p>
    </>
  );
}
