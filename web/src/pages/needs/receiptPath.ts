// The address of a receipt's own page.
export function receiptPath(receipt: string): string {
  return `/needs/receipts/${encodeURIComponent(receipt)}`;
}
