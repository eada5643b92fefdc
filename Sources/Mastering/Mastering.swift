import CEbur128
import CSampleRate
// Loudness, resampling and encoding.
enum MasteringPlaceholder {}
