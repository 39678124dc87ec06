// Needs by district as bubbles placed where the districts are (north up); the
// bubble's area follows the count. Each bubble is a button that filters the list.
import type { DistrictCount } from "../../api/needs";
import { useLanguage } from "../../i18n/language";
import { project, tratDistrictPositions } from "./districtPositions";

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
  return (
    <svg
      className="district-map"
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={t("need.map")}
      data-testid="district-map"
    >
      {placed.map((count) => {
        const { x, y } = place(tratDistrictPositions[count.code]!);
        const radius = 5 + 17 * Math.sqrt(count.total / max);
        const name = (language === "en" ? count.name_en : count.name_th) ?? count.code;
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
            <text x={x} y={y + radius + 14} textAnchor="middle" className="bubble-name">
              {name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
