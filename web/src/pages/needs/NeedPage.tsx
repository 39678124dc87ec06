// One need: what was asked, where, its status, and the plan elements answering it.
import { useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { getNeed, voteForNeed, withdrawVote } from "../../api/needs";
import type { NeedView } from "../../api/needs";
import { useAuth } from "../../auth/auth";
import { NeedActions } from "./NeedActions";
import { DemoBadge } from "../../components/DemoBadge";
import { ThaiText } from "../../components/ThaiText";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatDateTime } from "../../format/date";
import { useLanguage } from "../../i18n/language";

// "I support this": any signed-in person, once; anonymous visitors are asked to sign in.
function SupportButton({ need, onChanged }: { need: NeedView; onChanged: (need: NeedView) => void }) {
  const { t } = useLanguage();
  const { user } = useAuth();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = need.status !== "rejected" && need.status !== "merged" && need.status !== "pending_moderation";
  if (!open) return null;

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      const vote = need.voted ? await withdrawVote(need.id) : await voteForNeed(need.id);
      onChanged({ ...need, vote_count: vote.vote_count, voted: vote.voted });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="support" data-testid="support">
      <p className="support-count">{t("need.votes", { count: need.vote_count })}</p>
      {user ? (
        <button
          type="button"
          className={`button${need.voted ? "" : " primary"}`}
          aria-pressed={need.voted}
          disabled={busy}
          onClick={() => void toggle()}
        >
          {need.voted ? t("need.unsupport") : t("need.support")}
        </button>
      ) : (
        <Link className="button primary" to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>
          {t("need.support_sign_in")}
        </Link>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}

export function NeedPage() {
  const { needId = "" } = useParams();
  const { t, language } = useLanguage();
  const [load, reload, replace] = useLoad((signal) => getNeed(Number(needId), signal), [needId]);
  const { hasRole } = useAuth();
  const need = load.data;
  useDocumentTitle(need?.title ?? t("nav.needs"));
  if (load.status === "failed" && !need) return <ErrorNotice error={load.error} onRetry={reload} />;
  if (!need) return <Loading />;
  return (
    <>
      <p>
        <Link to="/needs">← {t("nav.needs")}</Link>
      </p>
      <h1>
        <ThaiText>{need.title}</ThaiText> <DemoBadge demo={need.demo} />
      </h1>
      <p className="need-meta">
        <span className={`badge need-${need.status}`}>{t(`need.status.${need.status}`)}</span>{" "}
        <span className="badge">{t(`dimension.${need.dimension}`)}</span>{" "}
        <span className="badge">{t(`sector.${need.sector}`)}</span>{" "}
        {need.area && (
          <Link to={`/areas/${need.area.code}`}>
            {language === "en" ? need.area.name_en : need.area.name_th}
          </Link>
        )}
        {" · "}
        {formatDateTime(need.created_at, language)} · {t("need.votes", { count: need.vote_count })}
      </p>
      <p className="prose">{need.description}</p>
      <SupportButton need={need} onChanged={replace} />
      {need.decline_reason && (
        <p>
          {t("need.reason")}: {need.decline_reason}
        </p>
      )}
      {hasRole("admin", "strategy_officer") && need.status !== "rejected" && need.status !== "merged" && (
        <NeedActions need={need} onChanged={replace} />
      )}
      <section className="panel" data-testid="need-links">
        <h2>{t("need.links")}</h2>
        {need.links.length === 0 ? (
          <p className="muted">{t("need.no_links")}</p>
        ) : (
          <ul>
            {need.links.map((link) => (
              <li key={link.element_id}>
                <Link to={`/plan/${need.plan_id}/elements/${link.element_id}`}>
                  {link.code && <code>{link.code}</code>}{" "}
                  {language === "en" ? link.text_en || link.text_th : link.text_th}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
