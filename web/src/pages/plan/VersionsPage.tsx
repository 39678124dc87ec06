// Every version of a plan, and a picker to compare two of them.
import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { getPlan, listVersions } from "../../api/plan";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatDateTime } from "../../format/date";
import { personName } from "../../format/person";
import { useAuth } from "../../auth/auth";
import { useLanguage } from "../../i18n/language";
import { planName, versionLabelKey } from "./planText";

export function VersionsPage() {
  const { planId: planIdText = "" } = useParams();
  const planId = Number(planIdText);
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const { user } = useAuth();
  const readsDrafts = user !== null && user.role !== "public";
  useDocumentTitle(t("plan.versions"));
  const [planLoad] = useLoad((signal) => getPlan(planId, signal), [planId]);
  const [load, reload] = useLoad((signal) => listVersions(planId, signal), [planId]);
  const versions = load.data ?? [];
  // Versions the reader may open (the public does not see drafts) are the ones to compare.
  const comparable = versions.filter((version) => readsDrafts || version.status !== "draft");
  const newest = comparable.length > 0 ? comparable[comparable.length - 1] : undefined;
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const fromValue = from || String(newest?.based_on ?? Math.max(1, (newest?.number ?? 1) - 1));
  const toValue = to || String(newest?.number ?? 1);

  function compare(event: FormEvent) {
    event.preventDefault();
    navigate(`/plan/${planId}/diff?from=${fromValue}&to=${toValue}`);
  }

  const plan = planLoad.data;
  return (
    <>
      <Breadcrumbs
        label={t("plan.breadcrumbs")}
        crumbs={[
          { label: t("nav.plan"), to: "/plan" },
          { label: plan ? planName(plan, language) : "…", to: `/plan/${planId}` },
          { label: t("plan.versions") },
        ]}
      />
      <h1>{t("plan.versions")}</h1>
      {load.status === "failed" && <ErrorNotice error={load.error} onRetry={reload} />}
      {load.status === "loading" && !load.data && <Loading />}
      {versions.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="table stack" data-testid="versions">
              <thead>
                <tr>
                  <th scope="col">{t("plan.version")}</th>
                  <th scope="col">{t("plan.status")}</th>
                  <th scope="col">{t("plan.created")}</th>
                  <th scope="col">{t("plan.approved")}</th>
                  <th scope="col">{t("plan.note")}</th>
                  <th scope="col">{t("plan.elements")}</th>
                </tr>
              </thead>
              <tbody>
                {[...versions].reverse().map((version) => (
                  <tr key={version.number} data-version={version.number}>
                    <td data-label={t("plan.version")}>
                      {version.status !== "draft" || readsDrafts ? (
                        <Link
                          to={`/plan/${planId}?version=${version.status === "draft" ? "draft" : version.number}`}
                        >
                          {t("plan.version_number", { number: version.number })}
                        </Link>
                      ) : (
                        t("plan.version_number", { number: version.number })
                      )}
                      {version.based_on !== null && (
                        <span className="muted"> {t("plan.based_on", { number: version.based_on })}</span>
                      )}
                    </td>
                    <td data-label={t("plan.status")}>
                      <span className={`badge status-${version.status}`}>
                        {t(versionLabelKey(version.status))}
                      </span>
                    </td>
                    <td data-label={t("plan.created")}>
                      {personName(version.created_by, language, version.created_by_name)} ·{" "}
                      {formatDateTime(version.created_at, language)}
                    </td>
                    <td data-label={t("plan.approved")}>
                      {version.approved_at
                        ? `${personName(version.approved_by, language, version.approved_by_name)} · ${formatDateTime(version.approved_at, language)}`
                        : "—"}
                    </td>
                    <td data-label={t("plan.note")}>{version.note ?? ""}</td>
                    <td data-label={t("plan.elements")}>{version.element_count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {comparable.length > 1 && (
            <form className="panel compare-form" onSubmit={compare} aria-labelledby="compare-heading">
              <h2 id="compare-heading">{t("plan.compare")}</h2>
              <div className="form-actions">
                <label className="field">
                  <span>{t("plan.compare_from")}</span>
                  <select value={fromValue} onChange={(event) => setFrom(event.target.value)}>
                    {comparable.map((version) => (
                      <option key={version.number} value={version.number}>
                        {t("plan.version_number", { number: version.number })}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span>{t("plan.compare_to")}</span>
                  <select value={toValue} onChange={(event) => setTo(event.target.value)}>
                    {comparable.map((version) => (
                      <option key={version.number} value={version.number}>
                        {t("plan.version_number", { number: version.number })}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <button type="submit" className="button primary">
                {t("plan.compare_go")}
              </button>
            </form>
          )}
        </>
      )}
    </>
  );
}
