using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Features.Shared.TimeGrid;

/// <summary>
/// Lays a day (or a week) out as rows of 10 minutes in the practice's local time, one column per clinician or day.
/// Rows are local times, so a booking lands on its local row whatever the UTC offset of its day: across a
/// daylight-saving change, 09:00 is the 09:00 row on both sides.
/// </summary>
public sealed record TimeGridLayout(IReadOnlyList<TimeOnly> Rows, IReadOnlyList<PlacedBlock> Blocks, NowLine? Now)
{
    public static readonly TimeOnly DefaultStart = new(9, 0);
    public static readonly TimeOnly DefaultEnd = new(17, 0);

    public static TimeGridLayout For(IReadOnlyList<GridColumn> columns, TimeZoneInfo zone, DateTimeOffset now)
    {
        TimeOnly Local(DateTimeOffset instant) => TimeOnly.FromDateTime(PracticeTime.ToLocal(instant, zone).DateTime);

        var blocks = columns.SelectMany((column, index) => column.Blocks.Select(block => (Column: index, Block: block))).ToArray();
        var first = blocks.Length == 0 ? DefaultStart : Floor(blocks.Min(b => Local(b.Block.StartUtc)));
        var last = blocks.Length == 0 ? DefaultEnd : Ceiling(blocks.Max(b => EndOf(Local(b.Block.StartUtc), b.Block)));
        var rows = new List<TimeOnly>();
        for (var time = first; time < last && rows.Count < 24 * 6; time = time.Add(SlotBlock.SlotLength))
            rows.Add(time);

        var placed = blocks.Select(b =>
        {
            var start = Local(b.Block.StartUtc);
            var span = Math.Max(1, (int)Math.Round((b.Block.EndUtc - b.Block.StartUtc) / SlotBlock.SlotLength));
            return new PlacedBlock(b.Block, b.Column, RowOf(first, start), span);
        }).ToArray();

        return new TimeGridLayout(rows, InLanes(placed), NowLineFor(columns, zone, now, first, rows.Count));
    }

    /// <summary>
    /// Overlapping blocks of a column side by side: each run of blocks overlapping one another gets as many lanes as it
    /// needs at most at once, each block the first lane free at its start. A column with no overlap keeps one lane.
    /// </summary>
    private static PlacedBlock[] InLanes(PlacedBlock[] placed)
    {
        var result = new List<PlacedBlock>(placed.Length);
        foreach (var column in placed.GroupBy(p => p.Column))
        {
            var group = new List<PlacedBlock>();
            var laneEnds = new List<int>(); // the row each lane of the current group is free from
            var groupEnd = int.MinValue;
            void Close()
            {
                result.AddRange(group.Select(p => p with { Lanes = laneEnds.Count }));
                group.Clear();
                laneEnds.Clear();
            }
            foreach (var block in column.OrderBy(p => p.Row).ThenByDescending(p => p.Span))
            {
                if (block.Row >= groupEnd)
                    Close();
                var lane = laneEnds.FindIndex(end => end <= block.Row);
                if (lane < 0)
                {
                    lane = laneEnds.Count;
                    laneEnds.Add(0);
                }
                laneEnds[lane] = block.Row + block.Span;
                groupEnd = Math.Max(groupEnd, block.Row + block.Span);
                group.Add(block with { Lane = lane });
            }
            Close();
        }
        return result.ToArray();
    }

    private static NowLine? NowLineFor(IReadOnlyList<GridColumn> columns, TimeZoneInfo zone, DateTimeOffset now, TimeOnly first, int rowCount)
    {
        var today = PracticeTime.DateOf(now, zone);
        var column = columns.ToList().FindIndex(c => c.Date == today);
        if (column < 0)
            return null;
        var minutes = (TimeOnly.FromDateTime(PracticeTime.ToLocal(now, zone).DateTime) - first).TotalMinutes;
        if (TimeOnly.FromDateTime(PracticeTime.ToLocal(now, zone).DateTime) < first || minutes >= rowCount * SlotBlock.SlotLength.TotalMinutes)
            return null;
        var row = (int)(minutes / SlotBlock.SlotLength.TotalMinutes);
        return new NowLine(column, row, minutes / SlotBlock.SlotLength.TotalMinutes - row);
    }

    private static int RowOf(TimeOnly first, TimeOnly start) => (int)((start - first).Ticks / SlotBlock.SlotLength.Ticks);

    private static TimeOnly EndOf(TimeOnly localStart, GridBlock block)
    {
        var end = localStart.Add(block.EndUtc - block.StartUtc);
        return end < localStart ? TimeOnly.MaxValue : end; // a block running to midnight
    }

    private static TimeOnly Floor(TimeOnly time) => new(time.Hour, 0);

    private static TimeOnly Ceiling(TimeOnly time) => time.Minute == 0 && time.Second == 0 ? time : time.Hour == 23 ? TimeOnly.MaxValue : new(time.Hour + 1, 0);
}
