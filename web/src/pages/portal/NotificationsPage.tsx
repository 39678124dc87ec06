// The signed-in user's notifications (/notifications): the in-app list (mark read) and
// the choice of topics and channels (in the app, e-mail, LINE), the e-mail address and
// LINE linking by a one-time code.
import { useEffect, useState } from "react";
import type { FormEvent } from "react";
import {
  getPreferences,
  lineLinkCode,
  listNotifications,
  readNotification,
  setPreferences,
} from "../../api/portal";
import type { NotificationPreferences } from "../../api/portal";
import { useAuth } from "../../auth/auth";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatDateTime } from "../../format/date";
import { useLanguage } from "../../i18n/language";

type Channel = "in_app" | "email" | "line";

export function NotificationsPage() {
  const { t, language } = useLanguage();
  const { user } = useAuth();
  useDocumentTitle(t("notify.title"));
  const [inbox, reloadInbox] = useLoad((signal) => listNotifications(signal), []);
  const [loaded] = useLoad((signal) => getPreferences(signal), []);
  const [preferences, setLocal] = useState<NotificationPreferences | null>(null);
  const [email, setEmail] = useState("");
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [code, setCode] = useState<string | null>(null);

  useEffect(() => {
    if (loaded.data) {
      setLocal(loaded.data);
      setEmail(loaded.data.email ?? "");
    }
  }, [loaded.data]);

  function toggle(topic: string, channel: Channel) {
    if (!preferences) return;
    setSaved(false);
    setLocal({
      ...preferences,
      topics: preferences.topics.map((choice) =>
        choice.topic === topic ? { ...choice, [channel]: !choice[channel] } : choice,
      ),
    });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!preferences) return;
    setError(null);
    try {
      const answer = await setPreferences({
        email,
        topics: preferences.topics.map(({ topic, in_app, email: byEmail, line }) => ({
          topic,
          in_app,
          email: byEmail,
          line,
        })),
      });
      setLocal(answer);
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  }

  async function link(forGroup: boolean) {
    setError(null);
    try {
      setCode((await lineLinkCode(forGroup)).code);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section aria-labelledby="notify-heading">
      <h1 id="notify-heading">{t("notify.title")}</h1>
      <h2>{t("notify.inbox")}</h2>
      {inbox.status === "failed" && <ErrorNotice error={inbox.error} onRetry={reloadInbox} />}
      {inbox.data && inbox.data.items.length === 0 && <p>{t("notify.empty")}</p>}
      <ul className="portal-comments" data-testid="notifications">
        {(inbox.data?.items ?? []).map((item) => (
          <li key={item.id} className={`card${item.read ? " muted" : ""}`}>
            <p>
              <strong>{item.subject_th}</strong> · {item.topic_th} ·{" "}
              {formatDateTime(item.created_at, language)}
            </p>
            <p>{item.body_th}</p>
            {!item.read && (
              <button
                type="button"
                className="button small"
                onClick={() => void readNotification(item.id).then(reloadInbox, setError)}
              >
                {t("notify.mark_read")}
              </button>
            )}
          </li>
        ))}
      </ul>

      <h2>{t("notify.preferences")}</h2>
      {!preferences && loaded.status !== "failed" && <Loading />}
      {loaded.status === "failed" && <ErrorNotice error={loaded.error} />}
      {preferences && (
        <form onSubmit={(event) => void save(event)}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("notify.topic")}</th>
                <th scope="col">{t("notify.in_app")}</th>
                <th scope="col">{t("notify.email")}</th>
                <th scope="col">{t("notify.line")}</th>
              </tr>
            </thead>
            <tbody>
              {preferences.topics.map((choice) => (
                <tr key={choice.topic}>
                  <th scope="row">{choice.label_th}</th>
                  {(["in_app", "email", "line"] as Channel[]).map((channel) => (
                    <td key={channel}>
                      <input
                        type="checkbox"
                        aria-label={`${choice.label_th} ${t(`notify.${channel}`)}`}
                        checked={choice[channel]}
                        onChange={() => toggle(choice.topic, channel)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <label htmlFor="notify-email">{t("notify.email_address")}</label>{" "}
            <input
              id="notify-email"
              type="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
            {!preferences.email_available && <small className="muted"> {t("notify.unavailable")}</small>}
          </p>
          <ErrorNotice error={error} />
          <p className="form-actions">
            <button type="submit" className="button">
              {t("notify.save")}
            </button>
            <span role="status">{saved ? t("notify.saved") : ""}</span>
          </p>
        </form>
      )}
      {preferences && (
        <div>
          <p>{preferences.line_linked ? t("notify.line_linked") : t("notify.line_not_linked")}</p>
          {preferences.line_available ? (
            <p className="form-actions">
              <button type="button" className="button small" onClick={() => void link(false)}>
                {t("notify.line_link")}
              </button>
              {user?.agency_code && (
                <button type="button" className="button small secondary" onClick={() => void link(true)}>
                  {t("notify.line_group_link")}
                </button>
              )}
            </p>
          ) : (
            <p className="muted">{t("notify.unavailable")}</p>
          )}
          {code && <p className="notice notice-info">{t("notify.line_code", { code })}</p>}
        </div>
      )}
    </section>
  );
}
