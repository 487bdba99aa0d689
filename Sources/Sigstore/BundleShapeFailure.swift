/// A bundle field that decoded but breaks the bundle format's rules, thrown
/// from `init(from:)` and turned into a ``BundleError`` by ``BundleReader``.
enum BundleShapeFailure: Error {
    /// `field` is missing (nil) or not a known bundle media type.
    case unsupportedMediaType(field: String, mediaType: String?)
    /// `field` breaks a rule of the format.
    case invalid(field: String, problem: String)
}

/// A coding path as a field path: `verificationMaterial.tlogEntries[0].logIndex`.
func fieldPath(_ path: [any CodingKey], _ leaf: String? = nil) -> String {
    var text = ""
    for key in path {
        if let index = key.intValue {
            text += "[\(index)]"
        } else {
            text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
    }
    guard let leaf else { return text.isEmpty ? "(document)" : text }
    return text.isEmpty ? leaf : "\(text).\(leaf)"
}
