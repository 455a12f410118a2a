import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../tests/csv";
import { csvCell, toCsv } from "./csv";
import { SESSION_COLUMNS, sessionRows } from "./sessions";
import { exportData } from "./test-data";
import { toXlsx } from "./xlsx";

describe("sessions list as CSV and XLSX", () => {
  it("quotes commas, quotes and line breaks, and defuses formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell(3)).toBe("3");
    expect(toCsv([["a", "b"]])).toBe("\uFEFFa,b\r\n");
  });

  it("round-trips through a CSV parser: every column, in title order, with blocks in the event's zone, named", () => {
    const data = exportData();
    const text = toCsv([[...SESSION_COLUMNS], ...sessionRows(data)]);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(["ID", "Title", "Description", "Type", "Code", "Blocks", "Block times", "Time zone"]);
    expect(rows.slice(1)).toEqual([
      [
        "s1",
        'Compilers, "and" friends',
        'About Compilers, "and" friends, "quoted", with commas, and\na second line.',
        "Talks",
        "A1",
        "2",
        "2026-03-27 10:00–11:30; 2026-03-29 10:00–11:00",
        "Europe/Berlin",
      ],
      [
        "s2",
        "Posters",
        'About Posters, "quoted", with commas, and\na second line.',
        "Poster",
        "",
        "1",
        "2026-03-30 14:00–15:00",
        "Europe/Berlin",
      ],
    ]);
  });

  it("reads back from XLSX with the same library", async () => {
    const data = exportData();
    const buffer = await toXlsx("Sessions", SESSION_COLUMNS, sessionRows(data));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Sessions");
    const values = (n: number) => ((sheet?.getRow(n).values as unknown[]) ?? []).slice(1);
    expect(values(1)).toEqual([...SESSION_COLUMNS]);
    expect(values(2)).toEqual(sessionRows(data)[0]);
    expect(sheet?.rowCount).toBe(3);
  });

  it("names the zone of the block times, whatever the event's zone", () => {
    const data = exportData({ zone: "America/Mexico_City" });
    const [header, first] = parseCsv(toCsv([[...SESSION_COLUMNS], ...sessionRows(data)]));
    const zone = header?.indexOf("Time zone") ?? -1;
    expect(zone).toBe((header?.indexOf("Block times") ?? 0) + 1);
    expect(first?.[zone]).toBe("America/Mexico_City");
    expect(first?.[zone - 1]).toBe("2026-03-27 10:00–11:30; 2026-03-29 10:00–11:00");
  });
});
