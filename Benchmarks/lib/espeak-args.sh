# Sourced by Benchmarks/narrate-vs-espeak.sh and batch.sh: plain espeak-ng with the default voice
# profile's own settings (voice+variant, rate, pitch, volume, word gap), so a change to the profile
# cannot make the comparison unfair. Sets the array $espeak_args.
profile=${EDITION_PROFILE:-Voices/en-us-news.yaml}
setting() { sed -n "s/^ *$1: *\([^ #]*\).*/\1/p" "$profile" | head -1; }
voice=$(setting voice)
[ -n "$(setting variant)" ] && voice+="+$(setting variant)"
espeak_args=(-v "$voice" -s "$(setting rate)" -p "$(setting pitch)" -a "$(setting volume)" -g "$(setting wordGap)")
