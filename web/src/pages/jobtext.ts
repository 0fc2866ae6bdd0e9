// Job descriptions arrive as HTML the server already sanitised; this module
// renders them as safe DOM once more (an allow-list, nothing executes: the
// markup is parsed by DOMParser into an inert document and only allowed
// elements are rebuilt), and turns them into readable text for the
// skills-gap form.

const BLOCK = new Set(["P", "DIV", "UL", "OL", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "HR", "BR", "TABLE", "TR"]);
const KEEP = new Set(["P", "BR", "UL", "OL", "LI", "STRONG", "B", "EM", "I", "U", "BLOCKQUOTE", "CODE", "PRE", "HR"]);
const DROP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "SVG", "MATH", "IMG", "FORM"]);

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, "text/html");
}

/** descriptionView renders description HTML (or plain text) safely. */
export function descriptionView(html: string): HTMLElement {
  const out = document.createElement("div");
  out.className = "job-description";
  out.setAttribute("data-testid", "job-description");
  if (!/[<&]/.test(html)) {
    for (const para of html.split(/\n{2,}/)) {
      const p = document.createElement("p");
      p.textContent = para;
      out.append(p);
    }
    return out;
  }
  copy(parse(html).body, out);
  return out;
}

function copy(from: Node, to: Node): void {
  for (const n of Array.from(from.childNodes)) {
    if (n.nodeType === Node.TEXT_NODE) {
      to.appendChild(document.createTextNode(n.textContent ?? ""));
      continue;
    }
    if (n.nodeType !== Node.ELEMENT_NODE) continue;
    const el = n as Element;
    const tag = el.tagName.toUpperCase();
    if (DROP.has(tag)) continue;
    let dst: Node = to;
    if (KEEP.has(tag)) {
      dst = document.createElement(tag.toLowerCase());
    } else if (/^H[1-6]$/.test(tag)) {
      // Headings inside a card are sub-headings.
      dst = document.createElement("h4");
    } else if (tag === "A") {
      const href = el.getAttribute("href") ?? "";
      if (/^https?:\/\//i.test(href)) {
        const a = document.createElement("a");
        a.href = href;
        a.target = "_blank";
        a.rel = "noopener noreferrer nofollow";
        dst = a;
      }
    } else if (tag === "DIV" || tag === "SECTION" || tag === "ARTICLE") {
      dst = document.createElement("p");
    }
    copy(el, dst);
    if (dst !== to) to.appendChild(dst);
  }
}

/** descriptionText is the readable text of description HTML: paragraphs and
 * headings separated by blank lines, list items as "- item". */
export function descriptionText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const parts: string[] = [];
  let line = "";
  const flush = (blank: boolean) => {
    const l = line.replace(/\s+/g, " ").trim();
    if (l) parts.push(l);
    if (blank && parts.length && parts[parts.length - 1] !== "") parts.push("");
    line = "";
  };
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      line += n.textContent ?? "";
      return;
    }
    if (n.nodeType !== Node.ELEMENT_NODE) return;
    const tag = (n as Element).tagName.toUpperCase();
    if (DROP.has(tag)) return;
    if (tag === "LI") {
      flush(false);
      line = "- ";
    } else if (BLOCK.has(tag)) flush(tag !== "BR" && tag !== "TR");
    n.childNodes.forEach(walk);
    if (tag === "LI" || tag === "BR" || tag === "TR") flush(false);
    else if (BLOCK.has(tag)) flush(true);
  };
  walk(parse(html).body);
  flush(false);
  while (parts.length && parts[parts.length - 1] === "") parts.pop();
  return parts.join("\n");
}
