// The one number formatter of the UI: thousands separators, the same number of
// decimals across a series (so "99.00" stands beside "99.20", never "99"), and
// Thai digits on request. Years are not quantities: they are written plainly.
import type { Language } from "../i18n/language";

export interface NumberStyle {
  // Fixed decimals; by default those the value itself needs (at most maxDecimals).
  decimals?: number;
  maxDecimals?: number;
  thaiDigits?: boolean;
}

// How many decimals a value shows on its own (0.5 -> 1, 99.2 -> 1, 1e-7 -> maxDecimals).
export function decimalsOf(value: number, maxDecimals = 4): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  for (let digits = 1; digits < maxDecimals; digits += 1) {
    const scaled = value * 10 ** digits;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return digits;
  }
  return maxDecimals;
}

// The decimals a series shares: the most any of its values needs.
export function sharedDecimals(values: (number | null | undefined)[], maxDecimals = 4): number {
  return values.reduce<number>(
    (most, value) => (typeof value === "number" ? Math.max(most, decimalsOf(value, maxDecimals)) : most),
    0,
  );
}

function locale(language: Language, thaiDigits: boolean): string {
  if (thaiDigits) return "th-TH-u-nu-thai";
  return language === "en" ? "en-US" : "th-TH-u-nu-latn";
}

// 172000 -> "172,000"; 98.5 with {decimals: 2} -> "98.50".
export function formatNumber(value: number, language: Language, style: NumberStyle = {}): string {
  const decimals = style.decimals ?? decimalsOf(value, style.maxDecimals ?? 4);
  return new Intl.NumberFormat(locale(language, style.thaiDigits ?? false), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: true,
  }).format(value);
}

// A Buddhist-era year as people write it: "2567", no separator (Thai digits on request).
export function formatYear(year: number, thaiDigits = false): string {
  const text = String(year);
  return thaiDigits ? text.replace(/\d/g, (digit) => String.fromCharCode(0x0e50 + Number(digit))) : text;
}
