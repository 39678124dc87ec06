// One procurement, new or changed as a whole: method, reference price (ราคากลาง),
// the reason or legal ground the method needs, the e-GP number, the eight stage dates
// (Buddhist era), bidders with their prices, the winner and the contract. The server's
// refusals (422 with the field, e.g. a stage before the one it follows) appear next to
// their fields; a stale version (409) at the save button.
import { useId, useState } from "react";
import type { FormEvent } from "react";
import {
  createProcurement,
  procurementMethods,
  stageKeys,
  updateProcurement,
  type Procurement,
  type ProcurementInput,
  type ProcurementMethod,
  type ProcurementStages,
} from "../../api/procurement";
import { ApiError } from "../../api/client";
import type { LocalizedText } from "../../api/types";
import { BeDateInput } from "../../components/BeDateInput";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { focusFirstInvalid } from "../../components/focusFirstInvalid";
import { formatDate } from "../../format/date";
import { translate, useLanguage } from "../../i18n/language";
import type { MessageKey } from "../../i18n/messages";
import { bahtInput, parseBaht } from "../action-plan/amounts";
import { both, formProblems, noProblems, type FormProblems } from "../action-plan/errors";

export const methodKey = (method: string): MessageKey => `proc.method.${method as ProcurementMethod}`;
export const stageKey = (stage: string): MessageKey => `proc.stage.${stage as keyof ProcurementStages}`;

interface BidderRow {
  name: string;
  taxId: string;
  offered: string;
}

const safe = (name: string) => name.replace(/[^a-z0-9_]/gi, "_");

export function ProcurementForm({
  elementId,
  fiscalYear,
  procurement,
  onSaved,
  onCancel,
}: {
  elementId: number;
  fiscalYear: number;
  procurement: Procurement | null;
  onSaved: (saved: Procurement) => void;
  onCancel: () => void;
}) {
  const { t } = useLanguage();
  const id = useId();
  const [title, setTitle] = useState(procurement?.title_th ?? "");
  const [method, setMethod] = useState<ProcurementMethod>(procurement?.method ?? "e_bidding");
  const [reference, setReference] = useState(
    procurement ? bahtInput(procurement.reference_price_satang) : "",
  );
  const [reason, setReason] = useState(procurement?.method_reason_th ?? "");
  const [ground, setGround] = useState(procurement?.legal_ground ?? "");
  const [egp, setEgp] = useState(procurement?.egp_project_number ?? "");
  const [catalog, setCatalog] = useState(procurement?.in_e_catalog ?? false);
  const [stages, setStages] = useState<Record<string, string>>(() =>
    Object.fromEntries(stageKeys.map((key) => [key, procurement?.stages[key] ?? ""])),
  );
  const [dateProblems, setDateProblems] = useState<Record<string, boolean>>({});
  const [bidders, setBidders] = useState<BidderRow[]>(
    () =>
      procurement?.bidders.map((bidder) => ({
        name: bidder.name,
        taxId: bidder.tax_id ?? "",
        offered: bahtInput(bidder.offered_satang),
      })) ?? [],
  );
  const [winner, setWinner] = useState(procurement?.winner?.name ?? "");
  const [winnerPrice, setWinnerPrice] = useState(
    procurement?.winner ? bahtInput(procurement.winner.agreed_satang) : "",
  );
  const [winnerReason, setWinnerReason] = useState(procurement?.winner?.reason_th ?? "");
  const [contractNumber, setContractNumber] = useState(procurement?.contract_number ?? "");
  const [contractValue, setContractValue] = useState(
    procurement?.contract_value_satang != null ? bahtInput(procurement.contract_value_satang) : "",
  );
  const [problems, setProblems] = useState<FormProblems>(noProblems);
  const [busy, setBusy] = useState(false);

  const shown = [
    "title_th",
    "method",
    "reference_price_satang",
    "method_reason_th",
    "legal_ground",
    "egp_project_number",
    "in_e_catalog",
    "contract_number",
    "contract_value_satang",
    "winner",
    "winner.name",
    "winner.agreed_satang",
    "winner.reason_th",
    "version",
    ...stageKeys.map((key) => `stages.${key}`),
    ...bidders.flatMap((_, index) => [
      `bidders[${index}].name`,
      `bidders[${index}].offered_satang`,
      `bidders[${index}].tax_id`,
    ]),
  ];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, LocalizedText> = {};
    const amount = both("proc.amount");
    const referenceSatang = parseBaht(reference);
    if (referenceSatang === null) fields.reference_price_satang = amount;
    const offered = bidders.map((row) => parseBaht(row.offered));
    offered.forEach((value, index) => {
      if (value === null) fields[`bidders[${index}].offered_satang`] = amount;
    });
    const agreed = winnerPrice.trim() === "" ? null : parseBaht(winnerPrice);
    if (winnerPrice.trim() !== "" && agreed === null) fields["winner.agreed_satang"] = amount;
    const value = contractValue.trim() === "" ? null : parseBaht(contractValue);
    if (contractValue.trim() !== "" && value === null) fields.contract_value_satang = amount;
    for (const key of stageKeys) {
      if (dateProblems[key]) fields[`stages.${key}`] = both("date.invalid");
    }
    if (Object.keys(fields).length > 0) {
      setProblems({ fields, general: null, stale: false });
      focusFirstInvalid(document.getElementById(`${id}-form`));
      return;
    }
    const body: ProcurementInput = {
      method,
      reference_price_satang: referenceSatang ?? 0,
      in_e_catalog: catalog,
      stages: Object.fromEntries(stageKeys.map((key) => [key, stages[key] || null])),
      bidders: bidders.map((row, index) => ({
        name: row.name.trim(),
        offered_satang: offered[index] ?? 0,
        ...(row.taxId.trim() ? { tax_id: row.taxId.trim() } : {}),
      })),
      winner: winner.trim()
        ? {
            name: winner.trim(),
            ...(agreed !== null ? { agreed_satang: agreed } : {}),
            ...(winnerReason.trim() ? { reason_th: winnerReason.trim() } : {}),
          }
        : null,
    };
    if (title.trim()) body.title_th = title.trim();
    if (reason.trim()) body.method_reason_th = reason.trim();
    if (ground.trim()) body.legal_ground = ground.trim();
    if (egp.trim()) body.egp_project_number = egp.trim();
    if (contractNumber.trim()) body.contract_number = contractNumber.trim();
    if (value !== null) body.contract_value_satang = value;
    setBusy(true);
    setProblems(noProblems);
    try {
      const saved = procurement
        ? await updateProcurement(procurement.id, { ...body, version: procurement.version })
        : await createProcurement(elementId, { ...body, fiscal_year: fiscalYear });
      onSaved(saved);
    } catch (caught) {
      const found = formProblems(caught, shown);
      // A stage before the one it follows: said with the stages' names and the date.
      if (caught instanceof ApiError && caught.code === "stages_out_of_order") {
        for (const [index, key] of stageKeys.entries()) {
          if (!(`stages.${key}` in found.fields)) continue;
          const previous = stageKeys
            .slice(0, index)
            .reverse()
            .find((before) => stages[before]);
          if (!previous) continue;
          const previousDate = stages[previous] ?? "";
          found.fields[`stages.${key}`] = both("proc.stage_order", (language) => ({
            stage: translate(language, stageKey(key)),
            previous: translate(language, stageKey(previous)),
            date: formatDate(previousDate, language),
          }));
        }
      }
      setProblems(found);
      focusFirstInvalid(document.getElementById(`${id}-form`));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string) => ({
    "aria-invalid": name in problems.fields,
    "aria-describedby": `${id}-${safe(name)}-message`,
  });
  const message = (name: string) => (
    <FieldMessage id={`${id}-${safe(name)}-message`} text={problems.fields[name]} />
  );
  const text = (
    name: string,
    label: string,
    value: string,
    set: (value: string) => void,
    options: { numeric?: boolean; area?: boolean } = {},
  ) => (
    <div className="field" data-field={name}>
      <label htmlFor={`${id}-${safe(name)}`}>{label}</label>
      {options.area ? (
        <textarea
          id={`${id}-${safe(name)}`}
          rows={2}
          value={value}
          onChange={(e) => set(e.target.value)}
          {...field(name)}
        />
      ) : (
        <input
          id={`${id}-${safe(name)}`}
          inputMode={options.numeric ? "decimal" : undefined}
          autoComplete="off"
          value={value}
          onChange={(e) => set(e.target.value)}
          {...field(name)}
        />
      )}
      {message(name)}
    </div>
  );

  return (
    <form
      id={`${id}-form`}
      className="field-form"
      onSubmit={submit}
      noValidate
      aria-label={procurement ? t("proc.edit") : t("proc.new")}
    >
      <ErrorNotice error={problems.general} fieldsShown={shown} />
      {text("title_th", t("proc.title_th"), title, setTitle)}
      <div className="field" data-field="method">
        <label htmlFor={`${id}-method`}>{t("proc.method")}</label>
        <select
          id={`${id}-method`}
          value={method}
          onChange={(e) => setMethod(e.target.value as ProcurementMethod)}
          {...field("method")}
        >
          {procurementMethods.map((value) => (
            <option key={value} value={value}>
              {t(methodKey(value))}
            </option>
          ))}
        </select>
        {message("method")}
      </div>
      {text("reference_price_satang", t("proc.reference_price"), reference, setReference, { numeric: true })}
      <div className="field">
        <label>
          <input type="checkbox" checked={catalog} onChange={(e) => setCatalog(e.target.checked)} />{" "}
          {t("proc.in_e_catalog")}
        </label>
        {message("in_e_catalog")}
      </div>
      {(method === "price_quotation" || reason !== "" || "method_reason_th" in problems.fields) &&
        text("method_reason_th", t("proc.method_reason"), reason, setReason, { area: true })}
      {(method === "selection" ||
        method === "specific" ||
        ground !== "" ||
        "legal_ground" in problems.fields) &&
        text("legal_ground", t("proc.legal_ground"), ground, setGround)}
      {text("egp_project_number", t("proc.egp"), egp, setEgp)}
      <fieldset className="field-indicators">
        <legend>{t("proc.stages")}</legend>
        {stageKeys.map((key) => (
          <div key={key} data-field={`stages.${key}`} className="field">
            <BeDateInput
              label={t(stageKey(key))}
              name={`stage-${key}`}
              value={stages[key] ?? ""}
              onChange={(iso, problem) => {
                setStages((current) => ({ ...current, [key]: iso }));
                setDateProblems((current) => ({ ...current, [key]: problem !== null }));
              }}
            />
            {message(`stages.${key}`)}
          </div>
        ))}
      </fieldset>
      <fieldset className="field-indicators">
        <legend>{t("proc.bidders")}</legend>
        {bidders.map((row, index) => (
          <div key={index} className="field-bidder" data-testid="bidder-row">
            {text(`bidders[${index}].name`, `${t("proc.bidder")} ${index + 1}`, row.name, (value) =>
              setBidders((rows) => rows.map((r, at) => (at === index ? { ...r, name: value } : r))),
            )}
            {text(`bidders[${index}].tax_id`, t("proc.tax_id"), row.taxId, (value) =>
              setBidders((rows) => rows.map((r, at) => (at === index ? { ...r, taxId: value } : r))),
            )}
            {text(
              `bidders[${index}].offered_satang`,
              t("proc.offered"),
              row.offered,
              (value) =>
                setBidders((rows) => rows.map((r, at) => (at === index ? { ...r, offered: value } : r))),
              { numeric: true },
            )}
            <button
              type="button"
              className="button small"
              onClick={() => setBidders((rows) => rows.filter((_, at) => at !== index))}
            >
              {t("proc.remove")}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button small"
          onClick={() => setBidders((rows) => [...rows, { name: "", taxId: "", offered: "" }])}
        >
          {t("proc.add_bidder")}
        </button>
      </fieldset>
      {text("winner.name", t("proc.winner"), winner, setWinner)}
      {text("winner.agreed_satang", t("proc.winner_price"), winnerPrice, setWinnerPrice, { numeric: true })}
      {text("winner.reason_th", t("proc.winner_reason"), winnerReason, setWinnerReason, { area: true })}
      {message("winner")}
      {text("contract_number", t("proc.contract_number"), contractNumber, setContractNumber)}
      {text("contract_value_satang", t("proc.contract_value"), contractValue, setContractValue, {
        numeric: true,
      })}
      <div className="form-actions">
        <button type="submit" className="button primary field-wide-button" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
      {message("version")}
    </form>
  );
}
