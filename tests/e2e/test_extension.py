"""The extension in real Chromium, with the real host and service, on composer pages served
under the real sites' names."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

COLLEAGUE_POST = "🎉 Great work today Dan Okafor!"
RESIDENT_POST = "Thanks to Edith Barraclough for the cake 🎂"
CLEAN_POST = "Lovely sunny walk by the river this morning."
COMPOSERS = [("www.facebook.com", "facebook-composer.html"), ("x.com", "x-composer.html"),
             ("www.linkedin.com", "linkedin-composer.html")]
UNDERLINE = "[data-postlint-clause]"

# Timestamps, in the page, of the last keystroke or edit event and of the first 4.6 underline
# after it (in postlint's shadow root, which the test hands in).
PROBE = """(root) => {
  window.__probe = {lastInput: 0, appeared: null};
  for (const type of ["keydown", "beforeinput", "input"]) {
    document.addEventListener(type, () => {
      window.__probe.lastInput = performance.now();
      window.__probe.appeared = null;
    }, true);
  }
  new MutationObserver(() => {
    if (window.__probe.appeared === null && window.__probe.lastInput
        && root.querySelector('[data-postlint-clause="4.6"]')) {
      window.__probe.appeared = performance.now();
    }
  }).observe(root, {childList: true, subtree: true});
}"""

# Where a substring of the composer is on screen, worked out by the page itself: a DOM Range
# for a contenteditable; for a textarea, the canvas width of the text before it and of it.
TEXT_RECT = """(needle) => {
  const composer = document.getElementById("composer");
  if (composer instanceof HTMLTextAreaElement) {
    const style = getComputedStyle(composer);
    const ctx = document.createElement("canvas").getContext("2d");
    ctx.font = style.font;
    const box = composer.getBoundingClientRect();
    const before = composer.value.slice(0, composer.value.indexOf(needle));
    const left = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft)
      + ctx.measureText(before).width;
    return {left, width: ctx.measureText(needle).width};
  }
  const walker = document.createTreeWalker(composer, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const start = walker.currentNode.data.indexOf(needle);
    if (start < 0) continue;
    const range = document.createRange();
    range.setStart(walker.currentNode, start);
    range.setEnd(walker.currentNode, start + needle.length);
    const r = range.getBoundingClientRect();
    return {left: r.left, width: r.width};
  }
  return null;
}"""


# A site's script that was there first: it wraps attachShadow and records the text and
# attribute values of every node added or changed outside the composer, even nodes that are
# removed again at once (postlint measures a textarea with a short-lived copy of it).
SITE_SPY = """(() => {
  window.__spy = {shadows: 0, seen: []};
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    window.__spy.shadows += 1;
    return attach.call(this, init);
  };
  const values = (node) => node.nodeType === Node.ELEMENT_NODE
    ? [...node.querySelectorAll("*"), node].flatMap((e) => [...e.attributes].map((a) => a.value)) : [];
  new MutationObserver((records) => {
    const composer = document.getElementById("composer");
    for (const r of records) {
      if (composer && composer.contains(r.target)) continue;
      if (r.type === "attributes") window.__spy.seen.push(r.target.getAttribute(r.attributeName) || "");
      if (r.type === "characterData") window.__spy.seen.push(r.target.data);
      for (const n of r.addedNodes) window.__spy.seen.push(n.textContent || "", ...values(n));
    }
  }).observe(document, {childList: true, subtree: true, attributes: true, characterData: true});
})();"""

# Everything a script of the site can read now: the body's text (a contenteditable composer's
# text is part of it, a textarea's is not), and the text and attribute values of every node
# outside the composer (which holds what the employee typed, the site's own), through every
# shadow root it can open, plus what the spy recorded.
PAGE_VIEW = """() => {
  const composer = document.getElementById("composer");
  const texts = [];
  let openRoots = 0;
  const visit = (node) => {
    for (const child of node.childNodes) {
      if (child === composer) continue;
      if (child.nodeType === Node.TEXT_NODE) texts.push(child.data);
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      for (const attr of child.attributes) texts.push(attr.value);
      if (child.shadowRoot) {
        openRoots += 1;
        visit(child.shadowRoot);
      }
      visit(child);
    }
  };
  visit(document);
  const host = document.querySelector("[data-postlint-root]");
  const typed = composer instanceof HTMLTextAreaElement ? "" : composer.innerText;
  return {body: document.body.innerText, typed, composer: composer.value ?? composer.innerText,
    texts: texts.concat(window.__spy.seen), openRoots, shadows: window.__spy.shadows,
    hostShadow: host.shadowRoot, hostText: host.textContent, hostAttributes: host.getAttributeNames()};
}"""


def assert_page_cannot_read(page, shown: str, name: str) -> None:
    """No line of what postlint shows, and the listed name only in the site's own composer."""
    view = page.evaluate(PAGE_VIEW)
    assert view["hostShadow"] is None and view["hostText"] == "" and view["openRoots"] == 0
    assert sorted(view["hostAttributes"]) == ["data-postlint-root", "style"]
    assert view["shadows"] == 0, "the page saw postlint call attachShadow"
    assert view["composer"].count(name) == 1 and view["body"].count(name) == view["typed"].count(name)
    assert not [t for t in view["texts"] if name in t]
    lines = [line.strip() for line in shown.splitlines() if len(line.strip()) > 3]
    assert lines
    assert not [line for line in lines if line in view["body"] or any(line in t for t in view["texts"])]


def type_post(page, text: str) -> None:
    """Click into the composer and type the text as the employee would."""
    page.click("#composer")
    page.keyboard.type(text)


def composer_text(page) -> str:
    """What the composer holds now."""
    return page.evaluate("() => { const c = document.getElementById('composer');"
                         " return c.value !== undefined ? c.value : c.innerText; }")


def underlines(root, clause: str) -> list[dict]:
    """The focusable underline elements for a clause, with their data attributes."""
    return root.eval_on_selector_all(
        f'[data-postlint-clause="{clause}"][data-postlint-index][role="button"]',
        "els => els.map(e => ({...e.dataset, rect: e.getBoundingClientRect().toJSON()}))")


def host_pids(socket: Path) -> list[int]:
    """The running postlint-host processes relaying to this test run's service socket."""
    pids = []
    for proc in Path("/proc").iterdir():
        try:
            command = (proc / "cmdline").read_bytes()
            env = (proc / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"extension_host" in command and f"POSTLINT_SOCKET={socket}".encode() in env:
            pids.append(int(proc.name))
    return pids


@pytest.fixture
def browser(launch):
    """Chromium with the extension switched on and the host installed."""
    b = launch()
    b.enable()
    return b


def test_fixed_extension_id(launch):
    """The manifest's key gives the extension the id postlint install-host allows by default."""
    from extension_host.install import DEFAULT_EXTENSION_ID

    assert launch().extension_id == DEFAULT_EXTENSION_ID


@pytest.mark.parametrize(("host", "path"), COMPOSERS)
def test_colleague_after_emoji_is_underlined(browser, screenshot, host, path):
    """A listed colleague named after an emoji: exactly the name is underlined; the card shows 4.6."""
    page = browser.open(host, path)
    root = browser.root(page)
    root.evaluate(PROBE)
    type_post(page, COLLEAGUE_POST)
    root.wait_for_selector('[data-postlint-clause="4.6"]', state="attached")
    probe = page.evaluate("() => window.__probe")
    marks = underlines(root, "4.6")
    start = COLLEAGUE_POST.encode("utf-16-le").find("Dan Okafor".encode("utf-16-le")) // 2
    assert [(m["postlintText"], int(m["postlintStart"]), int(m["postlintEnd"])) for m in marks] == [
        ("Dan Okafor", start, start + len("Dan Okafor"))]
    want, got = page.evaluate(TEXT_RECT, "Dan Okafor"), marks[0]["rect"]
    assert abs(got["left"] - want["left"]) < 2 and abs(got["width"] - want["width"]) < 2
    colour = root.eval_on_selector('[data-postlint-clause="4.6"]', "e => getComputedStyle(e).borderBottomColor")
    assert colour == "rgb(197, 34, 31)"
    root.query_selector(f'[data-postlint-index="{marks[0]["postlintIndex"]}"]').hover(force=True)
    card = root.wait_for_selector("[data-postlint-card]")
    assert card.get_attribute("data-postlint-clause") == "4.6"
    assert "policy 4.6" in card.inner_text()
    assert "personal information or data" in card.inner_text()
    print(f"\n{host}: last keystroke to underline {probe['appeared'] - probe['lastInput']:.0f} ms")
    screenshot(page)


@pytest.mark.parametrize(("host", "path"), COMPOSERS)
def test_suggestion_replaces_the_name(browser, screenshot, host, path):
    """Choosing a suggestion replaces the name in a way the page's editor notices."""
    page = browser.open(host, path)
    root = browser.root(page)
    type_post(page, COLLEAGUE_POST)
    mark = root.wait_for_selector('[data-postlint-clause="4.6"][role="button"]', state="attached")
    inputs = page.evaluate("() => window.editorState.inputs")
    root.query_selector(f'[data-postlint-index="{mark.get_attribute("data-postlint-index")}"]').hover(force=True)
    button = root.wait_for_selector("[data-postlint-card] [data-postlint-suggestion]")
    suggestion = button.get_attribute("data-postlint-suggestion")
    button.click()
    root.wait_for_selector('[data-postlint-clause="4.6"]', state="detached")
    text = composer_text(page)
    assert "Dan Okafor" not in text and suggestion in text
    assert page.evaluate("() => window.editorState.text") == text
    assert page.evaluate("() => window.editorState.inputs") > inputs
    screenshot(page)


@pytest.mark.parametrize(("host", "path"), COMPOSERS)
def test_clean_post_shows_nothing(browser, screenshot, host, path):
    """A post with nothing in it that the policy cares about gets no underline and no badge."""
    page = browser.open(host, path)
    root = browser.root(page)
    type_post(page, CLEAN_POST)
    layer = root.wait_for_selector("[data-postlint-linted]", state="attached")
    assert layer.get_attribute("data-postlint-count") == "0"
    assert root.query_selector_all(UNDERLINE) == []
    assert root.query_selector_all(".postlint-badge") == []
    screenshot(page)


def test_options_page_says_what_to_run_without_the_host(launch, screenshot):
    """With no host installed, the options page tells the employee to run postlint install-host."""
    page = launch(host=False).options()
    status = page.wait_for_selector('#postlint-status[data-host="host_not_installed"]')
    assert "postlint install-host" in status.inner_text()
    screenshot(page)


def test_composer_says_when_it_is_not_checked(launch, screenshot):
    """With no host, a grey "!" badge on the composer says the post is not being checked."""
    b = launch(host=False)
    b.enable()
    page = b.open("www.facebook.com", "facebook-composer.html")
    root = b.root(page)
    type_post(page, COLLEAGUE_POST)
    notice = root.wait_for_selector('.postlint-notice[data-postlint-error="host_not_installed"]')
    assert "not checking this post" in notice.get_attribute("aria-label")
    assert root.query_selector_all(UNDERLINE) == []
    screenshot(page)


def test_options_page_shows_connected_with_the_host(browser, screenshot):
    """With the host installed and the service running, the options page says it is connected."""
    page = browser.options()
    status = page.wait_for_selector('#postlint-status[data-service="ok"]')
    assert "Connected" in status.inner_text()
    screenshot(page)


def test_nothing_is_read_until_switched_on(launch, screenshot):
    """Before the employee switches postlint on, no script runs on the social site."""
    b = launch()
    page = b.open("www.facebook.com", "facebook-composer.html")
    type_post(page, RESIDENT_POST)
    page.wait_for_timeout(1000)
    assert page.query_selector("[data-postlint-root]") is None
    screenshot(page)


def test_switching_on_reaches_tabs_already_open(launch, screenshot):
    """A social site opened before postlint was switched on is checked without a reload."""
    b = launch()
    page = b.open("x.com", "x-composer.html")
    b.enable()
    root = b.root(page)
    type_post(page, COLLEAGUE_POST)
    root.wait_for_selector('[data-postlint-clause="4.6"]', state="attached")
    screenshot(page)


def test_confirmation_before_posting(browser, screenshot):
    """Posting with an error-level warning asks first; going back keeps the post, going on posts."""
    page = browser.open("www.facebook.com", "facebook-composer.html")
    root = browser.root(page)
    type_post(page, RESIDENT_POST)
    root.wait_for_selector('[data-postlint-severity="error"]', state="attached")
    page.click("#post")
    dialog = root.wait_for_selector("[data-postlint-confirm]")
    assert "Edith Barraclough" in dialog.inner_text() and "4.6" in dialog.inner_text()
    assert dialog.get_attribute("role") == "alertdialog"
    screenshot(page)
    root.query_selector(".postlint-confirm-back").click()
    assert page.query_selector_all("#feed li") == [] and "Edith" in composer_text(page)
    page.keyboard.press("Control+Enter")
    root.wait_for_selector("[data-postlint-confirm]")
    root.query_selector(".postlint-confirm-go").click()
    page.wait_for_selector("#feed li")
    assert page.inner_text("#feed li") == RESIDENT_POST


def test_ignore_in_this_post(browser, screenshot):
    """"Ignore in this post" removes the underline and lets the post go without asking."""
    page = browser.open("x.com", "x-composer.html")
    root = browser.root(page)
    type_post(page, RESIDENT_POST)
    mark = root.wait_for_selector('[data-postlint-clause="4.6"][role="button"]', state="attached")
    root.query_selector(f'[data-postlint-index="{mark.get_attribute("data-postlint-index")}"]').hover(force=True)
    root.wait_for_selector("[data-postlint-card] .postlint-ignore").click()
    root.wait_for_selector('[data-postlint-clause="4.6"]', state="detached")
    page.click("#post")
    page.wait_for_selector("#feed li")
    screenshot(page)


def test_keyboard_reaches_the_card(browser, screenshot):
    """Alt+Shift+P moves to the underline, Enter opens its card, and a suggestion applies by key."""
    page = browser.open("www.facebook.com", "facebook-composer.html")
    root = browser.root(page)
    type_post(page, COLLEAGUE_POST)
    root.wait_for_selector('[data-postlint-clause="4.6"][role="button"]', state="attached")
    page.keyboard.press("Alt+Shift+KeyP")
    assert root.evaluate("r => r.activeElement.dataset.postlintClause") == "4.6"
    assert root.wait_for_selector("[data-postlint-card]").get_attribute("role") == "dialog"
    page.keyboard.press("Enter")
    assert root.evaluate("r => r.activeElement.dataset.postlintSuggestion") is not None
    screenshot(page)
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.getElementById('composer').innerText.includes('Okafor')")


def test_screen_readers_still_get_the_warning(browser):
    """Inside the closed root the underline is a described button and the card a named dialog."""
    page = browser.open("www.facebook.com", "facebook-composer.html")
    root = browser.root(page)
    type_post(page, RESIDENT_POST)
    root.wait_for_selector('[data-postlint-clause="4.6"][role="button"]', state="attached").focus()
    root.wait_for_selector("[data-postlint-card]")
    cdp = browser.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    cdp.detach()
    named = {(n.get("role", {}).get("value"), n.get("name", {}).get("value", "")) for n in nodes
             if not n.get("ignored")}
    assert any(role == "button" and name.startswith("Policy breach, policy 4.6: “Edith Barraclough”.")
               and "resident on the council's list" in name for role, name in named)
    assert ("dialog", "Policy breach · policy 4.6") in named


@pytest.mark.parametrize(("host", "path"), COMPOSERS[:2])
def test_page_scripts_cannot_read_the_warnings(browser, screenshot, host, path):
    """The card and the confirmation name a listed resident; the site's scripts find neither."""
    browser.context.add_init_script(SITE_SPY)
    page = browser.open(host, path)
    root = browser.root(page)
    type_post(page, RESIDENT_POST)
    mark = root.wait_for_selector('[data-postlint-clause="4.6"][role="button"]', state="attached")
    mark.focus()
    card = root.wait_for_selector("[data-postlint-card]").inner_text()
    assert "Edith Barraclough is a resident on the council's list" in card
    assert page.evaluate("() => document.activeElement.matches('[data-postlint-root]')")
    assert_page_cannot_read(page, card, "Edith Barraclough")
    page.keyboard.press("Escape")
    root.wait_for_selector("[data-postlint-card]", state="detached")
    page.click("#post")
    dialog = root.wait_for_selector("[data-postlint-confirm]").inner_text()
    assert "Edith Barraclough is a resident" in dialog
    assert_page_cannot_read(page, dialog, "Edith Barraclough")
    screenshot(page)


def test_card_fits_at_200_percent_zoom(launch, screenshot):
    """At 200% zoom (half the CSS width, twice the pixels) the card and its fix stay in view."""
    b = launch(scale=2, viewport={"width": 550, "height": 360})
    b.enable()
    page = b.open("www.facebook.com", "facebook-composer.html")
    root = b.root(page)
    type_post(page, COLLEAGUE_POST)
    mark = root.wait_for_selector('[data-postlint-clause="4.6"][role="button"]', state="attached")
    mark.focus()
    box = root.wait_for_selector("[data-postlint-card]").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 550
    assert box["y"] >= 0 and box["y"] + box["height"] <= 360
    fix = root.query_selector("[data-postlint-card] [data-postlint-suggestion]").bounding_box()
    assert fix["y"] + fix["height"] <= box["y"] + box["height"]
    screenshot(page)


def test_reconnects_after_the_host_exits(browser, service, screenshot):
    """When the host exits, the next lint starts it again and underlines still appear."""
    page = browser.open("x.com", "x-composer.html")
    root = browser.root(page)
    type_post(page, COLLEAGUE_POST)
    root.wait_for_selector('[data-postlint-clause="4.6"]', state="attached")
    before = host_pids(service)
    assert len(before) == 1
    os.kill(before[0], signal.SIGTERM)
    deadline = time.monotonic() + 10
    while before[0] in host_pids(service) and time.monotonic() < deadline:
        time.sleep(0.1)
    page.keyboard.type(" Thanks also to Edith Barraclough.")
    root.wait_for_selector('[data-postlint-text="Edith Barraclough"]', state="attached")
    after = host_pids(service)
    assert len(after) == 1 and after != before
    screenshot(page)


def test_switching_off_removes_everything(browser, screenshot):
    """Switching postlint off in the options page takes its layer off pages already open."""
    page = browser.open("www.facebook.com", "facebook-composer.html")
    root = browser.root(page)
    type_post(page, COLLEAGUE_POST)
    root.wait_for_selector('[data-postlint-clause="4.6"]', state="attached")
    options = browser.options()
    options.uncheck("#postlint-enabled")
    options.wait_for_selector('#postlint-watching[data-state="off"]')
    page.wait_for_selector("[data-postlint-root]", state="detached")
    page.keyboard.type(" Edith Barraclough")
    page.wait_for_timeout(800)
    assert page.query_selector("[data-postlint-root]") is None
    screenshot(page)
