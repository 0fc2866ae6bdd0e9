// The live model of one interview: state, transcript, notes, timeline and
// report, fed by GET /api/interviews/{id} and by the messages on
// interview:<id> (docs/hub-protocol.md). Both sources can carry the same
// item (a reconnect replays history, a reload refetches), so items are keyed
// by what the server keys them by: segments by seq, notes by id, timeline
// entries by event id.
import type { InterviewDetail, InterviewNote, InterviewReport, TranscriptSegment } from "./types";

export const TERMINAL = new Set(["completed", "terminated", "failed", "abandoned", "deleted"]);

export interface TimedEvent {
  key: string;
  kind: "state" | "event";
  at: number; // ms since epoch
  label: string;
}

export interface Segment extends TranscriptSegment {
  key: string;
  atMs: number; // start of the segment, ms since epoch
}

export interface Note extends InterviewNote {
  key: string;
  atMs: number;
}

type Msg = Record<string, unknown>;

/** NoteResolver reads one note by id (GET /api/interviews/{id}/notes/{note_id}); null when it is gone. */
export type NoteResolver = (noteId: string) => Promise<InterviewNote | null>;

export class InterviewModel {
  state = "";
  report: InterviewReport | null = null;
  detail: InterviewDetail | null = null;
  /** What the agent is doing now: "speaking", "listening" or "". */
  agent = "";
  readonly segments = new Map<number, Segment>();
  readonly notes = new Map<string, Note>();
  readonly events = new Map<string, TimedEvent>();
  startedAt = 0;
  private listeners = new Set<() => void>();

  /** resolveNote reads the notes the channel names by id only. */
  constructor(private readonly resolveNote?: NoteResolver) {}

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }

  /** load merges what REST knows: the whole timeline. */
  load(d: InterviewDetail): void {
    this.detail = d;
    this.state = d.state;
    if (d.report) this.report = d.report;
    this.startedAt = ms(d.started_at) || this.startedAt || ms(d.created_at);
    for (const s of d.transcript) this.addSegment(s);
    for (const n of d.notes) this.addNote(n);
    for (const e of d.events) this.addEvent(e.id, e.type, e.data ?? {}, ms(e.at));
    this.emit();
  }

  /** apply handles one message of interview:<id>. */
  apply(raw: unknown): void {
    if (!raw || typeof raw !== "object") return;
    const m = raw as Msg;
    const type = typeof m.type === "string" ? m.type : "";
    const at = ms(m.at as string) || Date.now();
    switch (type) {
      case "state": {
        const st = String(m.state ?? m.to ?? "");
        if (!st) return;
        this.state = st;
        if (st === "in_progress" && !this.startedAt) this.startedAt = at;
        if (TERMINAL.has(st)) this.agent = "";
        break;
      }
      case "transcript":
        this.addSegment(m as unknown as TranscriptSegment);
        break;
      case "note": {
        const noteId = String(m.note_id ?? "");
        if (typeof m.text === "string") {
          // The page's own note, applied as the API returned it.
          this.addNote({
            id: noteId,
            author_id: String(m.author_id ?? ""),
            author_name: String(m.author_name ?? ""),
            text: m.text,
            offset_ms: Number(m.offset_ms ?? 0),
            created_at: typeof m.at === "string" ? m.at : "",
          });
        } else if (noteId && this.resolveNote && !this.notes.has(`note:${noteId}`)) {
          // The channel names notes by id only (so its history holds no
          // author or text once an account is erased): read it by REST.
          void this.resolveNote(noteId).then((n) => {
            if (!n) return;
            this.addNote(n);
            this.emit();
          });
        }
        break;
      }
      case "report":
        this.report = m as unknown as InterviewReport;
        break;
      case "agent": {
        const ev = String(m.event ?? "");
        // speaking/listening are relayed, not stored: they only drive the indicator.
        if (ev === "speaking" || ev === "listening") {
          this.agent = ev;
          this.emit();
          return;
        }
        break;
      }
      case "":
        return;
    }
    if (type !== "transcript") this.addEvent(Number(m.event_id ?? 0), type, m, at);
    this.emit();
  }

  private addEvent(id: number, type: string, data: Msg, at: number): void {
    if (type === "transcript" || type === "note") return; // shown as lines and notes
    const state = type === "state" ? String(data.state ?? data.to ?? "") : "";
    let label = state || type;
    if (type === "agent" && data.event) label = `agent:${String(data.event)}`;
    if (type === "reviewer" && data.action) label = `reviewer:${String(data.action)}`;
    if (type === "room" && data.event) label = `room:${String(data.event)}${data.who ? `:${String(data.who)}` : ""}`;
    const key = id > 0 ? `ev:${id}` : `ev:${label}:${at}`;
    this.events.set(key, { key, kind: state ? "state" : "event", at, label });
  }

  private addSegment(s: TranscriptSegment): void {
    if (!s || typeof s.text !== "string" || typeof s.seq !== "number") return;
    const prev = this.segments.get(s.seq);
    // A final segment is never replaced by a partial one seen later.
    if (prev?.final && !s.final) return;
    const atMs = this.startedAt && typeof s.start_ms === "number" ? this.startedAt + s.start_ms : prev?.atMs || Date.now();
    this.segments.set(s.seq, { ...s, key: `seg:${s.seq}`, atMs });
  }

  private addNote(n: InterviewNote): void {
    if (!n || typeof n.text !== "string") return;
    const atMs = this.startedAt && n.offset_ms > 0 ? this.startedAt + n.offset_ms : ms(n.created_at) || Date.now();
    const key = n.id ? `note:${n.id}` : `note:${n.text}:${atMs}`;
    this.notes.set(key, { ...n, key, atMs });
  }

  /** transcript returns the segments in order. */
  transcript(): Segment[] {
    return [...this.segments.values()].sort((a, b) => a.seq - b.seq);
  }

  get live(): boolean {
    return this.state !== "" && !TERMINAL.has(this.state);
  }
}

function ms(v: string | null | undefined): number {
  if (!v) return 0;
  const d = Date.parse(v);
  return Number.isNaN(d) ? 0 : d;
}
