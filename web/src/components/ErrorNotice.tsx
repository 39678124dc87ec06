// Shows any failure in the current language. Server errors (5xx) also show the
// request id so staff can find the matching server log line.
import { Link, useLocation } from "react-router";
import { ApiError } from "../api/client";
import { isMessageKey, useLanguage } from "../i18n/language";

// `fieldsShown` names the fields whose messages the form shows next to the fields;
// messages for any other field are listed here so none is ever hidden.
export function ErrorNotice({
  error,
  onRetry,
  fieldsShown,
}: {
  error: unknown;
  onRetry?: () => void;
  fieldsShown?: string[];
}) {
  const { t, pick } = useLanguage();
  const location = useLocation();
  if (!error) return null;
  // A field is named as people know it ("เหตุผล"), never by its JSON name.
  const fieldName = (field: string) => {
    const key = `field.${field}`;
    return isMessageKey(key) ? t(key) : field;
  };
  // Anywhere but the sign-in form itself, a 401 is best answered by signing in.
  const needsSignIn = error instanceof ApiError && error.status === 401 && location.pathname !== "/sign-in";
  const text =
    error instanceof ApiError
      ? pick(error.text)
      : pick({ th: "เกิดข้อผิดพลาดที่ไม่คาดคิด", en: "An unexpected error occurred." });
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : null;
  const otherFields =
    error instanceof ApiError
      ? Object.entries(error.fields).filter(([field]) => !(fieldsShown ?? []).includes(field))
      : [];
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-text">{text}</p>
      {otherFields.length > 0 && (
        <ul className="notice-fields">
          {otherFields.map(([field, text]) => (
            <li key={field}>
              {fieldName(field)}: {pick(text)}
            </li>
          ))}
        </ul>
      )}
      {requestId && (
        <p className="notice-detail">
          {t("error.request_id")}: <code>{requestId}</code>
        </p>
      )}
      {needsSignIn && (
        <p>
          <Link
            className="button small primary"
            to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}
          >
            {t("auth.sign_in")}
          </Link>
        </p>
      )}
      {onRetry && !needsSignIn && (
        <button type="button" className="button small" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}
