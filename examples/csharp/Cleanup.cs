// mono Cleanup.exe CORPUS AS_OF [SCOPE]   (scripts/example csharp cleanup CORPUS AS_OF [SCOPE])
//
// Prints what `normdoc cleanup CORPUS --as-of AS_OF [--scope SCOPE] --format csv` prints, to the
// byte, with the CLI's exit codes (SPEC §10, §14): 0 done, 1 invalid corpus, 2 bad arguments
// (a bad date, an unknown scope), 3 a file that cannot be read, 4 an internal failure.
using System;
using System.IO;
using System.Text;
using NormDoc;

static class CleanupExample
{
    static int Main(string[] args)
    {
        var err = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        if (args.Length < 2 || args.Length > 3)
        {
            err.WriteLine("usage: Cleanup CORPUS AS_OF [SCOPE]");
            return 2;
        }
        try
        {
            Date asOf = Date.Parse(args[1]);  // a bad date is exit 2 before anything is read
            LoadResult loaded = Corpus.Open(args[0]);
            err.Write(loaded.ProblemsText());  // errors, or warnings of a valid corpus
            if (!loaded.IsValid) return 1;
            using (Corpus corpus = loaded.Corpus)
            {
                CleanupReport report = corpus.Cleanup(asOf, args.Length == 3 ? args[2] : null, false);  // no details: the CSV lists codes
                var o = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
                Csv.Cleanup(report, o);
                o.Flush();
            }
            return 0;
        }
        catch (NormDocArgumentException e) { err.WriteLine("Cleanup: " + e.Message); return e.ExitCode; }
        catch (IOException e) { err.WriteLine("Cleanup: " + e.Message); return 3; }
        catch (NormDocException e) { err.WriteLine("Cleanup: internal error: " + e.Message); return e.ExitCode; }
        catch (Exception e) { err.WriteLine("Cleanup: internal error: " + e); return 4; }  // DllNotFoundException: no libnormdoc_c
    }
}
