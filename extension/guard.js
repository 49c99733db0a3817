/*
 * postlint composer sessions and the pre-post check. A session is one composer's state; the
 * guard holds back the site's post button or Ctrl/⌘+Enter while an error-level warning
 * remains, asks, and replays the click or key if the employee chooses to post anyway.
 */
"use strict";

const POSTLINT_POST_LABEL = /^(post|post all|tweet|reply|send|share|share now|publish|comment|submit)$/i;
const POSTLINT_POST_SELECTOR = '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]';

/** Whether a warning's span still holds the same words in text. */
function postlintStillValid(warning, text) {
  return text.slice(warning.start16, warning.end16) === warning.text;
}

/** What "ignore in this post" remembers: the rule and the words. */
function postlintIgnoreKey(warning) {
  return `${warning.rule}\u0000${warning.text}`;
}

/** One composer: its last linted text, the warnings for it, and what the employee ignored. */
class PostlintSession {
  constructor(el) {
    this.el = el;
    this.seq = 0;
    this.linted = null;
    this.warnings = [];
    this.ignored = new Set();
    this.timer = 0;
    this.error = null;
  }

  /** The warnings to show for the composer's current text. */
  visible(text) {
    return this.warnings.filter((w) => !this.ignored.has(postlintIgnoreKey(w))
      && postlintStillValid(w, text));
  }

  /** The error-level warnings still shown for text. */
  errors(text) {
    return this.visible(text).filter((w) => w.severity === "error");
  }
}

/** Whether an element looks like the site's post button. */
function postlintIsPostButton(button) {
  const label = (button.getAttribute("aria-label") || button.value || button.textContent || "").trim();
  return button.matches(POSTLINT_POST_SELECTOR) || POSTLINT_POST_LABEL.test(label);
}

class PostlintGuard {
  /** root: where the confirmation is shown; lint(session): lint now, resolving when applied. */
  constructor(root, lint) {
    this.root = root;
    this.lint = lint;
    this.bypass = false;
  }

  /** Ctrl/⌘+Enter in a composer. */
  onKeydown(event, session) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    const init = {key: "Enter", code: "Enter", ctrlKey: event.ctrlKey, metaKey: event.metaKey,
      bubbles: true, cancelable: true};
    this.hold(event, session, () => session.el.dispatchEvent(new KeyboardEvent("keydown", init)));
  }

  /** A click that may be on the site's post button, while session is the composer in use. */
  onClick(event, session) {
    const button = event.target instanceof Element
      && event.target.closest('button, [role="button"], input[type="submit"]');
    if (button && postlintIsPostButton(button)) this.hold(event, session, () => button.click());
  }

  /** Hold the post back while an error-level warning remains (or the text is not linted yet). */
  hold(event, session, replay) {
    if (this.bypass) return;
    const text = PostlintText.read(session.el).text;
    const fresh = session.linted === text;
    if (!text.trim() || (fresh && !session.errors(text).length)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    this.decide(session, replay, fresh);
  }

  /** Lint now if needed, ask if an error remains, and let the post go on if the employee says so. */
  async decide(session, replay, fresh) {
    if (!fresh) await this.lint(session);
    const errors = session.errors(PostlintText.read(session.el).text);
    if (errors.length && !(await postlintConfirm(this.root, errors[0], session.el))) return;
    this.bypass = true;
    try {
      replay();
    } finally {
      this.bypass = false;
    }
  }
}
