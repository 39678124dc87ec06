// URLs of the app. Public pages (home, areas, agencies, plans, needs and the public
// needs form) work without signing in; the audit log needs an admin or auditor.
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
import { NeedPage } from "./pages/needs/NeedPage";
import { NeedsPage } from "./pages/needs/NeedsPage";
import { PublicNeedPage } from "./pages/needs/PublicNeedPage";
import { ReceiptPage } from "./pages/needs/ReceiptPage";
import { DiffPage } from "./pages/plan/DiffPage";
import { ElementPage } from "./pages/plan/ElementPage";
import { PlanPage } from "./pages/plan/PlanPage";
import { PlansPage } from "./pages/plan/PlansPage";
import { VersionsPage } from "./pages/plan/VersionsPage";

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
              <Route path="plan" element={<PlansPage />} />
              <Route path="plan/:planId" element={<PlanPage />} />
              <Route path="plan/:planId/versions" element={<VersionsPage />} />
              <Route path="plan/:planId/diff" element={<DiffPage />} />
              <Route path="plan/:planId/elements/:elementId" element={<ElementPage />} />
              <Route path="needs" element={<NeedsPage />} />
              <Route path="needs/submit" element={<PublicNeedPage />} />
              <Route path="needs/receipts/:receipt" element={<ReceiptPage />} />
              <Route path="needs/:needId" element={<NeedPage />} />
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
