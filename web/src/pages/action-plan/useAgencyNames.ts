// Agency names in the current language from the agency list (public), so a code is
// never shown; until the list arrives (or if it fails) the Thai name the API gave.
import { useMemo } from "react";
import { listAgencies } from "../../api/endpoints";
import { useLoad } from "../../components/useLoad";
import { useLanguage } from "../../i18n/language";

export interface AgencyNames {
  name: (code: string, fallback?: string) => string;
  codes: string[];
}

export function useAgencyNames(): AgencyNames {
  const { language } = useLanguage();
  const [load] = useLoad((signal) => listAgencies(signal), []);
  const agencies = load.status === "ready" ? load.data : null;
  return useMemo(() => {
    const byCode = new Map((agencies ?? []).map((agency) => [agency.code, agency]));
    return {
      name: (code: string, fallback?: string) => {
        const agency = byCode.get(code);
        if (!agency) return fallback || code;
        return language === "en" ? agency.name_en || agency.name_th : agency.name_th;
      },
      codes: [...byCode.keys()],
    };
  }, [agencies, language]);
}
