// Synthesizing
