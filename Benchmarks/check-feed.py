#!/usr/bin/env python3
"""Checks a feed with a real podcast client's parser (feedparser), and with an XML parser for
what feedparser drops (itunes:explicit true/false, all but the last podcast:transcript).
Usage: check-feed.py FEED.xml EPISODE_FOLDER"""
import os, sys, xml.etree.ElementTree as ET
import feedparser

feed_path, folder = sys.argv[1], sys.argv[2]
d = feedparser.parse(feed_path)
assert not d.bozo, f"feedparser: {d.bozo_exception}"
assert d.feed.get("title"), "channel title"
assert d.feed.get("image", {}).get("href"), "itunes:image"
assert d.entries, "no items"
for e in d.entries:
    assert e.get("title") and e.get("id") and e.get("published_parsed"), f"item fields: {e.get('title')}"
    (enc,) = e.enclosures
    name = enc.href.rsplit("/", 1)[1]
    assert int(enc.length) == os.path.getsize(os.path.join(folder, name)), f"length of {name}"
    assert enc.type == "audio/mpeg", enc.type
    assert e.get("itunes_duration"), "itunes:duration"

ns = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd", "podcast": "https://podcastindex.org/namespace/1.0"}
root = ET.parse(feed_path).getroot()
channel = root.find("channel")
assert channel.find("itunes:explicit", ns).text in ("true", "false")
assert channel.find("podcast:guid", ns) is not None
for item in channel.findall("item"):
    types = {t.get("type") for t in item.findall("podcast:transcript", ns)}
    assert {"text/vtt", "application/json"} <= types, types
    assert item.find("podcast:chapters", ns).get("type") == "application/json+chapters"
print(f"feed ok: {len(d.entries)} items, feedparser {feedparser.__version__}")
