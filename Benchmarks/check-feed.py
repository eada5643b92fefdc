#!/usr/bin/env python3
"""Checks a podcast feed written by `edition feed` the way clients will read it.

Usage: check-feed.py FEED.xml [EPISODE_FOLDER]

1. feedparser (what many podcast clients and aggregators use) must read it without complaint
   and find the channel and item fields.
2. An XML parser (ElementTree) checks what feedparser drops or mangles: itunes:explicit
   true/false (feedparser reads it as None), every podcast:transcript (feedparser keeps only
   the last), podcast:chapters, podcast:guid (recomputed here as UUIDv5), podcast:locked/medium,
   unique guids, RFC 2822 dates, newest first, descriptions within Apple's 4000 bytes.
3. With EPISODE_FOLDER, each enclosure's length must be the exact size of its file there, and
   each chapters/transcript URL must name a file there.
Exits non-zero with the first problem found."""
import email.utils, os, re, sys, urllib.parse, uuid
import xml.etree.ElementTree as ET

import feedparser

NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
      "podcast": "https://podcastindex.org/namespace/1.0",
      "atom": "http://www.w3.org/2005/Atom"}
MIME = {".mp3": "audio/mpeg", ".wav": "audio/wav", ".flac": "audio/flac", ".opus": "audio/ogg; codecs=opus", ".ogg": "audio/ogg"}
DESCRIPTION_LIMIT = 4000  # bytes; Apple cuts longer descriptions


def fail(message):
    sys.exit(f"check-feed: {message}")


def check(condition, message):
    if not condition:
        fail(message)


def podcast_guid(feed_url):
    """Podcasting 2.0: UUIDv5 of the feed URL without scheme and trailing slashes."""
    name = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", feed_url).rstrip("/")
    return str(uuid.uuid5(uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6"), name))


def main():
    if len(sys.argv) not in (2, 3):
        fail(__doc__)
    path, folder = sys.argv[1], (sys.argv[2] if len(sys.argv) == 3 else None)
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        fail(f"not UTF-8: {e}")
    bad = [c for c in text if (ord(c) < 0x20 and c not in "\t\n\r") or ord(c) in (0xFFFE, 0xFFFF)]
    check(not bad, f"control or non-XML characters in the feed: {bad[:5]!r}")

    # 1. feedparser.
    d = feedparser.parse(raw)
    check(not d.bozo, f"feedparser: {d.get('bozo_exception')}")
    check(d.version == "rss20", f"feedparser sees {d.version!r}, not RSS 2.0")
    f = d.feed
    for key in ("title", "link", "subtitle", "language", "author"):
        check(f.get(key), f"feedparser: channel has no {key}")
    check(f.get("image", {}).get("href"), "feedparser: no itunes:image")
    check(f.get("tags"), "feedparser: no itunes:category")
    for e in d.entries:
        title = e.get("title")
        check(title, "feedparser: an item has no title")
        check(e.get("id"), f"feedparser: {title!r} has no guid")
        check(e.get("summary"), f"feedparser: {title!r} has no description")
        check(e.get("itunes_duration", "").isdigit(), f"feedparser: {title!r} itunes:duration {e.get('itunes_duration')!r}")
        check(len(e.enclosures) == 1, f"feedparser: {title!r} has {len(e.enclosures)} enclosures")

    # 2. The XML itself.
    root = ET.fromstring(raw)
    check(root.tag == "rss" and root.get("version") == "2.0", "root is not <rss version=\"2.0\">")
    channel = root.find("channel")
    for tag in ("title", "link", "description", "language", "itunes:author", "itunes:image", "itunes:category",
                "itunes:explicit", "podcast:guid", "podcast:locked", "podcast:medium"):
        check(channel.find(tag, NS) is not None, f"channel has no <{tag}>")
    explicit = channel.find("itunes:explicit", NS).text
    check(explicit in ("true", "false"), f"itunes:explicit is {explicit!r}, not true/false")
    self_link = channel.find("atom:link[@rel='self']", NS)
    check(self_link is not None, "no atom:link rel=self")
    feed_url = self_link.get("href")
    check(channel.find("podcast:guid", NS).text == podcast_guid(feed_url),
          f"podcast:guid {channel.find('podcast:guid', NS).text} is not UUIDv5 of {feed_url} ({podcast_guid(feed_url)})")
    check(channel.find("podcast:locked", NS).text in ("yes", "no"), "podcast:locked is not yes/no")
    check(len(channel.findtext("description").encode()) <= DESCRIPTION_LIMIT, "channel description over 4000 bytes")
    for category in channel.findall("itunes:category", NS):
        check(category.get("text"), "an itunes:category has no text")
        check(all(sub.get("text") and not sub.findall("itunes:category", NS) for sub in category.findall("itunes:category", NS)),
              f"itunes:category {category.get('text')!r}: subcategories must have text and nest one level only")
    check(channel.find("podcast:medium", NS).text == "podcast", "podcast:medium is not podcast")
    check(channel.find("itunes:type", NS) is None or channel.find("itunes:type", NS).text in ("episodic", "serial"),
          "itunes:type is not episodic/serial")

    items = channel.findall("item")
    check(len(items) == len(d.entries), f"feedparser saw {len(d.entries)} items, the XML has {len(items)}")
    guids, dates = set(), []
    for item, entry in zip(items, d.entries):
        title = item.findtext("title")
        check(title == entry.title, f"feedparser reads title {entry.title!r}, the XML says {title!r}")
        guid = item.find("guid")
        check(guid is not None and guid.text, f"{title!r}: no guid")
        check(guid.text not in guids, f"{title!r}: guid {guid.text} is not unique")
        guids.add(guid.text)
        permalink = guid.get("isPermaLink")
        check(permalink in ("true", "false"), f"{title!r}: isPermaLink is {permalink!r}")
        check(permalink == "false" or re.match(r"^https?://", guid.text), f"{title!r}: permalink guid {guid.text} is not a URL")
        pub = item.findtext("pubDate")
        if pub is not None:
            check(re.match(r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$", pub), f"{title!r}: pubDate {pub!r}")
            check(email.utils.parsedate_to_datetime(pub) is not None, f"{title!r}: pubDate {pub!r} does not parse")
            check(entry.get("published_parsed"), f"feedparser cannot read {title!r}'s pubDate {pub!r}")
            dates.append(email.utils.parsedate_to_datetime(pub))
        else:
            dates.append(None)
        description = item.findtext("description") or ""
        check(len(description.encode()) <= DESCRIPTION_LIMIT, f"{title!r}: description is {len(description.encode())} bytes")
        check(item.find("itunes:episodeType", NS).text in ("full", "trailer", "bonus"), f"{title!r}: itunes:episodeType")
        enclosure = item.find("enclosure")
        url, length, mime = enclosure.get("url"), enclosure.get("length"), enclosure.get("type")
        check(url.startswith(("https://", "http://")) and url.isascii() and " " not in url, f"{title!r}: enclosure URL {url!r}")
        ext = os.path.splitext(urllib.parse.urlparse(url).path)[1]
        check(MIME.get(ext) == mime, f"{title!r}: enclosure type {mime} for a {ext} file")
        check(entry.enclosures[0].get("length") == length, f"{title!r}: feedparser reads length {entry.enclosures[0].get('length')}")
        chapters = item.findall("podcast:chapters", NS)
        check(len(chapters) <= 1, f"{title!r}: more than one podcast:chapters")
        check(all(c.get("type") == "application/json+chapters" for c in chapters), f"{title!r}: podcast:chapters type")
        transcripts = {t.get("type"): t for t in item.findall("podcast:transcript", NS)}
        if folder is not None:
            check(chapters, f"{title!r}: no podcast:chapters")
            check({"text/vtt", "application/json"} <= set(transcripts), f"{title!r}: transcripts {sorted(transcripts)}")
        if "text/vtt" in transcripts:
            check(transcripts["text/vtt"].get("rel") == "captions", f"{title!r}: the WebVTT transcript is not rel=captions")
        if folder is not None:
            def local(u):
                check(u.startswith(feed_base), f"{title!r}: {u} is not under the base URL {feed_base}")
                return os.path.join(folder, urllib.parse.unquote(u[len(feed_base):]))
            feed_base = url.rsplit("/", 1)[0] + "/"
            audio = local(url)
            check(os.path.isfile(audio), f"{title!r}: no file {audio}")
            check(int(length) == os.path.getsize(audio), f"{title!r}: length {length} but {audio} has {os.path.getsize(audio)} bytes")
            for side in chapters + list(transcripts.values()):
                check(os.path.isfile(local(side.get("url"))), f"{title!r}: no file for {side.get('url')}")

    # Newest first; undated items last.
    dated = [x for x in dates if x is not None]
    check(dated == sorted(dated, reverse=True), "items are not newest first")
    check(dates[:len(dated)] == dated, "an undated item comes before a dated one")
    print(f"check-feed: ok: {path}: {len(items)} items, feedparser {feedparser.__version__}")


if __name__ == "__main__":
    main()
