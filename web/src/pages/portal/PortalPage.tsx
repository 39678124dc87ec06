// The public portal's front page (/portal): no sign-in, phone-sized first. The plan in
// force and the year's totals, the projects of a district (or all) with progress, money
// in baht and the residents' rating; each project opens its page with the rating form.
import { useState } from "react";
import { Link } from "react-router";
import { getArea } from "../../api/endpoints";
import { getPortalOverview, listPortalProjects } from "../../api/portal";
import type { PortalProject } from "../../api/portal";
import { ErrorNotice } from "../../components/ErrorNotice";
import { AreaMap } from "../../components/map/AreaMap";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useNames } from "../../components/useNames";
import { formatSatang } from "../../format/money";
import { formatNumber } from "../../format/number";
import { useAuth } from "../../auth/auth";
import { useLanguage } from "../../i18n/language";
import { provinceCode } from "../areas/AreasPage";

export function Stars({ average, count }: { average: number; count: number }) {
  const { t, language } = useLanguage();
  if (count === 0) return <span className="muted">{t("portal.no_rating")}</span>;
  const full = Math.round(average);
  return (
    <span className="portal-stars" aria-label={t("portal.rating")}>
      <span aria-hidden="true">{"★".repeat(full) + "☆".repeat(5 - full)}</span>{" "}
      {t("portal.rating_value", { average: formatNumber(average, language, { decimals: 1 }), count })}
    </span>
  );
}

export function ProjectFigures({ project }: { project: PortalProject }) {
  const { t, language } = useLanguage();
  const percent = project.physical_percent;
  return (
    <dl className="portal-figures">
      <dt>{t("portal.progress")}</dt>
      <dd>
        {percent === null ? (
          <span className="muted">{t("portal.no_report")}</span>
        ) : (
          <>
            <progress max={100} value={percent} /> {formatNumber(percent, language, { maxDecimals: 1 })}%
            {project.progress_status_th ? ` · ${project.progress_status_th}` : ""}
          </>
        )}
      </dd>
      <dt>{t("portal.allocated")}</dt>
      <dd>{formatSatang(project.allocated_satang, language)}</dd>
      <dt>{t("portal.disbursed")}</dt>
      <dd>{formatSatang(project.disbursed_satang, language)}</dd>
      <dt>{t("portal.rating")}</dt>
      <dd>
        <Stars average={project.rating.average} count={project.rating.count} />
      </dd>
    </dl>
  );
}

export function PortalPage() {
  const { t, language, pick } = useLanguage();
  useDocumentTitle(t("portal.title"));
  const [district, setDistrict] = useState("");
  const [overview] = useLoad((signal) => getPortalOverview(signal), []);
  const [province] = useLoad((signal) => getArea(provinceCode, signal), []);
  // Every project of the year, for the map's count per district.
  const [everything] = useLoad((signal) => listPortalProjects(undefined, signal), []);
  const [projects, reload] = useLoad(
    (signal) => listPortalProjects(district || undefined, signal),
    [district],
  );
  const names = useNames();
  const { user } = useAuth();
  const moderator = user?.role === "strategy_officer" || user?.role === "admin";
  const plan = overview.data?.plan;
  const perDistrict = new Map<string, number>();
  for (const project of everything.data ?? [])
    for (const code of project.districts) perDistrict.set(code, (perDistrict.get(code) ?? 0) + 1);

  return (
    <section className="portal" aria-labelledby="portal-heading">
      <h1 id="portal-heading">{t("portal.title")}</h1>
      <p className="muted">{t("portal.intro")}</p>
      {overview.data && (
        <div className="portal-overview" data-testid="portal-overview">
          {plan && (
            <p>
              {t("portal.plan_in_force")}: <strong>{plan.name_th}</strong> ({plan.first_fiscal_year}–
              {plan.last_fiscal_year})
            </p>
          )}
          <p>
            {t("portal.fiscal_year", { year: overview.data.fiscal_year })} ·{" "}
            {t("portal.projects_count", { count: formatNumber(overview.data.projects, language) })} ·{" "}
            {t("portal.allocated")} {formatSatang(overview.data.allocated_satang, language)} ·{" "}
            {t("portal.disbursed")} {formatSatang(overview.data.disbursed_satang, language)}
          </p>
          {overview.data.kpis.length > 0 && (
            <details>
              <summary>{t("portal.kpis")}</summary>
              <ul>
                {overview.data.kpis.map((kpi) => (
                  <li key={kpi.code}>
                    {kpi.code} {kpi.text_th}: {kpi.value === null ? "–" : formatNumber(kpi.value, language)}
                    {kpi.target === null ? "" : ` / ${formatNumber(kpi.target, language)}`}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {overview.data.open_needs.length > 0 && (
            <details>
              <summary>
                {t("portal.open_needs")} ({formatNumber(overview.data.open_needs_total, language)})
              </summary>
              <ul>
                {overview.data.open_needs.map((need, index) => (
                  <li key={index}>{need.title}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      {province.data && perDistrict.size > 0 && (
        <AreaMap
          testId="portal-map"
          label={t("portal.map")}
          selected={district || undefined}
          onSelect={(code) => setDistrict(code === district ? "" : code)}
          districts={(province.data.children ?? []).map((area) => ({
            code: area.code,
            name: pick({ th: area.name_th, en: area.name_en }),
            value: perDistrict.get(area.code) ?? 0,
          }))}
        />
      )}
      <p>
        <label htmlFor="portal-district">{t("portal.district")}</label>{" "}
        <select id="portal-district" value={district} onChange={(event) => setDistrict(event.target.value)}>
          <option value="">{t("portal.all_districts")}</option>
          {(province.data?.children ?? []).map((area) => (
            <option key={area.code} value={area.code}>
              {pick({ th: area.name_th, en: area.name_en })}
            </option>
          ))}
        </select>
      </p>
      {projects.status === "failed" && <ErrorNotice error={projects.error} onRetry={reload} />}
      {projects.status === "loading" && !projects.data && <Loading />}
      {projects.data && projects.data.length === 0 && <p>{t("portal.no_projects")}</p>}
      <ul className="portal-projects" data-testid="portal-projects">
        {(projects.data ?? []).map((project) => (
          <li key={project.element_id} className="card">
            <h2>
              <Link to={`/portal/projects/${project.element_id}`}>{project.name_th}</Link>
            </h2>
            {project.agency_code && <p className="muted">{names.agency(project.agency_code)}</p>}
            <ProjectFigures project={project} />
          </li>
        ))}
      </ul>
      <p>
        <Link to="/portal/feedback">{t("portal.follow_title")}</Link>
        {moderator && (
          <>
            {" · "}
            <Link to="/portal/moderation">{t("portal.moderation_link")}</Link>
          </>
        )}
      </p>
    </section>
  );
}
