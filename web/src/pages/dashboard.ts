// Dashboard: past interviews with a score chart, and recent CV analyses.
import { list } from "../api";
import type { App } from "../app";
import { h, s } from "../dom";
import { formatDate, formatNumber, t } from "../i18n";
import type { PageCtx } from "../router";
import type { AnalysisRecord, InterviewSummary } from "../types";
import { card, errorView, pageHeader } from "../ui";
import { scoreText } from "./views";

export function dashboardPage(app: App) {
  return async (ctx: PageCtx): Promise<Node> => {
    const user = app.session.user;
    const [iv, an] = await Promise.allSettled([app.api.interviewsByEmail(user?.email ?? "", ctx.signal), app.api.analyses(ctx.signal)]);
    const interviews = iv.status === "fulfilled" ? [...(iv.value.interviews ?? [])] : [];
    interviews.sort((a, b) => Date.parse(a.created_at ?? "") - Date.parse(b.created_at ?? ""));
    const analyses = an.status === "fulfilled" ? list<AnalysisRecord>(an.value, "analyses").slice(0, 5) : [];
    return h(
      "div",
      null,
      pageHeader(t("dash.title", { name: user?.name ?? "" })),
      h(
        "div",
        { class: "quick" },
        h("a", { class: "btn btn-primary", href: "#/cv" }, t("dash.uploadCv")),
        h("a", { class: "btn", href: "#/jobs" }, t("dash.findJobs")),
        h("a", { class: "btn", href: "#/interviews/new" }, t("dash.practise")),
      ),
      card(t("dash.scores"), iv.status === "rejected" ? errorView(iv.reason) : scoreChart(interviews)),
      card(
        t("dash.interviews"),
        interviews.length
          ? h(
              "table",
              { class: "table", "data-testid": "past-interviews" },
              h("thead", null, h("tr", null, [t("dash.date"), t("dash.job"), t("dash.score"), t("dash.conclusion")].map((c) => h("th", { scope: "col" }, c)))),
              h(
                "tbody",
                null,
                [...interviews].reverse().map((i) =>
                  h(
                    "tr",
                    null,
                    h("td", null, h("a", { href: `#/interviews/${encodeURIComponent(String(i.id))}` }, formatDate(i.created_at, true) || String(i.id))),
                    h("td", null, i.job_title ?? ""),
                    h("td", null, scoreText(i.interview_score)),
                    h("td", { class: "clip" }, i.conclusion ?? ""),
                  ),
                ),
              ),
            )
          : h("p", { class: "muted" }, t("dash.noInterviews")),
      ),
      card(
        t("dash.analyses"),
        an.status === "rejected"
          ? errorView(an.reason)
          : analyses.length
            ? h("ul", { class: "rows" }, analyses.map((a) => h("li", null, h("a", { href: `#/cv/${encodeURIComponent(String(a.id))}` }, (a.file_info as { filename?: string } | undefined)?.filename ?? String(a.id)), h("span", { class: "muted" }, formatDate(a.created_at, true)))))
            : h("p", { class: "muted" }, t("dash.noAnalyses")),
      ),
    );
  };
}

/** scoreChart plots interview scores (0–10) over time as a line with points. */
export function scoreChart(items: InterviewSummary[]): HTMLElement {
  const pts = items.filter((i) => typeof i.interview_score === "number");
  if (!pts.length) return h("p", { class: "muted" }, t("dash.noScores"));
  const W = 640;
  const H = 220;
  const pad = { l: 36, r: 16, t: 12, b: 36 };
  const max = pts.some((p) => (p.interview_score ?? 0) > 10) ? 100 : 10;
  const x = (i: number) => pad.l + (pts.length === 1 ? (W - pad.l - pad.r) / 2 : (i * (W - pad.l - pad.r)) / (pts.length - 1));
  const y = (v: number) => pad.t + (1 - v / max) * (H - pad.t - pad.b);
  const ticks = [0, max / 2, max];
  const path = pts.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)} ${y(p.interview_score ?? 0).toFixed(1)}`).join(" ");
  const summary = t("dash.chartSummary", { n: pts.length, last: formatNumber(pts[pts.length - 1]!.interview_score ?? 0, 1), best: formatNumber(Math.max(...pts.map((p) => p.interview_score ?? 0)), 1) });
  return h(
    "figure",
    { class: "chart" },
    s(
      "svg",
      { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": summary, "data-testid": "score-chart" },
      ticks.map((tk) => [s("line", { x1: String(pad.l), x2: String(W - pad.r), y1: y(tk).toFixed(1), y2: y(tk).toFixed(1), class: "grid" }), s("text", { x: String(pad.l - 6), y: (y(tk) + 4).toFixed(1), "text-anchor": "end", class: "axis" }, formatNumber(tk))]),
      s("path", { d: path, class: "line" }),
      pts.map((p, i) =>
        s(
          "g",
          null,
          s("circle", { cx: x(i).toFixed(1), cy: y(p.interview_score ?? 0).toFixed(1), r: "5", class: "point" }, s("title", null, `${formatDate(p.created_at)} — ${p.job_title ?? ""}: ${scoreText(p.interview_score)}`)),
          s("text", { x: x(i).toFixed(1), y: String(H - pad.b + 16), "text-anchor": "middle", class: "axis" }, formatDate(p.created_at).replace(/\s\d{4}$/, "")),
        ),
      ),
    ),
    h("figcaption", null, summary),
  );
}
