// Shared helpers of the browser tests. The Go harness (web/e2e) starts the
// server and passes BASE_URL, MAIL_URL, CHROMIUM, SCREENSHOT_DIR, FIXTURES.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const BASE = need("BASE_URL");
export const MAIL = need("MAIL_URL");
export const SHOTS = process.env.SCREENSHOT_DIR ?? "";
export const FIXTURES = need("FIXTURES");

function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the browser tests through \`go test ./web/e2e/\``);
  return v;
}

/** The flags the project runs Chromium with (never a downloaded browser). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];

/**
 * launch starts Debian's Chromium with a fresh profile directory of its own
 * (removed afterwards) and returns its first context and page.
 */
export async function launch(extraArgs = []) {
  const profile = mkdtempSync(join(tmpdir(), "uh-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: need("CHROMIUM"),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: { width: 1280, height: 860 },
    locale: "en-GB",
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  watch(page, errors);
  context.on("page", (p) => watch(p, errors));
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * watch records uncaught page errors into errors and prints what helps
 * diagnose a failure: console errors and failed API answers (error bodies carry no secrets).
 */
export function watch(page, errors) {
  page.on("pageerror", (e) => errors.push(e));
  page.on("console", (m) => {
    if (m.type() === "error") console.log(`[browser console] ${m.text()}`);
  });
  page.on("response", async (r) => {
    if (r.status() < 400 || !new URL(r.url()).pathname.startsWith("/api/")) return;
    const body = await r.text().catch(() => "");
    console.log(`[browser] ${r.request().method()} ${new URL(r.url()).pathname} -> ${r.status()} ${body.slice(0, 300)}`);
  });
}

/** shot saves a full-page screenshot to docs/screenshots/<name>.png. */
export async function shot(page, name) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true, animations: "disabled" });
}

let seq = 0;
/** uniqueEmail makes an address no other test uses. */
export function uniqueEmail(tag) {
  seq++;
  return `${tag}.${Date.now().toString(36)}.${seq}@example.test`;
}

export const PASSWORD = "Str0ng!Passw0rd";

/** mailTo waits for a message to `to` and returns it. */
export async function mailTo(to, { timeout = 20_000, subject } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const res = await fetch(`${MAIL}/messages?to=${encodeURIComponent(to)}`);
    const msgs = await res.json();
    const m = msgs.find((x) => !subject || subject.test(x.subject));
    if (m) return m;
    if (Date.now() > end) throw new Error(`no mail to ${to} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** verificationLink extracts the link of a verification mail. */
export function verificationLink(msg) {
  const m = /(https?:\/\/[^\s"'<>]+\/verify-email\?token=[A-Za-z0-9_\-.~%]+)/.exec(msg.text || msg.html);
  if (!m) throw new Error(`no verification link in: ${msg.text || msg.html}`);
  return m[1];
}

export async function api(path, body, token) {
  const res = await fetch(`${BASE}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}

/**
 * newUser registers and verifies an account through the API (the UI flow has
 * its own test) and returns {email, password, name, session}.
 */
export async function newUser(tag, name = "Test User") {
  const email = uniqueEmail(tag);
  await api("/api/auth/register", { name, email, password: PASSWORD });
  const link = verificationLink(await mailTo(email));
  const token = decodeURIComponent(new URL(link).searchParams.get("token"));
  const session = await api("/api/auth/verify-email", { token });
  return { email, password: PASSWORD, name, session };
}

/** signInAs stores a session in the page's localStorage as the app does. */
export async function signInAs(page, user) {
  await page.goto(`${BASE}/#/signin`);
  await page.evaluate((s) => {
    localStorage.setItem("uh.session", JSON.stringify({ token: s.token, refreshToken: s.refreshToken, user: s.user }));
    localStorage.setItem("uh.lang", "en");
  }, user.session);
  // The app reads storage when it starts: start it again.
  await page.reload();
}

/** hubFrames records every frame the page receives from /ws. */
export function hubFrames(page) {
  const frames = [];
  page.on("websocket", (ws) => {
    if (!ws.url().endsWith("/ws")) return;
    ws.on("framereceived", (f) => {
      for (const line of String(f.payload).split("\n")) {
        if (!line) continue;
        try {
          frames.push(JSON.parse(line));
        } catch {
          frames.push({ op: "unparsable", raw: line });
        }
      }
    });
  });
  return frames;
}

/**
 * launchBrowser starts one Chromium (Playwright gives it a fresh profile
 * directory) for tests that need several browser contexts side by side.
 * Each context from newContext() is a separate signed-in person.
 */
export async function launchBrowser(extraArgs = []) {
  const browser = await chromium.launch({
    executablePath: need("CHROMIUM"),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  return {
    browser,
    /** newContext opens a context and its page, recording page errors. */
    async newContext(opts = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "en-GB", ...opts });
      const page = await context.newPage();
      const errors = [];
      watch(page, errors);
      return { context, page, errors };
    },
    close: () => browser.close(),
  };
}

/** The flags that give Chromium a microphone playing a WAV file. */
export function fakeMicArgs() {
  return [
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    `--use-file-for-fake-audio-capture=${need("FAKE_AUDIO")}`,
    "--autoplay-policy=no-user-gesture-required",
  ];
}

/**
 * TestAgent plays the voice agent's part through the real protocol: a
 * dispatch credential from AGENT_SECRET, a claim of the interview, then a
 * hub connection with the interview credential that publishes on
 * interview:<id> and the report through the API.
 */
export class TestAgent {
  static async claim(interviewId) {
    const session = await api("/api/agents/session", { worker_id: "browser-test-agent" }, need("AGENT_SECRET"));
    const claimed = await api("/api/agents/claim", { interview_id: interviewId }, session.token);
    const agent = new TestAgent(claimed);
    await agent.open();
    return agent;
  }

  constructor(claimed) {
    this.claimed = claimed;
    this.channel = claimed.channel;
    this.nextId = 1;
    this.pending = new Map();
  }

  async open() {
    if (typeof WebSocket === "undefined") throw new Error("this Node has no WebSocket client (Node 22, or Node 20 with --experimental-websocket)");
    const url = BASE.replace(/^http/, "ws") + "/ws";
    this.ws = new WebSocket(url);
    await new Promise((resolve, reject) => {
      this.ws.addEventListener("open", resolve, { once: true });
      this.ws.addEventListener("error", () => reject(new Error(`cannot open ${url}`)), { once: true });
    });
    this.ws.addEventListener("message", (ev) => {
      for (const line of String(ev.data).split("\n")) {
        if (!line) continue;
        const f = JSON.parse(line);
        if (f.op === "ping") this.ws.send(JSON.stringify({ op: "pong" }));
        const p = f.id && this.pending.get(f.id);
        if (!p) continue;
        this.pending.delete(f.id);
        if (f.op === "error") p.reject(new Error(`${f.code}: ${f.message}`));
        else p.resolve(f);
      }
    });
    await this.request({ op: "connect", token: this.claimed.credential });
    // As the real agent does: it follows its interview (and so is present),
    // and beats every 3 s (a silent agent is gone; the server would end the
    // interview and write the report itself).
    await this.request({ op: "subscribe", channel: this.channel });
    this.beat = setInterval(() => this.heartbeat().catch(() => {}), 3000);
  }

  /** heartbeat answers {state, end_requested}. */
  heartbeat() {
    return api("/api/agents/heartbeat", {}, this.claimed.credential);
  }

  request(frame) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ ...frame, id }));
      setTimeout(() => {
        if (this.pending.delete(id)) reject(new Error(`no answer to ${frame.op}`));
      }, 10_000);
    });
  }

  publish(data) {
    return this.request({ op: "publish", channel: this.channel, data });
  }

  event(event) {
    return this.publish({ type: "agent", event });
  }

  segment(seq, speaker, text, final, startMs) {
    return this.publish({ type: "transcript", seq, speaker, text, lang: "en", start_ms: startMs, end_ms: startMs + 2500, final });
  }

  saveReport(report) {
    return api("/api/interviews/save-report", report, this.claimed.credential);
  }

  close() {
    clearInterval(this.beat);
    this.ws?.close(1000);
  }
}
