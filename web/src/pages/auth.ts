// Sign up, sign in, e-mail verification and the OAuth return.
import { ApiError, type AuthResult } from "../api";
import type { App } from "../app";
import { h, replace } from "../dom";
import { t } from "../i18n";
import { go, type PageCtx } from "../router";
import { alertBox, button, errorText, field, input, loading, pageHeader } from "../ui";

/** passwordProblems lists the policy rules a password breaks (contract: 8+, lower, upper, digit, symbol). */
export function passwordProblems(pw: string): ("length" | "lower" | "upper" | "digit" | "symbol")[] {
  const out: ("length" | "lower" | "upper" | "digit" | "symbol")[] = [];
  if ([...pw].length < 8) out.push("length");
  if (!/\p{Ll}/u.test(pw)) out.push("lower");
  if (!/\p{Lu}/u.test(pw)) out.push("upper");
  if (!/\p{Nd}/u.test(pw)) out.push("digit");
  if (!/[^\p{L}\p{Nd}\s]/u.test(pw)) out.push("symbol");
  return out;
}

function safeNext(next: string | null): string {
  // Only in-app paths: never an absolute URL an attacker could plant.
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/dashboard";
}

function signedIn(app: App, res: AuthResult, next: string | null): void {
  app.session.set({ token: res.token, refreshToken: res.refreshToken }, res.user);
  go(safeNext(next), true);
}

/**
 * oauthButtons shows a button for each provider the server has configured
 * (it asks /api/auth/methods); none when it has none or cannot say.
 */
function oauthButtons(app: App): HTMLElement {
  const box = h("div", { class: "oauth", "data-testid": "oauth-buttons" });
  app.api
    .methods()
    .then((m) => {
      // Full-page navigations: the server redirects to the provider with
      // state and PKCE, then back to /#/oauth with a one-time code.
      const links = [
        m.google ? h("a", { class: "btn btn-outline", href: "/api/auth/oauth/google" }, t("auth.google")) : null,
        m.github ? h("a", { class: "btn btn-outline", href: "/api/auth/oauth/github" }, t("auth.github")) : null,
      ].filter((x) => x !== null);
      if (links.length) replace(box, h("p", { class: "muted" }, t("auth.orWith")), links);
      box.dataset.ready = "true";
    })
    .catch(() => {
      box.dataset.ready = "true";
    });
  return box;
}

const providerLabel: Record<string, string> = { google: "Google", github: "GitHub" };

/** oauthFailure says in words why signing in with a provider failed. */
export function oauthFailure(error: string, provider: string): string {
  const p = providerLabel[provider] ?? t("auth.theProvider");
  switch (error) {
    case "oauth_not_configured":
      return t("auth.oauth.notConfigured", { provider: p });
    case "provider_refused":
      return t("auth.oauth.refused", { provider: p });
    case "email_not_verified":
      return t("auth.oauth.unverified", { provider: p });
    case "invalid_state":
    case "missing_code":
      return t("auth.oauth.restart", { provider: p });
    default:
      return t("auth.oauth.failed", { provider: p });
  }
}

export function signInPage(app: App) {
  return (ctx: PageCtx): Node => {
    if (app.session.signedIn) {
      go(safeNext(ctx.query.get("next")), true);
      return loading();
    }
    const email = input({ type: "email", name: "email", autocomplete: "email", required: true });
    const password = input({ type: "password", name: "password", autocomplete: "current-password", required: true });
    const status = h("div", { class: "form-status" });
    const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("auth.signin"));
    const form = h(
      "form",
      { class: "form narrow", novalidate: true },
      field(t("auth.email"), email),
      field(t("auth.password"), password),
      h("p", null, h("a", { href: "#/forgot-password" }, t("auth.forgot"))),
      status,
      submit,
    );
    const oauthError = ctx.query.get("oauth_error");
    if (oauthError) replace(status, alertBox("error", h("p", { "data-testid": "oauth-error" }, oauthFailure(oauthError, ctx.query.get("provider") ?? ""))));
    else if (ctx.query.get("deleted")) replace(status, alertBox("success", t("account.deleted")));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      if (!email.value || !password.value) {
        replace(status, alertBox("error", t("auth.fillBoth")));
        return;
      }
      submit.disabled = true;
      replace(status);
      try {
        signedIn(app, await app.api.login(email.value.trim(), password.value), ctx.query.get("next"));
      } catch (err) {
        if (err instanceof ApiError && err.status === 403) {
          replace(status, unverified(app, email.value.trim(), password.value, err.detail));
        } else {
          const msg = err instanceof ApiError && err.status === 400 ? t("auth.invalid") : errorText(err);
          replace(status, alertBox("error", msg));
        }
      } finally {
        submit.disabled = false;
      }
    });
    return h(
      "div",
      { class: "auth-page" },
      pageHeader(t("auth.signinTitle")),
      form,
      oauthButtons(app),
      h("p", null, t("auth.noAccount"), " ", h("a", { href: "#/signup" }, t("auth.signup"))),
    );
  };
}

function unverified(app: App, email: string, password: string, detail: string): HTMLElement {
  const out = h("div", { class: "form-status" });
  const resend = button(t("auth.resend"), async () => {
    resend.disabled = true;
    try {
      await app.api.resendVerification(email, password);
      replace(out, alertBox("success", t("auth.resent", { email })));
    } catch (err) {
      replace(out, alertBox("error", errorText(err)));
      resend.disabled = false;
    }
  });
  return h("div", null, alertBox("warning", h("p", null, t("auth.notVerified")), h("p", { class: "muted" }, detail)), resend, out);
}

export function signUpPage(app: App) {
  return (): Node => {
    const name = input({ name: "name", autocomplete: "name", required: true, maxlength: "200" });
    const email = input({ type: "email", name: "email", autocomplete: "email", required: true });
    const password = input({ type: "password", name: "password", autocomplete: "new-password", required: true });
    const confirm = input({ type: "password", name: "confirm", autocomplete: "new-password", required: true });
    const rules = h("ul", { class: "rules", id: "pw-rules", "aria-live": "polite" });
    password.setAttribute("aria-describedby", "pw-rules");
    const showRules = () => {
      const bad = new Set(passwordProblems(password.value));
      replace(
        rules,
        (["length", "lower", "upper", "digit", "symbol"] as const).map((r) =>
          h("li", { class: bad.has(r) ? "rule-bad" : "rule-ok" }, h("span", { "aria-hidden": "true" }, bad.has(r) ? "○ " : "✓ "), t(`pw.${r}`), h("span", { class: "visually-hidden" }, bad.has(r) ? ` (${t("pw.missing")})` : ` (${t("pw.ok")})`)),
        ),
      );
    };
    password.addEventListener("input", showRules);
    showRules();
    const status = h("div", { class: "form-status" });
    const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("auth.createAccount"));
    const form = h(
      "form",
      { class: "form narrow", novalidate: true },
      field(t("auth.name"), name),
      field(t("auth.email"), email),
      h("div", { class: "field" }, h("label", { for: "su-pw" }, t("auth.password")), rules, password),
      field(t("auth.confirm"), confirm),
      status,
      submit,
    );
    password.id = "su-pw";
    const page = h("div", { class: "auth-page" }, pageHeader(t("auth.signupTitle")), form, oauthButtons(app), h("p", null, t("auth.haveAccount"), " ", h("a", { href: "#/signin" }, t("auth.signin"))));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const problems: string[] = [];
      if (!name.value.trim()) problems.push(t("auth.nameRequired"));
      if (!email.validity.valid || !email.value) problems.push(t("auth.emailInvalid"));
      if (passwordProblems(password.value).length) problems.push(t("auth.passwordWeak"));
      if (password.value !== confirm.value) problems.push(t("auth.mismatch"));
      if (problems.length) {
        replace(status, alertBox("error", h("ul", null, problems.map((p) => h("li", null, p)))));
        return;
      }
      submit.disabled = true;
      try {
        await app.api.register(name.value.trim(), email.value.trim(), password.value);
        replace(page, checkMail(app, email.value.trim(), password.value));
        page.querySelector("h1")?.focus();
      } catch (err) {
        replace(status, alertBox("error", errorText(err)));
        submit.disabled = false;
      }
    });
    return page;
  };
}

function checkMail(app: App, email: string, password: string): HTMLElement {
  const out = h("div", { class: "form-status" });
  const resend = button(t("auth.resend"), async () => {
    resend.disabled = true;
    try {
      await app.api.resendVerification(email, password);
      replace(out, alertBox("success", t("auth.resent", { email })));
    } catch (err) {
      replace(out, alertBox("error", errorText(err)));
    } finally {
      resend.disabled = false;
    }
  });
  return h(
    "div",
    { class: "check-mail" },
    pageHeader(t("auth.checkMailTitle")),
    h("p", { "data-testid": "check-mail" }, t("auth.checkMail", { email })),
    resend,
    out,
    h("p", null, h("a", { href: "#/signin" }, t("auth.backToSignin"))),
  );
}

/** verifyPage consumes #/verify-email?token=… (single use) and signs the user in. */
export function verifyPage(app: App) {
  return (ctx: PageCtx): Node => {
    const token = ctx.query.get("token") ?? "";
    // The token is single use: drop it from the address bar and history now.
    history.replaceState(null, "", "#/verify-email");
    const out = h("div", null, loading(t("auth.verifying")));
    const page = h("div", { class: "auth-page" }, pageHeader(t("auth.verifyTitle")), out);
    if (!token) {
      replace(out, alertBox("error", t("auth.verifyMissing")), h("a", { href: "#/signin" }, t("auth.backToSignin")));
      return page;
    }
    app.api
      .verifyEmail(token)
      .then((res) => signedIn(app, res, "/dashboard"))
      .catch((err) => replace(out, alertBox("error", errorText(err)), h("p", null, t("auth.verifyFailed")), h("a", { href: "#/signin" }, t("auth.backToSignin"))));
    return page;
  };
}

/** oauthPage exchanges the one-time code of #/oauth?code=… for tokens. */
export function oauthPage(app: App) {
  return (ctx: PageCtx): Node => {
    const code = ctx.query.get("code") ?? "";
    const error = ctx.query.get("error");
    if (error) {
      // Back to sign in, where the reason is said in words.
      const q = new URLSearchParams({ oauth_error: error, provider: ctx.query.get("provider") ?? "" });
      go(`/signin?${q.toString()}`, true);
      return loading();
    }
    history.replaceState(null, "", "#/oauth");
    const out = h("div", null, loading(t("auth.oauthWorking")));
    const page = h("div", { class: "auth-page" }, pageHeader(t("auth.oauthTitle")), out);
    if (error || !code) {
      replace(out, alertBox("error", error ? t("auth.oauthError", { error }) : t("auth.oauthMissing")), h("a", { href: "#/signin" }, t("auth.backToSignin")));
      return page;
    }
    app.api
      .oauthExchange(code)
      .then((res) => signedIn(app, res, "/dashboard"))
      .catch((err) => replace(out, alertBox("error", errorText(err)), h("a", { href: "#/signin" }, t("auth.backToSignin"))));
    return page;
  };
}
