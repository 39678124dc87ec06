// "ติดตามคำขอ": a public page where a person types the receipt they were given and
// goes to that receipt's own page. Letter case and spaces do not matter.
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { useNavigate } from "react-router";
import type { LocalizedText } from "../../api/types";
import { FieldMessage } from "../../components/FieldMessage";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLanguage } from "../../i18n/language";
import { receiptPath } from "./receiptPath";

// What a person types, as a receipt: spaces dropped (copied from a message or a photo).
export function cleanReceipt(text: string): string {
  return text.replace(/\s+/g, "");
}

export function FollowPage() {
  const { t } = useLanguage();
  useDocumentTitle(t("need.follow_page"));
  const navigate = useNavigate();
  const id = useId();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<LocalizedText | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const receipt = cleanReceipt(text);
    if (!receipt) {
      setProblem({ th: "กรุณากรอกเลขที่รับเรื่อง", en: "Enter your receipt." });
      return;
    }
    navigate(receiptPath(receipt));
  }

  return (
    <section className="public-form" aria-labelledby={`${id}-heading`}>
      <h1 id={`${id}-heading`}>{t("need.follow_page")}</h1>
      <p className="lead">{t("need.follow_intro")}</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-receipt`}>{t("need.receipt_is")}</label>
          <input
            id={`${id}-receipt`}
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={problem !== null}
            aria-describedby={`${id}-receipt-message`}
          />
          <FieldMessage id={`${id}-receipt-message`} text={problem} />
        </div>
        <button type="submit" className="button primary wide">
          {t("need.follow_go")}
        </button>
      </form>
    </section>
  );
}
