using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Tests.Support;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Architecture
{
    /// <summary>
    /// What the code cites is in the repository: every note named in a comment ("relay-admin-api.md §3")
    /// exists under docs/ (with that section), and every corpus id a diagnosis row cites is in corpus/.
    /// </summary>
    public sealed class CitationTests
    {
        // "relay-admin-api.md §3", "docs/cmdlets/Test-ApiKey.md"; not a PowerShell interpolation such as "$Name.md".
        private static readonly Regex NoteCitation = new(@"(?<![\w$\{/.-])(?<file>(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+\.md)(?: §(?<section>\d+))?", RegexOptions.CultureInvariant);
        private static readonly string[] CodeExtensions = { ".cs", ".ps1", ".psm1", ".psd1", ".ps1xml" };

        public static IEnumerable<object[]> Citations()
        {
            var root = RepositoryRoot();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var folder in new[] { "src", "tests", "build", "bench" })
            {
                foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
                {
                    if (!CodeExtensions.Contains(Path.GetExtension(file)) || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ||
                        file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    foreach (Match match in NoteCitation.Matches(File.ReadAllText(file)))
                    {
                        if (seen.Add(match.Value))
                        {
                            yield return new object[] { match.Value };
                        }
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(Citations))]
        public void A_cited_note_is_in_the_repository(string citation)
        {
            var match = NoteCitation.Match(citation);
            var note = FindNote(match.Groups["file"].Value);

            Assert.True(note is not null, $"{citation}: no such file in the repository");
            if (match.Groups["section"].Success)
            {
                var heading = new Regex($@"^#+ {match.Groups["section"].Value}\.", RegexOptions.Multiline);
                Assert.Matches(heading, File.ReadAllText(note!));
            }
        }

        [Fact]
        public void The_code_cites_notes_at_all()
        {
            Assert.True(Citations().Count() >= 10, "the scan found no citations: is the repository root right?");
        }

        [Fact]
        public void Every_corpus_id_a_diagnosis_row_cites_exists()
        {
            var ids = CapturedFixture.All.Select(f => f.Id).ToHashSet();
            var cited = DiagnosisRules.All.SelectMany(r => r.Evidence).Where(e => Regex.IsMatch(e, "^[A-Z]+-[A-Za-z0-9.-]+$"));

            Assert.All(cited, id => Assert.Contains(id, ids));
        }

        private static string? FindNote(string name)
        {
            var root = RepositoryRoot();
            if (name.Contains('/', StringComparison.Ordinal))
            {
                var exact = Path.Combine(root, name.Replace('/', Path.DirectorySeparatorChar));
                return File.Exists(exact) ? exact : null;
            }

            foreach (var folder in new[] { root, Path.Combine(root, "docs"), Path.Combine(root, "docs", "reference"), Path.Combine(root, "docs", "cmdlets"), Path.Combine(root, "corpus") })
            {
                var path = Path.Combine(folder, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }

            return null;
        }

        private static string RepositoryRoot()
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ChatAnywhere.PowerShell.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("The repository root (ChatAnywhere.PowerShell.sln) is not above " + AppContext.BaseDirectory);
        }
    }
}
