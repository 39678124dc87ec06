// The field queue in a component: what waits (all projects), whether it is sending,
// and why it stopped. Starting it is idempotent, so every field page may call it.
import { useEffect, useState } from "react";
import {
  currentState,
  onSent,
  startQueue,
  subscribe,
  type QueueState,
  type SendResult,
} from "../../offline/queue";

export function useQueue(onResult?: (result: SendResult) => void): QueueState {
  const [state, setState] = useState<QueueState>(currentState);
  useEffect(() => {
    startQueue();
    return subscribe(setState);
  }, []);
  useEffect(() => {
    if (!onResult) return;
    return onSent(onResult);
  }, [onResult]);
  return state;
}
