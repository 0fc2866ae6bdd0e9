// Job search with the contract's filters, and the skills-gap report for a
// CV against a job: bars per skill, scores and priority actions.
import { list } from "../api";
import type { App } from "../app";
import { h, replace, s } from "../dom";
import { formatDate, formatNumber, t } from "../i18n";
import type { MessageKey } from "../messages";
import { go, type PageCtx } from "../router";
import type { CatalogSummary, CVFileSummary, Job, LearnResource, SkillGapRow, SkillsReport } from "../types";
import { alertBox, button, card, errorText, errorView, field, input, loading, pageHeader, progressBar, scoreRing } from "../ui";
import { descriptionText, descriptionView } from "./jobtext";
import { LOCATIONS } from "./locations";

const LEVELS = ["internship", "entry_level", "associate", "mid_senior", "director", "executive"] as const;
const RANGES = ["any", "past_24h", "past_week", "past_month"] as const;

/** The job a user picked, handed to the skills and interview pages. */
const PICK_KEY = "uh.pickedJob";

export function pickJob(job: Job): void {
  sessionStorage.setItem(PICK_KEY, JSON.stringify(job));
}

export function pickedJob(): Job | null {
  try {
    const raw = sessionStorage.getItem(PICK_KEY);
    return raw ? (JSON.parse(raw) as Job) : null;
  } catch {
    return null;
  }
}

export function jobsPage(app: App) {
  return (ctx: PageCtx): Node => {
    const keywords = input({ name: "keywords", required: true, maxlength: "200", autocomplete: "off" });
    const location = input({ name: "location", list: "locations", autocomplete: "off" });
    const locations = h("datalist", { id: "locations" }, LOCATIONS.map((l) => h("option", { value: l })));
    const maxJobs = h("select", { name: "max_jobs" }, [10, 20, 30].map((n) => h("option", { value: String(n) }, String(n))));
    const range = h("select", { name: "timeRange" }, RANGES.map((r) => h("option", { value: r }, t(`jobs.range.${r}` as MessageKey))));
    const levels = h(
      "fieldset",
      { class: "checks" },
      h("legend", null, t("jobs.levels")),
      LEVELS.map((l) => h("label", { class: "check" }, h("input", { type: "checkbox", name: "experience_levels", value: l }), t(`jobs.level.${l}` as MessageKey))),
    );
    const status = h("div", { class: "form-status" });
    const results = h("div", { "aria-live": "polite" });
    const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("jobs.search"));
    const form = h(
      "form",
      { class: "form filters", role: "search", novalidate: true },
      field(t("jobs.keywords"), keywords),
      field(t("jobs.location"), location, t("jobs.locationHint")),
      locations,
      h("div", { class: "row" }, field(t("jobs.max"), maxJobs), field(t("jobs.range"), range)),
      levels,
      status,
      submit,
    );
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      if (!keywords.value.trim()) {
        replace(status, alertBox("error", t("jobs.keywordsRequired")));
        return;
      }
      replace(status);
      submit.disabled = true;
      replace(results, loading(t("jobs.searching")));
      try {
        const res = await app.api.searchJobs(
          {
            keywords: keywords.value.trim(),
            location: location.value.trim(),
            max_jobs: Number(maxJobs.value),
            timeRange: range.value,
            experience_levels: [...levels.querySelectorAll<HTMLInputElement>("input:checked")].map((x) => x.value),
          },
          ctx.signal,
        );
        replace(results, jobList(app, res.jobs ?? [], res.message));
      } catch (err) {
        replace(results, errorView(err));
      } finally {
        submit.disabled = false;
      }
    });
    app.api.latestJobs(ctx.signal).then(
      (r) => {
        const jobs = list<Job>(r as Job[] | Record<string, unknown>, "jobs");
        if (jobs.length && !results.hasChildNodes()) replace(results, h("p", { class: "muted" }, t("jobs.latest")), jobList(app, jobs));
      },
      () => undefined,
    );
    const catalogInfo = h("p", { class: "muted", "data-testid": "catalog-summary" });
    app.api.catalog(ctx.signal).then(
      (c) => replace(catalogInfo, catalogText(c)),
      () => undefined,
    );
    return h("div", null, pageHeader(t("jobs.title")), catalogInfo, h("div", { class: "grid-sidebar" }, card(t("jobs.filters"), form), h("div", null, results)));
  };
}

/** catalogText says how many postings the catalog holds and from where. */
function catalogText(c: CatalogSummary): string {
  const from = c.sources
    .filter((s) => s.postings > 0)
    .map((s) => `${sourceLabel(s.source)} ${formatNumber(s.postings, 0)}`)
    .join(", ");
  const down = c.sources.filter((s) => s.last_error).map((s) => sourceLabel(s.source));
  let text = t("jobs.catalog", { n: formatNumber(c.total, 0), from: from || "—" });
  if (down.length) text += " " + t("jobs.catalogDown", { sources: down.join(", ") });
  return text;
}

function sourceLabel(s: string): string {
  const names: Record<string, string> = { arbeitnow: "Arbeitnow", remotive: "Remotive", remoteok: "Remote OK", linkedin: "LinkedIn" };
  return names[s] ?? (s === "sample" ? t("jobs.sourceSample") : s === "import" ? t("jobs.sourceImport") : s);
}

function jobList(app: App, jobs: Job[], message?: string): HTMLElement {
  if (!jobs.length) return h("p", { class: "muted" }, message || t("jobs.none"));
  return h(
    "div",
    null,
    h("p", { class: "muted", "data-testid": "job-count" }, jobs.length === 1 ? t("jobs.countOne") : t("jobs.count", { n: jobs.length })),
    message ? h("p", { class: "muted" }, message) : null,
    h("ul", { class: "jobs" }, jobs.map((j) => h("li", null, jobCard(app, j)))),
  );
}

function jobCard(app: App, j: Job): HTMLElement {
  const details = h("div", { class: "job-desc" });
  let open = false;
  const more = button(t("jobs.details"), async () => {
    open = !open;
    more.setAttribute("aria-expanded", String(open));
    if (!open) return replace(details);
    if (j.description && j.description.length > 400) return replace(details, descriptionView(j.description));
    if (j.id === undefined) return replace(details, descriptionView(j.description || "—"));
    replace(details, loading());
    try {
      const r = await app.api.job(String(j.id));
      const full = "job" in r ? (r as { job: Job }).job : (r as Job);
      if (full.description) j.description = full.description;
      replace(details, descriptionView(full.description || "—"));
    } catch (err) {
      replace(details, errorView(err));
    }
  }, { "aria-expanded": "false", class: "btn btn-quiet" });
  return h(
    "article",
    { class: "job" },
    h("h3", null, j.title),
    h("p", null, [j.company, j.location].filter(Boolean).join(" · ")),
    h(
      "p",
      { class: "muted" },
      [j.experience_level ? levelLabel(j.experience_level) : "", j.posted_date ? formatDate(j.posted_date) : "", j.source ?? ""]
        .filter(Boolean)
        .join(" · "),
    ),
    h(
      "div",
      { class: "actions" },
      more,
      button(t("jobs.gap"), () => {
        pickJob(j);
        go("/skills");
      }),
      button(t("jobs.practise"), () => {
        pickJob(j);
        go("/interviews/new");
      }),
      j.job_link && /^https?:\/\//.test(j.job_link) ? h("a", { href: j.job_link, target: "_blank", rel: "noopener noreferrer", class: "btn btn-quiet" }, t("jobs.open")) : null,
    ),
    details,
  );
}

export function skillsPage(app: App) {
  return (ctx: PageCtx): Node => {
    const job = pickedJob();
    const file = h("input", { type: "file", name: "cv_file", accept: "application/pdf,.pdf" });
    // One of the CVs already uploaded, or a new PDF.
    const picker = h("select", { name: "cv_file_id", "data-testid": "cv-picker" }, h("option", { value: "" }, t("skills.cvNew")));
    const fileField = field(t("skills.cv"), file, t("skills.cvHint"));
    const pickerField = field(t("skills.cvPick"), picker);
    pickerField.hidden = true;
    picker.addEventListener("change", () => {
      fileField.hidden = picker.value !== "";
    });
    app.api.cvFiles(ctx.signal).then(
      (r) => {
        const files: CVFileSummary[] = r.files ?? [];
        if (!files.length) return;
        for (const f of files) picker.append(h("option", { value: f.file_id }, `${f.filename} — ${formatDate(f.created_at)}`));
        picker.value = files[0].file_id;
        pickerField.hidden = false;
        fileField.hidden = true;
      },
      () => undefined,
    );
    const title = input({ name: "job_title", value: job?.title ?? "", maxlength: "200" });
    const desc = h("textarea", { name: "job_description", rows: "12", maxlength: "1048576" });
    desc.value = job?.description ? descriptionText(job.description) : "";
    const status = h("div", { class: "form-status" });
    const out = h("div", { "aria-live": "polite" });
    const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("skills.analyze"));
    const form = h("form", { class: "form", novalidate: true }, pickerField, fileField, field(t("skills.jobTitle"), title), field(t("skills.jobDescription"), desc), status, submit);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const f = file.files?.[0];
      const picked = picker.value;
      if ((!picked && !f) || !desc.value.trim()) {
        replace(status, alertBox("error", t("skills.missing")));
        return;
      }
      replace(status);
      submit.disabled = true;
      const up = h("div");
      replace(out, up, loading(t("skills.working")));
      const fd = new FormData();
      if (picked) fd.append("cv_file_id", picked);
      else if (f) fd.append("cv_file", f, f.name);
      fd.append("job_description", desc.value);
      fd.append("job_title", title.value);
      try {
        const report = await app.api.skillsGap(fd, (sent, total) => total && replace(up, progressBar(t("cv.uploadProgress"), (100 * sent) / total)));
        replace(out, skillsReport(report));
      } catch (err) {
        replace(out, alertBox("error", errorText(err)));
      } finally {
        submit.disabled = false;
      }
    });
    return h("div", null, pageHeader(t("skills.title")), card(null, form), out);
  };
}

export function skillsReport(r: SkillsReport): HTMLElement {
  const q = r.quantitative_summary ?? {};
  const sc = r.ai_scores ?? {};
  return h(
    "div",
    { class: "report", "data-testid": "skills-report" },
    h(
      "div",
      { class: "scores" },
      scoreRing(t("skills.overall"), q.overall_score),
      scoreRing(t("skills.coverage"), sc.coverage),
      scoreRing(t("skills.depth"), sc.depth),
      scoreRing(t("skills.alignment"), sc.alignment),
    ),
    h("p", null, t("skills.counts", { matched: q.skills_matched ?? 0, missing: q.skills_missing ?? 0, total: q.total_required ?? 0 })),
    r.ai_summary ? card(t("skills.summary"), h("p", null, r.ai_summary)) : null,
    card(t("skills.profile"), gapChart(r.job_skill_profile ?? [])),
    r.priority_actions?.length
      ? card(
          t("skills.actions"),
          h(
            "ol",
            { class: "actions-list" },
            r.priority_actions.map((a) => h("li", null, h("strong", null, a.action), a.time_estimate ? h("span", { class: "badge" }, a.time_estimate) : null, a.why ? h("p", { class: "muted" }, a.why) : null)),
          ),
        )
      : null,
    r.learn_first?.length
      ? card(
          t("skills.learnFirst"),
          h(
            "ol",
            { class: "actions-list", "data-testid": "learn-first" },
            r.learn_first.map((l) =>
              h(
                "li",
                null,
                h("strong", null, l.skill),
                h("span", { class: "badge" }, l.is_must_have ? t("skills.badgeMust") : t("skills.badgeNice")),
                l.why ? h("p", { class: "muted" }, l.why) : null,
                resourceLinks(l.resources),
              ),
            ),
          ),
        )
      : null,
    r.learning_paths?.length
      ? card(
          t("skills.learning"),
          h(
            "ul",
            { class: "list" },
            r.learning_paths.map((l) => h("li", null, [l.skill, l.path_title, l.platform].filter(Boolean).join(" — "), resourceLinks(l.resources))),
          ),
        )
      : null,
    r.resume_edits?.length
      ? card(
          t("skills.edits"),
          r.resume_edits.map((e) =>
            h("div", { class: "diff" }, h("div", null, h("h4", null, t("cv.before")), h("p", { class: "before" }, e.before ?? "")), h("div", null, h("h4", null, t("cv.after")), h("p", { class: "after" }, e.after ?? "")), e.reason ? h("p", { class: "muted" }, e.reason) : null),
          ),
        )
      : null,
  );
}

/** resourceLinks lists learning resources as links; only https links are shown. */
function resourceLinks(res: LearnResource[] | undefined): HTMLElement | null {
  const safe = (res ?? []).filter((x) => typeof x.url === "string" && x.url.startsWith("https://"));
  if (!safe.length) return null;
  return h(
    "ul",
    { class: "resource-links" },
    safe.map((x) => h("li", null, h("a", { href: x.url, target: "_blank", rel: "noopener noreferrer" }, x.title), x.kind ? h("span", { class: "muted" }, ` (${x.kind})`) : null)),
  );
}

/**
 * gapChart draws one row per skill: the required level as an outline bar
 * and the candidate's level filled, must-haves marked. Values are 0–100 or
 * 0–5 (scaled); the table below carries the same numbers for screen readers.
 */
export function gapChart(rows: SkillGapRow[]): HTMLElement {
  if (!rows.length) return h("p", { class: "muted" }, t("skills.noProfile"));
  const max = Math.max(5, ...rows.flatMap((r) => [r.proficiency_req, r.proficiency_you]));
  const scale = max <= 5 ? 5 : max <= 10 ? 10 : 100;
  const rowH = 28;
  const labelW = 170;
  const width = 560;
  const barW = width - labelW - 50;
  const sorted = [...rows].sort((a, b) => Number(b.is_must_have) - Number(a.is_must_have) || b.gap - a.gap);
  const svg = s(
    "svg",
    { viewBox: `0 0 ${width} ${sorted.length * rowH + 10}`, class: "gap-chart", role: "img", "aria-label": t("skills.chartLabel") },
    sorted.map((r, i) => {
      const y = i * rowH + 4;
      const req = (Math.max(0, r.proficiency_req) / scale) * barW;
      const you = (Math.max(0, r.proficiency_you) / scale) * barW;
      return s(
        "g",
        null,
        s("text", { x: String(labelW - 8), y: String(y + 15), "text-anchor": "end", class: "gap-label" }, (r.is_must_have ? "★ " : "") + truncate(r.skill, 22)),
        s("rect", { x: String(labelW), y: String(y + 3), width: String(barW), height: "14", class: "gap-track", rx: "3" }),
        s("rect", { x: String(labelW), y: String(y + 3), width: you.toFixed(1), height: "14", class: you >= req ? "gap-you gap-met" : "gap-you", rx: "3" }),
        s("line", { x1: (labelW + req).toFixed(1), x2: (labelW + req).toFixed(1), y1: String(y), y2: String(y + 20), class: "gap-req" }),
        s("text", { x: String(labelW + barW + 6), y: String(y + 15), class: "gap-value" }, `${formatNumber(r.proficiency_you, 1)}/${formatNumber(r.proficiency_req, 1)}`),
      );
    }),
  );
  const table = h(
    "table",
    { class: "visually-hidden-table" },
    h("caption", null, t("skills.tableCaption")),
    h("thead", null, h("tr", null, h("th", { scope: "col" }, t("skills.skill")), h("th", { scope: "col" }, t("skills.you")), h("th", { scope: "col" }, t("skills.required")), h("th", { scope: "col" }, t("skills.gap")), h("th", { scope: "col" }, t("skills.mustHave")))),
    h(
      "tbody",
      null,
      sorted.map((r) => h("tr", null, h("th", { scope: "row" }, r.skill), h("td", null, formatNumber(r.proficiency_you, 1)), h("td", null, formatNumber(r.proficiency_req, 1)), h("td", null, formatNumber(r.gap, 1)), h("td", null, r.is_must_have ? t("common.yes") : t("common.no")))),
    ),
  );
  return h("div", { class: "chart-wrap" }, h("p", { class: "legend" }, h("span", { class: "key key-you" }), t("skills.legendYou"), h("span", { class: "key key-req" }), t("skills.legendReq"), " ★ ", t("skills.mustHave")), svg, h("details", null, h("summary", null, t("skills.showTable")), table));
}

function levelLabel(l: string): string {
  return (LEVELS as readonly string[]).includes(l) ? t(`jobs.level.${l}` as MessageKey) : l;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
