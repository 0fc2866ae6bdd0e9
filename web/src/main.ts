// Entry point: routes and boot.
import { App } from "./app";
import { h } from "./dom";
import { initLang, t } from "./i18n";
import { go, type PageCtx, type Route } from "./router";
import { accountPage, forgotPasswordPage, resetPasswordPage } from "./pages/account";
import { signInPage, signUpPage, verifyPage, oauthPage } from "./pages/auth";
import { analysisPage, cvPage } from "./pages/cv";
import { dashboardPage } from "./pages/dashboard";
import { roomPage, setupPage } from "./pages/interview";
import { jobsPage, skillsPage } from "./pages/jobs";
import { interviewPage, reviewsPage } from "./pages/review";
import { pageHeader } from "./ui";

function routes(app: App): Route[] {
  return [
    { pattern: "/", page: () => (go(app.session.signedIn ? "/dashboard" : "/signin", true), h("div")) },
    { pattern: "/signin", page: signInPage(app) },
    { pattern: "/signup", page: signUpPage(app) },
    { pattern: "/verify-email", page: verifyPage(app) },
    { pattern: "/oauth", page: oauthPage(app) },
    { pattern: "/forgot-password", page: forgotPasswordPage(app) },
    { pattern: "/reset-password", page: resetPasswordPage(app) },
    { pattern: "/account", page: accountPage(app), auth: true },
    { pattern: "/dashboard", page: dashboardPage(app), auth: true },
    { pattern: "/cv", page: cvPage(app), auth: true },
    { pattern: "/cv/:id", page: analysisPage(app), auth: true },
    { pattern: "/jobs", page: jobsPage(app), auth: true },
    { pattern: "/skills", page: skillsPage(app), auth: true },
    { pattern: "/interviews/new", page: setupPage(app), auth: true },
    { pattern: "/interviews/:id/room", page: roomPage(app), auth: true },
    { pattern: "/interviews/:id", page: interviewPage(app, false), auth: true },
    { pattern: "/reviews", page: reviewsPage(app), auth: true },
    { pattern: "/reviews/:id", page: interviewPage(app, true), auth: true },
  ];
}

function notFound() {
  return (_ctx: PageCtx): Node => h("div", null, pageHeader(t("notFound.title")), h("p", null, h("a", { href: "#/" }, t("notFound.home"))));
}

/**
 * fromPathLink turns the links the server writes (/verify-email?token=…, or #token=…,
 * /reset-password#token=…, /oauth/callback#code=… or #error=…) into fragment routes, replacing the
 * address so the secret leaves the bar and history before anything runs.
 */
function fromPathLink(): void {
  const p = location.pathname.replace(/\/+$/, "");
  const target = p === "/verify-email" ? "/verify-email" : p === "/oauth/callback" ? "/oauth" : p === "/reset-password" ? "/reset-password" : "";
  if (!target) return;
  const frag = location.hash.startsWith("#") && !location.hash.startsWith("#/") ? location.hash.slice(1) : "";
  const params = new URLSearchParams(frag || location.search.slice(1));
  history.replaceState(null, "", `/#${target}?${params.toString()}`);
}

fromPathLink();
initLang();
const root = document.getElementById("app");
if (root) new App(root).start(routes, notFound);
