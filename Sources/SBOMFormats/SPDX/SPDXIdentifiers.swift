/// Assigns SPDX element identifiers (`SPDXRef-[A-Za-z0-9.-]+`) derived from a
/// stable name (a PURL, a path), adding `-2`, `-3`, … in call order when two
/// names sanitise to the same identifier. Callers call in document order, so
/// the suffixes are stable for the same input.
struct SPDXIdentifiers {
    private var used: Set<String> = []

    /// A fresh identifier `SPDXRef-<prefix>-<sanitised name>`.
    mutating func make(prefix: String, name: String) -> String {
        let base = "SPDXRef-" + prefix + "-" + Self.sanitise(name)
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = base + "-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// `name` with every character outside `[A-Za-z0-9.-]` replaced by `-`.
    static func sanitise(_ name: String) -> String {
        var out = ""
        out.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            let allowed = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            out.unicodeScalars.append(allowed ? Unicode.Scalar(byte) : "-")
        }
        return out.isEmpty ? "unnamed" : out
    }
}
