"""Cross-article exploration in the Neo4j Browser, in a real browser (headless Chromium driven by
Selenium), plus the `newsgraph browser` command and the style file it points at.

The end-to-end test writes three hand-made articles into the test server, opens the Browser
served by it, applies the project's style with `:style`, sets the parameters with `:params` and
pastes the company-profile question file, then reads the graph view and the text view of the
result. Screenshots go to test-artifacts/browser/; with NEWSGRAPH_UPDATE_DOCS_SCREENSHOT=1 the
graph view also replaces docs/browser.png (the README's picture).

Chromium and its WebDriver come from Debian (scripts/install-browser); Selenium never downloads
either (both paths are given, and SE_OFFLINE is set).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.staged import write_documents
from newsgraph.graph.browser import STYLE_PATH, browser_url, connect_url, style_command, style_text
from newsgraph.graph.neo4j_store import Neo4jStore
from newsgraph.graph.questions import question
from newsgraph.graph.schema import NODES

from ..graph.test_comparisons import article
from ..graph.test_questions import COMPANY_PROFILE, DOCUMENTS

CONFLICTING = [article("x1", [("3659亿元", 365_900_000_000, "营收")], title="小米营收3659亿元", published="2025-03-19"),
               article("x2", [("3,659.0亿元", 365_900_000_000, "营收")], title="小米年报解读", published="2025-03-20"),
               article("x3", [("3500亿元", 350_000_000_000, "营收")], title="一篇写错数字的报道", published="2025-03-25")]

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
DOCS_SCREENSHOT = ROOT / "docs" / "browser.png"
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 "--window-size=1400,1000", "--lang=zh-CN")
TIMEOUT = 60  # seconds, for each wait

# Paste into the Browser's editor (a Monaco editor) as a user does: a paste event with the text.
PASTE = """
const area = document.querySelector('[data-testid="activeEditor"] textarea');
area.focus();
const data = new DataTransfer();
data.setData('text/plain', arguments[0]);
area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
"""
# Drop a file onto the Browser window as a user drags one from a file manager.
DROP = """
const data = new DataTransfer();
data.items.add(new File([arguments[1]], arguments[0]));
const target = document.querySelector('[data-testid="main"]');
for (const type of ['dragenter', 'dragover', 'drop']) {
  target.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));
}
"""
COMPANY_COLOUR = re.search(r"node\.Company \{[^}]*?color: (#[0-9A-F]{6});", style_text()).group(1)
DISAGREES_COLOUR = re.search(r"relationship\.DISAGREES_WITH \{[^}]*?color: (#[0-9A-F]{6});", style_text()).group(1)


# --- the style and the `newsgraph browser` command (no browser needed) --------------------------


def _grass_rules(text: str) -> dict[str, dict[str, str]]:
    """Parse GraSS as the Browser does (selector { key: value; … }, quotes dropped, braces inside
    quotes kept), refusing what it would misread: comments, a property without exactly one colon."""
    assert "/*" not in text and "//" not in text
    rules, selector, body, in_rule, in_string = {}, "", "", False, False
    for char in text:
        if char in "'\"":
            in_string = not in_string
        elif char == "{" and not in_string:
            in_rule = True
        elif char == "}" and not in_string:
            props = {}
            for prop in filter(None, (p.strip() for p in body.split(";"))):
                key, value = prop.split(":")  # exactly one colon, or the Browser drops it
                props[key.strip()] = value.strip()
            rules[selector.strip()] = props
            selector, body, in_rule = "", "", False
        elif in_rule:
            body += char
        else:
            selector += char
    assert not in_string and not in_rule and not selector.strip()
    return rules


def test_the_style_gives_every_label_a_colour_a_size_and_a_caption():
    rules = _grass_rules(style_text())
    assert set(rules) == {"node", "relationship", "relationship.DISAGREES_WITH", "relationship.AGREES_WITH"} | {
        f"node.{label}" for label in NODES}
    for label in NODES:
        props = rules[f"node.{label}"]
        assert re.fullmatch(r"#[0-9A-F]{6}", props["color"]) and re.fullmatch(r"\d+px", props["diameter"])
        assert props["caption"] == "{name}", label  # Figure: its text as written, e.g. 3659亿元
    colours = [rules[f"node.{label}"]["color"] for label in NODES]
    assert len(set(colours)) == len(colours)
    # 200 nodes stay readable: small sentences, no node larger than 60px
    assert all(int(rules[f"node.{label}"]["diameter"][:-2]) <= 60 for label in NODES)
    assert rules["node.Sentence"]["diameter"] == "25px"


def test_disagreements_are_drawn_red_and_agreements_green():
    rules = _grass_rules(style_text())
    assert rules["relationship.DISAGREES_WITH"]["color"] == DISAGREES_COLOUR == "#E0242F"
    assert rules["relationship.AGREES_WITH"]["color"] != DISAGREES_COLOUR
    assert int(rules["relationship.DISAGREES_WITH"]["shaft-width"][:-2]) > int(rules["relationship"]["shaft-width"][:-2])


def test_browser_urls():
    assert browser_url(None) == "http://127.0.0.1:7474/browser/"
    assert browser_url("bolt://db.example:17687") == "http://db.example:7474/browser/"
    assert browser_url("neo4j://127.0.0.1:7687", http_port=17474) == "http://127.0.0.1:17474/browser/"
    assert browser_url("neo4j+s://db.example") == "https://db.example:7473/browser/"
    assert browser_url("bolt://[::1]:7687") == "http://[::1]:7474/browser/"
    assert connect_url("http://h:7474/browser/", "bolt://h:7687") == (
        "http://h:7474/browser/?dbms=bolt://h:7687&preselectAuthMethod=NO_AUTH")
    assert connect_url("http://h:7474/browser/", "bolt://h:7687", auth=True) == (
        "http://h:7474/browser/?dbms=bolt://h:7687")
    with pytest.raises(ValueError, match="invalid Neo4j URI '127.0.0.1'"):
        browser_url("127.0.0.1")


def test_browser_command_prints_the_url_and_how_to_apply_the_style(monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.delenv("NEO4J_BROWSER_URL", raising=False)
    monkeypatch.delenv("NEO4J_USERNAME", raising=False)
    runner = CliRunner()
    result = runner.invoke(main, ["browser", "--neo4j", "bolt://127.0.0.1:17687", "--http-port", "17474"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Neo4j Browser: http://127.0.0.1:17474/browser/"
    assert lines[1] == ("Connect form filled in for bolt://127.0.0.1:17687: "
                        "http://127.0.0.1:17474/browser/?dbms=bolt://127.0.0.1:17687&preselectAuthMethod=NO_AUTH")
    assert lines[lines.index("  - drag this file onto the Browser window:") + 1] == f"      {STYLE_PATH}"
    assert "  - or paste the output of `newsgraph browser --style` into the editor and run it." in lines

    result = runner.invoke(main, ["browser", "--json"], env={"NEO4J_URI": "bolt://10.0.0.5:7687",
                                                             "NEO4J_BROWSER_URL": ""})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "browser_url": "http://10.0.0.5:7474/browser/",
        "connect_url": "http://10.0.0.5:7474/browser/?dbms=bolt://10.0.0.5:7687&preselectAuthMethod=NO_AUTH",
        "neo4j_uri": "bolt://10.0.0.5:7687", "style_path": str(STYLE_PATH), "style_command": style_command()}

    result = runner.invoke(main, ["browser", "--json"], env={"NEO4J_BROWSER_URL": "http://proxy/browser/"})
    assert json.loads(result.stdout)["browser_url"] == "http://proxy/browser/"

    result = runner.invoke(main, ["browser", "--style"])
    assert result.exit_code == 0 and result.stdout == ":style\n" + STYLE_PATH.read_text(encoding="utf-8")

    result = runner.invoke(main, ["browser", "--neo4j", "localhost"])
    assert result.exit_code == 1
    assert result.stderr == ("Error: invalid Neo4j URI 'localhost'; use e.g. bolt://127.0.0.1:7687 "
                             "(--neo4j or NEO4J_URI)\n")


# --- the real thing -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.fail(f"{' and '.join(missing)} missing: run scripts/install-browser "
                    "(Debian's chromium and chromium-driver)", pytrace=False)
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("selenium is missing: pip install -e '.[test]'", pytrace=False)

    previous = os.environ.get("SE_OFFLINE")
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download a browser or driver
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in CHROMIUM_ARGS + (f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(TIMEOUT)
    try:
        yield driver
    finally:
        driver.quit()
        if previous is None:
            os.environ.pop("SE_OFFLINE", None)
        else:
            os.environ["SE_OFFLINE"] = previous


@pytest.fixture
def neo4j_graph(neo4j_uri):
    store = Neo4jStore(neo4j_uri)
    try:
        store.clear()
        store.ensure_schema()
        write_documents(store, DOCUMENTS, "browser-test")
    finally:
        store.close()


class BrowserPage:
    """The Neo4j Browser page: run commands from the editor, wait for their result frames."""

    def __init__(self, driver):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait

        self.driver, self.by = driver, By
        self.wait = WebDriverWait(driver, TIMEOUT, poll_frequency=0.2)

    def frames(self):
        return self.driver.find_elements(self.by.CSS_SELECTOR, '[data-testid="frame"]')

    def open(self, url: str) -> None:
        self.driver.get(url)
        self.wait.until(lambda d: "server auth is disabled" in self._stream_text(),
                        "the Browser did not connect to Neo4j")

    def _stream_text(self) -> str:
        streams = self.driver.find_elements(self.by.CSS_SELECTOR, '[data-testid="stream"]')
        return streams[0].text if streams else ""

    def run(self, text: str, done: str):
        """Paste text into the editor, run it, and return its frame once `done` (CSS or text) shows."""
        before = len(self.frames())
        self.wait.until(lambda d: d.find_elements(self.by.CSS_SELECTOR, '[data-testid="activeEditor"] textarea'))
        self.driver.execute_script(PASTE, text)
        self.driver.find_element(self.by.CSS_SELECTOR, '[data-testid="editor-Run"]').click()
        self.wait.until(lambda d: len(self.frames()) > before, f"no frame for {text[:40]!r}")
        frame = self.frames()[0]  # the newest frame is on top

        def finished(_):
            if done.startswith("["):
                return frame.find_elements(self.by.CSS_SELECTOR, done)
            return done in frame.text

        self.wait.until(finished, f"{text[:40]!r} did not show {done!r}; the frame shows: {frame.text[:500]}")
        assert "Error" not in frame.find_element(self.by.CSS_SELECTOR, '[data-testid="frameContents"]').text[:200]
        return frame

    def drop(self, path: Path, done: str):
        """Drop a file onto the Browser; return the newest frame once it shows `done`."""
        before = len(self.frames())
        self.driver.execute_script(DROP, path.name, path.read_text(encoding="utf-8"))
        self.wait.until(lambda d: len(self.frames()) > before and done in self.frames()[0].text,
                        f"dropping {path.name} showed no frame with {done!r}")
        return self.frames()[0]

    def settle(self, frame) -> None:
        """Wait until the graph layout stops moving (for a readable screenshot)."""
        def positions():  # of the nodes, and the zoom of the whole drawing
            groups = frame.find_elements(self.by.CSS_SELECTOR, "svg g.node") + frame.find_elements(
                self.by.CSS_SELECTOR, "svg > g")
            return [g.get_attribute("transform") for g in groups]

        previous = positions()

        def still(_):
            nonlocal previous
            time.sleep(0.3)
            current = positions()
            same, previous = current == previous, current
            return same
        self.wait.until(still, "the graph layout did not settle")


def test_company_profile_in_the_neo4j_browser(chromium, neo4j_server, neo4j_graph):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = BrowserPage(chromium)
    by = page.by
    started = time.perf_counter()
    try:
        page.open(connect_url(neo4j_server["browser_url"], neo4j_server["uri"]))
        # The two ways `newsgraph browser` gives: drop the file, or run what `--style` prints.
        dropped = page.drop(STYLE_PATH, "node.Company {").text
        assert f"color: {COMPANY_COLOUR};" in dropped and 'caption: "{name}";' in dropped
        style = page.run(style_command(), "node.Company")
        assert "Could not parse" not in style.text

        q = question("company-profile")
        params, query = q.browser_text({"company": "小米"}).split("\n\n", 1)  # what `ask --cypher` prints
        page.run(params, "Successfully set your parameters")
        frame = page.run(query, '[data-testid="cypherFrameSidebarTable"]')

        # Graph view (the default): every node of the result, captioned and coloured by the style.
        page.wait.until(lambda d: len(frame.find_elements(by.CSS_SELECTOR, "svg g.node")) == 17,
                        "the graph view did not draw the 17 nodes of the profile")
        captions = {t.text for t in frame.find_elements(by.CSS_SELECTOR, "svg g.node text")}
        assert {"小米集团", "雷军", "卢伟冰", "2710亿元", "3659亿元", "35%", "300亿元", "35万辆", "千亿元"} <= captions
        fills = {c.get_attribute("fill").upper() for c in frame.find_elements(by.CSS_SELECTOR, "svg g.node circle")
                 if c.get_attribute("fill")}
        assert COMPANY_COLOUR in fills
        legend = frame.text
        for label, count in (("Company", 1), ("Person", 2), ("Figure", 6), ("Claim", 5), ("Article", 3)):
            assert f"{label} ({count})" in legend
        frame.find_element(by.CSS_SELECTOR, 'button[title="Fullscreen"]').click()
        page.settle(frame)
        frame.find_element(by.CSS_SELECTOR, 'button[aria-label="zoom-to-fit"]').click()
        page.settle(frame)
        chromium.save_screenshot(str(ARTIFACTS / "company-profile-graph.png"))
        if os.environ.get("NEWSGRAPH_UPDATE_DOCS_SCREENSHOT"):
            shutil.copyfile(ARTIFACTS / "company-profile-graph.png", DOCS_SCREENSHOT)
        frame.find_element(by.CSS_SELECTOR, 'button[title="Close fullscreen"]').click()

        # Text view: the same rows as `newsgraph ask company-profile -p company=小米`.
        frame.find_element(by.CSS_SELECTOR, '[data-testid="cypherFrameSidebarAscii"]').click()
        page.wait.until(lambda d: "╒" in frame.text, "the text view did not show")
        text = frame.find_element(by.CSS_SELECTOR, '[data-testid="frameContents"]').text
        facts = [line.split("│")[1].strip() for line in text.splitlines() if line.startswith('│"')]
        assert facts == [f'"{row[0]}"' for row in COMPANY_PROFILE]
        assert 'name: "小米集团"' in text and 'name: "3659亿元"' in text and '"a1:11-17"' in text
        chromium.save_screenshot(str(ARTIFACTS / "company-profile-text.png"))
    except Exception:
        chromium.save_screenshot(str(ARTIFACTS / "failure.png"))
        (ARTIFACTS / "failure.txt").write_text(chromium.find_element(by.TAG_NAME, "body").text, encoding="utf-8")
        raise
    finally:
        print(f"browser test: {time.perf_counter() - started:.1f}s in the browser")


@pytest.fixture
def neo4j_conflicts(neo4j_uri):
    """Two articles reporting 小米集团's 2024 revenue differently, and one agreeing with the first."""
    store = Neo4jStore(neo4j_uri)
    try:
        store.clear()
        store.ensure_schema()
        for doc in CONFLICTING:
            write_documents(store, [doc], "browser-test")
    finally:
        store.close()


def test_disagreeing_figures_in_the_neo4j_browser(chromium, neo4j_server, neo4j_conflicts):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = BrowserPage(chromium)
    by = page.by
    try:
        page.open(connect_url(neo4j_server["browser_url"], neo4j_server["uri"]))
        page.run(style_command(), "relationship.DISAGREES_WITH")
        params, query = question("disagreeing-figures").browser_text({"company": "小米集团"}).split("\n\n", 1)
        page.run(params, "Successfully set your parameters")
        frame = page.run(query, '[data-testid="cypherFrameSidebarTable"]')
        page.wait.until(lambda d: frame.find_elements(by.CSS_SELECTOR, "svg g.relationship"),
                        "the graph view drew no relationship")
        captions = {t.text for t in frame.find_elements(by.CSS_SELECTOR, "svg g.node text")}
        assert {"3659亿元", "3500亿元"} <= captions
        def fills(edge):
            return {(path.get_attribute("fill") or "").upper() for path in edge.find_elements(by.CSS_SELECTOR, "path")}

        edges = frame.find_elements(by.CSS_SELECTOR, "svg g.relationship")
        red = [edge for edge in edges if DISAGREES_COLOUR in fills(edge)]
        assert len(red) == 2  # 3500亿's Value against each of the two Values that agree on 3659亿
        assert all(edge.text.startswith("DISA") for edge in red)  # the caption, cut when the edge is short
        assert "DISAGREES_WITH (2)" in frame.text and "AGREES_WITH (1)" in frame.text  # the legend
        assert "Value (3)" in frame.text and "REPORTS (3)" in frame.text  # each figure hangs on its Value
        frame.find_element(by.CSS_SELECTOR, 'button[title="Fullscreen"]').click()
        page.settle(frame)
        frame.find_element(by.CSS_SELECTOR, 'button[aria-label="zoom-to-fit"]').click()
        page.settle(frame)
        chromium.save_screenshot(str(ARTIFACTS / "disagreeing-figures-graph.png"))
        frame.find_element(by.CSS_SELECTOR, 'button[title="Close fullscreen"]').click()
    except Exception:
        chromium.save_screenshot(str(ARTIFACTS / "failure-conflicts.png"))
        raise
