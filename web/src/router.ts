// Hash routing: #/cv/42?x=1. The fragment never reaches the server, so the
// one-time tokens of e-mail and OAuth links stay out of its logs. Each page
// gets an AbortSignal and cleanup hooks that run when the user leaves it, so
// subscriptions, timers and media never outlive their page.

export interface PageCtx {
  params: Record<string, string>;
  query: URLSearchParams;
  path: string;
  signal: AbortSignal;
  cleanup(fn: () => void): void;
}

export type Page = (ctx: PageCtx) => Node | Promise<Node>;

export interface Route {
  pattern: string;
  page: Page;
  /** Signed-in users only; others are sent to sign in and back. */
  auth?: boolean;
}

interface Compiled extends Route {
  re: RegExp;
  keys: string[];
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

export class Router {
  private routes: Compiled[];

  constructor(routes: Route[], private readonly fallback: Page) {
    this.routes = routes.map((r) => {
      const keys: string[] = [];
      const src = r.pattern
        .split("/")
        .map((seg) => {
          if (seg.startsWith(":")) {
            keys.push(seg.slice(1));
            return "([^/]+)";
          }
          return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        })
        .join("/");
      return { ...r, re: new RegExp(`^${src}/?$`), keys };
    });
  }

  match(path: string): Match | null {
    for (const r of this.routes) {
      const m = r.re.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => {
        params[k] = decodeURIComponent(m[i + 1] ?? "");
      });
      return { route: r, params };
    }
    return null;
  }

  get fallbackPage(): Page {
    return this.fallback;
  }
}

/** current splits location.hash into path and query. */
export function current(): { path: string; query: URLSearchParams } {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, q] = raw.split("?", 2);
  return { path: path || "/", query: new URLSearchParams(q ?? "") };
}

export function go(path: string, replace = false): void {
  const target = `#${path}`;
  if (replace) {
    history.replaceState(null, "", target);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  } else if (location.hash === target) {
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  } else {
    location.hash = target;
  }
}
