// One need: what was asked, where, its status, and the plan elements answering it.
import { Link, useParams } from "react-router";
import { getNeed } from "../../api/needs";
import { useAuth } from "../../auth/auth";
import { NeedActions } from "./NeedActions";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatDateTime } from "../../format/date";
import { useLanguage } from "../../i18n/language";

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
        {need.title} <DemoBadge demo={need.demo} />
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
