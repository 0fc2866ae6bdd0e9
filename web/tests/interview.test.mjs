// The interview, candidate and reviewer side by side in two browser
// contexts: the candidate sets up an interview, joins the LiveKit room with
// Chromium's fake microphone and invites a reviewer; the test plays the
// agent through the real protocol (claim, hub publications, report); the
// reviewer sees state, transcript lines and notes arrive live, listens in
// to the candidate's audio, and replays the finished interview.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { BASE, FIXTURES, TestAgent, fakeMicArgs, hubFrames, launchBrowser, newUser, shot, signInAs } from "./helpers.mjs";

let b;
let agent;
before(async () => {
  b = await launchBrowser(fakeMicArgs());
});
after(async () => {
  agent?.close();
  await b?.close();
});

async function textsOf(locator) {
  return (await locator.allInnerTexts()).map((s) => s.replace(/\s+/g, " ").trim());
}

test("interview: candidate room, live reviewer, report and replay", async () => {
  const [candidate, reviewer] = await Promise.all([newUser("candidate", "Amira Ben Salah"), newUser("reviewer", "Youssef Trabelsi")]);
  const cand = await b.newContext();
  const rev = await b.newContext();
  await signInAs(cand.page, candidate);
  await signInAs(rev.page, reviewer);

  // Setup: a CV uploaded from the form, the job, the language.
  const cp = cand.page;
  await cp.goto(`${BASE}/#/interviews/new`);
  await cp.getByRole("heading", { name: "Practise an interview" }).waitFor();
  await cp.getByLabel("Or upload a CV").setInputFiles(join(FIXTURES, "cv-en.pdf"));
  await cp.getByLabel("Job title").fill("Backend Engineer");
  await cp.getByLabel("Job description").fill("Go, PostgreSQL and Redis; on-call; mentoring.");
  await cp.getByLabel("English").check();
  await shot(cp, "interview-setup");
  await cp.getByRole("button", { name: "Start the interview" }).click();
  await cp.waitForURL(/#\/interviews\/[^/]+\/room$/, { timeout: 30_000 });
  const id = decodeURIComponent(cp.url().split("#/interviews/")[1].replace(/\/room$/, ""));
  await cp.getByTestId("interview-state").filter({ hasText: "Waiting for the interviewer" }).waitFor();

  // Join LiveKit with the fake microphone: the level meter moves.
  await cp.getByTestId("join").click();
  await cp.getByText("Connected — speak when you are ready.").waitFor({ timeout: 30_000 });
  await cp.waitForFunction(() => Number(document.querySelector("#mic-level")?.value) > 0.05, null, { timeout: 15_000 });

  // Invite the reviewer from the room.
  await cp.getByLabel("Reviewer's email").fill(reviewer.email);
  await cp.getByRole("button", { name: "Invite", exact: true }).click();
  await cp.getByText(`${reviewer.email} can now follow this interview.`).waitFor();

  // The reviewer finds it among the interviews shared with them.
  const rp = rev.page;
  await rp.goto(`${BASE}/#/reviews`);
  await rp.getByTestId("shared-interviews").waitFor();
  await shot(rp, "reviews");
  await rp.getByRole("link", { name: "Amira Ben Salah" }).click();
  await rp.getByRole("heading", { name: "Review an interview" }).waitFor();
  await rp.getByTestId("interview-state").filter({ hasText: "Waiting for the interviewer" }).waitFor();

  // The agent claims the interview and joins: both see the state change.
  agent = await TestAgent.claim(id);
  await agent.event("joined");
  await rp.getByTestId("interview-state").filter({ hasText: "In progress" }).waitFor();
  await cp.getByTestId("interview-state").filter({ hasText: "In progress" }).waitFor();
  await rp.getByTestId("presence").getByText("The AI interviewer").waitFor();

  // Transcript lines appear live on both pages; a partial line is replaced
  // by its final version.
  await agent.event("speaking");
  await cp.getByTestId("agent-speaking").filter({ hasText: "The interviewer is speaking" }).waitFor();
  await agent.segment(0, "interviewer", "Tell me about", false, 0);
  await rp.getByTestId("transcript").getByText("Tell me about", { exact: true }).waitFor();
  await agent.segment(0, "interviewer", "Tell me about your last project.", true, 0);
  await agent.event("listening");
  await agent.segment(1, "candidate", "I rewrote the cache layer in Go and cut p99 latency by half.", true, 4000);
  const lines = rp.getByTestId("transcript").locator("li.seg");
  await rp.getByTestId("transcript").getByText("I rewrote the cache layer").waitFor();
  assert.deepEqual(await textsOf(lines), [
    "Interviewer Tell me about your last project.",
    "Candidate I rewrote the cache layer in Go and cut p99 latency by half.",
  ]);
  await cp.getByTestId("transcript").getByText("I rewrote the cache layer").waitFor();
  await cp.getByTestId("agent-speaking").filter({ hasText: "The interviewer is listening" }).waitFor();

  // The owner follows the interview's page in a second tab.
  const op = await cand.context.newPage();
  const ownerFrames = hubFrames(op);
  await op.goto(`${BASE}/#/interviews/${encodeURIComponent(id)}`);
  await op.getByTestId("interview-state").filter({ hasText: "In progress" }).waitFor();

  // A note from the reviewer, shown once (the API answer and the channel
  // message are the same note).
  await rp.getByLabel("Add a note").fill("Concrete example with a measured result.");
  await rp.getByRole("button", { name: "Save note" }).click();
  await rp.getByTestId("notes").getByText("Concrete example with a measured result.").waitFor();
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await rp.getByTestId("notes").getByText("Concrete example with a measured result.").count(), 1);
  // The owner's page gets it live: the channel names the note by id only
  // (its history keeps no author or text), the page reads it by REST.
  await op.getByTestId("notes").getByText("Concrete example with a measured result.").waitFor();
  await op.getByTestId("notes").getByText("Youssef Trabelsi:").waitFor();
  const noteMsgs = ownerFrames.filter((f) => f.op === "message" && f.data?.type === "note");
  assert.ok(noteMsgs.length >= 1, "the owner's page received the note message");
  for (const f of noteMsgs) {
    assert.equal(f.data.text, undefined, "a note message carries no text");
    assert.equal(f.data.author_name, undefined, "a note message carries no author name");
  }
  await op.close();

  // Listen-in: the reviewer's hidden participant receives the candidate's
  // microphone track from livekit-server.
  await rp.getByTestId("listen").click();
  await rp.getByText("Listening (the candidate cannot hear you).").waitFor({ timeout: 30_000 });
  await rp.waitForFunction(() => document.querySelectorAll("audio").length > 0, null, { timeout: 20_000 });
  await shot(rp, "review-live");
  await shot(cp, "interview-room");

  // The report ends the interview: the candidate reads it, the reviewer
  // switches to the report and the replay.
  const saved = await agent.saveReport({
    candidate_email: candidate.email,
    job_title: "Backend Engineer",
    interview_score: 7.5,
    conclusion: "A solid backend candidate with concrete examples.",
    strengths: ["Concrete examples", "Measured results"],
    development_areas: ["System design depth"],
    communication: "Clear and structured.",
    role_fit: "Good fit for a backend role.",
    terminated: false,
  });
  assert.equal(saved.state, "completed");
  await cp.getByTestId("interview-state").filter({ hasText: "Completed" }).waitFor();
  await cp.getByTestId("interview-report").getByText("A solid backend candidate with concrete examples.").waitFor();
  await rp.getByTestId("interview-state").filter({ hasText: "Completed" }).waitFor();
  await rp.getByTestId("interview-report").getByText("System design depth").waitFor();

  // Replay: nothing shown at 0:00 past the first line, everything after "Show everything".
  await rp.getByRole("heading", { name: "Replay" }).waitFor();
  await rp.getByRole("button", { name: "Show everything" }).click();
  assert.deepEqual(await textsOf(rp.getByTestId("replay-transcript").locator(".seg-text")), [
    "Tell me about your last project.",
    "I rewrote the cache layer in Go and cut p99 latency by half.",
  ]);
  await rp.getByRole("button", { name: "Jump to 0:00" }).first().click();
  assert.equal(await rp.getByTestId("replay-transcript").locator(".seg-text").count(), 1);
  await shot(rp, "review-replay");

  // The candidate's dashboard lists the scored interview.
  await cp.goto(`${BASE}/#/dashboard`);
  await cp.getByRole("heading", { name: "Interview scores" }).waitFor();
  await cp.getByTestId("past-interviews").getByRole("cell", { name: "Backend Engineer" }).waitFor();
  assert.match(await cp.locator("figure.chart figcaption").innerText(), /latest 7\.5\/10/);
  await shot(cp, "dashboard-interviews");
  assert.deepEqual(cand.errors, []);
  assert.deepEqual(rev.errors, []);
});

// End interview early: the confirmation says what happens, the microphone
// stops at once, the page says the report is being written, the agent
// (told by its heartbeat) closes and reports on what was said, and the
// page shows the final state and the report without a reload.
test("interview: ending early shows the report and stops the microphone", async () => {
  const candidate = await newUser("early", "Leila Haddad");
  const ctx = await b.newContext();
  await signInAs(ctx.page, candidate);
  const p = ctx.page;
  await p.goto(`${BASE}/#/interviews/new`);
  await p.getByRole("heading", { name: "Practise an interview" }).waitFor();
  // Nothing picked on the Jobs page: the form starts empty and says nothing of a pre-fill.
  assert.equal(await p.getByLabel("Job title").inputValue(), "");
  assert.equal(await p.getByTestId("prefill").innerText(), "");
  await p.getByLabel("Or upload a CV").setInputFiles(join(FIXTURES, "cv-en.pdf"));
  await p.getByLabel("Job title").fill("Data Engineer");
  // A reviewer invited on the setup form, before the interview starts.
  const watcher = `watcher-${Date.now()}@example.com`;
  await p.getByLabel("Reviewers (optional)").fill(watcher);
  await p.getByRole("button", { name: "Start the interview" }).click();
  await p.waitForURL(/#\/interviews\/[^/]+\/room$/, { timeout: 30_000 });
  const id = decodeURIComponent(p.url().split("#/interviews/")[1].replace(/\/room$/, ""));
  const invited = await fetch(`${BASE}/api/interviews/${id}/reviewers`, { headers: { Authorization: `Bearer ${candidate.session.token}` } }).then((r) => r.json());
  assert.deepEqual(invited.reviewers.map((r) => r.email), [watcher]);
  await p.getByTestId("join").click();
  await p.getByText("Connected — speak when you are ready.").waitFor({ timeout: 30_000 });
  await p.waitForFunction(() => Number(document.querySelector("#mic-level")?.value) > 0.05, null, { timeout: 15_000 });

  const early = await TestAgent.claim(id);
  try {
    await early.event("joined");
    await p.getByTestId("interview-state").filter({ hasText: "In progress" }).waitFor();
    await early.segment(0, "interviewer", "What pipelines have you built?", true, 0);
    await early.segment(1, "candidate", "Batch ETL on Airflow, then streaming with Kafka.", true, 3000);
    await p.getByTestId("transcript").getByText("Batch ETL on Airflow").waitFor();

    let confirmText = "";
    p.once("dialog", (d) => {
      confirmText = d.message();
      void d.accept();
    });
    await p.getByTestId("end").click();
    await p.getByTestId("report-writing").waitFor();
    assert.match(confirmText, /report on what you have said so far/);
    assert.equal(await p.locator("#mic-level").getAttribute("data-mic"), "off");
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(Number(await p.locator("#mic-level").evaluate((el) => el.value)), 0);

    // The agent learns the request from its heartbeat and reports.
    const beat = await early.heartbeat();
    assert.equal(beat.end_requested, true);
    assert.equal(beat.state, "in_progress");
    await early.segment(2, "interviewer", "Of course, we will stop here. Goodbye.", true, 8000);
    const saved = await early.saveReport({
      candidate_email: candidate.email,
      job_title: "Data Engineer",
      interview_score: 5,
      conclusion: "A short interview: one answer about pipelines, too little to judge depth.",
      strengths: ["Concrete tools named"],
      development_areas: ["Too short to assess"],
      communication: "Clear.",
      role_fit: "Plausible; not enough evidence.",
      terminated: false,
      ended_by: "candidate",
    });
    assert.equal(saved.state, "completed");
  } finally {
    early.close();
  }
  await p.getByTestId("interview-state").filter({ hasText: "Completed" }).waitFor();
  await p.getByTestId("interview-report").getByText("A short interview: one answer about pipelines").waitFor();
  await p.getByTestId("room-over").waitFor();
  assert.equal(await p.getByTestId("report-writing").count(), 0);
  assert.equal(await p.getByTestId("end").isDisabled(), true);
  assert.equal(await p.getByTestId("join").isDisabled(), true);
  assert.deepEqual(ctx.errors, []);
});
