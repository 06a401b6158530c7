// mono Status.exe CORPUS AS_OF   (scripts/example csharp status CORPUS AS_OF)
//
// Prints what `normdoc status CORPUS --as-of AS_OF --format csv` prints, to the
// byte, with the CLI's exit codes (SPEC §10, §14): 0 done, 1 invalid corpus, 2 bad arguments
// (a bad date), 3 a file that cannot be read, 4 an internal failure.
using System;
using System.IO;
using System.Text;
using NormDoc;

static class StatusExample
{
    static int Main(string[] args)
    {
        var err = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        if (args.Length != 2)
        {
            err.WriteLine("usage: Status CORPUS AS_OF");
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
                var statuses = corpus.StatusAll(asOf);
                var o = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
                Csv.Status(statuses, o);
                o.Flush();
            }
            return 0;
        }
        catch (NormDocArgumentException e) { err.WriteLine("Status: " + e.Message); return e.ExitCode; }
        catch (IOException e) { err.WriteLine("Status: " + e.Message); return 3; }
        catch (NormDocException e) { err.WriteLine("Status: internal error: " + e.Message); return e.ExitCode; }
        catch (Exception e) { err.WriteLine("Status: internal error: " + e); return 4; }  // DllNotFoundException: no libnormdoc_c
    }
}
