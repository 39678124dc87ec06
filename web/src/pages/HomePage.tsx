import { Link } from "react-router";
import { listFiscalYears } from "../api/endpoints";
import { useAuth } from "../auth/auth";
import { ErrorNotice } from "../components/ErrorNotice";
import { ThaiText } from "../components/ThaiText";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useLoad } from "../components/useLoad";
import { formatDate } from "../format/date";
import { useLanguage } from "../i18n/language";
import type { ModuleEntry } from "../layout/modules";
import { referenceModules, workModules } from "../layout/modules";

function ModuleCards({ entries }: { entries: ModuleEntry[] }) {
  const { t } = useLanguage();
  return (
    <ul className="cards">
      {entries.map((entry) => (
        <li key={entry.path} className="card">
          <h3>
            <Link to={entry.path}>{t(entry.label)}</Link>
          </h3>
          <p>
            <ThaiText>{t(entry.about)}</ThaiText>
          </p>
          {!entry.ready && <span className="badge">{t("module.coming.title")}</span>}
        </li>
      ))}
    </ul>
  );
}

export function HomePage() {
  const { t, language } = useLanguage();
  const { user } = useAuth();
  useDocumentTitle(t("home.title"));
  const [years, reload] = useLoad((signal) => listFiscalYears(signal), []);
  const current = years.data?.find((year) => year.current);
  const role = user?.role ?? null;
  const reference = referenceModules.filter(
    (entry) => !entry.roles || (role !== null && entry.roles.some((r) => r === role)),
  );

  return (
    <>
      <h1>
        {user ? t("home.welcome", { name: user.display_name || user.username }) : t("home.welcome_public")}
      </h1>
      <p className="lead">
        <ThaiText>{t("home.lead")}</ThaiText>
      </p>
      <section aria-labelledby="public-heading" className="panel public-actions" data-testid="public-actions">
        <h2 id="public-heading">{t("home.public")}</h2>
        <p>
          <ThaiText>{t("home.public_lead")}</ThaiText>
        </p>
        <p className="form-actions">
          <Link className="button primary" to="/needs/submit">
            {t("need.submit_link")}
          </Link>
          <Link className="button" to="/needs/follow">
            {t("need.follow_page")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="fiscal-year-heading" className="panel">
        <h2 id="fiscal-year-heading">{t("home.fiscal_year")}</h2>
        {years.status === "failed" && <ErrorNotice error={years.error} onRetry={reload} />}
        {current ? (
          <p className="fiscal-year" data-testid="current-fiscal-year">
            {t("home.fiscal_year_value", {
              year: current.year,
              first: formatDate(current.first_day, language),
              last: formatDate(current.last_day, language),
            })}
          </p>
        ) : (
          years.status === "loading" && <p className="muted">{t("common.loading")}</p>
        )}
      </section>
      <section aria-labelledby="modules-heading">
        <h2 id="modules-heading">{t("home.modules")}</h2>
        <ModuleCards entries={workModules} />
      </section>
      <section aria-labelledby="reference-heading">
        <h2 id="reference-heading">{t("home.reference")}</h2>
        <ModuleCards entries={reference} />
      </section>
    </>
  );
}
