// Where a member of the public follows a need they sent, by its receipt code.
import { useParams } from "react-router";
import { getReceipt } from "../../api/needs";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatDateTime } from "../../format/date";
import { useLanguage } from "../../i18n/language";

export function ReceiptPage() {
  const { receipt = "" } = useParams();
  const { t, language } = useLanguage();
  useDocumentTitle(t("need.follow"));
  const [load, reload] = useLoad((signal) => getReceipt(receipt, signal), [receipt]);
  return (
    <section className="public-form">
      <h1>{t("need.follow")}</h1>
      <p>
        {t("need.receipt_is")} <code>{receipt}</code>
      </p>
      {load.status === "failed" && <ErrorNotice error={load.error} onRetry={reload} />}
      {load.status === "loading" && !load.data && <Loading />}
      {load.data && (
        <dl className="details" data-testid="receipt-status">
          <dt>{t("need.status")}</dt>
          <dd>
            <span className={`badge need-${load.data.status}`}>{t(`need.status.${load.data.status}`)}</span>
          </dd>
          <dt>{t("need.submitted_at")}</dt>
          <dd>{formatDateTime(load.data.submitted_at, language)}</dd>
          {load.data.reason && (
            <>
              <dt>{t("need.reason")}</dt>
              <dd>{load.data.reason}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
