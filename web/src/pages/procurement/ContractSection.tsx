// The contract of a procurement: number, value, signing and end (after extensions),
// instalments (งวดงาน) with their delivery and inspection, extensions, penalty waivers,
// penalties and termination. Writers set the instalments, record an inspection or an
// event in a dialog; the server's refusals appear next to the fields.
import { useId, useState } from "react";
import type { FormEvent, ReactNode } from "react";
import {
  addContractEvent,
  inspectInstalment,
  setInstalments,
  type ContractEvent,
  type ContractInstalment,
  type Procurement,
} from "../../api/procurement";
import type { LocalizedText } from "../../api/types";
import { BeDateInput } from "../../components/BeDateInput";
import { Dialog } from "../../components/Dialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { formatDate } from "../../format/date";
import { useLanguage } from "../../i18n/language";
import type { MessageKey } from "../../i18n/messages";
import { bahtInput, formatAmount, formatMoney, parseBaht } from "../action-plan/amounts";
import { both, formProblems, noProblems, type FormProblems } from "../action-plan/errors";

type EventKind = ContractEvent["kind"];
const eventKinds: EventKind[] = ["extension", "penalty_waiver", "penalty", "termination"];
const eventKey = (kind: string): MessageKey => `proc.event.${kind as EventKind}`;
const safe = (name: string) => name.replace(/[^a-z0-9_]/gi, "_");

// A small form inside a dialog: fields with their messages, save and cancel.
function DialogForm({
  title,
  open,
  onClose,
  onSubmit,
  problems,
  shown,
  busy,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  problems: FormProblems;
  shown: string[];
  busy: boolean;
  children: ReactNode;
}) {
  const { t } = useLanguage();
  return (
    <Dialog title={title} open={open} onClose={onClose}>
      <form className="field-form" onSubmit={onSubmit} noValidate>
        <ErrorNotice error={problems.general} fieldsShown={shown} />
        {children}
        <FieldMessage id={`${safe(title)}-version`} text={problems.fields.version} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("common.saving") : t("common.save")}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function useWrite(onDone: (saved: Procurement) => void, shown: string[]) {
  const [problems, setProblems] = useState<FormProblems>(noProblems);
  const [busy, setBusy] = useState(false);
  async function run(fields: Record<string, LocalizedText>, write: () => Promise<Procurement>) {
    if (Object.keys(fields).length > 0) {
      setProblems({ fields, general: null, stale: false });
      return;
    }
    setBusy(true);
    setProblems(noProblems);
    try {
      onDone(await write());
    } catch (caught) {
      setProblems(formProblems(caught, shown));
    } finally {
      setBusy(false);
    }
  }
  return { problems, busy, run, reset: () => setProblems(noProblems) };
}

function InstalmentsDialog({
  procurement,
  open,
  onClose,
  onSaved,
}: {
  procurement: Procurement;
  open: boolean;
  onClose: () => void;
  onSaved: (saved: Procurement) => void;
}) {
  const { t } = useLanguage();
  const id = useId();
  const [rows, setRows] = useState(() =>
    procurement.contract.instalments.map((item) => ({
      due: item.due_on,
      amount: bahtInput(item.amount_satang),
    })),
  );
  const shown = [
    "instalments",
    ...rows.flatMap((_, i) => [`instalments[${i}].due_on`, `instalments[${i}].amount_satang`]),
  ];
  const write = useWrite(onSaved, shown);
  function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, LocalizedText> = {};
    const amounts = rows.map((row) => parseBaht(row.amount));
    amounts.forEach((amount, i) => {
      if (amount === null) fields[`instalments[${i}].amount_satang`] = both("proc.amount");
    });
    void write.run(fields, () =>
      setInstalments(procurement.id, {
        version: procurement.version,
        instalments: rows.map((row, i) => ({
          number: i + 1,
          due_on: row.due,
          amount_satang: amounts[i] ?? 0,
        })),
      }),
    );
  }
  return (
    <DialogForm
      title={t("proc.instalments")}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      problems={write.problems}
      shown={shown}
      busy={write.busy}
    >
      {rows.map((row, i) => (
        <fieldset key={i} className="field-indicators">
          <legend>
            {t("proc.instalment")} {i + 1}
          </legend>
          <BeDateInput
            label={t("proc.instalment_due")}
            name={`${id}-due-${i}`}
            value={row.due}
            onChange={(iso) => setRows((all) => all.map((r, at) => (at === i ? { ...r, due: iso } : r)))}
          />
          <FieldMessage
            id={`${id}-due-${i}-message`}
            text={write.problems.fields[`instalments[${i}].due_on`]}
          />
          <div className="field">
            <label htmlFor={`${id}-amount-${i}`}>{t("proc.instalment_amount")}</label>
            <input
              id={`${id}-amount-${i}`}
              inputMode="decimal"
              value={row.amount}
              onChange={(e) =>
                setRows((all) => all.map((r, at) => (at === i ? { ...r, amount: e.target.value } : r)))
              }
              aria-invalid={`instalments[${i}].amount_satang` in write.problems.fields}
            />
            <FieldMessage
              id={`${id}-amount-${i}-message`}
              text={write.problems.fields[`instalments[${i}].amount_satang`]}
            />
          </div>
          <button
            type="button"
            className="button small"
            onClick={() => setRows((all) => all.filter((_, at) => at !== i))}
          >
            {t("proc.remove")}
          </button>
        </fieldset>
      ))}
      <FieldMessage id={`${id}-instalments-message`} text={write.problems.fields.instalments} />
      <button
        type="button"
        className="button small"
        onClick={() => setRows((all) => [...all, { due: "", amount: "" }])}
      >
        + {t("proc.instalment")} {rows.length + 1}
      </button>
    </DialogForm>
  );
}

function InspectionDialog({
  procurement,
  instalment,
  onClose,
  onSaved,
}: {
  procurement: Procurement;
  instalment: ContractInstalment | null;
  onClose: () => void;
  onSaved: (saved: Procurement) => void;
}) {
  const { t } = useLanguage();
  const id = useId();
  const [on, setOn] = useState("");
  const [delivered, setDelivered] = useState("");
  const [committee, setCommittee] = useState("");
  const [accepted, setAccepted] = useState(true);
  const [note, setNote] = useState("");
  const shown = ["inspected_on", "delivered_on", "committee_th", "accepted", "note_th"];
  const write = useWrite(onSaved, shown);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!instalment) return;
    void write.run({}, () =>
      inspectInstalment(procurement.id, instalment.number, {
        version: procurement.version,
        inspected_on: on,
        committee_th: committee.trim(),
        accepted,
        ...(note.trim() ? { note_th: note.trim() } : {}),
        ...(!instalment.delivered_on && delivered ? { delivered_on: delivered } : {}),
      }),
    );
  }
  return (
    <DialogForm
      title={`${t("proc.inspection")} ${t("proc.instalment")} ${instalment?.number ?? ""}`}
      open={instalment !== null}
      onClose={onClose}
      onSubmit={submit}
      problems={write.problems}
      shown={shown}
      busy={write.busy}
    >
      {instalment && !instalment.delivered_on && (
        <>
          <BeDateInput
            label={t("proc.delivered")}
            name={`${id}-delivered`}
            value={delivered}
            onChange={setDelivered}
          />
          <FieldMessage id={`${id}-delivered-message`} text={write.problems.fields.delivered_on} />
        </>
      )}
      <BeDateInput label={t("proc.inspection")} name={`${id}-on`} value={on} onChange={setOn} />
      <FieldMessage id={`${id}-on-message`} text={write.problems.fields.inspected_on} />
      <div className="field">
        <label htmlFor={`${id}-committee`}>{t("field.committee_th")}</label>
        <textarea
          id={`${id}-committee`}
          rows={2}
          value={committee}
          onChange={(e) => setCommittee(e.target.value)}
        />
        <FieldMessage id={`${id}-committee-message`} text={write.problems.fields.committee_th} />
      </div>
      <div className="field">
        <label>
          <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />{" "}
          {t("proc.accepted")}
        </label>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t("field.note")}</label>
        <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
    </DialogForm>
  );
}

function EventDialog({
  procurement,
  open,
  onClose,
  onSaved,
}: {
  procurement: Procurement;
  open: boolean;
  onClose: () => void;
  onSaved: (saved: Procurement) => void;
}) {
  const { t } = useLanguage();
  const id = useId();
  const [kind, setKind] = useState<EventKind>("extension");
  const [on, setOn] = useState("");
  const [days, setDays] = useState("");
  const [newEnd, setNewEnd] = useState("");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const shown = ["kind", "on", "days", "new_end", "amount_satang", "reason_th"];
  const write = useWrite(onSaved, shown);
  function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, LocalizedText> = {};
    const satang = amount.trim() === "" ? null : parseBaht(amount);
    if (amount.trim() !== "" && satang === null) fields.amount_satang = both("proc.amount");
    const dayCount = days.trim() === "" ? null : Number(days);
    void write.run(fields, () =>
      addContractEvent(procurement.id, {
        version: procurement.version,
        kind,
        on,
        reason_th: reason.trim(),
        ...(dayCount !== null && Number.isInteger(dayCount) ? { days: dayCount } : {}),
        ...(newEnd ? { new_end: newEnd } : {}),
        ...(satang !== null ? { amount_satang: satang } : {}),
      }),
    );
  }
  return (
    <DialogForm
      title={t("proc.events")}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      problems={write.problems}
      shown={shown}
      busy={write.busy}
    >
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t("proc.events")}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as EventKind)}>
          {eventKinds.map((value) => (
            <option key={value} value={value}>
              {t(eventKey(value))}
            </option>
          ))}
        </select>
      </div>
      <BeDateInput label={t("field.on")} name={`${id}-on`} value={on} onChange={setOn} />
      <FieldMessage id={`${id}-on-message`} text={write.problems.fields.on} />
      {kind === "extension" && (
        <>
          <div className="field">
            <label htmlFor={`${id}-days`}>{t("field.days")}</label>
            <input
              id={`${id}-days`}
              inputMode="numeric"
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
            <FieldMessage id={`${id}-days-message`} text={write.problems.fields.days} />
          </div>
          <BeDateInput
            label={t("proc.stage.contract_end")}
            name={`${id}-end`}
            value={newEnd}
            onChange={setNewEnd}
          />
          <FieldMessage id={`${id}-end-message`} text={write.problems.fields.new_end} />
        </>
      )}
      {(kind === "penalty" || kind === "penalty_waiver") && (
        <div className="field">
          <label htmlFor={`${id}-amount`}>{t("proc.instalment_amount")}</label>
          <input
            id={`${id}-amount`}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
          <FieldMessage id={`${id}-amount-message`} text={write.problems.fields.amount_satang} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t("field.reason")}</label>
        <textarea id={`${id}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        <FieldMessage id={`${id}-reason-message`} text={write.problems.fields.reason_th} />
      </div>
    </DialogForm>
  );
}

export function ContractSection({
  procurement,
  mayWrite,
  onChanged,
}: {
  procurement: Procurement;
  mayWrite: boolean;
  onChanged: (saved: Procurement) => void;
}) {
  const { t, language } = useLanguage();
  const [dialog, setDialog] = useState<"instalments" | "event" | null>(null);
  const [inspecting, setInspecting] = useState<ContractInstalment | null>(null);
  const contract = procurement.contract;
  const money = (satang: number) => formatMoney(satang, "baht", language);
  const date = (iso: string | null | undefined) => (iso ? formatDate(iso, language) : "–");
  const signed = contract.signed_on !== null;
  if (!signed && !contract.contract_number) return null;
  const done = (saved: Procurement) => {
    setDialog(null);
    setInspecting(null);
    onChanged(saved);
  };
  return (
    <section data-testid="contract">
      <h3>{t("proc.contract")}</h3>
      <dl className="ap-summary">
        <div>
          <dt>{t("proc.contract_number")}</dt>
          <dd>{contract.contract_number ?? "–"}</dd>
        </div>
        <div>
          <dt>{t("field.contract_value_satang")}</dt>
          <dd>{contract.contract_value_satang === null ? "–" : money(contract.contract_value_satang)}</dd>
        </div>
        <div>
          <dt>{t("proc.stage.contract_signed")}</dt>
          <dd>{date(contract.signed_on)}</dd>
        </div>
        <div>
          <dt>{t("proc.stage.contract_end")}</dt>
          <dd>{date(contract.end)}</dd>
        </div>
      </dl>
      {contract.terminated_on && (
        <p className="notice notice-error">{t("proc.terminated", { date: date(contract.terminated_on) })}</p>
      )}
      <h4>{t("proc.instalments")}</h4>
      {contract.instalments.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="instalments">
            <thead>
              <tr>
                <th scope="col">{t("proc.instalment")}</th>
                <th scope="col">{t("proc.instalment_due")}</th>
                <th scope="col">{t("proc.instalment_amount")}</th>
                <th scope="col">{t("proc.delivered")}</th>
                <th scope="col">{t("proc.inspection")}</th>
              </tr>
            </thead>
            <tbody>
              {contract.instalments.map((item) => (
                <tr key={item.number}>
                  <th scope="row">{item.number}</th>
                  <td>{date(item.due_on)}</td>
                  <td className="num">{formatAmount(item.amount_satang, "baht")}</td>
                  <td>{date(item.delivered_on)}</td>
                  <td>
                    {item.accepted === null ? (
                      mayWrite ? (
                        <button type="button" className="button small" onClick={() => setInspecting(item)}>
                          {t("proc.inspection")}
                        </button>
                      ) : (
                        t("proc.not_inspected")
                      )
                    ) : (
                      <>
                        {item.accepted ? t("proc.accepted") : t("proc.rejected")} · {date(item.inspected_on)}
                        {item.committee_th && <span className="muted field-sub">{item.committee_th}</span>}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {contract.events.length > 0 && (
        <>
          <h4>{t("proc.events")}</h4>
          <ul className="field-queue-list" data-testid="contract-events">
            {contract.events.map((item) => (
              <li key={item.id}>
                <span>
                  {t(eventKey(item.kind))} · {date(item.on)}
                  {item.days !== null && ` · ${item.days}`}
                  {item.new_end && ` → ${date(item.new_end)}`}
                  {item.amount_satang !== null && ` · ${money(item.amount_satang)}`}
                  <span className="muted field-sub">{item.reason_th}</span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        {t("proc.penalties", {
          charged: money(contract.penalties_satang),
          waived: money(contract.penalties_waived_satang),
        })}
      </p>
      {mayWrite && signed && (
        <p className="field-queue-actions">
          <button type="button" className="button small" onClick={() => setDialog("instalments")}>
            {t("proc.instalments")}
          </button>
          <button type="button" className="button small" onClick={() => setDialog("event")}>
            {t("proc.events")}
          </button>
        </p>
      )}
      {dialog === "instalments" && (
        <InstalmentsDialog procurement={procurement} open onClose={() => setDialog(null)} onSaved={done} />
      )}
      {dialog === "event" && (
        <EventDialog procurement={procurement} open onClose={() => setDialog(null)} onSaved={done} />
      )}
      {inspecting && (
        <InspectionDialog
          procurement={procurement}
          instalment={inspecting}
          onClose={() => setInspecting(null)}
          onSaved={done}
        />
      )}
    </section>
  );
}
