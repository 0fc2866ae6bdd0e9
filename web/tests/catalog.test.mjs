// The job catalog as an operator fills it and a user reads it (issue 17):
// a posting imported with `server jobs import` (run by the Go harness on
// CONTROL_URL, against the suite's database) is found by search; its HTML
// description reads as paragraphs, headings and lists with entities
// decoded, in the job card and in the skills-gap form; and the skills-gap
// page offers the CVs already uploaded instead of asking for a PDF again,
// then ranks what to learn first with links.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { BASE, FIXTURES, launch, newUser, shot, signInAs } from "./helpers.mjs";

const CONTROL = process.env.CONTROL_URL;

let b;
before(async () => {
  if (!CONTROL) throw new Error("CONTROL_URL is not set: run the browser tests through `go test ./web/e2e/`");
  b = await launch();
});
after(async () => {
  await b?.close();
});

/** importJobs runs `server jobs import` on a JSON file and returns its output. */
async function importJobs(postings) {
  const res = await fetch(`${CONTROL}/jobs/import?ext=json`, { method: "POST", body: JSON.stringify(postings) });
  const out = await res.json();
  assert.equal(res.status, 200, JSON.stringify(out));
  return out.output;
}

test("catalog: an imported posting is found by search and reads as structured text", async () => {
  const { page } = b;
  // A word no shipped posting has, so the search finds only this one.
  const word = `Zephyrine${Date.now().toString(36)}`;
  const title = `${word} Platform Engineer`;
  const out = await importJobs([
    {
      title,
      company: "Atlas Logistics",
      location: "Tunis, Tunisia",
      job_link: "https://example.com/jobs/zephyrine",
      experience_level: "Mid-Senior level",
      posted_at: new Date().toISOString(),
      description:
        "<p>We move freight across North Africa &amp; Europe.</p>" +
        "<h3>Requirements</h3><ul><li>Go &amp; PostgreSQL in production</li><li>Kubernetes</li></ul>" +
        "<p>Our R&amp;D team works in English &ndash; and French.</p><script>alert(1)</script>",
    },
  ]);
  assert.match(out, /1 inserted|inserted 1|"inserted":\s*1/i, out);

  await signInAs(page, await newUser("catalog", "Sami Ben Ali"));
  await page.goto(`${BASE}/#/jobs`);
  await page.getByRole("heading", { name: "Find jobs" }).waitFor();
  await page.getByLabel("Keywords").fill(word);
  await page.getByLabel("Location").fill("Tunisia");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByTestId("job-count").waitFor();
  const titles = (await page.locator("ul.jobs article.job h3").allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(titles, [title]);

  // The description: paragraphs, a heading and a list; entities decoded,
  // the script dropped.
  const job = page.locator("article.job").filter({ hasText: title });
  await job.getByRole("button", { name: "Details" }).click();
  const desc = job.getByTestId("job-description");
  await desc.waitFor();
  assert.deepEqual((await desc.locator("li").allInnerTexts()).map((s) => s.trim()), ["Go & PostgreSQL in production", "Kubernetes"]);
  assert.ok((await desc.locator("p").count()) >= 2, "paragraphs kept");
  await desc.locator("h4", { hasText: "Requirements" }).waitFor();
  const text = await desc.innerText();
  assert.match(text, /North Africa & Europe/);
  assert.match(text, /R&D team works in English – and French/);
  assert.doesNotMatch(text, /&amp;|&ndash;|alert\(1\)/);
  await shot(page, "catalog-imported-posting");

  // The same readable text goes to the skills-gap form.
  await job.getByRole("button", { name: "Skills gap" }).click();
  await page.getByRole("heading", { name: "Skills gap" }).waitFor();
  const carried = await page.getByLabel("Job description").inputValue();
  assert.match(carried, /Requirements\n+- Go & PostgreSQL in production\n- Kubernetes/, carried);
  assert.doesNotMatch(carried, /&amp;|<li>|pipelinesAutomating/);
  assert.deepEqual(b.errors, []);
});

test("skills gap: pick an uploaded CV, then what to learn first with links", async () => {
  const { page } = b;
  const user = await newUser("picker", "Lina Haddad");
  // The CV is uploaded once, as the CV page does.
  const form = new FormData();
  form.append("cv", new Blob([await readFile(join(FIXTURES, "cv-en.pdf"))], { type: "application/pdf" }), "lina-cv.pdf");
  const up = await fetch(`${BASE}/api/upload-cv`, { method: "POST", headers: { Authorization: `Bearer ${user.session.token}` }, body: form });
  const uploaded = await up.json();
  assert.ok(up.ok, JSON.stringify(uploaded));

  await signInAs(page, user);
  const sent = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/api/analyze") && r.method() === "POST") sent.push(r.postData() ?? "");
  });
  await page.goto(`${BASE}/#/skills`);
  await page.getByRole("heading", { name: "Skills gap" }).waitFor();
  // The picker offers the upload, selected; no file input is asked for.
  const picker = page.getByTestId("cv-picker");
  await picker.waitFor({ state: "visible" });
  await page.waitForFunction(() => document.querySelector("[data-testid=cv-picker]").value !== "");
  assert.equal(await picker.inputValue(), uploaded.file_id);
  assert.match(await picker.locator("option:checked").innerText(), /lina-cv\.pdf/);
  assert.equal(await page.getByLabel("Your CV (PDF)").isVisible(), false);

  await page.getByLabel("Job title").fill("Site Reliability Engineer");
  await page
    .getByLabel("Job description")
    .fill(
      "About us\nWe run a streaming platform built on machine learning.\n\n" +
        "Requirements\n- Kubernetes and Terraform in production\n- Prometheus monitoring\n- Python\n\n" +
        "Nice to have\n- Apache Kafka\n\nBenefits\nA budget for AWS certifications.",
    );
  await page.getByRole("button", { name: "Compare" }).click();
  const report = page.getByTestId("skills-report");
  await report.waitFor({ timeout: 60_000 });
  assert.equal(sent.length, 1);
  assert.match(sent[0], /name="cv_file_id"/);
  assert.doesNotMatch(sent[0], /name="cv_file"/);

  // Learn first: ranked, must-haves first, each with https links; nothing
  // from the company blurb or the benefits.
  const items = report.getByTestId("learn-first").locator(":scope > li");
  const n = await items.count();
  assert.ok(n >= 1 && n <= 5, `${n} skills to learn first`);
  const names = (await items.locator("strong").allInnerTexts()).map((s) => s.trim());
  assert.ok(!names.includes("Machine learning") && !names.includes("Amazon Web Services"), JSON.stringify(names));
  const links = items.first().locator("a");
  assert.ok((await links.count()) >= 1, "a link to learn from");
  for (const href of await links.evaluateAll((as) => as.map((a) => a.href))) assert.match(href, /^https:\/\//);
  assert.equal(await items.first().locator(".badge").innerText(), "must-have");
  await shot(page, "skills-gap-learn-first");
  assert.deepEqual(b.errors, []);
});
