/*
 * postlint content script: watches the composers on a page the employee chose to watch,
 * lints after a short pause (the latest request wins, stale replies are dropped), draws the
 * underlines, opens the card, and asks before a post with an error-level warning goes out.
 * It is registered only after postlint is switched on, and stops when it is switched off.
 * What it draws lives in a closed shadow root (overlay.js): the page's scripts run in another
 * world and never get a reference to it, so they cannot read the warnings.
 */
"use strict";

(() => {
  if (window.__postlintLoaded) return;
  window.__postlintLoaded = true;
  const api = globalThis.browser ?? globalThis.chrome;
  const DEBOUNCE_MS = 150;
  const HIDE_DELAY_MS = 400;

  class PostlintPage {
    constructor() {
      this.sessions = new WeakMap();
      this.active = null;
      this.shown = [];
      this.replies = 0;
      this.frame = 0;
      this.hideTimer = 0;
      this.listeners = [
        [document, "input", (e) => this.onInput(e), true],
        [document, "focusin", (e) => this.onFocus(e), true],
        [window, "keydown", (e) => this.onKeydown(e), true],
        [window, "click", (e) => this.onClick(e), true],
        [window, "scroll", () => this.requestRender(), true],
        [window, "resize", () => this.requestRender(), false],
        [document, "mousemove", (e) => this.onMouse(e), true],
      ];
    }

    /** Attach to the page; css is overlay.css's text, adopted inside the shadow root. */
    start(css) {
      this.overlay = new PostlintOverlay({
        focus: (index, mark) => this.showCard(index, mark.getBoundingClientRect()),
        key: (event, index) => this.onUnderlineKey(event, index),
        badge: () => this.focusUnderline(0),
        settings: () => api.runtime.sendMessage({type: "settings"}).catch(() => null),
      }, css);
      this.guard = new PostlintGuard(this.overlay.root, (session) => this.lint(session));
      this.card = new PostlintCard(this.overlay.root, {
        apply: (index, suggestion) => this.apply(index, suggestion),
        ignore: (index) => this.ignore(index),
        close: () => this.closeCard(),
      });
      this.resizer = new ResizeObserver(() => this.requestRender());
      this.mutations = new MutationObserver(() => this.onMutation());
      for (const [target, type, fn, capture] of this.listeners) target.addEventListener(type, fn, capture);
      const focused = PostlintText.composerOf(document.activeElement);
      if (focused) this.activate(focused);
      api.runtime.sendMessage({type: "warm"}).catch(() => null);  // start the host while the page settles
    }

    /** Detach from the page and remove everything drawn. */
    stop() {
      for (const [target, type, fn, capture] of this.listeners) target.removeEventListener(type, fn, capture);
      this.resizer.disconnect();
      this.mutations.disconnect();
      this.overlay.destroy();
      this.active = null;
    }

    /** The session for a composer, made on first sight. */
    session(el) {
      if (!this.sessions.has(el)) this.sessions.set(el, new PostlintSession(el));
      return this.sessions.get(el);
    }

    /** Make el the composer whose warnings are drawn. */
    activate(el) {
      if (this.active && this.active.el === el) return this.active;
      if (this.active) this.resizer.unobserve(this.active.el);
      this.active = this.session(el);
      this.resizer.observe(el);
      this.mutations.disconnect();
      if (!PostlintText.isTextControl(el)) {
        this.mutations.observe(el, {characterData: true, childList: true, subtree: true});
      }
      this.card.hide();
      this.requestRender();
      if (this.active.linted === null) this.schedule(this.active);
      return this.active;
    }

    onFocus(event) {
      const el = PostlintText.composerOf(event.target);
      if (el) this.activate(el);
    }

    onInput(event) {
      const el = PostlintText.composerOf(event.target);
      if (!el) return;
      this.schedule(this.activate(el));
      this.requestRender();
    }

    /** Editors that apply keystrokes to their own model (cancelling the input event) still
     * change the DOM: follow that too. */
    onMutation() {
      if (!this.active) return;
      this.schedule(this.active);
      this.requestRender();
    }

    /** Lint the session after the typing pauses. */
    schedule(session) {
      clearTimeout(session.timer);
      session.timer = setTimeout(() => this.lint(session), DEBOUNCE_MS);
    }

    /** Ask the host about the composer's text; a reply for older text is dropped. */
    async lint(session) {
      clearTimeout(session.timer);
      const text = PostlintText.read(session.el).text;
      const seq = ++session.seq;
      const reply = text.trim() ? await this.request(text) : {warnings: []};
      if (seq !== session.seq || PostlintText.read(session.el).text !== text) return;
      if (!text.trim()) session.ignored.clear();
      session.error = reply.error || null;
      if (reply.error) return session === this.active && this.render();
      session.linted = text;
      session.warnings = reply.warnings || [];
      this.overlay.root.dataset.postlintLinted = String(++this.replies);
      if (session === this.active) this.render();
    }

    /** One lint request through the background script. */
    async request(text) {
      try {
        return await api.runtime.sendMessage({type: "lint", text});
      } catch (err) {
        return {error: {code: "extension", message: String(err)}};
      }
    }

    requestRender() {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.render();
      });
    }

    /** Draw the active composer's warnings as they stand against its current text. */
    render() {
      const session = this.active;
      if (!session || !session.el.isConnected) {
        this.shown = [];
        this.overlay.clear();
        return this.card.hide();
      }
      const model = PostlintText.read(session.el);
      this.shown = session.visible(model.text);
      this.overlay.render(session.el, model, this.shown);
      if (session.error && !this.shown.length) this.overlay.drawNotice(session.el, session.error);
      this.overlay.root.dataset.postlintCount = String(this.shown.length);
      if (this.card.index >= this.shown.length) this.card.hide();
    }

    /** Show the card for the index-th shown warning beside anchor. */
    showCard(index, anchor, options) {
      clearTimeout(this.hideTimer);
      const warning = this.shown[index];
      if (warning) this.card.show(warning, index, anchor, options);
    }

    onMouse(event) {
      if (!this.shown.length && !this.card.el) return;
      const index = this.overlay.hitTest(event.clientX, event.clientY);
      const box = this.overlay.boxes.find((b) => b.index === index);
      if (box) return this.showCard(index, box.rect);
      if (this.card.under(event.clientX, event.clientY)) return clearTimeout(this.hideTimer);
      if (this.card.el && !this.card.contains(this.overlay.focused()) && !this.hideTimer) {
        this.hideTimer = setTimeout(() => {
          this.hideTimer = 0;
          if (!this.card.contains(this.overlay.focused())) this.card.hide();
        }, HIDE_DELAY_MS);
      }
    }

    /** Enter or Space on an underline moves into its card; Escape goes back to the composer. */
    onUnderlineKey(event, index) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        const mark = this.overlay.markOf(index);
        this.showCard(index, mark.getBoundingClientRect(), {focus: true});
      } else if (event.key === "Escape") {
        event.preventDefault();
        this.closeCard();
      }
    }

    /** Focus the index-th underline (its card opens with it). */
    focusUnderline(index) {
      const mark = this.overlay.markOf(index);
      if (mark) mark.focus();
    }

    /** Close the card and put the caret back in the composer. */
    closeCard() {
      this.card.hide();
      if (this.active) this.active.el.focus();
    }

    /** Replace a warning's words with a suggestion, as if the employee typed it. */
    async apply(index, suggestion) {
      const session = this.active;
      const warning = this.shown[index];
      this.card.hide();
      if (!session || !warning || !postlintStillValid(warning, PostlintText.read(session.el).text)) return;
      await PostlintText.replaceSpan(session.el, warning.start16, warning.end16, suggestion);
      this.schedule(session);
      this.requestRender();
    }

    /** Stop showing this warning (same rule, same words) until the composer is emptied. */
    ignore(index) {
      const warning = this.shown[index];
      if (!warning || !this.active) return;
      this.active.ignored.add(postlintIgnoreKey(warning));
      this.closeCard();
      this.render();
    }

    /** Alt+Shift+P jumps to the first underline of the most serious kind; Ctrl/⌘+Enter is checked before posting. */
    onKeydown(event) {
      const el = PostlintText.composerOf(event.target);
      if (!el) return;
      if (event.altKey && event.shiftKey && event.code === "KeyP") {
        event.preventDefault();
        return this.focusUnderline(Math.max(0, postlintFirstWorst(this.shown)));
      }
      this.guard.onKeydown(event, this.session(el));
    }

    /** A click on the site's post button is checked before it goes through. */
    onClick(event) {
      if (this.active && !this.overlay.owns(event.target)) this.guard.onClick(event, this.active);
    }
  }

  const page = new PostlintPage();
  let running = false;
  let changes = Promise.resolve();
  let css = null;

  /** overlay.css's text, read by the background script (so it need not be web-accessible). */
  const styles = async () => {
    if (css === null) {
      const reply = await api.runtime.sendMessage({type: "styles"}).catch(() => null);
      if (reply && typeof reply.css === "string") css = reply.css;
    }
    return css || "";
  };

  /** Start or stop with the employee's switch, one change after another. */
  const follow = (enabled) => {
    changes = changes.then(async () => {
      if (enabled && !running) {
        const text = await styles();
        page.start(text);
        running = true;
      } else if (!enabled && running) {
        running = false;
        page.stop();
      }
    }).catch(() => null);
  };

  api.storage.local.get("enabled").then((stored) => follow(stored.enabled));
  api.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && "enabled" in changes) follow(changes.enabled.newValue);
  });
})();
