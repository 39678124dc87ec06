// Two versions side by side: what was added, removed, and each changed field
// with the "from" value on the left and the "to" value on the right.
import { Link, useParams, useSearchParams } from "react-router";
import { getDiff, getPlan } from "../../api/plan";
import type { DiffField, PlanNode } from "../../api/plan";
import type { JsonValue } from "../../api/types";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { displayValue } from "../../format/diff";
import { useLanguage } from "../../i18n/language";
import { localText, planName } from "./planText";

// "targets.2570" -> "ค่าเป้าหมาย ปีงบประมาณ 2570"; other fields keep their name.
function useFieldLabel() {
  const { t } = useLanguage();
  return (field: string): string => {
    const target = /^targets\.(\d{4})$/.exec(field);
    if (target) return t("plan.target_field", { year: target[1] ?? "" });
    const known: Record<string, string> = {
      text_th: t("plan.text_th"),
      text_en: t("plan.text_en"),
      code: t("common.code"),
      parent_id: t("plan.parent"),
      description_th: t("plan.description"),
      alignments: t("plan.alignment"),
      "project.budget_satang": t("plan.budget"),
    };
    return known[field] ?? field;
  };
}

function ElementList({ nodes, planId, version }: { nodes: PlanNode[]; planId: number; version: number }) {
  const { t, language } = useLanguage();
  return (
    <ul>
      {nodes.map((node) => (
        <li key={node.id}>
          <span className={`kind kind-${node.kind}`}>{t(`plan.kind.${node.kind}`)}</span>{" "}
          {node.code && <code>{node.code}</code>}{" "}
          <Link to={`/plan/${planId}/elements/${node.id}?version=${version}`}>
            {localText(node, language)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function ChangeRow({ change, label }: { change: DiffField; label: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="diff-before">
        <del>{displayValue(change.before as JsonValue)}</del>
      </td>
      <td className="diff-after">
        <ins>{displayValue(change.after as JsonValue)}</ins>
      </td>
    </tr>
  );
}

export function DiffPage() {
  const { planId: planIdText = "" } = useParams();
  const planId = Number(planIdText);
  const [params] = useSearchParams();
  const from = Number(params.get("from") ?? "0");
  const to = Number(params.get("to") ?? "0");
  const { t, language } = useLanguage();
  const fieldLabel = useFieldLabel();
  useDocumentTitle(t("plan.compare"));
  const [planLoad] = useLoad((signal) => getPlan(planId, signal), [planId]);
  const [load, reload] = useLoad((signal) => getDiff(planId, from, to, signal), [planId, from, to]);
  const diff = load.data;
  const plan = planLoad.data;

  return (
    <>
      <Breadcrumbs
        label={t("plan.breadcrumbs")}
        crumbs={[
          { label: t("nav.plan"), to: "/plan" },
          { label: plan ? planName(plan, language) : "…", to: `/plan/${planId}` },
          { label: t("plan.versions"), to: `/plan/${planId}/versions` },
          { label: t("plan.compare") },
        ]}
      />
      <h1>{t("plan.compare_title", { from, to })}</h1>
      {load.status === "failed" && <ErrorNotice error={load.error} onRetry={reload} />}
      {load.status === "loading" && !diff && <Loading />}
      {diff && (
        <>
          <p className="diff-summary" data-testid="diff-summary">
            {t("plan.diff_summary", {
              added: diff.summary.added,
              removed: diff.summary.removed,
              changed: diff.summary.changed,
              targets: diff.summary.target_changes,
            })}
          </p>
          {diff.added.length > 0 && (
            <section className="panel">
              <h2>{t("plan.diff_added")}</h2>
              <ElementList nodes={diff.added} planId={planId} version={diff.to.number} />
            </section>
          )}
          {diff.removed.length > 0 && (
            <section className="panel">
              <h2>{t("plan.diff_removed")}</h2>
              <ElementList nodes={diff.removed} planId={planId} version={diff.from.number} />
            </section>
          )}
          {diff.changed.length > 0 && (
            <section aria-labelledby="changed-heading">
              <h2 id="changed-heading">{t("plan.diff_changed")}</h2>
              {diff.changed.map((element) => (
                <article
                  key={element.id}
                  className="panel diff-element"
                  data-testid="diff-element"
                  data-id={element.id}
                >
                  <h3>
                    <span className={`kind kind-${element.kind}`}>{t(`plan.kind.${element.kind}`)}</span>{" "}
                    {element.code && <code>{element.code}</code>}{" "}
                    <Link to={`/plan/${planId}/elements/${element.id}?version=${diff.to.number}`}>
                      {element.text_th}
                    </Link>
                  </h3>
                  <div className="table-wrap">
                    <table className="table diff side-by-side">
                      <thead>
                        <tr>
                          <th scope="col">{t("audit.field")}</th>
                          <th scope="col">{t("plan.version_number", { number: diff.from.number })}</th>
                          <th scope="col">{t("plan.version_number", { number: diff.to.number })}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {element.changes.map((change) => (
                          <ChangeRow key={change.field} change={change} label={fieldLabel(change.field)} />
                        ))}
                      </tbody>
                    </table>
                  </div>
                </article>
              ))}
            </section>
          )}
          {diff.added.length + diff.removed.length + diff.changed.length === 0 && (
            <p className="muted">{t("plan.diff_none")}</p>
          )}
        </>
      )}
    </>
  );
}
