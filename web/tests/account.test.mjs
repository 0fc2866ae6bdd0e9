// Account management in the browser: sign-in methods shown as configured
// (Google on a local fake, GitHub not configured), forgotten password reset
// by the mailed link, the account page (profile, password change, sessions
// and revoking one, data download, sign out everywhere) and deletion with a
// typed confirmation.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { BASE, PASSWORD, api, launch, mailTo, newUser, shot, signInAs } from "./helpers.mjs";

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

async function status(path, token) {
  const res = await fetch(`${BASE}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return res.status;
}

async function signedOutAt(page, hash) {
  await page.goto(`${BASE}/#/signin`);
  await page.evaluate(() => {
    localStorage.removeItem("uh.session");
    localStorage.setItem("uh.lang", "en");
  });
  await page.goto(`${BASE}/${hash}`);
  await page.reload();
}

test("account: only configured sign-in methods are shown; an unconfigured one comes back with a message", async () => {
  const { page } = b;
  await signedOutAt(page, "#/signin");
  await page.locator('[data-testid="oauth-buttons"][data-ready="true"]').waitFor();
  assert.equal(await page.getByRole("link", { name: "Google" }).count(), 1, "Google is configured");
  assert.equal(await page.getByRole("link", { name: "GitHub" }).count(), 0, "GitHub is not");
  // A stale GitHub button (another page, a bookmark) leads back here with words, not JSON.
  await page.goto(`${BASE}/api/auth/oauth/github`);
  await page.getByRole("heading", { name: "Sign in to UtopiaHire" }).waitFor();
  const msg = await page.getByTestId("oauth-error").innerText();
  assert.match(msg, /Signing in with GitHub is not available on this server/);
  assert.ok(!page.url().includes("/api/"), page.url());
  await shot(page, "signin-oauth-unconfigured");
  assert.deepEqual(b.errors, []);
});

test("account: a forgotten password is reset by the mailed link", async () => {
  const { page } = b;
  const user = await newUser("forgot", "Rania Forgot");
  await signedOutAt(page, "#/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByRole("heading", { name: "Reset your password" }).waitFor();
  await page.getByLabel("Email address").fill(user.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await page.getByTestId("forgot-sent").waitFor();
  await shot(page, "forgot-password");

  const mail = await mailTo(user.email, { subject: /Reset your UtopiaHire password/ });
  const link = /(https?:\/\/[^\s"'<>]+\/reset-password#token=[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  assert.ok(link?.startsWith(BASE), `reset link ${link} points at the app`);
  await page.goto(link);
  await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
  assert.ok(!page.url().includes("token="), `the token left the address bar: ${page.url()}`);
  await page.getByLabel("New password").fill("weak");
  await page.getByLabel("Confirm password").fill("weak");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await page.getByRole("alert").filter({ hasText: "does not meet every rule" }).waitFor();
  const next = "N3w!Passw0rd-reset";
  await page.getByLabel("New password").fill(next);
  await page.getByLabel("Confirm password").fill(next);
  await shot(page, "reset-password");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await page.getByTestId("reset-done").waitFor();
  // Every earlier session is over.
  assert.equal(await status("/api/auth/me", user.session.token), 401);

  await page.getByRole("link", { name: "Sign in", exact: true }).last().click();
  await page.getByRole("heading", { name: "Sign in to UtopiaHire" }).waitFor();
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("alert").filter({ hasText: "incorrect" }).waitFor();
  await page.getByLabel("Password").fill(next);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("heading", { name: "Welcome, Rania Forgot" }).waitFor();
  assert.deepEqual(b.errors, []);
});

test("account: profile, password change, revoking a session, data download, sign out everywhere", async () => {
  const { page } = b;
  const user = await newUser("account", "Nadia Account");
  // A second session, from another "device".
  const other = await api("/api/auth/login", { email: user.email, password: PASSWORD });
  const otherSession = JSON.parse(Buffer.from(other.token.split(".")[1], "base64url").toString()).sid;
  // This browser signs in through the form, so its session records Chromium.
  await signedOutAt(page, "#/signin");
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("heading", { name: "Welcome, Nadia Account" }).waitFor();
  await page.getByRole("link", { name: "Account", exact: true }).click();
  await page.getByRole("heading", { name: "Your account" }).waitFor();
  assert.equal(await page.getByTestId("email-state").innerText(), "Verified");
  assert.equal(await page.getByTestId("linked").innerText(), "None");
  const rows = page.getByTestId("sessions").locator("tbody tr");
  assert.equal(await rows.count(), 3, "the verification's, the other device's and this one");
  assert.equal(await rows.filter({ hasText: "This device" }).count(), 1);
  assert.match(await rows.filter({ hasText: "This device" }).innerText(), /Chrome on Linux/);
  await shot(page, "account");

  // Revoke the other device's session: it stops working at once.
  await page.locator(`tr[data-session="${otherSession}"]`).getByRole("button", { name: /^Sign out/ }).click();
  await page.locator(`tr[data-session="${otherSession}"]`).waitFor({ state: "detached" });
  assert.equal(await rows.count(), 2);
  assert.equal(await status("/api/auth/me", other.token), 401);
  assert.equal(await status("/api/auth/me", user.session.token), 200, "the other sessions live on");

  // Change the password: this browser stays signed in with new tokens.
  const next = "N3w!Passw0rd-change";
  await page.getByLabel("Current password").fill("Wr0ng!password");
  await page.getByLabel("New password").fill(next);
  await page.getByLabel("Confirm password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await page.getByRole("alert").filter({ hasText: "current password is incorrect" }).waitFor();
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await page.getByTestId("password-changed").waitFor();
  assert.equal(await status("/api/auth/me", user.session.token), 401, "the token from before the change");
  await page.reload();
  await page.getByRole("heading", { name: "Your account" }).waitFor();
  await page.waitForFunction(() => document.querySelector("#hub-badge")?.textContent === "Live");
  await mailTo(user.email, { subject: /password was changed/ });

  // Download my data: the browser saves the streamed answer to disk (a
  // form post with the token in the body; no token in the URL, no blob in
  // the page), and the page stays.
  const [download, req] = await Promise.all([
    page.waitForEvent("download"),
    page.waitForRequest((r) => new URL(r.url()).pathname === "/api/auth/export"),
    page.getByRole("button", { name: "Download my data" }).click(),
  ]);
  assert.equal(req.method(), "POST");
  assert.equal(new URL(req.url()).search, "", "nothing in the URL's query");
  assert.match(req.postData() ?? "", /^access_token=[\w.-]+$/);
  assert.equal(req.headers()["content-type"], "application/x-www-form-urlencoded");
  assert.equal(req.headers()["authorization"], undefined);
  assert.equal(download.suggestedFilename(), "utopiahire-export.json");
  await page.getByText("Your download has started").waitFor();
  await page.getByRole("heading", { name: "Your account" }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelectorAll("form[action='/api/auth/export']").length), 0);
  const doc = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(doc.user.email, user.email);
  assert.ok(Array.isArray(doc.sessions) && doc.sessions.length >= 2);

  // Sign out everywhere.
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem("uh.session")).token);
  page.once("dialog", (d) => void d.accept());
  await page.getByTestId("logout-all").click();
  await page.getByRole("heading", { name: "Sign in to UtopiaHire" }).waitFor();
  assert.equal(await status("/api/auth/me", token), 401);
  assert.deepEqual(b.errors, []);
});

test("account: the name is edited on the profile", async () => {
  const { page } = b;
  const user = await newUser("rename", "Rami Rename");
  await signInAs(page, user);
  await page.goto(`${BASE}/#/account`);
  await page.getByRole("heading", { name: "Your account" }).waitFor();
  assert.equal(await page.getByTestId("profile-name").innerText(), "Rami Rename");
  await page.getByLabel("New name").fill("   ");
  await page.getByRole("button", { name: "Save name" }).click();
  await page.getByRole("alert").filter({ hasText: "name is required" }).waitFor();
  await page.getByLabel("New name").fill("  Rami Renamed ");
  await page.getByRole("button", { name: "Save name" }).click();
  await page.getByTestId("name-saved").waitFor();
  assert.equal(await page.getByTestId("profile-name").innerText(), "Rami Renamed");
  const me = await api("/api/auth/me", undefined, user.session.token);
  assert.equal(me.user.name, "Rami Renamed");
  await page.reload();
  assert.equal(await page.getByTestId("profile-name").innerText(), "Rami Renamed");
  assert.deepEqual(b.errors, []);
});

test("account: a Google sign-in linked to a password account is mailed to its owner, listed and unlinked", async () => {
  const { page } = b;
  const user = await newUser("linked", "Lina Linked");
  const control = process.env.CONTROL_URL;
  if (!control) throw new Error("CONTROL_URL is not set: run the browser tests through `go test ./web/e2e/`");
  const res = await fetch(`${control}/oauth/google/account`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ subject: `g-${Date.now()}`, name: "Lina at Google", email: user.email, verified: true }),
  });
  assert.equal(res.status, 200);
  // Sign in with Google from the sign-in page: the provider's verified
  // address is the password account's, so Google is linked to it.
  await signedOutAt(page, "#/signin");
  await page.locator('[data-testid="oauth-buttons"][data-ready="true"]').waitFor();
  await page.getByRole("link", { name: "Google" }).click();
  await page.getByRole("heading", { name: "Welcome, Lina Linked" }).waitFor({ timeout: 20_000 });
  const mail = await mailTo(user.email, { subject: /Google sign-in was added/ });
  assert.match(mail.text, /Google/);
  // The account page lists it, with a way to unlink it (the password stays).
  await page.getByRole("link", { name: "Account", exact: true }).click();
  await page.getByRole("heading", { name: "Your account" }).waitFor();
  const linked = page.getByTestId("linked");
  assert.match(await linked.innerText(), new RegExp(`Google \\(${user.email.replace(/[.+]/g, "\\$&")}\\), linked on`));
  await shot(page, "account-linked");
  await linked.getByRole("button", { name: "Unlink Google" }).click();
  await page.getByText("Google no longer signs in to your account.").waitFor();
  assert.equal(await linked.innerText(), "None");
  const info = await api("/api/auth/account", undefined, await page.evaluate(() => JSON.parse(localStorage.getItem("uh.session")).token));
  assert.deepEqual(info.identities, []);
  assert.equal(info.has_password, true);
  assert.deepEqual(b.errors, []);
});

test("account: deletion needs the address typed and the password", async () => {
  const { page } = b;
  const user = await newUser("delete", "Dora Delete");
  await signInAs(page, user);
  await page.goto(`${BASE}/#/account`);
  await page.getByRole("heading", { name: "Your account" }).waitFor();
  const del = page.getByRole("button", { name: "Delete my account for good" });
  assert.ok(await del.isDisabled());
  const typed = page.getByLabel(/Type your email address/);
  await typed.fill("someone@else.test");
  assert.ok(await del.isDisabled());
  await typed.fill(user.email);
  assert.ok(await del.isEnabled());
  await del.click();
  await page.getByText("Enter your password to confirm.").waitFor();
  await page.locator('input[name="delete-password"]').fill(PASSWORD);
  await shot(page, "account-delete");
  await del.click();
  await page.getByText("Your account and everything it held have been erased.").waitFor();
  const res = await fetch(`${BASE}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: user.email, password: PASSWORD }),
  });
  assert.equal(res.status, 400);
  assert.deepEqual(b.errors, []);
});
