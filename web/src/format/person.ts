// Who did something, as people read it. Records keep a username ("command-line" for
// the server's command, "anonymous" for nobody); the API gives a display name where it
// has one (`…_name` fields), and this is the fallback.
import type { Language } from "../i18n/language";

export function personName(
  username: string | null | undefined,
  language: Language,
  displayName?: string | null,
): string {
  if (displayName) return displayName;
  if (!username || username === "anonymous") return language === "en" ? "anonymous" : "ผู้ไม่ระบุตัวตน";
  if (username === "command-line")
    return language === "en" ? "Administrator (command line)" : "ผู้ดูแลระบบ (คำสั่ง)";
  return username;
}
