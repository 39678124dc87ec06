// The message under one form field (from client checks or the API's `fields`).
import type { LocalizedText } from "../api/types";
import { useLanguage } from "../i18n/language";

export function FieldMessage({ id, text }: { id: string; text?: LocalizedText | null }) {
  const { pick } = useLanguage();
  return (
    <p id={id} className="field-message" aria-live="polite">
      {text ? pick(text) : ""}
    </p>
  );
}
