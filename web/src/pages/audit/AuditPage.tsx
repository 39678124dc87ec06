// The audit log for admins and auditors: filter by the kind of record (its Thai name
// or the stored one), user and a date range (Buddhist-era days in Thailand, which the
// server applies), page back through older entries.
// Filters and the page live in the URL so a finding can be linked in a report.
import { useState } from "react";
import type { FormEvent } from "react";
import { useSearchParams } from "react-router";
import { listAuditEntities, searchAudit } from "../../api/endpoints";
import type { AuditEntry } from "../../api/types";
import { BeDateInput } from "../../components/BeDateInput";
import type { DateProblem } from "../../components/BeDateInput";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatDateTime } from "../../format/date";
import { personName } from "../../format/person";
import { isMessageKey, useLanguage } from "../../i18n/language";
import { AuditDiff } from "./AuditDiff";

export const auditPageSize = 50;

interface Filters {
  entity: string;
  user: string;
  from: string;
  to: string;
}

function filtersFrom(params: URLSearchParams): Filters {
  return {
    entity: params.get("entity") ?? "",
    user: params.get("user") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
}

function EntryView({ entry }: { entry: AuditEntry }) {
  const { t, language } = useLanguage();
  const actionKey = `audit.action.${entry.action}`;
  const entityKey = `audit.entity.${entry.entity}`;
  // Thai names come from the server; the English UI uses its own table.
  const action =
    language === "th" && entry.action_th
      ? entry.action_th
      : isMessageKey(actionKey)
        ? t(actionKey)
        : entry.action;
  const entity =
    language === "th" && entry.entity_th
      ? entry.entity_th
      : isMessageKey(entityKey)
        ? t(entityKey)
        : entry.entity;
  return (
    <article
      className="audit-entry"
      data-testid="audit-entry"
      data-entity={entry.entity}
      data-entity-id={entry.entity_id}
    >
      <header className="audit-entry-head">
        <span className="audit-action">{action}</span>
        <span className="audit-target">
          {entity} <code>{entry.entity_id}</code>
        </span>
        <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
      </header>
      <p className="audit-meta">
        {t("audit.who")}:{" "}
        <strong title={entry.user ?? undefined}>{personName(entry.user, language, entry.user_name)}</strong> ·{" "}
        {t("audit.address")}: <code>{entry.address}</code> · #{entry.id}
      </p>
      <AuditDiff changes={entry.changes} recorded={entry.before !== null || entry.after !== null} />
    </article>
  );
}

export function AuditPage() {
  const { t } = useLanguage();
  useDocumentTitle(t("audit.title"));
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const beforeId = params.get("before_id") ?? "";
  const [draft, setDraft] = useState<Filters>(applied);
  const [dateProblems, setDateProblems] = useState<{ from: DateProblem; to: DateProblem }>({
    from: null,
    to: null,
  });
  const [rangeProblem, setRangeProblem] = useState(false);
  // The before_id of each page we came from, so "newer" can step back.
  const [history, setHistory] = useState<string[]>([]);

  const [entities] = useLoad((signal) => listAuditEntities(signal), []);
  const [load, reload] = useLoad(
    (signal) =>
      searchAudit(
        {
          entity: applied.entity || undefined,
          user: applied.user || undefined,
          from: applied.from || undefined,
          to: applied.to || undefined,
          before_id: beforeId ? Number(beforeId) : undefined,
          limit: auditPageSize,
        },
        signal,
      ),
    [applied.entity, applied.user, applied.from, applied.to, beforeId],
  );

  function apply(event: FormEvent) {
    event.preventDefault();
    if (dateProblems.from || dateProblems.to) return;
    const badRange = draft.from !== "" && draft.to !== "" && draft.from > draft.to;
    setRangeProblem(badRange);
    if (badRange) return;
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(draft)) if (value.trim()) next.set(key, value.trim());
    setHistory([]);
    setParams(next);
  }

  function reset() {
    const empty = { entity: "", user: "", from: "", to: "" };
    setDraft(empty);
    setDateProblems({ from: null, to: null });
    setRangeProblem(false);
    setHistory([]);
    setParams(new URLSearchParams());
  }

  function goToPage(nextBeforeId: string) {
    const next = new URLSearchParams(params);
    if (nextBeforeId) next.set("before_id", nextBeforeId);
    else next.delete("before_id");
    setParams(next);
  }

  const entries = load.data ?? [];
  const lastEntry = entries[entries.length - 1];
  const hasOlder = load.status === "ready" && entries.length === auditPageSize && lastEntry !== undefined;
  // A page opened from a shared link does not know how many pages are newer.
  const pageNumber = beforeId ? (history.length > 0 ? history.length + 1 : null) : 1;

  return (
    <>
      <h1>{t("audit.title")}</h1>
      <form className="filters panel" onSubmit={apply} aria-label={t("audit.filters")}>
        <div className="filters-grid">
          <div className="field">
            <label htmlFor="audit-entity">{t("audit.entity")}</label>
            <input
              id="audit-entity"
              name="entity"
              list="audit-entities"
              autoCapitalize="none"
              value={draft.entity}
              onChange={(event) => setDraft({ ...draft, entity: event.target.value })}
            />
            {/* The Thai names people see; the server also takes words of them or the stored name. */}
            <datalist id="audit-entities" data-testid="audit-entity-names">
              {(entities.data ?? []).map((entity) => (
                <option key={entity.entity} value={entity.label_th} />
              ))}
            </datalist>
          </div>
          <div className="field">
            <label htmlFor="audit-user">{t("audit.user")}</label>
            <input
              id="audit-user"
              name="user"
              autoCapitalize="none"
              value={draft.user}
              onChange={(event) => setDraft({ ...draft, user: event.target.value })}
            />
          </div>
          <BeDateInput
            label={t("audit.from")}
            name="from"
            value={draft.from}
            onChange={(iso, problem) => {
              setDraft((current) => ({ ...current, from: iso }));
              setDateProblems((current) => ({ ...current, from: problem }));
            }}
          />
          <BeDateInput
            label={t("audit.to")}
            name="to"
            value={draft.to}
            onChange={(iso, problem) => {
              setDraft((current) => ({ ...current, to: iso }));
              setDateProblems((current) => ({ ...current, to: problem }));
            }}
          />
        </div>
        {rangeProblem && (
          <p className="field-message" role="alert">
            {t("audit.range_invalid")}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button primary">
            {t("audit.apply")}
          </button>
          <button type="button" className="button" onClick={reset}>
            {t("audit.reset")}
          </button>
        </div>
      </form>

      {load.status === "failed" && <ErrorNotice error={load.error} onRetry={reload} />}
      {load.status === "loading" && <Loading />}
      {load.status === "ready" && entries.length === 0 && <p className="muted">{t("audit.empty")}</p>}
      <div className="audit-list" aria-busy={load.status === "loading"}>
        {entries.map((entry) => (
          <EntryView key={entry.id} entry={entry} />
        ))}
      </div>
      <nav className="pager" aria-label={t("audit.title")}>
        <button
          type="button"
          className="button"
          disabled={!beforeId}
          onClick={() => {
            const previous = history[history.length - 1] ?? "";
            setHistory(history.slice(0, -1));
            goToPage(previous);
          }}
        >
          {t("audit.newer")}
        </button>
        {pageNumber !== null && <span>{t("audit.page", { page: pageNumber })}</span>}
        <button
          type="button"
          className="button"
          disabled={!hasOlder}
          onClick={() => {
            if (!lastEntry) return;
            setHistory([...history, beforeId]);
            goToPage(String(lastEntry.id));
          }}
        >
          {t("audit.older")}
        </button>
      </nav>
    </>
  );
}
