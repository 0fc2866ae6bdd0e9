// The account page (profile, password, sessions, data export, deletion) and
// the forgotten-password pages (ask for a link, choose a new password).
import { ApiError, type AccountInfo, type SessionInfo } from "../api";
import type { App } from "../app";
import { h, replace } from "../dom";
import { formatDate, t } from "../i18n";
import { go, type PageCtx } from "../router";
import { alertBox, announce, button, card, errorText, field, input, loading, pageHeader } from "../ui";
import { passwordProblems } from "./auth";

/** passwordRules is the live checklist of the password policy under a field. */
function passwordRules(pw: HTMLInputElement): HTMLElement {
  const rules = h("ul", { class: "rules", id: `${pw.id}-rules`, "aria-live": "polite" });
  pw.setAttribute("aria-describedby", rules.id);
  const show = () => {
    const bad = new Set(passwordProblems(pw.value));
    replace(
      rules,
      (["length", "lower", "upper", "digit", "symbol"] as const).map((r) =>
        h("li", { class: bad.has(r) ? "rule-bad" : "rule-ok" }, h("span", { "aria-hidden": "true" }, bad.has(r) ? "○ " : "✓ "), t(`pw.${r}`), h("span", { class: "visually-hidden" }, bad.has(r) ? ` (${t("pw.missing")})` : ` (${t("pw.ok")})`)),
      ),
    );
  };
  pw.addEventListener("input", show);
  show();
  return rules;
}

/** newPasswordFields are "new password" (with its rules) and "confirm". */
function newPasswordFields(prefix: string): { nodes: HTMLElement[]; problems: () => string[]; value: () => string } {
  const pw = input({ type: "password", id: `${prefix}-new`, name: "new-password", autocomplete: "new-password", required: true });
  const confirm = input({ type: "password", id: `${prefix}-confirm`, name: "confirm-password", autocomplete: "new-password", required: true });
  const rules = passwordRules(pw);
  return {
    nodes: [h("div", { class: "field" }, h("label", { for: pw.id }, t("account.newPassword")), rules, pw), field(t("auth.confirm"), confirm)],
    problems: () => {
      const out: string[] = [];
      if (passwordProblems(pw.value).length) out.push(t("auth.passwordWeak"));
      if (pw.value !== confirm.value) out.push(t("auth.mismatch"));
      return out;
    },
    value: () => pw.value,
  };
}

function problemList(problems: string[]): HTMLElement {
  return alertBox("error", h("ul", null, problems.map((p) => h("li", null, p))));
}

/** forgotPasswordPage asks for a reset link by e-mail. */
export function forgotPasswordPage(app: App) {
  return (): Node => {
    const email = input({ type: "email", name: "email", autocomplete: "email", required: true });
    const status = h("div", { class: "form-status" });
    const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("forgot.send"));
    const form = h("form", { class: "form narrow", novalidate: true }, h("p", null, t("forgot.intro")), field(t("auth.email"), email), status, submit);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      if (!email.value.trim() || !email.validity.valid) {
        replace(status, alertBox("error", t("auth.emailInvalid")));
        return;
      }
      submit.disabled = true;
      try {
        await app.api.forgotPassword(email.value.trim());
        replace(status, alertBox("success", h("p", { "data-testid": "forgot-sent" }, t("forgot.sent", { email: email.value.trim() }))));
      } catch (err) {
        replace(status, alertBox("error", errorText(err)));
      } finally {
        submit.disabled = false;
      }
    });
    return h("div", { class: "auth-page" }, pageHeader(t("forgot.title")), form, h("p", null, h("a", { href: "#/signin" }, t("auth.backToSignin"))));
  };
}

/** resetPasswordPage sets a new password with the token of #/reset-password?token=… */
export function resetPasswordPage(app: App) {
  return (ctx: PageCtx): Node => {
    const token = ctx.query.get("token") ?? "";
    // Keep the single-use token out of the address bar and history.
    history.replaceState(null, "", "#/reset-password");
    const page = h("div", { class: "auth-page" }, pageHeader(t("reset.title")));
    if (!token) {
      page.append(alertBox("error", t("reset.missing")), h("p", null, h("a", { href: "#/forgot-password" }, t("reset.askAgain"))));
      return page;
    }
    const fields = newPasswordFields("reset");
    const status = h("div", { class: "form-status" });
    const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("reset.submit"));
    const form = h("form", { class: "form narrow", novalidate: true }, fields.nodes, status, submit);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const problems = fields.problems();
      if (problems.length) {
        replace(status, problemList(problems));
        return;
      }
      submit.disabled = true;
      try {
        await app.api.resetPassword(token, fields.value());
        // Every session ended, this browser's too.
        app.session.clear();
        replace(form, alertBox("success", h("p", { "data-testid": "reset-done" }, t("reset.done"))), h("p", null, h("a", { href: "#/signin", class: "btn btn-primary" }, t("auth.signin"))));
      } catch (err) {
        const expired = err instanceof ApiError && err.status === 400;
        replace(status, alertBox("error", errorText(err)), expired ? h("p", null, h("a", { href: "#/forgot-password" }, t("reset.askAgain"))) : null);
        submit.disabled = false;
      }
    });
    page.append(form);
    return page;
  };
}

/** describeDevice names the browser and system of a user agent ("Chrome on Linux"). */
export function describeDevice(ua: string): string {
  if (!ua) return t("account.unknownDevice");
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /(Chrome|Chromium|CriOS)\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : /^curl\//.test(ua)
            ? "curl"
            : "";
  const os = /Android/.test(ua)
    ? "Android"
    : /(iPhone|iPad|iOS)/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /Linux|X11/.test(ua)
            ? "Linux"
            : "";
  if (browser && os) return t("account.deviceOn", { browser, os });
  return browser || os || ua.slice(0, 60);
}

function methodName(method: string): string {
  if (method.startsWith("oauth:")) return method.slice(6) === "github" ? "GitHub" : method.slice(6) === "google" ? "Google" : method.slice(6);
  return method === "email_verification" ? t("account.method.verification") : t("account.method.password");
}

/** accountPage is #/account. */
export function accountPage(app: App) {
  return async (ctx: PageCtx): Promise<Node> => {
    const [info, sessions] = await Promise.all([app.api.account(ctx.signal), app.api.sessions(ctx.signal)]);
    const sessionsBox = h("div", null);
    const renderSessions = (list: SessionInfo[]) => replace(sessionsBox, sessionsTable(app, list, renderSessions));
    renderSessions(sessions);
    return h(
      "div",
      { class: "account-page" },
      pageHeader(t("account.title")),
      profileCard(app, info),
      passwordCard(app, info, async () => renderSessions(await app.api.sessions())),
      card(
        t("account.sessions"),
        h("p", { class: "muted" }, t("account.sessionsIntro")),
        sessionsBox,
        button(t("account.signOutEverywhere"), async () => {
          if (!confirm(t("account.signOutEverywhereConfirm"))) return;
          try {
            await app.api.logoutAll();
          } finally {
            app.session.clear();
            go("/signin", true);
          }
        }, { class: "btn btn-danger", "data-testid": "logout-all" }),
      ),
      dataCard(app),
      deleteCard(app, info),
    );
  };
}

function profileCard(app: App, info: AccountInfo): HTMLElement {
  const nameSlot = h("dd", { "data-testid": "profile-name" }, info.user.name);
  const linkedSlot = h("dd", { "data-testid": "linked" });
  const status = h("div", { class: "form-status" });
  const renderLinked = (v: AccountInfo) => {
    const ids = v.identities ?? [];
    replace(
      linkedSlot,
      ids.length
        ? h(
            "ul",
            { class: "list" },
            ids.map((i) => {
              const provider = methodName(`oauth:${i.provider}`);
              const unlink = button(t("account.unlink"), async () => {
                unlink.disabled = true;
                try {
                  renderLinked(await app.api.unlink(i.provider));
                  announce(t("account.unlinked", { provider }));
                } catch (err) {
                  replace(status, alertBox("error", errorText(err)));
                  unlink.disabled = false;
                }
              }, { class: "btn btn-quiet", "aria-label": t("account.unlinkLabel", { provider }) });
              return h("li", { "data-provider": i.provider }, t("account.linkedItem", { provider, email: i.email, date: formatDate(i.created_at) }), " ", unlink);
            }),
          )
        : t("account.noLinked"),
    );
  };
  renderLinked(info);
  const name = input({ name: "name", autocomplete: "name", maxlength: "100", required: true, value: info.user.name });
  const save = h("button", { type: "submit", class: "btn" }, t("account.saveName"));
  const form = h("form", { class: "form inline", novalidate: true }, field(t("account.newName"), name), save);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    save.disabled = true;
    try {
      const v = await app.api.rename(name.value);
      replace(nameSlot, v.user.name);
      name.value = v.user.name;
      app.session.setUser(v.user);
      replace(status, alertBox("success", h("p", { "data-testid": "name-saved" }, t("account.nameSaved"))));
    } catch (err) {
      replace(status, alertBox("error", errorText(err)));
    } finally {
      save.disabled = false;
    }
  });
  return card(
    t("account.profile"),
    h(
      "dl",
      { class: "details" },
      h("dt", null, t("auth.name")),
      nameSlot,
      h("dt", null, t("auth.email")),
      h(
        "dd",
        null,
        info.user.email,
        " ",
        h("span", { class: `badge ${info.email_verified ? "badge-ok" : "badge-warn"}`, "data-testid": "email-state" }, info.email_verified ? t("account.verified") : t("account.notVerified")),
      ),
      h("dt", null, t("account.memberSince")),
      h("dd", null, formatDate(info.created_at)),
      h("dt", null, t("account.linked")),
      linkedSlot,
    ),
    form,
    status,
  );
}

function passwordCard(app: App, info: AccountInfo, refreshSessions: () => Promise<void>): HTMLElement {
  if (!info.has_password) {
    return card(t("account.password"), h("p", null, t("account.noPassword")), h("a", { href: "#/forgot-password" }, t("account.setPassword")));
  }
  const current = input({ type: "password", name: "current-password", autocomplete: "current-password", required: true });
  const fields = newPasswordFields("change");
  const status = h("div", { class: "form-status" });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("account.changePassword"));
  const form = h("form", { class: "form", novalidate: true }, field(t("account.currentPassword"), current), fields.nodes, status, submit);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const problems = fields.problems();
    if (!current.value) problems.unshift(t("account.currentRequired"));
    if (problems.length) {
      replace(status, problemList(problems));
      return;
    }
    submit.disabled = true;
    try {
      const tokens = await app.api.changePassword(current.value, fields.value());
      app.session.set(tokens);
      // The live connection was opened with a token that no longer works.
      app.hub.stop();
      app.hub.start();
      form.reset();
      replace(status, alertBox("success", h("p", { "data-testid": "password-changed" }, t("account.passwordChanged"))));
      await refreshSessions();
    } catch (err) {
      replace(status, alertBox("error", errorText(err)));
    } finally {
      submit.disabled = false;
    }
  });
  return card(t("account.password"), form);
}

function sessionsTable(app: App, list: SessionInfo[], rerender: (l: SessionInfo[]) => void): HTMLElement {
  if (!list.length) return h("p", { class: "muted" }, t("account.noSessions"));
  return h(
    "table",
    { class: "table", "data-testid": "sessions" },
    h("thead", null, h("tr", null, h("th", { scope: "col" }, t("account.device")), h("th", { scope: "col" }, t("account.lastSeen")), h("th", { scope: "col" }, t("account.signedIn")), h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, t("account.actions"))))),
    h(
      "tbody",
      null,
      list.map((s) => {
        const device = describeDevice(s.user_agent);
        const action = s.current
          ? h("span", { class: "badge badge-ok" }, t("account.thisDevice"))
          : button(t("account.revoke"), async (e) => {
              const b = e.currentTarget as HTMLButtonElement;
              b.disabled = true;
              try {
                await app.api.revokeSession(s.id);
                announce(t("account.revoked", { device }));
                rerender(list.filter((x) => x.id !== s.id));
              } catch (err) {
                announce(errorText(err), "error");
                b.disabled = false;
              }
            }, { "aria-label": t("account.revokeLabel", { device, date: formatDate(s.last_seen_at, true) }) });
        return h(
          "tr",
          { "data-session": s.id },
          h("td", null, h("span", { title: s.user_agent }, device), h("br"), h("span", { class: "muted" }, methodName(s.method))),
          h("td", null, formatDate(s.last_seen_at, true)),
          h("td", null, formatDate(s.created_at, true)),
          h("td", null, action),
        );
      }),
    ),
  );
}

function dataCard(app: App): HTMLElement {
  const status = h("div", { class: "form-status" });
  const btn = button(t("account.download"), async () => {
    btn.disabled = true;
    replace(status, loading(t("account.preparing")));
    try {
      // The browser writes the streamed export to disk: a form post with
      // the access token in the body (never the URL, no cookie), answered
      // as an attachment, so the page does not hold the document. The
      // account call first makes sure the token is fresh and still valid.
      await app.api.account();
      const token = await app.api.token();
      const form = h(
        "form",
        { method: "post", action: "/api/auth/export", enctype: "application/x-www-form-urlencoded", class: "visually-hidden" },
        h("input", { type: "hidden", name: "access_token", value: token }),
      );
      document.body.append(form);
      form.submit();
      form.remove();
      replace(status, alertBox("success", t("account.downloadStarted")));
    } catch (err) {
      replace(status, alertBox("error", errorText(err)));
    } finally {
      btn.disabled = false;
    }
  });
  return card(t("account.data"), h("p", null, t("account.dataIntro")), btn, status);
}

function deleteCard(app: App, info: AccountInfo): HTMLElement {
  const typed = input({ name: "confirm-delete", autocomplete: "off", spellcheck: "false" });
  const password = input({ type: "password", name: "delete-password", autocomplete: "current-password" });
  const status = h("div", { class: "form-status" });
  const submit = h("button", { type: "submit", class: "btn btn-danger", disabled: true }, t("account.deleteButton"));
  typed.addEventListener("input", () => {
    submit.disabled = typed.value.trim().toLowerCase() !== info.user.email.toLowerCase();
  });
  const form = h(
    "form",
    { class: "form", novalidate: true },
    h("p", null, t("account.deleteIntro")),
    field(t("account.deleteType", { email: info.user.email }), typed),
    info.has_password ? field(t("auth.password"), password) : h("p", { class: "muted" }, t("account.deleteRecent")),
    status,
    submit,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (typed.value.trim().toLowerCase() !== info.user.email.toLowerCase()) return;
    if (info.has_password && !password.value) {
      replace(status, alertBox("error", t("account.deletePassword")));
      return;
    }
    submit.disabled = true;
    try {
      await app.api.deleteAccount(password.value);
      app.session.clear();
      go("/signin?deleted=1", true);
    } catch (err) {
      replace(status, alertBox("error", errorText(err)));
      submit.disabled = false;
    }
  });
  return h("section", { class: "card card-danger" }, h("h2", null, t("account.delete")), form);
}
