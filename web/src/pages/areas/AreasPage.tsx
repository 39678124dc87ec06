// Browse Trat from the province down to villages. The URL names the area
// (/areas/2307), so every level can be bookmarked and shared.
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { getArea } from "../../api/endpoints";
import type { Area, AreaLevel, AreaSummary } from "../../api/types";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { matchesFilter, sortByName } from "../../format/sort";
import { useLanguage } from "../../i18n/language";

export const provinceCode = "23";

// Area codes nest by prefix: province 2 digits, district 4, subdistrict 6, village 8.
export function ancestorCodes(code: string): string[] {
  return [2, 4, 6].filter((length) => length < code.length).map((length) => code.slice(0, length));
}

interface AreaWithAncestors {
  area: Area;
  ancestors: AreaSummary[];
}

async function loadArea(code: string, signal: AbortSignal): Promise<AreaWithAncestors> {
  const area = await getArea(code, signal);
  if (area.path) return { area, ancestors: area.path };
  // Without a path in the answer, the ancestors follow from the code's prefixes.
  const ancestors = await Promise.all(ancestorCodes(code).map((ancestor) => getArea(ancestor, signal)));
  return { area, ancestors };
}

const childLevel: Record<AreaLevel, AreaLevel | null> = {
  province: "district",
  district: "subdistrict",
  subdistrict: "village",
  village: null,
};

export function AreasPage() {
  const { code = provinceCode } = useParams();
  const { t, language } = useLanguage();
  const [filter, setFilter] = useState("");
  const [load, reload] = useLoad((signal) => loadArea(code, signal), [code]);
  const data = load.data && load.data.area.code === code ? load.data : null;

  const name = (area: { name_th: string; name_en: string }) =>
    language === "en" ? area.name_en || area.name_th : area.name_th;
  const otherName = (area: { name_th: string; name_en: string }) =>
    language === "en" ? area.name_th : area.name_en;

  useDocumentTitle(data ? name(data.area) : t("areas.title"));

  const children = useMemo(() => {
    if (!data) return [];
    return sortByName(data.area.children, language).filter((child) =>
      matchesFilter(filter, child.name_th, child.name_en, child.code),
    );
  }, [data, language, filter]);

  if (load.status === "failed" && !data) return <ErrorNotice error={load.error} onRetry={reload} />;
  if (!data) return <Loading />;

  const { area, ancestors } = data;
  const level = childLevel[area.level];
  const crumbs = [
    { label: t("areas.title") },
    ...ancestors.map((ancestor) => ({ label: name(ancestor), to: `/areas/${ancestor.code}` })),
    { label: name(area) },
  ];

  return (
    <>
      <Breadcrumbs label={t("areas.breadcrumbs")} crumbs={crumbs} />
      <header className="page-header">
        <p className="eyebrow">{t(`areas.level.${area.level}`)}</p>
        <h1>
          {name(area)} <DemoBadge demo={area.demo} />
        </h1>
        <p className="muted">
          <span lang={language === "en" ? "th" : "en"}>{otherName(area)}</span> · {t("common.code")}{" "}
          <code>{area.code}</code>
        </p>
      </header>
      {load.status === "failed" && <ErrorNotice error={load.error} onRetry={reload} />}
      {level && (
        <section aria-labelledby="children-heading">
          <div className="section-bar">
            <h2 id="children-heading">
              {t(`areas.children.${area.level}`, { count: area.children.length })}
            </h2>
            {area.children.length > 8 && (
              <label className="filter">
                <span className="visually-hidden">{t("areas.filter")}</span>
                <input
                  type="search"
                  placeholder={t("areas.filter")}
                  value={filter}
                  onChange={(event) => setFilter(event.target.value)}
                />
              </label>
            )}
          </div>
          {area.children.length === 0 ? (
            <p className="muted">{t("areas.no_children")}</p>
          ) : (
            <ul className="area-list" data-testid="area-children">
              {children.map((child) => (
                <li key={child.code}>
                  <Link to={`/areas/${child.code}`} className="area-link">
                    <span className="area-name">{name(child)}</span>
                    <span className="area-other" lang={language === "en" ? "th" : "en"}>
                      {otherName(child)}
                    </span>
                    <span className="area-code">{child.code}</span>
                    <DemoBadge demo={child.demo} />
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
