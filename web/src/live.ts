// The live model of one interview: state, transcript, notes, events and
// report, fed by GET /api/interviews/{id} and by messages on interview:<id>.
// Both sources can carry the same item (a reconnect replays history, a
// reload refetches); items are keyed so each appears once.
import type { InterviewDetail, InterviewNote, InterviewReport, TranscriptSegment } from "./types";

export const TERMINAL = new Set(["completed", "terminated", "failed", "abandoned"]);

export interface TimedEvent {
  key: string;
  kind: "state" | "note" | "event";
  at: number; // ms since epoch
  label: string;
}

export interface Segment extends TranscriptSegment {
  key: string;
  atMs: number; // ms since epoch when known, else arrival time
}

type Msg = Record<string, unknown>;

export class InterviewModel {
  state = "";
  report: InterviewReport | null = null;
  detail: InterviewDetail | null = null;
  readonly segments = new Map<string, Segment>();
  readonly notes = new Map<string, InterviewNote & { key: string; atMs: number }>();
  readonly events = new Map<string, TimedEvent>();
  startedAt = 0;
  private listeners = new Set<() => void>();

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }

  /** load replaces what REST knows (state, transcript, notes, report). */
  load(d: InterviewDetail): void {
    this.detail = d;
    if (d.state) this.state = d.state;
    if (d.report) this.report = d.report;
    this.startedAt = ms(d.started_at) || ms(d.created_at) || this.startedAt;
    for (const s of d.transcript ?? []) this.addSegment(s);
    for (const n of d.notes ?? []) this.addNote(n);
    for (const e of d.events ?? []) {
      const state = (e.state ?? (e.data as Msg | undefined)?.state ?? (e.type === "state" ? (e as Msg).to : undefined)) as string | undefined;
      const at = ms(e.at ?? e.created_at);
      const label = state ?? String(e.type ?? "event");
      this.events.set(`ev:${label}:${at}`, { key: `ev:${label}:${at}`, kind: state ? "state" : "event", at, label });
    }
    this.emit();
  }

  /** apply handles one hub message; unknown kinds are kept as events. */
  apply(raw: unknown): void {
    if (!raw || typeof raw !== "object") return;
    const m = raw as Msg;
    const kind = String(m.type ?? m.kind ?? "");
    const body = (m.data && typeof m.data === "object" ? m.data : m) as Msg;
    switch (kind) {
      case "state":
      case "state_changed":
      case "status": {
        const st = String(body.state ?? body.to ?? body.status ?? "");
        if (st) {
          this.state = st;
          const at = ms(body.at as string) || Date.now();
          if (st === "in_progress" && !this.startedAt) this.startedAt = at;
          this.events.set(`ev:${st}:${at}`, { key: `ev:${st}:${at}`, kind: "state", at, label: st });
        }
        break;
      }
      case "transcript":
      case "transcript_segment":
      case "segment":
        this.addSegment((body.segment ?? body) as TranscriptSegment);
        break;
      case "note":
      case "note_added":
        this.addNote((body.note ?? body) as InterviewNote);
        break;
      case "report":
      case "report_saved":
        this.report = (body.report ?? body) as InterviewReport;
        break;
      default: {
        if (!kind) return;
        const at = ms(body.at as string) || Date.now();
        this.events.set(`ev:${kind}:${at}`, { key: `ev:${kind}:${at}`, kind: "event", at, label: kind });
      }
    }
    this.emit();
  }

  private addSegment(s: TranscriptSegment): void {
    if (!s || typeof s.text !== "string") return;
    const key = s.id !== undefined ? `id:${s.id}` : s.seq !== undefined ? `seq:${s.seq}` : `t:${s.speaker}:${s.start}:${s.text}`;
    const prev = this.segments.get(key);
    // A final segment is never replaced by a partial one re-sent later.
    if (prev?.final && !s.final) return;
    const atMs = ms(s.at) || (typeof s.start === "number" && this.startedAt ? this.startedAt + secondsOrMs(s.start) : 0) || prev?.atMs || Date.now();
    this.segments.set(key, { ...s, key, atMs });
  }

  private addNote(n: InterviewNote): void {
    if (!n || typeof n.text !== "string") return;
    const atMs = ms(n.created_at) || ms(typeof n.at === "string" ? n.at : undefined) || (typeof n.offset_ms === "number" && this.startedAt ? this.startedAt + n.offset_ms : 0) || Date.now();
    const key = n.id !== undefined ? `id:${n.id}` : `n:${n.text}:${atMs}`;
    this.notes.set(key, { ...n, key, atMs });
  }

  /** transcript returns the segments in order. */
  transcript(): Segment[] {
    return [...this.segments.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || a.atMs - b.atMs);
  }

  get live(): boolean {
    return this.state !== "" && !TERMINAL.has(this.state);
  }
}

function ms(v: string | number | undefined | null): number {
  if (v === undefined || v === null || v === "") return 0;
  if (typeof v === "number") return v > 1e12 ? v : v * 1000;
  const d = Date.parse(v);
  return Number.isNaN(d) ? 0 : d;
}

/** Segment start/end may be seconds (float) or milliseconds. */
function secondsOrMs(v: number): number {
  return v > 100_000 ? v : v * 1000;
}
