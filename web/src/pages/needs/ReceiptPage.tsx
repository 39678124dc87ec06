// A receipt's own page (/needs/receipts/ABC123): it survives a reload, and the code
// may be typed in any letter case. It shows the need's title, status and history,
// and lets the person copy the code or save it as an image.
import { useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { getReceipt } from "../../api/needs";
import type { Receipt } from "../../api/needs";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatDateTime } from "../../format/date";
import { useLanguage } from "../../i18n/language";
import { drawReceipt } from "./receiptImage";
import { receiptPath } from "./receiptPath";

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  if (!copied) throw new Error("copy failed");
}

function StatusName({ status }: { status: Receipt["status"] }) {
  const { t } = useLanguage();
  return <>{t(`need.status.${status}`)}</>;
}

export function ReceiptPage() {
  const { receipt = "" } = useParams();
  const location = useLocation();
  const justSent = (location.state as { justSent?: boolean } | null)?.justSent === true;
  const { t, language } = useLanguage();
  useDocumentTitle(t("need.follow"));
  const [load, reload] = useLoad((signal) => getReceipt(receipt.trim(), signal), [receipt]);
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const [saving, setSaving] = useState(false);
  const [imageError, setImageError] = useState<unknown>(null);
  const data = load.data;
  // The code as the server keeps it (the address may carry another letter case).
  const code = data?.receipt ?? receipt;

  async function copy() {
    try {
      await copyText(code);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  async function saveImage() {
    setSaving(true);
    setImageError(null);
    try {
      const blob = await drawReceipt({
        heading: t("app.name"),
        receiptLabel: t("need.receipt_is"),
        receipt: code,
        title: data?.title || null,
        submitted: data ? `${t("need.submitted_at")} ${formatDateTime(data.submitted_at, language)}` : "",
        followText: t("need.follow_at"),
        address: `${window.location.origin}${receiptPath(code)}`,
      });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = `receipt-${code}.png`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (caught) {
      setImageError(caught);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="public-form" aria-labelledby="receipt-heading">
      <h1 id="receipt-heading">{justSent ? t("need.thanks") : t("need.follow")}</h1>
      <div className={`notice ${justSent ? "notice-success" : "notice-info"}`} data-testid="receipt">
        <p>{t("need.receipt_is")}</p>
        <p className="receipt-code">
          <code>{code}</code>
        </p>
        <p className="form-actions">
          <button type="button" className="button small" onClick={() => void copy()}>
            {t("need.copy_receipt")}
          </button>
          <button type="button" className="button small" disabled={saving} onClick={() => void saveImage()}>
            {t("need.save_receipt_image")}
          </button>
          <span role="status" className="muted">
            {copied === "copied" && t("need.copied")}
            {copied === "failed" && t("need.copy_failed")}
          </span>
        </p>
        <p className="small-print">{t("need.receipt_hint_address")}</p>
      </div>
      <ErrorNotice error={imageError} />
      {load.status === "failed" && <ErrorNotice error={load.error} onRetry={reload} />}
      {load.status === "loading" && !data && <Loading />}
      {data && (
        <>
          <dl className="details" data-testid="receipt-status">
            {data.title && (
              <>
                <dt>{t("need.title_short")}</dt>
                <dd data-testid="receipt-title">{data.title}</dd>
              </>
            )}
            <dt>{t("need.status")}</dt>
            <dd>
              <span className={`badge need-${data.status}`}>
                <StatusName status={data.status} />
              </span>
            </dd>
            <dt>{t("need.submitted_at")}</dt>
            <dd>{formatDateTime(data.submitted_at, language)}</dd>
            {data.reason && (
              <>
                <dt>{t("need.reason")}</dt>
                <dd>{data.reason}</dd>
              </>
            )}
          </dl>
          {data.need_id !== null && (
            <p>
              <Link to={`/needs/${data.need_id}`}>{t("need.open_public")}</Link>
            </p>
          )}
          {data.history.length > 0 && (
            <section aria-labelledby="receipt-history-heading">
              <h2 id="receipt-history-heading">{t("need.history")}</h2>
              <ol className="history" data-testid="receipt-history">
                {data.history.map((item, index) => (
                  <li key={index}>
                    <time dateTime={item.at}>{formatDateTime(item.at, language)}</time>{" "}
                    <span className={`badge need-${item.status}`}>
                      <StatusName status={item.status} />
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </>
      )}
      <p>
        <Link to="/needs/follow">{t("need.follow_other")}</Link>
      </p>
    </section>
  );
}
