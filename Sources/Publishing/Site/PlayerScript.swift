/// The `<edition-player>` web component: plain JavaScript, no framework, no build step.
extension PlayerAssets {
    static let script = #"""
    // <edition-player>: an accessible audio player that highlights each word of the article as it
    // is spoken. Plain JavaScript, no framework, nothing fetched but the files it is pointed at.
    // Attributes: src (audio), chapters (Podcasting 2.0 chapters JSON), transcript (Podcasting 2.0
    // JSON transcript, or WebVTT), article (id of the element holding the text), duration, label.
    // Properties: audio (the <audio> it plays), words (the timed word elements, in order).
    const SPEEDS = [1, 1.25, 1.5, 2, 0.75];
    const SKIP = 15;
    const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

    function plural(n, unit) { return `${n} ${unit}${n === 1 ? '' : 's'}`; }

    /** "4 minutes, 3 seconds": what a screen reader says for a position (APG media seek slider). */
    function spokenTime(seconds) {
      const s = Math.max(0, Math.floor(seconds || 0));
      const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = s % 60;
      const parts = [];
      if (h) parts.push(plural(h, 'hour'));
      if (h || m) parts.push(plural(m, 'minute'));
      parts.push(plural(sec, 'second'));
      return parts.join(', ');
    }

    /** "4:03", or "1:02:03" past an hour. */
    function clock(seconds) {
      const s = Math.max(0, Math.floor(seconds || 0));
      const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = String(s % 60).padStart(2, '0');
      return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
    }

    /** Seconds from "#t=75", "#t=1:20" or "#t=0:01:05" (Media Fragments' npt); null if absent. */
    function fragmentTime(hash) {
      const match = /(?:^#|&)t=([0-9:.]+)/.exec(hash || '');
      if (!match) return null;
      const parts = match[1].split(':').map(Number);
      if (parts.some(Number.isNaN) || parts.length > 3) return null;
      return parts.reduce((total, part) => total * 60 + part, 0);
    }

    /** Lowercase letters and digits only, so "Kyiv," on the page matches "Kyiv" in a transcript. */
    function normalize(word) { return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''); }

    /** Timed words from a transcript: Podcasting 2.0 JSON segments, or WebVTT cues. */
    function parseTranscript(text, isVTT) {
      if (!isVTT) return (JSON.parse(text).segments || []).map(s => ({ start: Number(s.startTime), body: String(s.body || '') }));
      const cues = [];
      for (const block of text.replace(/\r/g, '').split(/\n\n+/)) {
        const lines = block.split('\n');
        const at = lines.findIndex(l => l.includes('-->'));
        if (at < 0) continue;
        const start = lines[at].split('-->')[0].trim().split(':').reduce((total, part) => total * 60 + Number(part), 0);
        const body = lines.slice(at + 1).join(' ').replace(/<[^>]*>/g, '')
          .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');
        cues.push({ start, body });
      }
      return cues;
    }

    /** Wraps the words of a page's own text in timed spans, following the transcript in order.
     *  Where the two disagree (a spoken intro that is not on the page, a caption or an aside that
     *  was not read) it skips to the nearest place where three words in a row agree again. Only
     *  text nodes are touched, so the page's own markup (links, emphasis) stays as it was. */
    function alignPage(container, segments) {
      const page = [];
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
        acceptNode: n => n.parentElement.closest('script, style, edition-player, .edition-visually-hidden') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/\S+/g)) {
          const key = normalize(m[0]);
          if (key) page.push({ node, from: m.index, to: m.index + m[0].length, key });
        }
      }
      // A transcript body may be several page words ("$1.5 billion"): each gets the body's start.
      const spoken = segments.flatMap(s => s.body.split(/\s+/).map(normalize).filter(Boolean).map(key => ({ key, start: s.start })));
      const where = new Map();
      page.forEach((w, i) => (where.get(w.key) || where.set(w.key, []).get(w.key)).push(i));
      const agree = (i, j, n) => { for (let k = 0; k < n; k++) if (!page[i + k] || !spoken[j + k] || page[i + k].key !== spoken[j + k].key) return false; return true; };
      const PAGE_SKIP = 400, SPOKEN_SKIP = 60;
      const marks = [];
      for (let i = 0, j = 0; i < page.length && j < spoken.length;) {
        if (page[i].key === spoken[j].key) { marks.push([page[i], spoken[j].start]); i++; j++; continue; }
        let best = null;
        for (let b = 0; b <= SPOKEN_SKIP && j + b < spoken.length && !(best && b >= best[0] + best[1]); b++) {
          const run = Math.min(3, spoken.length - j - b);
          for (const at of where.get(spoken[j + b].key) || []) {
            const a = at - i;
            if (a < 0) continue;
            if (a > PAGE_SKIP || (best && a + b >= best[0] + best[1])) break;
            if (agree(at, j + b, run)) { best = [a, b]; break; }
          }
        }
        if (best) { i += best[0]; j += best[1]; } else j++;  // a spoken word found nowhere near: skip it
      }
      // Wrap from the last word back, so the offsets of earlier words in the same text node hold.
      // (splitText, not Range.surroundContents: thousands of live ranges make every edit slow.)
      for (let k = marks.length - 1; k >= 0; k--) {
        const [{ node, from, to }, start] = marks[k];
        const text = from ? node.splitText(from) : node;  // from 0: no earlier word is left in node
        if (to - from < text.length) text.splitText(to - from);
        const span = document.createElement('span');
        span.className = 'edition-word';
        span.dataset.start = start.toFixed(3);
        text.replaceWith(span);
        span.append(text);
      }
    }

    function button(label, text, className) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = className;
      b.setAttribute('aria-label', label);
      const face = document.createElement('span');
      face.setAttribute('aria-hidden', 'true');
      face.textContent = text;
      b.append(face);
      return b;
    }

    class EditionPlayer extends HTMLElement {
      connectedCallback() {
        if (this.audio) return;
        this.words = [];
        this.starts = [];
        this.current = -1;
        this.chapter = -1;
        this.speed = 0;
        this.frame = 0;
        this.autoscroll = !reducedMotion();
        this.away = false;          // the listener scrolled the spoken word out of view
        this.ownScrollUntil = 0;    // scroll events before this come from the player itself
        this.setAttribute('role', 'region');
        this.setAttribute('aria-label', this.getAttribute('label') || 'Audio player');
        this.buildControls();
        this.listen();
        this.loadChapters();
        this.loadWords();
      }

      get duration() {
        const d = this.audio.duration;
        return Number.isFinite(d) && d > 0 ? d : Number(this.getAttribute('duration')) || 0;
      }

      buildControls() {
        this.audio = this.querySelector('audio') || document.createElement('audio');
        this.audio.preload = 'metadata';  // before src: a whole episode is not fetched just to show the page
        if (!this.audio.getAttribute('src') && this.getAttribute('src')) this.audio.src = this.getAttribute('src');
        this.audio.controls = false;
        if (!this.audio.isConnected) this.prepend(this.audio);

        const bar = document.createElement('div');
        bar.className = 'edition-controls';
        this.playButton = button('Play', '▶', 'edition-play');
        const back = button(`Skip back ${SKIP} seconds`, `−${SKIP}`, 'edition-skip');
        const forward = button(`Skip forward ${SKIP} seconds`, `+${SKIP}`, 'edition-skip');
        this.slider = document.createElement('div');
        this.slider.className = 'edition-seek';
        Object.entries({ role: 'slider', tabindex: '0', 'aria-label': 'Seek', 'aria-valuemin': '0' })
          .forEach(([k, v]) => this.slider.setAttribute(k, v));
        this.slider.innerHTML = '<span class="edition-seek-track"><span class="edition-seek-fill"></span></span>';
        this.fill = this.slider.querySelector('.edition-seek-fill');
        this.clock = document.createElement('span');
        this.clock.className = 'edition-clock';
        this.speedButton = button('Playback speed 1×', '1×', 'edition-speed');
        this.scrollButton = button('Autoscroll', 'Autoscroll', 'edition-autoscroll');
        const share = button('Share this moment', 'Share', 'edition-share');
        this.status = document.createElement('p');
        this.status.className = 'edition-status';
        this.status.setAttribute('aria-live', 'polite');

        back.addEventListener('click', () => this.seek(this.audio.currentTime - SKIP));
        forward.addEventListener('click', () => this.seek(this.audio.currentTime + SKIP));
        this.playButton.addEventListener('click', () => this.toggle());
        this.speedButton.addEventListener('click', () => this.cycleSpeed());
        // A plain toggle, even while the listener has scrolled away: on a phone, reaching the button
        // means scrolling away from the word, and pressing it must still turn following off.
        this.scrollButton.addEventListener('click', () => this.setAutoscroll(!this.autoscroll));
        share.addEventListener('click', () => this.share(this.audio.currentTime));

        const row = document.createElement('div');
        row.className = 'edition-buttons';
        row.append(back, this.playButton, forward, this.speedButton, this.scrollButton, share);
        bar.append(this.slider, this.clock, row);
        this.audio.after(bar, this.status);
        this.syncScrollButton();
        this.updateTime();
      }

      listen() {
        const a = this.audio;
        a.addEventListener('play', () => { this.updatePlay(); this.tick(); });
        a.addEventListener('pause', () => this.updatePlay());
        a.addEventListener('ended', () => this.updatePlay());
        for (const type of ['timeupdate', 'seeked', 'durationchange', 'loadedmetadata']) a.addEventListener(type, () => this.update());
        a.addEventListener('loadedmetadata', () => this.applyFragment());
        window.addEventListener('hashchange', () => this.applyFragment());
        if (a.readyState >= 1) this.applyFragment();

        // Shortcuts only while focus is inside the player (WCAG 2.1.4).
        this.addEventListener('keydown', e => this.onKey(e));
        this.slider.addEventListener('pointerdown', e => {
          this.slider.setPointerCapture(e.pointerId);
          this.seekToPointer(e);
        });
        this.slider.addEventListener('pointermove', e => { if (this.slider.hasPointerCapture(e.pointerId)) this.seekToPointer(e); });

        // A scroll the player did not make is the listener's (wheel, touch, keys, scroll bar): if it
        // takes the spoken word out of view, stop following until the word comes back or they ask.
        document.addEventListener('scroll', e => {
          const moved = e.target === document || (e.target.contains && e.target.contains(this.article));  // not the chapter list
          if (moved && performance.now() > this.ownScrollUntil && this.current >= 0) this.away = !this.inView(this.words[this.current]);
        }, { capture: true, passive: true });
        document.addEventListener('selectionchange', () => this.onSelection());
      }

      onKey(e) {
        if (e.altKey || e.ctrlKey || e.metaKey || e.target.closest('input, textarea, select')) return;
        if (e.target === this.slider) {
          const d = this.duration, t = this.audio.currentTime;
          const to = { ArrowRight: t + 5, ArrowUp: t + 5, ArrowLeft: t - 5, ArrowDown: t - 5, PageUp: t + 60, PageDown: t - 60, Home: 0, End: d }[e.key];
          if (to !== undefined) { e.preventDefault(); this.seek(to); return; }
        }
        // Space on a button already presses it; only elsewhere in the player does it play or pause.
        if (e.key === 'k' || (e.key === ' ' && !e.target.closest('button'))) { e.preventDefault(); this.toggle(); }
        else if (e.key === 'j') this.seek(this.audio.currentTime - SKIP);
        else if (e.key === 'l') this.seek(this.audio.currentTime + SKIP);
      }

      seekToPointer(e) {
        const box = this.slider.getBoundingClientRect();
        this.seek(Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)) * this.duration);
      }

      // Browsers may refuse to play without a gesture; that is not an error worth a console line.
      play() { this.audio.play().catch(() => this.say('Press Play to listen.')); }
      toggle() { if (this.audio.paused) this.play(); else this.audio.pause(); }

      seek(seconds) {
        const d = this.duration;
        this.audio.currentTime = Math.max(0, d ? Math.min(seconds, d) : seconds);
        this.update();
      }

      cycleSpeed() {
        this.speed = (this.speed + 1) % SPEEDS.length;
        const rate = SPEEDS[this.speed];
        this.audio.playbackRate = rate;
        this.speedButton.setAttribute('aria-label', `Playback speed ${rate}×`);
        this.speedButton.firstChild.textContent = `${rate}×`;
      }

      setAutoscroll(on) {
        this.autoscroll = on;
        this.away = false;
        this.syncScrollButton();
        if (on) this.reveal(true);
      }

      syncScrollButton() { this.scrollButton.setAttribute('aria-pressed', String(this.autoscroll)); }

      say(text) { this.status.textContent = text; }

      share(seconds) {
        const url = `${location.href.split('#')[0]}#t=${Math.floor(seconds)}`;
        const show = () => {  // no clipboard (plain http, or refused): the link, selected, to copy by hand
          this.status.textContent = '';
          const label = document.createElement('label');
          label.textContent = 'Link to this moment: ';
          const field = document.createElement('input');
          field.readOnly = true;
          field.value = url;
          label.append(field);
          this.status.append(label);
          field.select();
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(() => this.say('Link copied'), show);
        } else {
          show();
        }
      }

      applyFragment() {
        const t = fragmentTime(location.hash);
        if (t === null) return;
        this.seek(t);
        this.reveal(true);  // a shared moment: show its words, as for an anchor (but play is the listener's)
      }

      updatePlay() {
        const playing = !this.audio.paused && !this.audio.ended;
        this.playButton.setAttribute('aria-label', playing ? 'Pause' : 'Play');
        this.playButton.firstChild.textContent = playing ? '❚❚' : '▶';
        this.classList.toggle('edition-playing', playing);
      }

      /** While playing, every animation frame: the highlight moves with the voice, not in the
       *  quarter-second steps of `timeupdate`. One loop only, however often play is pressed. */
      tick() {
        cancelAnimationFrame(this.frame);
        if (this.audio.paused) return;
        this.highlight(this.audio.currentTime);
        this.frame = requestAnimationFrame(() => this.tick());
      }

      update() {
        this.updateTime();
        this.highlight(this.audio.currentTime);
      }

      updateTime() {
        const t = this.audio.currentTime, d = this.duration;
        this.slider.setAttribute('aria-valuemax', String(Math.floor(d)));
        this.slider.setAttribute('aria-valuenow', String(Math.floor(t)));
        this.slider.setAttribute('aria-valuetext', `${spokenTime(t)} of ${spokenTime(d)}`);
        this.fill.style.width = d ? `${Math.min(100, (t / d) * 100)}%` : '0';
        this.clock.textContent = `${clock(t)} / ${clock(d)}`;
      }

      // --- chapters ---
      async loadChapters() {
        this.chapterList = this.querySelector('.edition-chapters');
        if (!this.chapterList && this.getAttribute('chapters')) {
          try {
            const response = await fetch(this.getAttribute('chapters'));
            const chapters = ((await response.json()).chapters || []).filter(c => c.toc !== false);
            if (!chapters.length) return;
            this.chapterList = document.createElement('ol');
            this.chapterList.className = 'edition-chapters';
            this.chapterList.setAttribute('aria-label', 'Chapters');
            for (const c of chapters) {
              const li = document.createElement('li');
              const b = document.createElement('button');
              b.type = 'button';
              b.dataset.chapterStart = Number(c.startTime).toFixed(3);
              b.textContent = c.title || 'Chapter';
              li.append(b);
              this.chapterList.append(li);
            }
          } catch { return; }
        }
        if (!this.chapterList) return;
        this.status.before(this.chapterList);
        this.chapterButtons = [...this.chapterList.querySelectorAll('button[data-chapter-start]')];
        this.chapterList.addEventListener('click', e => {
          const b = e.target.closest('button[data-chapter-start]');
          if (!b) return;
          this.away = false;  // a chapter asked for: the page goes there too (if autoscroll is on)
          this.seek(Number(b.dataset.chapterStart));
          this.play();
        });
        this.update();
      }

      markChapter(t) {
        if (!this.chapterButtons) return;
        let at = -1;
        this.chapterButtons.forEach((b, i) => { if (Number(b.dataset.chapterStart) <= t + 0.001) at = i; });
        if (at === this.chapter) return;
        if (this.chapter >= 0) this.chapterButtons[this.chapter].removeAttribute('aria-current');
        if (at >= 0) this.chapterButtons[at].setAttribute('aria-current', 'true');
        this.chapter = at;
      }

      // --- the text ---
      async loadWords() {
        this.article = document.getElementById(this.getAttribute('article') || '');
        if (!this.article) return;
        if (!this.article.querySelector('.edition-word[data-start]') && this.getAttribute('transcript')) {
          try {
            const url = this.getAttribute('transcript');
            const response = await fetch(url);
            if (!response.ok) return;
            alignPage(this.article, parseTranscript(await response.text(), /\.vtt(\?|#|$)/i.test(url)));
          } catch { return; }
        }
        this.words = [...this.article.querySelectorAll('.edition-word[data-start]')];
        this.starts = this.words.map(w => Number(w.dataset.start));
        if (!this.words.length) return;
        // Roving tabindex: Tab reaches one word (the spoken one), the arrow keys the others.
        this.words.forEach(w => w.setAttribute('tabindex', '-1'));
        this.words[0].setAttribute('tabindex', '0');
        // The words stay plain text for screen readers; this says what a focused word can do.
        const hint = document.createElement('p');
        hint.id = `${this.article.id}-hint`;
        hint.className = 'edition-visually-hidden';
        hint.textContent = 'Press Enter on a word to play from it; the arrow keys move between words.';
        this.article.prepend(hint);
        this.article.setAttribute('aria-describedby', hint.id);
        this.article.classList.add('edition-readalong');
        this.article.addEventListener('click', e => {
          const word = e.target.closest('.edition-word[data-start]');
          // A drag that selected text, or a link of the page's own, is not a request to play.
          if (!word || !window.getSelection().isCollapsed || e.target.closest('a[href]')) return;
          this.seek(Number(word.dataset.start));
          this.play();
        });
        this.article.addEventListener('keydown', e => this.onWordKey(e));
        this.update();
        if (fragmentTime(location.hash) !== null) this.reveal(true);  // words aligned after the seek to #t=
      }

      onWordKey(e) {
        const word = e.target.closest && e.target.closest('.edition-word[data-start]');
        if (!word || e.altKey || e.ctrlKey || e.metaKey) return;
        const i = this.words.indexOf(word);
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          this.seek(this.starts[i]);
          this.play();
        } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const next = this.words[i + (e.key === 'ArrowRight' ? 1 : -1)];
          if (!next) return;
          e.preventDefault();
          this.rove(next);
          next.focus();
        }
      }

      rove(word) {
        const old = this.article.querySelector('.edition-word[tabindex="0"]');
        if (old && old !== word) old.setAttribute('tabindex', '-1');
        word.setAttribute('tabindex', '0');
      }

      /** The word being spoken: the last one starting at or before `t` (binary search). Words the
       *  engine timed together share a start and are highlighted together; one carries aria-current. */
      highlight(t) {
        this.markChapter(t);
        if (!this.starts.length) return;
        let lo = 0, hi = this.starts.length - 1, at = -1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (this.starts[mid] <= t + 0.001) { at = mid; lo = mid + 1; } else hi = mid - 1;
        }
        while (at > 0 && this.starts[at - 1] === this.starts[at]) at--;
        if (at !== this.current) {
          for (const w of this.article.querySelectorAll('.edition-current')) w.classList.remove('edition-current');
          if (this.current >= 0) this.words[this.current].removeAttribute('aria-current');
          this.current = at;
          if (at < 0) return;
          const word = this.words[at];
          word.setAttribute('aria-current', 'true');
          for (let i = at; i < this.words.length && this.starts[i] === this.starts[at]; i++) this.words[i].classList.add('edition-current');
          // Tab comes back to where the voice is, unless the listener is moving among the words.
          if (!this.article.contains(document.activeElement)) this.rove(word);
        }
        this.reveal(false);
      }

      /** Whether the whole word is on screen, and not under the player stuck to the top. */
      inView(word) {
        const box = word.getBoundingClientRect(), bar = this.getBoundingClientRect();
        const covered = bar.top <= 1 && bar.bottom > 0 && /sticky|fixed/.test(getComputedStyle(this).position);
        return box.top >= (covered ? bar.bottom : 0) && box.bottom <= window.innerHeight;
      }

      /** Keeps the spoken word in view while playing, unless autoscroll is off or the listener
       *  scrolled elsewhere; when the word comes back into view, following resumes. `now`: show it
       *  whatever the setting (the listener asked: the toggle, or a link to a moment). */
      reveal(now) {
        const word = this.words[this.current];
        if (!word) return;
        if (this.inView(word)) { this.away = false; return; }
        if (!now && (!this.autoscroll || this.away || this.audio.paused)) return;
        this.ownScrollUntil = performance.now() + 1000;
        word.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
      }

      // --- a link to selected words ---
      onSelection() {
        const selection = window.getSelection();
        const range = selection.rangeCount && !selection.isCollapsed ? selection.getRangeAt(0) : null;
        const first = range && this.article && this.article.contains(range.commonAncestorContainer)
          ? this.words.find(w => range.intersectsNode(w)) : null;
        if (!first) { if (this.moment) this.moment.remove(); this.moment = null; return; }
        if (!this.moment) {
          this.moment = document.createElement('a');
          this.moment.className = 'edition-moment';
          // Pressing the link must not collapse the selection first (which would remove the link).
          this.moment.addEventListener('mousedown', e => e.preventDefault());
          // Same hash as now: no hashchange, so go there by hand.
          this.moment.addEventListener('click', () => { if (this.moment.hash === location.hash) this.applyFragment(); });
          document.body.append(this.moment);
        }
        const seconds = Math.floor(Number(first.dataset.start));
        this.moment.href = `${location.href.split('#')[0]}#t=${seconds}`;
        this.moment.textContent = `Link to this moment (${clock(seconds)})`;
        const box = range.getBoundingClientRect(), width = document.documentElement.clientWidth;
        this.moment.style.top = `${window.scrollY + box.bottom + 6}px`;
        this.moment.style.left = `${window.scrollX + Math.max(8, Math.min(box.left, width - this.moment.offsetWidth - 8))}px`;
      }
    }

    customElements.define('edition-player', EditionPlayer);
    """#
}
