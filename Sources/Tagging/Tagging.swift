// Tag writers: ID3v2 chapters for MP3, Vorbis comments for FLAC and Ogg.
enum TaggingPlaceholder {}
