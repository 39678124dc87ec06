// Promoting a reserve project: the confirmation shows what changes in the plan (the
// project's kind, its source's savings, a new plan version) and records the decision:
// committee, meeting, resolution number and date (Buddhist era), and why better-ranked
// ready reserves are skipped when they are.
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { promoteReserve, type Promotion, type Reserve } from "../../api/actionPlan";
import { getPlan } from "../../api/plan";
import type { LocalizedText } from "../../api/types";
import { BeDateInput, type DateProblem } from "../../components/BeDateInput";
import { Dialog } from "../../components/Dialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { useLoad } from "../../components/useLoad";
import { translate, useLanguage } from "../../i18n/language";
import type { MessageKey } from "../../i18n/messages";
import { formatMoney, type Unit } from "./amounts";
import { both, formProblems, noProblems, type FormProblems } from "./errors";
import { projectName, sourceKey } from "./labels";

const shownFields = [
  "committee_th",
  "meeting_th",
  "resolution_th",
  "decided_on",
  "skip_reason_th",
  "version",
];
const fieldsByCode: Record<string, string[]> = { better_ranked_reserve: ["skip_reason_th"] };

export function defaultCommittee(source: string): string {
  if (source === "provincial") return "ก.บ.จ.";
  if (source === "province_group") return "ก.บ.ก.";
  return "";
}

export function PromotionDialog({
  actionPlanId,
  planId,
  reserve,
  savingsSatang,
  betterRanked,
  unit,
  onClose,
  onPromoted,
}: {
  actionPlanId: number;
  planId: number;
  reserve: Reserve;
  savingsSatang: number;
  betterRanked: Reserve[];
  unit: Unit;
  onClose: () => void;
  onPromoted: (promotion: Promotion) => void;
}) {
  const { t, language } = useLanguage();
  const id = useId();
  const [plan] = useLoad((signal) => getPlan(planId, signal), [planId]);
  const [committee, setCommittee] = useState(defaultCommittee(reserve.budget_source));
  const [meeting, setMeeting] = useState("");
  const [resolution, setResolution] = useState("");
  const [date, setDate] = useState("");
  const [dateProblem, setDateProblem] = useState<DateProblem>(null);
  const [skipReason, setSkipReason] = useState("");
  const [problems, setProblems] = useState<FormProblems>(noProblems);
  const [busy, setBusy] = useState(false);
  const name = projectName(reserve, language);
  const money = (satang: number) => formatMoney(satang, unit, language);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, LocalizedText> = {};
    const required = (field: MessageKey) =>
      both("ap.promote.required", (language) => ({ field: translate(language, field) }));
    if (!committee.trim()) fields.committee_th = required("ap.promote.committee");
    if (!meeting.trim()) fields.meeting_th = required("ap.promote.meeting");
    if (!resolution.trim()) fields.resolution_th = required("ap.promote.resolution");
    if (!date || dateProblem) fields.decided_on = required("ap.promote.date");
    if (betterRanked.length > 0 && !skipReason.trim())
      fields.skip_reason_th = required("ap.promote.skip_reason");
    if (Object.keys(fields).length > 0) {
      setProblems({ fields, general: null, stale: false });
      return;
    }
    setProblems(noProblems);
    setBusy(true);
    try {
      const promotion = await promoteReserve(actionPlanId, {
        element_id: reserve.element_id,
        committee_th: committee.trim(),
        meeting_th: meeting.trim(),
        resolution_th: resolution.trim(),
        decided_on: date,
        ...(skipReason.trim() ? { skip_reason_th: skipReason.trim() } : {}),
        version: reserve.version,
      });
      onPromoted(promotion);
    } catch (caught) {
      setProblems(formProblems(caught, shownFields, fieldsByCode));
    } finally {
      setBusy(false);
    }
  }

  const input = (
    field: string,
    label: string,
    value: string,
    set: (value: string) => void,
    placeholder?: string,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        value={value}
        placeholder={placeholder}
        onChange={(event) => set(event.target.value)}
        aria-invalid={field in problems.fields}
        aria-describedby={`${id}-${field}-message`}
      />
      <FieldMessage id={`${id}-${field}-message`} text={problems.fields[field]} />
    </div>
  );

  const currentVersion = plan.status === "ready" ? plan.data.version : null;
  return (
    <Dialog title={t("ap.reserve.promote_named", { name })} open onClose={onClose} testId="promotion-dialog">
      <form onSubmit={submit} noValidate>
        <h3>{t("ap.promote.diff")}</h3>
        <div className="table-wrap">
          <table className="table diff ap-promotion-diff" data-testid="promotion-diff">
            <thead>
              <tr>
                <th scope="col">{t("ap.promote.field")}</th>
                <th scope="col">{t("ap.promote.before")}</th>
                <th scope="col">{t("ap.promote.after")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">
                  {t("ap.promote.kind")}: {name}
                </th>
                <td>
                  <del>
                    {reserve.ranking === null
                      ? t("ap.kind.reserve")
                      : t("ap.kind.reserve_rank", { rank: reserve.ranking })}
                  </del>
                </td>
                <td>
                  <ins>{t("ap.kind.main")}</ins>
                </td>
              </tr>
              <tr>
                <th scope="row">
                  {t("ap.promote.savings", { source: t(sourceKey(reserve.budget_source)) })}
                </th>
                <td>
                  <del>{money(savingsSatang)}</del>
                </td>
                <td>
                  <ins>{money(savingsSatang - reserve.requested_satang)}</ins>
                </td>
              </tr>
              <tr>
                <th scope="row">{t("ap.promote.plan_version")}</th>
                <td>
                  {currentVersion === null ? "–" : t("plan.version_number", { number: currentVersion })}
                </td>
                <td>
                  <ins>{t("ap.promote.plan_version_new")}</ins>
                </td>
              </tr>
            </tbody>
          </table>
        </div>
        <ErrorNotice error={problems.general} fieldsShown={shownFields} />
        {input("committee_th", t("ap.promote.committee"), committee, setCommittee, "ก.บ.จ.")}
        {input("meeting_th", t("ap.promote.meeting"), meeting, setMeeting, "2/2569")}
        {input("resolution_th", t("ap.promote.resolution"), resolution, setResolution, "5")}
        <BeDateInput
          label={t("ap.promote.date")}
          name="decided-on"
          value={date}
          onChange={(iso, problem) => {
            setDate(iso);
            setDateProblem(problem);
          }}
        />
        <FieldMessage id={`${id}-decided_on-message`} text={problems.fields.decided_on} />
        {betterRanked.length > 0 && (
          <div className="field">
            <p className="muted">
              {t("ap.promote.skip_hint", {
                names: betterRanked.map((other) => projectName(other, language)).join(", "),
              })}
            </p>
            <label htmlFor={`${id}-skip_reason_th`}>{t("ap.promote.skip_reason")}</label>
            <textarea
              id={`${id}-skip_reason_th`}
              rows={2}
              value={skipReason}
              onChange={(event) => setSkipReason(event.target.value)}
              aria-invalid={"skip_reason_th" in problems.fields}
              aria-describedby={`${id}-skip_reason_th-message`}
            />
            <FieldMessage id={`${id}-skip_reason_th-message`} text={problems.fields.skip_reason_th} />
          </div>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("common.saving") : t("ap.promote.confirm")}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </button>
        </div>
        <FieldMessage id={`${id}-version-message`} text={problems.fields.version} />
      </form>
    </Dialog>
  );
}
