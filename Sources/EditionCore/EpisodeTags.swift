/// Text tags for the episode's audio files.
public struct EpisodeTags: Sendable, Equatable {
    public var title: String
    public var artist: String?
    public var album: String?
    public var date: String?
    public var comment: String?
    public var software: String

    public init(title: String, artist: String? = nil, album: String? = nil, date: String? = nil,
                comment: String? = nil, software: String = "edition") {
        self.title = title
        self.artist = artist
        self.album = album
        self.date = date
        self.comment = comment
        self.software = software
    }
}
