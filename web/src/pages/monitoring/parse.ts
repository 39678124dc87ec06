// Numbers as people type them in the KPI forms: "1,234.5", "๑๒๓", "-2" -> a number;
// anything else -> null.
export function parseNumber(text: string): number | null {
  const latin = text.replace(/[๐-๙]/g, (digit) => String(digit.charCodeAt(0) - 0x0e50)).replace(/[,\s]/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(latin)) return null;
  return Number(latin);
}
