using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Procurement.Model;
using Procurement.Rules.Files;

namespace Procurement.Rules.Ocds;

/// <summary>
/// Reads Open Contracting Data Standard (OCDS) 1.1 JSON, as published by Find a Tender and Contracts Finder, into
/// <see cref="ProposedProcurement"/>s: a release, a release package, a record or a record package. Several releases of
/// one contracting process (one <c>ocid</c>) become one procurement: a record's <c>compiledRelease</c> when it has one,
/// otherwise its releases merged oldest first by the OCDS merge rules. The mapping is in <c>docs/ocds.md</c>.
/// </summary>
/// <remarks>
/// <para>
/// What OCDS cannot say (the scenario, engagement with providers, staff and unions, sign-offs, incumbent contracts,
/// eligibility restrictions) is left not recorded, so rules that need it report <c>undetermined</c>, never compliant.
/// </para>
/// <para>
/// Reading is strict about the fields the mapping reads (type, date format, closed codelists, required release keys)
/// and open to everything else (extensions, fields not mapped). Every problem is reported at once in a
/// <see cref="ProcurementLoadException"/> with file, line, column and JSON path. All members are thread-safe.
/// </para>
/// </remarks>
public static class OcdsReader
{
    /// <summary>Reads the procurements in an OCDS JSON file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>One procurement per contracting process (<c>ocid</c>), in the order the file first names them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ProcurementLoadException">
    /// The file is not valid OCDS, is not a regular file, cannot be read or breaks a limit of <see cref="InputLimits"/>
    /// (the defaults, as for a case file); every problem is listed.
    /// </exception>
    public static IReadOnlyList<ProposedProcurement> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (InputFile.KindOf(path) == PathKind.Missing)
        {
            throw new FileNotFoundException($"OCDS file not found: {path}", path);
        }

        // The same reading as a case file: only a regular file, within the size limit, strict UTF-8 and RFC 8259 JSON.
        var problems = new List<LoadProblem>();
        return Read(InputFile.ReadBytes(path, path, Limits, problems), path, problems);
    }

    /// <summary>Reads the procurements in OCDS JSON from a stream (read to its end as UTF-8; not closed).</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="displayName">The name to give the text in problems; default <c>(ocds)</c>.</param>
    /// <returns>One procurement per contracting process (<c>ocid</c>), in the order the file first names them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ProcurementLoadException">The text is not valid OCDS, breaks a limit of <see cref="InputLimits"/> or cannot be read; every problem is listed.</exception>
    public static IReadOnlyList<ProposedProcurement> Load(Stream stream, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var file = displayName ?? "(ocds)";
        var problems = new List<LoadProblem>();
        byte[]? bytes;
        try
        {
            bytes = InputFile.ReadBounded(stream, file, Limits, problems);
        }
        catch (IOException e)
        {
            problems.Add(new LoadProblem(file, null, null, null, null, "cannot be read: " + e.Message));
            bytes = null;
        }

        return Read(bytes, file, problems);
    }

    /// <summary>Reads the procurements in OCDS JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="displayName">The name to give the text in problems; default <c>(ocds)</c>.</param>
    /// <returns>One procurement per contracting process (<c>ocid</c>), in the order the text first names them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ProcurementLoadException">The text is not valid OCDS or breaks a limit of <see cref="InputLimits"/>; every problem is listed.</exception>
    public static IReadOnlyList<ProposedProcurement> Parse(string json, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var file = displayName ?? "(ocds)";
        var problems = new List<LoadProblem>();
        var bytes = InputFile.TextBytes(json, file, Limits, problems);
        return Read(bytes, file, problems);
    }

    /// <summary>The default limits of case files apply to OCDS too.</summary>
    private static InputLimits Limits => ProcurementLoadOptions.Default.Limits;

    private static System.Collections.ObjectModel.ReadOnlyCollection<ProposedProcurement> Read(byte[]? bytes, string file, List<LoadProblem> problems)
    {
        var root = bytes is null ? null : DocReaders.ReadJson(bytes, file, Limits, problems);
        if (root is null || problems.Count > 0)
        {
            throw new ProcurementLoadException(problems);
        }

        var reading = new Reading(file, problems);
        reading.Read(root);
        if (problems.Count > 0)
        {
            throw new ProcurementLoadException(problems);
        }

        var procurements = reading.Processes.Select(p => p.Map(reading)).ToList();
        foreach (var procurement in procurements)
        {
            ProcurementValidator.ThrowIfInvalid(procurement, file);
        }

        return procurements.AsReadOnly();
    }

    /// <summary>
    /// Whether a file holds OCDS rather than a procurement file: a JSON file (not <c>.yaml</c>/<c>.yml</c>) whose top-level
    /// object has an OCDS key (<c>ocid</c>, <c>releases</c>, <c>records</c>). Reads only as far as the first such key.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <returns><see langword="true"/> for OCDS; <see langword="false"/> for anything else, including a file that is not JSON or cannot be read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static bool IsOcds(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            using var reader = new StreamReader(path);
            return IsOcds(reader);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether text holds OCDS: a JSON object whose top level has <c>ocid</c>, <c>releases</c> or <c>records</c>.</summary>
    /// <param name="reader">The text; read only as far as the answer needs, and not closed.</param>
    /// <returns><see langword="true"/> for OCDS; <see langword="false"/> for anything else, including text that is not JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    public static bool IsOcds(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            using var json = new JsonTextReader(reader) { CloseInput = false, DateParseHandling = DateParseHandling.None };
            if (!json.Read() || json.TokenType != JsonToken.StartObject)
            {
                return false;
            }

            while (json.Read() && json.TokenType == JsonToken.PropertyName)
            {
                if ((string?)json.Value is "ocid" or "releases" or "records")
                {
                    return true;
                }

                json.Read();
                json.Skip();
            }
        }
        catch (JsonReaderException)
        {
        }

        return false;
    }

    /// <summary>One contracting process of the file: its releases (or its record's compiled release) and their stamps.</summary>
    private sealed class Process
    {
        public Process(string ocid) => Ocid = ocid;

        public string Ocid { get; }

        public List<(DocMap Release, ReleaseStamp Stamp)> Releases { get; } = new();

        public HashSet<string> ReleaseIds { get; } = new(StringComparer.Ordinal);

        public List<ReleaseStamp> LinkedStamps { get; } = new();

        public DocMap? Compiled { get; set; }

        public bool FromRecord { get; set; }

        public ProposedProcurement Map(Reading reading)
        {
            var ordered = Releases.OrderBy(r => r.Stamp.Instant).ToList();
            var stamps = ordered.Select(r => r.Stamp).Concat(LinkedStamps).OrderBy(s => s.Instant).ToList();
            var release = Compiled ?? OcdsMerge.Merge(ordered.Select(r => r.Release));
            return OcdsMapper.Map(release, string.Empty, new OcdsFields(reading.File, null), stamps, reading.Origin);
        }
    }

    /// <summary>One pass over the file: finds its shape, checks every release where it stands, groups releases by ocid.</summary>
    private sealed class Reading
    {
        private readonly Dictionary<string, Process> _byOcid = new(StringComparer.Ordinal);
        private readonly OcdsFields _f;

        public Reading(string file, List<LoadProblem> problems)
        {
            File = file;
            _f = new OcdsFields(file, problems);
            Problems = problems;
            Origin = new OcdsOrigin(System.IO.Path.GetFileName(file), null, null);
        }

        public string File { get; }

        public List<LoadProblem> Problems { get; }

        public OcdsOrigin Origin { get; private set; }

        public List<Process> Processes { get; } = new();

        public void Read(DocNode root)
        {
            if (root is not DocMap map)
            {
                _f.Problem(root, null, $"expected an OCDS release, release package, record or record package (a JSON object), found {root.Describe}");
                return;
            }

            if (OcdsFields.Has(map, "records"))
            {
                // A record package has no 'releases' or 'ocid' of its own; with them, which shape the publisher meant is
                // a guess, and the releases (or the release) were dropped without a word.
                foreach (var key in new[] { "releases", "ocid" })
                {
                    if (OcdsFields.Has(map, key))
                    {
                        _f.Problem(OcdsFields.Get(map, key), key, $"a record package (it has 'records') cannot also have '{key}': it is not read; split the file or remove one of them");
                    }
                }

                ReadPackage(map);
                var records = _f.Objects(map, "records", string.Empty);
                foreach (var (record, path) in records)
                {
                    ReadRecord(record, path);
                }

                Empty(map, "records", records.Count);
            }
            else if (OcdsFields.Has(map, "ocid") && (OcdsFields.Has(map, "compiledRelease") || (OcdsFields.Has(map, "releases") && !OcdsFields.Has(map, "tag"))))
            {
                ReadRecord(map, string.Empty);
            }
            else if (OcdsFields.Has(map, "ocid"))
            {
                ReadRelease(map, string.Empty, compiled: false);
            }
            else if (OcdsFields.Has(map, "releases"))
            {
                ReadPackage(map);
                var releases = _f.Objects(map, "releases", string.Empty);
                foreach (var (release, path) in releases)
                {
                    ReadRelease(release, path, compiled: false);
                }

                Empty(map, "releases", releases.Count);
            }
            else
            {
                var keys = map.Entries.Count == 0 ? "no keys" : "keys " + string.Join(", ", map.Entries.Take(5).Select(e => e.Key));
                _f.Problem(map, null, $"not OCDS: expected a release (ocid, id, date, tag), a release package (releases), a record (ocid, releases) or a record package (records); found {keys}");
            }
        }

        private void Empty(DocMap map, string key, int count)
        {
            if (count == 0 && Problems.Count == 0)
            {
                _f.Problem(OcdsFields.Get(map, key) ?? map, key, $"the package holds no {key}");
            }
        }

        private void ReadPackage(DocMap package)
        {
            var uri = _f.Url(package, "uri", string.Empty);
            var publisher = _f.Object(package, "publisher", string.Empty);
            var name = _f.Text(publisher, "name", "publisher");
            _ = _f.Date(package, "publishedDate", string.Empty);
            _ = _f.Text(package, "version", string.Empty);
            Origin = Origin with { PackageUri = uri, Publisher = name };
        }

        private ReleaseStamp? ReadRelease(DocMap release, string path, bool compiled, string? recordOcid = null)
        {
            var stamp = OcdsMapper.Stamp(release, path, _f, compiled);

            // Map the release alone to check every value the mapping reads, where it stands in the file.
            OcdsMapper.Map(release, path, _f, stamp is null ? Array.Empty<ReleaseStamp>() : [stamp], Origin);
            var ocid = _f.Quiet.Text(release, "ocid", path);
            if (ocid is null || stamp is null)
            {
                return null;
            }

            if (recordOcid is not null && ocid != recordOcid)
            {
                _f.Problem(OcdsFields.Get(release, "ocid"), OcdsFields.Join(path, "ocid"), $"the release's ocid '{ocid}' is not its record's ocid '{recordOcid}'");
                return null;
            }

            if (compiled)
            {
                return stamp;
            }

            var process = ProcessFor(ocid);
            if (!process.ReleaseIds.Add(stamp.Id))
            {
                _f.Problem(OcdsFields.Get(release, "id"), OcdsFields.Join(path, "id"), $"release id '{stamp.Id}' appears twice for ocid '{ocid}'");
                return null;
            }

            process.Releases.Add((release, stamp));
            return stamp;
        }

        private void ReadRecord(DocMap record, string path)
        {
            var ocid = _f.Text(record, "ocid", path);
            if (ocid is null)
            {
                _f.Problem(record, OcdsFields.Join(path, "ocid"), "missing required key 'ocid' (a record has ocid and releases)");
                return;
            }

            if (_byOcid.TryGetValue(ocid, out var existing) && existing.FromRecord)
            {
                _f.Problem(OcdsFields.Get(record, "ocid"), OcdsFields.Join(path, "ocid"), $"a second record for ocid '{ocid}'");
                return;
            }

            var process = ProcessFor(ocid);
            process.FromRecord = true;
            if (!OcdsFields.Has(record, "releases"))
            {
                _f.Problem(record, OcdsFields.Join(path, "releases"), "missing required key 'releases' (a record has ocid and releases)");
            }

            foreach (var (release, at) in _f.Objects(record, "releases", path))
            {
                if (OcdsFields.Has(release, "url") && !OcdsFields.Has(release, "ocid"))
                {
                    // A linked release: its url, date and tag are all a record gives.
                    var date = _f.DateTime(release, "date", at);
                    var tags = OcdsMapper.Tags(release, at, _f);
                    var url = _f.Url(release, "url", at);
                    if (date is { } d)
                    {
                        process.LinkedStamps.Add(new ReleaseStamp(url?.ToString() ?? "(linked)", d.Day, d.Instant, tags, null, false, url));
                    }
                    else if (!OcdsFields.Has(release, "date"))
                    {
                        _f.Problem(release, OcdsFields.Join(at, "date"), "missing required key 'date' (a linked release has url, date and tag)");
                    }
                }
                else
                {
                    ReadRelease(release, at, compiled: false, recordOcid: ocid);
                }
            }

            if (_f.Object(record, "compiledRelease", path) is { } compiled)
            {
                ReadRelease(compiled, OcdsFields.Join(path, "compiledRelease"), compiled: true, recordOcid: ocid);
                process.Compiled = compiled;
            }
            else if (process.Releases.Count == 0)
            {
                _f.Problem(record, path.Length == 0 ? "compiledRelease" : OcdsFields.Join(path, "compiledRelease"),
                    $"the record for '{ocid}' has neither a compiledRelease nor embedded releases: there is nothing to read");
            }
        }

        private Process ProcessFor(string ocid)
        {
            if (!_byOcid.TryGetValue(ocid, out var process))
            {
                process = new Process(ocid);
                _byOcid[ocid] = process;
                Processes.Add(process);
            }

            return process;
        }
    }
}
