// Loads data for a page: cancels the request when the inputs change or the page
// closes, and reports a 401 to the auth state (the session ended elsewhere).
import { useCallback, useEffect, useState } from "react";
import type { DependencyList } from "react";
import { ApiError } from "../api/client";
import { useAuth } from "../auth/auth";

export type Load<T> =
  | { status: "loading"; data: T | null }
  | { status: "ready"; data: T }
  | { status: "failed"; error: unknown; data: T | null };

export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  dependencies: DependencyList,
): [Load<T>, () => void, (data: T) => void] {
  const { sessionEnded, user } = useAuth();
  const [state, setState] = useState<Load<T>>({ status: "loading", data: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ status: "loading", data: previous.data }));
    load(controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setState({ status: "ready", data });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401 && user) sessionEnded();
        setState((previous) => ({ status: "failed", error, data: previous.data }));
      });
    return () => controller.abort();
    // The caller lists what `load` depends on, as with useEffect.
  }, [...dependencies, attempt]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  const replace = useCallback((data: T) => setState({ status: "ready", data }), []);
  return [state, reload, replace];
}
