// Moderation of residents' comments (/portal/moderation, strategy office and admins):
// publish with an optional answer, do not publish, or refer to ศูนย์ดำรงธรรม.
import { useState } from "react";
import { feedbackQueue, moderateFeedback } from "../../api/portal";
import type { Feedback } from "../../api/portal";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatDateTime } from "../../format/date";
import { useLanguage } from "../../i18n/language";

function Item({ feedback, onDone }: { feedback: Feedback; onDone: () => void }) {
  const { t, language } = useLanguage();
  const [answer, setAnswer] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function decide(decision: "approve" | "reject" | "refer") {
    setBusy(true);
    setError(null);
    try {
      await moderateFeedback(
        feedback.id,
        decision,
        feedback.version,
        decision === "approve" ? answer : undefined,
      );
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="card" data-testid="moderation-item">
      <p>
        {t("portal.project_number", { id: feedback.element_id })} ·{" "}
        {formatDateTime(feedback.created_at, language)}
      </p>
      <p>
        <span aria-hidden="true">{"★".repeat(feedback.rating) + "☆".repeat(5 - feedback.rating)}</span>{" "}
        {feedback.comment_th}
      </p>
      <p>
        <label htmlFor={`answer-${feedback.id}`}>{t("portal.answer_optional")}</label>
        <textarea
          id={`answer-${feedback.id}`}
          rows={2}
          value={answer}
          onChange={(event) => setAnswer(event.target.value)}
        />
      </p>
      <ErrorNotice error={error} />
      <p className="form-actions">
        <button type="button" className="button small" disabled={busy} onClick={() => void decide("approve")}>
          {t("portal.approve")}
        </button>
        <button
          type="button"
          className="button small secondary"
          disabled={busy}
          onClick={() => void decide("reject")}
        >
          {t("portal.reject")}
        </button>
        <button
          type="button"
          className="button small secondary"
          disabled={busy}
          onClick={() => void decide("refer")}
        >
          {t("portal.refer")}
        </button>
      </p>
    </li>
  );
}

export function FeedbackModerationPage() {
  const { t } = useLanguage();
  useDocumentTitle(t("portal.moderation_title"));
  const [queue, reload] = useLoad((signal) => feedbackQueue("held", signal), []);
  return (
    <section aria-labelledby="moderation-heading">
      <h1 id="moderation-heading">{t("portal.moderation_title")}</h1>
      {queue.status === "failed" && <ErrorNotice error={queue.error} onRetry={reload} />}
      {queue.status === "loading" && !queue.data && <Loading />}
      {queue.data && queue.data.length === 0 && <p>{t("portal.queue_empty")}</p>}
      <ul className="portal-comments">
        {(queue.data ?? []).map((feedback) => (
          <Item key={feedback.id} feedback={feedback} onDone={reload} />
        ))}
      </ul>
    </section>
  );
}
