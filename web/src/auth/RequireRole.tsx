// Guards a page: anonymous visitors go to the sign-in page (and come back after),
// signed-in users without one of the roles see why they cannot enter.
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import type { Role } from "../api/types";
import { useLanguage } from "../i18n/language";
import { Loading } from "../components/Loading";
import { useAuth } from "./auth";

export function RequireRole({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { state, user } = useAuth();
  const { t } = useLanguage();
  const location = useLocation();

  if (state.status === "loading") return <Loading />;
  if (!user) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (roles && !roles.includes(user.role)) {
    return (
      <div className="notice notice-error" role="alert">
        {t("auth.need_role", { roles: roles.map((role) => t(`role.${role}`)).join(", ") })}
      </div>
    );
  }
  return <>{children}</>;
}
