// A project's procurements (filled in below).
export function ProcurementPage() {
  return null;
}
