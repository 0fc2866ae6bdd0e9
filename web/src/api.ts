// REST client for the API under /api: JSON in and out, the contract's error
// shape ({detail, code}) turned into ApiError, and a single transparent
// token refresh when the access token is refused.
import type { Session, Tokens, User } from "./session";
import type {
  AnalysisRecord,
  CatalogSummary,
  CVFileSummary,
  FieldSuggestion,
  InterviewDetail,
  InterviewNote,
  InterviewSummary,
  ListenToken,
  Job,
  SkillsReport,
  StartSession,
  StructuredCV,
  StructuredResult,
} from "./types";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly retryAfter?: number,
    readonly body?: unknown,
  ) {
    super(detail);
  }
}

interface Opts {
  auth?: boolean;
  signal?: AbortSignal;
}

export interface AuthResult extends Tokens {
  user: User;
}

export interface SignInMethods {
  password: boolean;
  google: boolean;
  github: boolean;
}

export interface SessionInfo {
  id: string;
  created_at: string;
  last_seen_at: string;
  user_agent: string;
  method: string;
  current: boolean;
}

export interface AccountInfo {
  user: User;
  email_verified: boolean;
  has_password: boolean;
  created_at: string;
  identities: { provider: string; email: string; created_at: string }[];
}

export class Api {
  constructor(private readonly session: Session, private readonly onSignedOut: () => void) {}

  /** token returns a valid access token (refreshing it when close to expiry). */
  token(force = false): Promise<string> {
    return this.session.freshToken((rt) => this.refresh(rt), force);
  }

  private refresh(refreshToken: string): Promise<Tokens> {
    return this.request<Tokens>("POST", "/api/auth/refresh", { refreshToken }, { auth: false });
  }

  async request<T>(method: string, path: string, body?: unknown, opts: Opts = {}): Promise<T> {
    const res = await this.send(method, path, body, opts);
    if (res.status === 204) return undefined as T;
    const ct = res.headers.get("Content-Type") ?? "";
    if (!ct.includes("json")) throw new ApiError(res.status, "bad_response", `Unexpected ${ct || "empty"} response`);
    return (await res.json()) as T;
  }

  async blob(method: string, path: string, body?: unknown, opts: Opts = {}): Promise<Blob> {
    const res = await this.send(method, path, body, opts);
    return res.blob();
  }

  private async send(method: string, path: string, body: unknown, opts: Opts): Promise<Response> {
    const auth = opts.auth ?? true;
    let res = await this.fetchOnce(method, path, body, auth ? await this.tokenOrNull() : null, opts.signal);
    if (res.status === 401 && auth && this.session.signedIn) {
      // The token may have been revoked or rotated elsewhere: refresh once.
      let tok: string | null = null;
      try {
        tok = await this.token(true);
      } catch {
        this.session.clear();
        this.onSignedOut();
      }
      if (tok) res = await this.fetchOnce(method, path, body, tok, opts.signal);
    }
    if (!res.ok) throw await toError(res);
    return res;
  }

  private async tokenOrNull(): Promise<string | null> {
    if (!this.session.signedIn) return null;
    try {
      return await this.token();
    } catch {
      return this.session.accessToken;
    }
  }

  private fetchOnce(method: string, path: string, body: unknown, token: string | null, signal?: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (token) headers.Authorization = `Bearer ${token}`;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
    return fetch(path, { method, headers, body: payload, signal, credentials: "same-origin" });
  }

  /**
   * upload posts multipart form data with upload progress (fetch cannot
   * report it), retrying once after a refresh when the token is refused.
   */
  async upload<T>(path: string, form: FormData, onProgress?: (sent: number, total: number) => void, signal?: AbortSignal): Promise<T> {
    let res = await xhrPost(path, form, await this.tokenOrNull(), onProgress, signal);
    if (res.status === 401 && this.session.signedIn) {
      res = await xhrPost(path, form, await this.token(true), onProgress, signal);
    }
    let data: unknown = null;
    try {
      data = res.text ? JSON.parse(res.text) : null;
    } catch {
      data = null;
    }
    if (res.status < 200 || res.status >= 300) {
      const d = (data ?? {}) as { detail?: unknown; code?: string };
      throw new ApiError(res.status, d.code ?? `http_${res.status}`, detailText(d.detail, res.status), retryAfterOf(res.retryAfter), data);
    }
    return data as T;
  }

  // Accounts
  register(name: string, email: string, password: string) {
    return this.request<{ message: string }>("POST", "/api/auth/register", { name, email, password }, { auth: false });
  }
  login(email: string, password: string) {
    return this.request<AuthResult>("POST", "/api/auth/login", { email, password }, { auth: false });
  }
  verifyEmail(token: string) {
    return this.request<AuthResult>("POST", "/api/auth/verify-email", { token }, { auth: false });
  }
  resendVerification(email: string, password: string) {
    return this.request<{ message: string }>("POST", "/api/auth/resend-verification", { email, password }, { auth: false });
  }
  oauthExchange(code: string) {
    return this.request<AuthResult>("POST", "/api/auth/oauth/exchange", { code }, { auth: false });
  }
  me() {
    return this.request<{ user: User }>("GET", "/api/auth/me");
  }
  logout(refreshToken?: string) {
    return this.request<unknown>("POST", "/api/auth/logout", refreshToken ? { refreshToken } : {});
  }
  logoutAll() {
    return this.request<{ message: string }>("POST", "/api/auth/logout-all", {});
  }
  methods() {
    return this.request<SignInMethods>("GET", "/api/auth/methods", undefined, { auth: false });
  }
  forgotPassword(email: string) {
    return this.request<{ message: string }>("POST", "/api/auth/password/forgot", { email }, { auth: false });
  }
  resetPassword(token: string, newPassword: string) {
    return this.request<{ message: string }>("POST", "/api/auth/password/reset", { token, new_password: newPassword }, { auth: false });
  }
  changePassword(currentPassword: string, newPassword: string) {
    return this.request<Tokens>("POST", "/api/auth/password/change", { current_password: currentPassword, new_password: newPassword });
  }
  account(signal?: AbortSignal) {
    return this.request<AccountInfo>("GET", "/api/auth/account", undefined, { signal });
  }
  sessions(signal?: AbortSignal) {
    return this.request<SessionInfo[]>("GET", "/api/auth/sessions", undefined, { signal });
  }
  revokeSession(id: string) {
    return this.request<{ message: string }>("DELETE", `/api/auth/sessions/${encodeURIComponent(id)}`);
  }
  rename(name: string) {
    return this.request<AccountInfo>("PATCH", "/api/auth/account", { name });
  }
  unlink(provider: string) {
    return this.request<AccountInfo>("DELETE", `/api/auth/identities/${encodeURIComponent(provider)}`);
  }
  deleteAccount(password: string) {
    return this.request<{ message: string }>("DELETE", "/api/auth/account", password ? { password } : {});
  }

  // CV
  analyses(signal?: AbortSignal) {
    return this.request<AnalysisRecord[] | { analyses: AnalysisRecord[] }>("GET", "/api/analyses", undefined, { signal });
  }
  analysis(id: string, signal?: AbortSignal) {
    return this.request<AnalysisRecord>("GET", `/api/analyses/${encodeURIComponent(id)}`, undefined, { signal });
  }
  latestStructuredCV(signal?: AbortSignal) {
    return this.request<StructuredResult>("GET", "/api/latest-structured-cv", undefined, { signal });
  }
  applySuggestion(cv: StructuredCV, s: Pick<FieldSuggestion, "suggestionId" | "targetField" | "fieldPath" | "improvedValue" | "originalValue">, analysisId?: string) {
    return this.request<{ status: string; updated_cv: StructuredCV; applied_suggestion?: unknown }>("POST", "/api/apply-suggestion", {
      structured_cv: cv,
      suggestion: s,
      ...(analysisId ? { analysis_id: analysisId } : {}),
    });
  }
  latexCode(cv: StructuredCV) {
    return this.request<{ status: string; latex_code: string }>("POST", "/api/get-latex-code", { structured_cv: cv });
  }
  pdf(cv: StructuredCV) {
    return this.blob("POST", "/api/export-latex-pdf", { structured_cv: cv });
  }

  // Jobs and skills
  searchJobs(q: { keywords: string; location: string; max_jobs: number; timeRange: string; experience_levels: string[] }, signal?: AbortSignal) {
    return this.request<{ message?: string; jobs: Job[] }>("POST", "/api/jobs/search", q, { signal });
  }
  latestJobs(signal?: AbortSignal) {
    return this.request<{ jobs?: Job[]; message?: string } | Job[]>("GET", "/api/jobs", undefined, { signal });
  }
  job(id: string, signal?: AbortSignal) {
    return this.request<Job | { job: Job }>("GET", `/api/jobs/${encodeURIComponent(id)}`, undefined, { signal });
  }
  catalog(signal?: AbortSignal) {
    return this.request<CatalogSummary>("GET", "/api/jobs/catalog", undefined, { signal });
  }
  cvFiles(signal?: AbortSignal) {
    return this.request<{ files: CVFileSummary[] }>("GET", "/api/cv/files", undefined, { signal });
  }
  skillsGap(form: FormData, onProgress?: (sent: number, total: number) => void) {
    return this.upload<SkillsReport>("/api/analyze", form, onProgress);
  }

  // Interviews
  uploadCV(form: FormData, onProgress?: (sent: number, total: number) => void) {
    return this.upload<{ success: boolean; message?: string; filename: string; path?: string }>("/api/upload-cv", form, onProgress);
  }
  startSession(body: Record<string, unknown>) {
    return this.request<StartSession>("POST", "/api/start-session", body);
  }
  interviewsByEmail(email: string, signal?: AbortSignal) {
    return this.request<{ success?: boolean; total_interviews?: number; interviews: InterviewSummary[] }>(
      "GET",
      `/api/interviews/email/${encodeURIComponent(email)}`,
      undefined,
      { signal },
    );
  }
  interview(id: string, signal?: AbortSignal) {
    return this.request<InterviewDetail>("GET", `/api/interviews/${encodeURIComponent(id)}`, undefined, { signal });
  }
  endInterview(id: string) {
    return this.request<{ interview_id: string; state: string; end_requested: boolean }>("POST", `/api/interviews/${encodeURIComponent(id)}/end`, {});
  }
  inviteReviewer(id: string, email: string) {
    return this.request<unknown>("POST", `/api/interviews/${encodeURIComponent(id)}/reviewers`, { email });
  }
  sharedWithMe(signal?: AbortSignal) {
    return this.request<{ interviews: InterviewSummary[] }>("GET", "/api/reviewer/interviews", undefined, { signal });
  }
  listenToken(id: string) {
    return this.request<ListenToken>("POST", `/api/interviews/${encodeURIComponent(id)}/listen-token`, {});
  }
  note(id: string, noteId: string, signal?: AbortSignal) {
    return this.request<InterviewNote>("GET", `/api/interviews/${encodeURIComponent(id)}/notes/${encodeURIComponent(noteId)}`, undefined, { signal });
  }
  addNote(id: string, text: string, offsetMs?: number) {
    return this.request<InterviewNote>("POST", `/api/interviews/${encodeURIComponent(id)}/notes`, {
      text,
      ...(offsetMs !== undefined ? { offset_ms: Math.max(0, Math.round(offsetMs)) } : {}),
    });
  }
}

async function toError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const d = (body ?? {}) as { detail?: unknown; code?: string; message?: string };
  return new ApiError(
    res.status,
    d.code ?? `http_${res.status}`,
    detailText(d.detail ?? d.message, res.status),
    retryAfterOf(res.headers.get("Retry-After")),
    body,
  );
}

function detailText(detail: unknown, status: number): string {
  if (typeof detail === "string" && detail) return detail;
  if (Array.isArray(detail)) return detail.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join("; ");
  return `Request failed (HTTP ${status}).`;
}

function retryAfterOf(v: string | null): number | undefined {
  if (!v) return undefined;
  const n = Number(v);
  if (Number.isFinite(n)) return n;
  const d = Date.parse(v);
  return Number.isNaN(d) ? undefined : Math.max(0, Math.round((d - Date.now()) / 1000));
}

interface XhrResult {
  status: number;
  text: string;
  retryAfter: string | null;
}

function xhrPost(path: string, form: FormData, token: string | null, onProgress?: (sent: number, total: number) => void, signal?: AbortSignal): Promise<XhrResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("Accept", "application/json");
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    if (onProgress) xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText, retryAfter: xhr.getResponseHeader("Retry-After") });
    xhr.onerror = () => reject(new ApiError(0, "network", "The server could not be reached."));
    xhr.onabort = () => reject(new DOMException("aborted", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** list unwraps responses that are either an array or {key: array}. */
export function list<T>(v: T[] | Record<string, unknown> | null | undefined, key: string): T[] {
  if (Array.isArray(v)) return v;
  const inner = v?.[key];
  return Array.isArray(inner) ? (inner as T[]) : [];
}
