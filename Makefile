# Two commands for a fresh Debian/Ubuntu machine:
#   make demo   installs the system packages, builds, and narrates the sample article into Output/
#   make test   the same installs, then the whole test suite
# Both are idempotent: packages already present are not reinstalled.

APT_PACKAGES := libespeak-ng-dev espeak-ng-data espeak-ng libsndfile1-dev libxml2-dev libebur128-dev libsamplerate0-dev libmp3lame-dev libopus-dev libvorbis-dev libogg-dev pkg-config ffmpeg sox python3 curl wrk chromium chromium-driver wamerican wbritish
SWIFT ?= swift
SAMPLE := Examples/anti-kremlin-militia.txt

.PHONY: deps build demo test bench clean-output

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@python3 -c "import feedparser" 2>/dev/null || python3 -m pip install -q feedparser
	@python3 -c "import yar_numerals" 2>/dev/null || python3 -m pip install -q yar-numerals

build: deps
	$(SWIFT) build -c release

demo: build
	.build/release/edition narrate $(SAMPLE) --output Output
	@echo "Listen: Output/*.wav   Chapters: ffprobe -hide_banner -show_chapters Output/<name>.wav"

test: deps
	$(SWIFT) build --build-tests --explicit-target-dependency-import-check error
	$(SWIFT) test --skip-build
	Benchmarks/check-feed.sh
	.ci/fuzz-api.sh .build/debug/edition
	.ci/browser-tests.sh .build/debug/edition
	.ci/cluster-tests.sh .build/debug/edition

bench: build
	Benchmarks/narrate-vs-espeak.sh
	Benchmarks/batch.sh
	Benchmarks/mastering.sh
	Benchmarks/vorbis-quality.sh
	Benchmarks/dsp-costs.sh
	Benchmarks/hostile-input.sh
	Benchmarks/intelligibility.sh
	Benchmarks/serve.sh
	Benchmarks/shards.sh
	Benchmarks/normalize-uk.sh

clean-output:
	find Output -type f ! -name README.md -delete
