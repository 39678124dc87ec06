// Small helpers shared by the plan pages.
import type { Plan, PlanVersion, TreeNode, VersionStatus } from "../../api/plan";
import type { Role } from "../../api/types";

export const planEditors: Role[] = ["admin", "strategy_officer"];

export function versionLabelKey(status: VersionStatus) {
  return `plan.status.${status}` as const;
}

// The text in the current language, falling back to Thai when there is no English.
export function localText(item: { text_th: string; text_en?: string | null }, language: "th" | "en"): string {
  return language === "en" ? item.text_en || item.text_th : item.text_th;
}

export function planName(plan: { name_th: string; name_en: string }, language: "th" | "en"): string {
  return language === "en" ? plan.name_en || plan.name_th : plan.name_th;
}

export function latestVersion(versions: PlanVersion[]): PlanVersion | undefined {
  return versions.reduce<PlanVersion | undefined>(
    (latest, version) => (!latest || version.number > latest.number ? version : latest),
    undefined,
  );
}

export function fiscalYears(plan: Pick<Plan, "period">): number[] {
  const years: number[] = [];
  for (let year = plan.period.first_fiscal_year; year <= plan.period.last_fiscal_year; year += 1)
    years.push(year);
  return years;
}

// Every node of the tree, depth first, with its depth and its parent.
export function flatten(nodes: TreeNode[], depth = 0, parent: TreeNode | null = null) {
  const out: { node: TreeNode; depth: number; parent: TreeNode | null }[] = [];
  for (const node of nodes) {
    out.push({ node, depth, parent });
    out.push(...flatten(node.children, depth + 1, node));
  }
  return out;
}

// Ids of nodes that match the filter, plus all their ancestors (so matches stay
// reachable in the tree); null when there is no filter.
export function visibleForFilter(nodes: TreeNode[], matches: (node: TreeNode) => boolean): Set<number> {
  const visible = new Set<number>();
  const walk = (node: TreeNode): boolean => {
    let keep = matches(node);
    for (const child of node.children) keep = walk(child) || keep;
    if (keep) visible.add(node.id);
    return keep;
  };
  nodes.forEach(walk);
  return visible;
}

// Moves `id` to `position` among `siblings` and returns the new order of ids.
export function reorder(siblings: number[], id: number, position: number): number[] {
  const rest = siblings.filter((item) => item !== id);
  const clamped = Math.max(0, Math.min(position, rest.length));
  return [...rest.slice(0, clamped), id, ...rest.slice(clamped)];
}
