// Trat's districts as approximate shapes (tratShapes: Voronoi cells of the subdistrict
// offices' positions, not official boundaries, and the map says so), shaded by a
// value, each a button; subdistricts with their names appear when zoomed in. Labels
// never cover one another: districts' are placed first (labelPlacement), then each
// subdistrict's label is kept only where it is free. Used by the needs page and the
// monitoring dashboards.
import { useEffect, useMemo, useRef, useState } from "react";
import type { PointerEvent as ReactPointerEvent } from "react";
import { getArea } from "../../api/endpoints";
import { useLanguage } from "../../i18n/language";
import { estimateWidth, placeLabels } from "../../pages/needs/labelPlacement";
import { pathOf, polygonCentroid, segmentsPath, type Point } from "./geometry";
import { tratShapes } from "./tratShapes";
import "./map.css";

export interface MapDistrict {
  code: string;
  name: string;
  value?: number; // shades the district (darker = more); shown in its badge
  valueText?: string; // the badge's text (default: the value)
}

interface View {
  k: number;
  x: number;
  y: number;
}

const fontSize = 12;
const subFontSize = 10.5;
const maxZoom = 6;
const subdistrictZoom = 1.9;

// Subdistrict names per district, loaded once per page load.
const subdistrictNames = new Map<string, Promise<Map<string, { th: string; en: string }>>>();
function loadSubdistrictNames(district: string) {
  let found = subdistrictNames.get(district);
  if (!found) {
    found = getArea(district)
      .then(
        (area) =>
          new Map(area.children.map((child) => [child.code, { th: child.name_th, en: child.name_en }])),
      )
      .catch(() => {
        subdistrictNames.delete(district);
        return new Map();
      });
    subdistrictNames.set(district, found);
  }
  return found;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function labelBox(x: number, y: number, anchor: "start" | "middle" | "end", text: string, size: number): Box {
  const width = estimateWidth(text, size);
  const left = anchor === "middle" ? x - width / 2 : anchor === "start" ? x : x - width;
  return { left, right: left + width, top: y - size, bottom: y - size + size * 1.3 };
}

function shade(fraction: number): string {
  // From a pale sea-blue to the brand's dark teal.
  const from = [223, 236, 242];
  const to = [11, 93, 122];
  const mix = from.map((f, i) => Math.round(f + (to[i]! - f) * Math.min(1, Math.max(0, fraction))));
  return `rgb(${mix.join(",")})`;
}

export function AreaMap({
  districts,
  selected,
  onSelect,
  label,
  testId,
}: {
  districts: MapDistrict[];
  selected?: string | undefined;
  onSelect?: (code: string) => void;
  label: string;
  testId?: string;
}) {
  const { t, language } = useLanguage();
  const shapes = tratShapes();
  const { width, height } = shapes;
  const [view, setView] = useState<View>({ k: 1, x: 0, y: 0 });
  const [names, setNames] = useState<Map<string, { th: string; en: string }>>(new Map());
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean } | null>(null);
  const zoomedIn = view.k >= subdistrictZoom;

  useEffect(() => {
    if (!zoomedIn || names.size > 0) return;
    let live = true;
    const codes = [...new Set(shapes.cells.map((cell) => cell.district))];
    void Promise.all(codes.map(loadSubdistrictNames)).then((maps) => {
      if (live) setNames(new Map(maps.flatMap((map) => [...map])));
    });
    return () => {
      live = false;
    };
  }, [zoomedIn, names.size, shapes]);

  const byCode = useMemo(() => new Map(districts.map((d) => [d.code, d])), [districts]);
  const max = Math.max(1, ...districts.map((d) => d.value ?? 0));
  const toScreen = (p: Point): Point => [p[0] * view.k + view.x, p[1] * view.k + view.y];

  // Labels in screen units (the same size at every zoom), computed for this view.
  const labels = useMemo(() => {
    const shown = districts.filter((d) => shapes.anchors.has(d.code));
    const badge = (d: MapDistrict) => (d.value !== undefined ? 11 : 3);
    const bubbles = shown.map((d) => {
      const [x, y] = toScreen(shapes.anchors.get(d.code)!);
      return { key: d.code, x, y, radius: badge(d), label: d.name };
    });
    const placed = placeLabels(bubbles, fontSize);
    const taken: Box[] = [
      ...bubbles.map((b) => ({
        left: b.x - b.radius,
        right: b.x + b.radius,
        top: b.y - b.radius,
        bottom: b.y + b.radius,
      })),
      ...placed.map((p, i) => labelBox(p.x, p.y, p.anchor, bubbles[i]!.label, fontSize)),
    ];
    // Zoomed in, a district's name that would be cut at the edge is left out.
    const districtLabels = placed
      .map((p, i) => ({ ...p, text: bubbles[i]!.label, bubble: bubbles[i]! }))
      .filter((label) => {
        const box = labelBox(label.x, label.y, label.anchor, label.text, fontSize);
        return view.k === 1 || (box.left >= 0 && box.right <= width && box.top >= 0 && box.bottom <= height);
      });
    const subLabels: { key: string; x: number; y: number; text: string }[] = [];
    if (zoomedIn) {
      for (const cell of shapes.cells) {
        const name = names.get(cell.code);
        if (!name) continue;
        const text = language === "en" ? name.en || name.th : name.th;
        const [x, y] = toScreen(polygonCentroid(cell.polygon));
        if (x < 0 || y < 0 || x > width || y > height) continue;
        const box = labelBox(x, y + subFontSize / 3, "middle", text, subFontSize);
        if (box.left < 0 || box.right > width) continue;
        if (taken.some((other) => overlaps(box, other))) continue;
        taken.push(box);
        subLabels.push({ key: cell.code, x, y: y + subFontSize / 3, text });
      }
    }
    return { districtLabels, subLabels };
    // toScreen depends on view only.
  }, [districts, shapes, view, zoomedIn, names, language, width, height]);

  function clampView(next: View): View {
    const k = Math.min(maxZoom, Math.max(1, next.k));
    return {
      k,
      x: Math.min(0, Math.max(width - width * k, next.x)),
      y: Math.min(0, Math.max(height - height * k, next.y)),
    };
  }

  function zoomBy(factor: number, centre?: Point) {
    setView((current) => {
      const c = centre ?? [width / 2, height / 2];
      const k = Math.min(maxZoom, Math.max(1, current.k * factor));
      return clampView({
        k,
        x: c[0] - (c[0] - current.x) * (k / current.k),
        y: c[1] - (c[1] - current.y) * (k / current.k),
      });
    });
  }

  function zoomIn() {
    // Towards the chosen district when there is one.
    const anchor = selected ? shapes.anchors.get(selected) : undefined;
    if (anchor) {
      setView((current) => {
        const k = Math.min(maxZoom, current.k * 1.6);
        return clampView({ k, x: width / 2 - anchor[0] * k, y: height / 2 - anchor[1] * k });
      });
    } else zoomBy(1.6);
  }

  function unitsPerPixel(): number {
    const rect = svgRef.current?.getBoundingClientRect();
    return rect && rect.width > 0 ? Math.max(width / rect.width, height / rect.height) : 1;
  }

  function onPointerDown(event: ReactPointerEvent<SVGSVGElement>) {
    if (event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY, view, moved: false };
  }
  function onPointerMove(event: ReactPointerEvent<SVGSVGElement>) {
    const start = drag.current;
    if (!start || view.k === 1) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!start.moved && Math.hypot(dx, dy) < 5) return;
    start.moved = true;
    const scale = unitsPerPixel();
    setView(clampView({ k: start.view.k, x: start.view.x + dx * scale, y: start.view.y + dy * scale }));
  }
  function onPointerUp() {
    // A drag that moved is not a click on the district under it.
    const moved = drag.current?.moved ?? false;
    drag.current = null;
    if (moved) {
      const stop = (event: Event) => {
        event.stopPropagation();
        window.removeEventListener("click", stop, true);
      };
      window.addEventListener("click", stop, true);
      setTimeout(() => window.removeEventListener("click", stop, true), 0);
    }
  }

  const districtCodes = [...new Set(shapes.cells.map((cell) => cell.district))];
  const transform = `translate(${view.x.toFixed(2)} ${view.y.toFixed(2)}) scale(${view.k.toFixed(4)})`;

  return (
    <figure className="area-map" data-testid={testId}>
      <div className="area-map-tools" role="group" aria-label={t("map.zoom")}>
        <button type="button" className="button small" onClick={zoomIn} disabled={view.k >= maxZoom}>
          +<span className="visually-hidden"> {t("map.zoom_in")}</span>
        </button>
        <button type="button" className="button small" onClick={() => zoomBy(1 / 1.6)} disabled={view.k <= 1}>
          −<span className="visually-hidden"> {t("map.zoom_out")}</span>
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => setView({ k: 1, x: 0, y: 0 })}
          disabled={view.k === 1}
        >
          {t("map.whole_province")}
        </button>
        <span className="muted small-print">
          {zoomedIn ? t("map.level_subdistrict") : t("map.level_district")}
        </span>
      </div>
      <svg
        ref={svgRef}
        className={`area-map-svg${view.k > 1 ? " zoomed" : ""}`}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={label}
        data-zoom={view.k.toFixed(2)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => (drag.current = null)}
      >
        <rect className="area-map-sea" x={0} y={0} width={width} height={height} />
        <g transform={transform}>
          {districtCodes.map((code) => {
            const district = byCode.get(code);
            const name = district?.name ?? code;
            const current = selected === code;
            const cells = shapes.cells.filter((cell) => cell.district === code);
            const fill = current
              ? "#f2c14e"
              : shade(district?.value !== undefined ? district.value / max : 0.15);
            const interactive = onSelect !== undefined && district !== undefined;
            const valueText =
              district?.valueText ?? (district?.value !== undefined ? String(district.value) : "");
            return (
              <g
                key={code}
                className={`area-map-district${current ? " current" : ""}${interactive ? " interactive" : ""}`}
                data-code={code}
                role={interactive ? "button" : undefined}
                tabIndex={interactive ? 0 : undefined}
                aria-pressed={interactive ? current : undefined}
                aria-label={district ? `${name}${valueText ? `: ${valueText}` : ""}` : undefined}
                onClick={interactive ? () => onSelect(code) : undefined}
                onKeyDown={
                  interactive
                    ? (event) => {
                        if (event.key === "Enter" || event.key === " ") {
                          event.preventDefault();
                          onSelect(code);
                        }
                      }
                    : undefined
                }
              >
                <title>{name}</title>
                {cells.map((cell) => (
                  <path
                    key={cell.code}
                    d={pathOf(cell.polygon)}
                    fill={fill}
                    stroke={zoomedIn ? "rgba(255,255,255,0.9)" : fill}
                    strokeWidth={zoomedIn ? 1 : 0.6}
                    vectorEffect="non-scaling-stroke"
                    data-subdistrict={cell.code}
                  />
                ))}
                <path
                  className="area-map-outline"
                  d={segmentsPath(shapes.outlines.get(code) ?? [])}
                  vectorEffect="non-scaling-stroke"
                />
              </g>
            );
          })}
        </g>
        <g className="area-map-labels" aria-hidden="true">
          {labels.subLabels.map((label) => (
            <text key={label.key} x={label.x} y={label.y} textAnchor="middle" className="area-map-sublabel">
              {label.text}
            </text>
          ))}
          {labels.districtLabels.map((label) => {
            const district = byCode.get(label.key);
            const { x, y, radius } = label.bubble;
            return (
              <g key={label.key} data-label={label.key}>
                {district?.value !== undefined ? (
                  <>
                    <circle cx={x} cy={y} r={radius} className="area-map-badge" />
                    <text x={x} y={y + 4} textAnchor="middle" className="area-map-badge-text">
                      {district.valueText ?? district.value}
                    </text>
                  </>
                ) : (
                  <circle cx={x} cy={y} r={radius} className="area-map-dot" />
                )}
                <text x={label.x} y={label.y} textAnchor={label.anchor} className="area-map-label">
                  {label.text}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption className="area-map-note" data-testid="map-note">
        <span lang="th">
          รูปร่างของอำเภอและตำบลเป็นค่าประมาณ วาดจากพิกัดที่ทำการตำบล ไม่ใช่แนวเขตการปกครองทางราชการ
        </span>{" "}
        <span lang="en">
          Shapes are approximate, drawn from the subdistrict offices&apos; coordinates; they are not official
          boundaries.
        </span>
      </figcaption>
    </figure>
  );
}
