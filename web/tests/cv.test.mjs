// CV upload with live progress over the hub, the analysis, apply and undo
// of a suggestion, the LaTeX code and the PDF download.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { BASE, FIXTURES, hubFrames, launch, newUser, shot, signInAs } from "./helpers.mjs";

let b;
let user;
before(async () => {
  b = await launch();
  user = await newUser("cv", "Karim Haddad");
});
after(async () => {
  await b?.close();
});

test("cv: upload, progress to 100 %, apply and undo, LaTeX, PDF", async () => {
  const { page } = b;
  await signInAs(page, user);
  const frames = hubFrames(page);
  await page.goto(`${BASE}/#/cv`);
  await page.getByRole("heading", { name: "My CV" }).waitFor();
  await page.getByLabel("CV file").setInputFiles(join(FIXTURES, "cv-weak.txt"));
  await page.getByLabel("Job description (optional)").fill("Backend engineer: Go, PostgreSQL, Redis, Kubernetes, AWS, mentoring, code reviews.");
  await shot(page, "cv-upload");
  await page.getByRole("button", { name: "Upload and analyse" }).click();
  await page.waitForURL(/#\/cv\/[^/]+$/, { timeout: 60_000 });
  const id = decodeURIComponent(page.url().split("#/cv/")[1]);
  await page.getByRole("heading", { name: "CV analysis" }).waitFor();

  // A fresh load follows cv:<id> from its start: every stage arrives over
  // the hub, the last at 100 %, with the result.
  await page.reload();
  await page.getByRole("tab", { name: /Suggestions/ }).waitFor({ timeout: 30_000 });
  const progress = frames.filter((f) => f.op === "message" && f.channel === `cv:${id}`).map((f) => f.data);
  assert.ok(progress.length >= 2, `progress messages on cv:${id}: ${JSON.stringify(frames.map((f) => f.op))}`);
  const last = progress[progress.length - 1];
  assert.equal(last.percent, 100, JSON.stringify(last));
  assert.equal(last.stage, "done");
  const percents = progress.map((p) => p.percent);
  assert.deepEqual(percents, [...percents].sort((a, b) => a - b), "percent never goes back");
  await shot(page, "cv-analysis");

  // Apply the first suggestion, then undo it.
  const apply = page.getByTestId("apply-suggestion").first();
  await apply.waitFor();
  const card = page.locator("article.suggestion").first();
  const after = (await card.locator(".after").innerText()).trim();
  await apply.click();
  await card.getByText("Applied to your CV.").waitFor();
  await page.getByRole("tab", { name: "Sections" }).click();
  assert.ok((await page.getByTestId("cv-sections").innerText()).includes(after.slice(0, 40)), "the applied text shows in the CV");
  await page.getByRole("tab", { name: /Suggestions/ }).click();
  await shot(page, "cv-suggestion-applied");
  await page.getByTestId("undo-suggestion").first().click();
  await page.getByTestId("apply-suggestion").first().waitFor();

  // LaTeX source of the current CV.
  await page.getByRole("tab", { name: "LaTeX" }).click();
  await page.getByRole("button", { name: "Show LaTeX code" }).click();
  const latex = await page.getByTestId("latex-code").innerText();
  assert.match(latex, /\\documentclass/);
  await shot(page, "cv-latex");

  // PDF download.
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByTestId("download-pdf").click()]);
  const path = await download.path();
  const pdf = readFileSync(path);
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  assert.ok(pdf.length > 1000, `pdf is ${pdf.length} bytes`);
  assert.match(download.suggestedFilename(), /\.pdf$/);
  assert.deepEqual(b.errors, []);
});

test("cv: history lists the analysis", async () => {
  const { page } = b;
  await page.goto(`${BASE}/#/cv`);
  await page.getByRole("link", { name: /cv-weak\.txt/ }).first().waitFor();
  await page.goto(`${BASE}/#/dashboard`);
  await page.getByRole("heading", { name: "Recent CV analyses" }).waitFor();
  await shot(page, "dashboard");
});
