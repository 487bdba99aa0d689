/// A problem that stops a file from being parsed; it becomes a ``CatalogWarning`` naming the file.
public struct FileFormatError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// What a parser may consult besides the file it parses.
struct ParseEnvironment: Sendable {
    /// Every file the cataloger selected (e.g. copyright files next to a dpkg database).
    var files: any FileResolver
    var context: CatalogContext
    /// The cataloger's name, recorded as each package's `foundBy`.
    var foundBy: String
}

/// The packages read from one file, and the problems met on the way
/// (only the first few are kept; all are counted).
struct ParsedFile: Sendable {
    /// How many problems are spelled out in a file's warning.
    static let problemsListed = 3

    var packages: [CatalogPackage] = []
    private(set) var problems: [String] = []
    private(set) var problemCount = 0

    mutating func problem(_ text: String) {
        if problems.count < Self.problemsListed { problems.append(text) }
        problemCount += 1
    }

    /// One warning for the file summarising its problems, if any.
    func warning(for file: ResolvedFile) -> CatalogWarning? {
        guard problemCount > 0 else { return nil }
        var message = problems.joined(separator: "; ")
        if problemCount > problems.count { message += "; and \(problemCount - problems.count) more problems" }
        return CatalogWarning(path: file.path, message: message)
    }
}

/// One file format of an ecosystem: which paths hold it and how to read them.
struct FileParser: Sendable {
    /// Whether an absolute path holds this format.
    let matches: @Sendable (String) -> Bool
    /// The largest file handed to the parser.
    let maxSize: Int
    let parse: @Sendable (ResolvedFile, ParseEnvironment) throws(FileFormatError) -> ParsedFile

    init(maxSize: Int = 64 << 20, matches: @escaping @Sendable (String) -> Bool,
         parse: @escaping @Sendable (ResolvedFile, ParseEnvironment) throws(FileFormatError) -> ParsedFile) {
        self.matches = matches
        self.maxSize = maxSize
        self.parse = parse
    }
}

/// The parsers of one cataloger, plus the extra files they consult (evidence such as
/// copyright files), run as one: every matching file parsed, failures turned into warnings.
struct ParserSet: Sendable {
    let parsers: [FileParser]
    let evidence: [FileSelector]

    init(_ parsers: [FileParser], evidence: [FileSelector] = []) {
        self.parsers = parsers
        self.evidence = evidence
    }

    var selectors: [FileSelector] {
        parsers.map { FileSelector(.path($0.matches), maxSize: $0.maxSize) } + evidence
    }

    func catalog(_ files: any FileResolver, context: CatalogContext, foundBy: String) -> CatalogResult {
        let environment = ParseEnvironment(files: files, context: context, foundBy: foundBy)
        var result = CatalogResult()
        for parser in parsers {
            for file in files.files(where: parser.matches) {
                do {
                    let parsed = try parser.parse(file, environment)
                    result.packages += parsed.packages
                    if let warning = parsed.warning(for: file) { result.warnings.append(warning) }
                } catch {
                    result.warnings.append(CatalogWarning(path: file.path, message: error.description))
                }
            }
        }
        result.packages.sort { $0.sortKey < $1.sortKey }
        return result
    }
}
