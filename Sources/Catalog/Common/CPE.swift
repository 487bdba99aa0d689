/// CPE 2.3 names for packages. Hallmark keeps one simple, documented candidate per
/// package, `cpe:2.3:a:<vendor>:<product>:<version>:*:*:*:*:*:*:*`, where each
/// ecosystem picks the vendor (usually the package name itself, the vendor part for
/// composer, the scope-less name for npm) and the product is the package name.
enum CPE {
    /// An application CPE in the 2.3 formatted-string binding; vendor and product are
    /// lowercased, and every character other than letters, digits, `-`, `.` and `_` is
    /// backslash-quoted as the binding requires (e.g. a Debian epoch `1:2.3` → `1\:2.3`).
    static func application(vendor: String, product: String, version: String) -> String {
        "cpe:2.3:a:\(quote(vendor.lowercased())):\(quote(product.lowercased())):\(quote(version)):*:*:*:*:*:*:*"
    }

    private static func quote(_ text: String) -> String {
        guard !text.isEmpty else { return "*" }
        var out = ""
        for character in text {
            if character == " " {
                out.append("_")
            } else if character.isASCII, character.isLetter || character.isNumber || "-._".contains(character) {
                out.append(character)
            } else {
                out += "\\" + String(character)
            }
        }
        return out
    }
}
