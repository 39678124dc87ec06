// URLs of the app. Public pages (home, areas, agencies, plans, needs and the public
// needs form) work without signing in; the audit log needs an admin or auditor.
import { lazy, Suspense } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { AuthProvider } from "./auth/auth";
import { Loading } from "./components/Loading";
import { RequireRole } from "./auth/RequireRole";
import { SignInPage } from "./auth/SignInPage";
import { LanguageProvider } from "./i18n/language";
import { AppFrame } from "./layout/AppFrame";
import { workModules } from "./layout/modules";
import { AgenciesPage } from "./pages/agencies/AgenciesPage";
import { AreasPage, provinceCode } from "./pages/areas/AreasPage";
import { HomePage } from "./pages/HomePage";
import { ComingSoon } from "./pages/modules/ComingSoon";
import { NotFoundPage } from "./pages/NotFoundPage";

// Pages beyond the first screen load on demand, so the sign-in page and the
// overview need only the small core bundle.
const AuditPage = lazy(() =>
  import("./pages/audit/AuditPage").then((module) => ({ default: module.AuditPage })),
);
const NeedPage = lazy(() =>
  import("./pages/needs/NeedPage").then((module) => ({ default: module.NeedPage })),
);
const NeedsPage = lazy(() =>
  import("./pages/needs/NeedsPage").then((module) => ({ default: module.NeedsPage })),
);
const PublicNeedPage = lazy(() =>
  import("./pages/needs/PublicNeedPage").then((module) => ({ default: module.PublicNeedPage })),
);
const FollowPage = lazy(() =>
  import("./pages/needs/FollowPage").then((module) => ({ default: module.FollowPage })),
);
const PortalPage = lazy(() =>
  import("./pages/portal/PortalPage").then((module) => ({ default: module.PortalPage })),
);
const PortalProjectPage = lazy(() =>
  import("./pages/portal/PortalProjectPage").then((module) => ({ default: module.PortalProjectPage })),
);
const PortalReceiptPage = lazy(() =>
  import("./pages/portal/PortalReceiptPage").then((module) => ({ default: module.PortalReceiptPage })),
);
const FeedbackModerationPage = lazy(() =>
  import("./pages/portal/FeedbackModerationPage").then((module) => ({
    default: module.FeedbackModerationPage,
  })),
);
const NotificationsPage = lazy(() =>
  import("./pages/portal/NotificationsPage").then((module) => ({ default: module.NotificationsPage })),
);
const ReceiptPage = lazy(() =>
  import("./pages/needs/ReceiptPage").then((module) => ({ default: module.ReceiptPage })),
);
const UsersPage = lazy(() =>
  import("./pages/users/UsersPage").then((module) => ({ default: module.UsersPage })),
);
const ActionPlansPage = lazy(() =>
  import("./pages/action-plan/ActionPlansPage").then((module) => ({ default: module.ActionPlansPage })),
);
const ActionPlanPage = lazy(() =>
  import("./pages/action-plan/ActionPlanPage").then((module) => ({ default: module.ActionPlanPage })),
);
const ActionPlanProjectPage = lazy(() =>
  import("./pages/action-plan/ProjectPage").then((module) => ({ default: module.ProjectPage })),
);
const MonthEndPage = lazy(() =>
  import("./pages/action-plan/MonthEndPage").then((module) => ({ default: module.MonthEndPage })),
);
const TourismPage = lazy(() =>
  import("./pages/tourism/TourismPage").then((module) => ({ default: module.TourismPage })),
);
const TourismCommunityPage = lazy(() =>
  import("./pages/tourism/CommunityPage").then((module) => ({ default: module.CommunityPage })),
);
const TourismIncomePage = lazy(() =>
  import("./pages/tourism/IncomePage").then((module) => ({ default: module.IncomePage })),
);
const TourismSellPage = lazy(() =>
  import("./pages/tourism/SellPage").then((module) => ({ default: module.SellPage })),
);
const HealthBoardPage = lazy(() =>
  import("./pages/health/BoardPage").then((module) => ({ default: module.BoardPage })),
);
const HealthScreeningPage = lazy(() =>
  import("./pages/health/ScreeningPage").then((module) => ({ default: module.ScreeningPage })),
);
const HealthCasePage = lazy(() =>
  import("./pages/health/CasePage").then((module) => ({ default: module.CasePage })),
);
const ProgressPage = lazy(() =>
  import("./pages/progress/ProgressPage").then((module) => ({ default: module.ProgressPage })),
);
const ProcurementPage = lazy(() =>
  import("./pages/procurement/ProcurementPage").then((module) => ({ default: module.ProcurementPage })),
);
const DashboardPage = lazy(() =>
  import("./pages/monitoring/DashboardPage").then((module) => ({ default: module.DashboardPage })),
);
const WarningsPage = lazy(() =>
  import("./pages/monitoring/WarningsPage").then((module) => ({ default: module.WarningsPage })),
);
const KpiScoresPage = lazy(() =>
  import("./pages/monitoring/KpiScoresPage").then((module) => ({ default: module.KpiScoresPage })),
);
const KpiPage = lazy(() =>
  import("./pages/monitoring/KpiPage").then((module) => ({ default: module.KpiPage })),
);
const MeetingsPage = lazy(() =>
  import("./pages/follow-up/MeetingsPage").then((module) => ({ default: module.MeetingsPage })),
);
const MeetingPage = lazy(() =>
  import("./pages/follow-up/MeetingPage").then((module) => ({ default: module.MeetingPage })),
);
const DirectivesPage = lazy(() =>
  import("./pages/follow-up/DirectivesPage").then((module) => ({ default: module.DirectivesPage })),
);
const FindingsPage = lazy(() =>
  import("./pages/follow-up/FindingsPage").then((module) => ({ default: module.FindingsPage })),
);
const DiffPage = lazy(() => import("./pages/plan/DiffPage").then((module) => ({ default: module.DiffPage })));
const ElementPage = lazy(() =>
  import("./pages/plan/ElementPage").then((module) => ({ default: module.ElementPage })),
);
const PlanPage = lazy(() => import("./pages/plan/PlanPage").then((module) => ({ default: module.PlanPage })));
const PlansPage = lazy(() =>
  import("./pages/plan/PlansPage").then((module) => ({ default: module.PlansPage })),
);
const VersionsPage = lazy(() =>
  import("./pages/plan/VersionsPage").then((module) => ({ default: module.VersionsPage })),
);

export function App() {
  return (
    <LanguageProvider>
      <AuthProvider>
        <BrowserRouter>
          <Suspense fallback={<Loading />}>
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
                <Route path="action-plan" element={<ActionPlansPage />} />
                <Route path="action-plan/:id" element={<ActionPlanPage />} />
                <Route path="action-plan/:id/projects/:elementId" element={<ActionPlanProjectPage />} />
                <Route
                  path="action-plan/:id/projects/:elementId/progress"
                  element={
                    <RequireRole>
                      <ProgressPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="action-plan/:id/projects/:elementId/procurement"
                  element={
                    <RequireRole>
                      <ProcurementPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="action-plan/:id/month-end"
                  element={
                    <RequireRole roles={["agency_officer", "strategy_officer", "admin"]}>
                      <MonthEndPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="monitoring"
                  element={
                    <RequireRole>
                      <DashboardPage scope="province" />
                    </RequireRole>
                  }
                />
                {(["strategy", "agency", "district"] as const).map((scope) => (
                  <Route
                    key={scope}
                    path={`monitoring/${{ strategy: "strategies", agency: "agencies", district: "districts" }[scope]}/:key`}
                    element={
                      <RequireRole>
                        <DashboardPage key={scope} scope={scope} />
                      </RequireRole>
                    }
                  />
                ))}
                <Route
                  path="monitoring/warnings"
                  element={
                    <RequireRole>
                      <WarningsPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="monitoring/kpis"
                  element={
                    <RequireRole>
                      <KpiScoresPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="monitoring/kpis/:elementId"
                  element={
                    <RequireRole>
                      <KpiPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="follow-up"
                  element={
                    <RequireRole>
                      <MeetingsPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="follow-up/meetings/:id"
                  element={
                    <RequireRole>
                      <MeetingPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="follow-up/directives"
                  element={
                    <RequireRole>
                      <DirectivesPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="follow-up/findings"
                  element={
                    <RequireRole>
                      <FindingsPage />
                    </RequireRole>
                  }
                />
                <Route path="portal" element={<PortalPage />} />
                <Route path="portal/projects/:elementId" element={<PortalProjectPage />} />
                <Route path="portal/feedback" element={<PortalReceiptPage />} />
                <Route path="portal/feedback/:receipt" element={<PortalReceiptPage />} />
                <Route
                  path="portal/moderation"
                  element={
                    <RequireRole roles={["strategy_officer", "admin"]}>
                      <FeedbackModerationPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="notifications"
                  element={
                    <RequireRole>
                      <NotificationsPage />
                    </RequireRole>
                  }
                />
                <Route path="health" element={<HealthBoardPage />} />
                <Route path="health/screen" element={<HealthScreeningPage />} />
                <Route path="health/cases/:id" element={<HealthCasePage />} />
                <Route path="needs" element={<NeedsPage />} />
                <Route path="needs/submit" element={<PublicNeedPage />} />
                <Route path="needs/follow" element={<FollowPage />} />
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
                <Route
                  path="users"
                  element={
                    <RequireRole roles={["admin"]}>
                      <UsersPage />
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
                <Route path="tourism" element={<TourismPage />} />
                <Route path="tourism/sell" element={<TourismSellPage />} />
                <Route path="tourism/communities/:id" element={<TourismCommunityPage />} />
                <Route path="tourism/communities/:id/income" element={<TourismIncomePage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AuthProvider>
    </LanguageProvider>
  );
}
