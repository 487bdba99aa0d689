import Foundation

/// One member of a tar built by Python's `tarfile`.
struct TarMember: Encodable {
    enum Kind: String, Encodable { case file, dir, symlink, hardlink }
    var name: String
    var kind: Kind = .file
    var content: String = ""
    var target: String = ""

    static func file(_ name: String, _ content: String) -> TarMember { TarMember(name: name, content: content) }
    static func dir(_ name: String) -> TarMember { TarMember(name: name, kind: .dir) }
    static func symlink(_ name: String, _ target: String) -> TarMember { TarMember(name: name, kind: .symlink, target: target) }
    static func hardlink(_ name: String, _ target: String) -> TarMember { TarMember(name: name, kind: .hardlink, target: target) }
}

/// Layer tars made by the real tools: GNU `tar` over a directory tree, Python `tarfile`
/// for members a directory cannot hold (`../` names, chosen formats), `gzip -n`, `zstd`.
enum LayerTars {
    /// `tar` (GNU) of the tree at `root`, as `output`.
    static func gnuTar(root: String, output: String, format: String = "gnu") throws {
        try Shell.run("tar --format=\(format) --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "
                      + Shell.quote(root) + " -cf " + Shell.quote(output) + " .")
    }

    /// A tar of `members` written by Python's `tarfile` in `format` (`gnu`, `pax` or `ustar`).
    static func pythonTar(_ members: [TarMember], output: String, format: String = "gnu") throws {
        let spec = String(decoding: try JSONEncoder().encode(members), as: UTF8.self)
        try Shell.python(#"""
            import io, json, sys, tarfile
            members, output, fmt = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
            formats = {"gnu": tarfile.GNU_FORMAT, "pax": tarfile.PAX_FORMAT, "ustar": tarfile.USTAR_FORMAT}
            with tarfile.open(output, "w", format=formats[fmt]) as tar:
                for m in members:
                    info = tarfile.TarInfo(m["name"])
                    info.mtime = 0
                    data = m["content"].encode()
                    if m["kind"] == "dir":
                        info.type, info.mode = tarfile.DIRTYPE, 0o755
                    elif m["kind"] == "symlink":
                        info.type, info.linkname = tarfile.SYMTYPE, m["target"]
                    elif m["kind"] == "hardlink":
                        info.type, info.linkname = tarfile.LNKTYPE, m["target"]
                    else:
                        info.size = len(data)
                    tar.addfile(info, io.BytesIO(data) if m["kind"] == "file" else None)
            """#, [spec, output, format])
    }

    /// `gzip -n` of `file`; returns the `.gz` path.
    @discardableResult
    static func gzip(_ file: String) throws -> String {
        try Shell.run("gzip -n -k -f " + Shell.quote(file))
        return file + ".gz"
    }

    /// `zstd` of `file`; returns the `.zst` path. Fails with an install hint when `zstd` is missing.
    static func zstd(_ file: String) throws -> String {
        try Shell.require("zstd", hint: "apt-get install -y zstd")
        try Shell.run("zstd -q -f -o " + Shell.quote(file + ".zst") + " " + Shell.quote(file))
        return file + ".zst"
    }

    /// A gzip (RLE-compressed, so it is quick to make) of a tar holding one file of `size` zero bytes.
    static func zeroBomb(size: Int, output: String) throws {
        try Shell.python(#"""
            import sys, tarfile, zlib
            size, output = int(sys.argv[1]), sys.argv[2]
            c = zlib.compressobj(9, zlib.DEFLATED, 31, 9, zlib.Z_RLE)
            with open(output, "wb") as out:
                info = tarfile.TarInfo("zeros.bin"); info.size = size
                out.write(c.compress(info.tobuf(tarfile.GNU_FORMAT)))
                block = bytes(1 << 20)
                for _ in range(size >> 20): out.write(c.compress(block))
                out.write(c.compress(bytes(1024))); out.write(c.flush())
            """#, [String(size), output])
    }
}
