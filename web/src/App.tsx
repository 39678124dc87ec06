// URLs of the app. Public pages (home, areas, agencies) work without signing in;
// the audit log needs an admin or auditor.
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { AuthProvider } from "./auth/auth";
import { RequireRole } from "./auth/RequireRole";
import { SignInPage } from "./auth/SignInPage";
import { LanguageProvider } from "./i18n/language";
import { AppFrame } from "./layout/AppFrame";
import { workModules } from "./layout/modules";
import { AgenciesPage } from "./pages/agencies/AgenciesPage";
import { AreasPage, provinceCode } from "./pages/areas/AreasPage";
import { AuditPage } from "./pages/audit/AuditPage";
import { HomePage } from "./pages/HomePage";
import { ComingSoon } from "./pages/modules/ComingSoon";
import { NotFoundPage } from "./pages/NotFoundPage";

export function App() {
  return (
    <LanguageProvider>
      <AuthProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route element={<AppFrame />}>
              <Route index element={<HomePage />} />
              <Route path="areas" element={<Navigate to={`/areas/${provinceCode}`} replace />} />
              <Route path="areas/:code" element={<AreasPage />} />
              <Route path="agencies" element={<AgenciesPage />} />
              <Route
                path="audit"
                element={
                  <RequireRole roles={["admin", "auditor"]}>
                    <AuditPage />
                  </RequireRole>
                }
              />
              {workModules
                .filter((module) => !module.ready)
                .map((module) => (
                  <Route
                    key={module.path}
                    path={`${module.path.slice(1)}/*`}
                    element={<ComingSoon module={module} />}
                  />
                ))}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AuthProvider>
    </LanguageProvider>
  );
}
