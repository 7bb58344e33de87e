import { chmodSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatIssue, readTextFile, validateFile } from "regionsim";
import { afterAll, describe, expect, it } from "vitest";
import { testMeta } from "./testMeta.js";

const fixture = (dir: "bad" | "good", name: string) =>
  fileURLToPath(new URL(`../fixtures/${dir}/${name}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "regionsim-io-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("readTextFile reports, never throws", () => {
  it("a missing file", () => {
    const path = join(tmp, "nope.csv");
    expect(readTextFile(path).issues.map(formatIssue)).toEqual([`${path}: file not found`]);
  });

  it("a path through a file", () => {
    const file = join(tmp, "plain.csv");
    writeFileSync(file, "x");
    expect(readTextFile(join(file, "inner.csv")).issues.map((i) => i.message)).toEqual([
      "file not found (a part of the path is not a folder)",
    ]);
  });

  it("a folder", () => {
    expect(readTextFile(tmp).issues.map(formatIssue)).toEqual([`${tmp}: is a folder, not a file`]);
  });

  it("a file over 64 MiB, from its size alone (a sparse file: nothing is read)", () => {
    const path = join(tmp, "huge.csv");
    writeFileSync(path, "");
    truncateSync(path, 64 * 1024 * 1024 + 1);
    expect(readTextFile(path).issues.map(formatIssue)).toEqual([
      `${path}: input is too large to read (expected at most 64.0 MiB (67,108,864 bytes), got 64.0 MiB (67,108,865 bytes))`,
    ]);
  });

  it("GBK text is read as GB18030, with a warning that says so", () => {
    // Line 2 starts with 麒麟区 in GBK: 0xF7 0xE8 0xF7 0xEB 0xC7 0xF8 (GB 2312 rows 87, 87, 39).
    const path = fixture("good", "gbk-observations.csv");
    const read = readTextFile(path);
    expect(read.ok).toBe(true);
    expect(read.ok && read.value.split("\n")[1]?.startsWith("麒麟区,gdp,2020,")).toBe(true);
    expect(read.issues.map(formatIssue)).toEqual([
      `${path}: warning: not UTF-8: read as GB18030 (GBK); check the names in the messages if they look wrong (expected UTF-8, got GB18030)`,
    ]);
  });

  it("a file that is neither UTF-8 nor GB18030, at the line and column of the first bad byte", () => {
    // 0xFF is not a lead byte in UTF-8 or in GB18030 (leads run 0x81–0xFE).
    const path = join(tmp, "binary.csv");
    writeFileSync(path, Buffer.from([0x61, 0x0a, 0x62, 0xff, 0xff, 0x0a]));
    expect(readTextFile(path).issues.map(formatIssue)).toEqual([
      `${path}:2:2: neither UTF-8 nor GB18030 (GBK) text: save it as UTF-8 (expected UTF-8, got bytes 0xFF 0xFF)`,
    ]);
  });

  it("UTF-16 text", () => {
    const path = fixture("bad", "utf16.csv");
    expect(readTextFile(path).issues.map(formatIssue)).toEqual([
      `${path}: the file is UTF-16 text; save it as UTF-8 (expected UTF-8, got UTF-16)`,
    ]);
  });

  it.skipIf(process.getuid?.() === 0)("an unreadable file", () => {
    const path = join(tmp, "secret.csv");
    writeFileSync(path, "x");
    chmodSync(path, 0o000);
    expect(readTextFile(path).issues.map(formatIssue)).toEqual([
      `${path}: cannot read the file: permission denied`,
    ]);
  });

  it("drops a byte-order mark and keeps CRLF", () => {
    const r = readTextFile(fixture("good", "observations-bom-crlf.csv"));
    expect(r.ok && r.value.slice(0, 6)).toBe("place,");
    expect(r.ok && r.value.includes("\r\n")).toBe(true);
  });
});

describe("validateFile detects the kind of file and returns every issue", () => {
  it("a .csv holds observations", () => {
    const path = fixture("bad", "wrong-unit.csv");
    const { kind, issues } = validateFile(path, testMeta);
    expect(kind).toBe("observations");
    expect(issues.map(formatIssue)).toEqual([
      `${path}:2:5: unit: differs from the unit of gdp (expected "100M yuan", got "亿元")`,
      `${path}:3:5: unit: missing (expected "10k persons")`,
    ]);
  });

  it("a JSON object with models, extends or shocks is a scenario", () => {
    expect(validateFile(fixture("good", "scenario.json"), testMeta)).toEqual({
      kind: "scenario",
      issues: [],
    });
    const bad = validateFile(fixture("bad", "scenario-bad-schema.json"), testMeta);
    expect(bad.kind).toBe("scenario");
    expect(bad.issues.map((i) => i.code)).toEqual([
      "invalid-format",
      "unknown-key",
      "missing-value",
      "wrong-type",
    ]);
  });

  it("a JSON array whose items have a comparator holds targets", () => {
    expect(validateFile(fixture("good", "targets.json"), testMeta)).toEqual({
      kind: "targets",
      issues: [],
    });
    expect(validateFile(fixture("bad", "targets-bad.json"), testMeta).kind).toBe("targets");
  });

  it("other JSON holds observations; a syntax error is reported by line and column", () => {
    expect(validateFile(fixture("good", "observations.json"), testMeta)).toEqual({
      kind: "observations",
      issues: [],
    });
    const path = fixture("bad", "bad-syntax.json");
    expect(validateFile(path, testMeta).issues.map(formatIssue)).toEqual([
      `${path}:5:57: trailing comma before '}'`,
    ]);
  });

  it("text without a known extension is sniffed: JSON if it starts with { or [, else CSV", () => {
    const json = join(tmp, "scenario.txt");
    writeFileSync(json, '\n  {"id": "s", "nameEn": "S", "description": "d", "models": []}');
    expect(validateFile(json, testMeta)).toEqual({ kind: "scenario", issues: [] });
    const csv = join(tmp, "data.txt");
    writeFileSync(
      csv,
      "place,indicator,year,value,unit,source,quality\nqilin,gdp,2020,1,100M yuan,S,A\n",
    );
    expect(validateFile(csv, testMeta)).toEqual({ kind: "observations", issues: [] });
  });

  it("the kind can be forced", () => {
    const path = fixture("good", "targets.json");
    const { kind, issues } = validateFile(path, testMeta, { kind: "scenario" });
    expect(kind).toBe("scenario");
    expect(issues.map(formatIssue)).toEqual([
      `${path}: not a scenario (expected an object such as { "id": …, "nameEn": …, "description": …, "models": [...] }, got an array)`,
    ]);
  });

  it("a missing file is one issue, not an exception; its kind comes from its name or is unknown", () => {
    const path = join(tmp, "missing.json");
    expect(validateFile(path, testMeta)).toEqual({
      kind: "unknown",
      issues: [
        { severity: "error", code: "file-not-found", message: "file not found", file: path },
      ],
    });
    expect(validateFile(join(tmp, "missing.csv"), testMeta).kind).toBe("observations");
    expect(validateFile(join(tmp, "missing-targets.json"), testMeta).kind).toBe("targets");
    expect(validateFile(join(tmp, "情景.json"), testMeta).kind).toBe("scenario");
  });

  it("a JSON object with any key of a scenario is one, even without models (they default to [])", () => {
    const path = join(tmp, "plain.json");
    writeFileSync(path, '{"id": "s", "nameEn": "S", "description": "d"}');
    expect(validateFile(path, testMeta)).toEqual({ kind: "scenario", issues: [] });
  });

  it("{ targets: [...] } holds targets even when no item has a comparator yet", () => {
    const path = join(tmp, "list.json");
    writeFileSync(path, '{"targets": []}');
    expect(validateFile(path, testMeta)).toEqual({ kind: "targets", issues: [] });
  });

  it("valid JSON that shows no kind takes it from the file name, else holds observations", () => {
    const targets = join(tmp, "plan-targets.json");
    writeFileSync(targets, "[]");
    expect(validateFile(targets, testMeta)).toEqual({ kind: "targets", issues: [] });
    const data = join(tmp, "data.json");
    writeFileSync(data, "[]");
    expect(validateFile(data, testMeta)).toEqual({ kind: "observations", issues: [] });
    // Content that shows a kind wins over the name.
    const observed = join(tmp, "targets-observed.json");
    writeFileSync(
      observed,
      '[{"place": "qilin", "indicator": "gdp", "year": 2020, "value": 1, "unit": "100M yuan", "source": "S", "quality": "A"}]',
    );
    expect(validateFile(observed, testMeta)).toEqual({ kind: "observations", issues: [] });
  });
});

describe("validateFile on JSON with a syntax error names the kind only when it can tell", () => {
  const check = (name: string, text: string) => {
    const path = join(tmp, name);
    writeFileSync(path, text);
    const { kind, issues } = validateFile(path, testMeta);
    return { kind, issues: issues.map((i) => formatIssue({ ...i, file: name })) };
  };

  it("from the keys before the error", () => {
    // Columns counted in Python: text.index("[,") + 2 = 45 (the comma); text.index(",}") + 2 = 62
    // (a trailing comma is reported at the brace it comes before).
    expect(check("a.json", '{"id": "s", "extends": "steady", "shocks": [,]}')).toEqual({
      kind: "scenario",
      issues: ['a.json:1:45: unexpected character ",", expected a value'],
    });
    expect(
      check("b.json", '[{"id": "t", "kind": "level", "comparator": ">=", "value": 1,}]'),
    ).toEqual({ kind: "targets", issues: ["b.json:1:62: trailing comma before '}'"] });
    expect(check("c.json", '{"targets": [\n  {"id": "t" "kind": "level"}]}')).toMatchObject({
      kind: "targets",
    });
    expect(check("d.json", '[{"地区": "麒麟区", "指标": "gdp"\n  "年份": 2020}]')).toMatchObject({
      kind: "observations",
    });
  });

  it("from the file name when the keys say nothing", () => {
    expect(check("my-scenario.json", "{,}")).toEqual({
      kind: "scenario",
      issues: [
        'my-scenario.json:1:2: unexpected character ",", expected a property name in double quotes',
      ],
    });
    expect(check("targets-2025.json", "[").kind).toBe("targets");
  });

  it("as unknown rather than a guess", () => {
    // An id alone could be a target's or a scenario's (a top-level object with one is a scenario).
    // Column: text.index(",}") + 2 = 13, the brace.
    expect(check("broken.json", '[{"id": "x",}]')).toEqual({
      kind: "unknown",
      issues: ["broken.json:1:13: trailing comma before '}'"],
    });
    expect(check("nothing.json", "{,}").kind).toBe("unknown");
    expect(check("top-id.json", '{"id": "x",}').kind).toBe("scenario");
    // A name that says two kinds says none.
    expect(check("scenario-targets.json", "[").kind).toBe("unknown");
  });
});
