// The plan as nested lists whose branches open and close (disclosure buttons), filters as you type, and (in an open
// draft, for editors) reorders siblings by dragging or with the up/down buttons.
import { useState } from "react";
import type { DragEvent } from "react";
import { Link } from "react-router";
import type { TreeNode, VersionChoice } from "../../api/plan";
import { DemoBadge } from "../../components/DemoBadge";
import { ThaiText } from "../../components/ThaiText";
import { formatSatang } from "../../format/money";
import { formatNumber, sharedDecimals } from "../../format/number";
import { useLanguage } from "../../i18n/language";
import { AddElementForm } from "./AddElementForm";
import { localText } from "./planText";

export interface TreeActions {
  planId: number;
  version: VersionChoice;
  editable: boolean;
  expanded: Set<number>;
  toggle: (id: number) => void;
  visible: Set<number> | null; // null: no filter
  move: (node: TreeNode, siblings: TreeNode[], position: number) => void;
  changed: () => void;
}

function versionQuery(version: VersionChoice): string {
  return version === undefined ? "" : `?version=${version}`;
}

function NodeSummary({ node }: { node: TreeNode }) {
  const { t, language } = useLanguage();
  if (node.kind === "kpi") {
    const unit = language === "en" ? node.unit_en || node.unit_th : node.unit_th;
    const targets = Object.entries(node.targets ?? {}).filter(
      (entry): entry is [string, number] => typeof entry[1] === "number",
    );
    if (targets.length === 0) return null;
    const decimals = sharedDecimals(targets.map(([, value]) => value));
    return (
      <span className="node-extra">
        {t("plan.targets")}:{" "}
        {targets
          .map(([year, value]) => `${year}: ${formatNumber(value, language, { decimals })}`)
          .join(" · ")}{" "}
        {unit}
      </span>
    );
  }
  if (node.kind === "project" && node.budget_satang !== undefined) {
    return (
      <span className="node-extra">
        {formatSatang(node.budget_satang, language)}
        {node.project_kind === "reserve" && <span className="badge">{t("plan.reserve")}</span>}
      </span>
    );
  }
  return null;
}

function TreeItem({
  node,
  siblings,
  index,
  depth,
  actions,
  dragged,
  setDragged,
}: {
  node: TreeNode;
  siblings: TreeNode[];
  index: number;
  depth: number;
  actions: TreeActions;
  dragged: TreeNode | null;
  setDragged: (node: TreeNode | null) => void;
}) {
  const { t, language } = useLanguage();
  const [adding, setAdding] = useState(false);
  const [dropTarget, setDropTarget] = useState(false);
  if (actions.visible && !actions.visible.has(node.id)) return null;
  const open = actions.expanded.has(node.id) || actions.visible !== null;
  const hasChildren = node.children.length > 0;
  const text = localText(node, language);
  const sameParent = dragged !== null && dragged.parent_id === node.parent_id && dragged.id !== node.id;

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDropTarget(false);
    if (dragged && sameParent) actions.move(dragged, siblings, index);
    setDragged(null);
  };

  return (
    <li className="tree-item" data-id={node.id} data-depth={depth}>
      <div
        className={`tree-row${dropTarget ? " drop-target" : ""}${dragged?.id === node.id ? " dragging" : ""}`}
        draggable={actions.editable}
        onDragStart={(event) => {
          event.stopPropagation();
          event.dataTransfer.effectAllowed = "move";
          event.dataTransfer.setData("text/plain", String(node.id));
          setDragged(node);
        }}
        onDragEnd={() => setDragged(null)}
        onDragOver={(event) => {
          if (!sameParent) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = "move";
          setDropTarget(true);
        }}
        onDragLeave={() => setDropTarget(false)}
        onDrop={onDrop}
      >
        {hasChildren ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={open}
            aria-label={t(open ? "plan.collapse_label" : "plan.expand_label", { text })}
            onClick={() => actions.toggle(node.id)}
          >
            {open ? "▾" : "▸"}
          </button>
        ) : (
          <span className="tree-toggle" aria-hidden="true" />
        )}
        <span className={`kind kind-${node.kind}`}>{t(`plan.kind.${node.kind}`)}</span>
        {node.code && <code className="node-code">{node.code}</code>}
        <Link
          className="node-text"
          to={`/plan/${actions.planId}/elements/${node.id}${versionQuery(actions.version)}`}
        >
          <ThaiText>{text}</ThaiText>
        </Link>
        <DemoBadge demo={node.demo} />
        <NodeSummary node={node} />
        {actions.editable && (
          <span className="node-actions">
            <button
              type="button"
              className="button small"
              disabled={index === 0}
              aria-label={t("plan.move_up_label", { text })}
              onClick={() => actions.move(node, siblings, index - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="button small"
              disabled={index === siblings.length - 1}
              aria-label={t("plan.move_down_label", { text })}
              onClick={() => actions.move(node, siblings, index + 1)}
            >
              ↓
            </button>
            {node.kind !== "kpi" && node.kind !== "project" && node.kind !== "vision" && (
              <button
                type="button"
                className="button small"
                aria-label={t("plan.add_under_label", { text })}
                onClick={() => setAdding(true)}
              >
                {t("plan.add_under")}
              </button>
            )}
          </span>
        )}
      </div>
      {adding && (
        <AddElementForm
          planId={actions.planId}
          parent={node}
          onAdded={() => {
            setAdding(false);
            if (!actions.expanded.has(node.id)) actions.toggle(node.id);
            actions.changed();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {hasChildren && open && (
        <ul>
          {node.children.map((child, childIndex) => (
            <TreeItem
              key={child.id}
              node={child}
              siblings={node.children}
              index={childIndex}
              depth={depth + 1}
              actions={actions}
              dragged={dragged}
              setDragged={setDragged}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

export function PlanTreeView({
  nodes,
  actions,
  label,
}: {
  nodes: TreeNode[];
  actions: TreeActions;
  label: string;
}) {
  const [dragged, setDragged] = useState<TreeNode | null>(null);
  return (
    <ul aria-label={label} className="tree" data-testid="plan-tree">
      {nodes.map((node, index) => (
        <TreeItem
          key={node.id}
          node={node}
          siblings={nodes}
          index={index}
          depth={0}
          actions={actions}
          dragged={dragged}
          setDragged={setDragged}
        />
      ))}
    </ul>
  );
}
