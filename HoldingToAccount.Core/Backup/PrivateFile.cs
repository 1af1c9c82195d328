namespace HoldingToAccount.Core.Backup;

/// <summary>Files only the app's own account may read: a copy of the register holds everything in it.</summary>
internal static class PrivateFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>A new, empty file readable and writable by its owner only (mode 0600 on Unix); refuses to overwrite.</summary>
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        return new FileStream(path, options);
    }

    /// <summary>Copies <paramref name="source"/> into a new owner-only file.</summary>
    public static async Task CopyAsync(string source, string target, CancellationToken ct)
    {
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        await using var output = CreateNew(target);
        await input.CopyToAsync(output, ct);
        await output.FlushAsync(ct);
        output.Flush(flushToDisk: true);
    }

    /// <summary>Deletes a working file and the journal files SQLite may have left beside it.</summary>
    public static void DeleteWithJournals(string path)
    {
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            try
            {
                File.Delete(path + suffix);
            }
            catch (IOException)
            {
                // Best effort: the failure being reported matters more than a leftover working file.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
