import type { ErrorBody } from "../../shared/schemas/common";

/** The readable cookie the server sets; its value goes into this header on every state-changing request. */
const CSRF_COOKIE = "convene_csrf";
const CSRF_HEADER = "x-csrf-token";

/**
 * A refusal from the API, with the documented body `{ error: { code, message, fields } }` (platform.md, API).
 * `fields` names the input fields that broke a rule, so forms can show each message at its field.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** True for an ApiError with this status (and code, when given). */
export function isApiError(err: unknown, status?: number, code?: string): err is ApiError {
  return (
    err instanceof ApiError &&
    (status === undefined || err.status === status) &&
    (code === undefined || err.code === code)
  );
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

type Query = Record<string, string | number | boolean | null | undefined>;

/**
 * A request body: a JSON object. Callers type it as the input of the shared schema the route parses
 * (`z.input<typeof SomeInput>`), in their parameters or as `B`.
 */
type Body = object;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as ErrorBody | null)?.error;
  return typeof error?.code === "string" && typeof error.message === "string";
}

async function request<T>(method: string, path: string, body?: Body, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && method !== "HEAD") {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network_error", "Could not reach the server. Check your connection and try again.");
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    if (isErrorBody(data)) {
      throw new ApiError(res.status, data.error.code, data.error.message, data.error.fields ?? {});
    }
    throw new ApiError(res.status, "http_error", `The server answered ${res.status} ${res.statusText}.`);
  }
  return data as T;
}

/**
 * Sends a multipart form (a file upload) with the CSRF header, reporting progress from 0 to 1 as it goes
 * (fetch cannot report upload progress, XMLHttpRequest can). Resolves with the JSON answer; throws ApiError.
 */
function upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("accept", "application/json");
    const token = readCookie(CSRF_COOKIE);
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.withCredentials = true;
    if (onProgress) {
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
      };
    }
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else if (isErrorBody(data))
        reject(new ApiError(xhr.status, data.error.code, data.error.message, data.error.fields ?? {}));
      else reject(new ApiError(xhr.status, "http_error", `The server answered ${xhr.status} ${xhr.statusText}.`));
    };
    xhr.onerror = () =>
      reject(new ApiError(0, "network_error", "Could not reach the server. Check your connection and try again."));
    xhr.send(form);
  });
}

/** The JSON API under /api/v1: sends cookies, the CSRF header on non-GET requests, and throws ApiError. */
export const api = {
  get: <T>(path: string, query?: Query) => request<T>("GET", path, undefined, query),
  post: <T, B extends Body = Body>(path: string, body?: B) => request<T>("POST", path, body ?? {}),
  patch: <T, B extends Body = Body>(path: string, body: B) => request<T>("PATCH", path, body),
  put: <T, B extends Body = Body>(path: string, body: B) => request<T>("PUT", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
  upload,
};
