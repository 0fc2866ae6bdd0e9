// The hub client in the browser when the network drops: the test cuts every
// browser connection to /ws (the Go harness's front, CONTROL_URL) and
// refuses new ones for a while. The header must say "Reconnecting…" for as
// long as that lasts, never "Live"; the lines the agent publishes meanwhile
// must arrive once the path is back, through a resubscription with `since`
// that the hub answers recovered:true — over the socket, not by refetching
// the interview from the API — in order and without duplicates.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { BASE, FIXTURES, TestAgent, launch, newUser, shot, signInAs } from "./helpers.mjs";

const CONTROL = process.env.CONTROL_URL;
let b;
let agent;
before(async () => {
  if (!CONTROL) throw new Error("CONTROL_URL is not set: run the browser tests through `go test ./web/e2e/`");
  b = await launch();
});
after(async () => {
  agent?.close();
  await fetch(`${CONTROL}/hub/restore`, { method: "POST" }).catch(() => undefined);
  await b?.close();
});

async function control(action) {
  const res = await fetch(`${CONTROL}/hub/${action}`, { method: "POST" });
  assert.equal(res.status, 200, `control ${action}`);
  return (await res.json()).closed;
}

test("hub: reconnecting… while cut off, then recovery with since", async () => {
  const { page } = b;
  const user = await newUser("hub", "Leila Mansour");
  await signInAs(page, user);

  // Every frame the page sends and receives on /ws, and every API request.
  const sent = [];
  const received = [];
  const requests = [];
  page.on("websocket", (ws) => {
    if (!ws.url().endsWith("/ws")) return;
    const parse = (list) => (f) => {
      for (const line of String(f.payload).split("\n")) if (line) list.push({ at: Date.now(), f: JSON.parse(line) });
    };
    ws.on("framesent", parse(sent));
    ws.on("framereceived", parse(received));
  });
  page.on("request", (r) => requests.push({ at: Date.now(), method: r.method(), path: new URL(r.url()).pathname }));

  await page.goto(`${BASE}/#/interviews/new`);
  await page.getByLabel("Or upload a CV").setInputFiles(join(FIXTURES, "cv-en.pdf"));
  await page.getByLabel("Job title").fill("Site Reliability Engineer");
  await page.getByLabel("Job description").fill("Kubernetes, Prometheus, incident response.");
  await page.getByRole("button", { name: "Start the interview" }).click();
  await page.waitForURL(/#\/interviews\/[^/]+\/room$/, { timeout: 30_000 });
  const id = decodeURIComponent(page.url().split("#/interviews/")[1].replace(/\/room$/, ""));
  const channel = `interview:${id}`;
  const badge = page.locator("#hub-badge");
  await badge.filter({ hasText: "Live" }).waitFor();

  agent = await TestAgent.claim(id);
  await agent.event("joined");
  await page.getByTestId("interview-state").filter({ hasText: "In progress" }).waitFor();
  await agent.segment(0, "interviewer", "Walk me through your last incident.", true, 0);
  const transcript = page.getByTestId("transcript");
  await transcript.getByText("Walk me through your last incident.").waitFor();
  const onChannel = (x) => x.f.op === "message" && x.f.channel === channel;
  const lastBefore = received.filter(onChannel).at(-1).f;

  // Cut: the page says so and keeps saying so while its retries are refused.
  const cutAt = Date.now();
  assert.ok((await control("cut")) >= 1, "the page had a hub connection to cut");
  await badge.filter({ hasText: "Reconnecting…" }).waitFor({ timeout: 10_000 });
  await agent.segment(1, "candidate", "A full disk on the primary database at 3 a.m.", true, 3000);
  await agent.segment(2, "interviewer", "What did you change afterwards?", true, 9000);
  await page.waitForTimeout(2500); // several refused retries
  assert.equal((await badge.innerText()).trim(), "Reconnecting…");
  assert.equal(await transcript.getByText("A full disk on the primary database").count(), 0, "nothing can arrive while cut off");
  await shot(page, "hub-reconnecting");

  // Restore: connected again, the missed lines arrive once and in order.
  const restoreAt = Date.now();
  await control("restore");
  await badge.filter({ hasText: "Live" }).waitFor({ timeout: 30_000 });
  await transcript.getByText("What did you change afterwards?").waitFor({ timeout: 15_000 });
  const lines = (await transcript.locator("li.seg .seg-text").allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(lines, [
    "Walk me through your last incident.",
    "A full disk on the primary database at 3 a.m.",
    "What did you change afterwards?",
  ]);

  // How: a new connect with the token in the frame, a subscribe carrying the
  // last position seen, answered recovered:true, then the two messages.
  const after = (list) => list.filter((x) => x.at >= restoreAt).map((x) => x.f);
  const connects = sent.filter((x) => x.at >= cutAt && x.f.op === "connect");
  assert.ok(connects.length >= 1 && connects.every((x) => typeof x.f.token === "string" && x.f.token.length > 20), "reconnected with the access token");
  const resub = after(sent).find((f) => f.op === "subscribe" && f.channel === channel);
  assert.ok(resub, `a resubscription to ${channel}: ${JSON.stringify(after(sent))}`);
  assert.deepEqual(resub.since, { epoch: lastBefore.epoch, offset: lastBefore.offset });
  const ack = after(received).find((f) => f.id === resub.id);
  assert.equal(ack.op, "subscribed", JSON.stringify(ack));
  assert.equal(ack.recovered, true, JSON.stringify(ack));
  const missed = after(received).filter((f) => f.op === "message" && f.channel === channel && f.data?.type === "transcript");
  assert.deepEqual(missed.map((f) => f.data.seq), [1, 2]);
  assert.deepEqual(
    requests.filter((r) => r.at >= cutAt && r.path === `/api/interviews/${id}`),
    [],
    "recovered from the hub, not by reloading the interview",
  );
  assert.deepEqual(b.errors, []);
});
