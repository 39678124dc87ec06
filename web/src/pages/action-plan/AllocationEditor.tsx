// A main project's allocation by budget line (strategy office): GFMIS code, expense
// type, capital or current as GFMIS classifies the line, amount, contract price, budget
// holder and the agency paying on the province's behalf. A total above the request
// needs the decision that allowed it. Saved with the project's version: a stale one
// (409) and the rules' refusals (422) appear next to the fields concerned.
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { expenseTypes, setAllocation, type Project } from "../../api/actionPlan";
import type { LocalizedText } from "../../api/types";
import { listAgencies } from "../../api/endpoints";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useLoad } from "../../components/useLoad";
import { compareNames } from "../../format/sort";
import { FieldMessage } from "../../components/FieldMessage";
import { useLanguage } from "../../i18n/language";
import { bahtInput, formatMoney, parseBaht } from "./amounts";
import { both, formProblems, noProblems, type FormProblems } from "./errors";
import { expenseKey } from "./labels";
import type { AgencyNames } from "./useAgencyNames";

interface Row {
  key: number;
  gfmis_code: string;
  expense_type: Project["lines"][number]["expense_type"];
  is_capital: boolean;
  amount: string;
  contract: string;
  budget_holder: string;
  paying_agency: string;
}

const fieldsByCode: Record<string, string[]> = {
  allocation_below_used: ["lines"],
  line_has_positions: ["lines"],
  allocation_above_request: ["decision_ref"],
};

let nextKey = 1;

function rowsOf(project: Project): Row[] {
  return project.lines.map((line) => ({
    key: nextKey++,
    gfmis_code: line.gfmis_code,
    expense_type: line.expense_type,
    is_capital: line.is_capital,
    amount: bahtInput(line.allocated_satang),
    contract: line.contract_satang === null ? "" : bahtInput(line.contract_satang),
    budget_holder: line.budget_holder ?? "",
    paying_agency: line.paying_agency ?? "",
  }));
}

export function AllocationEditor({
  planId,
  project,
  agencyNames,
  onSaved,
  onCancel,
  onReload,
}: {
  planId: number;
  project: Project;
  agencyNames: AgencyNames;
  onSaved: (project: Project) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t, language } = useLanguage();
  const id = useId();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(project));
  const [decision, setDecision] = useState(project.decision_ref ?? "");
  const [problems, setProblems] = useState<FormProblems>(noProblems);
  // The agencies that may hold or pay for a line (public list).
  const [agencies] = useLoad((signal) => listAgencies(signal), []);
  const [busy, setBusy] = useState(false);

  const amounts = rows.map((row) => parseBaht(row.amount));
  const total = amounts.reduce<number>((sum, amount) => sum + (amount ?? 0), 0);
  const aboveRequest = total > project.requested_satang;
  const shown = [
    "lines",
    "decision_ref",
    "version",
    ...rows.flatMap((_, index) => [
      `lines[${index}].gfmis_code`,
      `lines[${index}].allocated_satang`,
      `lines[${index}].contract_satang`,
      `lines[${index}].expense_type`,
    ]),
  ];

  function change(index: number, patch: Partial<Row>) {
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, LocalizedText> = {};
    const amountText = both("ap.error.amount");
    rows.forEach((row, index) => {
      if (!row.gfmis_code.trim()) fields[`lines[${index}].gfmis_code`] = both("ap.error.code_required");
      if (amounts[index] === null) fields[`lines[${index}].allocated_satang`] = amountText;
      if (row.contract.trim() && parseBaht(row.contract) === null)
        fields[`lines[${index}].contract_satang`] = amountText;
    });
    if (aboveRequest && !decision.trim()) fields.decision_ref = both("ap.alloc.above_request");
    if (Object.keys(fields).length > 0) {
      setProblems({ fields, general: null, stale: false });
      return;
    }
    setProblems(noProblems);
    setBusy(true);
    try {
      const saved = await setAllocation(planId, project.element_id, {
        lines: rows.map((row, index) => ({
          gfmis_code: row.gfmis_code.trim(),
          expense_type: row.expense_type,
          is_capital: row.is_capital,
          allocated_satang: amounts[index] ?? 0,
          contract_satang: row.contract.trim() ? parseBaht(row.contract) : null,
          budget_holder: row.budget_holder || null,
          paying_agency: row.paying_agency || null,
        })),
        ...(decision.trim() ? { decision_ref: decision.trim() } : {}),
        version: project.version,
      });
      onSaved(saved);
    } catch (caught) {
      setProblems(formProblems(caught, shown, fieldsByCode));
    } finally {
      setBusy(false);
    }
  }

  const describe = (name: string) => ({
    "aria-invalid": name in problems.fields,
    "aria-describedby": `${id}-${name}-message`.replace(/[[\].]/g, "_"),
  });
  const message = (name: string) => (
    <FieldMessage id={`${id}-${name}-message`.replace(/[[\].]/g, "_")} text={problems.fields[name]} />
  );
  const agencySelect = (index: number, field: "budget_holder" | "paying_agency", label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${index}-${field}`}>{label}</label>
      <select
        id={`${id}-${index}-${field}`}
        value={rows[index]?.[field] ?? ""}
        onChange={(event) => change(index, { [field]: event.target.value })}
      >
        <option value="">{t("ap.alloc.none_agency")}</option>
        {(agencies.data ?? [])
          .map((agency) => [agency.code, agencyNames.name(agency.code, agency.name_th)] as const)
          .sort((a, b) => compareNames(a[1], b[1], language))
          .map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
      </select>
    </div>
  );

  return (
    <form className="panel ap-allocation-form" onSubmit={submit} noValidate aria-label={t("ap.alloc.edit")}>
      <ErrorNotice error={problems.general} fieldsShown={shown} />
      {rows.map((row, index) => (
        <fieldset key={row.key} className="ap-line" data-testid="allocation-line">
          <legend>{t("ap.alloc.line", { number: index + 1 })}</legend>
          <div className="filters-grid">
            <div className="field">
              <label htmlFor={`${id}-${index}-code`}>{t("ap.alloc.gfmis_code")}</label>
              <input
                id={`${id}-${index}-code`}
                value={row.gfmis_code}
                maxLength={40}
                onChange={(event) => change(index, { gfmis_code: event.target.value })}
                {...describe(`lines[${index}].gfmis_code`)}
              />
              {message(`lines[${index}].gfmis_code`)}
            </div>
            <div className="field">
              <label htmlFor={`${id}-${index}-type`}>{t("ap.alloc.expense_type")}</label>
              <select
                id={`${id}-${index}-type`}
                value={row.expense_type}
                onChange={(event) =>
                  change(index, { expense_type: event.target.value as Row["expense_type"] })
                }
                {...describe(`lines[${index}].expense_type`)}
              >
                {expenseTypes.map((type) => (
                  <option key={type} value={type}>
                    {t(expenseKey(type))}
                  </option>
                ))}
              </select>
              {message(`lines[${index}].expense_type`)}
            </div>
            <div className="field">
              <label htmlFor={`${id}-${index}-amount`}>{t("ap.alloc.amount")}</label>
              <input
                id={`${id}-${index}-amount`}
                inputMode="decimal"
                value={row.amount}
                onChange={(event) => change(index, { amount: event.target.value })}
                {...describe(`lines[${index}].allocated_satang`)}
              />
              {message(`lines[${index}].allocated_satang`)}
            </div>
            <div className="field">
              <label htmlFor={`${id}-${index}-contract`}>{t("ap.alloc.contract")}</label>
              <input
                id={`${id}-${index}-contract`}
                inputMode="decimal"
                value={row.contract}
                onChange={(event) => change(index, { contract: event.target.value })}
                {...describe(`lines[${index}].contract_satang`)}
              />
              {message(`lines[${index}].contract_satang`)}
            </div>
            {agencySelect(index, "budget_holder", t("ap.alloc.budget_holder"))}
            {agencySelect(index, "paying_agency", t("ap.alloc.paying_agency"))}
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={row.is_capital}
              onChange={(event) => change(index, { is_capital: event.target.checked })}
            />{" "}
            {t("ap.alloc.is_capital")}
          </label>
          <p>
            <button
              type="button"
              className="button small"
              onClick={() => setRows((current) => current.filter((_, at) => at !== index))}
            >
              {t("ap.alloc.remove_line", { code: row.gfmis_code || String(index + 1) })}
            </button>
          </p>
        </fieldset>
      ))}
      {message("lines")}
      <p>
        <button
          type="button"
          className="button small"
          onClick={() =>
            setRows((current) => [
              ...current,
              {
                key: nextKey++,
                gfmis_code: "",
                expense_type: "operating",
                is_capital: false,
                amount: "",
                contract: "",
                budget_holder: project.agency ?? "",
                paying_agency: "",
              },
            ])
          }
        >
          {t("ap.alloc.add_line")}
        </button>
      </p>
      <p data-testid="allocation-total" className={aboveRequest ? "ap-warning" : undefined}>
        {t("ap.alloc.total", {
          total: formatMoney(total, "baht", language),
          requested: formatMoney(project.requested_satang, "baht", language),
        })}
      </p>
      {(aboveRequest || decision) && (
        <div className="field">
          <label htmlFor={`${id}-decision`}>{t("ap.decision_ref")}</label>
          <input
            id={`${id}-decision`}
            value={decision}
            onChange={(event) => setDecision(event.target.value)}
            {...describe("decision_ref")}
          />
          {message("decision_ref")}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t("common.cancel")}
        </button>
        {problems.stale && (
          <button type="button" className="button" onClick={onReload}>
            {t("ap.error.reload")}
          </button>
        )}
      </div>
      {message("version")}
    </form>
  );
}
