/// Maps license names as packages spell them (Debian DEP-5 short names, Python
/// trove classifiers, common free-text names) to SPDX license identifiers.
/// Names without a known SPDX identifier are kept as written.
enum LicenseNames {
    /// The SPDX identifier for `name`; a trailing `+` (Debian's "or any later version")
    /// becomes `-or-later` for the GNU family, whose bare short names become `-only`.
    static func spdx(_ name: some StringProtocol) -> String {
        let trimmed = name.trimmed
        let orLater = trimmed.hasSuffix("+")
        let base = (orLater ? String(trimmed.dropLast()) : trimmed).lowercased()
        if let family = gnuFamily[base] { return family + (orLater ? "-or-later" : "-only") }
        if !orLater, let id = identifiers[base] { return id }
        return trimmed
    }

    /// The licenses named by a DEP-5 `License:` short name, which may combine several
    /// with `or`, `and` or `,`, each possibly with a `with ... exception` suffix.
    static func spdx(dep5 expression: String) -> [String] {
        var names: [String] = []
        var expectingName = true
        for word in expression.replacing(",", with: " , ").split(separator: " ") {
            if ["or", "and", "|", "&", ","].contains(word.lowercased()) {
                expectingName = true
            } else if expectingName {
                names.append(spdx(word))
                expectingName = false
            }
        }
        return names
    }

    /// GNU licenses by Debian short name (lowercased) → SPDX stem.
    private static let gnuFamily: [String: String] = [
        "gpl-1": "GPL-1.0", "gpl-1.0": "GPL-1.0", "gpl-2": "GPL-2.0", "gpl-2.0": "GPL-2.0", "gpl-3": "GPL-3.0", "gpl-3.0": "GPL-3.0",
        "gplv2": "GPL-2.0", "gplv3": "GPL-3.0",
        "lgpl-2": "LGPL-2.0", "lgpl-2.0": "LGPL-2.0", "lgpl-2.1": "LGPL-2.1", "lgpl-3": "LGPL-3.0", "lgpl-3.0": "LGPL-3.0",
        "lgplv2": "LGPL-2.0", "lgplv2.1": "LGPL-2.1", "lgplv3": "LGPL-3.0",
        "agpl-3": "AGPL-3.0", "agpl-3.0": "AGPL-3.0", "agplv3": "AGPL-3.0",
        "gfdl-1.1": "GFDL-1.1", "gfdl-1.2": "GFDL-1.2", "gfdl-1.3": "GFDL-1.3",
    ]

    /// Other names (lowercased) → SPDX identifier.
    private static let identifiers: [String: String] = [
        "apache-1.1": "Apache-1.1", "apache-2.0": "Apache-2.0", "apache 2.0": "Apache-2.0", "apache-2": "Apache-2.0",
        "apache license 2.0": "Apache-2.0", "apache license, version 2.0": "Apache-2.0", "apache software license": "Apache-2.0",
        "artistic-2.0": "Artistic-2.0",
        "bsd-2-clause": "BSD-2-Clause", "bsd-3-clause": "BSD-3-Clause", "bsd-4-clause": "BSD-4-Clause", "0bsd": "0BSD",
        "expat": "MIT", "mit": "MIT", "mit license": "MIT", "x11": "X11", "isc": "ISC", "isc license": "ISC",
        "isc license (iscl)": "ISC", "zlib": "Zlib", "curl": "curl", "openssl": "OpenSSL",
        "mpl-1.1": "MPL-1.1", "mpl-2.0": "MPL-2.0", "mozilla public license 2.0 (mpl 2.0)": "MPL-2.0",
        "cc0": "CC0-1.0", "cc0-1.0": "CC0-1.0", "cc-by-3.0": "CC-BY-3.0", "cc-by-4.0": "CC-BY-4.0",
        "cc-by-sa-3.0": "CC-BY-SA-3.0", "cc-by-sa-4.0": "CC-BY-SA-4.0",
        "psf-2": "PSF-2.0", "psf": "PSF-2.0", "python": "Python-2.0", "python software foundation license": "PSF-2.0",
        "bsl-1.0": "BSL-1.0", "boost software license 1.0 (bsl-1.0)": "BSL-1.0", "unlicense": "Unlicense",
        "the unlicense (unlicense)": "Unlicense", "wtfpl": "WTFPL", "unicode-dfs-2016": "Unicode-DFS-2016",
    ]
}
