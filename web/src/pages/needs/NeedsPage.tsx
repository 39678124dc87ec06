// People's needs: a filtered list, counts by district (click a district to filter),
// and for the strategy office the queue of public submissions to moderate.
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import {
  districtCounts,
  listNeeds,
  moderateNeed,
  moderationQueue,
  publishedStatuses,
  sectors,
} from "../../api/needs";
import type { Need, NeedFilter } from "../../api/needs";
import { dimensions, listPlans } from "../../api/plan";
import { getArea } from "../../api/endpoints";
import { useAuth } from "../../auth/auth";
import { DemoBadge } from "../../components/DemoBadge";
import { ThaiText } from "../../components/ThaiText";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { ReasonDialog } from "../../components/ReasonDialog";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatDateTime } from "../../format/date";
import { sortByName } from "../../format/sort";
import { useLanguage } from "../../i18n/language";
import { provinceCode } from "../areas/AreasPage";
import { DistrictMap } from "./DistrictMap";

export const needsPageSize = 20;
const moderators = ["admin", "strategy_officer"] as const;

function NeedCard({ need }: { need: Need }) {
  const { t, language } = useLanguage();
  return (
    <article className="need-card" data-testid="need" data-id={need.id}>
      <h3>
        <Link to={`/needs/${need.id}`}>
          <ThaiText>{need.title}</ThaiText>
        </Link>{" "}
        <DemoBadge demo={need.demo} />
      </h3>
      <p className="need-meta">
        <span className={`badge need-${need.status}`}>{t(`need.status.${need.status}`)}</span>{" "}
        <span className="badge">{t(`dimension.${need.dimension}`)}</span>{" "}
        {need.area && (language === "en" ? need.area.name_en : need.area.name_th)}
        {need.district &&
          need.district.code !== need.area?.code &&
          ` · ${language === "en" ? need.district.name_en : need.district.name_th}`}
        {" · "}
        {t("need.votes", { count: need.vote_count })} · {formatDateTime(need.created_at, language)}
      </p>
      <p className="need-text">{need.description}</p>
    </article>
  );
}

function ModerationQueue({ onChanged }: { onChanged: () => void }) {
  const { t, language } = useLanguage();
  const [load, reload] = useLoad((signal) => moderationQueue(signal), []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [rejecting, setRejecting] = useState<Need | null>(null);

  async function approve(need: Need) {
    setBusy(need.id);
    setError(null);
    try {
      await moderateNeed(need.id, "approve", need.version);
      reload();
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  // The dialog shows a refusal itself; the list reloads once the need is rejected.
  async function reject(need: Need, reason: string) {
    await moderateNeed(need.id, "reject", need.version, reason);
    reload();
    onChanged();
  }

  const items = load.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="moderation-heading" data-testid="moderation">
      <h2 id="moderation-heading">{t("need.moderation", { count: load.data?.total ?? 0 })}</h2>
      <ErrorNotice error={error ?? (load.status === "failed" ? load.error : null)} />
      {load.status === "ready" && items.length === 0 && <p className="muted">{t("need.moderation_empty")}</p>}
      {items.map((need) => (
        <article key={need.id} className="need-card" data-testid="pending-need">
          <h3>
            {need.title} <DemoBadge demo={need.demo} />
          </h3>
          <p className="need-meta">
            {need.area && (language === "en" ? need.area.name_en : need.area.name_th)} ·{" "}
            {formatDateTime(need.created_at, language)}
            {need.submitter?.name && ` · ${need.submitter.name}`}
            {need.submitter?.phone && ` · ${need.submitter.phone}`}
          </p>
          <p className="need-text">{need.description}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button primary"
              disabled={busy === need.id}
              onClick={() => void approve(need)}
            >
              {t("need.approve")}
            </button>
            <button
              type="button"
              className="button danger"
              disabled={busy === need.id}
              onClick={() => setRejecting(need)}
            >
              {t("need.reject")}
            </button>
          </div>
        </article>
      ))}
      <ReasonDialog
        open={rejecting !== null}
        title={t("need.reject_title", { title: rejecting?.title ?? "" })}
        label={t("need.reject_reason")}
        confirmLabel={t("need.reject")}
        onClose={() => setRejecting(null)}
        onConfirm={(reason) => (rejecting ? reject(rejecting, reason) : Promise.resolve())}
      />
    </section>
  );
}

export function NeedsPage() {
  const { t, language } = useLanguage();
  const { hasRole } = useAuth();
  useDocumentTitle(t("nav.needs"));
  const [params, setParams] = useSearchParams();
  const filter: NeedFilter = {
    plan_id: params.get("plan_id") ? Number(params.get("plan_id")) : undefined,
    district: params.get("district") ?? undefined,
    dimension: (params.get("dimension") as NeedFilter["dimension"]) ?? undefined,
    sector: (params.get("sector") as NeedFilter["sector"]) ?? undefined,
    status: params.get("status") ?? undefined,
    sort: (params.get("sort") as NeedFilter["sort"]) ?? "newest",
    limit: needsPageSize,
    offset: Number(params.get("offset") ?? "0"),
  };
  const key = params.toString();
  const [load, reload] = useLoad((signal) => listNeeds(filter, signal), [key]);
  const [counts, reloadCounts] = useLoad(
    (signal) => districtCounts(filter.plan_id, signal),
    [filter.plan_id],
  );
  const [plans] = useLoad((signal) => listPlans(signal), []);
  const [province] = useLoad((signal) => getArea(provinceCode, signal), []);
  const districts = useMemo(
    () => sortByName(province.data?.children ?? [], language),
    [province.data, language],
  );

  function set(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== "offset") next.delete("offset");
    setParams(next);
  }

  const maxCount = Math.max(1, ...(counts.data ?? []).map((count) => count.total));
  const page = load.data;
  const offset = filter.offset ?? 0;

  return (
    <>
      <h1>{t("nav.needs")}</h1>
      <p className="lead">{t("module.needs.about")}</p>
      <p>
        <Link className="button primary" to="/needs/submit">
          {t("need.submit_link")}
        </Link>
      </p>

      {hasRole(...moderators) && (
        <ModerationQueue
          onChanged={() => {
            reload();
            reloadCounts();
          }}
        />
      )}

      <section aria-labelledby="districts-heading" className="panel">
        <h2 id="districts-heading">{t("need.by_district")}</h2>
        {counts.status === "failed" && <ErrorNotice error={counts.error} onRetry={reloadCounts} />}
        <div className="district-view">
          <DistrictMap
            counts={counts.data ?? []}
            selected={filter.district}
            onSelect={(code) => set("district", filter.district === code ? "" : code)}
          />
          <ul className="bars" data-testid="district-counts">
            {sortByName(
              (counts.data ?? []).map((count) => ({
                ...count,
                name_th: count.name_th ?? count.code,
                name_en: count.name_en ?? count.code,
              })),
              language,
            ).map((count) => (
              <li key={count.code}>
                <button
                  type="button"
                  className={`bar-row${filter.district === count.code ? " current" : ""}`}
                  aria-pressed={filter.district === count.code}
                  onClick={() => set("district", filter.district === count.code ? "" : count.code)}
                >
                  <span className="bar-label">{language === "en" ? count.name_en : count.name_th}</span>
                  <span
                    className="bar"
                    style={{ width: `${(count.total / maxCount) * 100}%` }}
                    aria-hidden="true"
                  />
                  <span className="bar-value">{count.total}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <form
        className="filters panel"
        aria-label={t("audit.filters")}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="filters-grid">
          <label className="field">
            <span>{t("need.plan")}</span>
            <select value={filter.plan_id ?? ""} onChange={(event) => set("plan_id", event.target.value)}>
              <option value="">{t("need.all")}</option>
              {(plans.data ?? []).map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {language === "en" ? plan.name_en || plan.name_th : plan.name_th}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("areas.level.district")}</span>
            <select value={filter.district ?? ""} onChange={(event) => set("district", event.target.value)}>
              <option value="">{t("need.all")}</option>
              {districts.map((district) => (
                <option key={district.code} value={district.code}>
                  {language === "en" ? district.name_en : district.name_th}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("need.dimension")}</span>
            <select value={filter.dimension ?? ""} onChange={(event) => set("dimension", event.target.value)}>
              <option value="">{t("need.all")}</option>
              {dimensions.map((dimension) => (
                <option key={dimension} value={dimension}>
                  {t(`dimension.${dimension}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("need.sector")}</span>
            <select value={filter.sector ?? ""} onChange={(event) => set("sector", event.target.value)}>
              <option value="">{t("need.all")}</option>
              {sectors.map((sector) => (
                <option key={sector} value={sector}>
                  {t(`sector.${sector}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("need.status")}</span>
            <select value={filter.status ?? ""} onChange={(event) => set("status", event.target.value)}>
              <option value="">{t("need.all")}</option>
              {publishedStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`need.status.${status}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("need.sort")}</span>
            <select value={filter.sort} onChange={(event) => set("sort", event.target.value)}>
              <option value="newest">{t("need.sort.newest")}</option>
              <option value="oldest">{t("need.sort.oldest")}</option>
              <option value="votes">{t("need.sort.votes")}</option>
              <option value="title">{t("need.sort.title")}</option>
            </select>
          </label>
        </div>
      </form>

      {load.status === "failed" && <ErrorNotice error={load.error} onRetry={reload} />}
      {load.status === "loading" && !page && <Loading />}
      {page && (
        <>
          <p className="muted" data-testid="needs-total">
            {t("need.showing", {
              from: page.total === 0 ? 0 : offset + 1,
              to: offset + page.items.length,
              total: page.total,
            })}
          </p>
          <div className="needs-list">
            {page.items.map((need) => (
              <NeedCard key={need.id} need={need} />
            ))}
          </div>
          <nav className="pager" aria-label={t("nav.needs")}>
            <button
              type="button"
              className="button"
              disabled={offset === 0}
              onClick={() => set("offset", String(Math.max(0, offset - needsPageSize)))}
            >
              {t("common.previous")}
            </button>
            <button
              type="button"
              className="button"
              disabled={offset + page.items.length >= page.total}
              onClick={() => set("offset", String(offset + needsPageSize))}
            >
              {t("common.next")}
            </button>
          </nav>
        </>
      )}
    </>
  );
}
