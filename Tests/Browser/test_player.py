#!/usr/bin/env python3
"""The read-along player in headless Chromium, against a site `edition site` made from a real
narration, served with byte ranges. Usage: test_player.py SITE_DIR SLUG [SCREENSHOT_DIR]

Checks what a listener relies on: the highlight follows the audio, chapters and words seek,
the seek slider's keys, speed, #t= links, shortcuts only inside the player, no console
errors, and axe-core finds nothing serious or critical, at desktop and phone widths.
"""
import os
import sys
import threading
import pathlib
import time
import unittest

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from range_server import serve  # noqa: E402

SITE, SLUG = sys.argv[1], sys.argv[2]
SHOTS = sys.argv[3] if len(sys.argv) > 3 else None
del sys.argv[1:]

# The word the player marks as spoken, the time, and the next word's start, read in one call.
STATE = """
const p = document.querySelector('edition-player'), a = p.audio;
const words = [...document.querySelectorAll('#edition-text .edition-word')];
const i = words.findIndex(w => w.getAttribute('aria-current') === 'true');
return {t: a.currentTime, paused: a.paused, index: i,
        start: i < 0 ? null : parseFloat(words[i].dataset.start),
        next: i < 0 ? null : (words.slice(i + 1).map(w => parseFloat(w.dataset.start)).find(s => s > parseFloat(words[i].dataset.start)) ?? null),
        marked: words.filter(w => w.getAttribute('aria-current') === 'true').length};
"""


class PlayerTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = serve(SITE)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}/"
        options = webdriver.ChromeOptions()
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required",
                     "--mute-audio", "--window-size=1280,900", "--disable-dev-shm-usage"]:
            options.add_argument(flag)
        options.binary_location = "/usr/bin/chromium"
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        cls.driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"), options=options)
        cls.driver.set_page_load_timeout(30)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.shutdown()

    def open(self, path, width=1280):
        self.driver.set_window_size(width, 900)
        self.driver.get(self.base + path)
        WebDriverWait(self.driver, 15).until(lambda d: d.execute_script(
            "const p = document.querySelector('edition-player'); return !!(p && p.audio && p.audio.readyState >= 1)"))

    def state(self):
        return self.driver.execute_script(STATE)

    def button(self, name):
        return self.driver.find_element(By.CSS_SELECTOR, f'edition-player button[aria-label="{name}"]')

    def pause(self):
        # A click that seeks and plays reaches its time before play() resolves and
        # the button turns to "Pause": wait for the button, not only the time.
        WebDriverWait(self.driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "edition-player button[aria-label='Pause']"))
        self.button("Pause").click()

    def seek(self, seconds):
        self.driver.execute_script("document.querySelector('edition-player').audio.currentTime = arguments[0]", seconds)
        WebDriverWait(self.driver, 5).until(lambda d: not d.execute_script("return document.querySelector('edition-player').audio.seeking"))

    def assertFollows(self, state, tolerance=0.3):
        self.assertEqual(state["marked"], 1, "exactly one word is marked as spoken")
        self.assertLessEqual(state["start"], state["t"] + tolerance, state)
        if state["next"] is not None:
            self.assertGreater(state["next"], state["t"] - tolerance, state)

    def console_errors(self):
        return [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]

    def test_highlight_follows_the_audio(self):
        self.open(f"{SLUG}.html")
        self.button("Play").click()
        WebDriverWait(self.driver, 10).until(lambda d: self.state()["t"] > 1.0)
        samples = []
        for _ in range(8):
            samples.append(self.state())
            time.sleep(0.35)
        self.pause()
        for s in samples:
            self.assertFalse(s["paused"])
            self.assertFollows(s)
        self.assertGreater(samples[-1]["index"], samples[0]["index"], "the highlight moved on with the speech")
        WebDriverWait(self.driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "edition-player button[aria-label='Play']"))
        self.assertEqual(self.console_errors(), [])

    def test_chapter_and_word_clicks_seek(self):
        self.open(f"{SLUG}.html")
        chapters = self.driver.find_elements(By.CSS_SELECTOR, "edition-player .edition-chapters button[data-chapter-start]")
        self.assertGreaterEqual(len(chapters), 2)
        target = chapters[-1]
        target.click()
        start = float(target.get_attribute("data-chapter-start"))
        WebDriverWait(self.driver, 5).until(lambda d: abs(self.state()["t"] - start) < 0.5)
        self.pause()
        self.assertEqual(target.get_attribute("aria-current"), "true")

        words = self.driver.find_elements(By.CSS_SELECTOR, "#edition-text .edition-word")
        word = words[len(words) // 2]
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", word)
        word.click()
        start = float(word.get_attribute("data-start"))
        WebDriverWait(self.driver, 5).until(lambda d: abs(self.state()["t"] - start) < 0.5)
        self.pause()
        self.assertFollows(self.state())

        # Enter on a focused word plays from it.
        other = words[len(words) // 3]
        self.driver.execute_script("arguments[0].focus()", other)
        other.send_keys(Keys.ENTER)
        start = float(other.get_attribute("data-start"))
        WebDriverWait(self.driver, 5).until(lambda d: abs(self.state()["t"] - start) < 0.5)
        self.pause()
        self.assertEqual(self.console_errors(), [])

    def test_seek_slider_keys(self):
        self.open(f"{SLUG}.html")
        slider = self.driver.find_element(By.CSS_SELECTOR, "edition-player [role=slider]")
        duration = self.driver.execute_script("return document.querySelector('edition-player').audio.duration")
        self.assertGreater(duration, 60, "the demo article is longer than a minute")
        slider.send_keys(Keys.END)
        self.assertAlmostEqual(self.state()["t"], duration, delta=0.5)
        slider.send_keys(Keys.HOME)
        self.assertAlmostEqual(self.state()["t"], 0, delta=0.01)
        slider.send_keys(Keys.ARROW_RIGHT)
        self.assertAlmostEqual(self.state()["t"], 5, delta=0.01)
        slider.send_keys(Keys.ARROW_UP)
        self.assertAlmostEqual(self.state()["t"], 10, delta=0.01)
        slider.send_keys(Keys.PAGE_UP)
        self.assertAlmostEqual(self.state()["t"], 70, delta=0.01)
        slider.send_keys(Keys.ARROW_LEFT)
        self.assertAlmostEqual(self.state()["t"], 65, delta=0.01)
        slider.send_keys(Keys.PAGE_DOWN)
        self.assertAlmostEqual(self.state()["t"], 5, delta=0.01)
        slider.send_keys(Keys.ARROW_DOWN)
        self.assertAlmostEqual(self.state()["t"], 0, delta=0.01)
        self.seek(123)
        WebDriverWait(self.driver, 2).until(lambda d: slider.get_attribute("aria-valuenow") == "123")
        self.assertTrue(slider.get_attribute("aria-valuetext").startswith("2 minutes, 3 seconds of 2 minutes"), slider.get_attribute("aria-valuetext"))
        self.assertEqual(slider.get_attribute("aria-valuemin"), "0")
        # The browser may refine an MP3's duration once it has read more of it (durationchange):
        # the slider follows the audio's duration as it is now.
        now = lambda d: str(int(d.execute_script("return document.querySelector('edition-player').audio.duration")))
        WebDriverWait(self.driver, 2).until(lambda d: slider.get_attribute("aria-valuemax") == now(d))
        self.assertFollows(self.state())

    def test_speed_cycles(self):
        self.open(f"{SLUG}.html")
        names, rates = [], []
        for _ in range(6):
            speed = self.driver.find_element(By.CSS_SELECTOR, "edition-player button[aria-label^='Playback speed']")
            names.append(speed.get_attribute("aria-label"))
            rates.append(self.driver.execute_script("return document.querySelector('edition-player').audio.playbackRate"))
            speed.click()
        self.assertEqual(names, ["Playback speed 1×", "Playback speed 1.25×", "Playback speed 1.5×", "Playback speed 2×",
                                 "Playback speed 0.75×", "Playback speed 1×"])
        self.assertEqual(rates, [1, 1.25, 1.5, 2, 0.75, 1])

    def test_time_fragment_starts_there(self):
        for fragment, seconds in [("t=75", 75), ("t=1:20", 80), ("t=0:01:05", 65)]:
            self.open(f"{SLUG}.html#{fragment}")
            WebDriverWait(self.driver, 5).until(lambda d: abs(self.state()["t"] - seconds) < 0.5)
            self.assertFollows(self.state())
        self.assertEqual(self.console_errors(), [])

    def test_shortcuts_only_inside_the_player(self):
        self.open(f"{SLUG}.html")
        self.driver.find_element(By.TAG_NAME, "h1").click()
        self.driver.find_element(By.TAG_NAME, "body").send_keys("k")
        self.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.SPACE)
        time.sleep(0.3)
        self.assertTrue(self.state()["paused"], "a key pressed outside the player does nothing to it")
        self.driver.find_element(By.CSS_SELECTOR, "edition-player [role=slider]").send_keys("k")
        WebDriverWait(self.driver, 5).until(lambda d: not self.state()["paused"])
        self.driver.find_element(By.CSS_SELECTOR, "edition-player [role=slider]").send_keys("k")
        WebDriverWait(self.driver, 5).until(lambda d: self.state()["paused"])

    def test_accessibility_and_layout(self):
        axe_path = os.path.join(os.path.dirname(__import__("axe_selenium_python").__file__), "node_modules/axe-core/axe.min.js")
        axe_source = pathlib.Path(axe_path).read_text(encoding="utf-8")
        for page in ["index.html", f"{SLUG}.html"]:
            for width in [1280, 320]:
                if page == "index.html":
                    self.driver.set_window_size(width, 900)
                    self.driver.get(self.base + page)
                else:
                    self.open(page, width)
                self.driver.execute_script(axe_source)
                result = self.driver.execute_async_script("const done = arguments[arguments.length - 1]; axe.run().then(done)")
                bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
                       if v["impact"] in ("serious", "critical")]
                self.assertEqual(bad, [], f"{page} at {width} px")
                overflow = self.driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
                self.assertLessEqual(overflow, 0, f"{page} scrolls sideways at {width} px")
                if SHOTS:
                    os.makedirs(SHOTS, exist_ok=True)
                    self.driver.execute_script("window.scrollTo(0, 0)")
                    time.sleep(0.2)
                    name = "index" if page == "index.html" else "episode"
                    self.driver.save_screenshot(os.path.join(SHOTS, f"site-{name}-{width}px.png"))
        self.assertEqual(self.console_errors(), [])

    def test_share_selection_and_no_layout_shift(self):
        self.open(f"{SLUG}.html")
        # The highlight changes colours only: no word moves when it is marked.
        before = self.driver.execute_script(
            "return [...document.querySelectorAll('#edition-text .edition-word')].slice(0, 400).map(w => { const r = w.getBoundingClientRect(); return [r.left, r.top + scrollY, r.width]; })")
        self.seek(20)
        WebDriverWait(self.driver, 5).until(lambda d: (self.state()["start"] or 0) > 15)
        after = self.driver.execute_script(
            "return [...document.querySelectorAll('#edition-text .edition-word')].slice(0, 400).map(w => { const r = w.getBoundingClientRect(); return [r.left, r.top + scrollY, r.width]; })")
        self.assertEqual(before, after)

        # Share: the link to this moment is copied, or shown to copy by hand.
        self.driver.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        self.button("Share this moment").click()
        WebDriverWait(self.driver, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, "edition-player .edition-status").text != ""
                                            or d.find_elements(By.CSS_SELECTOR, "edition-player .edition-status input"))
        status = self.driver.find_element(By.CSS_SELECTOR, "edition-player .edition-status")
        fields = status.find_elements(By.TAG_NAME, "input")
        if fields:
            self.assertTrue(fields[0].get_attribute("value").endswith("#t=20"), fields[0].get_attribute("value"))
        else:
            self.assertEqual(status.text, "Link copied")
            copied = self.driver.execute_async_script("const done = arguments[0]; navigator.clipboard.readText().then(done, () => done(null))")
            if copied is not None:
                self.assertTrue(copied.endswith("#t=20"), copied)

        # Selecting words offers a link to the first one's time.
        word = self.driver.find_elements(By.CSS_SELECTOR, "#edition-text .edition-word")[60]
        self.driver.execute_script("""
            const words = document.querySelectorAll('#edition-text .edition-word');
            const range = document.createRange();
            range.setStart(words[60].firstChild, 0);
            range.setEnd(words[63].firstChild, 1);
            getSelection().removeAllRanges(); getSelection().addRange(range);""")
        link = WebDriverWait(self.driver, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, "a.edition-moment"))
        self.assertTrue(link.get_attribute("href").endswith(f"#t={int(float(word.get_attribute('data-start')))}"), link.get_attribute("href"))
        self.driver.execute_script("getSelection().removeAllRanges()")
        WebDriverWait(self.driver, 5).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "a.edition-moment"))
        self.assertEqual(self.console_errors(), [])

    def test_dark_scheme_and_reduced_motion(self):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
            {"name": "prefers-color-scheme", "value": "dark"}, {"name": "prefers-reduced-motion", "value": "reduce"}]})
        try:
            self.open(f"{SLUG}.html")
            background = self.driver.execute_script("return getComputedStyle(document.body).backgroundColor")
            self.assertEqual(background, "rgb(18, 19, 22)", "the dark scheme applies")
            self.assertEqual(self.button("Autoscroll").get_attribute("aria-pressed"), "false", "no automatic scrolling when motion is reduced")
            self.seek(20)
            axe_path = os.path.join(os.path.dirname(__import__("axe_selenium_python").__file__), "node_modules/axe-core/axe.min.js")
            self.driver.execute_script(pathlib.Path(axe_path).read_text(encoding="utf-8"))
            result = self.driver.execute_async_script("const done = arguments[arguments.length - 1]; axe.run().then(done)")
            bad = [(v["id"], v["impact"]) for v in result["violations"] if v["impact"] in ("serious", "critical")]
            self.assertEqual(bad, [], "dark scheme")
            if SHOTS:
                self.driver.execute_script("window.scrollTo(0, 0)")
                self.driver.save_screenshot(os.path.join(SHOTS, "site-episode-dark-1280px.png"))
        finally:
            self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})

    def test_index_and_downloads(self):
        self.driver.get(self.base + "index.html")
        feed = self.driver.find_element(By.CSS_SELECTOR, "link[rel=alternate][type='application/rss+xml']")
        self.assertTrue(feed.get_attribute("href").endswith("/feed.xml"))
        link = self.driver.find_element(By.CSS_SELECTOR, f"ol.edition-list a[href='{SLUG}.html']")
        link.click()
        WebDriverWait(self.driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "edition-player"))
        hrefs = [a.get_attribute("href") for a in self.driver.find_elements(By.CSS_SELECTOR, ".edition-downloads a[download]")]
        self.assertTrue(any(h.endswith(f"{SLUG}.mp3") for h in hrefs), hrefs)
        self.assertTrue(any(h.endswith(f"{SLUG}.vtt") for h in hrefs), hrefs)

    def test_a_page_without_timed_words_is_aligned_from_the_transcript(self):
        # A publisher's own article page: plain paragraphs, the player pointed at our files.
        self.open(f"{SLUG}.html")
        paragraphs = self.driver.execute_script(
            "return [...document.querySelectorAll('#edition-text p')].slice(1).map(p => p.textContent)")
        html = "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Publisher page</title><link rel='icon' href='data:,'>" \
               "<link rel='stylesheet' href='edition-player.css'><script type='module' src='edition-player.js'></script></head>" \
               f"<body><main><h1>Story</h1><edition-player src='{SLUG}.mp3' chapters='{SLUG}.chapters.json' " \
               f"transcript='{SLUG}.transcript.json' article='story'></edition-player><div id='story'>" + \
               "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></main></body></html>"
        with open(os.path.join(SITE, "publisher-test.html"), "w", encoding="utf-8") as f:
            f.write(html)
        try:
            self.driver.get(self.base + "publisher-test.html")
            WebDriverWait(self.driver, 15).until(lambda d: d.execute_script(
                "return document.querySelectorAll('#story .edition-word[data-start]').length") > 20)
            chapters = self.driver.find_elements(By.CSS_SELECTOR, "edition-player .edition-chapters button[data-chapter-start]")
            self.assertGreaterEqual(len(chapters), 2, "chapters built from the chapters JSON")
            self.driver.execute_script("document.querySelector('edition-player').audio.currentTime = 30")
            WebDriverWait(self.driver, 5).until(lambda d: d.execute_script(
                "const m = document.querySelectorAll('#story [aria-current=true]');"
                "return m.length === 1 && parseFloat(m[0].dataset.start) > 20"))
            start, t = self.driver.execute_script(
                "return [parseFloat(document.querySelector('#story [aria-current=true]').dataset.start), document.querySelector('edition-player').audio.currentTime]")
            self.assertLessEqual(start, t + 0.3)
            self.assertGreater(start, t - 10, "the marked word is near the position, not the first word")
            self.assertEqual(self.console_errors(), [])
        finally:
            os.remove(os.path.join(SITE, "publisher-test.html"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
