// Interview setup (CV, job, language) and the interview room: LiveKit audio
// with a microphone level and an agent-speaking indicator, the live
// transcript and state from interview:<id>, an end button, and the report.
import { list } from "../api";
import type { App } from "../app";
import { h, replace } from "../dom";
import { lang, t } from "../i18n";
import { InterviewModel, TERMINAL } from "../live";
import { go, type PageCtx } from "../router";
import type { AnalysisRecord, StartSession } from "../types";
import { alertBox, announce, button, card, errorText, field, input, loading, pageHeader } from "../ui";
import { pickedJob } from "./jobs";
import { reportView, stateBadge, transcriptView } from "./views";

const JOIN_KEY = "uh.join.";

interface Join {
  url: string;
  token: string;
  room: string;
}

export function setupPage(app: App) {
  return (ctx: PageCtx): Node => {
    const job = pickedJob();
    const user = app.session.user;
    const cvSelect = h("select", { name: "cv" }, h("option", { value: "" }, t("setup.loadingCvs")));
    const cvFile = h("input", { type: "file", accept: ".pdf,.doc,.docx,.odt,.rtf,.txt", name: "cv_file" });
    const title = input({ name: "job_title", required: true, value: job?.title ?? "", maxlength: "200" });
    const desc = h("textarea", { name: "job_description", rows: "6", maxlength: "65536" });
    desc.value = job?.description ?? "";
    const language = h(
      "fieldset",
      { class: "checks" },
      h("legend", null, t("setup.language")),
      (["en", "fr"] as const).map((l) => h("label", { class: "check" }, h("input", { type: "radio", name: "language", value: l, checked: l === lang() }), l === "en" ? "English" : "Français")),
    );
    const reviewers = input({ name: "reviewers", type: "text", autocomplete: "off", maxlength: "2000", placeholder: "ana@example.com, li@example.com" });
    // A pre-fill is only ever the job picked on the Jobs page, and the form
    // says so; otherwise it starts empty.
    const prefill = h("div", { "data-testid": "prefill" });
    if (job?.title) {
      const clear = button(t("setup.clearPrefill"), () => {
        title.value = "";
        desc.value = "";
        prefill.replaceChildren();
        title.focus();
      }, { class: "btn btn-small" });
      prefill.append(alertBox("info", t("setup.prefilled", { title: job.title })), clear);
    }
    const status = h("div", { class: "form-status" });
    const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("setup.start"));
    const form = h(
      "form",
      { class: "form", novalidate: true },
      prefill,
      field(t("setup.cv"), cvSelect, t("setup.cvHint")),
      field(t("setup.cvUpload"), cvFile),
      field(t("setup.jobTitle"), title),
      field(t("setup.jobDescription"), desc),
      language,
      field(t("setup.reviewers"), reviewers, t("setup.reviewersHint")),
      status,
      submit,
    );
    app.api.analyses(ctx.signal).then(
      (r) => {
        const done = list<AnalysisRecord>(r, "analyses").filter((a) => a.status === "done");
        replace(
          cvSelect,
          h("option", { value: "" }, done.length ? t("setup.pickCv") : t("setup.noCvs")),
          done.map((a) => {
            const name = (a.file_info as { filename?: string } | undefined)?.filename ?? String(a.id);
            return h("option", { value: name, dataset: { analysis: String(a.id) } }, name);
          }),
        );
        if (done.length) cvSelect.selectedIndex = 1;
      },
      () => replace(cvSelect, h("option", { value: "" }, t("setup.noCvs"))),
    );
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      if (!title.value.trim()) {
        replace(status, alertBox("error", t("setup.titleRequired")));
        return;
      }
      submit.disabled = true;
      replace(status, loading(t("setup.starting")));
      try {
        let cvName = cvSelect.value;
        const analysisId = cvSelect.selectedOptions[0]?.dataset.analysis;
        const f = cvFile.files?.[0];
        if (f) {
          const fd = new FormData();
          fd.append("cv", f, f.name);
          cvName = (await app.api.uploadCV(fd)).filename;
        }
        if (!cvName) throw new Error(t("setup.cvRequired"));
        const picked = (form.querySelector<HTMLInputElement>("input[name=language]:checked")?.value ?? "en") as "en" | "fr";
        const res: StartSession = await app.api.startSession({
          cv_filename: cvName,
          ...(analysisId && !f ? { analysis_id: analysisId } : {}),
          job_description: desc.value,
          job_title: title.value.trim(),
          candidate_email: user?.email ?? "",
          candidate_name: user?.name ?? "",
          language: picked,
        });
        const id = res.interview_id;
        sessionStorage.setItem(JOIN_KEY + id, JSON.stringify({ url: res.url, token: res.token, room: res.room } satisfies Join));
        // Reviewers are invited before the interview starts (the
        // interviewer has not joined yet), so they can follow it from its
        // first word. A refused address does not stop the interview.
        const failed: string[] = [];
        for (const email of reviewers.value.split(/[,;\s]+/).map((e) => e.trim()).filter(Boolean)) {
          try {
            await app.api.inviteReviewer(id, email);
          } catch (err) {
            failed.push(t("setup.reviewerFailed", { email, error: errorText(err) }));
          }
        }
        if (failed.length) {
          replace(status, alertBox("warning", failed.join(" ")), h("a", { class: "btn btn-primary", href: `#/interviews/${encodeURIComponent(id)}/room` }, t("room.title")));
          return;
        }
        go(`/interviews/${encodeURIComponent(id)}/room`);
      } catch (err) {
        replace(status, alertBox("error", errorText(err)));
        submit.disabled = false;
      }
    });
    return h("div", null, pageHeader(t("setup.title")), card(null, h("p", { class: "muted" }, t("setup.intro")), form));
  };
}

/** MicMeter measures the local microphone's level with an AnalyserNode. */
class MicMeter {
  readonly el = h("meter", { min: "0", max: "1", low: "0.05", high: "0.6", optimum: "0.3", value: "0", class: "mic-meter", id: "mic-level" });
  private ctx: AudioContext | null = null;
  private raf = 0;

  attach(track: MediaStreamTrack): void {
    this.detach();
    this.ctx = new AudioContext();
    const src = this.ctx.createMediaStreamSource(new MediaStream([track]));
    const an = this.ctx.createAnalyser();
    an.fftSize = 512;
    src.connect(an);
    const buf = new Float32Array(an.fftSize);
    const loop = () => {
      an.getFloatTimeDomainData(buf);
      let sum = 0;
      for (const v of buf) sum += v * v;
      // RMS on a rough perceptual curve so normal speech fills the meter.
      this.el.value = Math.min(1, Math.sqrt(Math.sqrt(sum / buf.length)) * 1.4);
      this.raf = requestAnimationFrame(loop);
    };
    loop();
  }

  detach(): void {
    cancelAnimationFrame(this.raf);
    void this.ctx?.close();
    this.ctx = null;
    this.el.value = 0;
  }
}

export function roomPage(app: App) {
  return (ctx: PageCtx): Node => {
    const id = ctx.params.id ?? "";
    // Notes arrive by id; one gone (erased with its author) is skipped.
    const model = new InterviewModel((noteId) => app.api.note(id, noteId, ctx.signal).catch(() => null));
    const stateSlot = h("span");
    const agentInd = h("p", { class: "agent-speaking", "aria-live": "polite", "data-testid": "agent-speaking" }, t("room.agentQuiet"));
    const connStatus = h("p", { class: "muted", role: "status" }, t("room.notJoined"));
    const meter = new MicMeter();
    const audioBox = h("div", { class: "visually-hidden" });
    const reportSlot = h("div");
    const joinBtn = button(t("room.join"), () => void join(), { class: "btn btn-primary", "data-testid": "join" });
    const muteBtn = button(t("room.mute"), () => void toggleMute(), { disabled: true, "aria-pressed": "false" });
    const endBtn = button(t("room.end"), () => void end(), { class: "btn btn-danger", disabled: true, "data-testid": "end" });
    const inviteEmail = input({ type: "email", name: "reviewer", autocomplete: "off" });
    const inviteStatus = h("div");
    const inviteForm = h("form", { class: "form inline", novalidate: true }, field(t("room.inviteLabel"), inviteEmail), h("button", { type: "submit", class: "btn" }, t("room.invite")), inviteStatus);
    inviteForm.addEventListener("submit", async (e) => {
      e.preventDefault();
      try {
        await app.api.inviteReviewer(id, inviteEmail.value.trim());
        replace(inviteStatus, alertBox("success", t("room.invited", { email: inviteEmail.value.trim() })));
        inviteEmail.value = "";
      } catch (err) {
        replace(inviteStatus, alertBox("error", errorText(err)));
      }
    });
    let room: import("livekit-client").Room | null = null;
    const setAgent = (on: boolean) => {
      agentInd.classList.toggle("agent-on", on);
      agentInd.textContent = on ? t("room.agentSpeaking") : t("room.agentQuiet");
    };
    let muted = false;
    let over = false;
    let endRequested = false;
    let poll = 0;
    ctx.cleanup(() => window.clearTimeout(poll));
    // leave stops the microphone and leaves the room once the interview is
    // over: nothing the candidate says any more goes anywhere.
    const leave = () => {
      meter.detach();
      meter.el.dataset.mic = "off";
      muteBtn.disabled = true;
      endBtn.disabled = true;
      joinBtn.disabled = true;
      const r = room;
      room = null;
      if (r) {
        void r.localParticipant.setMicrophoneEnabled(false).catch(() => undefined);
        void r.disconnect();
      }
      sessionStorage.removeItem(JOIN_KEY + id);
      replace(connStatus, h("span", { "data-testid": "room-over" }, t("room.over")));
    };
    // A report follows every interview that started: the agent's, or the
    // server's when the agent was cut off. Until it arrives, say so.
    const expectReport = () =>
      model.state === "completed" || model.state === "terminated" || endRequested || Boolean(model.detail?.started_at) || model.transcript().length > 0;
    const renderState = () => {
      replace(stateSlot, stateBadge(model.state));
      // The agent says when it speaks on the channel; LiveKit's active
      // speakers say it too once the audio flows.
      if (model.agent) setAgent(model.agent === "speaking");
      if (!TERMINAL.has(model.state)) return;
      if (!over) {
        over = true;
        leave();
        setAgent(false);
        void refresh(); // the end reason and a report that may already be stored
      }
      const why = model.detail?.end_reason?.message;
      const reason =
        model.state === "failed" || model.state === "abandoned"
          ? alertBox("warning", why || t(`room.ended.${model.state}` as "room.ended.failed"))
          : why
            ? h("p", { class: "muted" }, why)
            : null;
      if (model.report) {
        const byServer = model.report.written_by === "server" ? h("p", { class: "muted", "data-testid": "report-by-server" }, t("room.writtenByServer")) : null;
        replace(reportSlot, reason, card(t("report.title"), byServer, reportView(model.report)));
      } else if (expectReport()) {
        replace(reportSlot, reason, h("div", { "data-testid": "report-writing" }, loading(t("room.reportWriting"))));
        // The report comes on the channel; should the feed be down, ask.
        if (!poll) {
          poll = window.setTimeout(() => {
            poll = 0;
            if (!model.report && !ctx.signal.aborted) void refresh();
          }, 5000);
        }
      } else {
        replace(reportSlot, reason);
      }
    };
    ctx.cleanup(model.onChange(renderState));
    const refresh = async () => {
      try {
        model.load(await app.api.interview(id, ctx.signal));
      } catch (err) {
        if (!ctx.signal.aborted) replace(reportSlot, alertBox("error", errorText(err)));
      }
    };
    const sub = app.hub.subscribe(`interview:${id}`, {
      fromStart: true,
      onMessage: (d) => model.apply(d),
      onSubscribed: (e) => {
        if (!e.resubscribed || !e.recovered) void refresh();
      },
      onError: (_code, msg) => replace(reportSlot, alertBox("error", msg || t("room.channelRefused"))),
    });
    ctx.cleanup(() => sub.unsubscribe());

    const join = async () => {
      const raw = sessionStorage.getItem(JOIN_KEY + id);
      if (!raw) {
        replace(connStatus, alertBox("warning", t("room.noJoin")), h("a", { href: "#/interviews/new" }, t("room.newSession")));
        return;
      }
      const creds = JSON.parse(raw) as Join;
      joinBtn.disabled = true;
      replace(connStatus, t("room.connecting"));
      try {
        const lk = await import("livekit-client");
        const r = new lk.Room({ adaptiveStream: true, dynacast: true });
        room = r;
        r.on(lk.RoomEvent.TrackSubscribed, (track) => {
          if (track.kind === lk.Track.Kind.Audio) audioBox.append(track.attach());
        });
        r.on(lk.RoomEvent.TrackUnsubscribed, (track) => track.detach().forEach((el) => el.remove()));
        r.on(lk.RoomEvent.ActiveSpeakersChanged, (speakers) => setAgent(speakers.some((p) => p.identity !== r.localParticipant.identity)));
        r.on(lk.RoomEvent.Reconnecting, () => replace(connStatus, t("room.reconnecting")));
        r.on(lk.RoomEvent.Reconnected, () => replace(connStatus, t("room.connected")));
        r.on(lk.RoomEvent.Disconnected, () => {
          meter.detach();
          if (!over) replace(connStatus, t("room.left"));
          muteBtn.disabled = true;
          endBtn.disabled = true;
        });
        await r.connect(creds.url, creds.token);
        await r.startAudio();
        await r.localParticipant.setMicrophoneEnabled(true);
        const mic = r.localParticipant.getTrackPublication(lk.Track.Source.Microphone)?.track?.mediaStreamTrack;
        if (mic) meter.attach(mic);
        replace(connStatus, t("room.connected"));
        muteBtn.disabled = false;
        endBtn.disabled = false;
      } catch (err) {
        joinBtn.disabled = false;
        replace(connStatus, alertBox("error", t("room.joinFailed", { error: errorText(err) })));
      }
    };
    const toggleMute = async () => {
      if (!room) return;
      muted = !muted;
      await room.localParticipant.setMicrophoneEnabled(!muted);
      muteBtn.textContent = muted ? t("room.unmute") : t("room.mute");
      muteBtn.setAttribute("aria-pressed", String(muted));
    };
    // End interview asks the server to end it: the interviewer closes
    // politely and writes the report on what was said. The microphone stops
    // at once; the room stays open to hear the goodbye until the final state.
    const end = async () => {
      if (!room || !confirm(t("room.endConfirm"))) return;
      endBtn.disabled = true;
      try {
        const res = await app.api.endInterview(id);
        endRequested = true;
        await room?.localParticipant.setMicrophoneEnabled(false);
        meter.detach();
        meter.el.dataset.mic = "off";
        muteBtn.disabled = true;
        announce(t("room.endedByYou"));
        replace(connStatus, t("room.endedByYou"));
        if (TERMINAL.has(res.state)) {
          model.state = res.state;
          renderState();
        } else {
          replace(reportSlot, h("div", { "data-testid": "report-writing" }, loading(t("room.reportWriting"))));
        }
      } catch (err) {
        endBtn.disabled = false;
        replace(reportSlot, alertBox("error", errorText(err)));
      }
    };
    ctx.cleanup(() => {
      meter.detach();
      void room?.disconnect();
    });
    renderState();
    return h(
      "div",
      { class: "room" },
      pageHeader(t("room.title"), h("p", null, t("room.state"), " ", stateSlot)),
      h(
        "div",
        { class: "grid-sidebar" },
        h(
          "div",
          null,
          card(
            t("room.audio"),
            connStatus,
            h("div", { class: "actions" }, joinBtn, muteBtn, endBtn),
            h("div", { class: "field" }, h("label", { for: "mic-level" }, t("room.micLevel")), meter.el),
            agentInd,
            audioBox,
          ),
          card(t("room.inviteTitle"), inviteForm),
        ),
        h("div", null, transcriptView(model, ctx.cleanup), reportSlot),
      ),
    );
  };
}
