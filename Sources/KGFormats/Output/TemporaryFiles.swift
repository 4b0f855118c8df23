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
