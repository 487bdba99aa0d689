/// Reads Python core metadata (`METADATA`, `PKG-INFO`): RFC 822 headers up to the first
/// blank line (`Name`, `Version`, `License-Expression`, `License`, `Classifier`, `Requires-Dist`).
enum PythonMetadataParser {
    /// Metadata and RECORD files larger than this are skipped.
    static let maxSize = 16 << 20
    /// A free-text `License` longer than this is a license text, not a name, and is ignored.
    static let longestLicenseName = 100

    static func matches(_ path: String) -> Bool {
        path.hasSuffix(".dist-info/METADATA") || path.hasSuffix(".egg-info/PKG-INFO") || path.hasSuffix(".egg-info")
    }

    static func isRecord(_ path: String) -> Bool { path.hasSuffix(".dist-info/RECORD") }

    static func parse(_ file: ResolvedFile, _ environment: ParseEnvironment) throws(FileFormatError) -> ParsedFile {
        var parsed = ParsedFile()
        guard let headers = HeaderParser.paragraphs(in: try file.lines(), syntax: .rfc822, firstOnly: true, problems: &parsed).first
        else { throw FileFormatError("no metadata headers") }
        guard let name = headers.value("name"), !name.isEmpty else { throw FileFormatError("no Name header") }
        guard let version = headers.value("version"), !version.isEmpty else { throw FileFormatError("no Version header") }
        var locations = [file.location]
        if file.path.hasSuffix("/METADATA"), let record = environment.files.file(at: file.path.parentPath + "/RECORD") {
            locations.append(record.location)
        }
        let normalized = normalizedName(name)
        parsed.packages.append(CatalogPackage(
            name: name, version: version, type: .python,
            purl: PURL(type: PackageType.python.rawValue, name: normalized, version: version),
            cpes: [CPE.application(vendor: normalized, product: normalized, version: version)],
            licenses: licenses(headers), locations: locations,
            foundBy: environment.foundBy, dependsOn: requirements(headers.values("requires-dist"))
        ))
        return parsed
    }

    /// PEP 503: lowercase, runs of `-`, `_` and `.` become one `-`.
    static func normalizedName(_ name: String) -> String {
        var out = ""
        var lastWasSeparator = false
        for character in name.lowercased() {
            let isSeparator = character == "-" || character == "_" || character == "."
            if isSeparator {
                if !lastWasSeparator { out.append("-") }
            } else {
                out.append(character)
            }
            lastWasSeparator = isSeparator
        }
        return out
    }

    /// `License-Expression` (already SPDX), else a short `License`, else the
    /// `License ::` classifiers.
    private static func licenses(_ headers: HeaderParagraph) -> [String] {
        if let expression = headers.value("license-expression"), !expression.isEmpty { return [expression] }
        if let license = headers.value("license"), !license.isEmpty, license.uppercased() != "UNKNOWN",
           !license.contains("\n"), license.count <= longestLicenseName {
            return [LicenseNames.spdx(license)]
        }
        return headers.values("classifier").compactMap { classifier in
            let parts = classifier.split(separator: "::").map(\.trimmed)
            guard parts.count >= 2, parts[0] == "License", let last = parts.last, last != "OSI Approved" else { return nil }
            return LicenseNames.spdx(last)
        }
    }

    /// The distribution names of `Requires-Dist` lines, leaving out extras-only requirements.
    private static func requirements(_ lines: [String]) -> [String] {
        var names: [String] = []
        for line in lines {
            if let marker = line.firstIndex(of: ";"), line[marker...].contains("extra") { continue }
            let name = line.trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
            if !name.isEmpty, !names.contains(String(name)) { names.append(String(name)) }
        }
        return names
    }
}
