// The list of development plans, and a form for the strategy office to start one.
import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError } from "../../api/client";
import { createPlan, listPlans } from "../../api/plan";
import type { LocalizedText } from "../../api/types";
import { useAuth } from "../../auth/auth";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useLanguage } from "../../i18n/language";
import { planEditors, planName, versionLabelKey } from "./planText";

// What is wrong with a typed fiscal year, if anything. A four-digit Christian-era
// year (2023) is the usual slip: say so and offer the Buddhist-era year (2566).
export function beYearProblem(text: string): LocalizedText | null {
  const typed = text.trim();
  if (/^25\d\d$/.test(typed)) return null;
  if (/^(19|20|21)\d\d$/.test(typed)) {
    const be = Number(typed) + 543;
    return {
      th: `${typed} ดูเหมือนเป็นปี ค.ศ. ปี พ.ศ. คือ ${be}`,
      en: `${typed} looks like a Christian-era year; the Buddhist-era year is ${be}.`,
    };
  }
  if (/^\d{4}$/.test(typed))
    return { th: "ปี พ.ศ. ต้องอยู่ระหว่าง 2500 ถึง 2599", en: "A BE year lies between 2500 and 2599." };
  return { th: "กรอกปี พ.ศ. 4 หลัก เช่น 2570", en: "Enter a 4-digit BE year, e.g. 2570." };
}

// The Buddhist-era year a problem suggests (2023 -> 2566), or null.
export function suggestedBeYear(text: string): number | null {
  const typed = text.trim();
  return /^(19|20|21)\d\d$/.test(typed) ? Number(typed) + 543 : null;
}

function NewPlanForm() {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const [nameTh, setNameTh] = useState("");
  const [nameEn, setNameEn] = useState("");
  const [first, setFirst] = useState("");
  const [last, setLast] = useState("");
  const [fields, setFields] = useState<Record<string, LocalizedText>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, LocalizedText> = {};
    if (!nameTh.trim()) problems.name_th = { th: "กรุณากรอกชื่อแผน", en: "Enter the plan's name." };
    const firstYear = Number(first);
    const lastYear = Number(last);
    const firstProblem = beYearProblem(first);
    const lastProblem = beYearProblem(last);
    if (firstProblem) problems.first_fiscal_year = firstProblem;
    if (lastProblem) problems.last_fiscal_year = lastProblem;
    else if (!firstProblem && firstYear > lastYear)
      problems.last_fiscal_year = {
        th: "ปีสุดท้ายต้องไม่ก่อนปีแรก",
        en: "The last year must not be before the first.",
      };
    setFields(problems);
    setError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const plan = await createPlan({
        name_th: nameTh.trim(),
        name_en: nameEn.trim(),
        first_fiscal_year: firstYear,
        last_fiscal_year: lastYear,
      });
      navigate(`/plan/${plan.id}?version=draft`);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) setFields(caught.fields);
    } finally {
      setBusy(false);
    }
  }

  const field = (id: string, label: string, value: string, set: (value: string) => void, extra = {}) => {
    const suggestion = id in fields ? suggestedBeYear(value) : null;
    return (
      <div className="field">
        <label htmlFor={`new-plan-${id}`}>{label}</label>
        <input
          id={`new-plan-${id}`}
          name={id}
          value={value}
          onChange={(event) => set(event.target.value)}
          aria-invalid={id in fields}
          aria-describedby={`new-plan-${id}-message`}
          {...extra}
        />
        <FieldMessage id={`new-plan-${id}-message`} text={fields[id]} />
        {suggestion !== null && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              set(String(suggestion));
              const rest = { ...fields };
              delete rest[id];
              setFields(rest);
            }}
          >
            {t("plan.use_be_year", { year: suggestion })}
          </button>
        )}
      </div>
    );
  };

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="new-plan-heading">
      <h2 id="new-plan-heading">{t("plan.new")}</h2>
      <ErrorNotice
        error={error}
        fieldsShown={["name_th", "name_en", "first_fiscal_year", "last_fiscal_year"]}
      />
      <div className="filters-grid">
        {field("name_th", t("common.name_th"), nameTh, setNameTh, { lang: "th" })}
        {field("name_en", t("common.name_en"), nameEn, setNameEn, { lang: "en" })}
        {field("first_fiscal_year", t("plan.first_year"), first, setFirst, {
          inputMode: "numeric",
          maxLength: 4,
        })}
        {field("last_fiscal_year", t("plan.last_year"), last, setLast, {
          inputMode: "numeric",
          maxLength: 4,
        })}
      </div>
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t("common.saving") : t("plan.create")}
      </button>
    </form>
  );
}

export function PlansPage() {
  const { t, language } = useLanguage();
  const { hasRole, user } = useAuth();
  const readsDrafts = user !== null && user.role !== "public";
  useDocumentTitle(t("nav.plan"));
  const [load, reload] = useLoad((signal) => listPlans(signal), []);
  const plans = load.data ?? [];

  return (
    <>
      <h1>{t("nav.plan")}</h1>
      <p className="lead">{t("module.plan.about")}</p>
      {load.status === "failed" && <ErrorNotice error={load.error} onRetry={reload} />}
      {load.status === "loading" && !load.data && <Loading />}
      {load.status === "ready" && plans.length === 0 && <p className="muted">{t("plan.none")}</p>}
      <ul className="cards" data-testid="plans">
        {plans.map((plan) => (
          <li key={plan.id} className="card">
            <h3>
              <Link to={`/plan/${plan.id}`}>{planName(plan, language)}</Link> <DemoBadge demo={plan.demo} />
            </h3>
            <p>
              {t("plan.period", { first: plan.period.first_fiscal_year, last: plan.period.last_fiscal_year })}
            </p>
            <p>
              <span className={`badge status-${plan.status}`}>{t(versionLabelKey(plan.status))}</span>{" "}
              {t("plan.version_number", { number: plan.version })}
              {plan.draft_version !== null && plan.draft_version !== plan.version && readsDrafts && (
                <>
                  {" · "}
                  <Link to={`/plan/${plan.id}?version=draft`}>
                    {t("plan.draft_open", { number: plan.draft_version })}
                  </Link>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
      {hasRole(...planEditors) && <NewPlanForm />}
    </>
  );
}
