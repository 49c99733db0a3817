/*
 * postlint text model: what a composer contains, where a span of it is on screen, and how
 * to replace a span so the site's editor notices. Offsets are UTF-16 code units (what JS
 * strings and the host's start16/end16 use). Nothing here changes the editor's DOM except
 * replaceSpan, which the employee asks for by choosing a suggestion.
 */
"use strict";

const POSTLINT_BLOCKS = new Set(["ADDRESS", "ARTICLE", "BLOCKQUOTE", "DIV", "FIGCAPTION", "H1",
  "H2", "H3", "H4", "H5", "H6", "HEADER", "LI", "OL", "P", "PRE", "SECTION", "TABLE", "TR", "UL"]);

const POSTLINT_MIRRORED = ["boxSizing", "width", "height", "overflowX", "overflowY",
  "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth", "borderStyle",
  "paddingTop", "paddingRight", "paddingBottom", "paddingLeft", "fontStyle", "fontVariant",
  "fontWeight", "fontStretch", "fontSize", "fontSizeAdjust", "lineHeight", "fontFamily",
  "textAlign", "textTransform", "textIndent", "letterSpacing", "wordSpacing", "tabSize",
  "direction", "writingMode", "wordBreak", "hyphens", "fontKerning", "fontFeatureSettings",
  "fontVariationSettings", "textRendering"];

const PostlintText = {
  /** True for the <textarea> and text <input> composers (they have a value, not a DOM). */
  isTextControl(el) {
    if (el instanceof HTMLTextAreaElement) return true;
    return el instanceof HTMLInputElement && /^(text|search|)$/i.test(el.getAttribute("type") || "");
  },

  /** The composer an event target belongs to: a text control or the top contenteditable host. */
  composerOf(target) {
    if (!(target instanceof Element)) return null;
    if (PostlintText.isTextControl(target)) return target.readOnly || target.disabled ? null : target;
    if (!target.isContentEditable) return null;
    let host = target;
    while (host.parentElement && host.parentElement.isContentEditable) host = host.parentElement;
    return host;
  },

  /** The composer's text and, for contenteditable, which text node holds which offsets. */
  read(el) {
    if (PostlintText.isTextControl(el)) return {text: el.value, segments: null};
    const state = {text: "", segments: []};
    PostlintText.walk(el, state, true);
    return state;
  },

  /** Collect text nodes in document order, with line breaks where blocks and <br> fall. */
  walk(node, state, isRoot) {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const start = state.text.length;
        state.text += child.data;
        state.segments.push({node: child, start, end: state.text.length});
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        PostlintText.walkElement(child, state);
      }
    }
    return isRoot ? state : undefined;
  },

  /** One element of a contenteditable: blocks start a new line, <br> is a line break. */
  walkElement(el, state) {
    if (el.tagName === "BR") {
      state.text += "\n";
      return;
    }
    const block = POSTLINT_BLOCKS.has(el.tagName);
    if (block && state.text && !state.text.endsWith("\n")) state.text += "\n";
    PostlintText.walk(el, state, false);
  },

  /** A DOM Range over [start, end) of a contenteditable's text, or null if it moved. */
  range(segments, start, end) {
    const first = segments.find((s) => s.start <= start && start < s.end);
    const last = segments.find((s) => s.start < end && end <= s.end);
    if (!first || !last || !first.node.isConnected || !last.node.isConnected) return null;
    const range = document.createRange();
    range.setStart(first.node, start - first.start);
    range.setEnd(last.node, end - last.start);
    return range;
  },

  /** The viewport rectangles a span occupies, clipped to the composer's visible box. A text
   * control is measured with a copy put into scratch (postlint's closed shadow root), never
   * into the page's DOM, where the site could see which words are marked. */
  rects(el, model, start, end, scratch) {
    const raw = PostlintText.isTextControl(el)
      ? PostlintText.mirrorRects(el, start, end, scratch)
      : PostlintText.rangeRects(model.segments, start, end);
    const box = el.getBoundingClientRect();
    return raw.map((r) => PostlintText.clip(r, box)).filter(Boolean);
  },

  /** Client rectangles of a range inside a contenteditable (one per line it spans). */
  rangeRects(segments, start, end) {
    const range = PostlintText.range(segments, start, end);
    return range ? [...range.getClientRects()].filter((r) => r.width > 0) : [];
  },

  /** The part of a rectangle inside a box, or null when none of it is. */
  clip(rect, box) {
    const left = Math.max(rect.left, box.left);
    const right = Math.min(rect.right, box.right);
    const top = Math.max(rect.top, box.top);
    const bottom = Math.min(rect.bottom, box.bottom);
    if (right - left < 1 || bottom - top < 1) return null;
    return {left, top, width: right - left, height: bottom - top, bottom, right};
  },

  /** Measure a span of a textarea/input with an invisible copy laid over it (not inside it). */
  mirrorRects(el, start, end, scratch) {
    const mirror = PostlintText.mirror(el, scratch);
    const value = el.value;
    mirror.textContent = "";
    const marked = document.createElement("span");
    marked.textContent = value.slice(start, end);
    mirror.append(value.slice(0, start), marked, value.slice(end) || "\u200b");
    mirror.scrollTop = el.scrollTop;
    mirror.scrollLeft = el.scrollLeft;
    const rects = [...marked.getClientRects()].filter((r) => r.width > 0);
    mirror.remove();
    return rects;
  },

  /** An invisible box styled like the text control and placed exactly over it, in scratch. */
  mirror(el, scratch) {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const mirror = document.createElement("div");
    for (const prop of POSTLINT_MIRRORED) mirror.style[prop] = style[prop];
    const single = el instanceof HTMLInputElement;
    Object.assign(mirror.style, {
      position: "fixed", left: `${box.left}px`, top: `${box.top}px`, visibility: "hidden",
      pointerEvents: "none", overflow: "hidden", margin: "0", zIndex: "-1",
      whiteSpace: single ? "pre" : "pre-wrap", overflowWrap: single ? "normal" : "break-word",
      width: `${box.width}px`, height: `${box.height}px`, boxSizing: "border-box",
    });
    if (single) mirror.style.lineHeight = `${el.clientHeight - parseFloat(style.paddingTop)
      - parseFloat(style.paddingBottom)}px`;
    scratch.append(mirror);
    return mirror;
  },

  /** Replace [start, end) with text through the editing events the site already listens to. */
  async replaceSpan(el, start, end, replacement) {
    el.focus();
    if (PostlintText.isTextControl(el)) return PostlintText.replaceInControl(el, start, end, replacement);
    const range = PostlintText.range(PostlintText.read(el).segments, start, end);
    if (!range) return false;
    const before = PostlintText.read(el).text;
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    if (PostlintText.offerBeforeInput(el, range, replacement)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (PostlintText.read(el).text !== before) return true;
      selection.removeAllRanges();
      selection.addRange(PostlintText.range(PostlintText.read(el).segments, start, end) || range);
    }
    return document.execCommand("insertText", false, replacement);
  },

  /** Offer the edit as a beforeinput event: editors that keep their own model (Lexical, Slate,
   * ProseMirror) cancel it and apply it themselves. True when the editor took it. */
  offerBeforeInput(el, range, replacement) {
    const target = new StaticRange({startContainer: range.startContainer, startOffset: range.startOffset,
      endContainer: range.endContainer, endOffset: range.endOffset});
    const event = new InputEvent("beforeinput", {inputType: "insertText", data: replacement,
      targetRanges: [target], bubbles: true, cancelable: true, composed: true});
    return !el.dispatchEvent(event);
  },

  /** In a textarea: insertText keeps undo; otherwise the native setter plus an input event. */
  replaceInControl(el, start, end, replacement) {
    const expected = el.value.slice(0, start) + replacement + el.value.slice(end);
    el.setSelectionRange(start, end);
    if (document.execCommand("insertText", false, replacement) && el.value === expected) return true;
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;
    Object.getOwnPropertyDescriptor(proto.prototype, "value").set.call(el, expected);
    el.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertReplacementText",
      data: replacement}));
    el.setSelectionRange(start + replacement.length, start + replacement.length);
    return true;
  },
};
