import type { useTranslations } from 'next-intl';

/** The planner's texts are the `planner` namespace of messages/*.json, read with next-intl. */
export type PlannerText = ReturnType<typeof useTranslations<'planner'>>;
