// A project's public page (/portal/projects/:elementId): progress and money, the
// procurement information the law makes public, published comments with answers, and
// the rating form (1–5 stars and a comment) that gives a receipt. Complaints are
// pointed to ศูนย์ดำรงธรรม.
import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../../api/client";
import { getFeedbackForm, getPortalProject, postFeedback } from "../../api/portal";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatDate } from "../../format/date";
import { formatSatang } from "../../format/money";
import { useLanguage } from "../../i18n/language";
import { ProjectFigures } from "./PortalPage";

function wait(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function PortalProjectPage() {
  const { elementId = "" } = useParams();
  const id = Number(elementId);
  const { t, language } = useLanguage();
  const [page, reload] = useLoad((signal) => getPortalProject(id, signal), [id]);
  const [form, reloadForm] = useLoad((signal) => getFeedbackForm(id, signal), [id]);
  useDocumentTitle(page.data?.name_th ?? t("portal.title"));
  const [loadedAt] = useState(() => Date.now());
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  const [ratingMessage, setRatingMessage] = useState<string | null>(null);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!form.data) return;
    if (rating < 1) {
      setRatingMessage(t("portal.choose_rating"));
      return;
    }
    setRatingMessage(null);
    setSending(true);
    setError(null);
    try {
      // The server refuses a form sent sooner than a person could fill it.
      const left = form.data.min_fill_seconds * 1000 + 200 - (Date.now() - loadedAt);
      if (left > 0) await wait(left);
      const answer = await postFeedback(id, {
        rating,
        comment_th: comment,
        form_token: form.data.form_token,
      });
      setReceipt(answer.receipt ?? null);
    } catch (caught) {
      setError(caught);
      // A used or expired token: a fresh form for the next try.
      if (caught instanceof ApiError && caught.status !== 429) reloadForm();
    } finally {
      setSending(false);
    }
  }

  if (page.status === "failed") return <ErrorNotice error={page.error} onRetry={reload} />;
  if (!page.data) return <Loading />;
  const project = page.data;
  return (
    <section className="portal" aria-labelledby="project-heading">
      <p>
        <Link to="/portal">{t("portal.back")}</Link>
      </p>
      <h1 id="project-heading">{project.name_th}</h1>
      <ProjectFigures project={project} />

      <h2>{t("portal.procurement")}</h2>
      {project.procurements.length === 0 && <p className="muted">{t("portal.no_procurement")}</p>}
      <ul>
        {project.procurements.map((p, index) => (
          <li key={index}>
            <strong>{p.title_th}</strong> · {p.method_th} · {p.stage_th}
            <br />
            {t("portal.reference_price")} {formatSatang(p.reference_price_satang, language)}
            {p.winner_name && (
              <>
                {" "}
                · {t("portal.winner")} {p.winner_name}
              </>
            )}
            {p.contract_value_satang !== null && (
              <>
                {" "}
                · {t("portal.contract_value")} {formatSatang(p.contract_value_satang, language)}
              </>
            )}
            {p.contract_signed && <> · {formatDate(p.contract_signed, language)}</>}
          </li>
        ))}
      </ul>

      <h2>{t("portal.comments")}</h2>
      {project.comments.length === 0 && <p className="muted">{t("portal.no_comments")}</p>}
      <ul className="portal-comments" data-testid="portal-comments">
        {project.comments.map((c, index) => (
          <li key={index} className="card">
            <p>
              <span aria-hidden="true">{"★".repeat(c.rating) + "☆".repeat(5 - c.rating)}</span> {c.comment_th}
            </p>
            {c.answer_th && (
              <p className="portal-answer">
                <strong>{t("portal.answer")}:</strong> {c.answer_th}
              </p>
            )}
          </li>
        ))}
      </ul>

      <h2 id="rate-heading">{t("portal.rate_title")}</h2>
      {receipt ? (
        <div className="notice notice-success" data-testid="portal-receipt">
          <p>{t("portal.sent")}</p>
          <p>{t("portal.receipt_is")}</p>
          <p className="receipt-code">
            <code>{receipt}</code>
          </p>
          <p>
            <Link to={`/portal/feedback/${encodeURIComponent(receipt)}`}>{t("portal.follow")}</Link>
          </p>
        </div>
      ) : (
        <form onSubmit={(event) => void send(event)} aria-labelledby="rate-heading" noValidate>
          <fieldset>
            <legend>{t("portal.rating")}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className="portal-star-choice">
                <input
                  type="radio"
                  name="rating"
                  value={n}
                  checked={rating === n}
                  onChange={() => setRating(n)}
                  aria-describedby="rating-message"
                />
                {t("portal.stars", { n })}
              </label>
            ))}
            <FieldMessage
              id="rating-message"
              text={ratingMessage ? { th: ratingMessage, en: ratingMessage } : null}
            />
          </fieldset>
          <p>
            <label htmlFor="portal-comment">{t("portal.comment")}</label>
            <textarea
              id="portal-comment"
              rows={4}
              maxLength={2000}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              aria-describedby="comment-hint"
            />
            <small id="comment-hint" className="muted">
              {t("portal.comment_hint")}
            </small>
          </p>
          {form.data && (
            <p className="notice notice-info">
              <strong>{t("portal.complaint")}:</strong> {form.data.complaint_notice_th}
            </p>
          )}
          <ErrorNotice error={error} />
          <p className="form-actions">
            <button type="submit" className="button" disabled={sending || !form.data}>
              {sending ? t("portal.sending") : t("portal.send")}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
