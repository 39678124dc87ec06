// The S-curve chart loads with its charting library only where a curve is shown, so
// the projects table and the month-end form stay light on a phone.
import { lazy, Suspense } from "react";
import type { ComponentProps } from "react";
import { Loading } from "../../components/Loading";

const Chart = lazy(() => import("./SCurveChart").then((module) => ({ default: module.SCurveChart })));

export function SCurve(props: ComponentProps<typeof Chart>) {
  return (
    <Suspense fallback={<Loading />}>
      <Chart {...props} />
    </Suspense>
  );
}
