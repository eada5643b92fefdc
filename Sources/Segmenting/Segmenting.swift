// Segmenting
