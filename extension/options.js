/*
 * postlint options page: the main switch, whether the host and the service answer (and what
 * to run when they don't), posting mode, and the sites watched.
 */
"use strict";

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const IS_FIREFOX = typeof globalThis.browser !== "undefined" && !!globalThis.browser.runtime.getBrowserInfo;

/** The stored settings with defaults filled in. */
async function loadSettings() {
  const stored = await api.storage.local.get(Object.keys(POSTLINT_DEFAULT_SETTINGS));
  return {...POSTLINT_DEFAULT_SETTINGS, ...stored};
}

/** A paragraph of text and <code> parts: parts is a list of strings and {code} objects. */
function line(className, parts) {
  const p = document.createElement("p");
  p.className = className;
  for (const part of parts) {
    if (typeof part === "string") p.append(part);
    else p.append(Object.assign(document.createElement("code"), {textContent: part.code}));
  }
  return p;
}

/** What the employee should run to install the host for this browser. */
function installCommand() {
  return IS_FIREFOX ? "postlint install-host --browser firefox" : "postlint install-host";
}

/** Render a status reply from the background script. */
function showStatus(status) {
  const box = $("postlint-status");
  box.dataset.host = status.host.ok ? "ok" : (status.host.error || {}).code || "error";
  box.dataset.service = status.service.ok ? "ok" : status.host.ok ? "down" : "unknown";
  box.textContent = "";
  if (status.host.ok && status.service.ok) {
    box.append(line("ok", ["Connected: the postlint helper and service are running."]));
  } else if (!status.host.ok && box.dataset.host === "host_not_installed") {
    box.append(line("bad", ["The postlint helper is not installed for this browser."]),
      line("", ["Run ", {code: installCommand()}, " in a terminal, then press Check again."]));
  } else if (!status.host.ok) {
    box.append(line("bad", [`The postlint helper did not start: ${status.host.error.message}`]),
      line("", ["Reinstall it with ", {code: installCommand()}, " and press Check again."]));
  } else {
    box.append(line("bad", [`The postlint service is not answering: ${status.service.error.message}`]),
      line("", ["Start it with ", {code: "postlint serve"}, " and press Check again."]));
  }
}

/** Ask the background script whether the host and service answer. */
async function checkStatus() {
  $("postlint-status").textContent = "Checking…";
  try {
    showStatus(await api.runtime.sendMessage({type: "status"}));
  } catch (err) {
    showStatus({host: {ok: false, error: {code: "error", message: String(err)}}, service: {ok: false}});
  }
}

/** Re-register the content script and say how many sites are watched. */
async function sync() {
  const reply = await api.runtime.sendMessage({type: "sync"});
  const settings = await loadSettings();
  const count = (reply.patterns || []).length;
  $("postlint-watching").textContent = settings.enabled
    ? `On: watching ${count} site address${count === 1 ? "" : "es"}.`
    : "Off: postlint reads nothing.";
  $("postlint-watching").dataset.state = settings.enabled ? "on" : "off";
}

/** Save part of the settings and re-register the content script. */
async function save(changes) {
  await api.storage.local.set(changes);
  await sync();
}

/** One checkbox row for a default site. */
function siteRow(site, watched) {
  const item = document.createElement("li");
  const label = document.createElement("label");
  const box = Object.assign(document.createElement("input"), {type: "checkbox", checked: watched});
  box.dataset.site = site.name;
  box.addEventListener("change", onSiteToggle);
  label.append(box, site.name);
  item.append(label);
  return item;
}

async function onSiteToggle(event) {
  const settings = await loadSettings();
  const off = new Set(settings.disabledSites);
  if (event.target.checked) off.delete(event.target.dataset.site);
  else off.add(event.target.dataset.site);
  await save({disabledSites: [...off]});
}

/** One row for a site the employee added, with a Remove button. */
function extraRow(pattern) {
  const item = document.createElement("li");
  const remove = Object.assign(document.createElement("button"), {type: "button", textContent: "Remove"});
  remove.setAttribute("aria-label", `Remove ${pattern}`);
  remove.addEventListener("click", () => removeSite(pattern));
  item.append(`${pattern} `, remove);
  return item;
}

async function removeSite(pattern) {
  const settings = await loadSettings();
  await api.permissions.remove({origins: [pattern]}).catch(() => false);
  await save({extraSites: settings.extraSites.filter((p) => p !== pattern)});
  await renderSites();
}

/** Ask for permission to read the new site (the browser shows its own prompt), then watch it. */
async function addSite(event) {
  event.preventDefault();
  const pattern = postlintSitePattern($("postlint-new-site").value);
  $("postlint-site-error").textContent = "";
  if (!pattern) {
    $("postlint-site-error").textContent = "Enter a site name such as forum.example.org (https only).";
    return;
  }
  const granted = await api.permissions.request({origins: [pattern]}).catch(() => false);
  if (!granted) {
    $("postlint-site-error").textContent = `Permission to read ${pattern} was not given.`;
    return;
  }
  const settings = await loadSettings();
  await save({extraSites: [...new Set([...settings.extraSites, pattern])]});
  $("postlint-new-site").value = "";
  await renderSites();
}

async function renderSites() {
  const settings = await loadSettings();
  const off = new Set(settings.disabledSites);
  $("postlint-sites").replaceChildren(...POSTLINT_DEFAULT_SITES.map((s) => siteRow(s, !off.has(s.name))));
  $("postlint-extra-sites").replaceChildren(...settings.extraSites.map(extraRow));
}

async function init() {
  const settings = await loadSettings();
  $("postlint-enabled").checked = settings.enabled;
  $(`postlint-mode-${settings.mode}`).checked = true;
  $("postlint-author").value = settings.author;
  $("postlint-enabled").addEventListener("change", (e) => save({enabled: e.target.checked}));
  document.querySelectorAll('input[name="mode"]').forEach((radio) =>
    radio.addEventListener("change", () => save({mode: radio.value})));
  $("postlint-author").addEventListener("change", (e) => save({author: e.target.value.trim()}));
  $("postlint-add-site").addEventListener("submit", addSite);
  $("postlint-check").addEventListener("click", checkStatus);
  await renderSites();
  await sync();
  await checkStatus();
}

init();
