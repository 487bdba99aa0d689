/// Package names as the index stores and looks them up: PyPI names normalised per
/// PEP 503 (lowercase, runs of `-`, `_`, `.` as one `-`); others as written.
public enum PackageName {
    public static func normalized(_ name: String, ecosystem: String) -> String {
        guard ecosystem == "PyPI" else { return name }
        var result = ""
        var previousWasSeparator = false
        for character in name.lowercased() {
            if character == "-" || character == "_" || character == "." {
                if !previousWasSeparator { result.append("-") }
                previousWasSeparator = true
            } else {
                result.append(character)
                previousWasSeparator = false
            }
        }
        return result
    }

    /// `Debian:12` → (`Debian`, `12`); `Alpine:v3.19` → (`Alpine`, `v3.19`); `PyPI` → (`PyPI`, ``).
    public static func splitEcosystem(_ ecosystem: String) -> (base: String, release: String) {
        guard let colon = ecosystem.firstIndex(of: ":") else { return (ecosystem, "") }
        return (String(ecosystem[..<colon]), String(ecosystem[ecosystem.index(after: colon)...]))
    }
}
