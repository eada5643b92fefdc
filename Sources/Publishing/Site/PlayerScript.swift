/// The `<edition-player>` web component: plain JavaScript, no framework, no build step.
extension PlayerAssets {
    static let script = #"""
    // <edition-player>: an accessible audio player that highlights each word of the article as it
    // is spoken. Plain JavaScript, no framework, nothing fetched but the files it is pointed at.
    // Attributes: src (audio), chapters (Podcasting 2.0 chapters JSON), transcript (Podcasting 2.0
    // JSON transcript, or WebVTT), article (id of the element holding the text), duration, label.
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
        const [h, m, s] = lines[at].split('-->')[0].trim().split(':');
        const start = s === undefined ? Number(h) * 60 + Number(m) : Number(h) * 3600 + Number(m) * 60 + Number(s);
        const body = lines.slice(at + 1).join(' ').replace(/<[^>]*>/g, '')
          .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
        cues.push({ start, body });
      }
      return cues;
    }

    /** Wraps the words of a page's own text in timed spans, matching the transcript in order. A
     *  transcript word that is not on the page (the spoken intro) is skipped; so is a page word
     *  that was not read (a caption). Only text nodes are touched: the page's markup stays. */
    function alignPage(container, segments) {
      const tokens = [];
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
        acceptNode: n => n.parentElement.closest('script, style, edition-player') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/\S+/g)) tokens.push({ node, from: m.index, to: m.index + m[0].length, key: normalize(m[0]) });
      }
      const LOOKAHEAD = 40;
      const matches = (i, words) => words.every((w, k) => tokens[i + k] && tokens[i + k].key === w);
      const marks = [];
      let p = 0;
      segments.forEach((segment, n) => {
        const words = segment.body.split(/\s+/).map(normalize).filter(Boolean);
        if (!words.length) return;
        for (let i = p; i < Math.min(tokens.length, p + LOOKAHEAD); i++) {
          if (!matches(i, words)) continue;
          // Jumping ahead past unmatched page words needs the next transcript word to agree too.
          const next = segments[n + 1] && segments[n + 1].body.split(/\s+/).map(normalize).filter(Boolean)[0];
          if (i > p && next && tokens[i + words.length] && tokens[i + words.length].key !== next) continue;
          for (let k = 0; k < words.length; k++) marks.push({ token: tokens[i + k], start: segment.start });
          p = i + words.length;
          return;
        }
      });
      // Wrap from the end of each text node backwards, so earlier offsets stay valid.
      for (let i = marks.length - 1; i >= 0; i--) {
        const { token, start } = marks[i];
        const range = document.createRange();
        range.setStart(token.node, token.from);
        range.setEnd(token.node, token.to);
        const span = document.createElement('span');
        span.className = 'edition-word';
        span.dataset.start = start.toFixed(3);
        range.surroundContents(span);
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
        this.speed = 0;
        this.autoscroll = !reducedMotion();
        this.scrolledAway = false;
        this.ownScrollUntil = 0;
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
        if (!this.audio.getAttribute('src') && this.getAttribute('src')) this.audio.src = this.getAttribute('src');
        this.audio.preload = 'metadata';
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
        this.scrollButton.setAttribute('aria-pressed', String(this.autoscroll));
        const share = button('Share this moment', 'Share', 'edition-share');
        this.status = document.createElement('p');
        this.status.className = 'edition-status';
        this.status.setAttribute('aria-live', 'polite');

        back.addEventListener('click', () => this.seek(this.audio.currentTime - SKIP));
        forward.addEventListener('click', () => this.seek(this.audio.currentTime + SKIP));
        this.playButton.addEventListener('click', () => this.toggle());
        this.speedButton.addEventListener('click', () => this.cycleSpeed());
        this.scrollButton.addEventListener('click', () => this.setAutoscroll(!this.autoscroll));
        share.addEventListener('click', () => this.share(this.audio.currentTime));

        const row = document.createElement('div');
        row.className = 'edition-buttons';
        row.append(back, this.playButton, forward, this.speedButton, this.scrollButton, share);
        bar.append(this.slider, this.clock, row);
        this.audio.after(bar, this.status);
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

        // The listener scrolling the page themselves pauses autoscroll.
        const away = () => { if (performance.now() > this.ownScrollUntil) this.scrolledAway = true; };
        window.addEventListener('wheel', away, { passive: true });
        window.addEventListener('touchmove', away, { passive: true });
        document.addEventListener('keydown', e => {
          if (['PageUp', 'PageDown', 'ArrowUp', 'ArrowDown', 'Home', 'End', ' '].includes(e.key) && !this.contains(e.target)
              && !(this.article && this.article.contains(e.target))) away();
        });
        document.addEventListener('selectionchange', () => this.onSelection());
      }

      onKey(e) {
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        if (e.target === this.slider) {
          const d = this.duration, t = this.audio.currentTime;
          const to = { ArrowRight: t + 5, ArrowUp: t + 5, ArrowLeft: t - 5, ArrowDown: t - 5, PageUp: t + 60, PageDown: t - 60, Home: 0, End: d }[e.key];
          if (to !== undefined) { e.preventDefault(); this.seek(to); return; }
        }
        const onButton = e.target.closest && e.target.closest('button');
        if (e.key === 'k' || (e.key === ' ' && !onButton)) { e.preventDefault(); this.toggle(); }
        else if (e.key === 'j') this.seek(this.audio.currentTime - SKIP);
        else if (e.key === 'l') this.seek(this.audio.currentTime + SKIP);
      }

      seekToPointer(e) {
        const box = this.slider.getBoundingClientRect();
        this.seek(Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)) * this.duration);
      }

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
        this.scrolledAway = false;
        this.scrollButton.setAttribute('aria-pressed', String(on));
        if (on) this.reveal(true);
      }

      say(text) { this.status.textContent = text; }

      share(seconds) {
        const url = `${location.href.split('#')[0]}#t=${Math.floor(seconds)}`;
        const shown = () => {
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
          navigator.clipboard.writeText(url).then(() => this.say('Link copied'), shown);
        } else {
          shown();
        }
      }

      applyFragment() {
        const t = fragmentTime(location.hash);
        if (t !== null) this.seek(t);
      }

      updatePlay() {
        const playing = !this.audio.paused && !this.audio.ended;
        this.playButton.setAttribute('aria-label', playing ? 'Pause' : 'Play');
        this.playButton.firstChild.textContent = playing ? '❚❚' : '▶';
        this.classList.toggle('edition-playing', playing);
      }

      /** While playing, every animation frame: the highlight moves with the voice, not in the
       *  quarter-second steps of `timeupdate`. */
      tick() {
        if (this.audio.paused) return;
        this.highlight(this.audio.currentTime);
        requestAnimationFrame(() => this.tick());
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
            const chapters = (await response.json()).chapters || [];
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
            this.status.before(this.chapterList);
          } catch { this.chapterList = null; }
        }
        if (!this.chapterList) return;
        this.chapterButtons = [...this.chapterList.querySelectorAll('button[data-chapter-start]')];
        this.chapterList.addEventListener('click', e => {
          const b = e.target.closest('button[data-chapter-start]');
          if (!b) return;
          this.seek(Number(b.dataset.chapterStart));
          this.play();
        });
        this.update();
      }

      markChapter(t) {
        if (!this.chapterButtons) return;
        let at = -1;
        this.chapterButtons.forEach((b, i) => { if (Number(b.dataset.chapterStart) <= t + 0.001) at = i; });
        this.chapterButtons.forEach((b, i) => { if (i === at) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current'); });
      }

      // --- the text ---
      async loadWords() {
        this.article = document.getElementById(this.getAttribute('article') || '');
        if (!this.article) return;
        if (!this.article.querySelector('.edition-word[data-start]') && this.getAttribute('transcript')) {
          try {
            const url = this.getAttribute('transcript');
            const response = await fetch(url);
            alignPage(this.article, parseTranscript(await response.text(), /\.vtt(\?|#|$)/i.test(url)));
          } catch { return; }
        }
        this.words = [...this.article.querySelectorAll('.edition-word[data-start]')];
        this.starts = this.words.map(w => Number(w.dataset.start));
        if (!this.words.length) return;
        this.words.forEach(w => w.setAttribute('tabindex', '-1'));
        this.words[0].setAttribute('tabindex', '0');
        const hint = document.createElement('p');
        hint.id = `${this.article.id}-hint`;
        hint.className = 'edition-visually-hidden';
        hint.textContent = 'Press Enter on a word to play from it; the arrow keys move between words.';
        this.article.prepend(hint);
        this.article.setAttribute('aria-describedby', hint.id);
        this.article.classList.add('edition-readalong');
        this.article.addEventListener('click', e => {
          const word = e.target.closest('.edition-word[data-start]');
          if (!word || !window.getSelection().isCollapsed) return;
          this.seek(Number(word.dataset.start));
          this.play();
        });
        this.article.addEventListener('keydown', e => this.onWordKey(e));
        this.update();
      }

      onWordKey(e) {
        const word = e.target.closest && e.target.closest('.edition-word[data-start]');
        if (!word) return;
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
        if (at === this.current) { this.reveal(false); return; }
        for (const w of this.article.querySelectorAll('.edition-current')) w.classList.remove('edition-current');
        if (this.current >= 0) this.words[this.current].removeAttribute('aria-current');
        this.current = at;
        if (at < 0) return;
        const word = this.words[at];
        word.setAttribute('aria-current', 'true');
        for (let i = at; i < this.words.length && this.starts[i] === this.starts[at]; i++) this.words[i].classList.add('edition-current');
        if (!this.article.contains(document.activeElement)) this.rove(word);
        this.reveal(false);
      }

      /** Keeps the spoken word in view, unless the listener scrolled elsewhere; when the word comes
       *  back into view by itself, following resumes. */
      reveal(force) {
        const word = this.words[this.current];
        if (!word || !this.autoscroll) return;
        const box = word.getBoundingClientRect();
        const visible = box.top >= 0 && box.bottom <= window.innerHeight;
        if (visible) { this.scrolledAway = false; return; }
        if ((this.scrolledAway && !force) || (this.audio.paused && !force)) return;
        this.ownScrollUntil = performance.now() + 1000;
        word.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
      }

      // --- a link to selected words ---
      onSelection() {
        const selection = window.getSelection();
        const old = document.querySelector('.edition-moment');
        if (!this.article || selection.isCollapsed || !selection.rangeCount) { if (old) old.remove(); return; }
        const range = selection.getRangeAt(0);
        if (!this.article.contains(range.commonAncestorContainer)) { if (old) old.remove(); return; }
        const first = this.words.find(w => range.intersectsNode(w));
        if (!first) { if (old) old.remove(); return; }
        const seconds = Math.floor(Number(first.dataset.start));
        const link = old || document.createElement('a');
        link.className = 'edition-moment';
        link.href = `${location.href.split('#')[0]}#t=${seconds}`;
        link.textContent = `Link to this moment (${clock(seconds)})`;
        const box = range.getBoundingClientRect();
        link.style.top = `${window.scrollY + box.bottom + 6}px`;
        link.style.left = `${Math.max(8, Math.min(window.scrollX + box.left, document.documentElement.clientWidth - 230))}px`;
        if (!old) document.body.append(link);
      }
    }

    customElements.define('edition-player', EditionPlayer);
    """#
}
