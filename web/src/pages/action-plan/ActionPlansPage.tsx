// The annual action plans, newest fiscal year first (public).
import { Link } from "react-router";
import { listActionPlans } from "../../api/actionPlan";
import { useAuth } from "../../auth/auth";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useLanguage } from "../../i18n/language";
import { formatMonth } from "./amounts";
import { planOffice, positionEditors } from "./labels";
import { NewActionPlanForm } from "./NewActionPlanForm";
import "./action-plan.css";

export function ActionPlansPage() {
  const { t, language } = useLanguage();
  const { hasRole } = useAuth();
  useDocumentTitle(t("nav.action_plan"));
  const [load, reload] = useLoad((signal) => listActionPlans(signal), []);
  const plans = load.data ?? [];
  return (
    <>
      <h1>{t("nav.action_plan")}</h1>
      <p className="lead">{t("module.action_plan.about")}</p>
      {load.status === "failed" && <ErrorNotice error={load.error} onRetry={reload} />}
      {load.status === "loading" && !load.data && <Loading />}
      {load.status === "ready" && plans.length === 0 && <p className="muted">{t("ap.none")}</p>}
      <ul className="cards" data-testid="action-plans">
        {plans.map((plan) => (
          <li key={plan.id} className="card">
            <h2>
              <Link to={`/action-plan/${plan.id}`}>
                {language === "en" && plan.name_en ? plan.name_en : plan.name_th}
              </Link>{" "}
              <DemoBadge demo={plan.demo} />
            </h2>
            <p>
              {t("ap.fiscal_year", { year: plan.fiscal_year })} (
              {t("ap.fiscal_span", {
                first: formatMonth(plan.first_month, language),
                last: formatMonth(plan.last_month, language),
              })}
              )
            </p>
            <p>
              <span className={`badge ap-status-${plan.status}`}>{t(`ap.status.${plan.status}`)}</span>
              {plan.status === "open" && hasRole(...positionEditors) && (
                <>
                  {" · "}
                  <Link to={`/action-plan/${plan.id}/month-end`}>{t("ap.month_end_link")}</Link>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
      {hasRole(...planOffice) && <NewActionPlanForm />}
    </>
  );
}
