using System.Collections.Concurrent;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Jiaowang.Web.Shared;

/// <summary>
/// How the files under wwwroot are served. <c>MapStaticAssets</c> answers from the manifest the build wrote (length,
/// ETag and fingerprinted names fixed at build time). Outside Development a file on disk is therefore never edited in
/// place, and two costs the framework pays on every request buy nothing:
/// <list type="bullet">
/// <item>run from a build output (not a publish), it patches each response at run time for hot reload: a stat of
/// the file and a SHA-256 of its content per request, and <c>no-cache</c> on fingerprinted files;</item>
/// <item>each response opens, stats, reads and closes the file (a 10 KB stylesheet cost more in file system calls than
/// in sending it: bench/profile, docs/PERFORMANCE.md).</item>
/// </list>
/// Small files are therefore kept in memory after their first request; large ones (maps, fonts) stream from disk.
/// </summary>
public static class StaticFiles
{
    /// <summary>Files up to this size are kept in memory once read; wwwroot holds about 2.4 MB in all.</summary>
    public const long KeptFileLimit = 512 * 1024;

    /// <summary>Static files answer at routing (ShortCircuit): they are public, so the rate limiter, the sign-in
    /// check, authorisation and the output cache would only cost time.</summary>
    public static void MapJiaowangStaticFiles(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // The framework's own switch; an explicit setting (environment, appsettings) still wins.
            app.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
            app.Environment.WebRootFileProvider = new KeptFileProvider(app.Environment.WebRootFileProvider, KeptFileLimit);
        }
        app.MapStaticAssets().AllowAnonymous().ShortCircuit();
    }
}

/// <summary>
/// Answers small existing files from memory, read once from the inner provider; everything else (directories, large
/// files, files that do not exist, change tokens) is the inner provider's answer. Only files that exist are kept, so
/// the memory used is bounded by what is under wwwroot, not by the paths people ask for.
/// </summary>
public sealed class KeptFileProvider(IFileProvider inner, long limit) : IFileProvider
{
    readonly ConcurrentDictionary<string, IFileInfo> kept = new(StringComparer.Ordinal);

    public IFileInfo GetFileInfo(string subpath)
    {
        if (kept.TryGetValue(subpath, out var file)) return file;
        var found = inner.GetFileInfo(subpath);
        if (!found.Exists || found.IsDirectory || found.Length > limit) return found;
        return kept.GetOrAdd(subpath, _ => KeptFile.Read(found));
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => inner.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => inner.Watch(filter);

    sealed class KeptFile(IFileInfo source, byte[] content) : IFileInfo
    {
        public static KeptFile Read(IFileInfo source)
        {
            using var stream = source.CreateReadStream();
            using var copy = new MemoryStream((int)source.Length);
            stream.CopyTo(copy);
            return new KeptFile(source, copy.ToArray());
        }

        public bool Exists => true;
        public bool IsDirectory => false;
        public long Length => content.Length;
        public string Name => source.Name;
        public DateTimeOffset LastModified => source.LastModified;

        // No path on disk: the response is written from memory (SendFileAsync falls back to CreateReadStream).
        public string? PhysicalPath => null;

        public Stream CreateReadStream() => new MemoryStream(content, writable: false);
    }
}
