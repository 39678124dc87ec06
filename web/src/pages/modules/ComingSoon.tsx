// The honest state of a module whose server side is not built yet: no sample
// numbers, just what it will do.
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLanguage } from "../../i18n/language";
import type { ModuleEntry } from "../../layout/modules";

export function ComingSoon({ module }: { module: ModuleEntry }) {
  const { t } = useLanguage();
  useDocumentTitle(t(module.label));
  return (
    <>
      <h1>{t(module.label)}</h1>
      <p className="lead">{t(module.about)}</p>
      <div className="notice notice-info" role="status" data-testid="coming-soon">
        <p className="notice-text">
          <strong>{t("module.coming.title")}</strong>
        </p>
        <p>{t("module.coming.body")}</p>
      </div>
    </>
  );
}
