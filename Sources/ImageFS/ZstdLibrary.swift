import Foundation

/// `libzstd.so.1`, loaded at run time with `dlopen` so that Hallmark builds and runs
/// without it; only zstd layers need it. The streaming functions used are the stable
/// ones of `zstd.h`: `ZSTD_createDStream`, `ZSTD_decompressStream`, `ZSTD_freeDStream`,
/// `ZSTD_isError`, `ZSTD_getErrorName`.
struct ZstdLibrary: @unchecked Sendable {
    // @unchecked: C function pointers of a library that is never unloaded.
    typealias Create = @convention(c) () -> OpaquePointer?
    typealias Free = @convention(c) (OpaquePointer?) -> Int
    /// `size_t ZSTD_decompressStream(ZSTD_DStream*, ZSTD_outBuffer*, ZSTD_inBuffer*)`; each buffer
    /// is three machine words (pointer, size, pos), so they are passed as `Int` triples.
    typealias Decompress = @convention(c) (OpaquePointer?, UnsafeMutablePointer<Int>, UnsafeMutablePointer<Int>) -> Int
    typealias IsError = @convention(c) (Int) -> UInt32
    typealias ErrorName = @convention(c) (Int) -> UnsafePointer<CChar>?

    /// The shared library's file name.
    static let soname = "libzstd.so.1"

    let create: Create
    let free: Free
    let decompress: Decompress
    let isError: IsError
    let errorName: ErrorName

    /// The library, loaded once; or why it could not be loaded.
    static let shared: Result<ZstdLibrary, LayerReadError.Reason> = load()

    private static func load() -> Result<ZstdLibrary, LayerReadError.Reason> {
        guard let handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL) else {
            let detail = dlerror().map { String(cString: $0) } ?? "\(soname) not found"
            return .failure(.zstdUnavailable(detail))
        }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: type) }
        }
        guard let create = symbol("ZSTD_createDStream", as: Create.self),
              let free = symbol("ZSTD_freeDStream", as: Free.self),
              let decompress = symbol("ZSTD_decompressStream", as: Decompress.self),
              let isError = symbol("ZSTD_isError", as: IsError.self),
              let errorName = symbol("ZSTD_getErrorName", as: ErrorName.self)
        else {
            return .failure(.zstdUnavailable("\(soname) lacks the streaming decompression functions"))
        }
        return .success(ZstdLibrary(create: create, free: free, decompress: decompress, isError: isError, errorName: errorName))
    }
}
