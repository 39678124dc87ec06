// Choosing one element of a plan by searching its tree: type words of the text or
// the code, and the matching elements stay in view with the branches above them
// (so a guideline is seen under its strategy). Only `selectable` kinds can be chosen.
import { useId, useMemo, useState } from "react";
import type { ElementKind, TreeNode } from "../../api/plan";
import { ThaiText } from "../../components/ThaiText";
import { matchesFilter } from "../../format/sort";
import { useLanguage } from "../../i18n/language";
import { localText, visibleForFilter } from "./planText";

export function TreePicker({
  nodes,
  selectable,
  excluded,
  value,
  onChange,
  label,
}: {
  nodes: TreeNode[];
  selectable: ElementKind[];
  excluded: Set<number>;
  value: number | null;
  onChange: (id: number | null) => void;
  label: string;
}) {
  const { t, language } = useLanguage();
  const id = useId();
  const [filter, setFilter] = useState("");
  const canPick = (node: TreeNode) => selectable.includes(node.kind) && !excluded.has(node.id);
  const visible = useMemo(
    () =>
      visibleForFilter(
        nodes,
        (node) => canPick(node) && matchesFilter(filter, node.text_th, node.text_en ?? "", node.code ?? ""),
      ),
    // canPick depends on selectable and excluded only.
    [nodes, filter, selectable, excluded],
  );
  const count = useMemo(() => {
    let total = 0;
    const walk = (list: TreeNode[]) =>
      list.forEach((node) => {
        if (
          visible.has(node.id) &&
          canPick(node) &&
          matchesFilter(filter, node.text_th, node.text_en ?? "", node.code ?? "")
        )
          total += 1;
        walk(node.children);
      });
    walk(nodes);
    return total;
  }, [nodes, visible, filter]);

  const render = (list: TreeNode[]) => (
    <ul>
      {list
        .filter((node) => visible.has(node.id))
        .map((node) => (
          <li key={node.id}>
            {canPick(node) ? (
              <label className="picker-option">
                <input
                  type="radio"
                  name={`${id}-choice`}
                  value={node.id}
                  checked={value === node.id}
                  onChange={() => onChange(node.id)}
                />
                <span className={`kind kind-${node.kind}`}>{t(`plan.kind.${node.kind}`)}</span>
                {node.code && <code className="node-code">{node.code}</code>}
                <span>
                  <ThaiText>{localText(node, language)}</ThaiText>
                </span>
              </label>
            ) : (
              <span className="picker-branch">
                <span className={`kind kind-${node.kind}`}>{t(`plan.kind.${node.kind}`)}</span>
                {node.code && <code className="node-code">{node.code}</code>}
                <span>
                  <ThaiText>{localText(node, language)}</ThaiText>
                </span>
              </span>
            )}
            {node.children.length > 0 && render(node.children)}
          </li>
        ))}
    </ul>
  );

  return (
    <div className="tree-picker" data-testid="tree-picker">
      <div className="field">
        <label htmlFor={`${id}-search`}>{label}</label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder={t("plan.picker_search")}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          aria-controls={`${id}-tree`}
        />
      </div>
      <p className="muted small-print" aria-live="polite">
        {t("plan.picker_count", { count })}
      </p>
      <div id={`${id}-tree`} className="picker-tree" role="radiogroup" aria-label={label}>
        {count > 0 ? render(nodes) : <p className="muted">{t("plan.no_match")}</p>}
      </div>
    </div>
  );
}
