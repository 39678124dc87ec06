// Committees' meetings, latest first, filtered by committee (kept in the URL); each
// shows its date in the Buddhist era and whether its pack is issued. The strategy
// office and admins record a new meeting, which opens its page.
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { createMeeting, listCommittees, listMeetings } from "../../api/followUp";
import { useAuth } from "../../auth/auth";
import { BeDateInput } from "../../components/BeDateInput";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatDate } from "../../format/date";
import { useLanguage } from "../../i18n/language";
import { ApiError } from "../../api/client";
import { isSecretary } from "./roles";
import "./follow-up.css";

export function MeetingsPage() {
  const { t, language } = useLanguage();
  const { user } = useAuth();
  const navigate = useNavigate();
  useDocumentTitle(t("fu.meetings.title"));
  const [params, setParams] = useSearchParams();
  const committeeParam = Number(params.get("committee") ?? "") || undefined;
  const [committees] = useLoad((signal) => listCommittees(signal), []);
  const [meetings] = useLoad((signal) => listMeetings(committeeParam, signal), [committeeParam]);
  const [committeeId, setCommitteeId] = useState("");
  const [heldOn, setHeldOn] = useState("");
  const [title, setTitle] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const shortOf = (id: number) => committees.data?.find((c) => c.id === id)?.short_th ?? "";

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const meeting = await createMeeting({
        committee_id: Number(committeeId),
        held_on: heldOn,
        title_th: title,
      });
      navigate(`/follow-up/meetings/${meeting.id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }
  const fieldError = (field: string) => (error instanceof ApiError ? error.fields[field] : undefined);

  if (committees.status === "failed") return <ErrorNotice error={committees.error} />;
  if (!committees.data) return <Loading />;
  return (
    <div className="fu-page">
      <header className="page-header">
        <h1>{t("fu.meetings.title")}</h1>
        <p className="fu-links">
          <Link to="/follow-up/directives">{t("fu.meetings.links.directives")}</Link>
          {" · "}
          <Link to="/follow-up/findings">{t("fu.meetings.links.findings")}</Link>
        </p>
      </header>
      <form className="panel fu-toolbar" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="fu-committee-filter">{t("fu.meetings.committee")}</label>
          <select
            id="fu-committee-filter"
            value={committeeParam ?? ""}
            onChange={(event) => setParams(event.target.value ? { committee: event.target.value } : {})}
          >
            <option value="">{t("fu.meetings.all_committees")}</option>
            {committees.data.map((committee) => (
              <option key={committee.id} value={committee.id}>
                {committee.short_th} — {committee.name_th}
              </option>
            ))}
          </select>
        </div>
      </form>
      {meetings.status === "failed" && <ErrorNotice error={meetings.error} />}
      {meetings.data && meetings.data.length === 0 && <p>{t("fu.meetings.none")}</p>}
      {meetings.data && meetings.data.length > 0 && (
        <table className="fu-table" data-testid="meetings">
          <thead>
            <tr>
              <th>{t("fu.meetings.held_on")}</th>
              <th>{t("fu.meetings.committee")}</th>
              <th>{t("fu.meetings.title_th")}</th>
              <th>{t("fu.pack.title")}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.data.map((meeting) => (
              <tr key={meeting.id} data-testid="meeting">
                <td>{formatDate(meeting.held_on, language)}</td>
                <td>{meeting.committee_short_th ?? shortOf(meeting.committee_id)}</td>
                <td>
                  <Link to={`/follow-up/meetings/${meeting.id}`}>{meeting.title_th}</Link>{" "}
                  <DemoBadge demo={meeting.demo} />
                </td>
                <td>{meeting.pack ? t("fu.meetings.pack_issued") : t("fu.meetings.no_pack")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isSecretary(user) && (
        <form className="panel fu-form" aria-label={t("fu.meetings.new")} onSubmit={submit} noValidate>
          <h2>{t("fu.meetings.new")}</h2>
          <div className="field">
            <label htmlFor="fu-new-committee">{t("fu.meetings.committee")}</label>
            <select
              id="fu-new-committee"
              value={committeeId}
              onChange={(event) => setCommitteeId(event.target.value)}
            >
              <option value="">—</option>
              {committees.data.map((committee) => (
                <option key={committee.id} value={committee.id}>
                  {committee.short_th} — {committee.name_th}
                </option>
              ))}
            </select>
            <FieldMessage id="fu-new-committee-message" text={fieldError("committee_id")} />
          </div>
          <BeDateInput
            label={t("fu.meetings.held_on")}
            name="held_on"
            value={heldOn}
            onChange={(iso) => setHeldOn(iso)}
          />
          <FieldMessage id="fu-new-held-on-message" text={fieldError("held_on")} />
          <div className="field">
            <label htmlFor="fu-new-title">{t("fu.meetings.title_th")}</label>
            <input id="fu-new-title" value={title} onChange={(event) => setTitle(event.target.value)} />
            <FieldMessage id="fu-new-title-message" text={fieldError("title_th")} />
          </div>
          <ErrorNotice error={error} fieldsShown={["committee_id", "held_on", "title_th"]} />
          <button type="submit" className="button" disabled={saving}>
            {t("fu.meetings.create")}
          </button>
        </form>
      )}
    </div>
  );
}
