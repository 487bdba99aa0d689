/// A plain-text table with left-aligned columns, as `docker` and `syft` print them.
public struct TextTable: Sendable {
    public let headers: [String]
    public private(set) var rows: [[String]] = []

    public init(headers: [String]) {
        self.headers = headers
    }

    /// Adds a row; missing cells are blank, extra cells are dropped.
    public mutating func append(_ row: [String]) {
        rows.append((0..<headers.count).map { $0 < row.count ? row[$0] : "" })
    }

    /// The table as lines joined by newlines, columns separated by two spaces.
    public func render() -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { i in
                i == row.count - 1 ? row[i] : row[i].padding(toLength: widths[i])
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
