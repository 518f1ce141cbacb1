using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text.Json;
using BinancePostman.Output;

namespace BinancePostman.Benchmarks
{
    /// <summary>
    /// `profile [runs]`: where the exchangeInfo conversion's time goes, as medians of stopwatch runs: the reader alone,
    /// the module's converter on the whole buffer and through the streamer, and PowerShell's own cost of building the
    /// same objects (the document's exact names, values and sizes, via the cheapest public API: the sized PSObject
    /// constructor and Properties.Add(member, preValidated: true)).
    /// </summary>
    internal static class ConversionProfile
    {
        public static void Run(int runs)
        {
            var bench = new ConversionBenchmark { Document = "exchangeInfo-2MB" };
            bench.Setup();
            byte[] json = System.Text.Encoding.UTF8.GetBytes(ConversionBenchmark.ExchangeInfo(2_000_000));

            var shapes = Shapes(JsonToPSObject.Convert(json, false));
            int properties = 0;
            foreach (var s in shapes) properties += s.Length;
            Console.WriteLine($"exchangeInfo-2MB: {json.Length:N0} bytes, {shapes.Length:N0} objects, {properties:N0} properties; one note property per name handed over: {PSObjectFactory.AddCopiesMembers}");

            Time("floor: JsonDocument.Parse", runs, () => bench.Floor());
            Time("reader: Utf8JsonReader.Read only", runs, () => { var r = new Utf8JsonReader(json); int n = 0; while (r.Read()) n++; return n; });
            Time("converter on the whole buffer", runs, () => JsonToPSObject.Convert(json, false) != null ? 1 : 0);
            Time("converter through the streamer", runs, () => bench.Module());
            Time("hashtables through the streamer", runs, () => { int n = 0; foreach (var v in new JsonValueStreamer(new MemoryStream(json, false)).Convert(new JsonToPSObject(true).ReadValue)) n++; return n; });
            Time("PowerShell: objects + note properties", runs, () => Build(shapes));
            Time("PowerShell: PSObjects only", runs, () => { int n = 0; foreach (var shape in shapes) { PSObjectFactory.Create(shape.Length); n++; } return n; });
            Time("Newtonsoft JToken to PSObject", runs, () => bench.Newtonsoft());
        }

        /// <summary>
        /// The document's objects as (note, value) lists, leaves first, with the values the converter made and one
        /// note property per name (Properties.Add copies it, as the converter relies on).
        /// </summary>
        public static (PSNoteProperty note, object? value)[][] Shapes(object? converted)
        {
            var shapes = new List<(PSNoteProperty, object?)[]>();
            Collect(converted, shapes, new Dictionary<string, PSNoteProperty>(StringComparer.Ordinal));
            return shapes.ToArray();
        }

        /// <summary>The objects again, the cheapest public way: sized PSObjects, note properties pre-validated.</summary>
        public static int Build((PSNoteProperty note, object? value)[][] shapes)
        {
            int n = 0;
            foreach (var shape in shapes)
            {
                var props = PSObjectFactory.Create(shape.Length).Properties;
                foreach (var (note, value) in shape)
                {
                    note.Value = value;
                    props.Add(note, true);
                }
                n++;
            }
            return n;
        }

        private static void Collect(object? value, List<(PSNoteProperty, object?)[]> shapes, Dictionary<string, PSNoteProperty> notes)
        {
            if (value is object?[] array) { foreach (var item in array) Collect(item, shapes, notes); return; }
            if (value is not PSObject obj) return;
            var list = new List<(PSNoteProperty, object?)>();
            foreach (PSPropertyInfo p in obj.Properties)
            {
                Collect(p.Value, shapes, notes);
                if (!notes.TryGetValue(p.Name, out var note)) notes[p.Name] = note = new PSNoteProperty(p.Name, null);
                list.Add((note, p.Value));
            }
            shapes.Add(list.ToArray());
        }

        private static void Time(string what, int runs, Func<int> run)
        {
            for (int i = 0; i < 3; i++) run();
            var times = new List<double>(runs);
            int gen2 = GC.CollectionCount(2);
            long allocated = GC.GetTotalAllocatedBytes();
            for (int i = 0; i < runs; i++)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                run();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"  {what,-42} {times[times.Count / 2],8:0.00} ms (min {times[0]:0.00}), gen2 collections per run {(double)(GC.CollectionCount(2) - gen2) / runs:0.00}, {(GC.GetTotalAllocatedBytes() - allocated) / runs / 1e6:0.0} MB allocated");
        }
    }
}
