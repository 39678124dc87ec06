// The project a field page is about, read from its action plan (name, agency, fiscal
// year months), and whether the signed-in person may write for it: its agency's
// officers, the strategy office and admins.
import { getActionPlan, type ActionPlanDetail, type Project } from "../../api/actionPlan";
import { useAuth } from "../../auth/auth";
import { useLoad, type Load } from "../../components/useLoad";

export interface ProjectContext {
  plan: ActionPlanDetail;
  project: Project;
}

export function useProject(planId: number, elementId: number): [Load<ProjectContext>, () => void] {
  const [load, reload] = useLoad(
    (signal) =>
      getActionPlan(planId, signal).then((plan) => {
        const project = plan.projects.find((candidate) => candidate.element_id === elementId);
        if (!project) throw new Error(`project ${elementId} is not in action plan ${planId}`);
        return { plan, project };
      }),
    [planId, elementId],
  );
  return [load, reload];
}

export function useMayWrite(project: Project | undefined): boolean {
  const { user } = useAuth();
  if (!user || !project) return false;
  if (user.role === "strategy_officer" || user.role === "admin") return true;
  return user.role === "agency_officer" && !!user.agency_code && user.agency_code === project.agency;
}
