// Money travels as integer satang (1 baht = 100 satang) so nothing is lost to
// floating point; only here is it turned into "1,234,567.50 บาท".
import type { Language } from "../i18n/language";

export function formatSatang(satang: number | bigint, language: Language): string {
  const value = BigInt(satang);
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const baht = magnitude / 100n;
  const rest = magnitude % 100n;
  const grouped = baht.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const number = `${negative ? "-" : ""}${grouped}.${rest.toString().padStart(2, "0")}`;
  return `${number} ${language === "en" ? "baht" : "บาท"}`;
}

// Parses what a person types ("1,234.5", "1234") into satang, or null if it is
// not an amount with at most two decimals.
export function parseBahtToSatang(text: string): number | null {
  const cleaned = text.replace(/[,\s]/g, "").replace(/(บาท|baht)$/i, "");
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const whole = BigInt(match[2] ?? "0");
  const fraction = BigInt((match[3] ?? "").padEnd(2, "0") || "0");
  const satang = whole * 100n + fraction;
  const signed = match[1] === "-" ? -satang : satang;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return null;
  }
  return Number(signed);
}
