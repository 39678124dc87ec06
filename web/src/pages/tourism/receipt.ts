// The receipt chain of issue 12, computed on the phone (crypto.subtle) exactly as the
// server checks it: lines as `kind:id:quantity:unit_price_satang` joined by ';', and
// receipt_hash = SHA-256 of `previous_hash|device_id|sequence|sold_at|total_satang|
// lines_sha256`, lowercase hex; a device's first previous_hash is 64 zeros.
export const zeroHash = "0".repeat(64);

export interface SaleLine {
  kind: "product" | "experience";
  id: number;
  quantity: number;
  unit_price_satang: number;
}

export function linesText(lines: SaleLine[]): string {
  return lines.map((line) => `${line.kind}:${line.id}:${line.quantity}:${line.unit_price_satang}`).join(";");
}

export function totalSatang(lines: SaleLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity * line.unit_price_satang, 0);
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

export async function receiptHash(
  previousHash: string,
  deviceId: string,
  sequence: number,
  soldAt: string,
  lines: SaleLine[],
): Promise<string> {
  const linesHash = await sha256Hex(linesText(lines));
  return sha256Hex(`${previousHash}|${deviceId}|${sequence}|${soldAt}|${totalSatang(lines)}|${linesHash}`);
}

// RFC 3339 in UTC to the second, as the chain hashes it ("2026-11-28T03:00:00Z").
export function utcNow(now = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, "Z");
}

// The body POST /api/v1/tourism/sales takes.
export function saleBody(entry: {
  device_id: string;
  sequence: number;
  sold_at: string;
  lines: SaleLine[];
  previous_hash: string;
  receipt_hash: string;
}) {
  return {
    device_id: entry.device_id,
    sequence: entry.sequence,
    sold_at: entry.sold_at,
    lines: entry.lines.map((line) =>
      line.kind === "product"
        ? { product_id: line.id, quantity: line.quantity, unit_price_satang: line.unit_price_satang }
        : { experience_id: line.id, quantity: line.quantity, unit_price_satang: line.unit_price_satang },
    ),
    previous_hash: entry.previous_hash,
    receipt_hash: entry.receipt_hash,
  };
}
