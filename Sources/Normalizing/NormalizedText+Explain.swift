extension NormalizedText {
    /// One aligned line per rewrite, for `edition script --fragment --explain`:
    /// the original span, its class, the words spoken, and the rule that made them.
    ///
    ///     "$2.4 billion"  money    → "two point four billion dollars"  money.amount
    public func explain() -> [String] {
        guard !rewrites.isEmpty else { return [] }
        func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t") + "\""
        }
        let rows = rewrites.map { (quoted($0.original), $0.kind, quoted($0.replacement), $0.rule) }
        let w0 = rows.map { $0.0.count }.max() ?? 0
        let w1 = rows.map { $0.1.count }.max() ?? 0
        let w2 = rows.map { $0.2.count }.max() ?? 0
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        return rows.map { "\(pad($0.0, w0))  \(pad($0.1, w1))  → \(pad($0.2, w2))  \($0.3)" }
    }
}
