// Findings of audits and inspections (internal audit, good-governance inspections,
// the government inspectors, the State Audit Office): the finding's agency responds to
// its own, an auditor closes a responded finding with evidence. Agency officers see
// their own agency's findings only (the server filters).
import { useState } from "react";
import { Link } from "react-router";
import { closeFinding, listFindings, respondToFinding, type Finding } from "../../api/followUp";
import { useAuth } from "../../auth/auth";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useNames } from "../../components/useNames";
import { formatDate } from "../../format/date";
import { useLanguage } from "../../i18n/language";
import { isAuditor, isOwnAgency } from "./roles";
import "./follow-up.css";

function AnswerForm({
  finding,
  mode,
  onSaved,
}: {
  finding: Finding;
  mode: "respond" | "close";
  onSaved: () => void;
}) {
  const { t } = useLanguage();
  const [text, setText] = useState("");
  const [evidence, setEvidence] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      if (mode === "respond") await respondToFinding(finding.id, text);
      else
        await closeFinding(
          finding.id,
          text,
          evidence
            .split("\n")
            .map((line) => line.trim())
            .filter(Boolean),
        );
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }
  const label = mode === "respond" ? t("fu.findings.response") : t("fu.findings.closure_note");
  return (
    <form
      onSubmit={submit}
      aria-label={mode === "respond" ? t("fu.findings.respond") : t("fu.findings.close")}
    >
      <div className="field">
        <label htmlFor={`fu-${mode}-${finding.id}`}>{label}</label>
        <textarea
          id={`fu-${mode}-${finding.id}`}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {mode === "close" && (
        <div className="field">
          <label htmlFor={`fu-evidence-${finding.id}`}>{t("fu.findings.evidence")}</label>
          <textarea
            id={`fu-evidence-${finding.id}`}
            value={evidence}
            onChange={(event) => setEvidence(event.target.value)}
          />
        </div>
      )}
      <ErrorNotice error={error} />
      <button type="submit" className="button small" disabled={saving}>
        {mode === "respond" ? t("fu.findings.respond") : t("fu.findings.close")}
      </button>
    </form>
  );
}

export function FindingsPage() {
  const { t, language } = useLanguage();
  const { user } = useAuth();
  const names = useNames();
  useDocumentTitle(t("fu.findings.title"));
  const [findings, reload] = useLoad((signal) => listFindings({}, signal), []);

  return (
    <div className="fu-page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/follow-up">{t("fu.meetings.title")}</Link>
        </p>
        <h1>{t("fu.findings.title")}</h1>
      </header>
      {findings.status === "failed" && <ErrorNotice error={findings.error} onRetry={reload} />}
      {!findings.data && findings.status === "loading" && <Loading />}
      {findings.data && findings.data.length === 0 && <p>{t("fu.findings.none")}</p>}
      <ul className="fu-list" data-testid="findings">
        {(findings.data ?? []).map((finding) => (
          <li
            key={finding.id}
            className={`fu-item${finding.overdue ? " overdue" : ""}`}
            data-testid="finding"
          >
            <p className="fu-meta">
              <span className="badge">{t(`fu.kind.${finding.kind}`)}</span>
              <span>{names.agency(finding.agency)}</span>
              <span>
                {t("fu.findings.risk")}: {t(`fu.risk.${finding.risk}`)}
              </span>
              <span>
                {t("fu.directives.due_on")} {formatDate(finding.due_on, language)}
              </span>
              <span className="badge">{t(`fu.fstatus.${finding.status}`)}</span>
              {finding.overdue && <span className="badge fu-overdue">{t("fu.directives.overdue")}</span>}
              <DemoBadge demo={finding.demo} />
            </p>
            <p>{finding.finding_th}</p>
            <p>
              {t("fu.findings.recommendation")}: {finding.recommendation_th}
            </p>
            {finding.response_th && (
              <p>
                {t("fu.findings.response")}: {finding.response_th}
              </p>
            )}
            {finding.status === "closed" && (
              <p className="muted">
                {t("fu.findings.closed")}: {finding.closure_note_th} ({finding.closure_evidence.join(", ")})
              </p>
            )}
            {finding.status !== "closed" && isOwnAgency(user, finding.agency) && (
              <AnswerForm finding={finding} mode="respond" onSaved={reload} />
            )}
            {finding.status === "responded" && isAuditor(user) && (
              <AnswerForm finding={finding} mode="close" onSaved={reload} />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
