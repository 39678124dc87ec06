// Reserve projects: the savings of each budget source (which of them the province moves
// itself), the ready reserves that fit, best-ranked first, each promoted in one click
// (a confirmation with the plan's change and the decision), the others with why not,
// and the promotions already recorded.
import { useState } from "react";
import { Link } from "react-router";
import {
  getReserveProposals,
  type ActionPlanDetail,
  type Promotion,
  type Reserve,
} from "../../api/actionPlan";
import { useAuth } from "../../auth/auth";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useLoad } from "../../components/useLoad";
import { formatDate } from "../../format/date";
import { useLanguage } from "../../i18n/language";
import { formatAmount, unitName, type Unit } from "./amounts";
import { planOffice, projectName, reasonKey, sourceKey } from "./labels";
import { PromotionDialog } from "./PromotionDialog";
import type { AgencyNames } from "./useAgencyNames";

function Readiness({ reserve }: { reserve: Reserve }) {
  const { t } = useLanguage();
  if (reserve.readiness.ready) return <span className="badge ap-on-track">{t("ap.ready.all")}</span>;
  const missing = (
    [
      ["design_ready", "ap.ready.design"],
      ["land_ready", "ap.ready.land"],
      ["contract_ready", "ap.ready.contract"],
    ] as const
  ).filter(([flag]) => !reserve.readiness[flag]);
  return (
    <span>
      {t("ap.ready.no")}: {missing.map(([, key]) => t(key)).join(", ")}
    </span>
  );
}

export function ReservesView({
  plan,
  unit,
  agencyNames,
  onPromoted,
}: {
  plan: ActionPlanDetail;
  unit: Unit;
  agencyNames: AgencyNames;
  onPromoted: () => void;
}) {
  const { t, language } = useLanguage();
  const { hasRole } = useAuth();
  const [load, reload] = useLoad((signal) => getReserveProposals(plan.id, signal), [plan.id, plan.version]);
  const [promoting, setPromoting] = useState<Reserve | null>(null);
  const [done, setDone] = useState<{ promotion: Promotion; name: string } | null>(null);
  const data = load.data;
  const canPromote = hasRole(...planOffice) && plan.status === "open";
  const money = (satang: number) => formatAmount(satang, unit);
  const nameOf = (elementId: number) => {
    const project = plan.projects.find((candidate) => candidate.element_id === elementId);
    return project ? projectName(project, language) : String(elementId);
  };

  return (
    <section aria-labelledby="ap-reserves-heading">
      <h2 id="ap-reserves-heading">{t("ap.reserve.title")}</h2>
      <p className="muted">{t("ap.amounts_in", { unit: unitName(unit, language) })}</p>
      {done && (
        <div className="notice notice-success" role="status" data-testid="promotion-done">
          <p>{t("ap.promote.done", { name: done.name })}</p>
          {done.promotion.plan_version !== null && (
            <p>
              <Link
                to={`/plan/${plan.plan_id}/diff?from=${done.promotion.plan_version - 1}&to=${done.promotion.plan_version}`}
              >
                {t("ap.promote.see_diff", { version: done.promotion.plan_version })}
              </Link>
            </p>
          )}
        </div>
      )}
      {load.status === "failed" && <ErrorNotice error={load.error} onRetry={reload} />}
      {!data && load.status === "loading" && <Loading />}
      {data && (
        <>
          <h3>{t("ap.reserve.savings")}</h3>
          <div className="table-wrap">
            <table className="table ap-numbers" data-testid="savings">
              <thead>
                <tr>
                  <th scope="col">{t("ap.col.source")}</th>
                  <th scope="col">{t("ap.reserve.savings")}</th>
                  <th scope="col">{t("ap.reserve.decided_by")}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(data.savings_satang).map(([source, satang]) => (
                  <tr key={source}>
                    <th scope="row">{t(sourceKey(source))}</th>
                    <td className="num">{money(satang)}</td>
                    <td>
                      {data.decided_by_province.includes(source)
                        ? t("ap.reserve.decided_by_province")
                        : t("ap.reserve.not_province")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t("ap.reserve.proposals")}</h3>
          {data.proposals.length === 0 && <p className="muted">{t("ap.reserve.no_proposals")}</p>}
          {data.proposals.length > 0 && (
            <div className="table-wrap">
              <table className="table ap-numbers" data-testid="proposals">
                <thead>
                  <tr>
                    <th scope="col">{t("ap.col.project")}</th>
                    <th scope="col">{t("ap.col.source")}</th>
                    <th scope="col">{t("ap.col.kind")}</th>
                    <th scope="col">{t("ap.col.agency")}</th>
                    <th scope="col">{t("ap.col.requested")}</th>
                    <th scope="col">{t("ap.project.readiness")}</th>
                    {canPromote && <th scope="col">{t("ap.reserve.promote")}</th>}
                  </tr>
                </thead>
                <tbody>
                  {data.proposals.map((reserve) => {
                    const name = projectName(reserve, language);
                    return (
                      <tr key={reserve.element_id} data-element={reserve.element_id}>
                        <th scope="row">
                          <Link to={`/action-plan/${plan.id}/projects/${reserve.element_id}`}>{name}</Link>
                          <span className="muted ap-sub">{reserve.code}</span>
                        </th>
                        <td>{t(sourceKey(reserve.budget_source))}</td>
                        <td>
                          {reserve.ranking === null
                            ? t("ap.kind.reserve")
                            : t("ap.kind.reserve_rank", { rank: reserve.ranking })}
                        </td>
                        <td>
                          {reserve.agency ? agencyNames.name(reserve.agency, reserve.agency_name_th) : "–"}
                        </td>
                        <td className="num">{money(reserve.requested_satang)}</td>
                        <td>
                          <Readiness reserve={reserve} />
                        </td>
                        {canPromote && (
                          <td>
                            <button
                              type="button"
                              className="button small primary"
                              aria-label={t("ap.reserve.promote_named", { name })}
                              onClick={() => {
                                setDone(null);
                                setPromoting(reserve);
                              }}
                            >
                              {t("ap.reserve.promote")}
                            </button>
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {data.not_proposed.length > 0 && (
            <>
              <h3>{t("ap.reserve.not_proposed")}</h3>
              <ul className="ap-plain-list" data-testid="not-proposed">
                {data.not_proposed.map((reserve) => (
                  <li key={reserve.element_id}>
                    <Link to={`/action-plan/${plan.id}/projects/${reserve.element_id}`}>
                      {projectName(reserve, language)}
                    </Link>{" "}
                    <span className="muted">
                      · {t(sourceKey(reserve.budget_source))} · {money(reserve.requested_satang)}
                      {reserve.reason && ` · ${t(reasonKey(reserve.reason))}`}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {plan.promotions.length > 0 && (
        <>
          <h3>{t("ap.reserve.promotions")}</h3>
          <ul className="ap-plain-list" data-testid="promotions">
            {plan.promotions.map((promotion) => (
              <li key={promotion.id}>
                {t("ap.reserve.promotion_line", {
                  name: nameOf(promotion.element_id),
                  committee: promotion.committee_th,
                  meeting: promotion.meeting_th,
                  resolution: promotion.resolution_th,
                  date: formatDate(promotion.decided_on, language),
                })}
                {promotion.plan_version !== null && (
                  <>
                    {" · "}
                    <Link
                      to={`/plan/${plan.plan_id}/diff?from=${promotion.plan_version - 1}&to=${promotion.plan_version}`}
                    >
                      {t("ap.promote.see_diff", { version: promotion.plan_version })}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {promoting && data && (
        <PromotionDialog
          actionPlanId={plan.id}
          planId={plan.plan_id}
          reserve={promoting}
          savingsSatang={data.savings_satang[promoting.budget_source] ?? 0}
          betterRanked={data.proposals.filter(
            (other) =>
              other.budget_source === promoting.budget_source &&
              other.element_id !== promoting.element_id &&
              (other.ranking ?? Infinity) < (promoting.ranking ?? Infinity),
          )}
          unit={unit}
          onClose={() => setPromoting(null)}
          onPromoted={(promotion) => {
            setDone({ promotion, name: projectName(promoting, language) });
            setPromoting(null);
            reload();
            onPromoted();
          }}
        />
      )}
    </section>
  );
}
