// The strategy office makes the action plan of one fiscal year from an approved
// development plan; the plan's projects whose period covers the year join it.
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { useNavigate } from "react-router";
import { createActionPlan } from "../../api/actionPlan";
import { listPlans } from "../../api/plan";
import type { LocalizedText } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { useLoad } from "../../components/useLoad";
import { useLanguage } from "../../i18n/language";
import { both, formProblems, noProblems, type FormProblems } from "./errors";

const shown = ["plan_id", "fiscal_year"];

export function NewActionPlanForm() {
  const { t, language } = useLanguage();
  const id = useId();
  const navigate = useNavigate();
  const [plans] = useLoad((signal) => listPlans(signal), []);
  const approved = (plans.data ?? []).filter((plan) => plan.approved_version !== null);
  const [planId, setPlanId] = useState("");
  const [year, setYear] = useState("");
  const [problems, setProblems] = useState<FormProblems>(noProblems);
  const [busy, setBusy] = useState(false);
  const chosen = approved.find((plan) => String(plan.id) === planId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, LocalizedText> = {};
    if (!chosen) fields.plan_id = both("ap.new.choose_plan");
    if (!/^25\d\d$/.test(year.trim())) fields.fiscal_year = both("ap.new.year_be");
    else if (
      chosen &&
      (Number(year) < chosen.period.first_fiscal_year || Number(year) > chosen.period.last_fiscal_year)
    )
      fields.fiscal_year = both("ap.new.year_in_plan", {
        first: chosen.period.first_fiscal_year,
        last: chosen.period.last_fiscal_year,
      });
    if (Object.keys(fields).length > 0) {
      setProblems({ fields, general: null, stale: false });
      return;
    }
    setProblems(noProblems);
    setBusy(true);
    try {
      const created = await createActionPlan({ plan_id: Number(planId), fiscal_year: Number(year) });
      navigate(`/action-plan/${created.id}`);
    } catch (caught) {
      setProblems(formProblems(caught, shown));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("ap.new.title")}</h2>
      <ErrorNotice error={problems.general} fieldsShown={shown} />
      <div className="filters-grid">
        <div className="field">
          <label htmlFor={`${id}-plan`}>{t("ap.new.plan")}</label>
          <select
            id={`${id}-plan`}
            value={planId}
            onChange={(event) => setPlanId(event.target.value)}
            aria-invalid={"plan_id" in problems.fields}
            aria-describedby={`${id}-plan-message`}
          >
            <option value="">{t("ap.new.choose")}</option>
            {approved.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {language === "en" && plan.name_en ? plan.name_en : plan.name_th} (
                {plan.period.first_fiscal_year}–{plan.period.last_fiscal_year})
              </option>
            ))}
          </select>
          <FieldMessage id={`${id}-plan-message`} text={problems.fields.plan_id} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>{t("ap.new.year")}</label>
          <input
            id={`${id}-year`}
            inputMode="numeric"
            maxLength={4}
            value={year}
            onChange={(event) => setYear(event.target.value.replace(/\D/g, ""))}
            aria-invalid={"fiscal_year" in problems.fields}
            aria-describedby={`${id}-year-message`}
          />
          <FieldMessage id={`${id}-year-message`} text={problems.fields.fiscal_year} />
        </div>
      </div>
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t("common.saving") : t("ap.new.create")}
      </button>
    </form>
  );
}
