#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's live temporary output files, so that an interrupted run can remove them.
///
/// ``FileSink`` registers its temporary file when it creates it and forgets it when it commits
/// (renames it into place) or discards it. A command-line tool that catches SIGINT or SIGTERM
/// calls ``removeAll()`` before it exits: every destination then keeps its previous content and
/// no partial file is left behind.
///
/// ``removeAll()`` excludes a sink's creation and rename of its file (one lock), and after
/// ``removeAll()`` no file can be created or renamed any more: a temporary file racing with an
/// interrupt is either removed or never created, and a rename either completes before the removal
/// (the destination has the complete new file) or never happens.
///
/// Thread-safe. Not async-signal-safe: call it from a signal *source* (a dispatch queue or a
/// thread), never from inside a signal handler.
public enum TemporaryFiles {
    private static let registry = Registry()

    /// Removes every registered temporary file and refuses new ones from then on.
    /// - Returns: the paths removed.
    @discardableResult
    public static func removeAll() -> [String] { registry.close() }

    /// The temporary files registered now (for tests).
    public static var live: [String] { registry.paths }

    /// Creates `path` exclusively (`open(2)` with `O_CREAT | O_EXCL`, mode 0666 minus the umask)
    /// and records it as a live temporary file, in one step that ``removeAll()`` cannot split.
    /// - Returns: the file descriptor, or -1 and the `errno` (`EINTR` after ``removeAll()``).
    static func create(_ path: String) -> (descriptor: Int32, code: Int32) {
        registry.create(path)
    }

    /// Forgets `path` (after the sink removed it).
    static func unregister(_ path: String) { registry.remove(path) }

    /// Renames `temporary` onto `destination` (`rename(2)`) and forgets it, unless ``removeAll()``
    /// ran first.
    /// - Returns: 0, or the `errno` of the failure (`EINTR` after ``removeAll()``).
    static func rename(_ temporary: String, to destination: String) -> Int32 {
        registry.rename(temporary, to: destination)
    }

    /// Renames every temporary file onto its destination, all or none: ``removeAll()`` runs
    /// before all of the renames or after all of them, and when one rename fails the ones before
    /// it are undone (each destination that existed is first linked to a backup name,
    /// `.NAME.old-PID-N`, which is renamed back; a destination that did not exist is removed).
    /// The backups are removed before this returns.
    ///
    /// On a file system without hard links a destination has no backup, and a failure after its
    /// rename cannot bring its previous content back.
    /// - Returns: nil, or the index of the pair that failed and the `errno` (`EINTR` after
    ///   ``removeAll()``, for the first pair). The temporary files not renamed stay registered.
    static func renameAll(_ pairs: [(temporary: String, destination: String)]) -> (index: Int, code: Int32)? {
        registry.renameAll(pairs)
    }

    private final class Registry: @unchecked Sendable {
        private var mutex = pthread_mutex_t()
        private var live: [String] = []
        private var closed = false

        init() { pthread_mutex_init(&mutex, nil) }

        private func locked<T>(_ body: () -> T) -> T {
            pthread_mutex_lock(&mutex)
            defer { pthread_mutex_unlock(&mutex) }
            return body()
        }

        var paths: [String] { locked { live } }

        func create(_ path: String) -> (descriptor: Int32, code: Int32) {
            locked {
                guard !closed else { return (-1, EINTR) }
                let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
                guard fd >= 0 else { return (-1, errno) }
                live.append(path)
                return (fd, 0)
            }
        }

        func remove(_ path: String) {
            locked { live.removeAll { $0 == path } }
        }

        func rename(_ temporary: String, to destination: String) -> Int32 {
            locked {
                guard !closed else { return EINTR }
                // `rename` alone would resolve to this method; the C function is meant.
                #if canImport(Glibc)
                let rc = Glibc.rename(temporary, destination)
                #elseif canImport(Musl)
                let rc = Musl.rename(temporary, destination)
                #else
                let rc = Darwin.rename(temporary, destination)
                #endif
                guard rc == 0 else { return errno }
                live.removeAll { $0 == temporary }
                return 0
            }
        }

        func renameAll(_ pairs: [(temporary: String, destination: String)]) -> (index: Int, code: Int32)? {
            locked {
                guard !closed else { return (0, EINTR) }
                // 1. A backup (a second name) of every destination that exists.
                var backups: [String?] = []
                var existed: [Bool] = []
                func removeBackups() { for case let backup? in backups { unlink(backup) } }
                for (index, pair) in pairs.enumerated() {
                    var info = stat()
                    existed.append(lstat(pair.destination, &info) == 0)
                    guard existed[index] else { backups.append(nil); continue }
                    let slash = pair.destination.lastIndex(of: "/")
                    let directory = slash.map { String(pair.destination[...$0]) } ?? ""
                    let name = slash.map { String(pair.destination[pair.destination.index(after: $0)...]) } ?? pair.destination
                    var backup: String?
                    for _ in 0..<100 {
                        let candidate = directory + "." + name + ".old-\(getpid())-\(TemporaryCounter.next())"
                        if link(pair.destination, candidate) == 0 { backup = candidate; break }
                        let code = errno
                        if code == EEXIST { continue }
                        // No hard links here: go on without a backup; any other failure stops
                        // the batch before anything is renamed.
                        if code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == EXDEV || code == ENOSYS { break }
                        removeBackups()
                        return (index, code)
                    }
                    backups.append(backup)
                }
                // 2. The renames; on a failure, the earlier ones undone.
                for (index, pair) in pairs.enumerated() {
                    #if canImport(Glibc)
                    let rc = Glibc.rename(pair.temporary, pair.destination)
                    #elseif canImport(Musl)
                    let rc = Musl.rename(pair.temporary, pair.destination)
                    #else
                    let rc = Darwin.rename(pair.temporary, pair.destination)
                    #endif
                    guard rc == 0 else {
                        let code = errno
                        for earlier in (0..<index).reversed() {
                            let destination = pairs[earlier].destination
                            if let backup = backups[earlier] {
                                #if canImport(Glibc)
                                _ = Glibc.rename(backup, destination)
                                #elseif canImport(Musl)
                                _ = Musl.rename(backup, destination)
                                #else
                                _ = Darwin.rename(backup, destination)
                                #endif
                                backups[earlier] = nil
                            } else if !existed[earlier] {
                                unlink(destination)
                            }
                        }
                        removeBackups()
                        return (index, code)
                    }
                    live.removeAll { $0 == pair.temporary }
                }
                removeBackups()
                return nil
            }
        }

        func close() -> [String] {
            locked {
                closed = true
                let removed = live
                for path in live { unlink(path) }
                live.removeAll()
                return removed
            }
        }
    }
}
