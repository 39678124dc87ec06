// Baht or ล้านบาท for the money on the action plan pages, remembered in this browser.
import { useCallback, useState } from "react";
import type { Unit } from "./amounts";

const storageKey = "changwat.money_unit";

function stored(): Unit {
  try {
    return localStorage.getItem(storageKey) === "million_baht" ? "million_baht" : "baht";
  } catch {
    return "baht";
  }
}

export function useUnit(): [Unit, (unit: Unit) => void] {
  const [unit, setUnitState] = useState<Unit>(stored);
  const setUnit = useCallback((next: Unit) => {
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Not remembered then; the switch still works on this page.
    }
    setUnitState(next);
  }, []);
  return [unit, setUnit];
}
