/*
 * postlint background: keeps one native messaging port to the postlint host, relays lint
 * requests from the content script, and registers the content script only on the sites
 * the employee watches, and only once they have switched postlint on.
 */
"use strict";

if (typeof POSTLINT_DEFAULT_SITES === "undefined" && typeof importScripts === "function") {
  importScripts("sites.js");
}

const api = globalThis.browser ?? globalThis.chrome;
const HOST_NAME = "org.postlint.host";
const SCRIPT_ID = "postlint-composer";
const REQUEST_TIMEOUT_MS = 30000;
const CONTENT_JS = ["text.js", "overlay.js", "card.js", "guard.js", "content.js"];

/** Name the reasons Chromium and Firefox give when a native port closes. */
function classifyHostError(message) {
  const text = String(message || "").toLowerCase();
  if (text.includes("not found") || text.includes("no such native application")) {
    return "host_not_installed";
  }
  if (text.includes("forbidden") || text.includes("not allowed")) return "host_forbidden";
  return "host_exited";
}

/** One native messaging port, opened on first use and again after the host exits. */
class NativeTransport {
  constructor(hostName) {
    this.hostName = hostName;
    this.port = null;
    this.nextId = 1;
    this.pending = new Map();
  }

  /** The open port, connecting if there is none. */
  connect() {
    if (this.port) return this.port;
    const port = api.runtime.connectNative(this.hostName);
    port.onMessage.addListener((message) => this.receive(message));
    port.onDisconnect.addListener((closed) => this.disconnected(closed));
    this.port = port;
    return port;
  }

  /** Hand a reply to the request waiting for its id; replies nobody waits for are dropped. */
  receive(message) {
    const entry = this.pending.get(message && message.id);
    if (!entry) return;
    this.pending.delete(message.id);
    clearTimeout(entry.timer);
    entry.resolve(message);
  }

  /** Forget the dead port and fail every request still waiting on it. */
  disconnected(port) {
    const reason = (api.runtime.lastError && api.runtime.lastError.message)
      || (port.error && port.error.message) || "Native host has exited.";
    if (this.port === port) this.port = null;
    const error = {code: classifyHostError(reason), message: reason};
    for (const [id, entry] of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve({id, error});
    }
    this.pending.clear();
  }

  /** Send one frame and resolve with the host's reply (or an error reply, never a rejection). */
  request(frame) {
    return new Promise((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({id, error: {code: "timeout", message: "The postlint host did not answer."}});
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, {resolve, timer});
      try {
        this.connect().postMessage({...frame, id});
      } catch (err) {
        this.pending.delete(id);
        clearTimeout(timer);
        this.port = null;
        resolve({id, error: {code: classifyHostError(err.message), message: String(err.message)}});
      }
    });
  }
}

const transport = new NativeTransport(HOST_NAME);

/** The stored settings, with defaults filled in. */
async function loadSettings() {
  const stored = await api.storage.local.get(Object.keys(POSTLINT_DEFAULT_SETTINGS));
  return {...POSTLINT_DEFAULT_SETTINGS, ...stored};
}

/** The local time with its UTC offset, as ISO 8601 (the working-hours rule needs it). */
function localIsoTime(date = new Date()) {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  const local = new Date(date.getTime() + offset * 60000).toISOString().slice(0, 19);
  return `${local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

let clausesLoaded = null;
let stylesLoaded = null;

/** overlay.css's text, for the content script to adopt inside its closed shadow root (read
 * here, so the file need not be a web-accessible resource any page could probe for). */
function overlayStyles() {
  stylesLoaded = stylesLoaded || fetch(api.runtime.getURL("overlay.css"))
    .then((response) => response.text()).catch((err) => {
      stylesLoaded = null;
      throw err;
    });
  return stylesLoaded;
}

/** Clause id → {title, words}, from the policy bundled as clauses.json (read once). */
function clauses() {
  clausesLoaded = clausesLoaded || fetch(api.runtime.getURL("clauses.json"))
    .then((response) => response.json()).catch(() => ({}));
  return clausesLoaded;
}

/** The reply with each warning's clause words from the policy attached as "policy". */
async function withPolicyWords(reply) {
  if (!Array.isArray(reply.warnings)) return reply;
  const table = await clauses();
  const warnings = reply.warnings.map((w) => ({...w, policy: table[w.clause] || null}));
  return {...reply, warnings};
}

/** Lint a text through the host; a host that exited is started again once. */
const MAX_CHARS = 65000; // the linter's own limit (linter/lint.py MAX_CHARS)

async function lint(text) {
  const settings = await loadSettings();
  if (!settings.enabled) return {error: {code: "disabled", message: "postlint is switched off."}};
  if (text.length > MAX_CHARS) {
    return {error: {code: "too-long", message: "This post is longer than postlint checks (65,000 characters)."}};
  }
  const frame = {type: "lint", text, mode: settings.mode, at: localIsoTime()};
  if (settings.author) frame.author = settings.author;
  let reply = await transport.request(frame);
  if (reply.error && reply.error.code === "host_exited") reply = await transport.request(frame);
  return withPolicyWords(reply);
}

/** Whether the host answers, and whether the service behind it does (the host may start it). */
async function status() {
  const reply = await transport.request({type: "health"});
  if (!reply.error) return {host: {ok: true}, service: {ok: true, health: reply.health}};
  const hostDown = reply.error.code.startsWith("host_");
  return hostDown
    ? {host: {ok: false, error: reply.error}, service: {ok: false}}
    : {host: {ok: true}, service: {ok: false, error: reply.error}};
}

/** The watched patterns the extension holds permission for (user-added sites may be refused). */
async function grantedPatterns(settings) {
  const wanted = postlintWatchedPatterns(settings);
  const checks = await Promise.all(
    wanted.map((origin) => api.permissions.contains({origins: [origin]})));
  return wanted.filter((_origin, index) => checks[index]);
}

/** Register the content script on exactly the watched sites (none when switched off). */
async function syncContentScripts() {
  const patterns = await grantedPatterns(await loadSettings());
  const existing = await api.scripting.getRegisteredContentScripts({ids: [SCRIPT_ID]});
  if (existing.length) await api.scripting.unregisterContentScripts({ids: [SCRIPT_ID]});
  if (patterns.length) {
    await api.scripting.registerContentScripts([{
      id: SCRIPT_ID, matches: patterns, runAt: "document_idle", allFrames: false,
      js: CONTENT_JS,
    }]);
  }
  return patterns;
}

/** Start the content script in tabs already open on watched sites (no reload needed). */
async function injectOpenTabs(patterns) {
  if (!patterns.length) return;
  const tabs = await api.tabs.query({url: patterns});
  await Promise.all(tabs.map((tab) => injectTab(tab.id).catch(() => null)));
}

/** Inject into one tab unless the script already runs there. */
async function injectTab(tabId) {
  const [probe] = await api.scripting.executeScript({target: {tabId},
    func: () => Boolean(window.__postlintLoaded)});
  if (probe && probe.result) return;
  await api.scripting.executeScript({target: {tabId}, files: CONTENT_JS});
}

let syncChain = Promise.resolve([]);

/** Run content-script syncs one after another so two quick changes cannot interleave. */
function queueSync() {
  syncChain = syncChain.catch(() => []).then(syncContentScripts);
  return syncChain;
}

/** Answer the content script and the options page. */
function onMessage(message, _sender, sendResponse) {
  const handlers = {
    lint: () => lint(String(message.text || "")),
    status: () => status(),
    warm: () => transport.request({type: "ping"}),
    styles: () => overlayStyles().then((css) => ({css})),
    settings: () => api.runtime.openOptionsPage().then(() => ({})),
    sync: () => queueSync().then(async (patterns) => {
      await injectOpenTabs(patterns);
      return {patterns};
    }),
  };
  const handler = handlers[message && message.type];
  if (!handler) return false;
  handler().then(sendResponse, (err) => sendResponse({error: {code: "internal", message: String(err)}}));
  return true;
}

api.runtime.onMessage.addListener(onMessage);
api.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && ("enabled" in changes || "disabledSites" in changes
      || "extraSites" in changes)) queueSync();
});
api.permissions.onRemoved.addListener(() => queueSync());
if (api.action) api.action.onClicked.addListener(() => api.runtime.openOptionsPage());
queueSync();
