// Needs by district as bubbles placed where the districts are (north up); the
// bubble's area follows the count; labels are placed so that none covers another.
// Each bubble is a button that filters the list. (No district boundaries: no open
// dataset of Trat's boundaries is available offline to this project yet.)
import type { DistrictCount } from "../../api/needs";
import { useLanguage } from "../../i18n/language";
import { project, tratDistrictPositions } from "./districtPositions";
import { placeLabels } from "./labelPlacement";

const width = 420;
const height = 320;

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
  const placed = counts.filter((count) => tratDistrictPositions[count.code]);
  if (placed.length === 0) return null;
  const place = project(Object.values(tratDistrictPositions), width, height, 36);
  const max = Math.max(1, ...placed.map((count) => count.total));
  const radiusOf = (total: number) => 5 + 17 * Math.sqrt(total / max);
  const nameOf = (count: DistrictCount) => (language === "en" ? count.name_en : count.name_th) ?? count.code;
  // Labels beside their bubbles without covering each other (แหลมงอบ and เกาะช้าง are close).
  const labels = placeLabels(
    placed.map((count) => ({
      key: count.code,
      ...place(tratDistrictPositions[count.code]!),
      radius: radiusOf(count.total),
      label: nameOf(count),
    })),
  );
  return (
    <svg
      className="district-map"
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={t("need.map")}
      data-testid="district-map"
    >
      {placed.map((count, index) => {
        const { x, y } = place(tratDistrictPositions[count.code]!);
        const radius = radiusOf(count.total);
        const name = nameOf(count);
        const label = labels[index]!;
        const current = selected === count.code;
        return (
          <g
            key={count.code}
            role="button"
            tabIndex={0}
            aria-pressed={current}
            aria-label={`${name}: ${count.total}`}
            className={current ? "bubble current" : "bubble"}
            onClick={() => onSelect(count.code)}
            onKeyDown={(event) => {
              if (event.key === "Enter" || event.key === " ") {
                event.preventDefault();
                onSelect(count.code);
              }
            }}
          >
            <circle cx={x} cy={y} r={radius} />
            <text x={x} y={y + 4} textAnchor="middle" className="bubble-count">
              {count.total}
            </text>
            <text x={label.x} y={label.y} textAnchor={label.anchor} className="bubble-name">
              {name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
