// The C# binding's tests: a small runner of its own (no NUnit): every static method marked [Test]
// runs; a thrown exception is a failure. `mono NormDocTests.exe SOURCE_DIR SCRATCH_DIR [NAME…]`.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using NormDoc;

[AttributeUsage(AttributeTargets.Method)]
sealed class TestAttribute : Attribute { }

static class Check
{
    public static void True(bool b, string what) { if (!b) throw new Exception("expected: " + what); }
    public static void Equal<T>(T expected, T actual, string what = "")
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
            throw new Exception("expected " + expected + ", got " + actual + (what.Length > 0 ? " (" + what + ")" : ""));
    }
    public static E Throws<E>(Action call) where E : Exception
    {
        try { call(); }
        catch (E e) { return e; }
        catch (Exception e) { throw new Exception("expected " + typeof(E).Name + ", got " + e.GetType().Name + ": " + e.Message); }
        throw new Exception("expected " + typeof(E).Name + ", nothing thrown");
    }
}

static class NormDocTests
{
    static string source, scratch;
    static readonly Date Day = new Date(2018, 11, 30), Mid2020 = new Date(2020, 6, 30);
    static string Jiangyin { get { return Path.Combine(source, "examples/jiangyin.xml"); } }
    static string Data(string name) { return Path.Combine(source, "tests/data/bindings", name); }
    static Corpus Open(string path)
    {
        LoadResult r = Corpus.Open(path);
        if (!r.IsValid) throw new Exception(r.ProblemsText());
        return r.Corpus;
    }

    // SPEC §4: last day of a trial document (README's example).
    [Test] static void StatusOfOneDocumentHasItsLastDay()
    {
        using (Corpus c = Open(Jiangyin))
        {
            DocumentStatus s = c.StatusOf("jy-kjj-2018-5", Day);
            Check.Equal(NormDoc.Status.InForce, s.Status);
            Check.Equal<Date?>(new Date(2020, 7, 31), s.LastDay);
        }
    }

    // SPEC §10: a 发文字号 held by exactly one document is taken wherever an id is.
    [Test] static void StatusByNumberIsItsDocuments()
    {
        using (Corpus c = Open(Data("edge.xml")))
        {
            DocumentStatus s = c.StatusOf("某科规〔2016〕2号", Mid2020);
            Check.Equal("q\"uote", s.Id);
            Check.True(s.Equals(c.StatusOf("q\"uote", Mid2020)), "same status");
            Check.Equal<Date?>(null, c.StatusOf("law", Mid2020).LastDay);
        }
    }

    [Test] static void StatusAllIsEveryDocumentInByteOrder()
    {
        using (Corpus c = Open(Data("edge.xml")))
        {
            var all = c.StatusAll(Mid2020);
            Check.Equal(c.DocumentCount, all.Count);
            foreach (DocumentStatus s in all) Check.True(s.Equals(c.StatusOf(s.Id, Mid2020)), s.Id);
            Check.Equal("Ａ-fullwidth", all[all.Count - 2].Id);  // U+FF21 before U+1F600 in UTF-8
            Check.Equal("\U0001F600-emoji", all[all.Count - 1].Id);
        }
    }

    // SPEC §6: an ended basis → BASIS_TERMINATED; its dependents judged in the same run.
    [Test] static void CleanupCascadesOverBases()
    {
        using (Corpus c = Open(Data("edge.xml")))
        {
            CleanupReport r = c.Cleanup(Mid2020);
            CleanupItem dependent = r.Items.First(i => i.Id == "dependent");
            Check.Equal(CleanupAction.Repeal, dependent.Action);
            Check.True(dependent.Has(FindingCode.BasisTerminated), "BASIS_TERMINATED");
            Check.True(r.Items.First(i => i.Id == "文件-甲").Has(FindingCode.BasisToBeTerminated), "BASIS_TO_BE_TERMINATED");
            Check.True(!r.Items.Any(i => i.Id == "draft"), "a draft is not looked at");
            var total = r.SummaryByIssuer.Last();
            Check.True(total.IsTotal, "the total last");
            Check.Equal(r.Items.Count, total.Total);
            Check.Equal(r.Count(CleanupAction.Repeal), total.Count(CleanupAction.Repeal));
            Check.True(c.Cleanup(Mid2020, "dept").Items.All(i => i.Id != "law"), "scope");
        }
    }

    [Test] static void ImpactFollowsBasesTransitively()
    {
        using (Corpus c = Open(Data("edge.xml")))
        {
            var e = c.Impact("law", Mid2020);
            Check.Equal("a,b:1 q\"uote:2 文件-甲:3 \U0001F600-emoji:4", string.Join(" ", e.Select(x => x.Id + ":" + x.Depth)));
            Check.Equal(4, c.Impact("主席令第1号", Mid2020).Count);
        }
    }

    [Test] static void InvalidCorpusIsAResultWithProblems()
    {
        LoadResult r = Corpus.Open(Data("invalid.xml"));
        Check.True(!r.IsValid, "invalid");
        Check.Equal(2, r.Problems.Count);
        Check.Equal("UNKNOWN_REF", r.Problems[0].Code);
        Check.Equal(9L, r.Problems[0].Line);
        Check.Equal("BAD_DATE", r.Problems[1].Code);
        Check.True(r.Problems[1].ToString().EndsWith(r.Problems[1].Message) && r.Problems[1].ToString().Contains("invalid.xml:10: error: BAD_DATE: "), r.Problems[1].ToString());
        LoadResult m = Corpus.Open(Data("malformed.xml"));
        Check.Equal("XML_SYNTAX", m.Problems[0].Code);
        Check.Equal(5L, m.Problems[0].Line);
        Check.True(!Corpus.FromXml(new byte[] { 0xff, 0xfe, 0, 1 }, "junk").IsValid, "junk");
        Check.Equal("mem.xml", Corpus.FromXml("<corpus", "mem.xml").Problems[0].File);
    }

    [Test] static void MissingFileIsAnIOException()
    {
        var e = Check.Throws<IOException>(() => Corpus.Open(Data("no-such.xml")));
        Check.True(e.Message.Contains("no-such.xml"), e.Message);
    }

    [Test] static void BadArgumentsAreRefused()
    {
        Check.Equal(ErrorCode.BadDate, Check.Throws<NormDocArgumentException>(() => Date.Parse("2018-02-30")).Code);
        Check.Equal(ErrorCode.BadDate, Check.Throws<NormDocArgumentException>(() => Date.Parse("1899-12-31")).Code);
        Check.Equal(new Date(2020, 2, 29), Date.Parse("2020-02-29"));
        using (Corpus c = Open(Jiangyin))
        {
            Check.Equal(ErrorCode.UnknownId, Check.Throws<NormDocArgumentException>(() => c.StatusOf("nope", Day)).Code);
            Check.Equal(ErrorCode.UnknownId, Check.Throws<NormDocArgumentException>(() => c.Impact("nope", Day)).Code);
            Check.Equal(ErrorCode.UnknownScope, Check.Throws<NormDocArgumentException>(() => c.Cleanup(Day, "nope")).Code);
            Check.Equal(ErrorCode.BadDate, Check.Throws<NormDocArgumentException>(() => c.StatusAll(new Date(1899, 12, 31))).Code);
            Check.Equal(ErrorCode.BadUtf8, Check.Throws<NormDocArgumentException>(() => c.StatusOf("x\uD800", Day)).Code);
            Check.Equal(2, Check.Throws<NormDocArgumentException>(() => c.StatusOf("a\0b", Day)).ExitCode);
        }
    }

    [Test] static void AmbiguousNumberIsRefused()
    {
        string xml = "<corpus xmlns=\"urn:normdoc:corpus:1\"><authorities>"
            + "<authority id=\"a\" name=\"A\" kind=\"government\"/><authority id=\"b\" name=\"B\" kind=\"government\"/></authorities><documents>"
            + "<document id=\"d1\" kind=\"normative\" number=\"N1\"><title>一</title><issuer ref=\"a\"/><dates published=\"2018-01-01\"/></document>"
            + "<document id=\"d2\" kind=\"normative\" number=\"N1\"><title>二</title><issuer ref=\"b\"/><dates published=\"2018-01-01\"/></document>"
            + "</documents></corpus>";
        using (Corpus c = Corpus.FromXml(xml, "two.xml").Corpus)
            Check.Equal(ErrorCode.AmbiguousId, Check.Throws<NormDocArgumentException>(() => c.StatusOf("N1", Day)).Code);
    }

    // Use after Dispose: ObjectDisposedException from every call, never a crash.
    [Test] static void UseAfterDisposeIsObjectDisposed()
    {
        Corpus c = Open(Jiangyin);
        c.Dispose();
        c.Dispose();
        Check.True(c.IsDisposed, "disposed");
        var calls = new Action[] {
            () => c.StatusOf("jy-kjj-2018-5", Day), () => c.StatusAll(Day), () => c.Cleanup(Day), () => c.Impact("prc-law-2007-82", Day),
            () => { var n = c.DocumentCount; }, () => c.ToXml(), () => c.CleanupPlanXml(Day), () => c.Save(Path.Combine(scratch, "closed.xml")) };
        foreach (var call in calls) Check.Throws<ObjectDisposedException>(call);
    }

    [Test] static void DisposeWhileQueriesRun()
    {
        for (int round = 0; round < 5; ++round)
        {
            Corpus c = Open(Jiangyin);
            int done = 0, refused = 0;
            var other = new List<Exception>();
            var threads = Enumerable.Range(0, 3).Select(_ => new Thread(() =>
            {
                for (int i = 0; i < 200; ++i)
                {
                    try { c.Cleanup(Day); c.StatusOf("jy-kjj-2018-5", Day); Interlocked.Increment(ref done); }
                    catch (ObjectDisposedException) { Interlocked.Increment(ref refused); }
                    catch (Exception e) { lock (other) other.Add(e); }
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            Thread.Sleep(5);
            c.Dispose();
            threads.ForEach(t => t.Join());
            Check.Equal(0, other.Count, other.Count > 0 ? other[0].ToString() : "");
            Check.Equal(600, done + refused);
        }
    }

    // SPEC §6: after the plan is applied on its as-of date, its endings have ended.
    [Test] static void ApplyingTheCleanupEndsItsItems()
    {
        using (Corpus c = Open(Data("edge.xml")))
        {
            var d = new Decision { Id = "gov-2020-99", Number = "某政发〔2020〕99号", Title = "关于清理规范性文件的决定", Issuers = new[] { "gov" }, Date = Mid2020 };
            LoadResult r = c.ApplyCleanup(Mid2020, null, d, false);
            Check.True(r.IsValid, r.ProblemsText());
            using (Corpus after = r.Corpus)
            {
                Check.Equal(c.DocumentCount + 1, after.DocumentCount);
                foreach (CleanupItem i in c.Cleanup(Mid2020).Items.Where(i => i.Action.IsEnding()))
                    Check.True(after.StatusOf(i.Id, Mid2020).Status.HasEnded(), i.Id);
            }
            d.Id = "law";  // in use: all or nothing
            Check.True(!c.ApplyCleanup(Mid2020, null, d, false).IsValid, "refused");
            Check.True(c.CleanupPlanXml(Mid2020).Contains("urn:normdoc:plan:1"), "plan");
        }
    }

    // SPEC §7: written and read back, an equal corpus; a directory as target is refused.
    [Test] static void WrittenCorpusReadsBackEqual()
    {
        using (Corpus c = Open(Jiangyin))
        {
            using (Corpus again = Corpus.FromXml(c.ToXml(), "again.xml").Corpus)
                Check.True(c.StatusAll(Day).SequenceEqual(again.StatusAll(Day)), "equal statuses");
            string file = Path.Combine(scratch, "jiangyin.xml");
            c.Save(file);
            using (Corpus saved = Open(file)) Check.Equal(c.DocumentCount, saved.DocumentCount);
            Directory.CreateDirectory(Path.Combine(scratch, "a-directory"));
            Check.Throws<IOException>(() => c.Save(Path.Combine(scratch, "a-directory")));
        }
    }

    [Test] static void VersionIsTheLibrarys()
    {
        Check.Equal(1, Library.AbiVersion);
        Check.True(Library.Version.Length > 0, "a version");
    }

    static int Main(string[] args)
    {
        if (args.Length < 2) { Console.Error.WriteLine("usage: NormDocTests SOURCE_DIR SCRATCH_DIR [TEST…]"); return 2; }
        source = args[0];
        scratch = args[1];
        Directory.CreateDirectory(scratch);
        var only = new HashSet<string>(args.Skip(2));
        int failed = 0, ran = 0;
        foreach (MethodInfo m in typeof(NormDocTests).GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
        {
            if (m.GetCustomAttributes(typeof(TestAttribute), false).Length == 0) continue;
            if (only.Count > 0 && !only.Contains(m.Name)) continue;
            ++ran;
            try { m.Invoke(null, null); Console.WriteLine("ok   " + m.Name); }
            catch (TargetInvocationException e) { ++failed; Console.WriteLine("FAIL " + m.Name + ": " + e.InnerException); }
        }
        Console.WriteLine(ran + " tests, " + failed + " failed");
        return failed == 0 && ran > 0 ? 0 : 1;
    }
}
