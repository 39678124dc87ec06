// A project's procurements (/action-plan/:id/projects/:elementId/procurement): each
// with its method, reference price (ราคากลาง), stages as a timeline in Buddhist-era
// dates, its deadlines met or late, the bidders and the winner (the สขร.1 columns),
// and the contract: instalments with their inspection, extensions, penalties. The
// project's agency officers and the strategy office add and change them; the สขร.1
// summary of the whole action plan downloads as Excel or CSV.
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { listProcurements, procurementSummaryUrl, stageKeys, type Procurement } from "../../api/procurement";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatDate } from "../../format/date";
import { useLanguage } from "../../i18n/language";
import type { MessageKey } from "../../i18n/messages";
import { formatAmount, formatMoney } from "../action-plan/amounts";
import { projectName } from "../action-plan/labels";
import { registerServiceWorker } from "../../offline/register";
import { useMayWrite, useProject } from "../progress/useProject";
import "../progress/field.css";
import { ContractSection } from "./ContractSection";
import { ProcurementForm, stageKey } from "./ProcurementForm";

const deadlineKey = (rule: string): MessageKey => `proc.deadline.${rule as "plan_published"}`;

function ProcurementCard({
  procurement,
  mayWrite,
  onEdit,
  onChanged,
}: {
  procurement: Procurement;
  mayWrite: boolean;
  onEdit: () => void;
  onChanged: (saved: Procurement) => void;
}) {
  const { t, pick, language } = useLanguage();
  const money = (satang: number) => formatMoney(satang, "baht", language);
  const date = (iso: string | null) => (iso ? formatDate(iso, language) : "–");
  return (
    <article className="card" data-testid="procurement" data-id={procurement.id}>
      <h2>
        {procurement.title_th} <DemoBadge demo={procurement.demo} />
      </h2>
      <dl className="ap-summary">
        <div>
          <dt>{t("proc.method")}</dt>
          <dd>{procurement.method_th}</dd>
        </div>
        <div>
          <dt>{t("field.reference_price_satang")}</dt>
          <dd data-testid="reference-price">{money(procurement.reference_price_satang)}</dd>
        </div>
        <div>
          <dt>{t("field.budget_satang")}</dt>
          <dd>{money(procurement.budget_satang)}</dd>
        </div>
        {procurement.egp_project_number && (
          <div>
            <dt>{t("proc.egp")}</dt>
            <dd>{procurement.egp_project_number}</dd>
          </div>
        )}
        {procurement.method_reason_th && (
          <div>
            <dt>{t("proc.method_reason")}</dt>
            <dd>{procurement.method_reason_th}</dd>
          </div>
        )}
        {procurement.legal_ground && (
          <div>
            <dt>{t("proc.legal_ground")}</dt>
            <dd>{procurement.legal_ground}</dd>
          </div>
        )}
      </dl>
      <p>
        <strong>{t("proc.stage_now", { stage: procurement.stage_th })}</strong>
      </p>
      <ol className="field-timeline" aria-label={t("proc.stages")}>
        {stageKeys.map((key) => {
          const value = procurement.stages[key];
          return (
            <li key={key} data-done={value !== null} data-stage={key}>
              {t(stageKey(key))}: {date(value)}
            </li>
          );
        })}
      </ol>
      {procurement.deadlines.length > 0 && (
        <>
          <h3>{t("proc.deadlines")}</h3>
          <ul className="field-queue-list" data-testid="deadlines">
            {procurement.deadlines.map((deadline) => (
              <li key={deadline.rule} data-rule={deadline.rule}>
                <span>
                  {t(deadlineKey(deadline.rule))}
                  {deadline.due_on && ` · ${t("proc.due", { date: date(deadline.due_on) })}`}
                  {" · "}
                  <span
                    className={deadline.met === false ? "field-late" : deadline.met ? "field-met" : "muted"}
                    data-testid="deadline-status"
                  >
                    {deadline.met === null
                      ? t("proc.pending")
                      : deadline.met
                        ? t("proc.met")
                        : t("proc.late")}
                  </span>
                  {pick({ th: deadline.note_th, en: deadline.note_en }) && (
                    <span className="muted field-sub">
                      {pick({ th: deadline.note_th, en: deadline.note_en })}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {(procurement.bidders.length > 0 || procurement.winner) && (
        <>
          <h3>{t("proc.bidders")}</h3>
          <div className="table-wrap">
            <table className="table" data-testid="bidders">
              <thead>
                <tr>
                  <th scope="col">{t("proc.bidder")}</th>
                  <th scope="col">{t("proc.offered")}</th>
                </tr>
              </thead>
              <tbody>
                {procurement.bidders.map((bidder, index) => (
                  <tr key={index}>
                    <th scope="row">
                      {bidder.name}
                      {bidder.tax_id && <span className="muted field-sub">{bidder.tax_id}</span>}
                    </th>
                    <td className="num">{formatAmount(bidder.offered_satang, "baht")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {procurement.winner && (
            <dl className="ap-summary" data-testid="winner">
              <div>
                <dt>{t("proc.winner")}</dt>
                <dd>{procurement.winner.name}</dd>
              </div>
              <div>
                <dt>{t("field.winner.agreed_satang")}</dt>
                <dd>{money(procurement.winner.agreed_satang)}</dd>
              </div>
              {procurement.winner.reason_th && (
                <div>
                  <dt>{t("proc.winner_reason")}</dt>
                  <dd>{procurement.winner.reason_th}</dd>
                </div>
              )}
            </dl>
          )}
        </>
      )}
      <ContractSection procurement={procurement} mayWrite={mayWrite} onChanged={onChanged} />
      {mayWrite && (
        <p>
          <button type="button" className="button" onClick={onEdit}>
            {t("proc.edit")}
          </button>
        </p>
      )}
    </article>
  );
}

export function ProcurementPage() {
  const params = useParams();
  const planId = Number(params.id);
  const elementId = Number(params.elementId);
  const { t, language } = useLanguage();
  const [context, reloadContext] = useProject(planId, elementId);
  const [load, reload, replace] = useLoad((signal) => listProcurements(elementId, signal), [elementId]);
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void registerServiceWorker();
  }, []);
  const project = context.data?.project;
  const mayWrite = useMayWrite(project);
  const name = project ? projectName(project, language) : "";
  useDocumentTitle(name ? `${t("proc.title")}: ${name}` : t("proc.title"));

  if (context.status === "failed" && !context.data)
    return <ErrorNotice error={context.error} onRetry={reloadContext} />;
  if (load.status === "failed" && !load.data) return <ErrorNotice error={load.error} onRetry={reload} />;
  const plan = context.data?.plan;
  if (!plan || !project || !load.data) return <Loading />;
  const items = load.data;
  const saved = (procurement: Procurement) => {
    const exists = items.some((item) => item.id === procurement.id);
    replace(
      exists
        ? items.map((item) => (item.id === procurement.id ? procurement : item))
        : [...items, procurement],
    );
    setEditing(null);
    setNotice(t("proc.saved"));
  };

  return (
    <div className="field-page">
      <Breadcrumbs
        label={t("ap.breadcrumbs")}
        crumbs={[
          { to: "/action-plan", label: t("nav.action_plan") },
          { to: `/action-plan/${plan.id}`, label: t("ap.fiscal_year", { year: plan.fiscal_year }) },
          { to: `/action-plan/${plan.id}/projects/${elementId}`, label: name },
          { label: t("proc.title") },
        ]}
      />
      <header className="page-header">
        <h1>{t("proc.title")}</h1>
        <p>
          {name} · <span className="muted">{project.agency_name_th}</span>
        </p>
        <p>
          <Link to={`/action-plan/${plan.id}/projects/${elementId}/progress`}>{t("prog.link")}</Link>
        </p>
      </header>
      <details className="ap-downloads">
        <summary>{t("proc.downloads")}</summary>
        <ul>
          <li>
            <a href={procurementSummaryUrl(plan.id, "xlsx")} download>
              {t("proc.download_xlsx")}
            </a>
          </li>
          <li>
            <a href={procurementSummaryUrl(plan.id, "csv")} download>
              {t("proc.download_csv")}
            </a>
          </li>
        </ul>
      </details>
      {notice && (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}
      {items.length === 0 && editing !== "new" && <p className="muted">{t("proc.none")}</p>}
      {items.map((procurement) =>
        editing === procurement.id ? (
          <ProcurementForm
            key={`${procurement.id}-${procurement.version}`}
            elementId={elementId}
            fiscalYear={plan.fiscal_year}
            procurement={procurement}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <ProcurementCard
            key={procurement.id}
            procurement={procurement}
            mayWrite={mayWrite}
            onEdit={() => {
              setNotice(null);
              setEditing(procurement.id);
            }}
            onChanged={saved}
          />
        ),
      )}
      {mayWrite &&
        (editing === "new" ? (
          <section aria-label={t("proc.new")}>
            <h2>{t("proc.new")}</h2>
            <ProcurementForm
              elementId={elementId}
              fiscalYear={plan.fiscal_year}
              procurement={null}
              onSaved={saved}
              onCancel={() => setEditing(null)}
            />
          </section>
        ) : (
          <p>
            <button
              type="button"
              className="button primary"
              onClick={() => {
                setNotice(null);
                setEditing("new");
              }}
            >
              {t("proc.new")}
            </button>
          </p>
        ))}
    </div>
  );
}
