"""End to end in a real browser: Debian's Chromium driven by Selenium against the app on 127.0.0.1.

Creates an audit from the demo, uploads the demo sample, sees the PII result, reaches the report
and downloads it; saves screenshots of the main pages under docs/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM and CHROMEDRIVER), reason="chromium/chromedriver not installed (make system-deps)"
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    data = tmp_path_factory.mktemp("e2e")
    env = {**os.environ, "AUDITOR_DATABASE_URL": f"sqlite:///{data / 'e2e.db'}", "AUDITOR_DEMO": "1"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("streamlit did not start")
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not try to download a driver
    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
    ):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.downloads = downloads
    yield driver
    driver.quit()


def wait_for(driver, xpath: str, timeout: float = 180):
    """Wait until the element is visible; on timeout keep a screenshot for the failure report."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, timeout).until(ec.visibility_of_element_located((By.XPATH, xpath)))
    except Exception:
        driver.save_screenshot("/tmp/auditor-e2e-failure.png")
        raise


def click(driver, text: str, timeout: float = 120) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    xpath = f"//button[normalize-space(.)='{text}'] | //button[.//p[normalize-space(.)='{text}']]"
    WebDriverWait(driver, timeout).until(ec.element_to_be_clickable((By.XPATH, xpath))).click()


def nav(driver, title: str) -> None:
    wait_for(driver, f"//a[.//span[normalize-space(.)='{title}']]").click()


def shot(driver, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def test_workshop_page(server, browser):
    browser.get(server)
    click(browser, "Load the demo product")
    wait_for(browser, "//h3[contains(., 'Blockers')]")
    wait_for(browser, "//*[contains(text(), 'Identifiable personal data of minors')]")
    time.sleep(1)  # let the charts finish drawing
    shot(browser, "workshop")


def test_startup_creates_audit_uploads_sample_and_downloads_report(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server)
    wait_for(browser, "//input[@aria-label='Username']").send_keys("demo-startup")
    browser.find_element(By.XPATH, "//input[@aria-label='Password']").send_keys("demo")
    click(browser, "Sign in")
    wait_for(browser, "//*[contains(text(), 'Signed in as demo-startup')]")
    nav(browser, "Self-assessment")  # a full page load would start a new session (signed out)
    click(browser, "New audit")
    wait_for(browser, "//*[@role='tab'][contains(., 'Upload a sample')]").click()
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    # the input is hidden behind the drop zone: wait for its presence, not its visibility
    file_input = WebDriverWait(browser, 60).until(ec.presence_of_element_located((By.XPATH, "//input[@type='file']")))
    file_input.send_keys(str(ROOT / "examples" / "demo" / "students.csv"))
    wait_for(browser, "//*[contains(text(), 'Scan finished')]", timeout=240)
    wait_for(browser, "//*[contains(text(), 'personal-data findings')]")  # tables are drawn on a canvas
    shot(browser, "wizard-pii")
    page_text = browser.find_element(By.TAG_NAME, "body").text
    assert "081215500009" not in page_text and "Download redacted CSV" in page_text

    nav(browser, "Results")
    click(browser, "Compute the report")
    wait_for(browser, "//*[contains(text(), 'Remediation to-do')]", timeout=240)
    shot(browser, "results")
    click(browser, "Download HTML report")
    report = browser.downloads / "audit-report.html"
    for _ in range(60):
        if report.exists() and report.stat().st_size > 0:
            break
        time.sleep(0.5)
    html = report.read_text("utf-8")
    assert "Child-rights AI audit" in html and "R4-01" in html

    browser.get(report.as_uri())  # the downloaded report opens in Chromium, fully offline
    wait_for(browser, "//h1[contains(., 'Child-rights AI audit')]")
    shot(browser, "report")
