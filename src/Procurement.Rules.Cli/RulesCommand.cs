using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;

namespace Procurement.Rules.Cli;

/// <summary>The <c>rules</c> command: <c>list</c> the pack's rules, write its <c>catalogue</c>, <c>export</c> the built-in pack to a folder.</summary>
internal static partial class RulesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(PackOptions pack, CliHost host, TextWriter stderr)
    {
        var rules = new Command("rules", "Work with the rule pack: list its rules, write its catalogue, or export the built-in pack to a folder.");

        var format = new Option<string>("--format", "-f") { Description = "text (a table), markdown (the catalogue) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var list = new Command("list", "List the pack's rules: id, severity, principle and title.") { format };
        list.SetAction(parse => List(pack.Load(parse, stderr), parse.GetValue(format)!, parse.InvocationConfiguration.Output, stderr));
        rules.Subcommands.Add(list);

        var catalogue = new Command("catalogue", "Write the pack's full catalogue as Markdown: what each rule checks, its severity and the words it quotes.");
        catalogue.Aliases.Add("catalog");
        catalogue.SetAction(parse =>
        {
            var loaded = pack.Load(parse, stderr);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }

            parse.InvocationConfiguration.Output.Write(loaded.ToMarkdown());
            return ExitCodes.Clean;
        });
        rules.Subcommands.Add(catalogue);

        var directory = new Argument<string>("DIR") { Description = "The folder to write the pack into (created; must be empty or absent)." };
        var packId = new Option<string>("--pack") { Description = "Which built-in pack to export.", DefaultValueFactory = _ => RulePack.DefaultPackId };
        packId.AcceptOnlyFromAmong([.. RulePack.EmbeddedPackIds]);
        var export = new Command("export", "Write the built-in pack (pack.yaml, rule files and the source texts it quotes, inside the folder) so it can be copied, edited and loaded with --rules DIR.") { directory, packId };
        export.SetAction(parse => Export(parse.GetValue(packId)!, parse.GetValue(directory)!, Path.GetFullPath(parse.GetValue(directory)!, host.CurrentDirectory), parse.InvocationConfiguration.Output, stderr));
        rules.Subcommands.Add(export);
        return rules;
    }

    /// <summary>Lists the pack's rules in <paramref name="format"/>.</summary>
    public static int List(RulePack? pack, string format, TextWriter stdout, TextWriter stderr)
    {
        if (pack is null)
        {
            stderr.WriteLine("Nothing was listed.");
            return ExitCodes.BadInput;
        }

        switch (format)
        {
            case "markdown":
                stdout.Write(pack.ToMarkdown());
                return ExitCodes.Clean;
            case "json":
                using (var json = new JsonTextWriter(stdout) { Formatting = Formatting.Indented, CloseOutput = false })
                {
                    json.WriteStartObject();
                    json.WritePropertyName("pack");
                    json.WriteStartObject();
                    json.WritePropertyName("id");
                    json.WriteValue(pack.Id);
                    json.WritePropertyName("version");
                    json.WriteValue(pack.Version);
                    json.WritePropertyName("title");
                    json.WriteValue(pack.Title);
                    json.WriteEndObject();
                    json.WritePropertyName("rules");
                    json.WriteStartArray();
                    foreach (var r in pack.Rules)
                    {
                        json.WriteStartObject();
                        json.WritePropertyName("id");
                        json.WriteValue(r.Id);
                        json.WritePropertyName("title");
                        json.WriteValue(r.Title);
                        json.WritePropertyName("principle");
                        json.WriteValue(r.Principle.Key);
                        json.WritePropertyName("severity");
                        json.WriteValue(Gate.Names(r.Severity));
                        json.WritePropertyName("citations");
                        json.WriteStartArray();
                        foreach (var c in r.Citations)
                        {
                            json.WriteStartObject();
                            json.WritePropertyName("source");
                            json.WriteValue(c.SourceId);
                            json.WritePropertyName("locator");
                            json.WriteValue(c.Locator);
                            json.WritePropertyName("quote");
                            json.WriteValue(c.Quote);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                stdout.WriteLine();
                return ExitCodes.Clean;
        }

        stdout.WriteLine($"Rule pack {pack.Id} {pack.Version}: {pack.Title}");
        stdout.WriteLine(pack.Rules.Count == 1 ? "1 rule:" : $"{pack.Rules.Count} rules:");
        stdout.WriteLine();
        var rows = pack.Rules.Select(r => new[] { r.Id, Gate.Names(r.Severity), r.Principle.Key, r.Title }).ToList();
        rows.Insert(0, ["ID", "SEVERITY", "PRINCIPLE", "TITLE"]);
        var widths = Enumerable.Range(0, 3).Select(c => rows.Max(row => row[c].Length)).ToArray();
        foreach (var row in rows)
        {
            stdout.WriteLine(string.Join("  ", row.Take(3).Select((cell, c) => cell.PadRight(widths[c])).Append(row[3])));
        }

        return ExitCodes.Clean;
    }

    /// <summary>
    /// Writes a built-in pack to <paramref name="directory"/>: its pack.yaml and rule files, and every source file it reads
    /// under <c>sources/</c> inside the folder, with pack.yaml's <c>file:</c> paths rewritten to point there, so the folder
    /// is self-contained. The files come from the library's embedded resources (<c>packs/&lt;id&gt;/...</c>,
    /// <c>packs/sources/...</c>), read through the public reflection API.
    /// </summary>
    public static int Export(string packId, string display, string directory, TextWriter stdout, TextWriter stderr)
    {
        var assembly = typeof(RulePack).Assembly;
        var names = assembly.GetManifestResourceNames();
        var prefix = "packs/" + packId + "/";
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            stderr.WriteLine($"error: {display} is not empty: export into a new or empty folder");
            return ExitCodes.BadInput;
        }

        string Read(string resource)
        {
            using var stream = assembly.GetManifestResourceStream(resource) ?? throw new FileNotFoundException(resource);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        try
        {
            Directory.CreateDirectory(directory);
            var written = new List<string>();
            foreach (var name in names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.IndexOf('/', prefix.Length) < 0 && n.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var fileName = name[prefix.Length..];
                var text = Read(name);
                if (fileName == "pack.yaml")
                {
                    // Sources outside the pack folder (the repository keeps them in rules/sources) move inside it.
                    text = SourceFile().Replace(text, m =>
                    {
                        var path = m.Groups["path"].Value;
                        var resource = "packs/" + Normalise(packId + "/" + path);
                        var target = "sources/" + Path.GetFileName(path);
                        if (!names.Contains(resource))
                        {
                            return m.Value;
                        }

                        Directory.CreateDirectory(Path.Combine(directory, "sources"));
                        File.WriteAllText(Path.Combine(directory, target), Read(resource), new UTF8Encoding(false));
                        written.Add(target);
                        return m.Groups["lead"].Value + target;
                    });
                }

                File.WriteAllText(Path.Combine(directory, fileName), text, new UTF8Encoding(false));
                written.Add(fileName);
            }

            stdout.WriteLine($"Exported rule pack {packId} to {display} ({written.Count} files). Load it with: procurement-check --rules {display} <inputs>");
            return ExitCodes.Clean;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: could not export to {display}: {e.Message}");
            return ExitCodes.OutputFailed;
        }
    }

    private static string Normalise(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    [GeneratedRegex(@"^(?<lead>\s*file:\s*)(?<path>\S+)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex SourceFile();
}
