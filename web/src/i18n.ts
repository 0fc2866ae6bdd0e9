// UI language: English or French, chosen by the user (remembered) or from
// the browser. Messages live in messages.ts; a missing French text is a type
// error, not a silent fallback.
import { en, fr, type MessageKey } from "./messages";

export type Lang = "en" | "fr";
const STORAGE_KEY = "uh.lang";
const dicts: Record<Lang, Record<MessageKey, string>> = { en, fr };

let current: Lang = initial();
const listeners = new Set<() => void>();

function initial(): Lang {
  const saved = safeGet(STORAGE_KEY);
  if (saved === "en" || saved === "fr") return saved;
  return navigator.language.toLowerCase().startsWith("fr") ? "fr" : "en";
}

function safeGet(k: string): string | null {
  try {
    return localStorage.getItem(k);
  } catch {
    return null;
  }
}

export function lang(): Lang {
  return current;
}

export function setLang(l: Lang): void {
  if (l === current) return;
  current = l;
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = l;
  for (const fn of listeners) fn();
}

export function onLangChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** t returns the message for key in the current language, with {name} placeholders filled. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  // Keys built at run time (a state name from the server) may be unknown.
  let msg: string = dicts[current][key] ?? dicts.en[key] ?? key;
  if (vars) {
    for (const [k, v] of Object.entries(vars)) msg = msg.split(`{${k}}`).join(String(v));
  }
  return msg;
}

export function formatDate(v: string | number | Date | undefined | null, withTime = false): string {
  if (v === undefined || v === null || v === "") return "";
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) return String(v);
  const opts: Intl.DateTimeFormatOptions = withTime
    ? { dateStyle: "medium", timeStyle: "short" }
    : { dateStyle: "medium" };
  return new Intl.DateTimeFormat(current === "fr" ? "fr-FR" : "en-GB", opts).format(d);
}

export function formatNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat(current === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: digits }).format(n);
}

/** initLang marks the document with the chosen language; main calls it once. */
export function initLang(): void {
  document.documentElement.lang = current;
}
