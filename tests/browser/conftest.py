"""The app in a real Chromium: a `streamlit run` subprocess per article folder, a fresh browser context per test.

Servers are started on demand (one per folder, on a free port from PORTS), kept for the session and
stopped at its end. Every page a test opens fails the test if a JavaScript dialog appears: article
text is untrusted and no script of its own may ever run.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard" / "app.py"
SEEDS = ROOT / "seeds"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PORTS = range(8644, 8660)
START_TIMEOUT_S = 60
# the first run of a page loads the spaCy model and parses the folder
FIRST_RUN_TIMEOUT_MS = 90_000
RUN_TIMEOUT_MS = 30_000


def pytest_collection_modifyitems(items):
    """Every test in this folder carries the `browser` marker (`-m "not browser"` skips them)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        if s.connect_ex(("127.0.0.1", port)) == 0:
            return False
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("", port))
    except OSError:
        return False
    return True


@dataclass
class AppServer:
    """One `streamlit run dashboard/app.py -- FOLDER` subprocess."""

    folder: Path
    port: int
    log: Path
    process: subprocess.Popen = field(repr=False)

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}"

    def page_url(self, path: str = "", query: dict | list | None = None) -> str:
        """The address of a page (`overview`, `quotes`, ...) with query parameters."""
        q = f"?{urlencode(query, doseq=True)}" if query else ""
        return f"{self.url}/{path}{q}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start_server(folder: Path, workdir: Path, used: set[int]) -> AppServer:
    """Start the app on `folder` on a free port from PORTS and wait until it answers."""
    port = next((p for p in PORTS if p not in used and _port_is_free(p)), None)
    if port is None:
        pytest.fail(f"no free port in {PORTS.start}-{PORTS.stop - 1} for the app under test")
    used.add(port)
    workdir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_FOLDER"}
    env["BRIEFING_CACHE_DIR"] = str(workdir / "cache")
    log = workdir / f"server-{port}.log"
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port),
           "--server.headless", "true", "--server.fileWatcherType", "none",
           "--browser.gatherUsageStats", "false", "--", str(folder)]
    with log.open("wb") as out:
        process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = AppServer(folder=folder, port=port, log=log, process=process)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the app exited with code {process.returncode} before answering:\n{server.output()}")
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    server.stop()
    pytest.fail(f"the app did not answer on port {port} within {START_TIMEOUT_S} s:\n{server.output()}")


@pytest.fixture(scope="session")
def app_server(tmp_path_factory) -> Iterator:
    """`app_server(folder)`: the running app on `folder`, started once per folder per session."""
    servers: dict[Path, AppServer] = {}
    used: set[int] = set()

    def get(folder: Path) -> AppServer:
        folder = Path(folder).resolve()
        if folder not in servers:
            servers[folder] = start_server(folder, tmp_path_factory.mktemp("server"), used)
        server = servers[folder]
        if server.process.poll() is not None:
            pytest.fail(f"the app on {folder} has stopped:\n{server.output()}")
        return server

    yield get
    for server in servers.values():
        server.stop()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium. "
                    "Install it with `sudo apt-get install chromium` (scripts/test.sh does this).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    """`new_page()`: a page in a fresh browser context (its own cookies and session), dialogs forbidden."""
    contexts, dialogs = [], []

    def make(*, width: int = 1400, height: int = 1000):
        context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(RUN_TIMEOUT_MS)
        page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
        return page

    yield make
    for context in contexts:
        context.close()
    assert not dialogs, f"a script from the page opened a dialog: {dialogs}"


@pytest.fixture
def page(new_page):
    """One page in a fresh browser context."""
    return new_page()


# ---------------------------------------------------------------- helpers the tests share

def wait_idle(page, *, timeout: int = RUN_TIMEOUT_MS) -> None:
    """Wait until no script run is going on and nothing on the page is stale, for half a second in a row.

    One user action can start more than one run (a widget bound to the URL reruns once more), so a
    single idle moment is not enough.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        _wait_for_idle(page, timeout)
    except PlaywrightTimeout:
        state = page.evaluate("""() => ({
            script: document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state'),
            stale: document.querySelectorAll('[data-stale="true"]').length,
            spinners: [...document.querySelectorAll('[data-testid="stSpinner"]')].map(e => e.innerText),
            skeletons: document.querySelectorAll('[data-testid="stSkeleton"]').length,
            url: location.href})""")
        pytest.fail(f"the app did not settle within {timeout / 1000:.0f} s: {state}")


def _wait_for_idle(page, timeout: int) -> None:
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            const idle = app && app.getAttribute('data-test-script-state') === 'notRunning'
                && !document.querySelector('[data-stale="true"]')
                && !document.querySelector('[data-testid="stSpinner"]')
                && !document.querySelector('[data-testid="stSkeleton"]');
            if (!idle) { window.__idleSince = undefined; return false; }
            window.__idleSince = window.__idleSince || Date.now();
            return Date.now() - window.__idleSince > 500;
        }""", timeout=timeout, polling=100)
    window_reset = "() => { window.__idleSince = undefined; }"
    page.evaluate(window_reset)


def open_app(page, server: AppServer, path: str = "", query: dict | list | None = None) -> None:
    """Open a page of the app and wait until it has been drawn."""
    page.goto(server.page_url(path, query))
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=FIRST_RUN_TIMEOUT_MS)
    wait_idle(page, timeout=FIRST_RUN_TIMEOUT_MS)


def go_to(page, title: str) -> None:
    """Click a page in the sidebar navigation, as a user does (keeps the session and its filter)."""
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text=title).first.click()
    # the default page (Overview) lives at "/" as well as at its own path
    page.wait_for_function(
        "p => location.pathname.endsWith('/' + p) || (p === 'overview' && location.pathname === '/')",
        arg=URL_PATHS[title])
    page.wait_for_selector('[data-testid="stMain"] h1')
    wait_idle(page)


def actor_box(page):
    """The sidebar's Actors multiselect."""
    return page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Actors")


def chosen_actors(page) -> list[str]:
    """The actors shown as chosen in the sidebar filter."""
    return page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] [data-tag] span[title]') \
        .evaluate_all("els => [...new Set(els.filter(e => e.offsetParent).map(e => e.title))]")


def choose_actor(page, name: str) -> None:
    """Pick `name` in the sidebar's Actors multiselect by clicking, as a user does."""
    actor_box(page).locator("input").click()
    page.locator('[role="option"]').filter(has_text=name).first.click()
    page.keyboard.press("Escape")
    page.wait_for_function("n => location.search.includes('actor=' + encodeURIComponent(n).replace(/%20/g, '+'))"
                           " || location.search.includes('actor=' + encodeURIComponent(n))", arg=name)
    wait_idle(page)


def metrics(page) -> dict[str, str]:
    """The headline figures shown: label -> value."""
    out = {}
    for m in page.locator('[data-testid="stMetric"]').all():
        label = m.locator('[data-testid="stMetricLabel"]').inner_text().strip()
        out[label] = m.locator('[data-testid="stMetricValue"]').inner_text().strip()
    return out


def no_traceback(page) -> None:
    """No exception box, and no Python traceback text, anywhere on the page."""
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator(
        '[data-testid="stException"]').first.inner_text()
    assert "Traceback (most recent call last)" not in page.locator("body").inner_text()


# Elements hostile article text would create if any of it reached the page as markup.
INJECTED = """() => {
    const bad = [];
    const show = el => el.outerHTML.slice(0, 160);
    for (const img of document.querySelectorAll('img')) {
        const src = img.getAttribute('src') || '';
        if (src === 'x' || src.includes('example.invalid')) bad.push(show(img));
    }
    for (const el of document.querySelectorAll('[onerror], [onload], [onclick], [onmouseover]')) bad.push(show(el));
    for (const el of document.querySelectorAll('a, iframe, area, form, [href], [src], [action]')) {
        for (const name of ['href', 'src', 'action', 'xlink:href']) {
            const v = (el.getAttribute(name) || '').replace(/\\s/g, '').toLowerCase();
            if (v.startsWith('javascript:')) bad.push(show(el));
        }
    }
    // a chart's data may hold the words as a string; an injected script is nothing but them
    for (const s of document.querySelectorAll('script')) {
        if ((s.textContent || '').trim() === 'alert(1)') bad.push(show(s));
    }
    return bad;
}"""


def no_injection(page) -> None:
    """No element, in any frame, that the articles' markup could have made."""
    for frame in page.frames:
        try:
            bad = frame.evaluate(INJECTED)
        except Exception:  # a frame that navigated away meanwhile has nothing left to check
            continue
        assert bad == [], f"markup from an article reached the page ({frame.url}): {bad}"


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/screenshots/ for a developer to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# Sidebar entry -> url path, as dashboard/app.py names them
URL_PATHS = {"Overview": "overview", "Timeline": "timeline", "Quotes": "quotes", "Actors": "actors",
             "Reader": "reader", "Present": "present", "Add articles": "add"}


def copy_seeds(target: Path) -> Path:
    """The shipped seed article and its metadata, copied into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for f in SEEDS.iterdir():
        if f.is_file():
            shutil.copy2(f, target / f.name)
    return target


@pytest.fixture(scope="session")
def briefing_folder(tmp_path_factory) -> Path:
    """The seed article and two written ones: Turkey–Israel talks, and a Brazil–Argentina deal."""
    from tests.corpora import NEWS, write

    folder = copy_seeds(tmp_path_factory.mktemp("briefing") / "main")
    return write(folder, NEWS)


@pytest.fixture(scope="session")
def main_app(app_server, briefing_folder) -> AppServer:
    """The app running on the main test briefing (never written to by a test)."""
    return app_server(briefing_folder)
