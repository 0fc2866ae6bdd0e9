// Browser client for the hub protocol (docs/hub-protocol.md): one WebSocket
// at /ws, the access token in the first frame (never in the URL),
// subscriptions resumed with `since` after a reconnect so nothing is missed,
// and an honest connection state for the UI. When the hub says a gap could
// not be filled (recovered:false) the subscriber is told to reload from REST.

export interface StreamPosition {
  epoch: string;
  offset: number;
}

export interface ClientInfo {
  client: string;
  user: string;
  role?: string;
  since?: string;
}

interface Frame {
  op: string;
  id?: number;
  token?: string;
  channel?: string;
  since?: StreamPosition;
  key?: string;
  data?: unknown;
  epoch?: string;
  offset?: number;
  recovered?: boolean;
  code?: string;
  message?: string;
  client?: string;
  user?: string;
  event?: string;
  who?: ClientInfo;
  clients?: ClientInfo[];
  ping?: number;
  expires_at?: number;
  reconnect?: boolean;
  retry_ms?: number;
}

/** Close codes of the hub (hub/protocol.go). */
export const Close = {
  Normal: 1000,
  GoingAway: 1001,
  UnsupportedData: 1003,
  MessageTooBig: 1009,
  BadRequest: 4000,
  Unauthorized: 4001,
  TokenExpired: 4002,
  SlowConsumer: 4003,
  NoPong: 4004,
  ConnectionLimit: 4005,
  ForceDisconnect: 4006,
} as const;

export type HubState = "idle" | "connecting" | "connected" | "reconnecting" | "closed";

export interface SubscribedEvent {
  position: StreamPosition;
  /** false: messages since the last position are gone; reload state from REST. */
  recovered: boolean;
  /** true after a reconnect or a server-side reset. */
  resubscribed: boolean;
}

export interface SubscribeOptions {
  since?: StreamPosition;
  /**
   * fromStart asks for the channel's whole retained history (a position no
   * epoch matches), e.g. every progress stage of an analysis already under
   * way. The hub answers recovered:false and replays what it kept.
   */
  fromStart?: boolean;
  onMessage: (data: unknown, pos: StreamPosition) => void;
  onSubscribed?: (e: SubscribedEvent) => void;
  onPresence?: (event: "joined" | "left", who: ClientInfo) => void;
  /** The hub refused or ended the subscription (forbidden, revoked, …). */
  onError?: (code: string, message: string) => void;
}

export interface Subscription {
  readonly channel: string;
  unsubscribe(): void;
  presence(): Promise<ClientInfo[]>;
}

export interface HubOptions {
  /** Returns an access token; force asks for a newly refreshed one. */
  token: (force: boolean) => Promise<string>;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Called when the hub refused the token for good (sign in again). */
  onAuthFailed?: () => void;
  log?: (msg: string, extra?: unknown) => void;
}

interface SubState {
  channel: string;
  opts: SubscribeOptions;
  pos?: StreamPosition;
  established: boolean;
  everEstablished: boolean;
  closed: boolean;
}

interface Pending {
  resolve: (f: Frame) => void;
}

export class HubClient {
  private ws: WebSocket | null = null;
  private state_: HubState = "idle";
  private stateListeners = new Set<(s: HubState, detail?: string) => void>();
  private subs = new Map<string, SubState>();
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private attempt = 0;
  private retryHintMs = 0;
  private authRetried = false;
  private reconnectTimer: number | undefined;
  private watchdog: number | undefined;
  private refreshTimer: number | undefined;
  private silenceMs = 60_000;
  private stopped = false;
  private readonly minBackoff: number;
  private readonly maxBackoff: number;

  constructor(private readonly url: string, private readonly opts: HubOptions) {
    this.minBackoff = opts.minBackoffMs ?? 500;
    this.maxBackoff = opts.maxBackoffMs ?? 20_000;
    window.addEventListener("online", this.onOnline);
  }

  get state(): HubState {
    return this.state_;
  }

  onState(fn: (s: HubState, detail?: string) => void): () => void {
    this.stateListeners.add(fn);
    fn(this.state_);
    return () => this.stateListeners.delete(fn);
  }

  /** start connects if not already connected or connecting. */
  start(): void {
    this.stopped = false;
    if (this.ws || this.reconnectTimer !== undefined) return;
    this.open();
  }

  /** stop closes the connection and forgets every subscription. */
  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.clearTimers();
    for (const s of this.subs.values()) s.closed = true;
    this.subs.clear();
    this.failPending("closed");
    const ws = this.ws;
    this.ws = null;
    if (ws) ws.close(Close.Normal, "");
    this.setState("closed");
  }

  subscribe(channel: string, opts: SubscribeOptions): Subscription {
    const existing = this.subs.get(channel);
    if (existing) throw new Error(`already subscribed to ${channel}`);
    const since = opts.since ?? (opts.fromStart ? { epoch: "", offset: 0 } : undefined);
    const st: SubState = { channel, opts, pos: since, established: false, everEstablished: false, closed: false };
    this.subs.set(channel, st);
    this.start();
    if (this.state_ === "connected") this.sendSubscribe(st);
    return {
      channel,
      unsubscribe: () => this.unsubscribe(st),
      presence: () => this.presence(channel),
    };
  }

  async publish(channel: string, data: unknown): Promise<StreamPosition> {
    const f = await this.request({ op: "publish", channel, data });
    return { epoch: f.epoch ?? "", offset: f.offset ?? 0 };
  }

  async presence(channel: string): Promise<ClientInfo[]> {
    const f = await this.request({ op: "presence", channel });
    return f.clients ?? [];
  }

  private unsubscribe(st: SubState): void {
    if (st.closed) return;
    st.closed = true;
    if (this.subs.get(st.channel) === st) this.subs.delete(st.channel);
    if (this.state_ === "connected" && st.established) {
      this.request({ op: "unsubscribe", channel: st.channel }).catch(() => undefined);
    }
  }

  private request(f: Frame): Promise<Frame> {
    return new Promise((resolve, reject) => {
      if (this.state_ !== "connected" || !this.ws) {
        reject(new HubError("disconnected", "not connected to the live server"));
        return;
      }
      const id = ++this.nextId;
      this.pending.set(id, {
        resolve: (r) => (r.op === "error" ? reject(new HubError(r.code ?? "error", r.message ?? "")) : resolve(r)),
      });
      this.send({ ...f, id });
    });
  }

  private open(): void {
    window.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.setState(this.attempt === 0 && !this.hadSession() ? "connecting" : "reconnecting");
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => void this.sendConnect(ws);
    ws.onmessage = (e) => {
      if (this.ws !== ws) return;
      this.armWatchdog();
      const text = typeof e.data === "string" ? e.data : "";
      for (const line of text.split("\n")) {
        if (!line) continue;
        let f: Frame;
        try {
          f = JSON.parse(line) as Frame;
        } catch {
          this.opts.log?.("hub: bad frame", line.slice(0, 200));
          continue;
        }
        this.dispatch(f);
      }
    };
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      this.onClosed(e.code, e.reason);
    };
    // Errors are followed by close events; nothing to do here.
    ws.onerror = () => undefined;
  }

  private hadSession(): boolean {
    for (const s of this.subs.values()) if (s.everEstablished) return true;
    return this.state_ === "reconnecting";
  }

  private async sendConnect(ws: WebSocket): Promise<void> {
    let token: string;
    try {
      token = await this.opts.token(false);
    } catch {
      this.giveUp("auth");
      return;
    }
    if (this.ws !== ws || ws.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify({ op: "connect", id: 1, token }));
  }

  private dispatch(f: Frame): void {
    switch (f.op) {
      case "connected":
        this.onConnected(f);
        return;
      case "ping":
        this.send({ op: "pong" });
        return;
      case "message":
        this.onMessage(f);
        return;
      case "disconnect":
        if (f.retry_ms) this.retryHintMs = f.retry_ms;
        if (f.reconnect === false) this.stopped = true;
        return;
      case "refreshed":
        if (f.expires_at) this.scheduleRefresh(f.expires_at);
        break;
    }
    if (f.id && f.id !== 1) {
      const p = this.pending.get(f.id);
      this.pending.delete(f.id);
      if (p) p.resolve(f);
      return;
    }
    if (f.op === "error" && f.id === 1) {
      // Connect refused; the close frame that follows decides what next.
      this.opts.log?.("hub: connect refused", f.code);
      return;
    }
    const st = f.channel ? this.subs.get(f.channel) : undefined;
    if (!st) return;
    switch (f.op) {
      case "subscribed": // unsolicited: the hub reset this subscription
        this.established(st, f, true);
        break;
      case "unsubscribed":
        st.established = false;
        if (f.code) {
          this.subs.delete(st.channel);
          st.closed = true;
          st.opts.onError?.(f.code, f.message ?? "");
        }
        break;
      case "presence":
        if (f.who && (f.event === "joined" || f.event === "left")) st.opts.onPresence?.(f.event, f.who);
        break;
    }
  }

  private onConnected(f: Frame): void {
    this.attempt = 0;
    this.authRetried = false;
    this.silenceMs = 2 * (f.ping ?? 25) * 1000 + 5000;
    this.armWatchdog();
    if (f.expires_at) this.scheduleRefresh(f.expires_at);
    this.setState("connected");
    for (const st of this.subs.values()) this.sendSubscribe(st);
  }

  private sendSubscribe(st: SubState): void {
    const frame: Frame = { op: "subscribe", channel: st.channel };
    if (st.pos) frame.since = st.pos;
    const id = ++this.nextId;
    this.pending.set(id, {
      resolve: (r) => {
        if (st.closed) return;
        if (r.op === "error") {
          if (r.code === "disconnected") return; // resent after reconnecting
          if (r.code === "already_subscribed") return;
          this.subs.delete(st.channel);
          st.closed = true;
          st.opts.onError?.(r.code ?? "error", r.message ?? "");
          return;
        }
        this.established(st, r, st.everEstablished);
      },
    });
    this.send({ ...frame, id });
  }

  private established(st: SubState, f: Frame, resubscribed: boolean): void {
    const position = { epoch: f.epoch ?? "", offset: f.offset ?? 0 };
    // Without `since` there is nothing to recover; with it, trust the hub.
    const recovered = st.pos === undefined ? true : f.recovered !== false;
    // Not recovered: the hub follows with what history it still has (from
    // older offsets), so accept whatever comes next. Fresh: start at the top.
    if (!recovered) st.pos = undefined;
    else if (!st.pos) st.pos = position;
    st.established = true;
    st.everEstablished = true;
    st.opts.onSubscribed?.({ position, recovered, resubscribed });
  }

  private onMessage(f: Frame): void {
    const st = f.channel ? this.subs.get(f.channel) : undefined;
    if (!st || st.closed) return;
    const pos = { epoch: f.epoch ?? "", offset: f.offset ?? 0 };
    if (st.pos && st.pos.epoch === pos.epoch && pos.offset <= st.pos.offset) return; // duplicate after recovery
    st.pos = pos;
    try {
      st.opts.onMessage(f.data, pos);
    } catch (err) {
      this.opts.log?.("hub: subscriber failed", err);
    }
  }

  private onClosed(code: number, reason: string): void {
    this.ws = null;
    this.clearTimers();
    this.failPending("disconnected");
    for (const st of this.subs.values()) st.established = false;
    if (this.stopped) {
      this.setState("closed", reason);
      return;
    }
    switch (code) {
      case Close.ForceDisconnect:
        this.giveUp("ended");
        return;
      case Close.BadRequest:
      case Close.UnsupportedData:
      case Close.MessageTooBig:
        this.giveUp("protocol");
        return;
      case Close.Unauthorized:
      case Close.TokenExpired:
        void this.reauthenticate(code);
        return;
      case Close.ConnectionLimit:
        this.attempt = Math.max(this.attempt, 4);
        break;
    }
    this.scheduleReconnect();
  }

  /** After a refused or expired token: one reconnect with a refreshed token. */
  private async reauthenticate(code: number): Promise<void> {
    if (code === Close.Unauthorized && this.authRetried) {
      this.giveUp("auth");
      return;
    }
    this.authRetried = true;
    this.setState("reconnecting");
    try {
      await this.opts.token(true);
    } catch {
      this.giveUp("auth");
      return;
    }
    if (!this.stopped) this.open();
  }

  private giveUp(why: "auth" | "ended" | "protocol"): void {
    this.stopped = true;
    this.ws?.close(Close.Normal, "");
    this.ws = null;
    this.setState("closed", why);
    if (why === "auth") this.opts.onAuthFailed?.();
  }

  private scheduleReconnect(): void {
    this.setState("reconnecting");
    const base = Math.min(this.maxBackoff, this.minBackoff * 2 ** Math.min(this.attempt, 16));
    const delay = Math.max(base / 2 + Math.random() * (base / 2), this.retryHintMs);
    this.retryHintMs = 0;
    this.attempt++;
    this.reconnectTimer = window.setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.stopped) this.open();
    }, delay);
  }

  private onOnline = (): void => {
    // The network is back: do not sit out the rest of a long back-off.
    if (this.reconnectTimer !== undefined && !this.stopped) {
      window.clearTimeout(this.reconnectTimer);
      this.reconnectTimer = undefined;
      this.open();
    }
  };

  private armWatchdog(): void {
    window.clearTimeout(this.watchdog);
    const ws = this.ws;
    // The hub pings every `ping` seconds: a longer silence means a dead link.
    this.watchdog = window.setTimeout(() => {
      if (this.ws === ws && ws) {
        ws.close(Close.Normal, "silence");
        this.onClosed(Close.NoPong, "silence");
      }
    }, this.silenceMs);
  }

  private scheduleRefresh(expiresAtSec: number): void {
    window.clearTimeout(this.refreshTimer);
    const left = expiresAtSec * 1000 - Date.now();
    const delay = Math.max(left - Math.min(60_000, left / 5), 1000);
    this.refreshTimer = window.setTimeout(async () => {
      try {
        const token = await this.opts.token(true);
        await this.request({ op: "refresh", token });
      } catch (err) {
        this.opts.log?.("hub: token refresh failed", err);
      }
    }, delay);
  }

  private clearTimers(): void {
    window.clearTimeout(this.watchdog);
    window.clearTimeout(this.refreshTimer);
  }

  private failPending(code: string): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.resolve({ op: "error", code, message: "connection lost" });
  }

  private send(f: Frame): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(f));
  }

  private setState(s: HubState, detail?: string): void {
    if (s === this.state_ && detail === undefined) return;
    this.state_ = s;
    for (const fn of this.stateListeners) fn(s, detail);
  }
}

export class HubError extends Error {
  constructor(readonly code: string, message: string) {
    super(message || code);
  }
}

export function hubURL(): string {
  const proto = location.protocol === "https:" ? "wss:" : "ws:";
  return `${proto}//${location.host}/ws`;
}
