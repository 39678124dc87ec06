// Two versions side by side: what was added, removed, and each changed field
// with the "from" value on the left and the "to" value on the right. Without
// ?from=&to= it compares the latest version the reader may open with its base.
import { Link, useParams, useSearchParams } from "react-router";
import { getDiff, getPlan, listVersions } from "../../api/plan";
import type { DiffField, PlanNode, PlanVersion } from "../../api/plan";
import { useAuth } from "../../auth/auth";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useNames } from "../../components/useNames";
import type { Names } from "../../components/useNames";
import { useLanguage } from "../../i18n/language";
import { diffAreaCodes, diffFieldLabel, readableChange } from "./diffValues";
import { latestVersion, localText, planName } from "./planText";

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

function ChangeRow({ change, names }: { change: DiffField; names: Names }) {
  const { language } = useLanguage();
  const shown = readableChange(change, language, names);
  return (
    <tr>
      <th scope="row">{diffFieldLabel(change.field, language)}</th>
      <td className="diff-before">
        <del>{shown.before}</del>
      </td>
      <td className="diff-after">
        <ins>{shown.after}</ins>
      </td>
    </tr>
  );
}

// With no versions named: the latest version the reader may open against the one it
// was revised from (the public does not see drafts).
export function defaultPair(
  versions: PlanVersion[],
  readsDrafts: boolean,
): { from: number; to: number } | null {
  const open = versions.filter((version) => readsDrafts || version.status !== "draft");
  const latest = latestVersion(open);
  if (!latest) return null;
  const from = latest.based_on ?? latest.number - 1;
  return from >= 1 ? { from, to: latest.number } : null;
}

export function DiffPage() {
  const { planId: planIdText = "" } = useParams();
  const planId = Number(planIdText);
  const [params] = useSearchParams();
  const named = { from: Number(params.get("from") ?? "0"), to: Number(params.get("to") ?? "0") };
  const { t, language } = useLanguage();
  const { user, state } = useAuth();
  const readsDrafts = user !== null && user.role !== "public";
  useDocumentTitle(t("plan.compare"));
  const [planLoad] = useLoad((signal) => getPlan(planId, signal), [planId]);
  // No versions in the address: compare the latest with its base (from the version list).
  const [pairLoad] = useLoad(
    async (signal) => {
      if (named.from > 0 && named.to > 0) return named;
      return defaultPair(await listVersions(planId, signal), readsDrafts);
    },
    [planId, named.from, named.to, readsDrafts],
  );
  const pair = pairLoad.data;
  const [load, reload] = useLoad(
    (signal) =>
      pair && state.status !== "loading"
        ? getDiff(planId, pair.from, pair.to, signal)
        : Promise.resolve(null),
    [planId, pair?.from, pair?.to, state.status],
  );
  const diff = load.data;
  const plan = planLoad.data;
  const names = useNames(diff ? diffAreaCodes(diff.changed.flatMap((element) => element.changes)) : []);
  const from = diff?.from.number ?? pair?.from;
  const to = diff?.to.number ?? pair?.to;

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
      <h1>{from && to ? t("plan.compare_title", { from, to }) : t("plan.compare")}</h1>
      {pairLoad.status === "ready" && pair === null && <p className="muted">{t("plan.diff_single")}</p>}
      {pairLoad.status === "failed" && <ErrorNotice error={pairLoad.error} />}
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
                          <ChangeRow key={change.field} change={change} names={names} />
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
