/// Time zones as news copy writes them after a clock time ("9:30 a.m. ET", "17.30 CET"). The
/// sentence splitter (a time goes on into its zone) and the normalizer (a dotted "17.30" before a
/// zone is a time, not a decimal) share the list.
public enum TimeZoneAbbreviations {
    public static let all: Set<String> = [
        "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "BST", "UTC",
        "CET", "CEST", "EET", "EEST", "WET", "IST", "AEST", "AEDT", "JST",
    ]
}
