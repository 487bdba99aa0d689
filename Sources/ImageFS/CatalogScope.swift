/// Which files of a layered source catalogers see.
public enum CatalogScope: String, Hashable, Sendable, Codable, CaseIterable {
    /// The final filesystem: for each path the topmost version, after whiteouts and opaque directories.
    case squashed
    /// Every version of every file in every layer, deleted or not.
    case allLayers = "all-layers"
}
