// A transmission chain as SVG: cases in rows by generation (a case below its source),
// each case's contacts in a row under it. The server never sends more than 2,000
// nodes, so the drawing stays a few thousand elements (docs: /health/chains).
import { useMemo } from "react";
import { useLanguage } from "../../i18n/language";

export interface ChainNode {
  id: string;
  kind: string;
  record_id: number;
  label: string;
  classification: string | null;
  status: string | null;
}
export interface ChainEdge {
  from: string;
  to: string;
  kind: string;
}

const colours: Record<string, string> = {
  confirmed: "#c0392b",
  probable: "#e67e22",
  suspect: "#f1c40f",
  pui: "#95a5a6",
  not_a_case: "#bdc3c7",
};

export function layout(nodes: ChainNode[], edges: ChainEdge[]) {
  const parent = new Map<string, string>();
  for (const edge of edges) parent.set(edge.to, edge.from);
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen = new Set<string>()): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const value = up && !seen.has(up) ? depthOf(up, new Set(seen).add(id)) + 1 : 0;
    depth.set(id, value);
    return value;
  };
  const rows = new Map<number, string[]>();
  for (const node of nodes) {
    const d = depthOf(node.id);
    rows.set(d, [...(rows.get(d) ?? []), node.id]);
  }
  const position = new Map<string, { x: number; y: number }>();
  let width = 0;
  for (const [d, ids] of rows) {
    ids.forEach((id, i) => position.set(id, { x: 20 + i * 24, y: 20 + d * 60 }));
    width = Math.max(width, 40 + ids.length * 24);
  }
  return { position, width, height: 40 + rows.size * 60 };
}

export function ChainGraph({
  nodes,
  edges,
  truncated,
  highlight,
}: {
  nodes: ChainNode[];
  edges: ChainEdge[];
  truncated: boolean;
  highlight?: string;
}) {
  const { pick } = useLanguage();
  const { position, width, height } = useMemo(() => layout(nodes, edges), [nodes, edges]);
  return (
    <figure>
      <svg
        className="health-chain"
        viewBox={`0 0 ${Math.max(width, 200)} ${height}`}
        role="img"
        aria-label={pick({ th: "ห่วงโซ่การแพร่เชื้อ", en: "Transmission chain" })}
        data-testid="chain-graph"
        data-nodes={nodes.length}
      >
        {edges.map((edge) => {
          const a = position.get(edge.from);
          const b = position.get(edge.to);
          if (!a || !b) return null;
          return (
            <line
              key={`${edge.from}-${edge.to}`}
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              stroke={edge.kind === "source" ? "#c0392b" : "#aaa"}
              strokeWidth={edge.kind === "source" ? 2 : 1}
              data-edge={`${edge.from}>${edge.to}`}
            />
          );
        })}
        {nodes.map((node) => {
          const p = position.get(node.id);
          if (!p) return null;
          return (
            <g key={node.id} data-node={node.id}>
              {node.kind === "case" ? (
                <circle
                  cx={p.x}
                  cy={p.y}
                  r={node.id === highlight ? 11 : 8}
                  fill={colours[node.classification ?? ""] ?? "#888"}
                  stroke="#333"
                />
              ) : (
                <rect x={p.x - 5} y={p.y - 5} width={10} height={10} fill="#3498db" />
              )}
              <title>{node.label}</title>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {pick({ th: `${nodes.length} จุด`, en: `${nodes.length} nodes` })}
        {truncated &&
          pick({ th: " (แสดงไม่เกิน 2,000 จุด มีมากกว่านี้)", en: " (at most 2,000 shown; more exist)" })}
      </figcaption>
    </figure>
  );
}
