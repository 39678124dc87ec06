// What the field forms read and write: numbers typed on a phone and the phone's clock.

// "12.5", "๑๒.๕", "12,5" -> 12.5; null when it is not a number.
export function parseNumber(text: string): number | null {
  const western = text
    .trim()
    .replace(/[๐-๙]/g, (digit) => String(digit.charCodeAt(0) - 0x0e50))
    .replace(",", ".");
  if (western === "" || !/^-?\d+(\.\d+)?$/.test(western)) return null;
  return Number(western);
}

// The phone's clock with its zone, e.g. 2026-09-14T10:31:05+07:00 (X-Taken-At).
export function localIso(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const pad = (value: number) => String(Math.floor(Math.abs(value))).padStart(2, "0");
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}
