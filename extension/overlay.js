/*
 * postlint overlay: underlines and the count badge, drawn in one fixed layer laid over the
 * page. The layer lives outside the composer; the composer's own DOM is never touched.
 * Everything postlint draws (underlines, badge, card, confirmation, measuring copies) is
 * built inside a closed shadow root whose only reference stays in this content script, so
 * the site's own scripts cannot read a warning's words or the names on the clerk's lists.
 */
"use strict";

const POSTLINT_SEVERITY_RANK = {error: 3, warning: 2, info: 1};
const POSTLINT_SEVERITY_WORD = {error: "Policy breach", warning: "Likely breach", info: "Worth a second look"};

/** A short spoken description of one warning, for the underline's aria-label. */
function postlintDescribe(warning) {
  const word = POSTLINT_SEVERITY_WORD[warning.severity] || "Warning";
  return `${word}, policy ${warning.clause}: “${warning.text}”. ${warning.message}`;
}

/** The most serious severity among warnings ("info" when there are none). */
function postlintWorst(warnings) {
  return warnings.reduce((worst, w) => (POSTLINT_SEVERITY_RANK[w.severity] || 0)
    > (POSTLINT_SEVERITY_RANK[worst] || 0) ? w.severity : worst, "info");
}

/** The index of the first warning of the most serious severity (-1 when there are none): where the keyboard
 * shortcut goes first, so a name's error is reached before a sentence-long "second look" that starts earlier. */
function postlintFirstWorst(warnings) {
  const worst = postlintWorst(warnings);
  return warnings.findIndex((w) => w.severity === worst);
}

/** The host element's own style: inline and !important, so the site's CSS cannot move,
 * hide or transform it (a transform would break the fixed positions inside). */
const POSTLINT_HOST_STYLE = ["all: initial", "display: block", "position: fixed", "top: 0",
  "left: 0", "width: 0", "height: 0", "overflow: visible", "z-index: 2147483647"]
  .map((rule) => `${rule} !important;`).join(" ");

/** Put overlay.css into the shadow root: a constructed sheet (no page CSP applies to it),
 * or a <style> inside the shadow root where adopting is refused. */
function postlintAdoptStyles(shadow, css) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch (_err) {
    const style = document.createElement("style");
    style.textContent = css;
    shadow.append(style);
  }
}

class PostlintOverlay {
  /** The closed shadow root: held here only, never on the host or any global. */
  #shadow;

  /** Create the layer; handlers.focus(index, element) and handlers.badge() are called back;
   * css is overlay.css's text. The page sees only an empty host element. */
  constructor(handlers, css) {
    this.handlers = handlers;
    this.host = document.createElement("div");
    this.host.setAttribute("data-postlint-root", "");
    this.host.style.cssText = POSTLINT_HOST_STYLE;
    this.#shadow = this.host.attachShadow({mode: "closed"});
    postlintAdoptStyles(this.#shadow, css);
    this.root = document.createElement("div");
    this.root.className = "postlint-root";
    this.layer = document.createElement("div");
    this.layer.className = "postlint-layer";
    this.root.append(this.layer);
    this.#shadow.append(this.root);
    this.boxes = [];
    document.documentElement.append(this.host);
  }

  /** Whether an event target seen outside the shadow root is postlint's own host. */
  owns(target) {
    return target === this.host;
  }

  /** The focused element inside the shadow root, or null. */
  focused() {
    return this.#shadow.activeElement;
  }

  /** Draw the underlines for warnings on the composer el, and its badge. */
  render(el, model, warnings) {
    this.layer.textContent = "";
    this.boxes = [];
    warnings.forEach((warning, index) => this.drawWarning(el, model, warning, index));
    if (warnings.length) this.drawBadge(el, warnings);
  }

  /** One warning: a box per line its span covers; the first is the focusable one. */
  drawWarning(el, model, warning, index) {
    if (warning.end16 <= warning.start16) return;
    const rects = PostlintText.rects(el, model, warning.start16, warning.end16, this.#shadow);
    rects.forEach((rect, part) => {
      const mark = this.underline(warning, index, rect, part === 0);
      this.layer.append(mark);
      this.boxes.push({index, rect, mark});
    });
  }

  /** An underline element over rect, carrying the warning's clause and severity. */
  underline(warning, index, rect, focusable) {
    const mark = document.createElement("div");
    mark.className = `postlint-underline postlint-sev-${warning.severity}`;
    Object.assign(mark.dataset, {
      postlintClause: warning.clause, postlintSeverity: warning.severity,
      postlintRule: warning.rule, postlintText: warning.text, postlintIndex: String(index),
      postlintStart: String(warning.start16), postlintEnd: String(warning.end16),
    });
    Object.assign(mark.style, {left: `${rect.left}px`, top: `${rect.top}px`,
      width: `${rect.width}px`, height: `${rect.height}px`});
    if (focusable) {
      mark.tabIndex = 0;
      mark.setAttribute("role", "button");
      mark.setAttribute("aria-haspopup", "dialog");
      mark.setAttribute("aria-label", postlintDescribe(warning));
      mark.addEventListener("focus", () => this.handlers.focus(index, mark));
      mark.addEventListener("keydown", (event) => this.handlers.key(event, index, mark));
    } else {
      mark.setAttribute("aria-hidden", "true");
    }
    return mark;
  }

  /** The count badge in the composer's bottom-right corner, coloured by the worst severity. */
  drawBadge(el, warnings) {
    const box = el.getBoundingClientRect();
    const badge = document.createElement("button");
    badge.type = "button";
    badge.className = `postlint-badge postlint-sev-${postlintWorst(warnings)}`;
    badge.textContent = String(warnings.length);
    badge.dataset.postlintCount = String(warnings.length);
    const noun = warnings.length === 1 ? "policy warning" : "policy warnings";
    badge.setAttribute("aria-label", `${warnings.length} ${noun} in this post. Show the first.`);
    badge.addEventListener("click", () => this.handlers.badge());
    this.placeInCorner(badge, box);
  }

  /** A grey "!" badge saying postlint is not checking this post, and why; it opens the settings. */
  drawNotice(el, error) {
    const box = el.getBoundingClientRect();
    const badge = document.createElement("button");
    badge.type = "button";
    badge.className = "postlint-badge postlint-notice";
    badge.textContent = "!";
    badge.dataset.postlintError = error.code;
    badge.title = `postlint is not checking this post: ${error.message}`;
    badge.setAttribute("aria-label", `${badge.title}. Open postlint's settings.`);
    badge.addEventListener("click", () => this.handlers.settings());
    this.placeInCorner(badge, box);
  }

  /** Add a badge to the layer in the composer's bottom-right corner (`box`: the composer's rect). */
  placeInCorner(badge, box) {
    this.layer.append(badge);
    const size = badge.getBoundingClientRect();
    badge.style.left = `${Math.max(0, box.right - size.width - 6)}px`;
    badge.style.top = `${Math.max(0, box.bottom - size.height - 6)}px`;
  }

  /** The warning index under the viewport point (x, y), or -1. Where underlines overlap (a name inside a
   * sentence-long "second look"), the most serious wins, then the narrowest: the words the pointer is on. */
  hitTest(x, y) {
    const hits = this.boxes.filter(({rect}) => x >= rect.left && x <= rect.left + rect.width
      && y >= rect.top - 2 && y <= rect.top + rect.height + 2);
    const rank = (b) => POSTLINT_SEVERITY_RANK[b.mark.dataset.postlintSeverity] || 0;
    hits.sort((a, b) => rank(b) - rank(a) || a.rect.width - b.rect.width);
    return hits.length ? hits[0].index : -1;
  }

  /** The focusable underline element of a warning, if it is drawn. */
  markOf(index) {
    const box = this.boxes.find((b) => b.index === index && b.mark.tabIndex === 0);
    return box ? box.mark : null;
  }

  /** Remove every underline and the badge. */
  clear() {
    this.layer.textContent = "";
    this.boxes = [];
  }

  /** Take the layer off the page. */
  destroy() {
    this.host.remove();
  }
}
