// One plan: its tree in the chosen version (?version=draft|N, none = in force),
// search, and the version actions (approve the draft, start a revision).
import { useMemo, useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { getPlan, getTree, moveElement, startRevision } from "../../api/plan";
import type { TreeNode, VersionChoice } from "../../api/plan";
import { search } from "../../api/needs";
import type { SearchResult } from "../../api/needs";
import { useAuth } from "../../auth/auth";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatDateTime } from "../../format/date";
import { personName } from "../../format/person";
import { matchesFilter } from "../../format/sort";
import { useLanguage } from "../../i18n/language";
import { AddElementForm } from "./AddElementForm";
import { ApproveDialog } from "./ApproveDialog";
import { PlanTreeView } from "./PlanTreeView";
import { flatten, planEditors, planName, versionLabelKey, visibleForFilter } from "./planText";

export function parseVersion(text: string | null): VersionChoice {
  if (text === "draft") return "draft";
  const number = Number(text);
  return text && Number.isInteger(number) && number > 0 ? number : undefined;
}

function SearchResults({ result, planId }: { result: SearchResult; planId: number }) {
  const { t, language } = useLanguage();
  return (
    <section className="panel" aria-labelledby="search-results-heading" data-testid="search-results">
      <h2 id="search-results-heading">{t("plan.search_results", { query: result.query })}</h2>
      <h3>{t("plan.search_projects", { count: result.projects.total })}</h3>
      <ul>
        {result.projects.items.map((hit) => (
          <li key={`${hit.plan_id}-${hit.element_id}`}>
            <Link to={`/plan/${hit.plan_id}/elements/${hit.element_id}`}>
              {hit.code && <code>{hit.code}</code>}{" "}
              {language === "en" ? hit.text_en || hit.text_th : hit.text_th}
            </Link>
            {hit.plan_id !== planId && <span className="muted"> · {t("plan.other_plan")}</span>}
          </li>
        ))}
      </ul>
      <h3>{t("plan.search_needs", { count: result.needs.total })}</h3>
      <ul>
        {result.needs.items.map((need) => (
          <li key={need.id}>
            <Link to={`/needs/${need.id}`}>{need.title}</Link>
            {need.area && (
              <span className="muted"> · {language === "en" ? need.area.name_en : need.area.name_th}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PlanPage() {
  const { planId: planIdText = "" } = useParams();
  const planId = Number(planIdText);
  const [params, setParams] = useSearchParams();
  const version = parseVersion(params.get("version"));
  const { t, language } = useLanguage();
  const { hasRole, user } = useAuth();
  // The public may not open drafts: no tab leads to "please sign in".
  const readsDrafts = user !== null && user.role !== "public";
  const navigate = useNavigate();
  const [planLoad, reloadPlan] = useLoad((signal) => getPlan(planId, signal), [planId]);
  const [treeLoad, reloadTree] = useLoad((signal) => getTree(planId, version, signal), [planId, version]);
  const [expanded, setExpanded] = useState<Set<number> | null>(null);
  const [filter, setFilter] = useState("");
  const [adding, setAdding] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [searchResult, setSearchResult] = useState<SearchResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [approving, setApproving] = useState(false);

  const plan = planLoad.data;
  const tree = treeLoad.data;
  useDocumentTitle(plan ? planName(plan, language) : t("nav.plan"));

  // Opened at first: the top level and its children.
  const openIds = useMemo(() => {
    if (expanded) return expanded;
    const ids = new Set<number>();
    for (const node of tree?.children ?? []) ids.add(node.id);
    return ids;
  }, [expanded, tree]);

  const visible = useMemo(() => {
    if (!tree || !filter.trim()) return null;
    return visibleForFilter(tree.children, (node) =>
      matchesFilter(filter, node.text_th, node.text_en, node.code ?? ""),
    );
  }, [tree, filter]);

  const editable = hasRole(...planEditors) && tree?.status === "draft";

  function toggle(id: number) {
    const next = new Set(openIds);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  }

  async function act(action: () => Promise<unknown>, after: () => void) {
    setBusy(true);
    setActionError(null);
    setNotice(null);
    try {
      await action();
      after();
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
    }
  }

  function move(node: TreeNode, _siblings: TreeNode[], position: number) {
    void act(
      () => moveElement(planId, node.id, { parent_id: node.parent_id, position, version: node.version }),
      reloadTree,
    );
  }

  async function runSearch(event: FormEvent) {
    event.preventDefault();
    if (!filter.trim()) return;
    await act(
      () => search(filter.trim(), planId).then(setSearchResult),
      () => {},
    );
  }

  if (planLoad.status === "failed" && !plan)
    return <ErrorNotice error={planLoad.error} onRetry={reloadPlan} />;
  if (!plan) return <Loading />;

  const showingDraft = tree?.status === "draft";
  const all = tree ? flatten(tree.children) : [];

  return (
    <>
      <Breadcrumbs
        label={t("plan.breadcrumbs")}
        crumbs={[{ label: t("nav.plan"), to: "/plan" }, { label: planName(plan, language) }]}
      />
      <header className="page-header">
        <h1>
          {planName(plan, language)} <DemoBadge demo={plan.demo} />
        </h1>
        <p className="muted">
          {t("plan.period", { first: plan.period.first_fiscal_year, last: plan.period.last_fiscal_year })}
        </p>
        <nav className="version-switch" aria-label={t("plan.versions")}>
          {plan.approved_version !== null && (
            <Link
              className={`button small${!showingDraft ? " current" : ""}`}
              aria-current={!showingDraft ? "page" : undefined}
              to={`/plan/${planId}`}
            >
              {t("plan.in_force", { number: plan.approved_version })}
            </Link>
          )}
          {plan.draft_version !== null && readsDrafts && (
            <Link
              className={`button small${showingDraft ? " current" : ""}`}
              aria-current={showingDraft ? "page" : undefined}
              to={`/plan/${planId}?version=draft`}
            >
              {t("plan.draft_open", { number: plan.draft_version })}
            </Link>
          )}
          <Link className="button small" to={`/plan/${planId}/versions`}>
            {t("plan.versions")}
          </Link>
          {tree && (
            <>
              <a
                className="button small"
                href={`/api/v1/plans/${planId}/export.pdf?version=${showingDraft ? "draft" : tree.version}`}
                download
              >
                {t("plan.download_pdf")}
              </a>
              <a
                className="button small"
                href={`/api/v1/plans/${planId}/export.xlsx?version=${showingDraft ? "draft" : tree.version}`}
                download
              >
                {t("plan.download_xlsx")}
              </a>
            </>
          )}
        </nav>
      </header>

      {tree && (
        <p className="version-line" data-testid="version-line">
          <span className={`badge status-${tree.status}`}>{t(versionLabelKey(tree.status))}</span>{" "}
          {t("plan.version_number", { number: tree.version })}
          {tree.approved_at &&
            ` · ${t("plan.approved_by", { who: personName(tree.approved_by, language, tree.approved_by_name), when: formatDateTime(tree.approved_at, language) })}`}
          {" · "}
          {t("plan.element_count", { count: tree.element_count })}
        </p>
      )}

      {notice && (
        <div className="notice notice-success" role="status">
          {notice}
        </div>
      )}
      <ErrorNotice error={actionError} />

      {hasRole(...planEditors) && tree && (
        <div className="form-actions">
          {showingDraft && (
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => setApproving(true)}
            >
              {t("plan.approve")}
            </button>
          )}
          {showingDraft && (
            <ApproveDialog
              planId={planId}
              version={tree.version}
              open={approving}
              onClose={() => setApproving(false)}
              onApproved={() => {
                setApproving(false);
                setNotice(t("plan.approved_notice", { number: tree.version }));
                reloadPlan();
                navigate(`/plan/${planId}`);
                reloadTree();
              }}
            />
          )}
          {!showingDraft && plan.draft_version === null && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void act(
                  () => startRevision(planId),
                  () => {
                    reloadPlan();
                    navigate(`/plan/${planId}?version=draft`);
                  },
                )
              }
            >
              {t("plan.start_revision")}
            </button>
          )}
          {editable && !adding && (
            <button type="button" className="button" onClick={() => setAdding(true)}>
              {t("plan.add_top")}
            </button>
          )}
        </div>
      )}
      {editable && adding && (
        <AddElementForm
          planId={planId}
          parent={null}
          onAdded={() => {
            setAdding(false);
            reloadTree();
          }}
          onCancel={() => setAdding(false)}
        />
      )}

      <form className="tree-tools" role="search" onSubmit={runSearch}>
        <label className="filter">
          <span className="visually-hidden">{t("plan.filter")}</span>
          <input
            type="search"
            placeholder={t("plan.filter")}
            value={filter}
            onChange={(event) => {
              setFilter(event.target.value);
              if (!event.target.value) setSearchResult(null);
            }}
          />
        </label>
        <button type="submit" className="button small">
          {t("plan.search_server")}
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => setExpanded(new Set(all.map((entry) => entry.node.id)))}
        >
          {t("plan.expand_all")}
        </button>
        <button type="button" className="button small" onClick={() => setExpanded(new Set())}>
          {t("plan.collapse_all")}
        </button>
      </form>
      {searchResult && <SearchResults result={searchResult} planId={planId} />}

      {treeLoad.status === "failed" && <ErrorNotice error={treeLoad.error} onRetry={reloadTree} />}
      {treeLoad.status === "loading" && !tree && <Loading />}
      {tree && tree.children.length === 0 && <p className="muted">{t("plan.empty")}</p>}
      {tree && visible && visible.size === 0 && <p className="muted">{t("plan.no_match")}</p>}
      {tree && (
        <PlanTreeView
          nodes={tree.children}
          label={planName(plan, language)}
          actions={{
            planId,
            version: showingDraft ? "draft" : version,
            editable,
            expanded: openIds,
            toggle,
            visible,
            move,
            changed: reloadTree,
          }}
        />
      )}
      {editable && <p className="muted small-print">{t("plan.drag_hint")}</p>}
      {params.get("version") && !tree && treeLoad.status === "failed" && (
        <button type="button" className="button" onClick={() => setParams(new URLSearchParams())}>
          {t("plan.show_in_force")}
        </button>
      )}
    </>
  );
}
