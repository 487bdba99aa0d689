/// Every cataloger Hallmark runs, in one place. The binary ecosystems (Go build info,
/// Java archives, Rust `Cargo.lock`/cargo-auditable, RPM databases) register here too,
/// next to the text-database and lockfile catalogers below.
public enum Catalogers {
    /// A fresh instance of each cataloger, with default settings.
    public static var all: [any Cataloger] {
        [
            DpkgCataloger(),
            ApkCataloger(),
            PythonInstalledCataloger(),
            JavaScriptPackageCataloger(),
            JavaScriptLockCataloger(),
            RubyGemspecCataloger(),
            ComposerLockCataloger(),
            ComposerInstalledCataloger(),
            DotNetDepsCataloger(),
            RPMDBCataloger(),
            GoModuleBinaryCataloger(),
            JavaArchiveCataloger(),
            RustCargoLockCataloger(),
            CargoAuditableBinaryCataloger(),
        ]
    }
}
