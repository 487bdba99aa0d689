extension StringProtocol {
    /// Whether `needle` occurs in the text, compared by UTF-8 bytes. Workflow checks only
    /// look for short ASCII fragments; a plain byte scan of the text's own storage avoids
    /// Foundation's locale-aware search, which dominated `hallmark doctor`'s profile.
    func has(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        return utf8.withContiguousStorageIfAvailable { Self.contains(pattern, in: $0) } ?? Self.contains(pattern, in: Array(utf8))
    }

    private static func contains(_ pattern: [UInt8], in text: some RandomAccessCollection<UInt8>) -> Bool {
        guard let first = pattern.first else { return true }
        guard text.count >= pattern.count else { return false }
        var index = text.startIndex
        let last = text.index(text.endIndex, offsetBy: -pattern.count)
        while index <= last {
            if text[index] == first, text[index..<text.index(index, offsetBy: pattern.count)].elementsEqual(pattern) { return true }
            index = text.index(after: index)
        }
        return false
    }
}
