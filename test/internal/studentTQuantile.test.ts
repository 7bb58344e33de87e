import { describe, expect, it } from "vitest";
import { studentTCdf } from "../../src/internal/studentTCdf.js";
import { studentTQuantile } from "../../src/internal/studentTQuantile.js";

// R 4.2.2: sprintf("%.17g", qt(p, df)) for p = 0.9, 0.975, 0.995, 0.6, 0.999999, 0.05.
const R_QT: Record<number, number[]> = {
  1: [
    3.0776835371752544, 12.706204736174694, 63.656741162871526, 0.32491969623290634,
    318309.88617359026, -6.3137515146750438,
  ],
  2: [
    1.8856180831641269, 4.3026527297494619, 9.9248432009182892, 0.28867513459481314,
    707.10572051576708, -2.919985580353726,
  ],
  3: [
    1.6377443536962091, 3.1824463052837078, 5.8409093097333544, 0.27667066233268983,
    103.29946777942895, -2.3533634348018255,
  ],
  4: [
    1.5332062740589429, 2.7764451051977934, 4.6040948713499921, 0.27072229470759746,
    41.577854150151516, -2.1318467863266499,
  ],
  5: [
    1.4758840488244804, 2.5705818356363137, 4.0321429835552287, 0.26718086570414518,
    24.771029720372496, -2.0150483733330233,
  ],
  7: [
    1.4149239276505086, 2.3646242515927844, 3.4994832973504932, 0.26316686135202277,
    14.241469651921152, -1.8945786050900069,
  ],
  10: [
    1.3721836411103356, 2.2281388519862739, 3.16927267261695, 0.26018482949208016,
    9.7519954909098558, -1.8124611228116763,
  ],
  17: [
    1.3333793897216268, 2.1098155778333165, 2.8982305196774178, 0.25734700575127789,
    7.0364868567380556, -1.7396067260750725,
  ],
  30: [
    1.3104150253913955, 2.0422724563012378, 2.7499956535672254, 0.25560536495191277,
    5.8711171204086243, -1.697260886593958,
  ],
  100: [
    1.2900747613465124, 1.9839715185235516, 2.6258905214380182, 0.25402218245822766,
    5.0488308772214481, -1.6602343260853236,
  ],
  1000: [
    1.2823987214609247, 1.9623390808264076, 2.5807546980659501, 0.25341451583949876,
    4.78160862045244, -1.6463788172854645,
  ],
};
const P = [0.9, 0.975, 0.995, 0.6, 0.999999, 0.05];
// Relative accuracy: Newton on the incomplete-beta CDF; in the far tail (p = 1 − 1e-6) 1 − CDF
// loses about six digits, hence 1e-9 rather than 1e-13.
const RELATIVE = 1e-9;

describe("studentTQuantile", () => {
  for (const [df, expected] of Object.entries(R_QT)) {
    it(`matches R's qt for df = ${df}`, () => {
      P.forEach((p, i) => {
        const q = studentTQuantile(p, Number(df));
        const r = expected[i] as number;
        expect(Math.abs(q - r) / Math.abs(r)).toBeLessThan(RELATIVE);
      });
    });
  }

  it("matches R for a fractional df: qt(0.9, 2.5) and qt(0.9, 0.5)", () => {
    expect(studentTQuantile(0.9, 2.5)).toBeCloseTo(1.7302509288071761, 12);
    expect(Math.abs(studentTQuantile(0.9, 0.5) / 10.270324410234281 - 1)).toBeLessThan(1e-12);
  });

  it("is the inverse of studentTCdf and antisymmetric", () => {
    for (const df of [1.5, 3, 8, 40]) {
      for (const p of [0.01, 0.2, 0.5, 0.77, 0.999]) {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 12);
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-studentTQuantile(p, df), 10);
      }
    }
  });

  it("returns ±Infinity at 0 and 1 and throws outside [0, 1]", () => {
    expect(studentTQuantile(0, 3)).toBe(Number.NEGATIVE_INFINITY);
    expect(studentTQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(() => studentTQuantile(1.5, 3)).toThrow(
      "studentTQuantile: p must be in [0, 1] (got 1.5)",
    );
    expect(() => studentTQuantile(0.5, 0)).toThrow("studentTQuantile: df must be positive (got 0)");
  });
});

describe("studentTCdf", () => {
  it("matches R's pt", () => {
    // R: pt(c(-3, 0.5, 2.2), 3) and pt(1.5, 2.5).
    expect(studentTCdf(-3, 3)).toBeCloseTo(0.028834442811218657, 14);
    expect(studentTCdf(0.5, 3)).toBeCloseTo(0.67427601757592448, 14);
    expect(studentTCdf(2.2, 3)).toBeCloseTo(0.94241402401176466, 14);
    expect(studentTCdf(1.5, 2.5)).toBeCloseTo(0.8760817734568519, 14);
  });
});
