// The application shell: header with navigation, language switcher, the
// live-connection indicator and the signed-in user; the routed page below.
import { Api } from "./api";
import { h, replace } from "./dom";
import { HubClient, hubURL, type HubState } from "./hub";
import { lang, onLangChange, setLang, t, type Lang } from "./i18n";
import type { MessageKey } from "./messages";
import { current, go, Router, type PageCtx, type Route } from "./router";
import { Session } from "./session";
import { errorView, loading } from "./ui";

export class App {
  readonly session = new Session();
  readonly api: Api;
  readonly hub: HubClient;
  private router!: Router;
  private main!: HTMLElement;
  private header!: HTMLElement;
  private leave: (() => void)[] = [];
  private abort: AbortController | null = null;
  private hubState: HubState = "idle";
  private renderSeq = 0;

  constructor(private readonly root: HTMLElement) {
    this.api = new Api(this.session, () => this.signedOut());
    this.hub = new HubClient(hubURL(), {
      token: (force) => this.api.token(force),
      onAuthFailed: () => undefined,
      log: (msg, extra) => console.warn(msg, extra ?? ""),
    });
  }

  start(routes: (app: App) => Route[], notFound: (app: App) => (ctx: PageCtx) => Node): void {
    this.router = new Router(routes(this), notFound(this));
    this.mount();
    this.hub.onState((s) => {
      this.hubState = s;
      this.renderHubBadge();
    });
    this.session.onChange((u) => {
      if (u) this.hub.start();
      else this.hub.stop();
      this.renderHeader();
    });
    if (this.session.signedIn) this.hub.start();
    onLangChange(() => {
      this.mount();
      void this.render();
    });
    window.addEventListener("hashchange", () => void this.render());
    void this.render();
  }

  /** mount builds the shell (again after a language change). */
  private mount(): void {
    this.header = h("header", { class: "site-header" });
    this.main = h("main", { id: "main", tabindex: "-1" });
    replace(
      this.root,
      h("a", { href: "#main", class: "skip-link", onclick: (e: Event) => this.skipToMain(e) }, t("nav.skip")),
      this.header,
      this.main,
      h("footer", { class: "site-footer" }, h("p", null, t("footer.text"))),
    );
    this.renderHeader();
  }

  private skipToMain(e: Event): void {
    e.preventDefault();
    this.main.focus();
  }

  /** signedOut is called when the server refused the session for good. */
  private signedOut(): void {
    const { path } = current();
    if (path !== "/signin") go(`/signin?next=${encodeURIComponent(path)}`, true);
  }

  async signOut(): Promise<void> {
    try {
      await this.api.logout();
    } catch {
      // Signing out locally still matters when the server cannot be reached.
    }
    this.session.clear();
    go("/signin");
  }

  private navLink(path: string, key: MessageKey): HTMLElement {
    const { path: here } = current();
    const active = here === path || (path !== "/" && here.startsWith(path + "/"));
    return h("li", null, h("a", { href: `#${path}`, "aria-current": active ? "page" : false }, t(key)));
  }

  renderHeader(): void {
    if (!this.header) return;
    const user = this.session.user;
    const select = h(
      "select",
      { id: "lang-select", onchange: (e: Event) => setLang((e.target as HTMLSelectElement).value as Lang) },
      h("option", { value: "en", selected: lang() === "en" }, "English"),
      h("option", { value: "fr", selected: lang() === "fr" }, "Français"),
    );
    const nav = user
      ? h(
          "nav",
          { "aria-label": t("nav.main") },
          h(
            "ul",
            null,
            this.navLink("/dashboard", "nav.dashboard"),
            this.navLink("/cv", "nav.cv"),
            this.navLink("/jobs", "nav.jobs"),
            this.navLink("/skills", "nav.skills"),
            this.navLink("/interviews/new", "nav.interview"),
            this.navLink("/reviews", "nav.reviews"),
            this.navLink("/account", "nav.account"),
          ),
        )
      : h("nav", { "aria-label": t("nav.main") }, h("ul", null, this.navLink("/signin", "nav.signin"), this.navLink("/signup", "nav.signup")));
    replace(
      this.header,
      h("a", { href: user ? "#/dashboard" : "#/signin", class: "brand" }, h("span", { class: "brand-mark", "aria-hidden": "true" }, "U"), "UtopiaHire"),
      nav,
      h(
        "div",
        { class: "header-tools" },
        h("span", { id: "hub-badge", class: "hub-badge", role: "status", "aria-live": "polite" }),
        h("label", { for: "lang-select", class: "visually-hidden" }, t("nav.language")),
        select,
        user ? h("a", { class: "user-name", href: "#/account", title: t("nav.account") }, user.name || user.email) : null,
        user ? h("button", { type: "button", class: "btn btn-quiet", onclick: () => void this.signOut() }, t("nav.signout")) : null,
      ),
    );
    this.renderHubBadge();
  }

  private renderHubBadge(): void {
    const el = document.getElementById("hub-badge");
    if (!el) return;
    const st = this.session.signedIn ? this.hubState : "idle";
    el.className = `hub-badge hub-${st}`;
    el.textContent =
      st === "connected" ? t("hub.live") : st === "reconnecting" ? t("hub.reconnecting") : st === "connecting" ? t("hub.connecting") : st === "closed" ? t("hub.offline") : "";
  }

  private async render(): Promise<void> {
    const seq = ++this.renderSeq;
    for (const fn of this.leave.splice(0)) {
      try {
        fn();
      } catch (err) {
        console.warn("page cleanup failed", err);
      }
    }
    this.abort?.abort();
    this.abort = new AbortController();
    const { path, query } = current();
    const m = this.router.match(path);
    if (m?.route.auth && !this.session.signedIn) {
      go(`/signin?next=${encodeURIComponent(path)}`, true);
      return;
    }
    this.renderHeader();
    const ctx: PageCtx = {
      params: m?.params ?? {},
      query,
      path,
      signal: this.abort.signal,
      cleanup: (fn) => this.leave.push(fn),
    };
    replace(this.main, loading());
    let node: Node;
    try {
      node = await (m ? m.route.page(ctx) : this.router.fallbackPage(ctx));
    } catch (err) {
      node = errorView(err, () => void this.render());
    }
    if (seq !== this.renderSeq) return; // the user navigated meanwhile
    replace(this.main, node);
    const h1 = this.main.querySelector("h1");
    document.title = h1?.textContent ? `${h1.textContent} · UtopiaHire` : "UtopiaHire";
    (h1 ?? this.main).focus({ preventScroll: false });
  }
}
