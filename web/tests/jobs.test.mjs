// Job search against the offline catalog (the shipped sample postings,
// seeded at start; no outbound source is on) with its filters, then the
// skills-gap report for the CV against a job picked from the results: bars
// per skill, scores and priority actions. The form is driven from the
// keyboard where a user would.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { BASE, FIXTURES, launch, newUser, shot, signInAs } from "./helpers.mjs";

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

/** search submits the filters and returns the job titles shown, in order. */
async function search(page, submit = () => page.getByRole("button", { name: "Search" }).click()) {
  await submit();
  await page.waitForFunction(() => !document.querySelector("form.filters button[type=submit]").disabled);
  await page.getByTestId("job-count").waitFor();
  return titles(page);
}

/** titles returns the job titles shown, in order. */
async function titles(page) {
  return (await page.locator("ul.jobs article.job h3").allInnerTexts()).map((s) => s.trim());
}

test("jobs: search with filters, then the skills gap of a job", async () => {
  const { page } = b;
  await signInAs(page, await newUser("jobs", "Nadia Cherif"));
  await page.goto(`${BASE}/#/jobs`);
  await page.getByRole("heading", { name: "Find jobs" }).waitFor();

  // A location outside the list is refused with the API's message.
  await page.getByLabel("Keywords").fill("engineer");
  await page.getByLabel("Location").fill("Atlantis");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("alert").waitFor();

  // Enter in the keywords field submits: every sample posting in Germany.
  await page.getByLabel("Location").fill("Germany");
  const all = await search(page, () => page.getByLabel("Keywords").press("Enter"));
  assert.equal(all.length, 5, JSON.stringify(all));
  assert.equal(await page.getByTestId("job-count").innerText(), "5 jobs");

  // The experience-level filter narrows it to the mid-senior postings.
  await page.getByLabel("Mid-senior").check();
  assert.deepEqual((await search(page)).sort(), ["AI Founding Engineer | Ready for Execution", "DevOps Engineer (All genders)"]);
  for (const meta of await page.locator("ul.jobs article.job p.muted").allInnerTexts()) assert.match(meta, /Mid-senior/);
  await page.getByLabel("Mid-senior").uncheck();
  await page.getByLabel("Internship").check();
  assert.deepEqual(await search(page), ["Platform Engineer - AI"]);
  assert.equal(await page.getByTestId("job-count").innerText(), "1 job");
  await page.getByLabel("Internship").uncheck();

  // Keywords rank and filter too.
  await page.getByLabel("Keywords").fill("DevOps");
  const ranked = await search(page);
  assert.equal(ranked[0], "DevOps Engineer (All genders)", JSON.stringify(ranked));
  assert.ok(ranked.length < all.length, JSON.stringify(ranked));
  const devops = page.locator("article.job").filter({ hasText: "DevOps Engineer (All genders)" });
  const details = devops.getByRole("button", { name: "Details" });
  await details.click();
  assert.equal(await details.getAttribute("aria-expanded"), "true");
  await devops.getByText("Munich-based technology company").waitFor();
  await shot(page, "jobs-search");

  // The skills gap of that job: title and description carried over.
  await devops.getByRole("button", { name: "Skills gap" }).click();
  await page.getByRole("heading", { name: "Skills gap" }).waitFor();
  assert.equal(await page.getByLabel("Job title").inputValue(), "DevOps Engineer (All genders)");
  assert.match(await page.getByLabel("Job description").inputValue(), /Munich-based technology company/);
  await page.getByLabel("Your CV (PDF)").setInputFiles(join(FIXTURES, "cv-en.pdf"));
  await page.getByRole("button", { name: "Compare" }).click();
  const report = page.getByTestId("skills-report");
  await report.waitFor({ timeout: 60_000 });

  // One bar per skill, the same numbers in the table for screen readers.
  const bars = await report.locator("svg.gap-chart rect.gap-you").count();
  const rows = report.locator("table tbody tr");
  assert.ok(bars >= 3, `${bars} skill bars`);
  assert.equal(await rows.count(), bars);
  const counts = await report.getByText(/required skills matched/).innerText();
  const [, matched, total, missing] = /(\d+) of (\d+) required skills matched, (\d+) missing/.exec(counts).map(Number);
  assert.equal(matched + missing, total, counts);
  for (const name of ["Overall", "Coverage", "Depth", "Alignment"]) await report.getByRole("img", { name: new RegExp(`^${name}: `) }).waitFor();
  const actions = report.getByRole("heading", { name: "Priority actions" }).locator("xpath=..").locator("ol.actions-list > li");
  assert.ok((await actions.count()) >= 1, "at least one priority action");
  await report.getByText("Show as a table").click();
  await rows.first().waitFor({ state: "visible" });
  await shot(page, "skills-gap");
  assert.deepEqual(b.errors, []);
});
