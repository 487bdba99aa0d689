/// Reads licenses from machine-readable (DEP-5) `usr/share/doc/<package>/copyright` files.
enum DpkgCopyrightParser {
    static let documentation = "/usr/share/doc/"
    /// Copyright files larger than this are skipped.
    static let maxSize = 4 << 20

    static func matches(_ path: String) -> Bool {
        guard path.hasPrefix(documentation), path.hasSuffix("/copyright") else { return false }
        let package = path.dropFirst(documentation.count).dropLast("/copyright".count)
        return !package.isEmpty && !package.contains("/")
    }

    /// The copyright file of `package`, if there is one.
    static func file(for package: String, in files: any FileResolver) -> ResolvedFile? {
        files.file(at: documentation + package + "/copyright")
    }

    /// The SPDX identifiers (or names) of the DEP-5 `License:` fields of `file`, sorted and
    /// without duplicates; empty if the file is not machine-readable.
    static func licenses(in file: ResolvedFile) -> [String] {
        var ignored = ParsedFile()
        guard let lines = try? file.lines(),
              let first = lines.first(where: { !$0.trimmed.isEmpty }), first.lowercased().hasPrefix("format:")
        else { return [] }
        var licenses = Set<String>()
        for paragraph in HeaderParser.paragraphs(in: lines, syntax: .rfc822, problems: &ignored) {
            for field in paragraph.values("license") {
                let shortName = field.prefix { $0 != "\n" }
                licenses.formUnion(LicenseNames.spdx(dep5: String(shortName)))
            }
        }
        return licenses.sorted()
    }
}
