import { backtest, fitModel, preparePanel, projectModel } from "regionsim";
import { describe, expect, it } from "vitest";

const years = [2010, 2011, 2012, 2013, 2014, 2015];
const unit = (id: string, growth: readonly number[]) => {
  const values = [100];
  for (const g of growth) values.push((values[values.length - 1] as number) * (1 + g));
  return { id, years, values };
};
const series = [
  unit("a", [0.1, 0.12, 0.08, 0.05, 0.04]),
  unit("b", [0.05, 0.07, 0.06, 0.02, 0.01]),
  unit("c", [0.15, 0.11, 0.14, 0.09, 0.1]),
  unit("d", [0.02, 0.04, 0.01, 0.03, 0.0]),
];
const upTo = (s: (typeof series)[number], origin: number) => {
  const k = s.years.indexOf(origin) + 1;
  return { years: s.years.slice(0, k), values: s.values.slice(0, k) };
};

describe("backtest with panel: true", () => {
  const options = { origins: [2013], horizon: 2, keepForecasts: true, panel: true } as const;

  it("fits each unit with the summary of the OTHER units' data up to the origin", () => {
    const result = backtest(series, [{ kind: "drift" }], options);
    const forecasts = result.models[0]?.forecasts ?? [];
    for (const s of series) {
      const others = series.filter((o) => o.id !== s.id).map((o) => upTo(o, 2013));
      const fitted = fitModel({ kind: "drift" }, upTo(s, 2013), { panel: preparePanel(others) });
      const expected = projectModel(fitted, { toYear: 2015 }).values;
      const mine = forecasts.filter((f) => f.series === s.id).map((f) => f.forecast);
      expect(mine).toEqual(expected);
    }
  });

  it("never looks ahead: other units' values after the origin change nothing", () => {
    const changed = series.map((s) =>
      s.id === "a" ? s : { ...s, values: s.values.map((v, i) => (i > 3 ? v * 3 : v)) },
    );
    const before = backtest(series, [{ kind: "drift" }], options).models[0]?.forecasts ?? [];
    const after = backtest(changed, [{ kind: "drift" }], options).models[0]?.forecasts ?? [];
    const of = (list: typeof before) => list.filter((f) => f.series === "a").map((f) => f.forecast);
    expect(of(after)).toEqual(of(before));
  });

  it("leaves models that ignore a panel unchanged, and is refused when not a boolean", () => {
    const plain = backtest(series, [{ kind: "theta" }], { ...options, panel: false });
    const withPanel = backtest(series, [{ kind: "theta" }], options);
    expect(withPanel.models[0]?.overall).toEqual(plain.models[0]?.overall);
    expect(() =>
      backtest(series, [{ kind: "drift" }], { ...options, panel: "yes" as never }),
    ).toThrow(/^backtest: options\.panel must be true or false \(got the string "yes"\)/);
  });
});
