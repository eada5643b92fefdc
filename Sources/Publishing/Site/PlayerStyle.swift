extension PlayerAssets {
    static let style = ""
}
