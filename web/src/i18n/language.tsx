// The current UI language (Thai by default), remembered in localStorage, and the
// t() lookup. <html lang> follows it so screen readers and fonts pick Thai rules.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { en, th } from "./messages";
import type { MessageKey } from "./messages";
import type { LocalizedText } from "../api/types";

export type Language = "th" | "en";

const storageKey = "changwat.language";

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === "en" ? "en" : "th";
  } catch {
    return "th"; // storage can be disabled (private mode); Thai is the default
  }
}

export function translate(
  language: Language,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  const template: string = language === "en" ? en[key] : th[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export interface LanguageContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  // Picks the text of the current language from a {th, en} pair or two names.
  pick: (text: LocalizedText) => string;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Not remembered across reloads then, but the switch still works now.
    }
    setLanguageState(next);
  }, []);

  const value = useMemo<LanguageContextValue>(
    () => ({
      language,
      setLanguage,
      t: (key, values) => translate(language, key, values),
      pick: (text) => (language === "en" ? text.en || text.th : text.th || text.en),
    }),
    [language, setLanguage],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error("useLanguage must be used inside <LanguageProvider>");
  return value;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(th, key);
}
