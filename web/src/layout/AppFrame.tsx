// The frame around every signed-in or public page: header with the product name,
// the module menu (a drawer on phones), language switch and the user's sign-out.
import { useEffect, useState } from "react";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { useAuth } from "../auth/auth";
import { ErrorNotice } from "../components/ErrorNotice";
import { LanguageToggle } from "../components/LanguageToggle";
import { useLanguage } from "../i18n/language";
import type { ModuleEntry } from "./modules";
import { referenceModules, workModules } from "./modules";

function visible(entries: ModuleEntry[], role: string | null): ModuleEntry[] {
  return entries.filter((entry) => !entry.roles || (role !== null && entry.roles.some((r) => r === role)));
}

export function AppFrame() {
  const { t } = useLanguage();
  const { user, state, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [signOutError, setSignOutError] = useState<unknown>(null);

  // A tap on a menu link on a phone should close the drawer.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  async function handleSignOut() {
    setSignOutError(null);
    try {
      await signOut();
      navigate("/sign-in");
    } catch (error) {
      setSignOutError(error);
    }
  }

  const role = user?.role ?? null;
  const groups: [string, ModuleEntry[]][] = [
    [t("nav.group.modules"), visible(workModules, role)],
    [t("nav.group.reference"), visible(referenceModules, role)],
  ];

  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="button small menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t("nav.menu")}
        </button>
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ▲
          </span>
          <span className="brand-long">{t("app.name")}</span>
          <span className="brand-short">{t("app.short")}</span>
        </Link>
        <div className="topbar-actions">
          <LanguageToggle />
          {user ? (
            <>
              <span className="user-chip" title={t("auth.signed_in_as")}>
                <span className="user-name">{user.display_name || user.username}</span>
                <span className="user-role">{t(`role.${user.role}`)}</span>
              </span>
              <button type="button" className="button small" onClick={handleSignOut}>
                {t("auth.sign_out")}
              </button>
            </>
          ) : (
            state.status === "anonymous" && (
              <Link className="button small primary" to="/sign-in">
                {t("auth.sign_in")}
              </Link>
            )
          )}
        </div>
      </header>
      <div className="frame-body">
        <nav id="main-menu" className={menuOpen ? "sidebar open" : "sidebar"} aria-label={t("nav.label")}>
          <NavLink to="/" end className="nav-link">
            {t("nav.home")}
          </NavLink>
          {groups.map(([title, entries]) => (
            <div key={title} className="nav-group">
              <p className="nav-group-title">{title}</p>
              <ul>
                {entries.map((entry) => (
                  <li key={entry.path}>
                    <NavLink to={entry.path} className="nav-link">
                      {t(entry.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          <ErrorNotice error={signOutError} />
          <Outlet />
        </main>
      </div>
    </div>
  );
}
