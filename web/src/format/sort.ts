// Sorting by names the way Thai readers expect (Thai collation ignores leading
// vowels such as เ แ โ when ordering), and English names by English rules.
import type { Language } from "../i18n/language";

const thaiCollator = new Intl.Collator("th", { numeric: true });
const englishCollator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

export function compareNames(a: string, b: string, language: Language): number {
  return (language === "en" ? englishCollator : thaiCollator).compare(a, b);
}

export function sortByName<T extends { name_th: string; name_en: string }>(
  items: readonly T[],
  language: Language,
): T[] {
  return [...items].sort((a, b) =>
    language === "en"
      ? compareNames(a.name_en || a.name_th, b.name_en || b.name_th, "en")
      : compareNames(a.name_th, b.name_th, "th"),
  );
}

// Case- and accent-insensitive "contains" for filter boxes over Thai and English text.
export function matchesFilter(filter: string, ...texts: string[]): boolean {
  const needle = filter.trim().toLocaleLowerCase("th");
  if (!needle) return true;
  return texts.some((text) => text.toLocaleLowerCase("th").includes(needle));
}
