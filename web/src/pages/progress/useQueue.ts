// The field queue in a component: what waits (all projects), whether it is sending,
// and why it stopped. Starting it is idempotent, so every field page may call it.
import { useEffect, useMemo, useState } from "react";
import { useAuth } from "../../auth/auth";
import {
  currentState,
  onSent,
  startQueue,
  subscribe,
  type QueueState,
  type SendResult,
} from "../../offline/queue";

// Only the signed-in person's entries: another person's wait for them on a shared phone.
export function useQueue(onResult?: (result: SendResult) => void): QueueState {
  const username = useAuth().user?.username ?? "";
  const [all, setState] = useState<QueueState>(currentState);
  useEffect(() => {
    startQueue();
    return subscribe(setState);
  }, []);
  useEffect(() => {
    if (!onResult) return;
    return onSent(onResult);
  }, [onResult]);
  return useMemo(
    () => ({ ...all, entries: all.entries.filter((entry) => entry.username === username) }),
    [all, username],
  );
}
