import { useMemo, useState } from "react";
import { listAgencies } from "../../api/endpoints";
import type { Agency } from "../../api/types";
import { useAuth } from "../../auth/auth";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { matchesFilter, sortByName } from "../../format/sort";
import { isMessageKey, useLanguage } from "../../i18n/language";
import { AgencyEditor } from "./AgencyEditor";

export function AgenciesPage() {
  const { t, language } = useLanguage();
  const { hasRole } = useAuth();
  const canEdit = hasRole("admin");
  useDocumentTitle(t("agencies.title"));
  const [load, reload, replace] = useLoad((signal) => listAgencies(signal), []);
  const [filter, setFilter] = useState("");
  const [editing, setEditing] = useState<Agency | null>(null);
  const [savedCode, setSavedCode] = useState<string | null>(null);

  const agencies = useMemo(
    () =>
      sortByName(load.data ?? [], language).filter((agency) =>
        matchesFilter(filter, agency.name_th, agency.name_en, agency.code),
      ),
    [load.data, language, filter],
  );

  function kindLabel(kind: string): string {
    const key = `agencies.kind.${kind}`;
    return isMessageKey(key) ? t(key) : kind;
  }

  function saved(agency: Agency) {
    replace((load.data ?? []).map((item) => (item.code === agency.code ? agency : item)));
    setSavedCode(agency.code);
    setEditing(null);
  }

  // After a 409 the editor needs the agency as it is now on the server.
  async function latest(code: string): Promise<Agency | null> {
    const fresh = await listAgencies();
    replace(fresh);
    return fresh.find((agency) => agency.code === code) ?? null;
  }

  return (
    <>
      <h1>{t("agencies.title")}</h1>
      {savedCode && (
        <div className="notice notice-success" role="status">
          {t("agencies.updated", { code: savedCode })}
        </div>
      )}
      {load.status === "failed" && <ErrorNotice error={load.error} onRetry={reload} />}
      {load.status === "loading" && !load.data && <Loading />}
      {load.data && (
        <>
          <div className="section-bar">
            <p className="muted">{t("common.count", { count: agencies.length })}</p>
            <label className="filter">
              <span className="visually-hidden">{t("agencies.filter")}</span>
              <input
                type="search"
                placeholder={t("agencies.filter")}
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
              />
            </label>
          </div>
          <div className="table-wrap">
            <table className="table stack" data-testid="agencies">
              <thead>
                <tr>
                  <th scope="col">{t("common.code")}</th>
                  <th scope="col">{t("common.name_th")}</th>
                  <th scope="col">{t("common.name_en")}</th>
                  <th scope="col">{t("agencies.kind")}</th>
                  {canEdit && <th scope="col">{t("agencies.actions")}</th>}
                </tr>
              </thead>
              <tbody>
                {agencies.map((agency) => (
                  <tr key={agency.code} data-code={agency.code}>
                    <td data-label={t("common.code")}>
                      <code>{agency.code}</code>
                    </td>
                    <td lang="th" data-label={t("common.name_th")}>
                      {agency.name_th} <DemoBadge demo={agency.demo} />
                    </td>
                    <td lang="en" data-label={t("common.name_en")}>
                      {agency.name_en}
                    </td>
                    <td data-label={t("agencies.kind")}>{kindLabel(agency.kind)}</td>
                    {canEdit && (
                      <td className="actions">
                        <button
                          type="button"
                          className="button small"
                          onClick={() => {
                            setSavedCode(null);
                            setEditing(agency);
                          }}
                          aria-label={`${t("common.edit")} ${agency.code}`}
                        >
                          {t("common.edit")}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {editing && (
        <AgencyEditor
          key={editing.code}
          agency={editing}
          onSaved={saved}
          onStale={() => latest(editing.code)}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
