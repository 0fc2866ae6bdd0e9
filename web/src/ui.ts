// Small shared components. Every form control has a visible label; errors
// are announced (role=alert) and linked with aria-describedby.
import { ApiError } from "./api";
import { h, s, uid, type Attrs, type Child } from "./dom";
import { formatNumber, t } from "./i18n";

export function field(label: string, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, hint?: string): HTMLElement {
  const id = control.id || uid("f");
  control.id = id;
  const parts: Child[] = [h("label", { for: id }, label)];
  if (hint) {
    const hid = `${id}-hint`;
    control.setAttribute("aria-describedby", hid);
    parts.push(h("p", { class: "hint", id: hid }, hint));
  }
  parts.push(control);
  return h("div", { class: "field" }, parts);
}

export function input(attrs: Attrs): HTMLInputElement {
  return h("input", { type: "text", ...attrs });
}

export function button(label: Child, onClick?: (e: MouseEvent) => void, attrs: Attrs = {}): HTMLButtonElement {
  return h("button", { type: "button", class: "btn", ...attrs, onclick: onClick }, label);
}

export function alertBox(kind: "error" | "info" | "success" | "warning", ...children: Child[]): HTMLElement {
  return h("div", { class: `alert alert-${kind}`, role: kind === "error" ? "alert" : "status" }, children);
}

/** errorText turns any failure into a sentence for the user. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t("err.network");
    if (err.status === 429) return err.retryAfter ? t("err.rateLimitedFor", { s: err.retryAfter }) : t("err.rateLimited");
    if (err.status >= 500 && !err.detail) return t("err.server");
    return err.detail;
  }
  if (err instanceof DOMException && err.name === "AbortError") return "";
  if (err instanceof TypeError) return t("err.network");
  return err instanceof Error ? err.message : String(err);
}

export function errorView(err: unknown, retry?: () => void): HTMLElement {
  return alertBox("error", h("p", null, errorText(err)), retry ? button(t("common.retry"), retry) : null);
}

export function loading(text = t("common.loading")): HTMLElement {
  return h("p", { class: "loading", role: "status" }, h("span", { class: "spinner", "aria-hidden": "true" }), text);
}

export function pageHeader(title: string, ...extra: Child[]): HTMLElement {
  return h("header", { class: "page-header" }, h("h1", { tabindex: "-1" }, title), extra);
}

export function card(title: Child, ...children: Child[]): HTMLElement {
  return h("section", { class: "card" }, title ? h("h2", null, title) : null, children);
}

export function chips(items: unknown[], kind = ""): HTMLElement {
  return h(
    "ul",
    { class: `chips ${kind}` },
    items.map((x) => h("li", { class: "chip" }, textOf(x))),
  );
}

export function bulletList(items: unknown[] | undefined, empty?: string): HTMLElement | null {
  if (!items || items.length === 0) return empty ? h("p", { class: "muted" }, empty) : null;
  return h("ul", { class: "list" }, items.map((x) => h("li", null, textOf(x))));
}

/** textOf renders API values that may be strings or small objects. */
export function textOf(x: unknown): string {
  if (x === null || x === undefined) return "";
  if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") return String(x);
  if (typeof x === "object") {
    const o = x as Record<string, unknown>;
    for (const k of ["keyword", "text", "title", "name", "action", "suggestion", "message", "description", "skill"]) {
      if (typeof o[k] === "string") {
        const extra = ["detail", "explanation", "why", "reason"].map((e) => o[e]).find((v) => typeof v === "string");
        return extra ? `${o[k]} — ${extra}` : (o[k] as string);
      }
    }
    return Object.values(o)
      .filter((v) => typeof v === "string" || typeof v === "number")
      .join(" · ");
  }
  return String(x);
}

/** scoreRing draws a 0–100 score as a ring with the number in the middle. */
export function scoreRing(label: string, score: number | undefined, max = 100): HTMLElement {
  const v = typeof score === "number" && Number.isFinite(score) ? Math.max(0, Math.min(max, score)) : undefined;
  const r = 36;
  const c = 2 * Math.PI * r;
  const frac = v === undefined ? 0 : v / max;
  const tone = frac >= 0.75 ? "good" : frac >= 0.5 ? "ok" : "low";
  const shown = v === undefined ? "–" : formatNumber(v, max <= 10 ? 1 : 0);
  return h(
    "figure",
    { class: `score score-${tone}` },
    s(
      "svg",
      { viewBox: "0 0 88 88", width: "88", height: "88", role: "img", "aria-label": `${label}: ${shown} / ${max}` },
      s("circle", { cx: "44", cy: "44", r: String(r), class: "score-track" }),
      s("circle", {
        cx: "44",
        cy: "44",
        r: String(r),
        class: "score-value",
        "stroke-dasharray": `${(c * frac).toFixed(2)} ${c.toFixed(2)}`,
        transform: "rotate(-90 44 44)",
      }),
      s("text", { x: "44", y: "50", "text-anchor": "middle", class: "score-text", "aria-hidden": "true" }, shown),
    ),
    h("figcaption", null, label),
  );
}

export function progressBar(label: string, percent: number): HTMLElement {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  const bar = h("div", { class: "progress-fill" });
  bar.style.width = `${p}%`;
  return h(
    "div",
    { class: "progress", role: "progressbar", "aria-label": label, "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": String(p) },
    bar,
  );
}

/** announce speaks a short message to screen readers (and shows a toast). */
export function announce(msg: string, kind: "info" | "error" = "info"): void {
  let region = document.getElementById("toasts");
  if (!region) {
    region = h("div", { id: "toasts", class: "toasts", role: "status", "aria-live": "polite" });
    document.body.append(region);
  }
  const el = h("div", { class: `toast toast-${kind}` }, msg);
  region.append(el);
  window.setTimeout(() => el.remove(), 6000);
}

/** download saves a blob under name. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, class: "visually-hidden" });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** tabs renders an accessible tab list (arrow keys move between tabs). */
export function tabs(items: { id: string; label: string; render: () => Node }[], initial?: string): HTMLElement {
  const base = uid("tabs");
  const list = h("div", { role: "tablist", class: "tabs" });
  const panel = h("div", { role: "tabpanel", class: "tabpanel", tabindex: "0" });
  const btns: HTMLButtonElement[] = [];
  const select = (i: number, focus: boolean) => {
    btns.forEach((b, j) => {
      b.setAttribute("aria-selected", String(i === j));
      b.tabIndex = i === j ? 0 : -1;
    });
    panel.setAttribute("aria-labelledby", `${base}-${items[i]!.id}`);
    panel.replaceChildren(items[i]!.render());
    if (focus) btns[i]!.focus();
  };
  items.forEach((it, i) => {
    const b = h("button", { type: "button", role: "tab", id: `${base}-${it.id}`, "aria-controls": `${base}-panel`, class: "tab" }, it.label);
    b.addEventListener("click", () => select(i, false));
    b.addEventListener("keydown", (e) => {
      const n = items.length;
      if (e.key === "ArrowRight") select((i + 1) % n, true);
      else if (e.key === "ArrowLeft") select((i - 1 + n) % n, true);
      else if (e.key === "Home") select(0, true);
      else if (e.key === "End") select(n - 1, true);
      else return;
      e.preventDefault();
    });
    btns.push(b);
    list.append(b);
  });
  panel.id = `${base}-panel`;
  const start = Math.max(0, items.findIndex((x) => x.id === initial));
  select(start, false);
  return h("div", { class: "tabset" }, list, panel);
}
