import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeAssessmentFiles } from "../../src/io/writeAssessmentFiles.js";
import { type Assessment, AssessmentSchema } from "../../src/schemas/assessment.js";
import { sampleAssessment } from "../report/assessmentFixture.js";

describe("writeAssessmentFiles", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "regionsim-write-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes <pack>-<scenario>.md, .json and .csv into a new nested folder", async () => {
    const out = join(dir, "a", "b");
    const files = await writeAssessmentFiles(sampleAssessment, out);
    expect(files).toEqual({
      markdown: join(out, "qujing-trend.md"),
      json: join(out, "qujing-trend.json"),
      csv: join(out, "qujing-trend.csv"),
    });
    const json = JSON.parse(await readFile(files.json, "utf8")) as unknown;
    expect(AssessmentSchema.parse(json)).toEqual(sampleAssessment);
    expect(await readFile(files.markdown, "utf8")).toMatch(
      /^# qujing · trend — Trend continuation\n/,
    );
    const csv = await readFile(files.csv);
    // UTF-8 byte-order mark EF BB BF
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8")).toContain("常住人口城镇化率");
  });

  it("passes a title to the Markdown report", async () => {
    const files = await writeAssessmentFiles(sampleAssessment, dir, { title: "曲靖市 Qujing" });
    expect((await readFile(files.markdown, "utf8")).split("\n")[0]).toBe("# 曲靖市 Qujing");
  });

  it("throws a TypeError for something that is not an assessment", async () => {
    const broken = { ...sampleAssessment, asOf: 2023.5 } as Assessment;
    await expect(writeAssessmentFiles(broken, dir)).rejects.toThrow(
      "writeAssessmentFiles: the assessment does not match AssessmentSchema (asOf:",
    );
  });

  // Node.js 20's mkdir(…, { recursive: true }) loops at full CPU on these: creating a folder in
  // /proc fails with ENOENT although the parent exists, and it retries the parent forever.
  for (const [out, failing] of [
    ["/proc/nope/x", "/proc/nope"],
    ["/proc/self/x", "/proc/self/x"],
  ] as const) {
    it.runIf(process.platform === "linux")(
      `ends at once with the system's error for ${out}, naming the folder it could not create`,
      async () => {
        const started = Date.now();
        await expect(writeAssessmentFiles(sampleAssessment, out)).rejects.toMatchObject({
          code: "ENOENT",
          message: `ENOENT: no such file or directory, mkdir '${failing}'`,
        });
        expect(Date.now() - started).toBeLessThan(2000);
      },
    );
  }

  it("refuses a file where the folder belongs (EEXIST), and a folder under a file (ENOTDIR)", async () => {
    const file = (await writeAssessmentFiles(sampleAssessment, dir)).json;
    await expect(writeAssessmentFiles(sampleAssessment, file)).rejects.toMatchObject({
      code: "EEXIST",
    });
    await expect(writeAssessmentFiles(sampleAssessment, join(file, "x"))).rejects.toMatchObject({
      code: "ENOTDIR",
      message: `ENOTDIR: not a directory, mkdir '${join(file, "x")}'`,
    });
  });
});
