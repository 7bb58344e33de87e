import type { CityClass } from "../schemas/target.js";

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
 * @throws {RangeError} `cityClass: population must be a non-negative finite number (got -1)`.
 * @example
 * cityClass(105); // "large"
 */
export function cityClass(population10k: number): CityClass {
  if (!(population10k >= 0 && Number.isFinite(population10k)))
    throw new RangeError(
      `cityClass: population must be a non-negative finite number (got ${population10k})`,
    );
  let found: CityClass = "small";
  for (const c of ORDER) if (population10k >= CITY_CLASS_LOWER_BOUND_10K[c]) found = c;
  return found;
}

/** Whether class `a` is at least class `b`. */
export function classAtLeast(a: CityClass, b: CityClass): boolean {
  return ORDER.indexOf(a) >= ORDER.indexOf(b);
}
