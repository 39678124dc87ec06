// Agency names in the current language (components/useNames), never a code: until
// the list arrives, the Thai name the action plan API already gave.
import { useNames } from "../../components/useNames";

export interface AgencyNames {
  name: (code: string, fallback?: string) => string;
}

export function useAgencyNames(): AgencyNames {
  const names = useNames();
  return {
    name: (code, fallback) => {
      const name = names.agency(code);
      return name === code && fallback ? fallback : name;
    },
  };
}
