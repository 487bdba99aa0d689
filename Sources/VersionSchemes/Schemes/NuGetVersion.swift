/// A NuGet version as NuGet.Versioning reads it: one to four numeric parts (missing
/// ones are 0), an optional `-` release label of dot-separated parts and optional
/// `+` metadata (ignored). A version with a label is below the same version without;
/// label parts compare numeric (by value) below alphanumeric (case-insensitively).
public struct NuGetVersion: Sendable, Equatable {
    let numbers: [Substring]
    let labels: [Substring]

    public init(_ text: String) throws(VersionParseError) {
        var rest = Substring(text.trimming(Whitespace.isASCIISpace))
        if let plus = rest.firstIndex(of: "+") {
            guard SemanticVersion.validIdentifiers(rest[rest.index(after: plus)...], numericLeadingZeros: true) else {
                throw VersionParseError(.nuget, text, "invalid metadata")
            }
            rest = rest[..<plus]
        }
        var labels: [Substring] = []
        if let dash = rest.firstIndex(of: "-") {
            let label = rest[rest.index(after: dash)...]
            guard SemanticVersion.validIdentifiers(label, numericLeadingZeros: true) else {
                throw VersionParseError(.nuget, text, "invalid release label '\(label)'")
            }
            labels = label.split(separator: ".")
            rest = rest[..<dash]
        }
        let numbers = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(numbers.count), numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            throw VersionParseError(.nuget, text, "expected one to four numbers separated by '.'")
        }
        self.numbers = numbers + Array(repeating: "0", count: 4 - numbers.count)
        self.labels = labels
    }

    /// -1, 0 or 1, as NuGet's version comparer orders the versions.
    public func compare(to other: NuGetVersion) -> Int {
        PrereleaseOrder.compare(numbers: numbers, other.numbers, labels: labels, other.labels, ignoringCase: true)
    }
}
