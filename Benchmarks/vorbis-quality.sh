#!/usr/bin/env bash
# The Vorbis quality setting, chosen by measurement (issue 19): six articles in two voices are
# mastered at 22.05 kHz (the rate the Vorbis is encoded at), then encoded by libvorbis (through
# ffmpeg: the same library and vorbis_encode_init_vbr as VorbisPartWriter) at several qualities,
# each fed the master 0.5 dB down (the codec headroom Vorbis is mastered with). For each quality:
# bitrate, CPU time per hour of audio, SNR against what was fed (ffmpeg's decode, sample for
# sample) and the decoded true peak (ffmpeg's ebur128 meter), worst and median over the articles.
# Then the pipeline's own Vorbis (beside the WAV, and alone), read by ffmpeg's meter: loudness and
# decoded true peak, which `edition verify` holds to the profile's -1 dBTP.
# Usage: Benchmarks/vorbis-quality.sh [articles=6] [words=600]   (QUALITIES="0.4" to try fewer; "" for none)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-6}
words=${2:-600}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release >/dev/null 2>&1
python3 -c "import numpy" 2>/dev/null || python3 -m pip install -q numpy
edition=$PWD/.build/release/edition
export EDITION_VOICES=$PWD/Voices EDITION_CACHE=$work/cache
python3 Benchmarks/make-articles.py "$work/in" "$count" "$words" >/dev/null
i=0
for article in "$work"/in/*.txt; do
  voice=$([ $((i % 2)) = 0 ] && echo en-us-news || echo en-gb-news)
  "$edition" narrate "$article" -o "$work/m$i" --format wav --sample-rate 22050 --voice "$voice" --quiet
  ffmpeg -v error -y -i "$work"/m$i/*.wav -af volume=-0.5dB -c:a pcm_f32le "$work/fed$i.wav"
  "$edition" narrate "$article" -o "$work/both$i" --format wav --format vorbis --voice "$voice" --quiet
  "$edition" narrate "$article" -o "$work/alone$i" --format vorbis --voice "$voice" --quiet
  i=$((i + 1))
done
python3 - "$work" "$count" "${QUALITIES-0.3 0.4 0.5 0.6}" <<'PY'
import subprocess, sys, time, os, statistics, re, resource
import numpy as np
work, count = sys.argv[1], int(sys.argv[2])
def floats(path):
    return np.frombuffer(subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-ac", "1", "-f", "f32le", "-"],
                                        capture_output=True, check=True).stdout, dtype="<f4")
def true_peak(path):
    err = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", path, "-af", "ebur128=peak=true", "-f", "null", "-"],
                         capture_output=True, text=True).stderr
    return float(re.findall(r"Peak:\s+(-?[\d.]+|-inf)", err.split("Summary:")[-1])[-1])
fed = [floats(f"{work}/fed{i}.wav") for i in range(count)]
seconds = sum(len(x) for x in fed) / 22050
pcm = [true_peak(f"{work}/fed{i}.wav") for i in range(count)]
print(f"{count} articles, {seconds / 60:.1f} min of audio; true peak of what is fed: {max(pcm):.1f} dBTP at most")
if sys.argv[3].strip(): print("quality  kb/s  CPU s/h  SNR dB (worst, median)  decoded true peak dBTP (worst, median)")
for q in [float(q) for q in sys.argv[3].split()]:
    size = cpu = 0.0
    snrs, peaks = [], []
    for i in range(count):
        out = f"{work}/q{q}-{i}.ogg"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", f"{work}/fed{i}.wav", "-c:a", "libvorbis", "-q:a", str(q * 10), out], check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu += after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        size += os.path.getsize(out)
        d, r = floats(out), fed[i]
        n = min(len(d), len(r))
        snrs.append(10 * np.log10(np.sum(r[:n].astype(np.float64) ** 2) / np.sum((r[:n] - d[:n]).astype(np.float64) ** 2)))
        peaks.append(true_peak(out))
    print(f"{q:7.1f}  {size * 8 / seconds / 1000:4.0f}  {cpu / seconds * 3600:7.1f}  {min(snrs):6.1f} {statistics.median(snrs):6.1f}"
          f"                {max(peaks):5.1f} {statistics.median(peaks):5.1f}")
for kind in ["both", "alone"]:
    loud, peaks = [], []
    for i in range(count):
        ogg = [f for f in os.listdir(f"{work}/{kind}{i}") if f.endswith(".ogg")][0]
        err = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", f"{work}/{kind}{i}/{ogg}", "-af", "ebur128=peak=true",
                              "-f", "null", "-"], capture_output=True, text=True).stderr.split("Summary:")[-1]
        loud.append(float(re.findall(r"I:\s+(-?[\d.]+)", err)[0]))
        peaks.append(float(re.findall(r"Peak:\s+(-?[\d.]+|-inf)", err)[-1]))
    label = "with the WAV" if kind == "both" else "alone"
    print(f"pipeline's Vorbis {label:12}: {min(loud):.1f} to {max(loud):.1f} LUFS, decoded true peak {min(peaks):.1f} to {max(peaks):.1f} dBTP")
PY
