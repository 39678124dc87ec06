// Buddhist-era dates (BE = CE + 543) for display, in Thai or English, always in
// Thailand's time zone so a timestamp shows the same day for every viewer.
import type { Language } from "../i18n/language";

export const beOffset = 543;
const timeZone = "Asia/Bangkok";

function locale(language: Language): string {
  return language === "en" ? "en-GB-u-ca-buddhist" : "th-TH-u-ca-buddhist";
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

// Parses "YYYY-MM-DD" as a calendar day (no time zone shift), or null.
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | null {
  const match = isoDatePattern.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// "2025-01-15" -> "15 ม.ค. 2568" (th) or "15 Jan 2568 BE" (en).
export function formatDate(iso: string, language: Language): string {
  const parts = parseIsoDate(iso);
  if (!parts) return iso;
  const date = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  return new Intl.DateTimeFormat(locale(language), {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

// An ISO timestamp (UTC) -> "15 ม.ค. 2568 10:04" in Bangkok time.
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(date);
}

// Month names for pickers, January first.
export function monthNames(language: Language, width: "long" | "short" = "long"): string[] {
  const format = new Intl.DateTimeFormat(locale(language), { month: width, timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, index) => format.format(new Date(Date.UTC(2024, index, 1))));
}

export function toIsoDate(yearCe: number, month: number, day: number): string {
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(yearCe, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Today's date in Bangkok as ISO, for defaults.
export function todayIso(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    timeZone,
  }).format(now);
  return parts; // en-CA formats as YYYY-MM-DD
}
