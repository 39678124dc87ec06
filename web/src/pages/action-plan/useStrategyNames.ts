// Strategy names in the current language. The action plan's projects carry their
// strategy's Thai name; the English one comes with the spending groups by strategy
// (keyed by the strategy's element id), read once per plan.
import { useMemo } from "react";
import { getSpending } from "../../api/actionPlan";
import { useLoad } from "../../components/useLoad";
import { useLanguage } from "../../i18n/language";

export function useStrategyNames(
  planId: number,
): (strategy: { element_id: number; name_th: string } | null) => string {
  const { language } = useLanguage();
  const [load] = useLoad(
    (signal) => (language === "en" ? getSpending(planId, "strategy", signal) : Promise.resolve(null)),
    [planId, language],
  );
  const english = useMemo(
    () => new Map((load.data?.groups ?? []).map((group) => [String(group.key), group.name_en])),
    [load.data],
  );
  return (strategy) => {
    if (!strategy) return "–";
    return (language === "en" && english.get(String(strategy.element_id))) || strategy.name_th;
  };
}
