// One element of a plan version: its text, KPI targets (edited in place in an open
// draft), project details, alignment with national plans.
import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { ApiError } from "../../api/client";
import { deleteElement, getElement, getPlan, updateElement } from "../../api/plan";
import type { PlanElement } from "../../api/plan";
import type { LocalizedText } from "../../api/types";
import { useAuth } from "../../auth/auth";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { DemoBadge } from "../../components/DemoBadge";
import { ThaiText } from "../../components/ThaiText";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { formatDate } from "../../format/date";
import { formatSatang } from "../../format/money";
import { formatNumber } from "../../format/number";
import { useNames } from "../../components/useNames";
import { useLanguage } from "../../i18n/language";
import { AlignmentEditor } from "./AlignmentEditor";
import { parseVersion } from "./PlanPage";
import { TargetsTable } from "./TargetsTable";
import { fiscalYears, localText, planEditors, planName } from "./planText";

function TextEditor({
  planId,
  element,
  onSaved,
  onCancel,
}: {
  planId: number;
  element: PlanElement;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useLanguage();
  const [code, setCode] = useState(element.code ?? "");
  const [textTh, setTextTh] = useState(element.text_th);
  const [textEn, setTextEn] = useState(element.text_en);
  const [descriptionTh, setDescriptionTh] = useState(element.description_th);
  const [fields, setFields] = useState<Record<string, LocalizedText>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!textTh.trim()) {
      setFields({ text_th: { th: "กรุณากรอกข้อความภาษาไทย", en: "Enter the Thai text." } });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await updateElement(planId, element.id, {
        version: element.version,
        code: code.trim(),
        text_th: textTh.trim(),
        text_en: textEn.trim(),
        description_th: descriptionTh,
      });
      onSaved();
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) setFields(caught.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={t("common.edit")}>
      <ErrorNotice error={error} fieldsShown={["code", "text_th", "text_en", "description_th"]} />
      <div className="field">
        <label htmlFor="element-code">{t("common.code")}</label>
        <input id="element-code" value={code} onChange={(event) => setCode(event.target.value)} />
        <FieldMessage id="element-code-message" text={fields.code} />
      </div>
      <div className="field">
        <label htmlFor="element-text-th">{t("plan.text_th")}</label>
        <input
          id="element-text-th"
          lang="th"
          value={textTh}
          onChange={(event) => setTextTh(event.target.value)}
          aria-invalid={"text_th" in fields}
          aria-describedby="element-text-th-message"
        />
        <FieldMessage id="element-text-th-message" text={fields.text_th} />
      </div>
      <div className="field">
        <label htmlFor="element-text-en">{t("plan.text_en")}</label>
        <input
          id="element-text-en"
          lang="en"
          value={textEn}
          onChange={(event) => setTextEn(event.target.value)}
        />
        <FieldMessage id="element-text-en-message" text={fields.text_en} />
      </div>
      <div className="field">
        <label htmlFor="element-description-th">{t("plan.description")}</label>
        <textarea
          id="element-description-th"
          rows={4}
          lang="th"
          value={descriptionTh}
          onChange={(event) => setDescriptionTh(event.target.value)}
        />
        <FieldMessage id="element-description-th-message" text={fields.description_th} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

export function ElementPage() {
  const { planId: planIdText = "", elementId: elementIdText = "" } = useParams();
  const planId = Number(planIdText);
  const elementId = Number(elementIdText);
  const [params] = useSearchParams();
  const version = parseVersion(params.get("version"));
  const { t, language } = useLanguage();
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const [planLoad] = useLoad((signal) => getPlan(planId, signal), [planId]);
  const [load, reload] = useLoad(
    (signal) => getElement(planId, elementId, version, signal),
    [planId, elementId, version],
  );
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const plan = planLoad.data;
  const element = load.data;
  const names = useNames(element?.areas ?? []);
  useDocumentTitle(element ? localText(element, language) : t("nav.plan"));

  if (load.status === "failed" && !element) return <ErrorNotice error={load.error} onRetry={reload} />;
  if (!element || !plan) return <Loading />;

  // An element read with ?version=draft (or the draft's number) can be edited.
  const inDraft = version === "draft" || (typeof version === "number" && version === plan.draft_version);
  const editable = inDraft && hasRole(...planEditors);
  const versionQuery = version === undefined ? "" : `?version=${version}`;

  async function remove() {
    if (!element || !window.confirm(t("plan.delete_confirm"))) return;
    setError(null);
    try {
      await deleteElement(planId, element.id, element.version);
      navigate(`/plan/${planId}?version=draft`);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <>
      <Breadcrumbs
        label={t("plan.breadcrumbs")}
        crumbs={[
          { label: t("nav.plan"), to: "/plan" },
          { label: planName(plan, language), to: `/plan/${planId}${versionQuery}` },
          { label: localText(element, language) },
        ]}
      />
      <header className="page-header">
        <p className="eyebrow">
          {t(`plan.kind.${element.kind}`)} {element.code && <code>{element.code}</code>}{" "}
          {inDraft && <span className="badge status-draft">{t("plan.status.draft")}</span>}
        </p>
        <h1>
          <ThaiText>{localText(element, language)}</ThaiText> <DemoBadge demo={element.demo} />
        </h1>
        {language === "th" && element.text_en && (
          <p className="muted" lang="en">
            {element.text_en}
          </p>
        )}
      </header>
      <ErrorNotice error={error} />
      {editable && !editing && (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t("common.edit")}
          </button>
          <button type="button" className="button danger" onClick={() => void remove()}>
            {t("plan.delete")}
          </button>
        </div>
      )}
      {editing && (
        <TextEditor
          planId={planId}
          element={element}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
          onCancel={() => setEditing(false)}
        />
      )}

      {(element.description_th || element.description_en) && (
        <section className="panel">
          <h2>{t("plan.description")}</h2>
          <p className="prose">
            {language === "en" ? element.description_en || element.description_th : element.description_th}
          </p>
        </section>
      )}

      {element.dimensions.length > 0 && (
        <p>
          {t("plan.dimensions")}:{" "}
          {element.dimensions.map((dimension) => (
            <span key={dimension} className="badge">
              {t(`dimension.${dimension}`)}
            </span>
          ))}
        </p>
      )}

      {element.kind === "kpi" && (
        <section className="panel" aria-labelledby="targets-heading">
          <h2 id="targets-heading">{t("plan.targets")}</h2>
          {element.baseline && element.baseline.value !== null && (
            <p>
              {t("plan.baseline")}: {formatNumber(element.baseline.value, language)}
              {element.baseline.fiscal_year && ` (${t("plan.fy", { year: element.baseline.fiscal_year })})`}
            </p>
          )}
          <TargetsTable
            planId={planId}
            element={element}
            years={fiscalYears(plan)}
            editable={editable}
            onSaved={reload}
          />
        </section>
      )}

      {element.kind === "project" && (
        <section className="panel" aria-labelledby="project-heading">
          <h2 id="project-heading">{t("plan.project_details")}</h2>
          <dl className="details">
            <dt>{t("plan.budget")}</dt>
            <dd>{formatSatang(element.budget_satang ?? 0, language)}</dd>
            <dt>{t("plan.project_kind")}</dt>
            <dd>{element.project_kind === "reserve" ? t("plan.reserve") : t("plan.main_project")}</dd>
            {element.agency && (
              <>
                <dt>{t("plan.agency")}</dt>
                <dd data-testid="element-agency">{names.agency(element.agency)}</dd>
              </>
            )}
            {(element.areas ?? []).length > 0 && (
              <>
                <dt>{t("plan.areas")}</dt>
                <dd data-testid="element-areas">
                  {(element.areas ?? []).map((code) => (
                    <Link key={code} to={`/areas/${code}`} className="tag">
                      {names.area(code)}
                    </Link>
                  ))}
                </dd>
              </>
            )}
            {element.start_date && (
              <>
                <dt>{t("plan.schedule")}</dt>
                <dd>
                  {formatDate(element.start_date, language)} –{" "}
                  {element.end_date ? formatDate(element.end_date, language) : ""}
                </dd>
              </>
            )}
          </dl>
          {(element.objectives_th || element.objectives_en) && (
            <p className="prose">
              {language === "en" ? element.objectives_en || element.objectives_th : element.objectives_th}
            </p>
          )}
        </section>
      )}

      <section className="panel" aria-labelledby="alignment-heading">
        <h2 id="alignment-heading">{t("plan.alignment")}</h2>
        <AlignmentEditor
          key={element.version}
          planId={planId}
          element={element}
          editable={editable}
          onSaved={reload}
        />
      </section>

      {(element.kind === "guideline" || element.kind === "project") && (
        <section className="panel" aria-labelledby="needs-heading">
          <h2 id="needs-heading">{t("plan.linked_needs")}</h2>
          <p className="muted">{t("plan.linked_needs_hint")}</p>
          <Link to={`/needs?plan_id=${planId}&status=linked`}>{t("plan.linked_needs_list")}</Link>
        </section>
      )}
    </>
  );
}
