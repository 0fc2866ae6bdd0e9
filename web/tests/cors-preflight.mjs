// Browser-level CORS check for the existing React frontend, run by
// cmd/server's TestFrontendCORSInBrowser (not by the web/e2e harness): a
// page on another origin calls the API the way that frontend does, with
// X-Request-Time on every call (so every call is preceded by a preflight),
// from an allowed origin and from a foreign one. Prints one JSON line.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const { API_URL, ALLOWED_URL, FOREIGN_URL, CHROMIUM, TOKEN } = process.env;
for (const [k, v] of Object.entries({ API_URL, ALLOWED_URL, FOREIGN_URL, CHROMIUM, TOKEN })) {
  if (!v) throw new Error(`${k} is not set`);
}

const profile = mkdtempSync(join(tmpdir(), "uh-cors-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic"],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const callsFrom = async (origin) => {
    await page.goto(origin);
    return page.evaluate(async ({ api, token }) => {
      const call = async (method, path, body, auth) => {
        try {
          const headers = { Accept: "application/json, text/plain, */*", "X-Request-Time": String(Date.now()) };
          if (body !== undefined) headers["Content-Type"] = "application/json";
          if (auth) headers.Authorization = `Bearer ${auth}`;
          const r = await fetch(api + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
          return { status: r.status, data: await r.json().catch(() => null) };
        } catch (e) {
          return { error: String(e) };
        }
      };
      return {
        login: await call("POST", "/api/auth/login", { email: "nobody@example.com", password: "Wr0ng!passw0rd" }),
        me: await call("GET", "/api/auth/me", undefined, token),
        search: await call("POST", "/api/jobs/search", { keywords: "engineer", location: "Germany", max_jobs: "10", timeRange: "-1", experience_levels: [] }),
        latex: await call("POST", "/api/get-latex-code", { structured_cv: { summary: "Engineer", contact: { name: "Ada Lovelace" } } }),
      };
    }, { api: API_URL, token: TOKEN });
  };
  const result = { allowed: await callsFrom(ALLOWED_URL), foreign: await callsFrom(FOREIGN_URL) };
  console.log(JSON.stringify(result));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
