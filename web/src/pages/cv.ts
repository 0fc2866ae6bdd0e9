// CV upload with live analysis progress (hub channel cv:<analysis_id>), the
// list of past analyses, and one analysis: scores, sections, ATS keywords,
// field suggestions with apply/undo, LaTeX code and PDF download.
import { ApiError, list } from "../api";
import type { App } from "../app";
import { h, replace } from "../dom";
import { formatDate, t } from "../i18n";
import type { MessageKey } from "../messages";
import { go, type PageCtx } from "../router";
import type { Analysis, AnalysisRecord, FieldPath, FieldSuggestion, Priority, StructuredCV, StructuredResult, UnreadPart } from "../types";
import {
  alertBox,
  announce,
  bulletList,
  button,
  card,
  chips,
  download,
  errorText,
  errorView,
  field,
  loading,
  pageHeader,
  progressBar,
  scoreRing,
  tabs,
} from "../ui";

export const STAGES = ["received", "extracted", "structured", "analyzed", "done"] as const;

/** A progress message on cv:<id> (internal/cvjob Event). */
interface CVEvent {
  type?: string;
  analysis_id?: string;
  stage?: string;
  percent?: number;
  error?: { code?: string; message?: string };
  result?: StructuredResult;
}

/** Results just received by the upload page, so the analysis page need not refetch. */
const fresh = new Map<string, StructuredResult>();

/** ProgressView shows the stages of an analysis and its percent. */
class ProgressView {
  readonly el = h("section", { class: "card progress-card", "aria-labelledby": "progress-title" });
  private stage = "";
  private percent = 0;
  private upload: number | null = null;

  constructor() {
    this.render();
  }

  setUpload(p: number | null): void {
    this.upload = p;
    this.render();
  }

  /** update moves forward only: late or replayed messages cannot move it back. */
  update(stage: string | undefined, percent: number | undefined): void {
    const idx = (s: string) => STAGES.indexOf(s as (typeof STAGES)[number]);
    if (stage && (idx(stage) >= idx(this.stage) || stage === "failed")) this.stage = stage;
    if (typeof percent === "number" && percent > this.percent) this.percent = percent;
    this.render();
  }

  private render(): void {
    const current = STAGES.indexOf(this.stage as (typeof STAGES)[number]);
    replace(
      this.el,
      h("h2", { id: "progress-title" }, t("cv.progressTitle")),
      this.upload !== null && this.upload < 100
        ? h("div", null, h("p", null, t("cv.uploading", { p: this.upload })), progressBar(t("cv.uploadProgress"), this.upload))
        : null,
      h("p", { class: "progress-label", "data-testid": "analysis-percent" }, t("cv.percent", { p: this.percent })),
      progressBar(t("cv.analysisProgress"), this.percent),
      h(
        "ol",
        { class: "stages" },
        STAGES.map((s, i) =>
          h(
            "li",
            { class: i < current || (i === current && s === "done") ? "stage-done" : i === current ? "stage-current" : "stage-todo", "aria-current": i === current ? "step" : false },
            h("span", { class: "stage-dot", "aria-hidden": "true" }),
            t(`cv.stage.${s}` as MessageKey),
          ),
        ),
      ),
    );
  }
}

export function cvPage(app: App) {
  return (ctx: PageCtx): Node => {
    const file = h("input", { type: "file", name: "cv_file", accept: ".pdf,.doc,.docx,.odt,.rtf,.txt,application/pdf", required: true });
    const job = h("textarea", { name: "job_description", rows: "5", maxlength: "65536" });
    const gemini = h("input", { type: "checkbox", name: "use_gemini", checked: true, id: "use-gemini" });
    const status = h("div", { class: "form-status" });
    const progressSlot = h("div");
    const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("cv.analyze"));
    const drop = h("div", { class: "dropzone" }, field(t("cv.file"), file, t("cv.fileHint")));
    for (const ev of ["dragenter", "dragover"]) drop.addEventListener(ev, (e) => (e.preventDefault(), drop.classList.add("dropzone-over")));
    for (const ev of ["dragleave", "drop"]) drop.addEventListener(ev, () => drop.classList.remove("dropzone-over"));
    drop.addEventListener("drop", (e) => {
      e.preventDefault();
      if (e.dataTransfer?.files.length) file.files = e.dataTransfer.files;
    });
    const form = h(
      "form",
      { class: "form", novalidate: true },
      drop,
      field(t("cv.jobDescription"), job, t("cv.jobHint")),
      h("div", { class: "check" }, gemini, h("label", { for: "use-gemini" }, t("cv.useGemini"))),
      status,
      submit,
    );
    const history = h("div", null, loading());
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const f = file.files?.[0];
      if (!f) {
        replace(status, alertBox("error", t("cv.chooseFile")));
        return;
      }
      if (f.size > 10 * 1024 * 1024) {
        replace(status, alertBox("error", t("cv.tooLarge")));
        return;
      }
      replace(status);
      submit.disabled = true;
      void runUpload(app, ctx, f, job.value, gemini.checked, progressSlot, status).finally(() => {
        submit.disabled = false;
      });
    });
    void loadHistory(app, ctx, history);
    return h(
      "div",
      null,
      pageHeader(t("cv.title")),
      h("div", { class: "grid-2" }, card(t("cv.uploadTitle"), form), h("div", null, progressSlot, card(t("cv.historyTitle"), history))),
    );
  };
}

async function loadHistory(app: App, ctx: PageCtx, into: HTMLElement): Promise<void> {
  try {
    const items = list<AnalysisRecord>(await app.api.analyses(ctx.signal), "analyses");
    if (!items.length) {
      replace(into, h("p", { class: "muted" }, t("cv.noHistory")));
      return;
    }
    replace(
      into,
      h(
        "ul",
        { class: "rows" },
        items.map((a) =>
          h(
            "li",
            null,
            h("a", { href: `#/cv/${encodeURIComponent(String(a.id))}` }, fileName(a) || t("cv.analysisN", { id: String(a.id).slice(0, 8) })),
            h("span", { class: `badge badge-${a.status}` }, t(`cv.status.${a.status}` as MessageKey)),
            h("span", { class: "muted" }, formatDate(a.created_at, true)),
          ),
        ),
      ),
    );
  } catch (err) {
    if (!ctx.signal.aborted) replace(into, errorView(err));
  }
}

function fileName(a: AnalysisRecord): string {
  return a.file_info?.filename ?? "";
}

/**
 * runUpload posts the CV. The contract's response only comes when the
 * analysis is finished, so to show progress meanwhile the page looks for the
 * new analysis in GET /api/analyses and follows cv:<id> on the hub.
 */
async function runUpload(app: App, ctx: PageCtx, f: File, jobText: string, useGemini: boolean, slot: HTMLElement, status: HTMLElement): Promise<void> {
  const view = new ProgressView();
  replace(slot, view.el);
  view.setUpload(0);
  let known: Set<string>;
  try {
    known = new Set(list<AnalysisRecord>(await app.api.analyses(ctx.signal), "analyses").map((a) => String(a.id)));
  } catch {
    known = new Set();
  }
  const follow = new Follower(app, ctx, view);
  const form = new FormData();
  form.append("cv_file", f, f.name);
  form.append("job_description", jobText);
  form.append("use_gemini", String(useGemini));
  let finished = false;
  const discover = async () => {
    while (!finished && !ctx.signal.aborted && !follow.id) {
      await sleep(600);
      try {
        const mine = list<AnalysisRecord>(await app.api.analyses(ctx.signal), "analyses").find((a) => !known.has(String(a.id)));
        if (mine && !finished) follow.start(String(mine.id), mine);
      } catch {
        // discovery is best effort; the response still arrives
      }
    }
  };
  void discover();
  try {
    const res = await app.api.upload<StructuredResult>("/api/analyze-structured", form, (sent, total) => view.setUpload(total ? Math.round((100 * sent) / total) : null), ctx.signal);
    finished = true;
    view.update("done", 100);
    const id = String(res.analysis_id ?? follow.id ?? "");
    if (!id) throw new ApiError(500, "no_analysis_id", t("cv.noId"));
    fresh.set(id, res);
    announce(t("cv.doneAnnounce"));
    go(`/cv/${encodeURIComponent(id)}`);
  } catch (err) {
    finished = true;
    const pending = err instanceof ApiError && err.code === "analysis_pending" ? (err.body as { analysis_id?: string })?.analysis_id : undefined;
    if (pending) {
      go(`/cv/${encodeURIComponent(pending)}`);
      return;
    }
    if (!ctx.signal.aborted) {
      replace(slot);
      replace(status, alertBox("error", errorText(err)));
    }
  } finally {
    follow.stop();
  }
}

/** Follower keeps a ProgressView in step with cv:<id>. */
class Follower {
  id = "";
  private unsub: (() => void) | null = null;

  constructor(private readonly app: App, private readonly ctx: PageCtx, private readonly view: ProgressView, private readonly onEvent?: (e: CVEvent) => void) {}

  start(id: string, initial?: AnalysisRecord): void {
    this.id = id;
    if (initial) this.view.update(initial.stage, initial.percent);
    const sub = this.app.hub.subscribe(`cv:${id}`, {
      fromStart: true,
      onMessage: (data) => {
        const e = data as CVEvent;
        this.view.update(e.stage, e.percent);
        this.onEvent?.(e);
      },
      onSubscribed: (e) => {
        // Fetch after subscribing, so nothing falls between the two.
        if (!e.recovered || !e.resubscribed) void this.poll();
      },
      onError: (code) => this.app.hub.state === "connected" && console.warn("cv channel refused", code),
    });
    this.unsub = () => sub.unsubscribe();
    this.ctx.cleanup(() => this.stop());
  }

  async poll(): Promise<void> {
    try {
      const a = await this.app.api.analysis(this.id, this.ctx.signal);
      this.view.update(a.stage, a.percent);
      this.onEvent?.({ type: a.status === "done" ? "done" : a.status === "failed" ? "failed" : "progress", stage: a.stage, percent: a.percent, result: a.result, error: typeof a.error === "object" ? a.error : a.error ? { message: a.error } : undefined });
    } catch {
      // the hub still delivers progress
    }
  }

  stop(): void {
    this.unsub?.();
    this.unsub = null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => window.setTimeout(r, ms));
}

/** analysisPage shows one analysis, following its progress if it is still running. */
export function analysisPage(app: App) {
  return (ctx: PageCtx): Node => {
    const id = ctx.params.id ?? "";
    const body = h("div", null, loading());
    const page = h("div", null, pageHeader(t("cv.analysisTitle")), body);
    const cached = fresh.get(id);
    if (cached) {
      fresh.delete(id);
      replace(body, resultView(app, cached, id));
      return page;
    }
    const view = new ProgressView();
    let shown = false;
    const follower = new Follower(app, ctx, view, (e) => {
      if (shown) return;
      if (e.type === "done" || e.stage === "done") {
        shown = true;
        follower.stop();
        if (e.result?.structured_cv) replace(body, resultView(app, e.result, id));
        else void app.api.analysis(id, ctx.signal).then((a) => a.result && replace(body, resultView(app, a.result, id)), (err) => replace(body, errorView(err)));
      } else if (e.type === "failed" || e.stage === "failed") {
        shown = true;
        follower.stop();
        replace(body, alertBox("error", h("p", null, t("cv.failed")), h("p", null, e.error?.message ?? "")), h("a", { href: "#/cv", class: "btn" }, t("cv.tryAgain")));
      } else if (!body.contains(view.el)) {
        replace(body, view.el);
      }
    });
    if (app.hub.state === "closed") {
      // No live connection (signed out elsewhere): a single read still works.
      void follower.poll();
    } else {
      follower.start(id);
    }
    return page;
  };
}

type Applied = { original: string; improved: string };

/** resultView renders a finished analysis; suggestions edit a working copy of the CV. */
export function resultView(app: App, res: StructuredResult, analysisId: string): HTMLElement {
  const a: Analysis = res.gemini_analysis?.analysis ?? {};
  let cv: StructuredCV = structuredClone(res.structured_cv ?? {});
  const applied = new Map<string, Applied>();
  const sectionsSlot = h("div");
  const renderSections = () => replace(sectionsSlot, sectionsView(cv));
  renderSections();
  const analyzer = res.gemini_analysis?.analyzer ?? res.analyzer ?? a.analyzer;
  const scores = h(
    "div",
    { class: "scores" },
    scoreRing(t("cv.score.overall"), a.overall_score ?? a.general?.overall_score),
    scoreRing(t("cv.score.formatting"), a.formatting?.score),
    scoreRing(t("cv.score.content"), a.content?.score),
    scoreRing(t("cv.score.readability"), a.readability_score),
    scoreRing(t("cv.score.ats"), a.ats_score ?? a.ats_analysis?.relevance_score),
  );
  const pdfBtn = button(t("cv.downloadPdf"), async () => {
    pdfBtn.disabled = true;
    pdfBtn.textContent = t("cv.pdfWorking");
    try {
      download(await app.api.pdf(cv), pdfName(cv));
      announce(t("cv.pdfReady"));
    } catch (err) {
      announce(errorText(err), "error");
    } finally {
      pdfBtn.disabled = false;
      pdfBtn.textContent = t("cv.downloadPdf");
    }
  }, { class: "btn btn-primary", "data-testid": "download-pdf" });
  const suggestions = a.field_suggestions ?? [];
  const suggestionList = h("div", { class: "suggestions" });
  const renderSuggestions = () =>
    replace(
      suggestionList,
      suggestions.length
        ? suggestions.map((sg) =>
            suggestionCard(sg, applied.get(sg.suggestionId), async (undo) => {
              const before = applied.get(sg.suggestionId);
              const body = undo && before
                ? { suggestionId: `${sg.suggestionId}:undo`, targetField: sg.targetField, fieldPath: sg.fieldPath, originalValue: before.improved, improvedValue: before.original }
                : { suggestionId: sg.suggestionId, targetField: sg.targetField, fieldPath: sg.fieldPath, originalValue: sg.originalValue, improvedValue: sg.improvedValue };
              try {
                const r = await app.api.applySuggestion(cv, body, analysisId);
                cv = r.updated_cv;
                if (undo) applied.delete(sg.suggestionId);
                else applied.set(sg.suggestionId, { original: sg.originalValue ?? "", improved: sg.improvedValue });
                announce(undo ? t("cv.undone") : t("cv.applied"));
              } catch (err) {
                announce(err instanceof ApiError && err.status === 409 ? t("cv.conflict") : errorText(err), "error");
              }
              renderSuggestions();
              renderSections();
            }),
          )
        : h("p", { class: "muted" }, t("cv.noSuggestions")),
    );
  renderSuggestions();
  const ats = a.ats_analysis ?? {};
  return h(
    "div",
    { class: "analysis" },
    h(
      "div",
      { class: "analysis-head" },
      scores,
      h(
        "div",
        null,
        (a.summary ?? a.general?.summary) ? h("p", { class: "lead" }, a.summary ?? a.general?.summary) : null,
        analyzer ? h("p", { class: "muted" }, t("cv.analyzer", { name: analyzer === "gemini" ? "Gemini" : t("cv.offline") })) : null,
        res.gemini_analysis && (res.gemini_analysis as { message?: string }).message ? h("p", { class: "muted" }, (res.gemini_analysis as { message?: string }).message) : null,
        h("div", { class: "actions" }, pdfBtn),
      ),
    ),
    a.critical_issues?.length ? card(t("cv.critical"), bulletList(a.critical_issues)) : null,
    a.unread_parts?.length
      ? card(t("cv.unread"), h("div", null, h("p", { class: "muted" }, t("cv.unread.hint")), bulletList(a.unread_parts.map(unreadText))))
      : null,
    a.top_priorities?.length ? card(t("cv.priorities"), priorityList(a.top_priorities)) : null,
    tabs([
      { id: "suggestions", label: t("cv.tab.suggestions", { n: suggestions.length }), render: () => suggestionList },
      { id: "sections", label: t("cv.tab.sections"), render: () => sectionsSlot },
      {
        id: "ats",
        label: t("cv.tab.ats"),
        render: () =>
          h(
            "div",
            null,
            h("h3", null, t("cv.ats.matched")),
            ats.keyword_matches?.length ? chips(ats.keyword_matches, "chips-good") : h("p", { class: "muted" }, t("cv.ats.none")),
            h("h3", null, t("cv.ats.missing")),
            ats.missing_keywords?.length ? chips(ats.missing_keywords, "chips-bad") : h("p", { class: "muted" }, t("cv.ats.none")),
            h("h3", null, t("cv.ats.recommendations")),
            bulletList(ats.recommendations, t("cv.ats.none")),
          ),
      },
      {
        id: "feedback",
        label: t("cv.tab.feedback"),
        render: () =>
          h(
            "div",
            { class: "grid-2" },
            card(t("cv.fb.strengths"), bulletList(a.content?.strengths, "—")),
            card(t("cv.fb.weaknesses"), bulletList(a.content?.weaknesses, "—")),
            card(t("cv.fb.formatting"), bulletList([...(a.formatting?.issues ?? []), ...(a.formatting?.suggestions ?? [])], "—")),
            card(t("cv.fb.quickWins"), bulletList(a.quick_wins, "—")),
          ),
      },
      { id: "latex", label: t("cv.tab.latex"), render: () => latexView(app, () => cv) },
    ]),
  );
}

function pdfName(cv: StructuredCV): string {
  const n = (cv.contact?.name ?? "cv").normalize("NFKD").replace(/[^\w-]+/g, "_").replace(/^_+|_+$/g, "");
  return `${n || "cv"}.pdf`;
}

/** pathText shows a field path in its string form (experience[1].bullets[0]). */
function pathText(p: FieldPath): string {
  if (typeof p === "string") return p;
  return p.map((x, i) => (typeof x === "number" ? `[${x}]` : i === 0 ? x : `.${x}`)).join("");
}

/** priorityList shows top_priorities: the action, with its impact, time and category. */
function priorityList(items: Priority[]): HTMLElement {
  return h(
    "ol",
    { class: "list priorities", "data-testid": "priorities" },
    items.map((p) =>
      h(
        "li",
        null,
        p.action ?? "",
        " ",
        h("span", { class: "muted" }, [p.impact ? t("cv.priority.impact", { impact: p.impact }) : "", p.time_estimate ?? ""].filter(Boolean).join(" · ")),
      ),
    ),
  );
}

function suggestionCard(sg: FieldSuggestion, applied: Applied | undefined, act: (undo: boolean) => Promise<void>): HTMLElement {
  const btn = button(applied ? t("cv.undo") : t("cv.apply"), async () => {
    btn.disabled = true;
    await act(Boolean(applied));
  }, { class: applied ? "btn" : "btn btn-primary", "data-testid": applied ? "undo-suggestion" : "apply-suggestion" });
  return h(
    "article",
    { class: `suggestion${applied ? " suggestion-applied" : ""}`, "aria-label": sg.problem ?? pathText(sg.fieldPath) },
    h(
      "header",
      null,
      sg.severity ? h("span", { class: `badge badge-${sg.severity}` }, sg.severity) : null,
      h("code", { class: "path" }, pathText(sg.fieldPath)),
      sg.issue_type ? h("span", { class: "muted" }, sg.issue_type) : null,
    ),
    sg.problem ? h("p", null, sg.problem) : null,
    h(
      "div",
      { class: "diff" },
      h("div", null, h("h4", null, t("cv.before")), h("p", { class: "before" }, sg.originalValue || "—")),
      h("div", null, h("h4", null, t("cv.after")), h("p", { class: "after" }, sg.improvedValue)),
    ),
    sg.explanation ? h("p", { class: "muted" }, sg.explanation) : null,
    sg.impact ? h("p", { class: "muted" }, t("cv.impact", { text: sg.impact })) : null,
    applied ? h("p", { class: "applied-note", role: "status" }, t("cv.appliedNote")) : null,
    btn,
  );
}

function sectionsView(cv: StructuredCV): HTMLElement {
  const c = cv.contact ?? {};
  const skills = cv.skills ?? {};
  const extra = (["projects", "certifications", "awards", "publications", "activities", "volunteer", "other_sections"] as const).filter((k) => Array.isArray(cv[k]) && (cv[k] as unknown[]).length);
  return h(
    "div",
    { class: "cv-sections", "data-testid": "cv-sections" },
    card(
      t("cv.sec.contact"),
      h(
        "dl",
        { class: "kv" },
        (["name", "email", "phone", "location", "linkedin", "github", "portfolio"] as const).filter((k) => c[k]).map((k) => [h("dt", null, t(`cv.contact.${k}` as MessageKey)), h("dd", null, c[k] ?? "")]),
      ),
    ),
    cv.summary ? card(t("cv.sec.summary"), h("p", null, cv.summary)) : null,
    cv.experience?.length
      ? card(
          t("cv.sec.experience"),
          cv.experience.map((e) =>
            h(
              "div",
              { class: "entry" },
              h("h3", null, [e.title, e.company].filter(Boolean).join(" — ")),
              h("p", { class: "muted" }, [e.location, [e.startDate, e.endDate].filter(Boolean).join(" – ")].filter(Boolean).join(" · ")),
              e.description ? h("p", null, e.description) : null,
              bulletList(e.bullets),
            ),
          ),
        )
      : null,
    cv.education?.length
      ? card(
          t("cv.sec.education"),
          cv.education.map((e) =>
            h(
              "div",
              { class: "entry" },
              h("h3", null, [e.degree, e.institution].filter(Boolean).join(" — ")),
              h("p", { class: "muted" }, [e.location, [e.startDate, e.endDate].filter(Boolean).join(" – "), e.gpa].filter(Boolean).join(" · ")),
              e.description ? h("p", null, e.description) : null,
              bulletList(e.achievements),
            ),
          ),
        )
      : null,
    card(
      t("cv.sec.skills"),
      (["technical", "tools", "languages", "soft_skills", "other"] as const)
        .filter((k) => skills[k]?.length)
        .map((k) => h("div", null, h("h3", null, t(`cv.skills.${k}` as MessageKey)), chips(skills[k] ?? []))),
    ),
    extra.map((k) => card(t(`cv.sec.${k}` as MessageKey), bulletList(cv[k] as unknown[]))),
  );
}

function latexView(app: App, cv: () => StructuredCV): HTMLElement {
  const out = h("div");
  const gen = button(t("cv.latexShow"), async () => {
    gen.disabled = true;
    replace(out, loading());
    try {
      const r = await app.api.latexCode(cv());
      const code = h("code", null, r.latex_code);
      const copy = button(t("cv.copy"), async () => {
        try {
          await navigator.clipboard.writeText(r.latex_code);
          announce(t("cv.copied"));
        } catch {
          announce(t("cv.copyFailed"), "error");
        }
      });
      replace(out, h("div", { class: "actions" }, copy), h("pre", { class: "code", tabindex: "0", "aria-label": t("cv.latexLabel"), "data-testid": "latex-code" }, code));
    } catch (err) {
      replace(out, errorView(err));
    } finally {
      gen.disabled = false;
    }
  });
  return h("div", null, h("p", { class: "muted" }, t("cv.latexHint")), gen, out);
}


/** unreadText says what one unread part of the document is. */
function unreadText(u: UnreadPart): string {
  switch (u.reason) {
    case "no_text":
      return t("cv.unread.no_text", { page: u.page ?? "?" });
    case "unsure_ocr":
      return t("cv.unread.unsure_ocr", { page: u.page ?? "?" });
    default:
      return t("cv.unread.unplaced", { text: u.text ?? "" });
  }
}
