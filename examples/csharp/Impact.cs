// mono Impact.exe CORPUS DOC AS_OF   (scripts/example csharp impact CORPUS DOC AS_OF)
//
// Prints what `normdoc impact CORPUS DOC --as-of AS_OF --format csv` prints, to the
// byte, with the CLI's exit codes (SPEC §10, §14): 0 done, 1 invalid corpus, 2 bad arguments
// (a bad date, a document the corpus does not hold), 3 a file that cannot be read, 4 an internal failure.
using System;
using System.IO;
using System.Text;
using NormDoc;

static class ImpactExample
{
    static int Main(string[] args)
    {
        var err = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        if (args.Length != 3)
        {
            err.WriteLine("usage: Impact CORPUS DOC AS_OF");
            return 2;
        }
        try
        {
            Date asOf = Date.Parse(args[2]);  // a bad date is exit 2 before anything is read
            LoadResult loaded = Corpus.Open(args[0]);
            err.Write(loaded.ProblemsText());  // errors, or warnings of a valid corpus
            if (!loaded.IsValid) return 1;
            using (Corpus corpus = loaded.Corpus)
            {
                var entries = corpus.Impact(args[1], asOf);  // an id or a 发文字号
                var o = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
                Csv.Impact(entries, o);
                o.Flush();
            }
            return 0;
        }
        catch (NormDocArgumentException e) { err.WriteLine("Impact: " + e.Message); return e.ExitCode; }
        catch (IOException e) { err.WriteLine("Impact: " + e.Message); return 3; }
        catch (NormDocException e) { err.WriteLine("Impact: internal error: " + e.Message); return e.ExitCode; }
        catch (Exception e) { err.WriteLine("Impact: internal error: " + e); return 4; }  // DllNotFoundException: no libnormdoc_c
    }
}
