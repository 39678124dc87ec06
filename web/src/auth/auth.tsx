// Who is signed in. On start it asks /auth/me once (the session cookie is
// HttpOnly, so the server is the only one who knows) and keeps the CSRF token
// in memory for the API client.
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

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    currentSession(controller.signal)
      .then((session) => {
        setCsrfToken(session.csrf_token);
        setState({ status: "signed_in", user: session.user });
      })
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === "AbortError") return;
        // 401 is the ordinary "not signed in"; any other failure also leaves the
        // visitor anonymous, and the page they open will show its own error.
        setCsrfToken(null);
        setState({ status: "anonymous" });
      });
    return () => controller.abort();
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const session = await signInRequest(username, password);
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
    setCsrfToken(null);
    setState({ status: "anonymous" });
  }, []);

  const sessionEnded = useCallback(() => {
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
