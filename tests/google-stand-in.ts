import { generateKeyPairSync, randomBytes, verify } from "node:crypto";
import http from "node:http";

/**
 * A stand-in for Google, which cannot be reached from here: the OAuth token endpoint (JWT bearer grant,
 * signature checked with the service account's public key) and the Calendar v3 endpoints Convene uses
 * (calendars.get, events insert/get/update/patch/delete), speaking Google's JSON wire format.
 */
export interface GoogleStandIn {
  apiRoot: string;
  tokenUrl: string;
  calendarId: string;
  /** Service Account JSON as Google's console hands it out. */
  serviceAccountJson: string;
  /** The same account's email, with a key that Google would not accept. */
  forgedServiceAccountJson: string;
  events: Map<string, Record<string, unknown>>;
  calls: { method: string; path: string }[];
  tokensIssued: number;
  /** The next `n` calendar calls answer `status`. */
  failNext(n: number, status: number): void;
  close(): Promise<void>;
}

const GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";

function keyJson(email: string, privateKey: string): string {
  return JSON.stringify({
    type: "service_account",
    project_id: "convene-test",
    private_key_id: randomBytes(8).toString("hex"),
    private_key: privateKey,
    client_email: email,
    client_id: "1234567890",
    token_uri: GOOGLE_TOKEN_AUDIENCE,
  });
}

export async function startGoogleStandIn(calendarId = "community@group.calendar.google.com"): Promise<GoogleStandIn> {
  const email = "convene-sync@convene-test.iam.gserviceaccount.com";
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const forged = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const forgedPem = forged.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const publicHalf = publicKey;
  const tokens = new Set<string>();
  const events = new Map<string, Record<string, unknown>>();
  const calls: { method: string; path: string }[] = [];
  let failures: { n: number; status: number } = { n: 0, status: 500 };
  const state = { tokensIssued: 0 };

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
    res.end(status === 204 ? undefined : JSON.stringify(body));
  };
  const googleError = (res: http.ServerResponse, status: number, message: string) =>
    send(res, status, { error: { code: status, message, errors: [{ domain: "global", reason: message, message }] } });

  function checkAssertion(assertion: string): string | null {
    const [h, p, s] = assertion.split(".");
    if (!h || !p || !s) return "malformed JWT";
    const header = JSON.parse(Buffer.from(h, "base64url").toString());
    if (header.alg !== "RS256") return "alg must be RS256";
    const signed = verify("RSA-SHA256", Buffer.from(`${h}.${p}`), publicHalf, Buffer.from(s, "base64url"));
    if (!signed) return "invalid JWT signature";
    const claims = JSON.parse(Buffer.from(p, "base64url").toString());
    if (claims.iss !== email) return "unknown issuer";
    if (claims.aud !== GOOGLE_TOKEN_AUDIENCE) return "wrong audience";
    if (!String(claims.scope ?? "").includes("https://www.googleapis.com/auth/calendar"))
      return "missing calendar scope";
    if (typeof claims.exp !== "number" || claims.exp * 1000 < Date.now()) return "expired assertion";
    return null;
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString();
    const url = new URL(req.url ?? "/", "http://stand-in");
    const path = url.pathname;

    if (req.method === "POST" && path === "/token") {
      const form = new URLSearchParams(raw);
      if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer") {
        return send(res, 400, { error: "unsupported_grant_type" });
      }
      const problem = checkAssertion(form.get("assertion") ?? "");
      if (problem) return send(res, 400, { error: "invalid_grant", error_description: problem });
      const token = `ya29.${randomBytes(16).toString("hex")}`;
      tokens.add(token);
      state.tokensIssued += 1;
      return send(res, 200, { access_token: token, expires_in: 3599, token_type: "Bearer" });
    }

    const m = /^\/calendar\/v3\/calendars\/([^/]+)(?:\/events(?:\/([^/]+))?)?$/.exec(path);
    if (!m) return googleError(res, 404, "Not Found");
    calls.push({ method: req.method ?? "GET", path });
    const bearer = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (!tokens.has(bearer)) return googleError(res, 401, "Request had invalid authentication credentials.");
    if (failures.n > 0) {
      failures.n -= 1;
      return googleError(res, failures.status, "Backend Error");
    }
    const cal = decodeURIComponent(m[1] ?? "");
    if (cal !== calendarId) return googleError(res, 404, "Not Found");
    const isEvents = path.includes("/events");
    const eventId = m[2] ? decodeURIComponent(m[2]) : undefined;
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};

    if (!isEvents)
      return send(res, 200, {
        kind: "calendar#calendar",
        id: calendarId,
        summary: "Community sessions",
        timeZone: "UTC",
      });
    if (!eventId && req.method === "POST") {
      const id = String(body.id ?? randomBytes(10).toString("hex"));
      if (!/^[a-v0-9]{5,1024}$/.test(id)) return googleError(res, 400, "Invalid resource id value.");
      if (events.has(id)) return googleError(res, 409, "The requested identifier already exists.");
      const ev = { ...body, id, kind: "calendar#event", status: body.status ?? "confirmed", sequence: 0 };
      events.set(id, ev);
      return send(res, 200, ev);
    }
    if (!eventId) return googleError(res, 405, "Method Not Allowed");
    const existing = events.get(eventId);
    if (req.method === "GET") return existing ? send(res, 200, existing) : googleError(res, 404, "Not Found");
    if (req.method === "DELETE") {
      if (!existing) return googleError(res, 410, "Resource has been deleted");
      events.delete(eventId);
      return send(res, 204, null);
    }
    if (req.method === "PUT" || req.method === "PATCH") {
      if (!existing) return googleError(res, 404, "Not Found");
      const next: Record<string, unknown> =
        req.method === "PUT" ? { ...body, id: eventId, kind: "calendar#event" } : { ...existing, ...body };
      next.status ??= "confirmed";
      next.sequence = Number(existing.sequence ?? 0) + 1;
      events.set(eventId, next);
      return send(res, 200, next);
    }
    return googleError(res, 405, "Method Not Allowed");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    apiRoot: `http://127.0.0.1:${port}/`,
    tokenUrl: `http://127.0.0.1:${port}/token`,
    calendarId,
    serviceAccountJson: keyJson(email, pem),
    forgedServiceAccountJson: keyJson(email, forgedPem),
    events,
    calls,
    get tokensIssued() {
      return state.tokensIssued;
    },
    failNext(n, status) {
      failures = { n, status };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
