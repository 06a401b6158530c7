// The C# binding of normdoc (docs/bindings.md "C#"): P/Invoke over the C ABI
// (include/normdoc/normdoc.h, libnormdoc_c.so). Compiled by mono's mcs here; a .NET host compiles
// the same source. Handles are SafeHandles (Corpus is IDisposable; a call after Dispose is an
// ObjectDisposedException, never a crash); strings cross as NUL-terminated UTF-8; bulk results are
// copied from the C ABI's columns in a few calls, never a call per document.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace NormDoc
{
    /// <summary>SPEC §5 status of a document as of a day, in the C ABI's order.</summary>
    public enum Status { Draft, Pending, InForce, Repealed, Invalid, Expired }

    /// <summary>SPEC §6 actions, weakest first: the strongest of several is their maximum (not "Action": System.Action).</summary>
    public enum CleanupAction { Retain, Evaluate, Amend, DeclareInvalid, Repeal }

    /// <summary>SPEC §6 finding codes, in the order of its table.</summary>
    public enum FindingCode
    {
        Expired, Expiring, BasisTerminated, BasisToBeTerminated, BasisAmended, IssuerAbolished,
        TermTooLong, NoLegalityReview, NoCollectiveDecision, NoConsultation, ShortConsultation, FilingOverdue
    }

    public enum Severity { Error, Warning }

    /// <summary>The C ABI's status codes (nd_status).</summary>
    public enum ErrorCode
    {
        Ok, InvalidArgument, InvalidHandle, NoMemory, Io, InvalidCorpus, InvalidPlan, BadDate, BadUtf8,
        UnknownId, AmbiguousId, UnknownScope, WrongCorpus, Internal
    }

    /// <summary>The names SPEC uses in files and CSV ("in-force", "declare-invalid", "BASIS_TERMINATED").</summary>
    public static class Names
    {
        static readonly string[] StatusNames = { "draft", "pending", "in-force", "repealed", "invalid", "expired" };
        static readonly string[] ActionNames = { "retain", "evaluate", "amend", "declare-invalid", "repeal" };
        static readonly string[] FindingNames = {
            "EXPIRED", "EXPIRING", "BASIS_TERMINATED", "BASIS_TO_BE_TERMINATED", "BASIS_AMENDED", "ISSUER_ABOLISHED",
            "TERM_TOO_LONG", "NO_LEGALITY_REVIEW", "NO_COLLECTIVE_DECISION", "NO_CONSULTATION", "SHORT_CONSULTATION",
            "FILING_OVERDUE" };

        public static string Text(this Status s) { return StatusNames[(int)s]; }
        public static string Text(this CleanupAction a) { return ActionNames[(int)a]; }
        public static string Text(this FindingCode c) { return FindingNames[(int)c]; }
        public static string Text(this Severity s) { return s == Severity.Error ? "error" : "warning"; }
        public static bool HasEnded(this Status s) { return s == Status.Repealed || s == Status.Invalid || s == Status.Expired; }
        public static bool IsEnding(this CleanupAction a) { return a == CleanupAction.Repeal || a == CleanupAction.DeclareInvalid; }

        /// <summary>SPEC §10 exit code for a status code: 1 invalid input, 2 usage, 3 I/O, 4 internal.</summary>
        public static int ExitCode(this ErrorCode c)
        {
            switch (c)
            {
                case ErrorCode.Ok: return 0;
                case ErrorCode.InvalidCorpus: case ErrorCode.InvalidPlan: return 1;
                case ErrorCode.Io: return 3;
                case ErrorCode.InvalidHandle: case ErrorCode.NoMemory: case ErrorCode.Internal: return 4;
                default: return 2;
            }
        }

        internal static T Of<T>(int value, int count, string what)
        {
            if (value < 0 || value >= count)
                throw new NormDocException(ErrorCode.Internal, "the library gave an unknown " + what + " " + value);
            return (T)(object)value;
        }
    }

    /// <summary>
    /// A calendar day (SPEC §4: no time, no zone), as DateOnly is in newer .NET: days since
    /// 1970-01-01, the C ABI's day number.
    /// </summary>
    public struct Date : IEquatable<Date>, IComparable<Date>
    {
        static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        readonly int day;

        public Date(int year, int month, int day) { this.day = (int)(new DateTime(year, month, day) - Epoch).TotalDays; }
        Date(int dayNumber, bool _) { day = dayNumber; }

        internal static Date FromDayNumber(int n) { return new Date(n, true); }
        public int DayNumber { get { return day; } }
        public DateTime ToDateTime() { return Epoch.AddDays(day); }
        public static Date FromDateTime(DateTime t) { return new Date(t.Year, t.Month, t.Day); }
        public int Year { get { return ToDateTime().Year; } }
        public int Month { get { return ToDateTime().Month; } }
        public int Day { get { return ToDateTime().Day; } }

        /// <summary>Exactly YYYY-MM-DD, a real day of 1900-2199, as the CLI reads dates (else NormDocArgumentException, BadDate).</summary>
        public static Date Parse(string text)
        {
            IntPtr err = Abi.Err();
            int n;
            Abi.Check(Native.nd_date_parse(Abi.Utf8z(text), out n, err), err);
            return FromDayNumber(n);
        }

        public static Date Today { get { return FromDayNumber(Native.nd_today()); } }

        public override string ToString() { return ToDateTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture); }
        public bool Equals(Date o) { return day == o.day; }
        public override bool Equals(object o) { return o is Date && Equals((Date)o); }
        public override int GetHashCode() { return day; }
        public int CompareTo(Date o) { return day.CompareTo(o.day); }
        public static bool operator ==(Date a, Date b) { return a.day == b.day; }
        public static bool operator !=(Date a, Date b) { return a.day != b.day; }
    }

    /// <summary>A failure inside the library the caller could not prevent (out of memory, a broken invariant: exit 4).</summary>
    public class NormDocException : Exception
    {
        public ErrorCode Code { get; private set; }
        public NormDocException(ErrorCode code, string message) : base(message) { Code = code; }
        public int ExitCode { get { return Code.ExitCode(); } }
    }

    /// <summary>An argument the library refused (exit 2): a bad date, ill-formed Unicode, an unknown or ambiguous id, an unknown scope.</summary>
    public class NormDocArgumentException : ArgumentException
    {
        public ErrorCode Code { get; private set; }
        public NormDocArgumentException(ErrorCode code, string message) : base(message) { Code = code; }
        public int ExitCode { get { return Code.ExitCode(); } }
    }

    /// <summary>A validation problem (SPEC §7); ToString() is the CLI's line FILE:LINE: error: CODE: message.</summary>
    public sealed class Problem
    {
        public string File { get; private set; }
        public long Line { get; private set; }
        public Severity Severity { get; private set; }
        public string Code { get; private set; }
        public string Message { get; private set; }
        internal Problem(string file, long line, Severity severity, string code, string message)
        { File = file; Line = line; Severity = severity; Code = code; Message = message; }
        public bool IsError { get { return Severity == Severity.Error; } }
        public override string ToString() { return File + ":" + Line + ": " + Severity.Text() + ": " + Code + ": " + Message; }
    }

    /// <summary>The status of one document as of a day and the last day of its term (null: none).</summary>
    public sealed class DocumentStatus : IEquatable<DocumentStatus>
    {
        public string Id { get; private set; }
        public Status Status { get; private set; }
        public Date? LastDay { get; private set; }
        public bool Amended { get; private set; }
        internal DocumentStatus(string id, Status status, Date? lastDay, bool amended)
        { Id = id; Status = status; LastDay = lastDay; Amended = amended; }
        public bool Equals(DocumentStatus o)
        { return o != null && Id == o.Id && Status == o.Status && Nullable.Equals(LastDay, o.LastDay) && Amended == o.Amended; }
        public override bool Equals(object o) { return Equals(o as DocumentStatus); }
        public override int GetHashCode() { return Id.GetHashCode() ^ (int)Status; }
        public override string ToString() { return Id + " " + Status.Text() + (LastDay.HasValue ? " until " + LastDay : ""); }
    }

    /// <summary>A clean-up finding (SPEC §6): its code, the action it calls for, and what was found, in English.</summary>
    public sealed class Finding
    {
        public FindingCode Code { get; private set; }
        public CleanupAction Action { get; private set; }
        public string Detail { get; private set; }
        internal Finding(FindingCode code, CleanupAction action, string detail) { Code = code; Action = action; Detail = detail; }
    }

    /// <summary>A document the clean-up looked at: id, number ("" when none), status, action and findings.</summary>
    public sealed class CleanupItem
    {
        public string Id { get; private set; }
        public string Number { get; private set; }
        public Status Status { get; private set; }
        public CleanupAction Action { get; private set; }
        public IReadOnlyList<Finding> Findings { get; private set; }
        internal CleanupItem(string id, string number, Status status, CleanupAction action, IReadOnlyList<Finding> findings)
        { Id = id; Number = number; Status = status; Action = action; Findings = findings; }
        public bool Has(FindingCode code)
        {
            foreach (Finding f in Findings) if (f.Code == code) return true;
            return false;
        }
    }

    /// <summary>The clean-up's counts for one issuing authority, or the total (AuthorityId "").</summary>
    public sealed class IssuerSummary
    {
        readonly int[] counts;
        public string AuthorityId { get; private set; }
        public string AuthorityName { get; private set; }
        internal IssuerSummary(string id, string name, int[] counts) { AuthorityId = id; AuthorityName = name; this.counts = counts; }
        public bool IsTotal { get { return AuthorityId.Length == 0; } }
        public int Count(CleanupAction a) { return counts[(int)a]; }
        public int Total { get { int t = 0; foreach (int c in counts) t += c; return t; } }
    }

    /// <summary>The clean-up as of a day (SPEC §6), all managed: items by id in byte order, summary by issuer.</summary>
    public sealed class CleanupReport
    {
        public Date AsOf { get; private set; }
        public string Scope { get; private set; }  // null: all
        public IReadOnlyList<CleanupItem> Items { get; private set; }
        public IReadOnlyList<IssuerSummary> SummaryByIssuer { get; private set; }
        internal CleanupReport(Date asOf, string scope, IReadOnlyList<CleanupItem> items, IReadOnlyList<IssuerSummary> summary)
        { AsOf = asOf; Scope = scope; Items = items; SummaryByIssuer = summary; }
        public int Count(CleanupAction a)
        {
            int n = 0;
            foreach (CleanupItem i in Items) if (i.Action == a) ++n;
            return n;
        }
    }

    /// <summary>A document depending on the one asked about: id, depth (1 = direct), status.</summary>
    public sealed class ImpactEntry
    {
        public string Id { get; private set; }
        public int Depth { get; private set; }
        public Status Status { get; private set; }
        internal ImpactEntry(string id, int depth, Status status) { Id = id; Depth = depth; Status = status; }
    }

    /// <summary>What opening gives: a corpus when it validated (maybe with warnings) and every problem.</summary>
    public sealed class LoadResult
    {
        public Corpus Corpus { get; private set; }  // null when there are errors; the caller disposes it
        public IReadOnlyList<Problem> Problems { get; private set; }
        internal LoadResult(Corpus corpus, IReadOnlyList<Problem> problems) { Corpus = corpus; Problems = problems; }
        public bool IsValid { get { return Corpus != null; } }
        /// <summary>Every problem as the CLI prints it on standard error, one per line.</summary>
        public string ProblemsText()
        {
            var b = new StringBuilder();
            foreach (Problem p in Problems) b.Append(p).Append('\n');
            return b.ToString();
        }
    }

    /// <summary>The decision document that applying a plan creates (SPEC §6).</summary>
    public sealed class Decision
    {
        public string Id, Number, Title, Kind;  // Kind null: "other"
        public string[] Issuers;
        public Date Date;
    }

    internal sealed class CorpusHandle : SafeHandle
    {
        CorpusHandle() : base(IntPtr.Zero, true) { }
        internal CorpusHandle(IntPtr p) : base(IntPtr.Zero, true) { SetHandle(p); }
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }
        protected override bool ReleaseHandle() { Native.nd_corpus_free(handle); return true; }
    }

    /// <summary>
    /// A validated, immutable corpus held by libnormdoc_c. Queries may run from many threads at
    /// once; Dispose() frees it once the queries under way are done (the SafeHandle's count), and
    /// a query after it is an ObjectDisposedException.
    /// </summary>
    public sealed class Corpus : IDisposable
    {
        readonly CorpusHandle handle;
        // Ids and numbers by rank (byte order of ids), decoded once: results name documents by rank.
        volatile string[][] names;

        Corpus(IntPtr p) { handle = new CorpusHandle(p); }

        string[][] IdsAndNumbers(IntPtr c)
        {
            string[][] n = names;
            if (n != null) return n;
            IntPtr list = IntPtr.Zero, cols = Marshal.AllocHGlobal(104);
            try
            {
                IntPtr err = Abi.Err();
                Abi.Check(Native.nd_status_all(c, Abi.Utf8z("2000-01-01"), out list, err), err);
                Abi.Check(Native.nd_status_list_columns(list, cols, err), err);
                n = new[] { Abi.Strings(cols, 8), Abi.Strings(cols, 40) };
            }
            finally { Native.nd_status_list_free(list); Marshal.FreeHGlobal(cols); }
            names = n;
            return n;
        }

        public void Dispose() { handle.Dispose(); }
        public bool IsDisposed { get { return handle.IsClosed; } }

        // The handle, counted as in use until Leave (so that Dispose waits for it).
        IntPtr Enter()
        {
            bool added = false;
            try { handle.DangerousAddRef(ref added); }
            catch (ObjectDisposedException) { }
            if (!added) throw new ObjectDisposedException("Corpus", "normdoc: the corpus is closed");
            return handle.DangerousGetHandle();
        }
        void Leave() { handle.DangerousRelease(); }

        /// <summary>Opens and validates corpus XML or a registry snapshot; an unreadable file is an IOException.</summary>
        public static LoadResult Open(string path)
        {
            IntPtr err = Abi.Err(), corpus, problems;
            int status = Native.nd_corpus_open(Abi.Utf8z(path), out corpus, out problems, err);
            return Loaded(status, err, corpus, problems);
        }

        /// <summary>The same from corpus XML in memory; fileName is what problems name.</summary>
        public static LoadResult FromXml(byte[] xml, string fileName)
        {
            IntPtr err = Abi.Err(), corpus, problems;
            int status = Native.nd_corpus_open_buffer(xml, (UIntPtr)xml.Length, Abi.Utf8z(fileName), out corpus, out problems, err);
            return Loaded(status, err, corpus, problems);
        }

        public static LoadResult FromXml(string xml, string fileName) { return FromXml(Encoding.UTF8.GetBytes(xml), fileName); }

        static LoadResult Loaded(int status, IntPtr err, IntPtr corpus, IntPtr problems)
        {
            if (status == 0) return new LoadResult(new Corpus(corpus), Abi.TakeProblems(problems));
            if (corpus != IntPtr.Zero) Native.nd_corpus_free(corpus);
            if (status == (int)ErrorCode.InvalidCorpus || status == (int)ErrorCode.InvalidPlan)
                return new LoadResult(null, Abi.TakeProblems(problems));
            if (problems != IntPtr.Zero) Native.nd_problems_free(problems);
            Abi.Check(status, err);
            throw new NormDocException(ErrorCode.Internal, "unreachable");
        }

        public int DocumentCount
        {
            get
            {
                IntPtr c = Enter();
                try { IntPtr err = Abi.Err(); UIntPtr n; Abi.Check(Native.nd_corpus_document_count(c, out n, err), err); return (int)n; }
                finally { Leave(); }
            }
        }

        /// <summary>The status as of asOf of the document with this id or 发文字号.</summary>
        public DocumentStatus StatusOf(string idOrNumber, Date asOf)
        {
            byte[] id = Abi.Utf8z(idOrNumber), day = Abi.Utf8z(asOf.ToString());
            IntPtr c = Enter();
            try
            {
                IntPtr err = Abi.Err();
                // An id is found among the ids this object holds; a 发文字号 is resolved by the library.
                string[] ids = IdsAndNumbers(c)[0];
                int rank = Array.BinarySearch(ids, idOrNumber, Abi.ByteOrder);
                string resolved;
                if (rank >= 0) resolved = ids[rank];
                else
                {
                    IntPtr found;
                    Abi.Check(Native.nd_corpus_resolve(c, id, out found, err), err);
                    resolved = Abi.Utf8(found);
                }
                var o = new int[4];  // nd_doc_status: status, last_day, ended, amended
                Abi.Check(Native.nd_corpus_status_of(c, id, day, o, err), err);
                return new DocumentStatus(resolved, Names.Of<Status>(o[0], 6, "status"), Abi.Day(o[1]), o[3] != 0);
            }
            finally { Leave(); }
        }

        /// <summary>The status of every document as of asOf, by id in byte order (the CSV's rows).</summary>
        public IReadOnlyList<DocumentStatus> StatusAll(Date asOf)
        {
            byte[] day = Abi.Utf8z(asOf.ToString());
            IntPtr c = Enter();
            try
            {
                string[] ids = IdsAndNumbers(c)[0];
                int n = ids.Length;
                int[] status = new int[n], last = new int[n];
                byte[] amended = new byte[n];
                IntPtr err = Abi.Err();
                Abi.Check(Native.nd_status_all_into(c, day, status, last, IntPtr.Zero, amended, (UIntPtr)n, err), err);
                var o = new DocumentStatus[n];
                for (int i = 0; i < n; ++i)
                    o[i] = new DocumentStatus(ids[i], Names.Of<Status>(status[i], 6, "status"), Abi.Day(last[i]), amended[i] != 0);
                return new ReadOnlyCollection<DocumentStatus>(o);
            }
            finally { Leave(); }
        }

        /// <summary>The clean-up as of asOf of the documents of authority scope (null: all); UnknownScope else.</summary>
        public CleanupReport Cleanup(Date asOf, string scope = null) { return Cleanup(asOf, scope, true); }

        /// <summary>The same; without details every Finding.Detail is "" and the library does not word them.</summary>
        public CleanupReport Cleanup(Date asOf, string scope, bool details)
        {
            byte[] day = Abi.Utf8z(asOf.ToString()), s = Abi.Utf8z(scope);
            IntPtr c = Enter();
            IntPtr run = IntPtr.Zero;
            IntPtr cols = Marshal.AllocHGlobal(160);  // nd_cleanup_columns
            IntPtr row = Marshal.AllocHGlobal(40);    // nd_action_counts
            try
            {
                IntPtr err = Abi.Err();
                string[][] names = IdsAndNumbers(c);
                Abi.Check(Native.nd_cleanup_run(c, day, s, out run, err), err);
                Abi.Check(details ? Native.nd_cleanup_columns_get(run, cols, err) : Native.nd_cleanup_numeric_columns(run, cols, err), err);
                int n = checked((int)Marshal.ReadInt64(cols, 0));
                var rank = new int[n];
                Abi.Check(Native.nd_cleanup_ranks(run, rank, (UIntPtr)n, err), err);
                string[] ids = names[0], numbers = names[1];
                int[] status = Abi.Ints(cols, 72, n), action = Abi.Ints(cols, 80, n);
                int[] first = Abi.Ints(cols, 88, n), count = Abi.Ints(cols, 96, n);
                int m = checked((int)Marshal.ReadInt64(cols, 104));
                int[] code = Abi.Ints(cols, 112, m), fAction = Abi.Ints(cols, 120, m);
                string[] texts = details ? Abi.Strings(cols, 128) : null;
                var all = new Finding[m];
                for (int i = 0; i < m; ++i)
                    all[i] = new Finding(Names.Of<FindingCode>(code[i], 12, "finding"), Names.Of<CleanupAction>(fAction[i], 5, "action"), texts != null ? texts[i] : "");
                var none = new ReadOnlyCollection<Finding>(new Finding[0]);
                var items = new CleanupItem[n];
                for (int i = 0; i < n; ++i)
                    items[i] = new CleanupItem(ids[rank[i]], numbers[rank[i]], Names.Of<Status>(status[i], 6, "status"), Names.Of<CleanupAction>(action[i], 5, "action"),
                        count[i] == 0 ? (IReadOnlyList<Finding>)none : new ReadOnlyCollection<Finding>(new ArraySegment<Finding>(all, first[i], count[i])));
                UIntPtr k;
                Abi.Check(Native.nd_cleanup_summary_count(run, out k, err), err);
                var summary = new List<IssuerSummary>();
                for (ulong i = 0; i < (ulong)k; ++i)
                {
                    Abi.Check(Native.nd_cleanup_summary(run, (UIntPtr)i, row, err), err);
                    var counts = new int[5];
                    Marshal.Copy(row + 16, counts, 0, 5);
                    summary.Add(new IssuerSummary(Abi.Utf8(Marshal.ReadIntPtr(row, 0)), Abi.Utf8(Marshal.ReadIntPtr(row, 8)), counts));
                }
                return new CleanupReport(asOf, scope, new ReadOnlyCollection<CleanupItem>(items), summary.AsReadOnly());
            }
            finally { Native.nd_cleanup_free(run); Marshal.FreeHGlobal(cols); Marshal.FreeHGlobal(row); Leave(); }
        }

        /// <summary>`normdoc cleanup --format xml`: the plan (SPEC §8).</summary>
        public string CleanupPlanXml(Date asOf, string scope = null)
        {
            byte[] day = Abi.Utf8z(asOf.ToString()), s = Abi.Utf8z(scope);
            IntPtr c = Enter();
            IntPtr run = IntPtr.Zero;
            try
            {
                IntPtr err = Abi.Err(), text;
                UIntPtr size;
                Abi.Check(Native.nd_cleanup_run(c, day, s, out run, err), err);
                Abi.Check(Native.nd_cleanup_plan_xml(run, out text, out size, err), err);
                return Abi.TakeString(text, size);
            }
            finally { Native.nd_cleanup_free(run); Leave(); }
        }

        /// <summary>Every document depending on doc (id or 发文字号), transitively; by depth, then id.</summary>
        public IReadOnlyList<ImpactEntry> Impact(string doc, Date asOf)
        {
            byte[] id = Abi.Utf8z(doc), day = Abi.Utf8z(asOf.ToString());
            IntPtr c = Enter();
            IntPtr run = IntPtr.Zero;
            IntPtr cols = Marshal.AllocHGlobal(88);  // nd_impact_columns
            try
            {
                IntPtr err = Abi.Err();
                string[] ids = IdsAndNumbers(c)[0];
                Abi.Check(Native.nd_impact_run(c, id, day, out run, err), err);
                Abi.Check(Native.nd_impact_numeric_columns(run, cols, err), err);
                int n = checked((int)Marshal.ReadInt64(cols, 0));
                var rank = new int[n];
                Abi.Check(Native.nd_impact_ranks(run, rank, (UIntPtr)n, err), err);
                int[] depth = Abi.Ints(cols, 72, n), status = Abi.Ints(cols, 80, n);
                var o = new ImpactEntry[n];
                for (int i = 0; i < n; ++i) o[i] = new ImpactEntry(ids[rank[i]], depth[i], Names.Of<Status>(status[i], 6, "status"));
                return new ReadOnlyCollection<ImpactEntry>(o);
            }
            finally { Native.nd_impact_free(run); Marshal.FreeHGlobal(cols); Leave(); }
        }

        /// <summary>Applies this corpus's own clean-up as of asOf (SPEC §6): a new corpus, or the reasons as problems.</summary>
        public LoadResult ApplyCleanup(Date asOf, string scope, Decision d, bool onlyCompetent)
        {
            byte[] day = Abi.Utf8z(asOf.ToString()), s = Abi.Utf8z(scope);
            var keep = new List<IntPtr>();
            IntPtr decision = Marshal.AllocHGlobal(56);
            keep.Add(decision);
            IntPtr c = Enter();
            IntPtr run = IntPtr.Zero;
            try
            {
                Func<string, IntPtr> text = x => { if (x == null) return IntPtr.Zero; IntPtr p = Abi.Alloc(Abi.Utf8z(x)); keep.Add(p); return p; };
                IntPtr issuers = Marshal.AllocHGlobal(8 * Math.Max(1, d.Issuers.Length));
                keep.Add(issuers);
                for (int i = 0; i < d.Issuers.Length; ++i) Marshal.WriteIntPtr(issuers, 8 * i, text(d.Issuers[i]));
                Marshal.WriteIntPtr(decision, 0, text(d.Id));
                Marshal.WriteIntPtr(decision, 8, text(d.Number));
                Marshal.WriteIntPtr(decision, 16, text(d.Title));
                Marshal.WriteIntPtr(decision, 24, issuers);
                Marshal.WriteInt64(decision, 32, d.Issuers.Length);
                Marshal.WriteIntPtr(decision, 40, text(d.Date.ToString()));
                Marshal.WriteIntPtr(decision, 48, text(d.Kind));
                IntPtr err = Abi.Err(), corpus, problems;
                Abi.Check(Native.nd_cleanup_run(c, day, s, out run, err), err);
                int status = Native.nd_cleanup_apply(c, run, decision, onlyCompetent ? 1u : 0u, out corpus, out problems, err);
                return Loaded(status, err, corpus, problems);
            }
            finally { Native.nd_cleanup_free(run); foreach (IntPtr p in keep) Marshal.FreeHGlobal(p); Leave(); }
        }

        /// <summary>Corpus XML format 1 (SPEC §7).</summary>
        public string ToXml()
        {
            IntPtr c = Enter();
            try
            {
                IntPtr err = Abi.Err(), text;
                UIntPtr size;
                Abi.Check(Native.nd_corpus_write(c, out text, out size, err), err);
                return Abi.TakeString(text, size);
            }
            finally { Leave(); }
        }

        /// <summary>Saves the corpus XML atomically; IOException when it cannot be written.</summary>
        public void Save(string path)
        {
            byte[] p = Abi.Utf8z(path);
            IntPtr c = Enter();
            try { IntPtr err = Abi.Err(); Abi.Check(Native.nd_corpus_save(c, p, err), err); }
            finally { Leave(); }
        }
    }

    /// <summary>
    /// The CLI's CSV (SPEC §10) from the result objects: minimal quoting (a field is quoted only
    /// when it holds a comma, a quote, CR or LF), lines ending in \n, header first, lists joined
    /// with ';' in byte order.
    /// </summary>
    public static class Csv
    {
        public static void Status(IEnumerable<DocumentStatus> statuses, TextWriter o)
        {
            o.Write("id,status,last_day,amended\n");
            var row = new StringBuilder(64);
            foreach (DocumentStatus s in statuses)
            {
                row.Length = 0;
                Field(row, s.Id).Append(',').Append(s.Status.Text()).Append(',');
                if (s.LastDay.HasValue) row.Append(s.LastDay.Value.ToString());
                row.Append(',').Append(s.Amended ? "yes" : "no").Append('\n');
                o.Write(row.ToString());
            }
        }

        public static void Cleanup(CleanupReport r, TextWriter o)
        {
            o.Write("id,number,status,action,findings\n");
            var row = new StringBuilder(96);
            var codes = new List<string>();
            foreach (CleanupItem i in r.Items)
            {
                row.Length = 0;
                Field(row, i.Id).Append(',');
                Field(row, i.Number).Append(',').Append(i.Status.Text()).Append(',').Append(i.Action.Text()).Append(',');
                codes.Clear();
                foreach (Finding f in i.Findings) codes.Add(f.Code.Text());
                codes.Sort(string.CompareOrdinal);  // ASCII codes: ordinal is byte order
                Field(row, string.Join(";", codes)).Append('\n');
                o.Write(row.ToString());
            }
        }

        public static void Impact(IEnumerable<ImpactEntry> entries, TextWriter o)
        {
            o.Write("id,depth,status\n");
            var row = new StringBuilder(48);
            foreach (ImpactEntry e in entries)
            {
                row.Length = 0;
                Field(row, e.Id).Append(',').Append(e.Depth).Append(',').Append(e.Status.Text()).Append('\n');
                o.Write(row.ToString());
            }
        }

        public static StringBuilder Field(StringBuilder o, string v)
        {
            if (v.IndexOfAny(new[] { ',', '"', '\r', '\n' }) < 0) return o.Append(v);
            return o.Append('"').Append(v.Replace("\"", "\"\"")).Append('"');
        }
    }

    /// <summary>Strings, errors and columns across the C ABI.</summary>
    internal static class Abi
    {
        [ThreadStatic] static IntPtr error;  // one nd_error per thread, reused by every call

        /// <summary>The byte order of UTF-8 (code point order), which the library sorts ids by; not UTF-16 order.</summary>
        internal sealed class Utf8Order : IComparer<string>
        {
            public int Compare(string a, string b)
            {
                int i = 0, j = 0;
                while (i < a.Length && j < b.Length)
                {
                    int ca = CodePoint(a, i), cb = CodePoint(b, j);
                    if (ca != cb) return ca < cb ? -1 : 1;
                    i += ca > 0xFFFF ? 2 : 1;
                    j += cb > 0xFFFF ? 2 : 1;
                }
                return (a.Length - i).CompareTo(b.Length - j);
            }

            static int CodePoint(string s, int i)
            {
                char c = s[i];
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) return char.ConvertToUtf32(c, s[i + 1]);
                return c;
            }
        }
        internal static readonly IComparer<string> ByteOrder = new Utf8Order();
        static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

        internal static IntPtr Err()
        {
            if (error == IntPtr.Zero) error = Marshal.AllocHGlobal(4 + 1024);
            Marshal.WriteInt32(error, 0, 0);
            return error;
        }

        internal static void Check(int status, IntPtr err)
        {
            if (status == 0) return;
            string message = Utf8(err + 4);
            var code = status >= 0 && status <= (int)ErrorCode.Internal ? (ErrorCode)status : ErrorCode.Internal;
            switch (code)
            {
                case ErrorCode.Io: throw new IOException(message);
                case ErrorCode.InvalidHandle: throw new ObjectDisposedException("normdoc", message);
                case ErrorCode.InvalidArgument: case ErrorCode.BadDate: case ErrorCode.BadUtf8: case ErrorCode.UnknownId:
                case ErrorCode.AmbiguousId: case ErrorCode.UnknownScope: case ErrorCode.WrongCorpus:
                    throw new NormDocArgumentException(code, message);
                default: throw new NormDocException(code, message);
            }
        }

        /// <summary>NUL-terminated UTF-8 (null stays null); an unpaired surrogate is BadUtf8, a NUL InvalidArgument.</summary>
        internal static byte[] Utf8z(string s)
        {
            if (s == null) return null;
            if (s.IndexOf('\0') >= 0) throw new NormDocArgumentException(ErrorCode.InvalidArgument, "a string holds a NUL character, which C strings cannot carry");
            byte[] b;
            try { b = Strict.GetBytes(s); }
            catch (EncoderFallbackException) { throw new NormDocArgumentException(ErrorCode.BadUtf8, "not well-formed Unicode: an unpaired surrogate (no UTF-8 form)"); }
            var o = new byte[b.Length + 1];
            Buffer.BlockCopy(b, 0, o, 0, b.Length);
            return o;
        }

        internal static IntPtr Alloc(byte[] b)
        {
            IntPtr p = Marshal.AllocHGlobal(b.Length);
            Marshal.Copy(b, 0, p, b.Length);
            return p;
        }

        internal static string Utf8(IntPtr p)
        {
            if (p == IntPtr.Zero) return "";
            int n = 0;
            while (Marshal.ReadByte(p, n) != 0) ++n;
            var b = new byte[n];
            Marshal.Copy(p, b, 0, n);
            return Encoding.UTF8.GetString(b);
        }

        internal static string TakeString(IntPtr p, UIntPtr size)
        {
            if (p == IntPtr.Zero) return "";
            try
            {
                var b = new byte[checked((int)(ulong)size)];
                Marshal.Copy(p, b, 0, b.Length);
                return Encoding.UTF8.GetString(b);
            }
            finally { Native.nd_string_free(p); }
        }

        internal static Date? Day(int n) { return n == int.MinValue ? (Date?)null : Date.FromDayNumber(n); }

        /// <summary>The nd_string_column at offset inside a struct, decoded.</summary>
        internal static string[] Strings(IntPtr s, int offset)
        {
            IntPtr data = Marshal.ReadIntPtr(s, offset), offsets = Marshal.ReadIntPtr(s, offset + 8);
            int count = checked((int)Marshal.ReadInt64(s, offset + 16));
            int size = checked((int)Marshal.ReadInt64(s, offset + 24));
            var o = new string[count];
            if (count == 0) return o;
            var bytes = new byte[size];
            Marshal.Copy(data, bytes, 0, size);
            var off = new long[count + 1];
            Marshal.Copy(offsets, off, 0, count + 1);
            for (int i = 0; i < count; ++i)
            {
                int len = (int)(off[i + 1] - off[i] - 1);
                o[i] = len == 0 ? "" : Encoding.UTF8.GetString(bytes, (int)off[i], len);
            }
            return o;
        }

        internal static int[] Ints(IntPtr s, int offset, int n)
        {
            var o = new int[n];
            if (n > 0) Marshal.Copy(Marshal.ReadIntPtr(s, offset), o, 0, n);
            return o;
        }

        internal static byte[] Bytes(IntPtr s, int offset, int n)
        {
            var o = new byte[n];
            if (n > 0) Marshal.Copy(Marshal.ReadIntPtr(s, offset), o, 0, n);
            return o;
        }

        internal static IReadOnlyList<Problem> TakeProblems(IntPtr h)
        {
            var o = new List<Problem>();
            if (h == IntPtr.Zero) return o.AsReadOnly();
            IntPtr p = Marshal.AllocHGlobal(48);  // nd_problem
            try
            {
                IntPtr err = Err();
                UIntPtr n;
                Check(Native.nd_problems_count(h, out n, err), err);
                for (ulong i = 0; i < (ulong)n; ++i)
                {
                    Check(Native.nd_problems_get(h, (UIntPtr)i, p, err), err);
                    o.Add(new Problem(Utf8(Marshal.ReadIntPtr(p, 0)), Marshal.ReadInt64(p, 8),
                        Marshal.ReadInt32(p, 16) == 0 ? Severity.Error : Severity.Warning,
                        Utf8(Marshal.ReadIntPtr(p, 24)), Utf8(Marshal.ReadIntPtr(p, 32))));
                }
            }
            finally { Marshal.FreeHGlobal(p); Native.nd_problems_free(h); }
            return o.AsReadOnly();
        }
    }

    /// <summary>The C ABI's entry points (include/normdoc/normdoc.h); handles as IntPtr, strings as UTF-8 byte[].</summary>
    internal static class Native
    {
        const string Lib = "normdoc_c";
        [DllImport(Lib)] internal static extern int nd_abi_version();
        [DllImport(Lib)] internal static extern IntPtr nd_version();
        [DllImport(Lib)] internal static extern int nd_date_parse(byte[] text, out int day, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_today();
        [DllImport(Lib)] internal static extern void nd_string_free(IntPtr s);
        [DllImport(Lib)] internal static extern void nd_problems_free(IntPtr p);
        [DllImport(Lib)] internal static extern int nd_problems_count(IntPtr p, out UIntPtr n, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_problems_get(IntPtr p, UIntPtr i, IntPtr o, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_corpus_open(byte[] path, out IntPtr corpus, out IntPtr problems, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_corpus_open_buffer(byte[] data, UIntPtr size, byte[] name, out IntPtr corpus, out IntPtr problems, IntPtr err);
        [DllImport(Lib)] internal static extern void nd_corpus_free(IntPtr c);
        [DllImport(Lib)] internal static extern int nd_corpus_document_count(IntPtr c, out UIntPtr n, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_corpus_resolve(IntPtr c, byte[] id, out IntPtr found, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_corpus_write(IntPtr c, out IntPtr o, out UIntPtr size, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_corpus_save(IntPtr c, byte[] path, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_corpus_status_of(IntPtr c, byte[] id, byte[] asOf, [Out] int[] o, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_status_all(IntPtr c, byte[] asOf, out IntPtr list, IntPtr err);
        [DllImport(Lib)] internal static extern void nd_status_list_free(IntPtr l);
        [DllImport(Lib)] internal static extern int nd_status_list_columns(IntPtr l, IntPtr o, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_status_all_into(IntPtr c, byte[] asOf, [Out] int[] status, [Out] int[] lastDay, IntPtr ended, [Out] byte[] amended, UIntPtr count, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_cleanup_numeric_columns(IntPtr r, IntPtr o, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_impact_numeric_columns(IntPtr r, IntPtr o, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_cleanup_ranks(IntPtr r, [Out] int[] ranks, UIntPtr count, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_impact_ranks(IntPtr r, [Out] int[] ranks, UIntPtr count, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_cleanup_run(IntPtr c, byte[] asOf, byte[] scope, out IntPtr o, IntPtr err);
        [DllImport(Lib)] internal static extern void nd_cleanup_free(IntPtr r);
        [DllImport(Lib)] internal static extern int nd_cleanup_columns_get(IntPtr r, IntPtr o, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_cleanup_summary_count(IntPtr r, out UIntPtr n, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_cleanup_summary(IntPtr r, UIntPtr i, IntPtr o, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_cleanup_plan_xml(IntPtr r, out IntPtr o, out UIntPtr size, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_cleanup_apply(IntPtr c, IntPtr r, IntPtr decision, uint flags, out IntPtr o, out IntPtr problems, IntPtr err);
        [DllImport(Lib)] internal static extern int nd_impact_run(IntPtr c, byte[] doc, byte[] asOf, out IntPtr o, IntPtr err);
        [DllImport(Lib)] internal static extern void nd_impact_free(IntPtr r);
        [DllImport(Lib)] internal static extern int nd_impact_columns_get(IntPtr r, IntPtr o, IntPtr err);
    }

    /// <summary>The library as a whole.</summary>
    public static class Library
    {
        public static string Version { get { return Abi.Utf8(Native.nd_version()); } }
        public static int AbiVersion { get { return Native.nd_abi_version(); } }
    }
}
