// Sign up → verification mail over SMTP → verify (signed in) → sign out →
// sign in; wrong password and unverified accounts get clear messages.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE, PASSWORD, launch, mailTo, shot, uniqueEmail, verificationLink } from "./helpers.mjs";

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

test("accounts: sign up, verify by mail, sign out, sign in", async () => {
  const { page } = b;
  const email = uniqueEmail("signup");
  await page.goto(`${BASE}/#/signup`);
  await page.evaluate(() => localStorage.setItem("uh.lang", "en"));
  await page.reload();
  await page.getByRole("heading", { name: "Create your account" }).waitFor();
  await page.getByLabel("Full name").fill("Amira Ben Salah");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("weak");
  // The policy checklist reacts as the user types.
  assert.equal(await page.locator(".rule-ok").count(), 1, "only the lowercase rule is met by 'weak'");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  assert.equal(await page.locator(".rule-bad").count(), 0);
  await shot(page, "signup");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByTestId("check-mail").waitFor();
  assert.match(await page.getByTestId("check-mail").innerText(), new RegExp(email.replace(/\./g, "\\.")));
  await shot(page, "signup-check-mail");

  const link = verificationLink(await mailTo(email));
  assert.ok(link.startsWith(BASE), `link ${link} points at the app`);
  await page.goto(link);
  await page.getByRole("heading", { name: "Welcome, Amira Ben Salah" }).waitFor();
  // The single-use token is gone from the address bar.
  assert.ok(!page.url().includes("token="), page.url());
  assert.equal(await page.locator("#hub-badge").innerText(), "Live");
  await shot(page, "dashboard-empty");

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Sign in to UtopiaHire" }).waitFor();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("Wrong!Passw0rd");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("alert").filter({ hasText: "incorrect" }).waitFor();
  await shot(page, "signin-error");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("heading", { name: "Welcome, Amira Ben Salah" }).waitFor();
  assert.deepEqual(b.errors, []);
});

test("accounts: an unverified account is told so and can resend", async () => {
  const { page } = b;
  const email = uniqueEmail("unverified");
  const res = await fetch(`${BASE}/api/auth/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Not Yet", email, password: PASSWORD }),
  });
  assert.equal(res.status, 201);
  await page.evaluate(() => localStorage.removeItem("uh.session"));
  await page.goto(`${BASE}/#/signin`);
  await page.reload();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByText("not verified yet").waitFor();
  await page.getByRole("button", { name: "Send the verification email again" }).click();
  await page.getByText(`A new verification email is on its way to ${email}.`).waitFor();
});

test("accounts: French UI", async () => {
  const { page } = b;
  await page.evaluate(() => localStorage.removeItem("uh.session"));
  await page.goto(`${BASE}/#/signin`);
  await page.reload();
  await page.getByLabel("Language").selectOption("fr");
  await page.getByRole("heading", { name: "Connexion à UtopiaHire" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
  await shot(page, "signin-fr");
  await page.getByLabel("Langue").selectOption("en");
  await page.getByRole("heading", { name: "Sign in to UtopiaHire" }).waitFor();
  await shot(page, "signin");
});
