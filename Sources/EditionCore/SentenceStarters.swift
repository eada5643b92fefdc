/// Capitalized words that usually open a sentence rather than continue a name. After an
/// abbreviation that may end a sentence ("etc.", "U.S.", "12 Oct."), one of these says it did.
/// The sentence splitter and the normalizer (which keeps such a full stop) share the list, so
/// they agree on where a sentence ends.
public enum SentenceStarters {
    public static let words: Set<String> = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On", "At", "This",
        "That", "These", "Those", "There", "His", "Her", "Their", "Its", "Our", "When", "While", "After",
        "Before", "Since", "If", "As", "So", "Yet", "Meanwhile", "However", "Officials", "Some", "Many", "Most",
        "No", "Not", "One", "Two", "What", "Why", "How", "Who", "Where", "For", "From", "With", "According",
        "Russia", "Ukraine", "President", "Earlier", "Over", "Under", "About", "More", "Police", "Later",
    ]
}
