import type { WeightInUse } from '../survey/weights';
import type { Interval } from '../stats/wilsonInterval';
import type { Label } from '../survey/codebook';

/**
 * The executive summary of one dataset as plain data: what the home page, the PDF and the slide
 * deck all draw from, so the three can never disagree. Numbers are shares in 0..1 (differences in
 * share units too); formatting for a locale happens only when a view draws them (format.ts).
 */

/** How a bar is drawn: the headline's own figure, a comparison, or an "OK" / "no-go" colour. */
export type Tone = 'focus' | 'base' | 'ok' | 'nogo';

/** One computed share with everything its footnote needs. */
export interface Figure {
  label: Label;
  share: number;
  ci: Interval | null;
  respondents: number;
  effectiveBase: number;
  /** The published claim (data/findings.json) this figure computes, when there is one. */
  claimId?: string;
  tone: Tone;
  smallBase: boolean;
}

export type HeadlineValue =
  /** A share of respondents: "46%". */
  | { kind: 'share'; share: number }
  /** A difference between two shares, in share units (0.19 = 19 points), with its test. */
  | { kind: 'points'; diff: number; pValue: number }
  /** The lowest and highest of several shares: "64-70%". */
  | { kind: 'range'; low: number; high: number };

/** What a headline's figures describe, for the key-takeaway search (see takeaways.ts). */
export interface Scope {
  label: Label;
  items?: string[];
  family?: string;
  filter?: Record<string, string[]>;
}

export interface Headline {
  id: string;
  /** The published claims whose computed values this headline shows (the /findings rows). */
  claimIds: string[];
  value: HeadlineValue;
  /** Completes the figure into a sentence: "46%" + "are positive about automated services". */
  title: Label;
  /** One line on what to do about it. */
  soWhat: Label;
  chartTitle: Label;
  bars: Figure[];
  /** The explorer view (or the findings table) that supports the figure; without language. */
  link: { kind: 'explore' | 'findings'; href: string };
  /** How a difference was tested, when the figure is one. */
  test?: { high: Figure; low: Figure; pValue: number; description: Label };
  /**
   * The one comparison a difference headline states ("Emotional bond: Strong 65.0%, Weak 29.4%:
   * 35.6 points more"): its big figure, its line in words, its footnote's test and the key takeaway
   * on the same dimension all come from this one object (takeaways.ts, levelCandidate).
   */
  comparison?: Comparison;
  /** A question group's largest significant difference between the levels of an attribute (generic headlines). */
  difference?: GroupDifference;
  scope?: Scope;
}

/** The largest difference between two levels of one attribute, tested, after Benjamini-Hochberg over the attributes tried. */
export interface GroupDifference {
  dimension: Label;
  high: Figure;
  low: Figure;
  diff: number;
  pValue: number;
  pAdjusted: number;
  /** How many attributes were compared (the size of the correction family). */
  tested: number;
}

/** Two levels of one dimension compared within a scope, with the design-based t test of the difference. */
export interface Comparison {
  dimension: { id: string; label: Label };
  scope: Label;
  top: Figure & { level: string };
  bottom: Figure & { level: string };
  /** top minus bottom, in share units. */
  diff: number;
  pValue: number;
}

/** A significant difference found in the data, for the key takeaways. */
export interface Takeaway extends Comparison {
  /** Benjamini-Hochberg over every comparison the search made. */
  pAdjusted: number;
}

/** A headline the dataset cannot support (its codebook lacks the items or attributes). */
export interface OmittedHeadline {
  id: string;
  title: Label;
  /** What the dataset lacks, in words. */
  reason: Label;
}

export interface ExecutiveSummary {
  datasetId: string;
  title: Label;
  studyStyle: string;
  synthetic: boolean;
  weighted: boolean;
  /** The weight in use, named in the methods (weightNote). */
  weight: Pick<WeightInUse, 'id' | 'kind' | 'label'>;
  respondents: number;
  /**
   * When the figures are on one wave of a several-wave dataset (study P's published figures are its
   * 2018 edition, and its claims filter to it): that wave and its respondents, for the header to
   * say which base the figures have instead of the whole file's.
   */
  figuresWave?: { label: Label; respondents: number; waves: number };
  /** The study's headline set ('G', 'P') or the generic one for an analyst's own codebook. */
  headlineSet: 'G' | 'P' | 'generic';
  headlines: Headline[];
  omitted: OmittedHeadline[];
  takeaways: Takeaway[];
  /** How many comparisons the takeaway search tested (the size of the correction family). */
  comparisonsTested: number;
  minBase: number;
  confLevel: number;
}
