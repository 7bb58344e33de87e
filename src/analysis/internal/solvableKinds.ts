import type { Target, TargetKind } from "../../schemas/target.js";
import type { TargetOfKind } from "../../targets/targetDefinition.js";

/**
 * What solving means for a target kind: which lever moves it and how its projected measure
 * compares with its value, as a ratio of levels (above 1: above the target).
 */
export interface SolvableKind<K extends TargetKind> {
  /**
   * `growth`: the growth of the target's own series (a place's, or a group's spread over its
   * places); `edge`: a share's part grows faster than the rest of the whole.
   */
  readonly lever: "growth" | "edge";
  /** The projected measure over the target's value as a level ratio; null without one. */
  ratio(target: TargetOfKind[K], measured: { readonly projected: number | null }): number | null;
}

/** A kind that cannot be solved, and why. */
export interface UnsolvableKind {
  readonly unsupported: string;
}

/** `projected / value`, for a measure that is a positive level or share. */
function levelRatio(value: number, projected: number | null): number | null {
  return projected === null || !(value > 0) || !(projected > 0) ? null : projected / value;
}

/**
 * Every target kind, by kind: how it is solved, or why it is not. A level's and a share's ratio
 * is `projected / value`; a growth target's is the ratio of the levels its rates imply over its
 * years, `((1 + projected/100) / (1 + value/100))^(year − baseYear)`, so one tolerance reads
 * alike for all three ("within 2% above the threshold" is 2% of the level).
 */
export const SOLVABLE_KINDS: {
  readonly [K in TargetKind]: SolvableKind<K> | UnsolvableKind;
} = {
  level: { lever: "growth", ratio: (t, e) => levelRatio(t.value, e.projected) },
  growth: {
    lever: "growth",
    ratio: (t, e) =>
      e.projected === null || !(t.value > -100) || !(e.projected > -100)
        ? null
        : ((1 + e.projected / 100) / (1 + t.value / 100)) ** (t.year - t.baseYear),
  },
  share: { lever: "edge", ratio: (t, e) => levelRatio(t.value, e.projected) },
  count: {
    unsupported:
      "a count adds up yearly counts (things built or certified), which do not grow at a rate",
  },
  rank: {
    unsupported:
      "a rank compares the city with a reference series; solve the level of its indicator instead",
  },
  class: {
    unsupported: "a class target counts places reaching a size class, not a growth of one series",
  },
};

/** The kind's entry for a target. */
export function solvableKind(target: Target): SolvableKind<TargetKind> | UnsolvableKind {
  return SOLVABLE_KINDS[target.kind] as SolvableKind<TargetKind> | UnsolvableKind;
}
