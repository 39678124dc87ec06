// Directives of the province by due date, filtered by status and agency (kept in the
// URL), with overdue ones marked; the assigned agency's officers (and the strategy
// office) report action in order — open → in progress → done — with a note.
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import {
  directiveStatuses,
  listDirectives,
  nextStatuses,
  reportDirective,
  type Directive,
  type DirectiveFilter,
  type DirectiveStatus,
} from "../../api/followUp";
import { useAuth } from "../../auth/auth";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useNames } from "../../components/useNames";
import { formatDate } from "../../format/date";
import { compareNames } from "../../format/sort";
import { useLanguage } from "../../i18n/language";
import { isOwnAgency, isSecretary } from "./roles";
import "./follow-up.css";

export function DirectiveStatusBadge({ directive }: { directive: Directive }) {
  const { t } = useLanguage();
  return (
    <span>
      <span className="badge" data-testid="directive-status">
        {t(`fu.status.${directive.status}`)}
      </span>{" "}
      {directive.overdue && (
        <span className="badge fu-overdue" data-testid="overdue">
          {t("fu.directives.overdue")}
        </span>
      )}
    </span>
  );
}

function ReportForm({ directive, onSaved }: { directive: Directive; onSaved: () => void }) {
  const { t } = useLanguage();
  const choices = nextStatuses(directive.status).filter((status) => status !== "cancelled");
  const [status, setStatus] = useState<DirectiveStatus | "">(choices[0] ?? "");
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (choices.length === 0) return null;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!status) return;
    setSaving(true);
    setError(null);
    try {
      await reportDirective(directive.id, { status, note_th: note, version: directive.version });
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }
  return (
    <form className="fu-report" aria-label={t("fu.directives.report")} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`fu-status-${directive.id}`}>{t("fu.directives.new_status")}</label>
        <select
          id={`fu-status-${directive.id}`}
          value={status}
          onChange={(event) => setStatus(event.target.value as DirectiveStatus)}
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {t(`fu.status.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`fu-note-${directive.id}`}>{t("fu.directives.note")}</label>
        <textarea
          id={`fu-note-${directive.id}`}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <ErrorNotice error={error} />
      <button type="submit" className="button small" disabled={saving}>
        {t("fu.directives.send")}
      </button>
    </form>
  );
}

export function DirectivesPage() {
  const { t, language } = useLanguage();
  const { user } = useAuth();
  const names = useNames();
  useDocumentTitle(t("fu.directives.title"));
  const [params, setParams] = useSearchParams();
  const statusParam = params.get("status") ?? "";
  const status = directiveStatuses.includes(statusParam as DirectiveStatus)
    ? (statusParam as DirectiveStatus)
    : "";
  const agency = params.get("agency") ?? "";
  const [directives, reload] = useLoad(
    (signal) => {
      const filter: DirectiveFilter = {};
      if (status) filter.status = status;
      if (agency) filter.agency = agency;
      return listDirectives(filter, signal);
    },
    [status, agency],
  );
  const [all] = useLoad((signal) => listDirectives({}, signal), []);
  const agencies = useMemo(() => {
    const codes = new Set((all.data ?? []).map((d) => d.agency));
    if (agency) codes.add(agency);
    return [...codes]
      .map((code) => ({ code, name: names.agency(code) }))
      .sort((a, b) => compareNames(a.name, b.name, language));
  }, [all.data, agency, names, language]);

  function set(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }
  const canReport = (directive: Directive) => isSecretary(user) || isOwnAgency(user, directive.agency);

  return (
    <div className="fu-page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/follow-up">{t("fu.meetings.title")}</Link>
        </p>
        <h1>{t("fu.directives.title")}</h1>
      </header>
      <form className="panel fu-toolbar" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="fu-filter-status">{t("fu.directives.status")}</label>
          <select
            id="fu-filter-status"
            value={status}
            onChange={(event) => set("status", event.target.value)}
          >
            <option value="">{t("fu.directives.all_statuses")}</option>
            {directiveStatuses.map((item) => (
              <option key={item} value={item}>
                {t(`fu.status.${item}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fu-filter-agency">{t("fu.directives.agency")}</label>
          <select
            id="fu-filter-agency"
            value={agency}
            onChange={(event) => set("agency", event.target.value)}
          >
            <option value="">{t("fu.directives.all_agencies")}</option>
            {agencies.map((item) => (
              <option key={item.code} value={item.code}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      {directives.status === "failed" && <ErrorNotice error={directives.error} onRetry={reload} />}
      {!directives.data && <Loading />}
      {directives.data && directives.data.length === 0 && <p>{t("fu.directives.none")}</p>}
      <ul className="fu-list" data-testid="directives">
        {(directives.data ?? []).map((directive) => (
          <li
            key={directive.id}
            className={`fu-item${directive.overdue ? " overdue" : ""}`}
            data-testid="directive"
            data-id={directive.id}
          >
            <p>
              {directive.text_th} <DemoBadge demo={directive.demo} />
            </p>
            <p className="fu-meta">
              <span>{names.agency(directive.agency)}</span>
              <span>
                {t("fu.directives.due_on")} {formatDate(directive.due_on, language)}
              </span>
              <DirectiveStatusBadge directive={directive} />
              <Link to={`/follow-up/meetings/${directive.meeting_id}`}>{t("fu.directives.meeting")}</Link>
            </p>
            {canReport(directive) && <ReportForm directive={directive} onSaved={reload} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
