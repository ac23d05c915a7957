using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Procurement.Rules.Files;

/// <summary>The kind of thing a path names, as far as reading it safely is concerned.</summary>
internal enum PathKind
{
    Missing,
    Inaccessible,
    LinkLoop,
    RegularFile,
    Directory,
    Device,
    Fifo,
    Socket,
    Other,
}

/// <summary>
/// Reads input files safely: only regular files (a device such as <c>/dev/zero</c>, a FIFO or a folder is a problem,
/// found before the file is opened, so a FIFO can never block the load), no more than
/// <see cref="InputLimits.MaxFileBytes"/>, and strictly UTF-8 (an invalid byte is a problem at its line and column; a
/// leading byte order mark is dropped).
/// </summary>
internal static class InputFile
{
    /// <summary>Strict UTF-8: an invalid byte throws instead of becoming U+FFFD.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>What a path names, following symbolic links.</summary>
    public static PathKind KindOf(string path)
    {
        if (!OperatingSystem.IsWindows() && UnixStat.TryMode(path, out var mode) is { } found)
        {
            if (!found)
            {
                return mode switch { 0 => PathKind.Missing, 2 => PathKind.LinkLoop, _ => PathKind.Inaccessible };
            }

            return (mode & 0xF000) switch
            {
                0x8000 => PathKind.RegularFile,
                0x4000 => PathKind.Directory,
                0x2000 or 0x6000 => PathKind.Device,
                0x1000 => PathKind.Fifo,
                0xC000 => PathKind.Socket,
                _ => PathKind.Other,
            };
        }

        if (Directory.Exists(path))
        {
            return PathKind.Directory;
        }

        if (!File.Exists(path))
        {
            return PathKind.Missing;
        }

        return (File.GetAttributes(path) & FileAttributes.Device) != 0 ? PathKind.Device : PathKind.RegularFile;
    }

    /// <summary>Why a path that is not a regular file cannot be read, or null when it is one.</summary>
    public static string? NotAFile(PathKind kind) => kind switch
    {
        PathKind.RegularFile => null,
        PathKind.Missing => "file not found",
        PathKind.Inaccessible => "cannot be read (permission denied on the file or a folder on its path)",
        PathKind.LinkLoop => "is a symbolic link that loops (or passes through too many links)",
        PathKind.Directory => "is a folder, not a file",
        PathKind.Device => "is a device, not a regular file; only regular files are read",
        PathKind.Fifo => "is a FIFO (named pipe), not a regular file; only regular files are read",
        PathKind.Socket => "is a socket, not a regular file; only regular files are read",
        _ => "is not a regular file; only regular files are read",
    };

    /// <summary>
    /// Reads a regular file's bytes, or adds a problem and returns null: not a regular file, larger than the limit,
    /// or unreadable. Reading stops one byte past the limit whatever the file claims its length is.
    /// </summary>
    public static byte[]? ReadBytes(string path, string display, InputLimits limits, List<LoadProblem> problems)
    {
        try
        {
            if (Check(path, display, problems) is not { } length)
            {
                return null;
            }

            if (length > limits.MaxFileBytes)
            {
                problems.Add(TooLarge(display, limits, length));
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            return ReadBounded(stream, display, limits, problems, (int)length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new LoadProblem(display, null, null, null, null, "cannot be read: " + e.Message));
            return null;
        }
    }

    /// <summary>The asynchronous form of <see cref="ReadBytes"/>.</summary>
    public static async Task<byte[]?> ReadBytesAsync(string path, string display, InputLimits limits, List<LoadProblem> problems, CancellationToken cancellationToken)
    {
        try
        {
            if (Check(path, display, problems) is not { } length)
            {
                return null;
            }

            if (length > limits.MaxFileBytes)
            {
                problems.Add(TooLarge(display, limits, length));
                return null;
            }

            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return await ReadBoundedAsync(stream, display, limits, problems, (int)length, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new LoadProblem(display, null, null, null, null, "cannot be read: " + e.Message));
            return null;
        }
    }

    /// <summary>Reads a stream to its end, or adds a problem and returns null when it holds more than the limit.</summary>
    public static byte[]? ReadBounded(Stream stream, string display, InputLimits limits, List<LoadProblem> problems, int expected = 0)
    {
        using var buffer = new MemoryStream(Math.Max(expected, 0) + 1);
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limits.MaxFileBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limits.MaxFileBytes)
            {
                problems.Add(TooLarge(display, limits, null));
                return null;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The asynchronous form of <see cref="ReadBounded"/>.</summary>
    public static async Task<byte[]?> ReadBoundedAsync(Stream stream, string display, InputLimits limits, List<LoadProblem> problems, int expected, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(Math.Max(expected, 0) + 1);
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limits.MaxFileBytes + 1 - buffer.Length)), cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limits.MaxFileBytes)
            {
                problems.Add(TooLarge(display, limits, null));
                return null;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// JSON text given as a string, as strict UTF-8 bytes for the JSON reader: null (with the problem added) when the text
    /// is longer than <see cref="InputLimits.MaxFileBytes"/> characters or holds a lone UTF-16 surrogate (located).
    /// </summary>
    public static byte[]? TextBytes(string text, string display, InputLimits limits, List<LoadProblem> problems)
    {
        if (text.Length > limits.MaxFileBytes)
        {
            problems.Add(new LoadProblem(display, null, null, null, null, $"the text holds more than the limit of {limits.MaxFileBytes:N0} characters (InputLimits.MaxFileBytes)"));
            return null;
        }

        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            var before = text.AsSpan(0, Math.Clamp(e.Index, 0, text.Length));
            var line = before.Count('\n') + 1;
            var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
            problems.Add(new LoadProblem(display, line, column, null, null, "the text holds a lone UTF-16 surrogate, which is not a character"));
            return null;
        }
    }

    /// <summary>
    /// Decodes strict UTF-8 (dropping a leading byte order mark), or adds a problem at the first invalid byte's line
    /// and column and returns null.
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string display, List<LoadProblem> problems)
    {
        bytes = WithoutBom(bytes);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            problems.Add(InvalidUtf8(bytes, e.Index, display));
            return null;
        }
    }

    /// <summary>Checks that bytes are strict UTF-8, adding a located problem when not.</summary>
    public static bool IsValidUtf8(ReadOnlySpan<byte> bytes, string display, List<LoadProblem> problems)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return true;
        }

        try
        {
            StrictUtf8.GetCharCount(bytes);
        }
        catch (DecoderFallbackException e)
        {
            problems.Add(InvalidUtf8(bytes, e.Index, display));
            return false;
        }

        return true;
    }

    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

    /// <summary>The 1-based line and column (in characters) of a byte offset in UTF-8 text.</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<byte> bytes, long offset)
    {
        var end = (int)Math.Clamp(offset, 0, bytes.Length);
        var before = bytes[..end];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, CountChars(bytes[lineStart..end]) + 1);
    }

    /// <summary>Characters in UTF-8 bytes that may be invalid: every byte that does not continue a sequence counts.</summary>
    public static int CountChars(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        foreach (var b in bytes)
        {
            if ((b & 0xC0) != 0x80)
            {
                count++;
            }
        }

        return count;
    }

    private static LoadProblem InvalidUtf8(ReadOnlySpan<byte> bytes, int index, string display)
    {
        var (line, column) = Position(bytes, Math.Max(index, 0));
        var at = index >= 0 && index < bytes.Length ? $" (byte 0x{bytes[index]:X2})" : string.Empty;
        return new LoadProblem(display, line, column, null, null, $"invalid UTF-8{at}: the file must be saved as UTF-8");
    }

    private static long? Check(string path, string display, List<LoadProblem> problems)
    {
        var kind = KindOf(path);
        if (NotAFile(kind) is { } why)
        {
            problems.Add(new LoadProblem(display, null, null, null, null, why));
            return null;
        }

        return new FileInfo(path).Length;
    }

    private static LoadProblem TooLarge(string display, InputLimits limits, long? length) =>
        new(display, null, null, null, null,
            (length is { } l ? $"the file is {l:N0} bytes" : "the file holds more than the limit")
            + $", more than the limit of {limits.MaxFileBytes:N0} bytes (InputLimits.MaxFileBytes)");

    /// <summary>
    /// The type of a file on Linux and macOS. .NET has no public API for it (<see cref="FileAttributes"/> does not tell
    /// a device or a FIFO from a file), and opening a FIFO to look would block; so this asks the runtime's own native
    /// shim, <c>libSystem.Native</c>, which every .NET on Unix ships and which reports the mode with the same
    /// platform-independent constants everywhere. When the shim cannot be called, the caller falls back to managed
    /// checks, and reading stays bounded by <see cref="InputLimits.MaxFileBytes"/>.
    /// </summary>
    private static class UnixStat
    {
        private static bool _unavailable;

        /// <summary>
        /// True with the mode when the path exists; false when it cannot be examined, with mode 0 when it does not exist
        /// (ENOENT, ENOTDIR: the same numbers on Linux and macOS), 2 for a link loop (ELOOP) and 1 when it cannot be
        /// reached otherwise (such as EACCES);
        /// null when the shim is unavailable.
        /// </summary>
        public static bool? TryMode(string path, out int mode)
        {
            mode = 0;
            if (_unavailable)
            {
                return null;
            }

            try
            {
                if (NativeMethods.SystemNative_Stat(path, out var status) != 0)
                {
                    // ELOOP is 40 on Linux and 62 on macOS; without it a link loop read as "permission denied".
                    var error = Marshal.GetLastPInvokeError();
                    mode = error is 2 or 20 ? 0 : (OperatingSystem.IsMacOS() ? error == 62 : error == 40) ? 2 : 1;
                    return false;
                }

                mode = status.Mode;
                return true;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException)
            {
                _unavailable = true;
                return null;
            }
        }
    }

    /// <summary>The start of the runtime shim's FileStatus; Size pads it beyond the real structure.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    private static class NativeMethods
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int SystemNative_Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus output);
    }
}
