/*
 * The social sites postlint watches by default, and how the watched list is worked out
 * from the employee's settings. Shared by the background script and the options page.
 * Every pattern here is also in manifest.json "host_permissions".
 */
"use strict";

const POSTLINT_DEFAULT_SITES = Object.freeze([
  {name: "Facebook", patterns: ["https://*.facebook.com/*"]},
  {name: "X (Twitter)", patterns: ["https://x.com/*", "https://*.x.com/*",
                                  "https://twitter.com/*", "https://*.twitter.com/*"]},
  {name: "LinkedIn", patterns: ["https://*.linkedin.com/*"]},
  {name: "Instagram", patterns: ["https://*.instagram.com/*"]},
  {name: "YouTube", patterns: ["https://*.youtube.com/*"]},
  {name: "Reddit", patterns: ["https://*.reddit.com/*"]},
  {name: "Nextdoor", patterns: ["https://*.nextdoor.com/*", "https://*.nextdoor.co.uk/*"]},
  {name: "TikTok", patterns: ["https://*.tiktok.com/*"]},
  {name: "Threads", patterns: ["https://*.threads.net/*", "https://*.threads.com/*"]},
  {name: "Bluesky", patterns: ["https://bsky.app/*"]},
]);

/** The settings a fresh install starts with: switched off, every default site listed. */
const POSTLINT_DEFAULT_SETTINGS = Object.freeze({
  enabled: false,
  disabledSites: [],
  extraSites: [],
  mode: "personal",
  author: "",
});

/** Turn what the employee typed ("forum.example.org", a URL) into a match pattern, or null. */
function postlintSitePattern(input) {
  const raw = String(input || "").trim();
  if (!raw) return null;
  let url;
  try {
    url = new URL(raw.includes("://") ? raw : `https://${raw}`);
  } catch (_err) {
    return null;
  }
  if (url.protocol !== "https:" || !/^[a-z0-9.-]+$/i.test(url.hostname)) return null;
  if (!url.hostname.includes(".")) return null;
  return `https://${url.hostname.toLowerCase()}/*`;
}

/** The match patterns to watch for the given settings (nothing when switched off). */
function postlintWatchedPatterns(settings) {
  if (!settings.enabled) return [];
  const off = new Set(settings.disabledSites || []);
  const defaults = POSTLINT_DEFAULT_SITES.filter((site) => !off.has(site.name))
    .flatMap((site) => site.patterns);
  return [...new Set([...defaults, ...(settings.extraSites || [])])];
}
