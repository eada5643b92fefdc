extension PlayerAssets {
    static let script = ""
}
