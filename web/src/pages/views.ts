// Views shared by the interview room, the reviewer page and replay.
import { h, replace, s } from "../dom";
import { formatDate, formatNumber, t } from "../i18n";
import type { MessageKey } from "../messages";
import type { InterviewModel, Segment } from "../live";
import type { InterviewReport } from "../types";
import { alertBox, bulletList, button, card, scoreRing } from "../ui";

export function stateLabel(state: string): string {
  const key = `state.${state || "unknown"}` as MessageKey;
  const v = t(key);
  return v === key ? state : v;
}

export function stateBadge(state: string): HTMLElement {
  return h("span", { class: `badge state state-${state || "unknown"}`, "data-testid": "interview-state" }, stateLabel(state));
}

function speakerName(s: Segment): string {
  return s.speaker === "interviewer" ? t("room.interviewer") : t("room.candidate");
}

function speakerClass(s: Segment): string {
  return s.speaker === "interviewer" ? "seg-agent" : "seg-candidate";
}

/**
 * transcriptView keeps a list of segments in step with the model. Only final
 * lines go to the polite live region, so screen readers are not flooded
 * with partial words.
 */
export function transcriptView(model: InterviewModel, cleanup: (fn: () => void) => void): HTMLElement {
  const list = h("ol", { class: "transcript", "data-testid": "transcript" });
  const live = h("div", { class: "visually-hidden", "aria-live": "polite" });
  const announced = new Set<string>();
  let follow = true;
  const box = h("div", { class: "transcript-box", tabindex: "0", "aria-label": t("room.transcript") }, list);
  box.addEventListener("scroll", () => {
    follow = box.scrollTop + box.clientHeight >= box.scrollHeight - 24;
  });
  const render = () => {
    const segs = model.transcript();
    replace(
      list,
      segs.length
        ? segs.map((sg) => h("li", { class: `seg ${speakerClass(sg)}${sg.final ? "" : " seg-partial"}` }, h("span", { class: "seg-who" }, speakerName(sg)), h("span", { class: "seg-text" }, sg.text)))
        : h("li", { class: "muted" }, t("room.noTranscript")),
    );
    for (const sg of segs) {
      if (sg.final && !announced.has(sg.key)) {
        announced.add(sg.key);
        live.textContent = `${speakerName(sg)}: ${sg.text}`;
      }
    }
    if (follow) box.scrollTop = box.scrollHeight;
  };
  cleanup(model.onChange(render));
  render();
  return h("section", { class: "card" }, h("h2", null, t("room.transcript")), box, live);
}

export function reportView(r: InterviewReport | null): HTMLElement {
  if (!r) return h("p", { class: "muted" }, t("report.none"));
  const score = r.interview_score;
  return h(
    "div",
    { class: "report", "data-testid": "interview-report" },
    h("div", { class: "scores" }, scoreRing(t("report.score"), typeof score === "number" ? score : undefined, 10)),
    r.unscored_reason ? h("p", { class: "muted" }, r.unscored_reason) : null,
    r.terminated ? alertBox("warning", r.termination_reason ? `${t("report.terminated")} ${r.termination_reason}` : t("report.terminated")) : null,
    r.conclusion ? card(t("report.conclusion"), h("p", null, r.conclusion)) : null,
    h(
      "div",
      { class: "grid-2" },
      r.strengths?.length ? card(t("report.strengths"), bulletList(r.strengths)) : null,
      r.development_areas?.length ? card(t("report.development"), bulletList(r.development_areas)) : null,
      r.communication ? card(t("report.communication"), h("p", null, r.communication)) : null,
      r.role_fit ? card(t("report.roleFit"), h("p", null, String(r.role_fit))) : null,
    ),
  );
}

/**
 * replayView plays a finished interview back: the transcript on a time
 * axis (one lane per speaker, notes and state changes as marks) with a play
 * head, and the lines revealed as the head passes them.
 */
export function replayView(model: InterviewModel, cleanup: (fn: () => void) => void): HTMLElement {
  const segs = model.transcript();
  const marks = [...model.events.values(), ...[...model.notes.values()].map((n) => ({ key: n.key, kind: "note" as const, at: n.atMs, label: n.text }))];
  const times = [...segs.map((x) => x.atMs), ...marks.map((m) => m.at)].filter((x) => x > 0);
  if (!segs.length) return h("p", { class: "muted" }, t("replay.empty"));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times, ...segs.map((x) => x.atMs + segDuration(x))) + 1000;
  const span = Math.max(1000, t1 - t0);
  const W = 800;
  const xOf = (at: number) => ((at - t0) / span) * W;
  const head = s("line", { x1: "0", x2: "0", y1: "0", y2: "70", class: "replay-head" });
  const svg = s(
    "svg",
    { viewBox: `0 0 ${W} 70`, class: "replay-axis", role: "img", "aria-label": t("replay.axisLabel", { n: segs.length }) },
    s("text", { x: "2", y: "12", class: "lane-label" }, t("room.interviewer")),
    s("text", { x: "2", y: "40", class: "lane-label" }, t("room.candidate")),
    segs.map((sg) => {
      const agent = speakerClass(sg) === "seg-agent";
      return s("rect", { x: xOf(sg.atMs).toFixed(1), y: agent ? "16" : "44", width: Math.max(2, (segDuration(sg) / span) * W).toFixed(1), height: "10", class: agent ? "lane-agent" : "lane-candidate" }, s("title", null, sg.text));
    }),
    marks.map((m) => s("path", { d: `M${xOf(m.at).toFixed(1)} 60 l4 8 h-8 z`, class: `mark mark-${m.kind}` }, s("title", null, m.kind === "state" ? stateLabel(m.label) : m.label))),
    head,
  );
  const slider = h("input", { type: "range", min: "0", max: String(span), step: "100", value: "0", id: "replay-pos", class: "replay-slider" });
  const clock = h("span", { class: "replay-clock", "aria-live": "off" });
  const lines = h("ol", { class: "transcript replay-lines", "data-testid": "replay-transcript" });
  let pos = 0;
  let playing = false;
  let speed = 1;
  let last = 0;
  let raf = 0;
  const draw = () => {
    const at = t0 + pos;
    head.setAttribute("x1", xOf(at).toFixed(1));
    head.setAttribute("x2", xOf(at).toFixed(1));
    slider.value = String(pos);
    clock.textContent = `${mmss(pos)} / ${mmss(span)}`;
    replace(
      lines,
      segs
        .filter((sg) => sg.atMs <= at)
        .map((sg) =>
          h(
            "li",
            { class: `seg ${speakerClass(sg)}` },
            h("button", { type: "button", class: "seg-time", onclick: () => seek(sg.atMs - t0), "aria-label": t("replay.jump", { time: mmss(sg.atMs - t0) }) }, mmss(sg.atMs - t0)),
            h("span", { class: "seg-who" }, speakerName(sg)),
            h("span", { class: "seg-text" }, sg.text),
          ),
        ),
    );
  };
  const tick = (now: number) => {
    if (!playing) return;
    pos = Math.min(span, pos + (now - last) * speed);
    last = now;
    draw();
    if (pos >= span) return stop();
    raf = requestAnimationFrame(tick);
  };
  const play = () => {
    if (pos >= span) pos = 0;
    playing = true;
    last = performance.now();
    playBtn.textContent = t("replay.pause");
    playBtn.setAttribute("aria-pressed", "true");
    raf = requestAnimationFrame(tick);
  };
  const stop = () => {
    playing = false;
    cancelAnimationFrame(raf);
    playBtn.textContent = t("replay.play");
    playBtn.setAttribute("aria-pressed", "false");
  };
  const seek = (p: number) => {
    pos = Math.max(0, Math.min(span, p));
    draw();
  };
  const playBtn = button(t("replay.play"), () => (playing ? stop() : play()), { "aria-pressed": "false", class: "btn btn-primary", "data-testid": "replay-play" });
  const speedSel = h("select", { id: "replay-speed", onchange: () => (speed = Number(speedSel.value)) }, [1, 2, 4, 8].map((x) => h("option", { value: String(x) }, `${x}×`)));
  const showAll = button(t("replay.showAll"), () => {
    stop();
    seek(span);
  });
  slider.addEventListener("input", () => seek(Number(slider.value)));
  cleanup(() => cancelAnimationFrame(raf));
  draw();
  return h(
    "section",
    { class: "card replay" },
    h("h2", null, t("replay.title")),
    svg,
    h(
      "div",
      { class: "replay-controls" },
      playBtn,
      h("label", { for: "replay-pos", class: "visually-hidden" }, t("replay.position")),
      slider,
      clock,
      h("label", { for: "replay-speed" }, t("replay.speed")),
      speedSel,
      showAll,
    ),
    lines,
  );
}

function segDuration(sg: Segment): number {
  if (sg.end_ms > sg.start_ms) return sg.end_ms - sg.start_ms;
  return Math.min(8000, 300 + sg.text.length * 60);
}

function mmss(msv: number): string {
  const sec = Math.max(0, Math.round(msv / 1000));
  return `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, "0")}`;
}

export function notesList(model: InterviewModel, cleanup: (fn: () => void) => void): HTMLElement {
  const ul = h("ul", { class: "notes", "data-testid": "notes" });
  const render = () => {
    const notes = [...model.notes.values()].sort((a, b) => a.atMs - b.atMs);
    replace(ul, notes.length ? notes.map((n) => h("li", null, h("span", { class: "muted" }, formatDate(n.atMs, true)), " ", n.author_name ? h("strong", null, `${n.author_name}: `) : null, n.text)) : h("li", { class: "muted" }, t("notes.none")));
  };
  cleanup(model.onChange(render));
  render();
  return ul;
}

export function scoreText(v: number | null | undefined): string {
  return typeof v === "number" ? formatNumber(v, 1) : "–";
}
