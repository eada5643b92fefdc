import EditionCore
import Mastering
import Publishing

extension EnclosureFormat {
    /// A feed's enclosure in one of Mastering's formats, made from the WAV master when missing.
    public static func audio(_ format: AudioFormat) -> EnclosureFormat {
        EnclosureFormat(fileExtension: format.fileExtension, mimeType: format.mimeType) { master, path, chapters, tags in
            try Transcoder.encode(master: master, to: path, format: format, chapters: chapters, tags: tags)
        }
    }
}
