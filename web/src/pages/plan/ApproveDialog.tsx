// Approving a draft records the committee's resolution: the meeting of the provincial
// development committee (ก.บ.จ.) and its date, kept with the version as its note
// ("มติ ก.บ.จ. ครั้งที่ 3/2569 วันที่ 2 ธ.ค. 2569"), plus anything else worth keeping.
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { ApiError } from "../../api/client";
import { approveVersion } from "../../api/plan";
import type { LocalizedText } from "../../api/types";
import { BeDateInput } from "../../components/BeDateInput";
import type { DateProblem } from "../../components/BeDateInput";
import { Dialog } from "../../components/Dialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { formatDate } from "../../format/date";
import { useLanguage } from "../../i18n/language";

// The note that records the resolution (always in Thai: it is the official record).
export function resolutionNote(meeting: string, dateIso: string, extra: string): string {
  const number = meeting.trim().replace(/^ครั้งที่\s*/, "");
  const line = `มติ ก.บ.จ. ครั้งที่ ${number} วันที่ ${formatDate(dateIso, "th")}`;
  return extra.trim() ? `${line}\n${extra.trim()}` : line;
}

export function ApproveDialog({
  planId,
  version,
  open,
  onClose,
  onApproved,
}: {
  planId: number;
  version: number;
  open: boolean;
  onClose: () => void;
  onApproved: () => void;
}) {
  const { t } = useLanguage();
  const id = useId();
  const [meeting, setMeeting] = useState("");
  const [date, setDate] = useState("");
  const [dateProblem, setDateProblem] = useState<DateProblem>(null);
  const [extra, setExtra] = useState("");
  const [fields, setFields] = useState<Record<string, LocalizedText>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, LocalizedText> = {};
    if (!meeting.trim())
      problems.meeting = { th: "กรุณาระบุครั้งที่ของการประชุม ก.บ.จ.", en: "Enter the committee meeting." };
    if (!date || dateProblem)
      problems.date = { th: "กรุณาระบุวันที่ประชุมให้ครบ", en: "Enter the date of the meeting." };
    setFields(problems);
    setError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await approveVersion(planId, version, resolutionNote(meeting, date, extra));
      onApproved();
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) setFields(caught.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t("plan.approve_title", { number: version })}
      open={open}
      onClose={onClose}
      testId="approve-dialog"
    >
      <form onSubmit={submit} noValidate>
        <p className="muted">{t("plan.approve_confirm", { number: version })}</p>
        <ErrorNotice error={error} fieldsShown={["meeting", "date", "note"]} />
        <div className="field">
          <label htmlFor={`${id}-meeting`}>{t("plan.resolution_meeting")}</label>
          <input
            id={`${id}-meeting`}
            value={meeting}
            placeholder="3/2569"
            onChange={(event) => setMeeting(event.target.value)}
            aria-invalid={"meeting" in fields}
            aria-describedby={`${id}-meeting-message`}
          />
          <FieldMessage id={`${id}-meeting-message`} text={fields.meeting} />
        </div>
        <BeDateInput
          label={t("plan.resolution_date")}
          name="resolution-date"
          value={date}
          onChange={(iso, problem) => {
            setDate(iso);
            setDateProblem(problem);
          }}
        />
        <FieldMessage id={`${id}-date-message`} text={fields.date} />
        <div className="field">
          <label htmlFor={`${id}-note`}>{t("plan.resolution_extra")}</label>
          <textarea
            id={`${id}-note`}
            rows={3}
            value={extra}
            onChange={(event) => setExtra(event.target.value)}
          />
          <FieldMessage id={`${id}-note-message`} text={fields.note} />
        </div>
        <div className="dialog-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("common.saving") : t("plan.approve")}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
