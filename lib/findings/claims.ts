import type { Tier } from '../analysis/tiers';
import type { Label } from '../survey/codebook';

/**
 * A published figure as a machine-checkable claim (data/findings.json). The rule for "reproduced":
 * a published percentage is reproduced when the computed weighted share rounds to it; an ordering
 * when it holds and the difference is significant at 5% (two-sided).
 */
export type Provenance = 'seed' | 'seed+coverage' | 'coverage' | 'seed+ipsos' | 'assumption';

interface MetricBase {
  /** Items whose ratings are pooled (or, for tiers, each checked on its own). */
  items?: string[];
  family?: string;
  /** Respondent filter, attribute id -> level codes. */
  filter?: Record<string, string[]>;
}

/** The weighted share rounds to `published` percent. */
export interface ShareMetric extends MetricBase {
  kind: 'share';
  published: number;
  /** Answer codes counted instead of the items' positive codes (P5: "no" for "never"). */
  outcome?: string[];
}

/** Every item falls in the expected tier (see classifyTier). */
export interface TierMetric extends MetricBase {
  kind: 'tier';
  expected: Tier;
}

/** Each item is "ok" among the unlocking levels of an attribute and not "ok" among the others. */
export interface UnlockMetric extends MetricBase {
  kind: 'unlock';
  attribute: string;
  unlocked: string[];
  locked: string[];
}

/** Pairs of levels of a grouping, [higher, lower]: each pair ordered so, significantly. */
export interface OrderingMetric extends MetricBase {
  kind: 'ordering';
  by: string;
  pairs: [string, string][];
}

/** Among the cells of a grouping at or above the minimum base, the top and the bottom ones. */
export interface ExtremesMetric extends MetricBase {
  kind: 'extremes';
  by: string[];
  top: Record<string, string>;
  bottom: Record<string, string>;
}

/** Within every level of `within`, the share rose from one level of `over` to another. */
export interface RiseMetric extends MetricBase {
  kind: 'rise';
  over: string;
  from: string;
  to: string;
  within: string;
}

export type ClaimMetric = ShareMetric | TierMetric | UnlockMetric | OrderingMetric | ExtremesMetric | RiseMetric;

export interface Claim {
  id: string;
  study: 'P' | 'G';
  dataset: string;
  statement: Label;
  /** The published figure as printed ("48%", "+19 pp, 65%", "ordering"). */
  published: Label;
  provenance: Provenance;
  source: Label;
  metric: ClaimMetric;
}

export interface FindingsRegistry {
  rule: Label;
  claims: Claim[];
}

export interface ClaimCheck {
  /** One line per part of the claim, for the terminal (ids and codes). */
  label: string;
  /** The same line in words for the pages: labels instead of codes, in English and Dutch. */
  text?: Label;
  ok: boolean;
  share?: number;
  ci?: { lower: number; upper: number };
  respondents?: number;
  effectiveBase?: number;
  pValue?: number;
}

export interface ClaimResult {
  claim: Claim;
  reproduced: boolean;
  /** The headline computed value, formatted ("46.1%"), and its number when it is a share. */
  computed: string;
  /** The computed value in words for the pages (labels, not codes), when it is not a plain share. */
  display?: Label;
  share: number | null;
  ci: { lower: number; upper: number } | null;
  respondents: number | null;
  effectiveBase: number | null;
  checks: ClaimCheck[];
  error?: string;
}
