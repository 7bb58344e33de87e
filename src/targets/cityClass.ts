import { checkNumber } from "../internal/checkArgs.js";
import type { CityClass } from "../schemas/target.js";
import { checkCityClass } from "./internal/checkTargetArgs.js";

/**
 * Lower bounds of the State Council's 2014 city size classes by urban resident population
 * (城区常住人口), in 10k persons: small < 50, medium 50–100, large 100–500, very large 500–1000,
 * megacity ≥ 1000. Source: 《国务院关于调整城市规模划分标准的通知》(国发〔2014〕51号).
 */
export const CITY_CLASS_LOWER_BOUND_10K: Readonly<Record<CityClass, number>> = {
  small: 0,
  medium: 50,
  large: 100,
  "very-large": 500,
  megacity: 1000,
};

const ORDER: readonly CityClass[] = ["small", "medium", "large", "very-large", "megacity"];

/**
 * The size class of a city by its urban resident population in 10k persons (国发〔2014〕51号).
 *
 * @param population10k - urban resident population in 10k persons (105 = 1.05 million).
 * @throws {ArgumentTypeError} `cityClass: population10k must be a finite number ≥ 0 (got the
 *   string "105")`, or `(got nothing)` without an argument.
 * @throws {ArgumentRangeError} `cityClass: population10k must be a finite number ≥ 0 (got -1)`
 *   (NaN and Infinity too).
 * @example
 * cityClass(105); // "large"
 */
export function cityClass(population10k: number): CityClass {
  checkNumber("cityClass", "population10k", population10k, { min: 0 });
  let found: CityClass = "small";
  for (const c of ORDER) if (population10k >= CITY_CLASS_LOWER_BOUND_10K[c]) found = c;
  return found;
}

/**
 * Whether city size class `a` is at least class `b` (small < medium < large < very-large <
 * megacity).
 *
 * @throws {ArgumentRangeError} a class that is not one of the five: `classAtLeast: b must be
 *   "small", "medium", "large", "very-large" or "megacity"; did you mean "large"? (got the string
 *   "larg")`.
 * @throws {ArgumentTypeError} a class that is not a string (`classAtLeast: a must be … (got 3)`).
 * @example
 * classAtLeast("very-large", "large"); // true
 * classAtLeast("medium", "large"); // false
 */
export function classAtLeast(a: CityClass, b: CityClass): boolean {
  checkCityClass("classAtLeast", "a", a);
  checkCityClass("classAtLeast", "b", b);
  return ORDER.indexOf(a) >= ORDER.indexOf(b);
}
