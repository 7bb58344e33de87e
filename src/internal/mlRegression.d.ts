// Types of the parts of ml-regression (6.x, which ships none) that regionsim uses, as its
// documentation (https://github.com/mljs/regression) and source describe them.

declare module "ml-regression" {
  /** Least squares y = slope·x + intercept. */
  export class SimpleLinearRegression {
    constructor(x: readonly number[], y: readonly number[]);
    readonly slope: number;
    readonly intercept: number;
    readonly coefficients: readonly number[];
    predict(x: number): number;
    predict(x: readonly number[]): number[];
    score(
      x: readonly number[],
      y: readonly number[],
    ): { r: number; r2: number; chi2: number; rmsd: number };
  }

  /** Least squares of several outputs on several inputs (with an intercept unless `intercept: false`). */
  export class MultivariateLinearRegression {
    constructor(
      x: readonly (readonly number[])[],
      y: readonly (readonly number[])[],
      options?: { intercept?: boolean; statistics?: boolean },
    );
    /** One row per input (then the intercept), one column per output. */
    readonly weights: number[][];
    readonly stdError: number;
    readonly stdErrors: number[];
    readonly tStats: number[];
    predict(x: readonly number[]): number[];
    predict(x: readonly (readonly number[])[]): number[][];
  }

  /**
   * Theil–Sen line. Its median is the lower middle value of an even count (ml-array-median), not
   * the mean of the two middle ones.
   */
  export class TheilSenRegression {
    constructor(x: readonly number[], y: readonly number[]);
    readonly slope: number;
    readonly intercept: number;
    predict(x: number): number;
    predict(x: readonly number[]): number[];
  }
}
