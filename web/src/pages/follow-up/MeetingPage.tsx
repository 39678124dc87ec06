// One meeting: its date, committee, attendees, the six-item agenda, the approval of
// the previous minutes, resolutions and the directives it gave; the pack — issued by
// the strategy office or an admin, then downloaded as PDF and Excel by anyone who can
// read the meeting (the files never change once issued).
import { useState } from "react";
import { Link, useParams } from "react-router";
import { getMeeting, issuePack } from "../../api/followUp";
import { useAuth } from "../../auth/auth";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useNames } from "../../components/useNames";
import { formatDate } from "../../format/date";
import { useLanguage } from "../../i18n/language";
import { DirectiveStatusBadge } from "./DirectivesPage";
import { isSecretary } from "./roles";
import "./follow-up.css";

export function MeetingPage() {
  const { t, language } = useLanguage();
  const { user } = useAuth();
  const names = useNames();
  const id = Number(useParams().id);
  const [meeting, reload] = useLoad((signal) => getMeeting(id, signal), [id]);
  const [issuing, setIssuing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(meeting.data?.title_th ?? t("fu.meetings.title"));

  async function issue() {
    setIssuing(true);
    setError(null);
    try {
      await issuePack(id);
      reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setIssuing(false);
    }
  }

  if (meeting.status === "failed") return <ErrorNotice error={meeting.error} onRetry={reload} />;
  if (!meeting.data) return <Loading />;
  const m = meeting.data;
  const pack = m.pack ?? null;
  return (
    <div className="fu-page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/follow-up">{t("fu.meetings.title")}</Link>
        </p>
        <h1>
          {m.title_th} <DemoBadge demo={m.demo} />
        </h1>
        <p className="fu-meta">
          <span>{m.committee_name_th}</span>
          <span>{formatDate(m.held_on, language)}</span>
        </p>
      </header>

      <section className="panel" aria-labelledby="fu-pack-title" data-testid="pack">
        <h2 id="fu-pack-title">{t("fu.pack.title")}</h2>
        {pack ? (
          <>
            <p className="muted">
              {t("fu.pack.issued_at", { date: formatDate(pack.issued_at.slice(0, 10), language) })} ·{" "}
              {t("fu.pack.about")}
            </p>
            <p className="fu-pack">
              <a href={pack.pdf_url} download data-testid="pack-pdf">
                {t("fu.pack.pdf")}
              </a>
              <a href={pack.xlsx_url} download data-testid="pack-xlsx">
                {t("fu.pack.xlsx")}
              </a>
            </p>
            <p data-testid="pack-summary">
              {t("fu.pack.summary", {
                projects: Number(pack.summary.projects ?? 0),
                behind: Number(pack.summary.agencies_behind_target ?? 0),
                delayed: Number(pack.summary.delayed_projects ?? 0),
                open: Number(pack.summary.open_directives ?? 0),
                overdue: Number(pack.summary.overdue_directives ?? 0),
              })}
            </p>
          </>
        ) : (
          <>
            <p className="muted">
              {t("fu.meetings.no_pack")} · {t("fu.pack.about")}
            </p>
            {isSecretary(user) && (
              <button type="button" className="button" onClick={issue} disabled={issuing}>
                {issuing ? t("fu.pack.issuing") : t("fu.pack.issue")}
              </button>
            )}
          </>
        )}
        <ErrorNotice error={error} />
      </section>

      <section className="panel" aria-labelledby="fu-agenda-title">
        <h2 id="fu-agenda-title">{t("fu.meeting.agenda")}</h2>
        <ol className="fu-list" data-testid="agenda">
          {m.agenda.map((item) => (
            <li key={item.item}>
              <strong>
                {t("fu.meeting.agenda_item", { item: item.item })} {item.title_th}
              </strong>
              {item.details_th && <span> — {item.details_th}</span>}
              {item.item === 2 && (
                <span className="muted">
                  {" "}
                  (
                  {m.previous_minutes_approved
                    ? t("fu.meeting.previous_approved")
                    : t("fu.meeting.previous_pending")}
                  )
                </span>
              )}
            </li>
          ))}
        </ol>
        {m.attendees.length > 0 && (
          <>
            <h3>{t("fu.meeting.attendees")}</h3>
            <ul>
              {m.attendees.map((attendee, index) => (
                <li key={index}>
                  {attendee.name_th}
                  {attendee.position_th ? ` (${attendee.position_th})` : ""}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="fu-resolutions-title">
        <h2 id="fu-resolutions-title">{t("fu.meeting.resolutions")}</h2>
        {(m.resolutions ?? []).length === 0 && <p>{t("fu.meeting.no_resolutions")}</p>}
        <ul className="fu-list">
          {(m.resolutions ?? []).map((resolution) => (
            <li key={resolution.id}>
              <strong>
                {t("fu.meeting.resolution_number", {
                  number: resolution.number,
                  item: resolution.agenda_item,
                })}
              </strong>{" "}
              {resolution.text_th}
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="fu-directives-title">
        <h2 id="fu-directives-title">{t("fu.meeting.directives")}</h2>
        <ul className="fu-list">
          {(m.directives ?? []).map((directive) => (
            <li key={directive.id} className={`fu-item${directive.overdue ? " overdue" : ""}`}>
              <p>{directive.text_th}</p>
              <p className="fu-meta">
                <span>{names.agency(directive.agency)}</span>
                <span>
                  {t("fu.directives.due_on")} {formatDate(directive.due_on, language)}
                </span>
                <DirectiveStatusBadge directive={directive} />
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
