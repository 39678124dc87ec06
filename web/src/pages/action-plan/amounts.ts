// Money and months of the action plan pages: satang shown in baht or ล้านบาท (two
// decimals, as the governor's spending report wants), percentages of an allocation,
// and the fiscal year's months (October to September) in the Buddhist era.
import type { Language } from "../../i18n/language";

export type Unit = "baht" | "million_baht";

function grouped(whole: bigint): string {
  return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// Rounds satang / divisor half away from zero to `decimals` places, exactly (BigInt).
function scaled(satang: bigint, divisor: bigint, decimals: number): string {
  const negative = satang < 0n;
  const magnitude = negative ? -satang : satang;
  const factor = 10n ** BigInt(decimals);
  const units = (magnitude * factor * 2n + divisor) / (divisor * 2n);
  const whole = units / factor;
  const fraction = (units % factor).toString().padStart(decimals, "0");
  const sign = negative && units !== 0n ? "-" : "";
  return `${sign}${grouped(whole)}${decimals > 0 ? `.${fraction}` : ""}`;
}

// 123456750 -> "1,234,567.50" (baht) or "1.23" (million baht): the number only.
export function formatAmount(satang: number | bigint, unit: Unit): string {
  const value = BigInt(satang);
  return unit === "baht" ? scaled(value, 100n, 2) : scaled(value, 100_000_000n, 2);
}

export function unitName(unit: Unit, language: Language): string {
  if (unit === "baht") return language === "en" ? "baht" : "บาท";
  return language === "en" ? "million baht" : "ล้านบาท";
}

// The amount with its unit: "1,234,567.50 บาท", "1.23 ล้านบาท".
export function formatMoney(satang: number | bigint, unit: Unit, language: Language): string {
  return `${formatAmount(satang, unit)} ${unitName(unit, language)}`;
}

// What a person types into an amount field: "1,234.50", "๑,๒๓๔.๕๐", "1234" (baht)
// -> satang, or null when it is not an amount with at most two decimals.
export function parseBaht(text: string): number | null {
  const latin = text.replace(/[๐-๙]/g, (digit) => String(digit.charCodeAt(0) - 0x0e50));
  const cleaned = latin.replace(/[,\s]/g, "").replace(/(บาท|baht)$/i, "");
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const satang = BigInt(match[1] ?? "0") * 100n + BigInt((match[2] ?? "").padEnd(2, "0") || "0");
  if (satang > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(satang);
}

// Satang as a person would type it back in baht ("1234.5" -> "1234.50"; no grouping).
export function bahtInput(satang: number): string {
  return scaled(BigInt(satang), 100n, 2).replace(/,/g, "");
}

// part / whole in percent (null when the whole is zero).
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return (part / whole) * 100;
}

export function formatPercent(value: number | null | undefined, language: Language, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const text = new Intl.NumberFormat(language === "en" ? "en-US" : "th-TH-u-nu-latn", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
  return `${text}%`;
}

// --- Months ----------------------------------------------------------------------------

const monthsTh = [
  "ม.ค.",
  "ก.พ.",
  "มี.ค.",
  "เม.ย.",
  "พ.ค.",
  "มิ.ย.",
  "ก.ค.",
  "ส.ค.",
  "ก.ย.",
  "ต.ค.",
  "พ.ย.",
  "ธ.ค.",
];
const monthsThLong = [
  "มกราคม",
  "กุมภาพันธ์",
  "มีนาคม",
  "เมษายน",
  "พฤษภาคม",
  "มิถุนายน",
  "กรกฎาคม",
  "สิงหาคม",
  "กันยายน",
  "ตุลาคม",
  "พฤศจิกายน",
  "ธันวาคม",
];
const monthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const monthsEnLong = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function parseMonth(month: string): { year: number; month: number } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return null;
  const value = Number(match[2]);
  if (value < 1 || value > 12) return null;
  return { year: Number(match[1]), month: value };
}

// "2025-10" -> "ต.ค. 68" / "Oct 68" (short, for chart axes) or "ตุลาคม 2568" /
// "October 2568 BE" (long, for forms and tables).
export function formatMonth(month: string, language: Language, style: "short" | "long" = "long"): string {
  const parsed = parseMonth(month);
  if (!parsed) return month;
  const be = parsed.year + 543;
  const index = parsed.month - 1;
  if (style === "short") {
    const name = (language === "en" ? monthsEn : monthsTh)[index];
    return `${name} ${String(be).slice(2)}`;
  }
  return language === "en" ? `${monthsEnLong[index]} ${be} BE` : `${monthsThLong[index]} ${be}`;
}

// "2025-10" plus n months -> "YYYY-MM".
export function addMonths(month: string, count: number): string {
  const parsed = parseMonth(month);
  if (!parsed) return month;
  const index = parsed.year * 12 + (parsed.month - 1) + count;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

// Every month from `first` to `last` inclusive.
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last && months.length < 48; month = addMonths(month, 1))
    months.push(month);
  return months;
}

// The month whose end is nearest behind today (the month-end a person is reporting),
// kept inside [first, last].
export function reportingMonth(first: string, last: string, today: Date = new Date()): string {
  const current = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}`;
  const previous = addMonths(current, -1);
  if (previous < first) return first;
  if (previous > last) return last;
  return previous;
}
