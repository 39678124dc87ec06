// Names for the codes records carry: agencies (one list, loaded once per page load)
// and areas (looked up by code as they appear). Pages show "สำนักงานการท่องเที่ยวและ
// กีฬาจังหวัดตราด", never "TRAT-MOTS"; a code is shown only until its name arrives or
// when no name exists.
import { useEffect, useState } from "react";
import { getArea, listAgencies } from "../api/endpoints";
import type { Agency, AreaSummary } from "../api/types";
import { useLanguage } from "../i18n/language";

let agencies: Promise<Map<string, Agency>> | null = null;
const areas = new Map<string, Promise<AreaSummary | null>>();

function loadAgencies(): Promise<Map<string, Agency>> {
  agencies ??= listAgencies()
    .then((list) => new Map(list.map((agency) => [agency.code, agency])))
    .catch(() => {
      agencies = null; // try again next time
      return new Map<string, Agency>();
    });
  return agencies;
}

function loadArea(code: string): Promise<AreaSummary | null> {
  let found = areas.get(code);
  if (!found) {
    found = getArea(code).catch(() => null);
    areas.set(code, found);
  }
  return found;
}

export interface Names {
  agency: (code: string | null | undefined) => string;
  area: (code: string | null | undefined) => string;
}

// `areaCodes`: the area codes the page shows (loaded as they appear).
export function useNames(areaCodes: string[] = []): Names {
  const { language } = useLanguage();
  const [agencyMap, setAgencyMap] = useState<Map<string, Agency>>(new Map());
  const [areaMap, setAreaMap] = useState<Map<string, AreaSummary>>(new Map());
  const key = [...new Set(areaCodes)].sort().join(",");

  useEffect(() => {
    let live = true;
    void loadAgencies().then((map) => live && setAgencyMap(map));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!key) return;
    let live = true;
    void Promise.all(key.split(",").map(loadArea)).then((found) => {
      if (!live) return;
      setAreaMap((current) => {
        const next = new Map(current);
        for (const area of found) if (area) next.set(area.code, area);
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [key]);

  const pick = (item: { name_th: string; name_en: string }) =>
    language === "en" ? item.name_en || item.name_th : item.name_th;
  return {
    agency: (code) => {
      if (!code) return "";
      const agency = agencyMap.get(code);
      return agency ? pick(agency) : code;
    },
    area: (code) => {
      if (!code) return "";
      const area = areaMap.get(code);
      return area ? pick(area) : code;
    },
  };
}
