/*
 * postlint card and confirmation: the card explains one warning (message, clause id, the
 * policy's words, suggestions, "ignore in this post"); the confirmation asks before a post
 * with an error-level warning goes out. Both are keyboard reachable and use ARIA roles.
 * Both are built in the overlay's closed shadow root (root is inside it), so focus is read
 * from that root: the page's document.activeElement is only the shadow host.
 */
"use strict";

/** A <button> with a label and a click handler. */
function postlintButton(label, className, onClick) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = className;
  button.textContent = label;
  button.addEventListener("click", onClick);
  return button;
}

/** The focused element in the shadow root (or document) that node belongs to. */
function postlintFocused(node) {
  return node.getRootNode().activeElement;
}

/** An element with a class and text. */
function postlintElement(tag, className, text) {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

class PostlintCard {
  /** handlers: apply(index, suggestion), ignore(index), close(). */
  constructor(root, handlers) {
    this.root = root;
    this.handlers = handlers;
    this.el = null;
    this.index = -1;
  }

  /** Show the card for a warning next to its underline; focus its first control if asked. */
  show(warning, index, anchor, {focus = false} = {}) {
    if (this.el && this.index === index) return focus && this.focusFirst();
    this.hide();
    this.index = index;
    this.el = this.build(warning, index);
    this.root.append(this.el);
    this.place(anchor);
    if (focus) this.focusFirst();
  }

  /** The card's DOM for one warning. */
  build(warning, index) {
    const card = postlintElement("div", `postlint-card postlint-sev-${warning.severity}`);
    const title = postlintElement("div", "postlint-card-title");
    title.id = `postlint-card-title-${index}`;
    title.append(postlintElement("span", "postlint-card-severity",
      POSTLINT_SEVERITY_WORD[warning.severity] || warning.severity),
    postlintElement("span", "postlint-card-clause", ` · policy ${warning.clause}`));
    Object.assign(card.dataset, {postlintCard: "", postlintClause: warning.clause});
    card.setAttribute("role", "dialog");
    card.setAttribute("aria-labelledby", title.id);
    card.addEventListener("keydown", (event) => this.onKey(event));
    card.append(title, postlintElement("p", "postlint-card-message", warning.message),
      this.actions(warning, index));
    if (warning.policy) card.append(this.quote(warning));
    return card;
  }

  /** The clause's words from the policy, quoted. */
  quote(warning) {
    const quote = postlintElement("blockquote", "postlint-card-quote");
    quote.dataset.postlintClauseText = warning.clause;
    quote.tabIndex = 0;
    quote.setAttribute("aria-label", `Policy clause ${warning.clause}`);
    quote.append(postlintElement("span", "postlint-card-quote-title",
      `${warning.clause} ${warning.policy.title}`), postlintElement("span",
      "postlint-card-quote-words", `“${warning.policy.words}”`));
    return quote;
  }

  /** The suggestion buttons and "Ignore in this post". */
  actions(warning, index) {
    const group = postlintElement("div", "postlint-card-actions");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Fixes");
    for (const suggestion of warning.suggestions || []) {
      const button = postlintButton(`Replace with “${suggestion}”`, "postlint-suggestion",
        () => this.handlers.apply(index, suggestion));
      button.dataset.postlintSuggestion = suggestion;
      group.append(button);
    }
    group.append(postlintButton("Ignore in this post", "postlint-ignore",
      () => this.handlers.ignore(index)));
    return group;
  }

  /** Put the card below the underline, or above it, never over it; it scrolls if neither fits. */
  place(anchor) {
    const below = window.innerHeight - (anchor.top + anchor.height + 6) - 4;
    const above = anchor.top - 10;
    const height = this.el.getBoundingClientRect().height;
    const downward = height <= below || (height > above && below >= above);
    this.el.style.maxHeight = `${Math.max(80, downward ? below : above)}px`;
    const card = this.el.getBoundingClientRect();
    const top = downward ? anchor.top + anchor.height + 6 : Math.max(4, anchor.top - card.height - 6);
    const left = Math.min(Math.max(4, anchor.left), Math.max(4, window.innerWidth - card.width - 4));
    Object.assign(this.el.style, {top: `${top}px`, left: `${left}px`});
  }

  /** Move focus to the card's first button. */
  focusFirst() {
    const first = this.el && this.el.querySelector("button");
    if (first) first.focus();
  }

  /** Escape closes; arrow keys move between the card's buttons. */
  onKey(event) {
    const buttons = [...this.el.querySelectorAll("button")];
    const at = buttons.indexOf(postlintFocused(this.el));
    const step = {ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1}[event.key];
    if (event.key === "Escape") {
      event.preventDefault();
      this.handlers.close();
    } else if (step && at >= 0) {
      event.preventDefault();
      buttons[(at + step + buttons.length) % buttons.length].focus();
    }
  }

  /** Whether a node is inside the card. */
  contains(node) {
    return Boolean(this.el && node instanceof Node && this.el.contains(node));
  }

  /** Whether the viewport point (x, y) is on the card (the page's events only name the host). */
  under(x, y) {
    if (!this.el) return false;
    const box = this.el.getBoundingClientRect();
    return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
  }

  /** Remove the card. */
  hide() {
    if (this.el) this.el.remove();
    this.el = null;
    this.index = -1;
  }
}

/** Ask before posting with an error-level warning; resolves true to post anyway.
 * Going back puts the caret back in the composer (returnTo). */
function postlintConfirm(root, warning, returnTo) {
  return new Promise((resolve) => {
    const dialog = postlintElement("div", "postlint-confirm");
    dialog.setAttribute("role", "alertdialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-labelledby", "postlint-confirm-text");
    dialog.dataset.postlintConfirm = "";
    const text = postlintElement("p", "postlint-confirm-text",
      `${warning.message.replace(/[.!?]\s*$/, "")} (policy ${warning.clause}). Post anyway?`);
    text.id = "postlint-confirm-text";
    const finish = (choice) => {
      dialog.remove();
      if (!choice && returnTo) returnTo.focus();
      resolve(choice);
    };
    const back = postlintButton("Go back and edit", "postlint-confirm-back", () => finish(false));
    const go = postlintButton("Post anyway", "postlint-confirm-go", () => finish(true));
    dialog.addEventListener("keydown", (event) => postlintTrapKeys(event, [back, go], finish));
    dialog.append(text, postlintElement("div", "postlint-confirm-actions"));
    dialog.lastChild.append(back, go);
    root.append(dialog);
    back.focus();
  });
}

/** Keep Tab inside the confirmation; Escape means go back. */
function postlintTrapKeys(event, buttons, finish) {
  event.stopPropagation();
  if (event.key === "Escape") {
    event.preventDefault();
    finish(false);
  } else if (event.key === "Tab") {
    event.preventDefault();
    const at = buttons.indexOf(postlintFocused(event.currentTarget));
    buttons[(at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length].focus();
  }
}
