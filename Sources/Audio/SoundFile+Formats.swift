import CSndFile

extension SoundFile {
    /// Constant bitrate at a given compression level (0 best … 1 smallest). Must precede the first write.
    public func setConstantBitrate(level: Double) throws {
        var mode = Int32(SF_BITRATE_MODE_CONSTANT)
        // libsndfile 1.2.0 answers 0 here even on success; its error state is what tells.
        _ = sf_command(handleForCommands, Int32(SFC_SET_BITRATE_MODE), &mode, Int32(MemoryLayout<Int32>.size))
        guard sf_error(handleForCommands) == 0 else {
            throw AudioError.write(path, "cannot set constant bitrate")
        }
        try setCompression(level: level)
    }

    public func setCompression(level: Double) throws {
        var value = level
        guard sf_command(handleForCommands, Int32(SFC_SET_COMPRESSION_LEVEL), &value, Int32(MemoryLayout<Double>.size)) == SF_TRUE else {
            throw AudioError.write(path, "cannot set compression level \(level)")
        }
    }
}
