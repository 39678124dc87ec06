// User management for the admin (/users): every user of the province with their
// role and scope; add a user, change role and scope, disable or enable, set a new
// password. Each change is recorded in the audit log (linked from here).
import { useId, useMemo, useState } from "react";
import type { FormEvent, ReactNode } from "react";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import { getArea, listAgencies } from "../../api/endpoints";
import type { Role, LocalizedText } from "../../api/types";
import { createUser, listUsers, resetPassword, roles, updateUser } from "../../api/users";
import type { ManagedUser, UserChange } from "../../api/users";
import { useAuth } from "../../auth/auth";
import { Dialog } from "../../components/Dialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { compareNames, sortByName } from "../../format/sort";
import { useLanguage } from "../../i18n/language";
import { provinceCode } from "../areas/AreasPage";

const passwordMin = 8;

interface Choice {
  value: string;
  label: string;
}

// Agencies and areas (province and its districts) a user's scope may name.
function useScopeChoices(): { agencies: Choice[]; areas: Choice[] } {
  const { language } = useLanguage();
  const [agencies] = useLoad((signal) => listAgencies(signal), []);
  const [province] = useLoad((signal) => getArea(provinceCode, signal), []);
  return useMemo(() => {
    const name = (item: { name_th: string; name_en: string }) =>
      language === "en" ? item.name_en || item.name_th : item.name_th;
    const areas: Choice[] = [];
    if (province.data) {
      areas.push({ value: province.data.code, label: name(province.data) });
      for (const district of sortByName(province.data.children, language))
        areas.push({ value: district.code, label: name(district) });
    }
    return {
      agencies: sortByName(agencies.data ?? [], language).map((agency) => ({
        value: agency.code,
        label: name(agency),
      })),
      areas,
    };
  }, [agencies.data, province.data, language]);
}

function Field({
  id,
  label,
  message,
  children,
}: {
  id: string;
  label: string;
  message?: LocalizedText;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldMessage id={`${id}-message`} text={message} />
    </div>
  );
}

function ScopeFields({
  prefix,
  role,
  setRole,
  agency,
  setAgency,
  area,
  setArea,
  fields,
  lockRole,
}: {
  prefix: string;
  role: Role;
  setRole: (role: Role) => void;
  agency: string;
  setAgency: (code: string) => void;
  area: string;
  setArea: (code: string) => void;
  fields: Record<string, LocalizedText>;
  lockRole?: boolean;
}) {
  const { t } = useLanguage();
  const choices = useScopeChoices();
  const select = (
    name: string,
    label: string,
    value: string,
    set: (value: string) => void,
    options: Choice[],
    empty?: string,
    disabled?: boolean,
  ) => (
    <Field id={`${prefix}-${name}`} label={label} message={fields[name]}>
      <select
        id={`${prefix}-${name}`}
        value={value}
        disabled={disabled}
        onChange={(event) => set(event.target.value)}
        aria-invalid={name in fields}
        aria-describedby={`${prefix}-${name}-message`}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <>
      {select(
        "role",
        t("field.role"),
        role,
        (value) => setRole(value as Role),
        roles.map((item) => ({ value: item, label: t(`role.${item}`) })),
        undefined,
        lockRole,
      )}
      {select(
        "agency_code",
        t("field.agency_code"),
        agency,
        setAgency,
        choices.agencies,
        t("users.no_agency"),
      )}
      {select("area_code", t("field.area_code"), area, setArea, choices.areas, t("users.no_area"))}
    </>
  );
}

function NewUserForm({ onAdded }: { onAdded: (username: string) => void }) {
  const { t } = useLanguage();
  const id = useId();
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("agency_officer");
  const [agency, setAgency] = useState("");
  const [area, setArea] = useState("");
  const [password, setPassword] = useState("");
  const [fields, setFields] = useState<Record<string, LocalizedText>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, LocalizedText> = {};
    if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username.trim()))
      problems.username = {
        th: "ชื่อผู้ใช้ 3–64 ตัว ใช้ a–z 0–9 . _ - ขึ้นต้นด้วยตัวอักษรหรือตัวเลข",
        en: "3–64 characters of a–z 0–9 . _ -, starting with a letter or digit.",
      };
    if (password.length < passwordMin)
      problems.password = {
        th: `รหัสผ่านต้องยาวอย่างน้อย ${passwordMin} ตัวอักษร`,
        en: `At least ${passwordMin} characters.`,
      };
    if (role === "agency_officer" && !agency)
      problems.agency_code = { th: "เจ้าหน้าที่หน่วยงานต้องมีหน่วยงาน", en: "An agency officer needs an agency." };
    setFields(problems);
    setError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await createUser({
        username: username.trim(),
        display_name: displayName.trim(),
        role,
        agency_code: agency || null,
        area_code: area || null,
        password,
      });
      onAdded(username.trim());
      setUsername("");
      setDisplayName("");
      setPassword("");
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) setFields(caught.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="panel"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-heading`}
      data-testid="new-user"
    >
      <h2 id={`${id}-heading`}>{t("users.add")}</h2>
      <ErrorNotice
        error={error}
        fieldsShown={["username", "display_name", "role", "agency_code", "area_code", "password"]}
      />
      <div className="filters-grid">
        <Field id={`${id}-username`} label={t("field.username")} message={fields.username}>
          <input
            id={`${id}-username`}
            autoCapitalize="none"
            autoComplete="off"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            aria-invalid={"username" in fields}
            aria-describedby={`${id}-username-message`}
          />
        </Field>
        <Field id={`${id}-display`} label={t("field.display_name")} message={fields.display_name}>
          <input
            id={`${id}-display`}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
          />
        </Field>
        <ScopeFields
          prefix={id}
          role={role}
          setRole={setRole}
          agency={agency}
          setAgency={setAgency}
          area={area}
          setArea={setArea}
          fields={fields}
        />
        <Field id={`${id}-password`} label={t("users.first_password")} message={fields.password}>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={"password" in fields}
            aria-describedby={`${id}-password-message`}
          />
        </Field>
      </div>
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t("common.saving") : t("users.add_button")}
      </button>
    </form>
  );
}

function EditUserDialog({
  user,
  self,
  onClose,
  onSaved,
}: {
  user: ManagedUser;
  self: boolean;
  onClose: () => void;
  onSaved: (user: ManagedUser) => void;
}) {
  const { t } = useLanguage();
  const id = useId();
  const [displayName, setDisplayName] = useState(user.display_name);
  const [role, setRole] = useState<Role>(user.role);
  const [agency, setAgency] = useState(user.agency_code ?? "");
  const [area, setArea] = useState(user.area_code ?? "");
  const [fields, setFields] = useState<Record<string, LocalizedText>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const change: UserChange = { version: user.version };
    if (displayName.trim() !== user.display_name) change.display_name = displayName.trim();
    if (role !== user.role) change.role = role;
    if (agency !== (user.agency_code ?? "")) change.agency_code = agency || null;
    if (area !== (user.area_code ?? "")) change.area_code = area || null;
    setBusy(true);
    setError(null);
    try {
      onSaved(await updateUser(user.id, change));
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) setFields(caught.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t("users.edit_title", { name: user.username })} open onClose={onClose} testId="edit-user">
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={error} fieldsShown={["display_name", "role", "agency_code", "area_code"]} />
        <Field id={`${id}-display`} label={t("field.display_name")} message={fields.display_name}>
          <input
            id={`${id}-display`}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
          />
        </Field>
        <ScopeFields
          prefix={id}
          role={role}
          setRole={setRole}
          agency={agency}
          setAgency={setAgency}
          area={area}
          setArea={setArea}
          fields={fields}
          lockRole={self}
        />
        <div className="dialog-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("common.saving") : t("common.save")}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function PasswordDialog({
  user,
  onClose,
  onDone,
}: {
  user: ManagedUser;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useLanguage();
  const id = useId();
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<LocalizedText | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < passwordMin) {
      setProblem({
        th: `รหัสผ่านต้องยาวอย่างน้อย ${passwordMin} ตัวอักษร`,
        en: `At least ${passwordMin} characters.`,
      });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await resetPassword(user.id, password);
      onDone();
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) setProblem(caught.fields.password);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t("users.password_title", { name: user.username })}
      open
      onClose={onClose}
      testId="reset-password"
    >
      <form onSubmit={submit} noValidate>
        <p className="muted">{t("users.password_hint")}</p>
        <ErrorNotice error={error} fieldsShown={["password"]} />
        <Field id={`${id}-password`} label={t("users.new_password")} message={problem}>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={problem !== undefined}
            aria-describedby={`${id}-password-message`}
          />
        </Field>
        <div className="dialog-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("common.saving") : t("users.set_password")}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function UsersPage() {
  const { t } = useLanguage();
  const { user: me } = useAuth();
  useDocumentTitle(t("users.title"));
  const [load, reload, replace] = useLoad((signal) => listUsers(signal), []);
  const [editing, setEditing] = useState<ManagedUser | null>(null);
  const [passwordFor, setPasswordFor] = useState<ManagedUser | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const users = useMemo(
    () => [...(load.data ?? [])].sort((a, b) => compareNames(a.username, b.username, "en")),
    [load.data],
  );

  function replaceUser(changed: ManagedUser) {
    replace((load.data ?? []).map((item) => (item.id === changed.id ? changed : item)));
  }

  async function setDisabled(target: ManagedUser, disabled: boolean) {
    setBusy(target.id);
    setError(null);
    setNotice(null);
    try {
      replaceUser(await updateUser(target.id, { disabled, version: target.version }));
      setNotice(t(disabled ? "users.disabled_notice" : "users.enabled_notice", { name: target.username }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  const scope = (user: ManagedUser) =>
    [user.agency_name_th ?? user.agency_code, user.area_name_th ?? user.area_code]
      .filter(Boolean)
      .join(" · ") || "—";

  return (
    <>
      <h1>{t("users.title")}</h1>
      <p className="lead">
        {t("users.lead")} <Link to="/audit?entity=user">{t("users.audit_link")}</Link>
      </p>
      {notice && (
        <div className="notice notice-success" role="status">
          {notice}
        </div>
      )}
      <ErrorNotice error={error} />
      {load.status === "failed" && <ErrorNotice error={load.error} onRetry={reload} />}
      {load.status === "loading" && !load.data && <Loading />}
      {users.length > 0 && (
        <div className="table-wrap">
          <table className="table stack users-table" data-testid="users">
            <thead>
              <tr>
                <th scope="col">{t("field.username")}</th>
                <th scope="col">{t("field.display_name")}</th>
                <th scope="col">{t("field.role")}</th>
                <th scope="col">{t("users.scope")}</th>
                <th scope="col">{t("users.state")}</th>
                <th scope="col">{t("agencies.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr
                  key={user.id}
                  data-username={user.username}
                  className={user.disabled ? "user-disabled" : undefined}
                >
                  <td data-label={t("field.username")}>
                    <code>{user.username}</code>
                  </td>
                  <td data-label={t("field.display_name")}>{user.display_name || "—"}</td>
                  <td data-label={t("field.role")}>{t(`role.${user.role}`)}</td>
                  <td data-label={t("users.scope")}>{scope(user)}</td>
                  <td data-label={t("users.state")}>
                    <span className={`badge${user.disabled ? " need-rejected" : ""}`}>
                      {user.disabled ? t("users.state_disabled") : t("users.state_active")}
                    </span>
                  </td>
                  <td data-label={t("agencies.actions")}>
                    <span className="form-actions">
                      <button
                        type="button"
                        className="button small"
                        aria-label={t("users.edit_label", { name: user.username })}
                        onClick={() => setEditing(user)}
                      >
                        {t("common.edit")}
                      </button>
                      <button
                        type="button"
                        className="button small"
                        aria-label={t("users.password_label", { name: user.username })}
                        onClick={() => setPasswordFor(user)}
                      >
                        {t("users.set_password")}
                      </button>
                      {me?.id !== user.id && (
                        <button
                          type="button"
                          className={`button small${user.disabled ? "" : " danger"}`}
                          disabled={busy === user.id}
                          aria-label={t(user.disabled ? "users.enable_label" : "users.disable_label", {
                            name: user.username,
                          })}
                          onClick={() => void setDisabled(user, !user.disabled)}
                        >
                          {user.disabled ? t("users.enable") : t("users.disable")}
                        </button>
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewUserForm
        onAdded={(username) => {
          setNotice(t("users.added_notice", { name: username }));
          reload();
        }}
      />
      {editing && (
        <EditUserDialog
          user={editing}
          self={me?.id === editing.id}
          onClose={() => setEditing(null)}
          onSaved={(changed) => {
            replaceUser(changed);
            setEditing(null);
            setNotice(t("users.saved_notice", { name: changed.username }));
          }}
        />
      )}
      {passwordFor && (
        <PasswordDialog
          user={passwordFor}
          onClose={() => setPasswordFor(null)}
          onDone={() => {
            setNotice(t("users.password_notice", { name: passwordFor.username }));
            setPasswordFor(null);
          }}
        />
      )}
    </>
  );
}
