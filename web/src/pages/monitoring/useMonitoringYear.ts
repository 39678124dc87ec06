// The fiscal year the monitoring pages show (`?fiscal_year=`, Buddhist era) and its
// annual action plan: by default the current fiscal year's plan, else the latest plan
// before it, else the latest one.
import { useSearchParams } from "react-router";
import { listActionPlans, type ActionPlan } from "../../api/actionPlan";
import { listFiscalYears } from "../../api/endpoints";
import { useLoad, type Load } from "../../components/useLoad";

export interface MonitoringYear {
  plans: Load<{ plans: ActionPlan[]; current: number | null }>;
  fiscalYear: number | null;
  actionPlan: ActionPlan | null;
  setFiscalYear: (year: number) => void;
}

export function defaultYear(plans: ActionPlan[], current: number | null): number | null {
  const years = [...new Set(plans.map((plan) => plan.fiscal_year))].sort((a, b) => b - a);
  if (years.length === 0) return current;
  if (current !== null && years.includes(current)) return current;
  return years.find((year) => current === null || year <= current) ?? years[0]!;
}

export function useMonitoringYear(): MonitoringYear {
  const [params, setParams] = useSearchParams();
  const [plans] = useLoad(async (signal) => {
    const [list, years] = await Promise.all([
      listActionPlans(signal),
      listFiscalYears(signal).catch(() => []),
    ]);
    return { plans: list, current: years.find((year) => year.current)?.year ?? null };
  }, []);
  const asked = Number(params.get("fiscal_year"));
  const fiscalYear =
    Number.isInteger(asked) && asked > 2400
      ? asked
      : plans.data
        ? defaultYear(plans.data.plans, plans.data.current)
        : null;
  const actionPlan = plans.data?.plans.find((plan) => plan.fiscal_year === fiscalYear) ?? null;
  const setFiscalYear = (year: number) => {
    const next = new URLSearchParams(params);
    next.set("fiscal_year", String(year));
    setParams(next, { replace: true });
  };
  return { plans, fiscalYear, actionPlan, setFiscalYear };
}
