// Following a comment by its receipt (/portal/feedback and /portal/feedback/:receipt):
// its status, the comment as stored (numbers masked) and the answer.
import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { followFeedback } from "../../api/portal";
import type { FeedbackFollow } from "../../api/portal";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useLanguage } from "../../i18n/language";

function FollowDetails({ data }: { data: FeedbackFollow }) {
  const { t } = useLanguage();
  return (
    <dl className="details" data-testid="portal-follow">
      <dt>{t("portal.projects")}</dt>
      <dd>
        <Link to={`/portal/projects/${data.element_id}`}>{data.project_name_th}</Link>
      </dd>
      <dt>{t("portal.status")}</dt>
      <dd data-testid="portal-follow-status">{data.status_th}</dd>
      <dt>{t("portal.your_comment")}</dt>
      <dd>
        <span aria-hidden="true">{"★".repeat(data.rating)}</span> {data.comment_th}
      </dd>
      <dt>{t("portal.answer")}</dt>
      <dd data-testid="portal-follow-answer">{data.answer_th ?? t("portal.no_answer_yet")}</dd>
    </dl>
  );
}

function Lookup({ receipt }: { receipt: string }) {
  const [load, reload] = useLoad((signal) => followFeedback(receipt, signal), [receipt]);
  if (load.status === "failed") return <ErrorNotice error={load.error} onRetry={reload} />;
  if (!load.data) return <Loading />;
  return <FollowDetails data={load.data} />;
}

export function PortalReceiptPage() {
  const { receipt = "" } = useParams();
  const { t } = useLanguage();
  useDocumentTitle(t("portal.follow_title"));
  const navigate = useNavigate();
  const [typed, setTyped] = useState(receipt);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (typed.trim()) navigate(`/portal/feedback/${encodeURIComponent(typed.trim())}`);
  }

  return (
    <section className="public-form" aria-labelledby="follow-heading">
      <h1 id="follow-heading">{t("portal.follow_title")}</h1>
      <form onSubmit={submit}>
        <label htmlFor="portal-receipt">{t("portal.receipt_code")}</label>{" "}
        <input id="portal-receipt" value={typed} onChange={(event) => setTyped(event.target.value)} />{" "}
        <button type="submit" className="button small">
          {t("portal.look_up")}
        </button>
      </form>
      {receipt && <Lookup receipt={receipt} />}
      <p>
        <Link to="/portal">{t("portal.back")}</Link>
      </p>
    </section>
  );
}
