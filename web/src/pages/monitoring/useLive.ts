// Keeps a monitoring page live: reloads when the window gets the focus back or the
// tab becomes visible again, and every 30 seconds while it is visible (the server
// evaluates on read, so a write anywhere shows at the next load). Pages also reload
// right after their own writes.
import { useEffect } from "react";

export function useLive(reload: () => void, intervalMs = 30000) {
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible") reload();
    };
    window.addEventListener("focus", reload);
    document.addEventListener("visibilitychange", onVisible);
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") reload();
    }, intervalMs);
    return () => {
      window.removeEventListener("focus", reload);
      document.removeEventListener("visibilitychange", onVisible);
      window.clearInterval(timer);
    };
  }, [reload, intervalMs]);
}
