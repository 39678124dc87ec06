import { useEffect, useRef, useState } from "react";
import type { FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../api/client";
import { ErrorNotice } from "../components/ErrorNotice";
import { FieldMessage } from "../components/FieldMessage";
import { LanguageToggle } from "../components/LanguageToggle";
import { useLanguage } from "../i18n/language";
import { useAuth } from "./auth";
import { useDocumentTitle } from "../components/useDocumentTitle";

// Only same-site paths are followed after sign-in, so a crafted link cannot send
// a freshly signed-in user to another site.
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}

export function SignInPage() {
  const { t } = useLanguage();
  const { signIn, user } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<{ username: boolean; password: boolean }>({
    username: false,
    password: false,
  });
  const usernameRef = useRef<HTMLInputElement>(null);
  useDocumentTitle(t("auth.sign_in"));

  useEffect(() => {
    if (user) navigate(next, { replace: true });
  }, [user, next, navigate]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const nowMissing = { username: username.trim() === "", password: password === "" };
    setMissing(nowMissing);
    if (nowMissing.username || nowMissing.password) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(caught);
      setPassword("");
      usernameRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fields : {};
  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <div className="sign-in-top">
          <p className="brand-mark" aria-hidden="true">
            ▲
          </p>
          <LanguageToggle />
        </div>
        <h1>{t("app.name")}</h1>
        <p className="muted">{t("auth.intro")}</p>
        <form onSubmit={submit} noValidate>
          <ErrorNotice error={error} fieldsShown={["username", "password"]} />
          <div className="field">
            <label htmlFor="username">{t("auth.username")}</label>
            <input
              id="username"
              name="username"
              ref={usernameRef}
              autoComplete="username"
              autoCapitalize="none"
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              aria-invalid={missing.username || "username" in fieldErrors}
              aria-describedby="username-message"
              autoFocus
            />
            <FieldMessage
              id="username-message"
              text={
                missing.username ? { th: "กรุณากรอกชื่อผู้ใช้", en: "Enter your username." } : fieldErrors.username
              }
            />
          </div>
          <div className="field">
            <label htmlFor="password">{t("auth.password")}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={missing.password || "password" in fieldErrors}
              aria-describedby="password-message"
            />
            <FieldMessage
              id="password-message"
              text={
                missing.password ? { th: "กรุณากรอกรหัสผ่าน", en: "Enter your password." } : fieldErrors.password
              }
            />
          </div>
          <button type="submit" className="button primary wide" disabled={busy}>
            {busy ? t("auth.signing_in") : t("auth.sign_in")}
          </button>
        </form>
        <p className="sign-in-public">
          <a href="/">{t("nav.home")}</a>
        </p>
      </div>
    </main>
  );
}
