// Setting up community sessions through the API, as a signed-in person: for the data a journey starts from,
// not for the journey itself.
import type { CommunitySession, SessionUpdateInput } from "../src/shared/schemas/community-sessions";

export interface ApiSession {
  call<T>(method: "GET" | "POST" | "PATCH" | "DELETE", pathname: string, body?: unknown): Promise<T>;
}

/** Signs in through the API and keeps the cookies, sending the CSRF header on every change. */
export async function signInApi(baseUrl: string, who: { email: string; password: string }): Promise<ApiSession> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ""] = c.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const call = async <T>(method: string, pathname: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") };
    if (body !== undefined) headers["content-type"] = "application/json";
    const csrf = jar.get("convene_csrf");
    if (method !== "GET" && csrf) headers["x-csrf-token"] = decodeURIComponent(csrf);
    const res = await fetch(`${baseUrl}${pathname}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    keep(res);
    if (!res.ok) throw new Error(`${method} ${pathname} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  await call("GET", "/api/v1/site");
  await call("POST", "/api/v1/auth/sign-in", { email: who.email, password: who.password });
  return { call };
}

/** "2026-03-10T18:30", `days` from now at `time`: a wall-clock time for the session's Date & Time. */
export function daysFromNow(days: number, time = "18:30"): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

/** Creates a session (Draft), sets its fields with the version, and opens it unless `open: false`. */
export async function createSession(
  admin: ApiSession,
  title: string,
  fields: Omit<SessionUpdateInput, "version">,
  opts: { open?: boolean } = {},
): Promise<CommunitySession> {
  const draft = await admin.call<CommunitySession>("POST", "/api/v1/community/sessions", { title });
  const saved = await admin.call<CommunitySession>("PATCH", `/api/v1/community/sessions/${draft.id}`, {
    startsLocal: daysFromNow(14),
    meetingUrl: "https://meet.example.org/convene-e2e",
    ...fields,
    version: draft.version,
  });
  if (opts.open === false) return saved;
  return admin.call<CommunitySession>("POST", `/api/v1/community/sessions/${saved.id}/status`, { action: "open" });
}
