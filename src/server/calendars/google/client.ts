import { auth, calendar, type calendar_v3 } from "@googleapis/calendar";

/** Google's token endpoint, fixed inside the auth library; GOOGLE_TOKEN_URL redirects it (tests). */
const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

export interface ServiceAccount {
  client_email: string;
  private_key: string;
}

/** "Service Account JSON <problem>." as one sentence, whatever punctuation the problem ends with. */
export function keyProblemSentence(problem: string): string {
  return `Service Account JSON ${problem}${/[.?!]$/.test(problem) ? "" : "."}`;
}

/** Parses the Service Account JSON from Settings; returns a message naming the problem, or the account. */
export function parseServiceAccount(
  json: string,
): { ok: true; account: ServiceAccount } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, message: "is not valid JSON: paste the whole key file Google gave you" };
  }
  const d = data as Partial<ServiceAccount> & { type?: string };
  if (typeof d.client_email !== "string" || !d.client_email.includes("@")) {
    return { ok: false, message: "has no client_email: is this a service account key?" };
  }
  if (typeof d.private_key !== "string" || !d.private_key.includes("PRIVATE KEY")) {
    return { ok: false, message: "has no private_key: download a new JSON key for the service account" };
  }
  return { ok: true, account: { client_email: d.client_email, private_key: d.private_key } };
}

export interface GoogleEndpoints {
  apiRoot?: string;
  tokenUrl?: string;
}

/** The real Calendar v3 client with a service-account JWT; both endpoints can be pointed elsewhere. */
export function createCalendarClient(account: ServiceAccount, endpoints: GoogleEndpoints): calendar_v3.Calendar {
  const jwt = new auth.JWT({
    email: account.client_email,
    key: account.private_key,
    scopes: ["https://www.googleapis.com/auth/calendar.events", "https://www.googleapis.com/auth/calendar.readonly"],
  });
  if (endpoints.tokenUrl) {
    const tokenUrl = endpoints.tokenUrl;
    jwt.transporter.interceptors.request.add({
      resolved: async (config) => {
        if (String(config.url) === GOOGLE_TOKEN_URL) config.url = new URL(tokenUrl);
        return config;
      },
    });
  }
  return calendar({
    version: "v3",
    auth: jwt,
    ...(endpoints.apiRoot
      ? { rootUrl: endpoints.apiRoot.endsWith("/") ? endpoints.apiRoot : `${endpoints.apiRoot}/` }
      : {}),
    retry: false,
  });
}

/** Google's status code of a failed call, if it was an HTTP answer. */
export function httpStatusOf(err: unknown): number | undefined {
  const e = err as { status?: number; code?: number | string; response?: { status?: number } };
  if (typeof e?.response?.status === "number") return e.response.status;
  if (typeof e?.status === "number") return e.status;
  return typeof e?.code === "number" ? e.code : undefined;
}
