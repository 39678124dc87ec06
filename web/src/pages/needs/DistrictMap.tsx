// Needs by district on Trat's map: approximate district shapes (components/map, drawn
// from the subdistrict offices' positions, not official boundaries — the map says
// so), darker where there are more needs, each district's count in a badge and its
// name beside it (labels never cover each other); subdistricts appear on zoom. Each
// district is a button that filters the list.
import type { DistrictCount } from "../../api/needs";
import { AreaMap } from "../../components/map/AreaMap";
import { useLanguage } from "../../i18n/language";

export function DistrictMap({
  counts,
  selected,
  onSelect,
}: {
  counts: DistrictCount[];
  selected: string | undefined;
  onSelect: (code: string) => void;
}) {
  const { t, language } = useLanguage();
  if (counts.length === 0) return null;
  return (
    <AreaMap
      testId="district-map"
      label={t("need.map")}
      selected={selected}
      onSelect={onSelect}
      districts={counts.map((count) => ({
        code: count.code,
        name: (language === "en" ? count.name_en : count.name_th) ?? count.code,
        value: count.total,
      }))}
    />
  );
}
