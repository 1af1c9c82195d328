namespace HoldingToAccount.Core.Backup;

/// <summary>
/// Whether any connection, in this process or another, has a SQLite database open, judged by SQLite's own lock bytes
/// (os_unix.c, a format every SQLite version keeps): a connection to a write-ahead-logged database holds a shared lock
/// on the "-shm" file's byte 128 for as long as it is open, even when idle; a connection inside a transaction holds the
/// database file's shared range from 0x40000002. Taking both exclusively proves nobody has the database open, and
/// holding them keeps a starting app from opening it meanwhile.
/// </summary>
internal sealed class SqliteLocks : IDisposable
{
    private const long SharedMemoryDeadManSwitch = 128;
    private const long SharedRangeStart = 0x40000002;
    private const long SharedRangeLength = 510;

    private readonly List<FileStream> _held = [];

    private SqliteLocks()
    {
    }

    /// <summary>The locks, or null when some connection has the database open.</summary>
    public static SqliteLocks? TryTakeExclusive(string databasePath)
    {
        var locks = new SqliteLocks();
        if (locks.TryLock(databasePath, SharedRangeStart, SharedRangeLength) && locks.TryLock(databasePath + "-shm", SharedMemoryDeadManSwitch, 1))
            return locks;
        locks.Dispose();
        return null;
    }

    private bool TryLock(string path, long start, long length)
    {
        // macOS has no byte-range locks through .NET; the app runs on Linux (and Windows) servers.
        if (!File.Exists(path) || OperatingSystem.IsMacOS())
            return true;
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            stream.Lock(start, length);
        }
        catch (IOException)
        {
            stream.Dispose();
            return false;
        }
        _held.Add(stream);
        return true;
    }

    public void Dispose()
    {
        foreach (var stream in _held)
            stream.Dispose();
        _held.Clear();
    }
}
