import { useLocale, useTranslations } from 'next-intl';
import type { Locale } from '@/lib/survey/codebook';
import type { AnswerGroup, AnswersModel } from '@/lib/explore/viewModels/answers';
import { shorten } from '@/lib/explore/shorten';
import { answerColour } from '../../colours';
import type { ExploreText } from '../../messages';
import { noteOf, splitTable } from '../../table';
import { ChartCard } from '../ChartCard';
import { SplitChartView, type StackPart, type StackRow } from '../SplitChartView';

function stackParts(group: AnswerGroup, locale: Locale): StackPart[] {
  return group.parts.map((p) => ({ code: p.code, label: p.label[locale], ...answerColour(p.tone, p.strength) }));
}

function stackRows(group: AnswerGroup, minBase: number, locale: Locale, t: ExploreText): StackRow[] {
  const positiveLabel = t('positiveAll');
  const positives = group.parts.filter((p) => p.tone === 'positive').length;
  return group.rows.map((row) => ({
    key: row.key,
    label: row.label[locale],
    text: row.text?.[locale],
    parts: row.parts,
    lead: row.positive,
    // With one positive answer its own line says it all.
    leadLabel: positives > 1 ? positiveLabel : undefined,
    small: row.positive.small ? noteOf(row.positive, minBase, locale, t) : undefined,
  }));
}

/** Every answer of a family's items, every code with its label (any codebook); a chart per answer scale. */
export function AnswersView({ model, fileBase }: { model: AnswersModel; fileBase: string[] }) {
  const locale = useLocale();
  const t = useTranslations('explore');
  const family = shorten(model.family.label[locale], 60);
  const several = model.groups.length > 1;
  return (
    <>
      {model.groups.map((group, g) => {
        const id = several ? `answers-${g + 1}` : 'answers';
        const title = several ? t('answersTitleScale', { family, scale: shorten(group.scale[locale], 60) }) : t('answersTitle', { family });
        const parts = stackParts(group, locale);
        return (
          <ChartCard
            key={id}
            id={id}
            title={title}
            lead={t('answersLead')}
            legend={parts.map((p) => ({ label: p.label, colour: p.fill }))}
            chart={<SplitChartView parts={parts} rows={stackRows(group, model.minBase, locale, t)} leadParts={group.parts.filter((p) => p.tone === 'positive').length} title={title} />}
            footnote={[t('answersFootnote'), ...(group.rows.some((r) => r.positive.small) ? [t('smallNoteSplit', { min: model.minBase })] : [])]}
            table={splitTable(group.parts, group.rows, model.minBase, locale, t, t('rowItem'), { positiveLabel: t('positiveAll') })}
            fileParts={[...fileBase, model.family.id, id]}
            tableCaption={t('tableCaption', { title })}
          />
        );
      })}
    </>
  );
}
