// Assembling
