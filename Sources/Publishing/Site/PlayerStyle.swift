/// The site's and the player's style sheet: light and dark schemes, phone to desktop.
extension PlayerAssets {
    static let style = #"""
    /* The site's pages and <edition-player>. Light and dark schemes; every colour pair meets
       WCAG AA (4.5:1) for text; the highlight changes colours only, so the text never moves.
       A publisher embedding the player may set these --edition-* properties to match its page. */
    :root {
      --edition-bg: #ffffff;
      --edition-text: #1b1b1b;
      --edition-muted: #4a4a4a;
      --edition-accent: #0b57d0;
      --edition-on-accent: #ffffff;
      --edition-surface: #f1f3f6;
      --edition-line: #c4c8ce;
      --edition-mark: #ffe27a;
      --edition-on-mark: #1b1b1b;
      --edition-focus: #b3261e;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --edition-bg: #121316;
        --edition-text: #e9e9ec;
        --edition-muted: #b9bcc2;
        --edition-accent: #8ab4f8;
        --edition-on-accent: #0b1a33;
        --edition-surface: #1f2126;
        --edition-line: #4a4e57;
        --edition-mark: #806300;
        --edition-on-mark: #ffffff;
        --edition-focus: #ffb4ab;
      }
    }

    /* Dark pages only on the site's own pages: a publisher's page embedding the player keeps its scheme. */
    .edition-page { color-scheme: light dark; }
    :root:has(> body.edition-page) { color-scheme: light dark; }  /* its own rule: older browsers drop a list with :has */
    .edition-page {
      margin: 0;
      background: var(--edition-bg);
      color: var(--edition-text);
      font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      overflow-wrap: break-word;
    }
    .edition-page main { max-width: 40rem; margin: 0 auto; padding: 1rem; box-sizing: border-box; }
    .edition-page h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0; }
    .edition-page h2 { font-size: 1.25rem; line-height: 1.3; margin: 1.5rem 0 0.5rem; }
    .edition-page a { color: var(--edition-accent); }
    .edition-page :focus-visible { outline: 3px solid var(--edition-focus); outline-offset: 2px; }
    .edition-home { margin: 0; font-size: 0.95rem; }
    .edition-byline, .edition-meta, .edition-standfirst, .edition-feed { color: var(--edition-muted); margin: 0.25rem 0; }
    .edition-note { color: var(--edition-text); background: var(--edition-surface); border-left: 4px solid var(--edition-focus); padding: 0.5rem 0.75rem; }
    .edition-downloads { font-size: 0.95rem; }
    .edition-list { padding-left: 1.25rem; }
    .edition-list li { margin: 0 0 0.9rem; }
    .edition-list a { font-weight: 600; }
    .edition-list .edition-meta, .edition-list .edition-note { display: block; font-size: 0.95rem; }
    .edition-text blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 4px solid var(--edition-line); }
    .edition-intro { color: var(--edition-muted); font-style: italic; }

    /* Words: a click or Enter plays from one; the spoken one is marked without moving anything. */
    .edition-readalong .edition-word { cursor: pointer; border-radius: 3px; }
    .edition-readalong .edition-word:hover { text-decoration: underline; }
    .edition-readalong .edition-word:focus-visible { outline: 2px solid var(--edition-focus); outline-offset: 1px; }
    .edition-word.edition-current { background: var(--edition-mark); color: var(--edition-on-mark); box-shadow: 0 0 0 2px var(--edition-mark); }
    @media (prefers-reduced-motion: no-preference) {
      .edition-word { transition: background-color 80ms linear; }
    }
    .edition-visually-hidden {
      position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
      clip: rect(0 0 0 0); white-space: nowrap; border: 0;
    }

    /* The player sticks to the top while the text scrolls under it. */
    edition-player {
      display: block;
      position: sticky;
      top: 0;
      z-index: 1;
      margin: 1rem 0;
      padding: 0.75rem;
      background: var(--edition-surface);
      border: 1px solid var(--edition-line);
      border-radius: 8px;
    }
    edition-player audio:not([controls]) { display: none; }
    .edition-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; }
    .edition-seek { flex: 1 1 100%; padding: 0.6rem 0; cursor: pointer; touch-action: none; }
    .edition-seek-track { display: block; height: 6px; border-radius: 3px; background: var(--edition-line); overflow: hidden; }
    .edition-seek-fill { display: block; height: 100%; width: 0; background: var(--edition-accent); }
    .edition-seek:focus-visible { outline: 3px solid var(--edition-focus); outline-offset: 2px; border-radius: 4px; }
    .edition-clock { font-variant-numeric: tabular-nums; color: var(--edition-muted); font-size: 0.95rem; }
    .edition-buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; }
    edition-player button {
      font: inherit;
      font-size: 0.95rem;
      min-width: 2.75rem;
      min-height: 2.75rem;
      padding: 0.25rem 0.6rem;
      border-radius: 6px;
      border: 1px solid var(--edition-accent);
      background: var(--edition-bg);
      color: var(--edition-accent);
      cursor: pointer;
    }
    edition-player .edition-play { background: var(--edition-accent); color: var(--edition-on-accent); min-width: 3.5rem; }
    edition-player .edition-autoscroll[aria-pressed="true"] { background: var(--edition-accent); color: var(--edition-on-accent); }
    edition-player button:focus-visible { outline: 3px solid var(--edition-focus); outline-offset: 2px; }
    .edition-chapters { list-style: none; margin: 0.6rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; max-height: 7.5rem; overflow-y: auto; }
    .edition-chapters button { text-align: left; max-width: 100%; border-color: var(--edition-line) !important; color: var(--edition-text) !important; }
    .edition-chapters button[aria-current="true"] { border-color: var(--edition-accent) !important; box-shadow: inset 0 -3px 0 var(--edition-accent); }
    .edition-status { margin: 0.4rem 0 0; min-height: 1.2em; font-size: 0.9rem; color: var(--edition-muted); }
    .edition-status:empty { margin: 0; min-height: 0; }
    .edition-status input { width: 100%; max-width: 22rem; font: inherit; }
    .edition-moment {
      position: absolute; z-index: 2; padding: 0.3rem 0.6rem; border-radius: 6px; font-size: 0.9rem;
      background: var(--edition-accent); color: var(--edition-on-accent) !important; box-shadow: 0 2px 8px rgb(0 0 0 / 0.3);
    }
    /* On a short screen the player scrolls away with the page instead of covering the text. */
    @media (max-height: 40rem), (max-width: 30rem) {
      edition-player { position: static; }
    }
    @media (max-width: 30rem) {
      .edition-page main { padding: 0.75rem; }
      .edition-page h1 { font-size: 1.4rem; }
      edition-player { padding: 0.5rem; }
      edition-player button { padding: 0.25rem 0.45rem; min-width: 2.75rem; }
    }
    """#
}
