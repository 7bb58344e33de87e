import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/report/internal/displayWidth.js";
import { textTable, wrapText } from "../../src/report/internal/textTable.js";

describe("textTable", () => {
  it("aligns columns by terminal width, counting CJK as two columns", () => {
    const lines = textTable(
      [{ header: "Place" }, { header: "GDP", align: "right" }],
      [
        ["麒麟区", "1,000"],
        ["Malong", "12"],
      ],
    );
    // "麒麟区" is 6 columns, "Malong" 6: the second column starts at column 6 + 2 = 8 in every line.
    expect(lines).toEqual(["Place     GDP", "------  -----", "麒麟区  1,000", "Malong     12"]);
    const ends = lines.map((l) => displayWidth(l));
    expect(new Set(ends).size).toBe(1);
  });

  it("stacks the lines of a multi-line cell and spaces rows when asked", () => {
    const lines = textTable(
      [{ header: "A" }, { header: "B" }],
      [
        [["x", "yy"], "1"],
        ["z", "2"],
      ],
      { spaced: true },
    );
    expect(lines).toEqual(["A   B", "--  -", "x   1", "yy", "", "z   2"]);
  });

  it("throws when a row has the wrong number of cells", () => {
    expect(() => textTable([{ header: "A" }], [["1", "2"]])).toThrow(
      "textTable: a row has 2 cells for 1 columns",
    );
  });
});

describe("wrapText", () => {
  it("breaks at spaces", () => {
    expect(wrapText("Resident-population urbanization rate", 20)).toEqual([
      "Resident-population",
      "urbanization rate",
    ]);
  });

  it("breaks a run of CJK characters by width", () => {
    // 7 ideographs = 14 columns; at most 10 columns a line → 5 + 2 ideographs.
    expect(wrapText("中心城市地区生", 10)).toEqual(["中心城市地", "区生"]);
  });

  it("throws on a width below 1", () => {
    expect(() => wrapText("a", 0)).toThrow("wrapText: width must be at least 1 (got 0)");
  });
});
