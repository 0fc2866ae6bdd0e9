// Reviewer pages: interviews shared with me, and one interview — live
// (state, transcript, who is watching, notes, listen-in audio) or finished
// (report and replay). The owner's interview page is the same view.
import { list } from "../api";
import type { App } from "../app";
import { h, replace } from "../dom";
import type { ClientInfo } from "../hub";
import { formatDate, t } from "../i18n";
import { InterviewModel } from "../live";
import type { PageCtx } from "../router";
import type { InterviewSummary } from "../types";
import { alertBox, announce, button, card, errorText, errorView, field, loading, pageHeader } from "../ui";
import { notesList, replayView, reportView, stateBadge, transcriptView } from "./views";

export function reviewsPage(app: App) {
  return async (ctx: PageCtx): Promise<Node> => {
    const items = list<InterviewSummary>(await app.api.sharedWithMe(ctx.signal), "interviews");
    return h(
      "div",
      null,
      pageHeader(t("reviews.title")),
      items.length
        ? h(
            "table",
            { class: "table", "data-testid": "shared-interviews" },
            h("caption", { class: "visually-hidden" }, t("reviews.title")),
            h("thead", null, h("tr", null, [t("reviews.candidate"), t("reviews.job"), t("reviews.state"), t("reviews.date")].map((c) => h("th", { scope: "col" }, c)))),
            h(
              "tbody",
              null,
              items.map((i) =>
                h(
                  "tr",
                  null,
                  h("td", null, h("a", { href: `#/reviews/${encodeURIComponent(String(i.id))}` }, i.owner_name || i.job_title || i.id)),
                  h("td", null, i.job_title ?? ""),
                  h("td", null, stateBadge(String(i.state ?? ""))),
                  h("td", null, formatDate(i.created_at, true)),
                ),
              ),
            ),
          )
        : h("p", { class: "muted" }, t("reviews.none")),
    );
  };
}

/** interviewPage is the detail view; reviewer adds presence, notes and listen-in. */
export function interviewPage(app: App, reviewer: boolean) {
  return (ctx: PageCtx): Node => {
    const id = ctx.params.id ?? "";
    // Notes arrive by id; one gone (erased with its author) is skipped.
    const model = new InterviewModel((noteId) => app.api.note(id, noteId, ctx.signal).catch(() => null));
    const head = h("div", { class: "interview-head" });
    const body = h("div", null, loading());
    const presence = h("ul", { class: "presence", "data-testid": "presence" });
    const watchers = new Map<string, ClientInfo>();
    const renderPresence = () =>
      replace(
        presence,
        [...watchers.values()].map((w) => h("li", null, h("span", { class: "dot", "aria-hidden": "true" }), presenceName(w, String(app.session.user?.id ?? "")))),
      );
    let mode: "live" | "done" | "" = "";
    const render = () => {
      const d = model.detail;
      replace(
        head,
        h("p", null, [d?.candidate_name, d?.job_title].filter(Boolean).join(" — ")),
        h("p", null, t("room.state"), " ", stateBadge(model.state)),
      );
      const want = model.live ? "live" : model.state ? "done" : "";
      if (want === mode || !want) return;
      mode = want;
      replace(body, want === "live" ? liveView() : doneView());
    };
    const liveView = () =>
      h(
        "div",
        { class: "grid-sidebar" },
        h(
          "div",
          null,
          reviewer ? card(t("presence.title"), presence) : null,
          reviewer ? card(t("listen.title"), listenIn(app, id, ctx)) : null,
          card(t("notes.title"), notesList(model, ctx.cleanup), reviewer ? noteForm(app, id, model) : null),
        ),
        transcriptView(model, ctx.cleanup),
      );
    const doneView = () =>
      h(
        "div",
        null,
        card(t("report.title"), reportView(model.report)),
        replayView(model, ctx.cleanup),
        card(t("notes.title"), notesList(model, ctx.cleanup), reviewer ? noteForm(app, id, model) : null),
      );
    ctx.cleanup(model.onChange(render));
    const refresh = async () => {
      try {
        model.load(await app.api.interview(id, ctx.signal));
      } catch (err) {
        if (!ctx.signal.aborted) replace(body, errorView(err, () => void refresh()));
      }
    };
    const channel = `interview:${id}`;
    const sub = app.hub.subscribe(channel, {
      fromStart: true,
      onMessage: (d) => {
        const wasLive = model.live;
        model.apply(d);
        // The report and final transcript are stored when the interview ends.
        if (wasLive && !model.live) void refresh();
      },
      onSubscribed: async (e) => {
        if (!e.resubscribed || !e.recovered) await refresh();
        try {
          watchers.clear();
          for (const c of await sub.presence()) watchers.set(c.client, c);
          renderPresence();
        } catch {
          // presence is informative only
        }
      },
      onPresence: (ev, who) => {
        if (ev === "joined") watchers.set(who.client, who);
        else watchers.delete(who.client);
        renderPresence();
      },
      onError: (code, msg) => {
        if (code === "revoked") announce(t("reviews.revoked"), "error");
        else if (!model.detail) void refresh();
        console.warn("interview channel", code, msg);
      },
    });
    ctx.cleanup(() => sub.unsubscribe());
    if (app.hub.state === "closed") void refresh();
    return h("div", null, pageHeader(reviewer ? t("reviews.detailTitle") : t("interview.detailTitle"), head), body);
  };
}

/** presenceName says who a watcher is without exposing account ids. */
function presenceName(w: ClientInfo, me: string): string {
  if (w.user === me) return t("presence.you");
  if (w.role === "agent" || w.user.startsWith("claim:")) return t("presence.agent");
  return t("presence.other");
}

function noteForm(app: App, id: string, model: InterviewModel): HTMLElement {
  const text = h("textarea", { name: "note", rows: "3", maxlength: "4000", required: true });
  const status = h("div");
  const form = h("form", { class: "form", novalidate: true }, field(t("notes.label"), text), h("button", { type: "submit", class: "btn" }, t("notes.add")), status);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!text.value.trim()) return;
    try {
      const offset = model.startedAt ? Date.now() - model.startedAt : undefined;
      const note = await app.api.addNote(id, text.value.trim(), offset);
      // The note also arrives on the channel; the model keeps it once.
      model.apply({ type: "note", note_id: note.id, author_id: note.author_id, author_name: note.author_name, text: note.text, offset_ms: note.offset_ms, at: note.created_at });
      text.value = "";
      replace(status);
    } catch (err) {
      replace(status, alertBox("error", errorText(err)));
    }
  });
  return form;
}

/** listenIn joins the room with a hidden, subscribe-only token. */
function listenIn(app: App, id: string, ctx: PageCtx): HTMLElement {
  const status = h("p", { class: "muted", role: "status" }, t("listen.off"));
  const audio = h("div", { class: "visually-hidden" });
  const volume = h("input", { type: "range", min: "0", max: "1", step: "0.05", value: "1", id: "listen-volume" });
  let room: import("livekit-client").Room | null = null;
  const btn = button(t("listen.start"), async () => {
    if (room) {
      await room.disconnect();
      room = null;
      btn.textContent = t("listen.start");
      btn.setAttribute("aria-pressed", "false");
      replace(status, t("listen.off"));
      return;
    }
    btn.disabled = true;
    try {
      const creds = await app.api.listenToken(id);
      const lk = await import("livekit-client");
      const r = new lk.Room();
      r.on(lk.RoomEvent.TrackSubscribed, (track) => {
        if (track.kind !== lk.Track.Kind.Audio) return;
        const el = track.attach() as HTMLAudioElement;
        el.volume = Number(volume.value);
        audio.append(el);
      });
      r.on(lk.RoomEvent.TrackUnsubscribed, (track) => track.detach().forEach((el) => el.remove()));
      await r.connect(creds.url, creds.token);
      await r.startAudio();
      room = r;
      btn.textContent = t("listen.stop");
      btn.setAttribute("aria-pressed", "true");
      replace(status, t("listen.on"));
    } catch (err) {
      replace(status, alertBox("error", errorText(err)));
    } finally {
      btn.disabled = false;
    }
  }, { "aria-pressed": "false", "data-testid": "listen" });
  volume.addEventListener("input", () => audio.querySelectorAll("audio").forEach((a) => (a.volume = Number(volume.value))));
  ctx.cleanup(() => void room?.disconnect());
  return h("div", null, status, btn, h("div", { class: "field" }, h("label", { for: "listen-volume" }, t("listen.volume")), volume), audio);
}
