// Field entry of a project's monthly progress, phone first (/action-plan/:id/projects/
// :elementId/progress): the month's report and site photos, kept on the phone while
// there is no signal ("รอส่ง N รายการ") and sent when it returns; the reports sent so
// far. The service worker registered here keeps the page itself for offline reloads.
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { getElement } from "../../api/plan";
import { listPhotos, listProgress } from "../../api/progress";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatNumber } from "../../format/number";
import { useLanguage } from "../../i18n/language";
import type { ProgressEntry, SendResult } from "../../offline/queue";
import { registerServiceWorker } from "../../offline/register";
import { formatMonth, monthRange, reportingMonth } from "../action-plan/amounts";
import { projectName } from "../action-plan/labels";
import { PhotoSection } from "./PhotoSection";
import {
  fromEntry,
  fromReport,
  ProgressForm,
  statusKey,
  type Indicator,
  type KnownReport,
} from "./ProgressForm";
import { QueuePanel } from "./QueuePanel";
import { useMayWrite, useProject } from "./useProject";
import { useQueue } from "./useQueue";
import "./field.css";

export function ProgressPage() {
  const params = useParams();
  const planId = Number(params.id);
  const elementId = Number(params.elementId);
  const { t, language } = useLanguage();
  const [context, reloadContext] = useProject(planId, elementId);
  const [reports, reloadReports] = useLoad((signal) => listProgress(elementId, signal), [elementId]);
  const [photos, reloadPhotos] = useLoad((signal) => listPhotos(elementId, signal), [elementId]);
  const planIdOfTree = context.data?.plan.plan_id;
  const [element] = useLoad(
    (signal) =>
      planIdOfTree === undefined
        ? Promise.resolve(null)
        : getElement(planIdOfTree, elementId, undefined, signal).catch(() => null),
    [planIdOfTree, elementId],
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [draft, setDraft] = useState<ProgressEntry | null>(null);
  const [formKey, setFormKey] = useState(0);

  useEffect(() => {
    void registerServiceWorker();
  }, []);

  const sent = useCallback(
    (result: SendResult) => {
      if (result.kind === "progress") reloadReports();
      else reloadPhotos();
    },
    [reloadReports, reloadPhotos],
  );
  const queue = useQueue(sent);
  const project = context.data?.project;
  const mayWrite = useMayWrite(project);
  const name = project ? projectName(project, language) : "";
  useDocumentTitle(name ? `${t("prog.title")}: ${name}` : t("prog.title"));

  const plan = context.data?.plan;
  const months = useMemo(() => (plan ? monthRange(plan.first_month, plan.last_month) : []), [plan]);
  const waiting = useMemo(
    () =>
      queue.entries.filter(
        (entry): entry is ProgressEntry =>
          entry.kind === "progress" && entry.elementId === elementId && entry.refused === null,
      ),
    [queue.entries, elementId],
  );
  // Reports of this fiscal year as the officer knows them: the server's, with the
  // phone's waiting ones over them (a later month is judged against those too).
  const known = useMemo<KnownReport[]>(() => {
    const byMonth = new Map<string, KnownReport>();
    for (const report of reports.data ?? []) {
      if (months.includes(report.month)) byMonth.set(report.month, fromReport(report));
    }
    for (const entry of waiting) if (months.includes(entry.month)) byMonth.set(entry.month, fromEntry(entry));
    return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
  }, [reports.data, waiting, months]);
  // The project's output and outcome indicators from the plan (values go by position).
  const indicators = useMemo<Indicator[]>(
    () => (element.data?.kind === "project" ? (element.data.indicators ?? []) : []),
    [element.data],
  );

  if (context.status === "failed" && !context.data) {
    return (
      <div className="field-page">
        <ErrorNotice error={context.error} onRetry={reloadContext} />
        <QueuePanel queue={queue} />
      </div>
    );
  }
  if (!plan || !project) return <Loading />;

  return (
    <div className="field-page">
      <Breadcrumbs
        label={t("ap.breadcrumbs")}
        crumbs={[
          { to: "/action-plan", label: t("nav.action_plan") },
          { to: `/action-plan/${plan.id}`, label: t("ap.fiscal_year", { year: plan.fiscal_year }) },
          { to: `/action-plan/${plan.id}/projects/${elementId}`, label: name },
          { label: t("prog.title") },
        ]}
      />
      <header className="page-header">
        <h1>
          {t("prog.title")} <DemoBadge demo={project.demo} />
        </h1>
        <p>
          {name} · <span className="muted">{project.agency_name_th}</span>
        </p>
        <p>
          <Link to={`/action-plan/${plan.id}/projects/${elementId}/procurement`}>{t("proc.link")}</Link>
        </p>
      </header>
      <QueuePanel
        queue={queue}
        onFix={(entry) => {
          setDraft(entry);
          setFormKey((value) => value + 1);
        }}
      />
      {notice && (
        <p className="notice notice-success" role="status" data-testid="field-notice">
          {notice}
        </p>
      )}
      {mayWrite && (
        <section aria-labelledby="prog-entry-heading">
          <h2 id="prog-entry-heading">{t("prog.entry")}</h2>
          <ProgressForm
            key={formKey}
            elementId={elementId}
            months={months}
            defaultMonth={reportingMonth(plan.first_month, plan.last_month)}
            reports={known}
            indicators={indicators}
            draft={draft}
            onDone={(message) => {
              setNotice(message);
              setDraft(null);
            }}
          />
        </section>
      )}
      <PhotoSection
        elementId={elementId}
        photos={photos.data ?? []}
        waiting={queue.entries}
        mayWrite={mayWrite}
      />
      <section aria-labelledby="prog-history-heading">
        <h2 id="prog-history-heading">{t("prog.history")}</h2>
        {reports.status === "failed" && !reports.data && (
          <ErrorNotice error={reports.error} onRetry={reloadReports} />
        )}
        {known.length === 0 ? (
          <p className="muted">{t("prog.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="progress-history">
              <thead>
                <tr>
                  <th scope="col">{t("prog.col.month")}</th>
                  <th scope="col">{t("prog.col.percent")}</th>
                  <th scope="col">{t("prog.col.status")}</th>
                </tr>
              </thead>
              <tbody>
                {[...known].reverse().map((report) => (
                  <tr key={report.month} data-month={report.month}>
                    <th scope="row">
                      {formatMonth(report.month, language)}
                      {report.waiting && <span className="badge"> {t("prog.photo_waiting")}</span>}
                    </th>
                    <td className="num">{formatNumber(report.physical_percent, language)}</td>
                    <td>
                      {t(statusKey(report.status))}
                      {report.reason_th && <span className="muted field-sub">{report.reason_th}</span>}
                      {report.problems_th && <span className="muted field-sub">{report.problems_th}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
