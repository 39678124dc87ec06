// Shows any failure in the current language. Server errors (5xx) also show the
// request id so staff can find the matching server log line.
import { ApiError } from "../api/client";
import { useLanguage } from "../i18n/language";

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, pick } = useLanguage();
  if (!error) return null;
  const text =
    error instanceof ApiError
      ? pick(error.text)
      : pick({ th: "เกิดข้อผิดพลาดที่ไม่คาดคิด", en: "An unexpected error occurred." });
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : null;
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-text">{text}</p>
      {requestId && (
        <p className="notice-detail">
          {t("error.request_id")}: <code>{requestId}</code>
        </p>
      )}
      {onRetry && (
        <button type="button" className="button small" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}
