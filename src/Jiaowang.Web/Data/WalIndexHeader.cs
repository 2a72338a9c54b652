using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace Jiaowang.Web.Data;

/// <summary>
/// SQLite's own record of the write-ahead log, read from shared memory without a lock or a system call. In WAL mode
/// every connection of every process maps the database's <c>-shm</c> file, whose first 96 bytes are two copies of the
/// wal-index header (https://www.sqlite.org/walformat.html, "The WAL-Index Header"). Each commit appends frames to the
/// log and rewrites the header, second copy first: <c>mxFrame</c> grows, and when the log starts over the first salt is
/// incremented. So (first salt, <c>mxFrame</c>) is different after every commit, which is what
/// <see cref="DatabaseVersion"/> needs, at the cost of a memory read where <c>PRAGMA data_version</c> took a lock, a
/// statement step and the shm file's locks (13 % of a signed-in API request, docs/PERFORMANCE.md, thirteenth round).
/// A reader takes the header as SQLite's readers do: the first copy, a barrier, the second, and only when both agree.
/// </summary>
sealed unsafe class WalIndexHeader : IDisposable
{
    const int HeaderSize = 48;
    const int MaxFrameOffset = 16;
    const int FirstSaltOffset = 32;
    const int IsInitOffset = 12;
    // WALINDEX_MAX_VERSION: the layout this reads, unchanged since SQLite 3.7.0.
    const uint KnownVersion = 3007000;

    readonly MemoryMappedFile file;
    readonly MemoryMappedViewAccessor view;
    readonly byte* header;
    // Readers in TryRead; Dispose waits for them before the view is unmapped.
    int readers;
    int disposed;

    WalIndexHeader(MemoryMappedFile file, MemoryMappedViewAccessor view)
    {
        this.file = file;
        this.view = view;
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        header = start + view.PointerOffset;
    }

    /// <summary>
    /// The header of <paramref name="databasePath"/>'s wal-index, or null when there is none to read (not in WAL mode, or
    /// a layout this does not know): the caller then asks SQLite. Call it while a connection to the database is open, so
    /// that the shared memory exists and stays.
    /// </summary>
    public static WalIndexHeader? Open(string databasePath)
    {
        var path = databasePath + "-shm";
        if (!File.Exists(path)) return null;
        MemoryMappedFile? file = null;
        try
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                if (stream.Length < 2 * HeaderSize) return null;
                file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            }
            var index = new WalIndexHeader(file, file.CreateViewAccessor(0, 2 * HeaderSize, MemoryMappedFileAccess.Read));
            if (index.TryRead(out _) && index.Version == KnownVersion) return index;
            index.Dispose();
            return null;
        }
        catch (IOException)
        {
            file?.Dispose();
            return null;
        }
    }

    uint Version => ReadUInt32(header, 0);

    /// <summary>
    /// A number that differs after every commit (never negative), or false while a writer is rewriting the header or the
    /// index is not initialised (after a crash, until a connection recovers it): the caller then asks SQLite.
    /// </summary>
    public bool TryRead(out long stamp)
    {
        stamp = 0;
        Interlocked.Increment(ref readers);
        try
        {
            if (Volatile.Read(ref disposed) != 0) return false;
            Span<byte> first = stackalloc byte[HeaderSize];
            Span<byte> second = stackalloc byte[HeaderSize];
            for (var attempt = 0; attempt < 3; attempt++)
            {
                new ReadOnlySpan<byte>(header, HeaderSize).CopyTo(first);
                Interlocked.MemoryBarrier();
                new ReadOnlySpan<byte>(header + HeaderSize, HeaderSize).CopyTo(second);
                if (!first.SequenceEqual(second)) continue;
                if (first[IsInitOffset] != 1) return false;
                var salt = MemoryMarshal.Read<uint>(first[FirstSaltOffset..]) & 0x7FFF_FFFF;
                stamp = (long)salt << 32 | MemoryMarshal.Read<uint>(first[MaxFrameOffset..]);
                return true;
            }
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref readers);
        }
    }

    static uint ReadUInt32(byte* at, int offset) => MemoryMarshal.Read<uint>(new ReadOnlySpan<byte>(at + offset, sizeof(uint)));

    public void Dispose()
    {
        // A full fence, as the readers' count is: a reader that counted itself before the flag was set finishes its copy
        // first, later ones see the flag.
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        var wait = new SpinWait();
        while (Volatile.Read(ref readers) > 0) wait.SpinOnce();
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        file.Dispose();
    }
}
