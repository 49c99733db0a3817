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

# Timestamps, in the page, of the last keystroke or edit event and of the first 4.6 underline after it.
PROBE = """() => {
  window.__probe = {lastInput: 0, appeared: null};
  for (const type of ["keydown", "beforeinput", "input"]) {
    document.addEventListener(type, () => {
      window.__probe.lastInput = performance.now();
      window.__probe.appeared = null;
    }, true);
  }
  new MutationObserver(() => {
    if (window.__probe.appeared === null && window.__probe.lastInput
        && document.querySelector('[data-postlint-clause="4.6"]')) {
      window.__probe.appeared = performance.now();
    }
  }).observe(document.documentElement, {childList: true, subtree: true});
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


def type_post(page, text: str) -> None:
    """Click into the composer and type the text as the employee would."""
    page.click("#composer")
    page.keyboard.type(text)


def composer_text(page) -> str:
    """What the composer holds now."""
    return page.evaluate("() => { const c = document.getElementById('composer');"
                         " return c.value !== undefined ? c.value : c.innerText; }")


def underlines(page, clause: str) -> list[dict]:
    """The focusable underline elements for a clause, with their data attributes."""
    return page.eval_on_selector_all(
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
    page.evaluate(PROBE)
    type_post(page, COLLEAGUE_POST)
    page.wait_for_selector('[data-postlint-clause="4.6"]', state="attached")
    probe = page.evaluate("() => window.__probe")
    marks = underlines(page, "4.6")
    start = COLLEAGUE_POST.encode("utf-16-le").find("Dan Okafor".encode("utf-16-le")) // 2
    assert [(m["postlintText"], int(m["postlintStart"]), int(m["postlintEnd"])) for m in marks] == [
        ("Dan Okafor", start, start + len("Dan Okafor"))]
    want, got = page.evaluate(TEXT_RECT, "Dan Okafor"), marks[0]["rect"]
    assert abs(got["left"] - want["left"]) < 2 and abs(got["width"] - want["width"]) < 2
    colour = page.eval_on_selector('[data-postlint-clause="4.6"]', "e => getComputedStyle(e).borderBottomColor")
    assert colour == "rgb(197, 34, 31)"
    page.hover(f'[data-postlint-index="{marks[0]["postlintIndex"]}"]', force=True)
    card = page.wait_for_selector("[data-postlint-card]")
    assert card.get_attribute("data-postlint-clause") == "4.6"
    assert "policy 4.6" in card.inner_text()
    assert "personal information or data" in card.inner_text()
    print(f"\n{host}: last keystroke to underline {probe['appeared'] - probe['lastInput']:.0f} ms")
    screenshot(page)


@pytest.mark.parametrize(("host", "path"), COMPOSERS)
def test_suggestion_replaces_the_name(browser, screenshot, host, path):
    """Choosing a suggestion replaces the name in a way the page's editor notices."""
    page = browser.open(host, path)
    type_post(page, COLLEAGUE_POST)
    mark = page.wait_for_selector('[data-postlint-clause="4.6"][role="button"]', state="attached")
    inputs = page.evaluate("() => window.editorState.inputs")
    page.hover(f'[data-postlint-index="{mark.get_attribute("data-postlint-index")}"]', force=True)
    button = page.wait_for_selector("[data-postlint-card] [data-postlint-suggestion]")
    suggestion = button.get_attribute("data-postlint-suggestion")
    button.click()
    page.wait_for_function("() => !document.querySelector('[data-postlint-clause=\"4.6\"]')")
    text = composer_text(page)
    assert "Dan Okafor" not in text and suggestion in text
    assert page.evaluate("() => window.editorState.text") == text
    assert page.evaluate("() => window.editorState.inputs") > inputs
    screenshot(page)


@pytest.mark.parametrize(("host", "path"), COMPOSERS)
def test_clean_post_shows_nothing(browser, screenshot, host, path):
    """A post with nothing in it that the policy cares about gets no underline and no badge."""
    page = browser.open(host, path)
    type_post(page, CLEAN_POST)
    page.wait_for_selector("[data-postlint-root][data-postlint-linted]", state="attached")
    assert page.eval_on_selector("[data-postlint-root]", "e => e.dataset.postlintCount") == "0"
    assert page.query_selector_all(UNDERLINE) == []
    assert page.query_selector_all(".postlint-badge") == []
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
    type_post(page, COLLEAGUE_POST)
    notice = page.wait_for_selector('.postlint-notice[data-postlint-error="host_not_installed"]')
    assert "not checking this post" in notice.get_attribute("aria-label")
    assert page.query_selector_all(UNDERLINE) == []
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
    type_post(page, COLLEAGUE_POST)
    page.wait_for_selector('[data-postlint-clause="4.6"]', state="attached")
    screenshot(page)


def test_confirmation_before_posting(browser, screenshot):
    """Posting with an error-level warning asks first; going back keeps the post, going on posts."""
    page = browser.open("www.facebook.com", "facebook-composer.html")
    type_post(page, RESIDENT_POST)
    page.wait_for_selector('[data-postlint-severity="error"]', state="attached")
    page.click("#post")
    dialog = page.wait_for_selector("[data-postlint-confirm]")
    assert "Edith Barraclough" in dialog.inner_text() and "4.6" in dialog.inner_text()
    screenshot(page)
    page.click(".postlint-confirm-back")
    assert page.query_selector_all("#feed li") == [] and "Edith" in composer_text(page)
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("[data-postlint-confirm]")
    page.click(".postlint-confirm-go")
    page.wait_for_selector("#feed li")
    assert page.inner_text("#feed li") == RESIDENT_POST


def test_ignore_in_this_post(browser, screenshot):
    """"Ignore in this post" removes the underline and lets the post go without asking."""
    page = browser.open("x.com", "x-composer.html")
    type_post(page, RESIDENT_POST)
    mark = page.wait_for_selector('[data-postlint-clause="4.6"][role="button"]', state="attached")
    page.hover(f'[data-postlint-index="{mark.get_attribute("data-postlint-index")}"]', force=True)
    page.click("[data-postlint-card] .postlint-ignore")
    page.wait_for_function("() => !document.querySelector('[data-postlint-clause=\"4.6\"]')")
    page.click("#post")
    page.wait_for_selector("#feed li")
    screenshot(page)


def test_keyboard_reaches_the_card(browser, screenshot):
    """Alt+Shift+P moves to the underline, Enter opens its card, and a suggestion applies by key."""
    page = browser.open("www.facebook.com", "facebook-composer.html")
    type_post(page, COLLEAGUE_POST)
    page.wait_for_selector('[data-postlint-clause="4.6"][role="button"]', state="attached")
    page.keyboard.press("Alt+Shift+KeyP")
    focused = page.evaluate("() => document.activeElement.dataset.postlintClause")
    assert focused == "4.6"
    assert page.wait_for_selector("[data-postlint-card]").get_attribute("role") == "dialog"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.dataset.postlintSuggestion") is not None
    screenshot(page)
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.getElementById('composer').innerText.includes('Okafor')")


def test_card_fits_at_200_percent_zoom(launch, screenshot):
    """At 200% zoom (half the CSS width, twice the pixels) the card and its fix stay in view."""
    b = launch(scale=2, viewport={"width": 550, "height": 360})
    b.enable()
    page = b.open("www.facebook.com", "facebook-composer.html")
    type_post(page, COLLEAGUE_POST)
    mark = page.wait_for_selector('[data-postlint-clause="4.6"][role="button"]', state="attached")
    mark.focus()
    box = page.wait_for_selector("[data-postlint-card]").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 550
    assert box["y"] >= 0 and box["y"] + box["height"] <= 360
    fix = page.query_selector("[data-postlint-card] [data-postlint-suggestion]").bounding_box()
    assert fix["y"] + fix["height"] <= box["y"] + box["height"]
    screenshot(page)


def test_reconnects_after_the_host_exits(browser, service, screenshot):
    """When the host exits, the next lint starts it again and underlines still appear."""
    page = browser.open("x.com", "x-composer.html")
    type_post(page, COLLEAGUE_POST)
    page.wait_for_selector('[data-postlint-clause="4.6"]', state="attached")
    before = host_pids(service)
    assert len(before) == 1
    os.kill(before[0], signal.SIGTERM)
    deadline = time.monotonic() + 10
    while before[0] in host_pids(service) and time.monotonic() < deadline:
        time.sleep(0.1)
    page.keyboard.type(" Thanks also to Edith Barraclough.")
    page.wait_for_selector('[data-postlint-text="Edith Barraclough"]', state="attached")
    after = host_pids(service)
    assert len(after) == 1 and after != before
    screenshot(page)


def test_switching_off_removes_everything(browser, screenshot):
    """Switching postlint off in the options page takes its layer off pages already open."""
    page = browser.open("www.facebook.com", "facebook-composer.html")
    type_post(page, COLLEAGUE_POST)
    page.wait_for_selector('[data-postlint-clause="4.6"]', state="attached")
    options = browser.options()
    options.uncheck("#postlint-enabled")
    options.wait_for_selector('#postlint-watching[data-state="off"]')
    page.wait_for_selector("[data-postlint-root]", state="detached")
    page.keyboard.type(" Edith Barraclough")
    page.wait_for_timeout(800)
    assert page.query_selector_all(UNDERLINE) == []
    screenshot(page)
