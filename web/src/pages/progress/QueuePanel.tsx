// "รอส่ง N รายการ": what this phone keeps for sending (every project), whether it is
// sending or waiting for a signal, and the entries the server refused, each with its
// reason, to correct (back into the form) or discard.
import { useEffect, useMemo, useState } from "react";
import { discard, flush, type ProgressEntry, type QueueEntry, type QueueState } from "../../offline/queue";
import { useLanguage } from "../../i18n/language";
import { formatMonth } from "../action-plan/amounts";
import { formatDateTime } from "../../format/date";
import { offlineReady, registerServiceWorker } from "../../offline/register";

function PendingPreview({ entry }: { entry: QueueEntry }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (entry.kind !== "photo") return;
    const made = URL.createObjectURL(entry.image);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [entry]);
  if (!url) return null;
  return <img className="field-thumb" src={url} alt="" />;
}

export function QueuePanel({ queue, onFix }: { queue: QueueState; onFix?: (entry: ProgressEntry) => void }) {
  const { t, pick, language } = useLanguage();
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  // Whether a service worker keeps this page for a reload without a signal.
  const [ready, setReady] = useState(offlineReady);
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const update = () => setReady(offlineReady());
    navigator.serviceWorker.addEventListener("controllerchange", update);
    void registerServiceWorker().then(update);
    return () => navigator.serviceWorker.removeEventListener("controllerchange", update);
  }, []);
  const waiting = useMemo(() => queue.entries.filter((entry) => entry.refused === null), [queue.entries]);
  const refused = useMemo(() => queue.entries.filter((entry) => entry.refused !== null), [queue.entries]);
  const count = waiting.length;
  const status = queue.sending
    ? t("queue.sending")
    : queue.blocked === "signed_out"
      ? t("queue.signed_out")
      : !online || queue.blocked === "offline"
        ? count > 0
          ? t("queue.offline")
          : ""
        : "";

  const label = (entry: QueueEntry) =>
    entry.kind === "progress"
      ? t("queue.progress_item", {
          month: formatMonth(entry.month, language),
          percent: entry.body.physical_percent,
        })
      : t("queue.photo_item", { time: formatDateTime(entry.takenAt, language) });

  return (
    <section className="field-queue" aria-label={t("queue.list")}>
      <p className="field-queue-bar">
        <strong data-testid="queue-count" data-count={count} aria-live="polite">
          {count > 0 ? t("queue.waiting", { count }) : t("queue.none")}
        </strong>
        {status && <span className="muted"> · {status}</span>}
        {ready && (
          <span className="muted" data-testid="offline-ready">
            {" "}
            · {t("queue.offline_ready")}
          </span>
        )}
        {count > 0 && online && !queue.sending && (
          <button type="button" className="button small" onClick={() => void flush()}>
            {t("queue.send_now")}
          </button>
        )}
      </p>
      {waiting.length > 0 && (
        <ul className="field-queue-list" data-testid="queue-waiting">
          {waiting.map((entry) => (
            <li key={entry.key}>
              <PendingPreview entry={entry} />
              <span>{label(entry)}</span>
            </li>
          ))}
        </ul>
      )}
      {refused.length > 0 && (
        <ul className="field-queue-list" data-testid="queue-refused">
          {refused.map((entry) => (
            <li key={entry.key} className="field-queue-refused">
              <PendingPreview entry={entry} />
              <span>
                {label(entry)}
                <br />
                <span className="field-message">
                  {t("queue.refused", {
                    message: pick({ th: entry.refused?.th ?? "", en: entry.refused?.en ?? "" }),
                  })}
                  {Object.values(entry.refused?.fields ?? {}).map((text) => ` ${pick(text)}`)}
                </span>
              </span>
              <span className="field-queue-actions">
                {entry.kind === "progress" && onFix && (
                  <button
                    type="button"
                    className="button small"
                    onClick={() => {
                      onFix(entry);
                      void discard(entry.key);
                    }}
                  >
                    {t("queue.fix")}
                  </button>
                )}
                <button type="button" className="button small" onClick={() => void discard(entry.key)}>
                  {t("queue.discard")}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
