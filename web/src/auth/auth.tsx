// Who is signed in. On start it asks /auth/me once when this browser has signed in
// (the session cookie is HttpOnly, so the server is the only one who knows) and
// keeps the CSRF token in memory for the API client.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { ApiError, setCsrfToken } from "../api/client";
import { currentSession, signIn as signInRequest, signOut as signOutRequest } from "../api/endpoints";
import type { Role, User } from "../api/types";

export type AuthState = { status: "loading" } | { status: "anonymous" } | { status: "signed_in"; user: User };

export interface AuthContextValue {
  state: AuthState;
  user: User | null;
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
  // Called when any request answers 401: the session is gone on the server.
  sessionEnded: () => void;
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<AuthContextValue | null>(null);

// Whether this browser signed in and has not signed out since. The session cookie is
// HttpOnly, so the page cannot see it; without this mark every page opened by a visitor
// who never signed in would ask /auth/me and log a 401 in the console. The mark is no
// secret (the cookie still decides): with it the page asks once, without it it does not.
const sessionMark = "changwat.session";

export function rememberSession(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(sessionMark, "1");
    else localStorage.removeItem(sessionMark);
  } catch {
    // Storage disabled: the page then asks /auth/me every time, as before.
  }
}

function mayBeSignedIn(): boolean {
  try {
    return localStorage.getItem(sessionMark) === "1";
  } catch {
    return true;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(() =>
    mayBeSignedIn() ? { status: "loading" } : { status: "anonymous" },
  );

  useEffect(() => {
    if (!mayBeSignedIn()) return;
    const controller = new AbortController();
    currentSession(controller.signal)
      .then((session) => {
        setCsrfToken(session.csrf_token);
        setState({ status: "signed_in", user: session.user });
      })
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === "AbortError") return;
        // 401: the session ended (expired, signed out elsewhere); forget the mark so
        // the next pages do not ask again. Any other failure also leaves the visitor
        // anonymous for now, and the page they open will show its own error.
        if (error instanceof ApiError && error.status === 401) rememberSession(false);
        setCsrfToken(null);
        setState({ status: "anonymous" });
      });
    return () => controller.abort();
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const session = await signInRequest(username, password);
    rememberSession(true);
    setCsrfToken(session.csrf_token);
    setState({ status: "signed_in", user: session.user });
    return session.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await signOutRequest();
    } catch (error) {
      // A session that already ended on the server is still "signed out".
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    rememberSession(false);
    setCsrfToken(null);
    setState({ status: "anonymous" });
  }, []);

  const sessionEnded = useCallback(() => {
    rememberSession(false);
    setCsrfToken(null);
    setState({ status: "anonymous" });
  }, []);

  const value = useMemo<AuthContextValue>(() => {
    const user = state.status === "signed_in" ? state.user : null;
    return {
      state,
      user,
      signIn,
      signOut,
      sessionEnded,
      hasRole: (...roles) => user !== null && roles.includes(user.role),
    };
  }, [state, signIn, signOut, sessionEnded]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth must be used inside <AuthProvider>");
  return value;
}
