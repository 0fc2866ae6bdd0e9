// The signed-in session: access token, refresh token and user, kept in
// localStorage so a reload stays signed in. Refreshing rotates the refresh
// token and the server revokes a family whose old token is reused, so two
// tabs must never refresh with the same token: refreshes are serialised
// across tabs with the Web Locks API and each re-reads storage first.

export interface User {
  id: string | number;
  name: string;
  email: string;
  role?: string;
}

export interface Tokens {
  token: string;
  refreshToken: string;
}

interface Stored extends Tokens {
  user: User;
}

const KEY = "uh.session";

type Listener = (user: User | null) => void;

export class Session {
  private data: Stored | null = read();
  private listeners = new Set<Listener>();
  private refreshing: Promise<string> | null = null;

  constructor() {
    // Another tab signed in, out, or rotated the tokens.
    window.addEventListener("storage", (e) => {
      if (e.key !== KEY) return;
      const before = this.data?.user.id;
      this.data = read();
      if (before !== this.data?.user.id) this.emit();
    });
  }

  get user(): User | null {
    return this.data?.user ?? null;
  }

  get signedIn(): boolean {
    return this.data !== null;
  }

  get accessToken(): string | null {
    return this.data?.token ?? null;
  }

  onChange(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  set(tokens: Tokens, user?: User): void {
    const u = user ?? this.data?.user;
    if (!u) throw new Error("session without a user");
    const changed = this.data?.user.id !== u.id;
    this.data = { token: tokens.token, refreshToken: tokens.refreshToken, user: u };
    write(this.data);
    if (changed) this.emit();
  }

  setUser(user: User): void {
    if (!this.data) return;
    this.data = { ...this.data, user };
    write(this.data);
    this.emit();
  }

  clear(): void {
    if (!this.data) return;
    this.data = null;
    write(null);
    this.emit();
  }

  /**
   * freshToken returns an access token valid for at least minValidity ms,
   * refreshing first when needed (or always, with force).
   */
  async freshToken(refresh: (rt: string) => Promise<Tokens>, force = false, minValidity = 60_000): Promise<string> {
    const tok = this.data?.token;
    if (!tok) throw new Error("not signed in");
    if (!force && expiresAt(tok) - Date.now() > minValidity) return tok;
    if (!this.refreshing) {
      this.refreshing = this.refreshLocked(refresh, tok).finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async refreshLocked(refresh: (rt: string) => Promise<Tokens>, stale: string): Promise<string> {
    const run = async (): Promise<string> => {
      // Another tab may have refreshed while we waited for the lock.
      this.data = read();
      if (!this.data) throw new Error("signed out");
      if (this.data.token !== stale && expiresAt(this.data.token) - Date.now() > 30_000) return this.data.token;
      const next = await refresh(this.data.refreshToken);
      this.set(next);
      return next.token;
    };
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    if (locks) return locks.request("uh-session-refresh", run);
    return run();
  }

  private emit(): void {
    for (const fn of this.listeners) fn(this.user);
  }
}

/** expiresAt reads a JWT's exp claim (ms); 0 when it cannot be read. */
export function expiresAt(jwt: string): number {
  const part = jwt.split(".")[1];
  if (!part) return 0;
  try {
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    const exp = (JSON.parse(json) as { exp?: number }).exp;
    return typeof exp === "number" ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

function read(): Stored | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Stored;
    return v && typeof v.token === "string" && typeof v.refreshToken === "string" && v.user ? v : null;
  } catch {
    return null;
  }
}

function write(v: Stored | null): void {
  try {
    if (v) localStorage.setItem(KEY, JSON.stringify(v));
    else localStorage.removeItem(KEY);
  } catch {
    // storage full or disabled: the session lives in memory only
  }
}
